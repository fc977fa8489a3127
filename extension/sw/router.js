// One message router. Every message names its direction in its type (`panel:*` from extension
// pages, `content:*` from content scripts); each sender is checked before anything is done, and
// every answer is `{ok: true, data}` or `{ok: false, error: {name, message}}`.
import { loadCore } from './core.js';
import { sideOfUrl, siteOrigin, originOf, approvedHosts } from './hosts.js';
import { ERROR, FIELDS, LIMITS, MESSAGE, SIDE, SIDES } from '../shared/vocabulary.js';
import { addHost, removeHost } from './selfhosted.js';
import { managedPolicy, policyIfKnown, applyPolicy, lockedOptions } from './policy.js';
import { loadState, updateState, resetState } from './state.js';
import { recompute, recheckWithPolicy } from './setup.js';
import { planFill } from './plan.js';
import { verifyHandlers } from './verify.js';
import { bindingHandlers } from './bindings.js';
import { inspectKey } from './keycache.js';

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL('/')).origin;
// The keys a content script may report for each side: every form field but the secret one (an
// API token is measured in the page, never read; its shape travels separately).
const REPORTED_KEYS = Object.fromEntries(SIDES.map((side) => [side,
  FIELDS.filter((f) => f.side === side && f.onForm && f.input !== 'secret').map((f) => f.key)]));

const ok = (data) => ({ ok: true, data });
const fail = (name, message) => ({ ok: false, error: { name, message } });
const isString = (v, max = LIMITS.MAX_VALUE) => typeof v === 'string' && v.length <= max;
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
  if (applyPolicy({ ...state.options }, policy)) await recheckWithPolicy(policy);
  return { state: await loadState(), policy };
}

/** Keeps only known field keys with string/boolean values of sane size; drops everything else. */
function cleanFields(side, fields) {
  const clean = {};
  if (!fields || typeof fields !== 'object') return clean;
  for (const key of REPORTED_KEYS[side]) {
    const f = fields[key];
    if (!f || typeof f !== 'object') continue;
    if (!(isString(f.value) || typeof f.value === 'boolean')) continue;
    clean[key] = {
      value: f.value,
      label: isString(f.label, LIMITS.MAX_LABEL) ? f.label : '',
      confidence: typeof f.confidence === 'number' ? f.confidence : 0,
    };
  }
  return clean;
}

