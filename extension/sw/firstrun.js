// First run: Jira and Jira Align tabs that were open before Linksmith was installed, updated or
// re-enabled have no content script (the browser injects manifest content scripts only into pages
// loaded afterwards), so the panel would not see them until the admin reloaded. Once per start of
// the extension, this injects the manifest's content scripts into those open tabs' top frames.
//
// "Once per start": chrome.storage.session is empty after install, update, re-enable and browser
// start, and only then. A tab that already runs the content scripts (a page loaded since) is
// probed first and left alone. The files are read from the manifest, so this follows whatever the
// build puts in content_scripts.
import { approvedHosts } from './hosts.js';

const DONE_KEY = 'openTabsInjected';

/** The manifest's content scripts with the approved self-hosted origins added to their matches. */
async function scriptSets() {
  const sets = chrome.runtime.getManifest().content_scripts ?? [];
  const selfHosted = (await approvedHosts()).map((h) => `${h.origin}/*`);
  return sets.map((set, i) => ({ ...set, matches: i === 0 ? [...set.matches, ...selfHosted] : set.matches }));
}

// Runs in the tab's extension world, where the content script marks that it started (main.js).
function alreadyRunning() {
  return Boolean(globalThis.__linksmithStarted);
}

async function injectInto(tabId, set) {
  const target = { tabId, frameIds: [0] };
  const [probe] = await chrome.scripting.executeScript({ target, func: alreadyRunning });
  if (probe?.result) return false;
  if (set.css?.length) await chrome.scripting.insertCSS({ target, files: set.css });
  if (set.js?.length) await chrome.scripting.executeScript({ target, files: set.js });
  return true;
}

/** Injects into every open tab a content script set matches; returns how many tabs got them. */
export async function injectIntoOpenTabs() {
  let injected = 0;
  for (const set of await scriptSets()) {
    if (!set.matches?.length) continue;
    const tabs = await chrome.tabs.query({ url: set.matches });
    for (const tab of tabs) {
      // A discarded or still-loading tab gets the scripts from the browser when it loads.
      if (tab.discarded || tab.id === undefined) continue;
      if (await injectInto(tab.id, set).catch(() => false)) injected += 1;
    }
  }
  return injected;
}

async function onExtensionStart() {
  if ((await chrome.storage.session.get(DONE_KEY))[DONE_KEY]) return;
  await chrome.storage.session.set({ [DONE_KEY]: true });
  await injectIntoOpenTabs();
}

onExtensionStart().catch(() => {});
