// One message router. Every message names its direction in its type (`panel:*` from extension
// pages, `content:*` from content scripts); each sender is checked before anything is done, and
// every answer is `{ok: true, data}` or `{ok: false, error: {name, message}}`.
import { loadCore } from './core.js';
import { sideOfUrl, originOf, approvedHosts } from './hosts.js';
import { addHost, removeHost } from './selfhosted.js';
import { managedPolicy, applyPolicy, lockedOptions } from './policy.js';
import { loadState, updateState, resetState } from './state.js';
import { recompute } from './setup.js';
import { planFill } from './plan.js';
import { bindingHandlers } from './bindings.js';

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL('/')).origin;
const MAX_VALUE = 16 * 1024; // a 4096-bit PEM is ~800 bytes; anything huge is not a form value
const FIELD_KEYS = {
  align: ['jiraLink', 'name', 'jiraApiUrl', 'authType', 'consumerKey', 'publicKey', 'username'],
  jira: ['applicationUrl', 'applicationName', 'applicationType', 'createIncomingLink', 'linkType',
    'consumerKey', 'consumerName', 'publicKey', 'callbackUrl', 'twoLo'],
};

const ok = (data) => ({ ok: true, data });
const fail = (name, message) => ({ ok: false, error: { name, message } });
const isString = (v, max = MAX_VALUE) => typeof v === 'string' && v.length <= max;
// User-facing text comes from _locales (chrome.i18n works in the worker too).
const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

/** True when the message comes from one of this extension's own pages (panel, popup). */
export function isExtensionPage(sender) {
  if (sender?.id !== chrome.runtime.id || typeof sender.url !== 'string') return false;
  return originOf(sender.url) === EXTENSION_ORIGIN && !sender.tab?.url?.startsWith('http');
}

/** The side a content script speaks for, or null if the sender is not a top frame on an allowed host. */
async function contentSide(sender) {
  if (sender?.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) return null;
  return sideOfUrl(sender.url, await approvedHosts());
}

/** The state with the enterprise policy's values written in (and saved if they changed). */
async function stateWithPolicy() {
  const policy = await managedPolicy();
  const state = await loadState();
  if (applyPolicy({ ...state.options }, policy)) {
    await updateState(async (s) => {
      applyPolicy(s.options, policy);
      await recompute(s);
    });
  }
  return { state: await loadState(), policy };
}

/** Keeps only known field keys with string/boolean values of sane size; drops everything else. */
function cleanFields(side, fields) {
  const clean = {};
  if (!fields || typeof fields !== 'object') return clean;
  for (const key of FIELD_KEYS[side]) {
    const f = fields[key];
    if (!f || typeof f !== 'object') continue;
    if (!(isString(f.value) || typeof f.value === 'boolean')) continue;
    clean[key] = {
      value: f.value,
      label: isString(f.label, 200) ? f.label : '',
      confidence: typeof f.confidence === 'number' ? f.confidence : 0,
    };
  }
  return clean;
}

function cleanSignals(signals) {
  const clean = {};
  if (!signals || typeof signals !== 'object') return clean;
  for (const [k, v] of Object.entries(signals).slice(0, 32)) {
    if (/^[A-Za-z]{1,40}$/.test(k) && typeof v === 'boolean') clean[k] = v;
  }
  return clean;
}

// The API token's shape (never its value) for the in-place check of the Basic Auth field.
function cleanTokenShape(shape) {
  if (!shape || typeof shape !== 'object') return null;
  const at = (p) => (Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && [...p[0]].length === 1
    && Number.isInteger(p[1]) && p[1] > 0 ? [p[0], p[1]] : null);
  return {
    present: shape.present === true,
    length: Number.isInteger(shape.length) && shape.length >= 0 ? shape.length : 0,
    surroundingWhitespace: shape.surroundingWhitespace === true,
    innerWhitespace: at(shape.innerWhitespace),
    invisibleInside: at(shape.invisibleInside),
    quoted: shape.quoted === true,
    startsWithATATT: shape.startsWithATATT === true,
  };
}

