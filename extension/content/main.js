// Linksmith content script entry: observe the page, report to the service worker, and answer
// the worker's messages. It listens to no page messages (window.postMessage, custom events):
// the only ways to write are the worker's `sw:fill` (through the gate) and `sw:pick`'s banner.
//
// Messages (content → worker):
//   {type:'content:report', surface, step, href, fields:{key:{value, label, confidence}}, signals}
//   (apiToken: its shape — {present, length, surroundingWhitespace, innerWhitespace, invisibleInside, quoted, startsWithATATT} — never a value)
// Messages (worker → content), answered {ok:true, data} or {ok:false, error:{name, message}}:
//   {type:'sw:describe'} → data {pageToken, surface, step, href, fields:[{key, label, confidence,
//        visible, editable, widget, source, value (apiToken: its shape only)}]}
//   {type:'sw:fill', pageToken, values:{key: value}} → data {filled:[{key, label, stuck, shown?}],
//        refused:[{key, label?, reason}], left:[{key, label, reason}]}
//   {type:'sw:pick', side:'align'|'jira', key} → data {selector, surface, step, pathname, label, kind}
//        or {refused: reason}   (the admin clicks one control; never a value)
//   {type:'sw:describePage'} → data: the form structure (pick.js describeStructure), no values
//   {type:'sw:watch', deep: boolean} → data {deep}: observe in depth while the panel is open
//   {type:'sw:readApiToken'} → data {token}: the API token field's value, for Verify with Jira's
//        one Basic-auth request (token.js says when it is refused)
//
// Cost: in depth (every mutation, coalesced per animation frame) only on admin surfaces — Jira's
// applinks paths, a page where an admin form was detected, Jira Align hosts once a form is
// there — or while the panel asks for it. Elsewhere only URL changes are watched.
import { detect } from './surface.js';
import { signals } from './signals.js';
import { readValue } from './values.js';
import { isEnabled, isReadOnly } from './widgets.js';
import { allRoots } from './walk.js';
import { fill, issuePlan, pageRefusal } from './gate.js';
import { describeStructure, pick } from './pick.js';
import { loadStored } from './stored.js';
import { readApiToken } from './token.js';
import { builtInSide } from '../shared/origins.js';
import { ERROR, MESSAGE, SIDE, SIDES } from '../shared/vocabulary.js';

const round = (n) => Math.round(n * 100) / 100;
const ADMIN_PATH = /\/plugins\/servlet\/(applinks|oauth)\/|applinks|application-?links/i;

function reportFields(detection) {
  const out = {};
  for (const [key, f] of detection.fields) out[key] = { ...readValue(f), label: f.label, confidence: round(f.confidence) };
  return out;
}

// ---- reports, one per animation frame at most -------------------------------------------------
let lastSent = '';
let frame = 0;
let fallback = 0;
let orphaned = false;
let lastSurface = null;
function sendReport() {
  cancelAnimationFrame(frame);
  clearTimeout(fallback);
  frame = 0;
  fallback = 0;
  if (orphaned || pageRefusal()) return; // never report from a frame or origin we would not fill
  let message;
  try {
    const d = detect();
    lastSurface = d.surface;
    if (!d.surface) return; // not an admin form Linksmith knows
    message = { type: MESSAGE.CONTENT_REPORT, surface: d.surface, step: d.step, href: location.href, fields: reportFields(d), signals: signals(d) };
  } catch {
    return; // a page mid-render; the next mutation schedules another report
  }
  const text = JSON.stringify(message);
  if (text === lastSent) return;
  lastSent = text;
  try {
    chrome.runtime.sendMessage(message).catch(() => {});
  } catch {
    orphaned = true; // the extension was reloaded: this copy stops
    stopDeep();
  }
}
function schedule() {
  if (frame || fallback || orphaned) return;
  // Normally one report per frame; a hidden tab paints no frames (and a tab can be hidden right
  // after the admin's last keystroke), so a timer sends the report if no frame comes first.
  if (!document.hidden) frame = requestAnimationFrame(sendReport);
  fallback = setTimeout(sendReport, 100);
}

// ---- in-depth observation ---------------------------------------------------------------------
const OBSERVE = {
  childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'disabled', 'readonly', 'value', 'open', 'checked', 'selected', 'aria-selected', 'aria-expanded', 'inert'],
};
let observer = null;
let watched = new WeakSet();
let rootsStale = true;
function watchRoots() {
  rootsStale = false;
  for (const root of allRoots()) {
    if (watched.has(root)) continue;
    watched.add(root);
    observer.observe(root, OBSERVE);
    for (const type of ['input', 'change']) root.addEventListener(type, schedule, true);
  }
}
function onMutations(records) {
  // New subtrees may bring shadow roots or frames: look for them once per frame, not per record.
  if (!rootsStale && records.some((r) => r.addedNodes.length)) rootsStale = true;
  if (rootsStale) requestAnimationFrame(() => { if (rootsStale && observer) watchRoots(); });
  schedule();
}
function onFrameLoad() {
  rootsStale = true;
  if (observer) watchRoots();
  schedule();
}
function startDeep() {
  if (observer) return;
  observer = new MutationObserver(onMutations);
  watched = new WeakSet();
  watchRoots();
  // A frame that loads replaces its document: watch the new one (typing there fires its own events).
  document.addEventListener('load', onFrameLoad, true);
  schedule();
}
function stopDeep() {
  observer?.disconnect();
  observer = null;
  document.removeEventListener('load', onFrameLoad, true);
}

