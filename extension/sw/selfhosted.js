// Registering and unregistering the content scripts of approved self-hosted origins. The panel
// asks the browser for the origin (that needs the admin's click); the worker only acts once the
// browser confirms the grant, so storage never lists an origin Linksmith may not read.
import { APPROVED_KEY, approvedHosts, builtInSide, normaliseOrigin } from './hosts.js';
import { originPattern as pattern } from '../shared/origins.js';
import { ERROR, SIDES } from '../shared/vocabulary.js';

const ID_PREFIX = 'selfhosted:';
const scriptId = (origin) => `${ID_PREFIX}${origin}`;

// The same files, order and timing as the manifest's static content script: one definition.
function contentScript(origin) {
  const [declared] = chrome.runtime.getManifest().content_scripts;
  return {
    id: scriptId(origin),
    matches: [pattern(origin)],
    js: declared.js,
    runAt: declared.run_at,
    allFrames: false,
    persistAcrossSessions: true,
  };
}

async function registered() {
  return (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
}

export async function addHost(origin, side) {
  if (normaliseOrigin(origin) !== origin || !SIDES.includes(side)) {
    throw Object.assign(new Error('an https origin and a side (jira or align) are required'), { name: ERROR.BAD_REQUEST });
  }
  if (builtInSide(origin)) throw Object.assign(new Error(`${origin} is already a built-in site`), { name: ERROR.BAD_REQUEST });
  if (!(await chrome.permissions.contains({ origins: [pattern(origin)] }))) {
    throw Object.assign(new Error(`the browser has not granted ${origin}`), { name: ERROR.NOT_GRANTED });
  }
  if ((await registered()).some((s) => s.id === scriptId(origin))) {
    await chrome.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
  }
  await chrome.scripting.registerContentScripts([contentScript(origin)]);
  const hosts = (await approvedHosts()).filter((h) => h.origin !== origin);
  await chrome.storage.local.set({ [APPROVED_KEY]: [...hosts, { origin, side }] });
  return approvedHosts();
}

/** Forget an origin: the list first (the gate refuses at once), then the scripts, then the grant. */
export async function removeHost(origin, { revoke = true } = {}) {
  const hosts = await approvedHosts();
  await chrome.storage.local.set({ [APPROVED_KEY]: hosts.filter((h) => h.origin !== origin) });
  const ids = (await registered()).filter((s) => s.id === scriptId(origin)).map((s) => s.id);
  if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  if (revoke && !builtInSide(origin)) await chrome.permissions.remove({ origins: [pattern(origin)] });
  return approvedHosts();
}

/** The admin took the permission back in the browser's settings: drop what depended on it. */
export async function onPermissionsRemoved(removed) {
  for (const p of removed?.origins ?? []) {
    const origin = normaliseOrigin(p.replace(/\/\*$/, '/'));
    if (origin) await removeHost(origin, { revoke: false });
  }
}