function cleanSignals(signals) {
  const clean = {};
  if (!signals || typeof signals !== 'object') return clean;
  for (const [k, v] of Object.entries(signals).slice(0, LIMITS.MAX_SIGNALS)) {
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
  async [MESSAGE.CONTENT_REPORT](message, sender, side) {
    if (!isString(message.surface, LIMITS.MAX_ID) || !isString(message.href, LIMITS.MAX_HREF)) return fail(ERROR.BAD_REQUEST, 'surface and href are required');
    await updateState(async (state) => {
      const previous = state.sides[side];
      const sameTab = previous?.tabId === sender.tab.id;
      state.sides[side] = {
        tabId: sender.tab.id,
        origin: siteOrigin(sender.url),
        href: sender.url,
        surface: message.surface,
        step: isString(message.step, LIMITS.MAX_ID) ? message.step : '',
        // A step shows only some fields: keep what earlier steps showed on the same site.
        fields: { ...(sameTab || previous?.origin === siteOrigin(sender.url) ? previous?.fields : {}), ...cleanFields(side, message.fields) },
        signals: { ...(sameTab ? previous?.signals : {}), ...cleanSignals(message.signals) },
        apiToken: side === SIDE.ALIGN ? await tokenReport(message.fields?.apiToken) : null,
        updatedAt: Date.now(),
      };
      await recompute(state);
    });
    return ok(null);
  },
};

async function describeTab(tabId) {
  try {
    return await chrome.tabs.sendMessage(tabId, { type: MESSAGE.SW_DESCRIBE }, { frameId: 0 });
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
  if (tabId === undefined) return fail(ERROR.NO_TAB, t(side === SIDE.JIRA ? 'errNoTabJira' : 'errNoTabAlign'));
  const filled = [];
  const refused = new Map();
  const left = new Map();
  const skipped = new Map(); // planned, but hidden or read-only on the latest screen
  const attempted = new Set();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const described = await describeTab(tabId);
    if (!described) return fail(ERROR.NO_TAB, t('errTabGone'));
    if (!described.ok) return fail(ERROR.DESCRIBE_FAILED, described.error?.message ?? t('errNoAnswer'));
    const plan = await planFill(side, described.data, state);
    skipped.clear();
    for (const s of plan.skipped) skipped.set(s.key, s);
    const values = Object.fromEntries(Object.entries(plan.values).filter(([key]) => !attempted.has(key)));
    if (Object.keys(values).length === 0) break;
    for (const key of Object.keys(values)) attempted.add(key);
    const result = await chrome.tabs.sendMessage(tabId, { type: MESSAGE.SW_FILL, pageToken: described.data.pageToken, values }, { frameId: 0 })
      .catch(() => null);
    if (!result?.ok) return fail(ERROR.FILL_FAILED, result?.error?.message ?? t('errFillRefused'));
    filled.push(...result.data.filled);
    for (const r of result.data.refused) refused.set(r.key, r);
    // What the page still shows empty after this round (the content script's latest view wins).
    left.clear();
    for (const l of result.data.left ?? []) left.set(l.key, l);
    if (side === SIDE.JIRA && result.data.filled.some((f) => f.key === 'publicKey' && f.stuck)) {
      const report = await inspectKey(values.publicKey);
      await updateState((s) => { s.filled.jiraPublicKeyFingerprint = report.fingerprintSha256 ?? null; });
    }
  }
  for (const f of filled) { refused.delete(f.key); skipped.delete(f.key); if (f.stuck) left.delete(f.key); }
  for (const [key, s] of skipped) if (!refused.has(key)) refused.set(key, s);
  for (const key of refused.keys()) left.delete(key);
  if (filled.length === 0 && refused.size === 0) {
    return ok({ filled, refused: [], left: [...left.values()], note: t('nothingToFillAll') });
  }
  // Each entry keeps the content script's label, so the status names every field filled, every
  // field refused and why, and what is left for the admin by hand.
  return ok({ filled, refused: [...refused.values()], left: [...left.values()] });
}

const panelHandlers = {
  ...verifyHandlers, // Verify with Jira (sw/verify.js)
  // Until this worker has read the policy once (seconds, the first time in a browser session),
  // the state is answered at once with `policy: null`; `waitForPolicy` waits for the read.
  async [MESSAGE.PANEL_GET_STATE]({ waitForPolicy }) {
    if (waitForPolicy !== true && !policyIfKnown()) return ok({ ...(await loadState()), policy: null });
    const { state, policy } = await stateWithPolicy();
    return ok({ ...state, policy });
  },
  async [MESSAGE.PANEL_RESET]() {
    await resetState();
    const { state, policy } = await stateWithPolicy();
    return ok({ ...state, policy });
  },
  async [MESSAGE.PANEL_SET_OPTIONS]({ options }) {
    if (!options || typeof options !== 'object') return fail(ERROR.BAD_REQUEST, 'options must be an object');
    const allowed = {
      consumerKey: LIMITS.MAX_VALUE, authType: LIMITS.MAX_ID, username: LIMITS.MAX_USERNAME, serviceAccountEmail: LIMITS.MAX_USERNAME,
      jiraSiteUrl: LIMITS.MAX_URL, alignSiteUrl: LIMITS.MAX_URL,
    };
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
  async [MESSAGE.PANEL_FILL]({ side }) {
    if (!SIDES.includes(side)) return fail(ERROR.BAD_REQUEST, `side must be one of ${SIDES.join(', ')}`);
    return fillSide(side);
  },
  async [MESSAGE.PANEL_CHECK_FIELD]({ field, value, context }) {
    if (!isString(field, LIMITS.MAX_ID) || !isString(value)) return fail(ERROR.BAD_REQUEST, 'field and value must be strings');
    // The organisation's consumer-key prefix is the policy's, never the panel's: the core's
    // consumer-key rule applies it.
    const { consumerKeyPrefix } = await managedPolicy();
    const ruled = { ...(context && typeof context === 'object' ? context : {}), consumerKeyPrefix: consumerKeyPrefix || undefined };
    return ok((await loadCore()).checkField(field, value, ruled));
  },
  async [MESSAGE.PANEL_SUGGEST_CONSUMER_KEY]({ name }) {
    if (!isString(name)) return fail(ERROR.BAD_REQUEST, 'name must be a string');
    const { consumerKeyPrefix } = await managedPolicy();
    return ok((await loadCore()).suggestConsumerKey(name, consumerKeyPrefix || undefined));
  },
  async [MESSAGE.PANEL_EXPLAIN_OAUTH_PROBLEM]({ text }) {
    if (!isString(text, LIMITS.MAX_ERROR_TEXT)) return fail(ERROR.BAD_REQUEST, 'text must be a string');
    return ok((await loadCore()).explainOAuthProblem(text));
  },
  async [MESSAGE.PANEL_INSPECT_PUBLIC_KEY]({ text }) {
    if (!isString(text, LIMITS.MAX_KEY_TEXT)) return fail(ERROR.BAD_REQUEST, 'text must be a string');
    return ok(await inspectKey(text));
  },
  // Self-hosted sites. The panel has already had the browser grant the origin (that needs the
  // admin's click); addHost checks the grant again before registering anything.
  async [MESSAGE.PANEL_ADD_HOST]({ origin, side }) {
    if (!isString(origin, LIMITS.MAX_URL) || !isString(side, LIMITS.MAX_ID)) return fail(ERROR.BAD_REQUEST, 'origin and side must be strings');
    return ok(await addHost(origin, side));
  },
  async [MESSAGE.PANEL_REMOVE_HOST]({ origin }) {
    if (!isString(origin, LIMITS.MAX_URL)) return fail(ERROR.BAD_REQUEST, 'origin must be a string');
    return ok(await removeHost(origin));
  },
  async [MESSAGE.PANEL_COMPARE_PUBLIC_KEYS]({ a, b }) {
    if (!isString(a, LIMITS.MAX_KEY_TEXT) || !isString(b, LIMITS.MAX_KEY_TEXT)) return fail(ERROR.BAD_REQUEST, 'a and b must be strings');
    return ok((await loadCore()).comparePublicKeys(a, b));
  },
};

Object.assign(panelHandlers, bindingHandlers); // Point to the field, bindings, Describe this page

export async function handleMessage(message, sender) {
  if (sender?.id !== chrome.runtime.id) return fail(ERROR.FORBIDDEN, 'unknown sender');
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') {
    return fail(ERROR.BAD_REQUEST, 'a message needs a type');
  }
  if (Object.hasOwn(panelHandlers, message.type)) {
    if (!isExtensionPage(sender)) return fail(ERROR.FORBIDDEN, `${message.type} is only accepted from Linksmith's own pages`);
    return panelHandlers[message.type](message);
  }
  if (Object.hasOwn(contentHandlers, message.type)) {
    const side = await contentSide(sender);
    if (!side) return fail(ERROR.FORBIDDEN, `${message.type} is only accepted from a Jira or Jira Align page`);
    return contentHandlers[message.type](message, sender, side);
  }
  return fail(ERROR.BAD_REQUEST, `unknown message type ${message.type}`);
}

/** The keyboard command: fill whichever side the active tab is. */
export async function fillActiveTab() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const state = await loadState();
  const side = SIDES.find((s) => state.sides[s]?.tabId === tab?.id);
  return side ? fillSide(side) : fail(ERROR.NO_TAB, t('errNotAForm'));
}