/** The core's verdict on the token's shape: a mask and problems, nothing of the token. */
async function tokenReport(shape) {
  const clean = cleanTokenShape(shape);
  if (!clean?.present) return clean && { present: false, report: null };
  return { present: true, report: (await loadCore()).checkApiTokenShape(clean) };
}

const contentHandlers = {
  async 'content:report'(message, sender, side) {
    if (!isString(message.surface, 64) || !isString(message.href, 4096)) return fail('bad-request', 'surface and href are required');
    await updateState(async (state) => {
      const previous = state.sides[side];
      const sameTab = previous?.tabId === sender.tab.id;
      state.sides[side] = {
        tabId: sender.tab.id,
        origin: originOf(sender.url),
        href: sender.url,
        surface: message.surface,
        step: isString(message.step, 64) ? message.step : '',
        // A step shows only some fields: keep what earlier steps showed on the same site.
        fields: { ...(sameTab || previous?.origin === originOf(sender.url) ? previous?.fields : {}), ...cleanFields(side, message.fields) },
        signals: { ...(sameTab ? previous?.signals : {}), ...cleanSignals(message.signals) },
        apiToken: side === 'align' ? await tokenReport(message.fields?.apiToken) : null,
        updatedAt: Date.now(),
      };
      await recompute(state);
    });
    return ok(null);
  },
};

async function describeTab(tabId) {
  try {
    return await chrome.tabs.sendMessage(tabId, { type: 'sw:describe' }, { frameId: 0 });
  } catch {
    return null;
  }
}

// One fill can reveal more fields (choosing Basic Auth shows Jira Username), so a fill runs in
// rounds: describe, plan, fill, until a round has nothing new to fill. Each round gets a fresh
// page token, so the gate still checks every field against what was just described.
const MAX_ROUNDS = 3;

async function fillSide(side) {
  const { state } = await stateWithPolicy();
  const tabId = state.sides[side]?.tabId;
  if (tabId === undefined) return fail('no-tab', t(side === 'jira' ? 'errNoTabJira' : 'errNoTabAlign'));
  const filled = [];
  const refused = new Map();
  const attempted = new Set();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const described = await describeTab(tabId);
    if (!described) return fail('no-tab', t('errTabGone'));
    if (!described.ok) return fail('describe-failed', described.error?.message ?? t('errNoAnswer'));
    const values = Object.fromEntries(Object.entries(await planFill(side, described.data, state))
      .filter(([key]) => !attempted.has(key)));
    if (Object.keys(values).length === 0) break;
    for (const key of Object.keys(values)) attempted.add(key);
    const result = await chrome.tabs.sendMessage(tabId, { type: 'sw:fill', pageToken: described.data.pageToken, values }, { frameId: 0 })
      .catch(() => null);
    if (!result?.ok) return fail('fill-failed', result?.error?.message ?? t('errFillRefused'));
    filled.push(...result.data.filled);
    for (const r of result.data.refused) refused.set(r.key, r);
    if (side === 'jira' && result.data.filled.some((f) => f.key === 'publicKey' && f.stuck)) {
      const report = (await loadCore()).inspectPublicKey(values.publicKey);
      await updateState((s) => { s.filled.jiraPublicKeyFingerprint = report.fingerprintSha256 ?? null; });
    }
  }
  for (const f of filled) refused.delete(f.key);
  if (filled.length === 0 && refused.size === 0) {
    return ok({ filled, refused: [], note: t('nothingToFillAll') });
  }
  return ok({ filled, refused: [...refused.values()] });
}

