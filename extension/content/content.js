// Linksmith content script, part 3 of 3: observe the page, report to the service worker, and
// answer the worker's messages. It listens to no page messages (window.postMessage, custom
// events): the only way to fill is the worker's `sw:fill`, and that goes through gate.js.
//
// Messages (content → worker):
//   {type:'content:report', surface, step, href, fields:{key:{value, label, confidence}}, signals}
//   (apiToken: its shape — {present, length, surroundingWhitespace, innerWhitespace, invisibleInside, quoted, startsWithATATT} — never a value)
// Messages (worker → content), answered {ok:true, data} or {ok:false, error:{name, message}}:
//   {type:'sw:describe'} → data {pageToken, surface, step, href, fields:[{key, label, confidence,
//                                visible, editable, value (apiToken: its shape only)}]}
//   {type:'sw:fill', pageToken, values:{key: value}} → data {filled:[{key, stuck}], refused:[{key, reason}]}
(() => {
  'use strict';
  const LS = (globalThis.__linksmith ??= {});
  if (LS.started) return;
  LS.started = true;
  const F = LS.fields;
  const G = LS.gate;
  const round = (n) => Math.round(n * 100) / 100;

  // ---- reports ----------------------------------------------------------------------------------
  function reportFields(detection) {
    const out = {};
    for (const [key, f] of detection.fields) {
      out[key] = { ...F.readValue(f), label: f.label, confidence: round(f.confidence) };
    }
    return out;
  }

  let lastSent = '';
  let timer = 0;
  function sendReport() {
    timer = 0;
    if (G.pageRefusal()) return; // never report from a frame or origin we would not fill
    let message;
    try {
      const d = F.detect();
      if (!d.surface) return; // not an admin form Linksmith knows
      message = {
        type: 'content:report', surface: d.surface, step: d.step, href: location.href,
        fields: reportFields(d), signals: d.surface ? F.signals(d) : {},
      };
    } catch {
      return; // a page mid-render; the next mutation schedules another report
    }
    const text = JSON.stringify(message);
    if (text === lastSent) return;
    lastSent = text;
    try {
      chrome.runtime.sendMessage(message).catch(() => {});
    } catch {
      // The extension was reloaded: this copy is orphaned and stops.
      observer.disconnect();
    }
  }
  function schedule() {
    if (!timer) timer = setTimeout(sendReport, 250);
  }

  // ---- observation ------------------------------------------------------------------------------
  const observer = new MutationObserver(() => { schedule(); watchRoots(); });
  const watched = new WeakSet();
  const OBSERVE = {
    childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'disabled', 'readonly', 'value', 'open', 'checked', 'selected', 'aria-selected'],
  };
  /** Observe the document, open shadow roots and same-origin frames (mutation records do not cross them). */
  function watchRoots() {
    for (const root of F.allRoots()) {
      if (watched.has(root)) continue;
      watched.add(root);
      observer.observe(root, OBSERVE);
      for (const type of ['input', 'change']) root.addEventListener(type, schedule, true);
      if (root.nodeType === 9 && root !== document) root.defaultView?.addEventListener('load', schedule);
    }
  }
  // Nothing is reported or described before the gate knows the approved self-hosted origins.
  const ready = G.loadApproved().catch(() => {});
  ready.then(() => {
    watchRoots();
    document.addEventListener('load', () => { watchRoots(); schedule(); }, true); // iframe loads
    window.addEventListener('popstate', schedule);
    window.addEventListener('hashchange', schedule);
    schedule();
  });

  // ---- messages from the worker -----------------------------------------------------------------
  const EXTENSION_ROOT = chrome.runtime.getURL('');

  function fromWorker(sender) {
    if (!sender || sender.id !== chrome.runtime.id) return false;
    return !sender.url || sender.url.startsWith(EXTENSION_ROOT);
  }

  function describe() {
    const refusal = G.pageRefusal();
    if (refusal) return { ok: false, error: { name: refusal, message: 'this page is not one Linksmith reads' } };
    const d = F.detect();
    const pageToken = G.issuePlan(d);
    const fields = [...d.fields.values()].map((f) => ({
      key: f.key, label: f.label, confidence: round(f.confidence), visible: f.visible,
      editable: F.isEnabled(f.el) && !F.isReadOnly(f.el), ...F.readValue(f),
    }));
    return { ok: true, data: { pageToken, surface: d.surface, step: d.step, href: location.href, fields } };
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!fromWorker(sender) || !message || typeof message.type !== 'string') return false;
    if (message.type === 'sw:describe') {
      ready.then(() => {
        try {
          sendResponse(describe());
        } catch (e) {
          sendResponse({ ok: false, error: { name: 'internal', message: String(e?.message ?? e) } });
        }
      });
      return true; // async answer
    }
    if (message.type === 'sw:fill') {
      const values = message.values && typeof message.values === 'object' && !Array.isArray(message.values) ? message.values : null;
      if (!values) {
        sendResponse({ ok: false, error: { name: 'bad-request', message: 'values must be an object' } });
        return false;
      }
      ready.then(() => G.fill(message.pageToken, values)).then(
        (data) => { sendResponse({ ok: true, data }); schedule(); },
        (e) => sendResponse({ ok: false, error: { name: 'internal', message: String(e?.message ?? e) } }),
      );
      return true; // async answer
    }
    return false;
  });
})();
