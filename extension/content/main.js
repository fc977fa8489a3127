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
// there — or while the panel asks for it. Elsewhere only URL changes are watched, and a page
// runs the full detection only when its form controls' own labels hint at a form (hint.js).
import { detect } from './surface.js';
import { signals } from './signals.js';
import { readValue } from './values.js';
import { isEnabled, isReadOnly } from './widgets.js';
import { allRoots } from './walk.js';
import { fill, issuePlan, pageRefusal } from './gate.js';
import { describeStructure, pick } from './pick.js';
import { approvedOrigins, boundFor, loadStored } from './stored.js';
import { formHint } from './hint.js';
import { readApiToken } from './token.js';
import { siteSide } from '../shared/origins.js';
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
    if (!observer) reconsider(); // found by its labels: observed in depth from now on
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
    keepCheapWatch();
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
  urlMaybeChanged(); // a string comparison: where no event tells of History API navigations
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

// ---- the cheap watch: URL changes, and whether the page became one that may matter ------------
// Nothing here runs per DOM change on an ordinary Jira page. URL changes are events where the
// Navigation API exists (`currententrychange` fires for History API navigations too); Firefox ESR
// lacks it, so there a check runs every second while the tab is visible and not observed in depth
// (in depth, every mutation batch checks the URL). On the Jira Align side a connector form can
// appear on a click with no URL change: there a childList-only observer counts inputs (a live
// collection's length) until the page is observed in depth.
let panelAsked = false;
const inputs = document.getElementsByTagName('input'); // live: reading its length costs nothing
const side = () => siteSide(location.href, approvedOrigins());
function mayMatter() {
  if (panelAsked || lastSurface) return true;
  if (ADMIN_PATH.test(location.pathname) || boundFor(null, null).length) return true;
  return side() === SIDE.ALIGN && inputs.length >= 2;
}
function reconsider() {
  if (mayMatter()) startDeep();
  else {
    if (observer) stopDeep();
    // Labels decide, wherever the page is: a form that looks like one of ours gets one full detection.
    if (formHint()) schedule();
  }
  keepCheapWatch();
}
let lastHref = location.href;
function urlMaybeChanged() {
  if (location.href === lastHref) return;
  lastHref = location.href;
  lastSurface = null;
  reconsider();
}
const navigationEvents = Boolean(globalThis.navigation?.addEventListener);
let formWatch = null;
// Only added subtrees with an input in them are looked at (counting the page's inputs after every
// change would walk the whole page each time).
const hasInput = (n) => n.nodeType === 1 && (n.localName === 'input' || n.getElementsByTagName('input').length > 0);
function onAddedNodes(records) {
  if (records.some((r) => [...r.addedNodes].some(hasInput)) && inputs.length >= 2) reconsider();
}
let urlTimer = 0;
function keepCheapWatch() {
  const cheap = !observer && !orphaned;
  const wantForms = cheap && side() === SIDE.ALIGN;
  if (wantForms && !formWatch) {
    formWatch = new MutationObserver(onAddedNodes);
    formWatch.observe(document, { childList: true, subtree: true });
  } else if (!wantForms && formWatch) {
    formWatch.disconnect();
    formWatch = null;
  }
  const wantTimer = cheap && !navigationEvents && document.visibilityState === 'visible';
  if (wantTimer && !urlTimer) urlTimer = setInterval(urlMaybeChanged, 1000);
  else if (!wantTimer && urlTimer) {
    clearInterval(urlTimer);
    urlTimer = 0;
  }
}
function startCheapWatch() {
  window.addEventListener('popstate', urlMaybeChanged);
  window.addEventListener('hashchange', urlMaybeChanged);
  if (navigationEvents) globalThis.navigation.addEventListener('currententrychange', urlMaybeChanged);
  else document.addEventListener('visibilitychange', () => { urlMaybeChanged(); keepCheapWatch(); });
}

// ---- messages from the worker -----------------------------------------------------------------
const EXTENSION_ROOT = chrome.runtime.getURL('');
function fromWorker(sender) {
  if (!sender || sender.id !== chrome.runtime.id) return false;
  return !sender.url || sender.url.startsWith(EXTENSION_ROOT);
}
const refusedPage = (refusal) => ({ ok: false, error: { name: refusal, message: 'this page is not one Linksmith reads' } });

// A dialog that has just opened fades in: until its entrance animation ends its fields are
// (rightly) hidden, and a Fill clicked then would fill nothing. Describing waits for the finite
// animations that hold form controls to end, bounded, as a person waits for the dialog to appear.
const SETTLE_MS = 1500;
function entrances() {
  return document.getAnimations().filter((a) => {
    const target = a.effect?.target;
    return a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime)
      && target?.nodeType === 1 && !!target.querySelector('input, textarea, select, [role=combobox]');
  });
}
function animationsSettled() {
  const running = entrances();
  if (!running.length) return undefined;
  let timer = 0;
  const bound = new Promise((resolve) => { timer = setTimeout(resolve, SETTLE_MS); });
  // `finished` rejects when an animation is cancelled: that one has ended too.
  return Promise.race([Promise.allSettled(running.map((a) => a.finished)), bound]).finally(() => clearTimeout(timer));
}

async function describe() {
  const refusal = pageRefusal();
  if (refusal) return refusedPage(refusal);
  await animationsSettled();
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
  const ready = loadStored(() => { lastSent = ''; reconsider(); if (observer) schedule(); }).catch(() => {});
  ready.then(() => {
    startCheapWatch();
    reconsider();
    // On a page observed in depth the first report goes at once, not at the next frame: the panel
    // is waiting for it, and there is nothing yet to coalesce. (An ordinary page gets no report.)
    if (observer) sendReport();
    // A page Linksmith was not sure about at first may render its form late: look twice more
    // (not on a page already observed in depth: an idle admin page wakes nothing up).
    if (!observer) for (const ms of [1000, 3000]) setTimeout(() => { if (!observer) reconsider(); }, ms);
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