const panelHandlers = {
  async 'panel:getState'() {
    const { state, policy } = await stateWithPolicy();
    return ok({ ...state, policy });
  },
  async 'panel:reset'() {
    await resetState();
    const { state, policy } = await stateWithPolicy();
    return ok({ ...state, policy });
  },
  async 'panel:setOptions'({ options }) {
    if (!options || typeof options !== 'object') return fail('bad-request', 'options must be an object');
    const allowed = { consumerKey: 255 * 4, authType: 16, username: 320, jiraSiteUrl: 2048, alignSiteUrl: 2048 };
    const policy = await managedPolicy();
    const locked = lockedOptions(policy); // set by the organisation: not the panel's to change
    await updateState(async (state) => {
      for (const [key, max] of Object.entries(allowed)) {
        if (!locked.includes(key) && isString(options[key], max)) state.options[key] = options[key];
      }
      applyPolicy(state.options, policy);
      await recompute(state);
    });
    return ok({ ...(await loadState()), policy });
  },
  async 'panel:fill'({ side }) {
    if (side !== 'align' && side !== 'jira') return fail('bad-request', 'side must be align or jira');
    return fillSide(side);
  },
  async 'panel:checkField'({ field, value, context }) {
    if (!isString(field, 64) || !isString(value)) return fail('bad-request', 'field and value must be strings');
    return ok((await loadCore()).checkField(field, value, context ?? {}));
  },
  async 'panel:suggestConsumerKey'({ name }) {
    if (!isString(name, 1024)) return fail('bad-request', 'name must be a string');
    const suggested = (await loadCore()).suggestConsumerKey(name);
    const { consumerKeyPrefix: prefix } = await managedPolicy();
    return ok(prefix && !suggested.startsWith(prefix) ? `${prefix}${suggested}`.slice(0, 255) : suggested);
  },
  async 'panel:explainOAuthProblem'({ text }) {
    if (!isString(text, 64 * 1024)) return fail('bad-request', 'text must be a string');
    return ok((await loadCore()).explainOAuthProblem(text));
  },
  async 'panel:inspectPublicKey'({ text }) {
    if (!isString(text, 1024 * 1024)) return fail('bad-request', 'text must be a string');
    return ok((await loadCore()).inspectPublicKey(text));
  },
  // Self-hosted sites. The panel has already had the browser grant the origin (that needs the
  // admin's click); addHost checks the grant again before registering anything.
  async 'panel:addHost'({ origin, side }) {
    if (!isString(origin, 2048) || !isString(side, 8)) return fail('bad-request', 'origin and side must be strings');
    return ok(await addHost(origin, side));
  },
  async 'panel:removeHost'({ origin }) {
    if (!isString(origin, 2048)) return fail('bad-request', 'origin must be a string');
    return ok(await removeHost(origin));
  },
  async 'panel:comparePublicKeys'({ a, b }) {
    if (!isString(a, 1024 * 1024) || !isString(b, 1024 * 1024)) return fail('bad-request', 'a and b must be strings');
    return ok((await loadCore()).comparePublicKeys(a, b));
  },
};

Object.assign(panelHandlers, bindingHandlers); // Point to the field, bindings, Describe this page

export async function handleMessage(message, sender) {
  if (sender?.id !== chrome.runtime.id) return fail('forbidden', 'unknown sender');
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') {
    return fail('bad-request', 'a message needs a type');
  }
  if (Object.hasOwn(panelHandlers, message.type)) {
    if (!isExtensionPage(sender)) return fail('forbidden', `${message.type} is only accepted from Linksmith's own pages`);
    return panelHandlers[message.type](message);
  }
  if (Object.hasOwn(contentHandlers, message.type)) {
    const side = await contentSide(sender);
    if (!side) return fail('forbidden', `${message.type} is only accepted from a Jira or Jira Align page`);
    return contentHandlers[message.type](message, sender, side);
  }
  return fail('bad-request', `unknown message type ${message.type}`);
}

/** The keyboard command: fill whichever side the active tab is. */
export async function fillActiveTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const state = await loadState();
  const side = ['align', 'jira'].find((s) => state.sides[s]?.tabId === tab?.id);
  return side ? fillSide(side) : fail('no-tab', t('errNotAForm'));
}