// ---- the cheap watch: URL changes, and (on Jira Align hosts) whether a form appeared ------------
let panelAsked = false;
const controls = document.getElementsByTagName('input'); // live: reading its length costs nothing
function mayMatter() {
  if (panelAsked || lastSurface) return true;
  if (ADMIN_PATH.test(location.pathname)) return true;
  return builtInSide(location.href) === SIDE.ALIGN && controls.length >= 2;
}
function reconsider() {
  if (mayMatter()) startDeep();
  else if (observer) stopDeep();
  schedule();
}
let lastHref = location.href;
function urlMaybeChanged() {
  if (location.href === lastHref) return;
  lastHref = location.href;
  lastSurface = null;
  reconsider();
}
function startCheapWatch() {
  window.addEventListener('popstate', urlMaybeChanged);
  window.addEventListener('hashchange', urlMaybeChanged);
  if (globalThis.navigation?.addEventListener) globalThis.navigation.addEventListener('navigatesuccess', urlMaybeChanged);
  // History API navigations fire no event in this world where the Navigation API is missing.
  setInterval(() => { urlMaybeChanged(); if (!observer && mayMatter()) reconsider(); }, 1000);
}


// ---- messages from the worker -----------------------------------------------------------------
const EXTENSION_ROOT = chrome.runtime.getURL('');
function fromWorker(sender) {
  if (!sender || sender.id !== chrome.runtime.id) return false;
  return !sender.url || sender.url.startsWith(EXTENSION_ROOT);
}
const refusedPage = (refusal) => ({ ok: false, error: { name: refusal, message: 'this page is not one Linksmith reads' } });

function describe() {
  const refusal = pageRefusal();
  if (refusal) return refusedPage(refusal);
  const d = detect();
  const pageToken = issuePlan(d);
  const fields = [...d.fields.values()].map((f) => ({
    key: f.key, label: f.label, confidence: round(f.confidence), visible: f.visible, widget: f.widget, source: f.source,
    editable: isEnabled(f.el) && !isReadOnly(f.el), ...readValue(f),
  }));
  return { ok: true, data: { pageToken, surface: d.surface, step: d.step, href: location.href, fields } };
}

const handlers = {
  [MESSAGE.SW_DESCRIBE]: () => describe(),
  [MESSAGE.SW_FILL]: async (message) => {
    const values = message.values && typeof message.values === 'object' && !Array.isArray(message.values) ? message.values : null;
    if (!values) return { ok: false, error: { name: ERROR.BAD_REQUEST, message: 'values must be an object' } };
    const data = await fill(message.pageToken, values);
    schedule();
    return { ok: true, data };
  },
  [MESSAGE.SW_PICK]: async (message) => {
    const refusal = pageRefusal();
    if (refusal) return refusedPage(refusal);
    if (!SIDES.includes(message.side) || typeof message.key !== 'string' || message.key.length > 64) {
      return { ok: false, error: { name: ERROR.BAD_REQUEST, message: 'side (align|jira) and key are required' } };
    }
    return { ok: true, data: await pick({ side: message.side, key: message.key }) };
  },
  [MESSAGE.SW_DESCRIBE_PAGE]: () => {
    const refusal = pageRefusal();
    return refusal ? refusedPage(refusal) : { ok: true, data: describeStructure(detect()) };
  },
  [MESSAGE.SW_WATCH]: (message) => {
    panelAsked = message.deep === true;
    reconsider();
    return { ok: true, data: { deep: !!observer } };
  },
  [MESSAGE.SW_READ_API_TOKEN]: () => readApiToken(),
};

function start() {
  // Nothing is reported or described before the gate knows the approved origins and bindings.
  const ready = loadStored(() => { lastSent = ''; schedule(); }).catch(() => {});
  ready.then(() => {
    startCheapWatch();
    reconsider();
    // The first report goes at once, not at the next frame: the panel is waiting for it, and
    // there is nothing yet to coalesce.
    sendReport();
    // A page Linksmith was not sure about at first may render its form late: look twice more.
    for (const ms of [1000, 3000]) setTimeout(() => { if (!observer) reconsider(); }, ms);
  });
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!fromWorker(sender) || !message || typeof message.type !== 'string' || !Object.hasOwn(handlers, message.type)) return false;
    ready.then(() => handlers[message.type](message)).then(
      (answer) => sendResponse(answer),
      (e) => sendResponse({ ok: false, error: { name: ERROR.INTERNAL, message: String(e?.message ?? e) } }),
    );
    return true; // async answer
  });
}

// Injected twice (the manifest's script and a registered one for the same page): the first runs.
if (!globalThis.__linksmithStarted) {
  globalThis.__linksmithStarted = true;
  start();
}
