// Linksmith content script, part 2 of 3: the ONE fill gate.
// Every write to the page happens inside this file, and only through `fill()` below, which checks
// the page (top frame, allowed origin, not sandboxed), the plan (pageToken from the last
// describe, same href, same element refs) and each field (not secret, confident, visible,
// enabled, writable, not in a foreign or sandboxed frame) before touching anything. The value
// setters are private to this closure, so no other code path can fill.
(() => {
  'use strict';
  const LS = (globalThis.__linksmith ??= {});
  if (LS.gate) return;
  const F = LS.fields;

  // ---- allowed origins: one function fed from one list --------------------------------------
  /** Host suffixes on a dot boundary (https only). Admin-approved self-hosted origins go in `exact`. */
  const ALLOWED = {
    suffixes: ['atlassian.net', 'jiraalign.com', 'agilecraft.com'],
    exact: [], // e.g. 'https://align.example.com': the admin-approved origins, see loadApproved()
  };

  // The approved self-hosted origins live in chrome.storage.local (the worker writes them only
  // after the browser granted the origin; pages cannot write extension storage). This copy
  // follows every change, so removing a site makes an already-open page refuse at once.
  const APPROVED_KEY = 'approvedHosts';
  function setApproved(list) {
    const origins = Array.isArray(list) ? list.map((h) => h?.origin).filter((o) => {
      try { return typeof o === 'string' && new URL(o).origin === o && o.startsWith('https://'); } catch { return false; }
    }) : [];
    ALLOWED.exact.splice(0, ALLOWED.exact.length, ...origins);
  }
  let approvedLoaded = null;
  function loadApproved() {
    approvedLoaded ??= (async () => {
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && APPROVED_KEY in changes) setApproved(changes[APPROVED_KEY].newValue);
      });
      setApproved((await chrome.storage.local.get(APPROVED_KEY))[APPROVED_KEY]);
    })();
    return approvedLoaded;
  }

  /**
   * True when `url` is an https origin whose host is one of the suffixes or ends in "." + suffix
   * (so acme.atlassian.net passes; acme.atlassian.net.evil.test and acme-atlassian.net fail),
   * or exactly one of the approved origins.
   */
  function isAllowedOrigin(url, list = ALLOWED) {
    let u;
    try { u = new URL(String(url)); } catch { return false; }
    if (u.protocol !== 'https:' || u.username || u.password) return false;
    if (list.exact.includes(u.origin)) return true;
    if (u.port) return false;
    const host = u.hostname.toLowerCase().replace(/\.$/, '');
    return list.suffixes.some((s) => host === s || host.endsWith(`.${s}`));
  }

  /** Why this page may not be filled at all, or null. */
  function pageRefusal() {
    if (window.top !== window) return 'not-top-frame';
    if (!isAllowedOrigin(location.href)) return 'origin-not-allowed';
    // A sandboxed document (CSP sandbox / sandboxed popup) has an opaque origin.
    if (window.origin === 'null' || window.origin !== location.origin) return 'sandboxed';
    return null;
  }

  /** Why an element's document may not be written, or null: only ours or same-origin, unsandboxed frames. */
  function frameRefusal(el) {
    let doc = el.ownerDocument;
    while (doc && doc !== document) {
      let frame;
      try { frame = doc.defaultView?.frameElement; } catch { return 'cross-origin-frame'; }
      if (!frame) return 'cross-origin-frame';
      if (frame.hasAttribute('sandbox')) return 'sandboxed';
      if (doc.defaultView.location.origin !== location.origin || doc.defaultView.origin !== location.origin) {
        return 'cross-origin-frame';
      }
      doc = frame.ownerDocument;
    }
    return doc === document ? null : 'cross-origin-frame';
  }

  // ---- plans: what describe showed, keyed by a one-time page token ---------------------------
  let plan = null; // {token, href, surface, step, refs: Map<key, {el, confidence}>}

  /** Remember what was described; only the latest token is valid. */
  function issuePlan(detection) {
    const refs = new Map();
    for (const [key, f] of detection.fields) refs.set(key, { el: f.el, confidence: f.confidence });
    plan = { token: crypto.randomUUID(), href: location.href, surface: detection.surface, step: detection.step, refs };
    return plan.token;
  }

  // ---- per-field check ------------------------------------------------------------------------
  function fieldRefusal(key, value, ref, now) {
    const f = now.fields.get(key);
    if (!ref.el.isConnected || !f || f.el !== ref.el) return 'page-changed';
    if (f.def.type === 'secret' || key === 'apiToken' || ref.el.type === 'password') return 'secret-field';
    const frame = frameRefusal(f.el);
    if (frame) return frame;
    if (f.ambiguous) return 'ambiguous';
    if (f.confidence < F.THRESHOLD) return 'low-confidence';
    if (!F.isVisible(f.el)) return 'hidden';
    if (!F.isEnabled(f.el)) return 'disabled';
    if (F.isReadOnly(f.el)) return 'read-only';
    switch (f.def.type) {
      case 'text':
        if (typeof value !== 'string' || value.length > 20000) return 'bad-value';
        return null;
      case 'select':
        if (typeof value !== 'string') return 'bad-value';
        if (F.isCombobox(f.el)) return null; // options exist only once opened: checked while writing
        return matchOption(f.el, value) ? null : 'no-such-option';
      case 'checkbox':
        return typeof toBool(value) === 'boolean' ? null : 'bad-value';
      case 'radio': // a radio can only be chosen: true, or the text of its label
        return toBool(value) === true || (typeof value === 'string' && f.def.labels.some((re) => re.test(F.norm(value))))
          ? null : 'bad-value';
      default:
        return 'not-fillable';
    }
  }

  function toBool(v) {
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    return undefined;
  }

  /** The option whose value, then text, equals `want` (case-insensitive), or the only one containing it. */
  function pickOption(opts, want, valueOf, textOf) {
    const w = F.norm(want);
    return opts.find((o) => valueOf(o) === want)
      ?? opts.find((o) => F.norm(textOf(o)) === w)
      ?? opts.find((o) => F.norm(valueOf(o)) === w)
      ?? (() => {
        const partial = opts.filter((o) => w && F.norm(textOf(o)).includes(w));
        return partial.length === 1 ? partial[0] : null;
      })();
  }
  function matchOption(select, want) {
    return pickOption([...select.options].filter((o) => !o.disabled), want, (o) => o.value, (o) => o.textContent);
  }

  class Refusal extends Error {
    constructor(reason) { super(reason); this.reason = reason; }
  }

  // ---- writers (private) ----------------------------------------------------------------------
  function nativeSetter(el) {
    const view = el.ownerDocument.defaultView;
    const proto = el.localName === 'textarea' ? view.HTMLTextAreaElement.prototype
      : el.localName === 'select' ? view.HTMLSelectElement.prototype : view.HTMLInputElement.prototype;
    return Object.getOwnPropertyDescriptor(proto, 'value').set;
  }
  function fire(el, type) {
    el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }

  function fireMouse(el, type) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0 }));
  }

  /** An ARIA combobox (react-select style): open it with ArrowDown, choose the option by mouse events. */
  async function writeCombobox(el, value) {
    el.focus({ preventScroll: true });
    const listbox = () => {
      const id = el.getAttribute('aria-controls') || el.getAttribute('aria-owns');
      const root = el.getRootNode();
      const byId = id && root.getElementById ? root.getElementById(id) : null;
      return byId ?? [...root.querySelectorAll('[role=listbox]')].find((l) => F.isVisible(l)) ?? null;
    };
    if (!listbox()) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40, bubbles: true, cancelable: true, composed: true }));
      await settle();
    }
    const list = listbox();
    const options = list ? [...list.querySelectorAll('[role=option]')].filter((o) => o.getAttribute('aria-disabled') !== 'true') : [];
    const opt = pickOption(options, value, (o) => o.getAttribute('data-value') ?? o.id, (o) => F.textOf(o));
    if (!opt) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true, composed: true }));
      throw new Refusal('no-such-option');
    }
    const text = F.textOf(opt);
    for (const type of ['mousedown', 'mouseup', 'click']) fireMouse(opt, type);
    el.blur();
    return text;
  }

  async function write(f, value) {
    const el = f.el;
    if (f.def.type === 'select' && F.isCombobox(el)) return writeCombobox(el, value);
    switch (f.def.type) {
      case 'text':
        el.focus({ preventScroll: true });
        nativeSetter(el).call(el, value);
        fire(el, 'input');
        fire(el, 'change');
        el.blur();
        return value;
      case 'select': {
        const opt = matchOption(el, value);
        el.focus({ preventScroll: true });
        nativeSetter(el).call(el, opt.value);
        fire(el, 'input');
        fire(el, 'change');
        el.blur();
        return opt.value;
      }
      case 'checkbox':
      case 'radio': {
        const want = f.def.type === 'radio' ? true : toBool(value);
        if (el.checked !== want) el.click();
        return want;
      }
      default:
        throw new Error('not fillable');
    }
  }

  function readBack(f, expected) {
    const el = f.el;
    if (f.def.type === 'checkbox' || f.def.type === 'radio') return el.checked === expected;
    if (f.def.type === 'select' && F.isCombobox(el)) return F.norm(F.comboboxValue(el)) === F.norm(expected);
    return el.value === expected;
  }

  /** Let frameworks (React) re-render: a microtask, then a frame (bounded: background tabs may not paint). */
  async function settle() {
    await Promise.resolve();
    await new Promise((resolve) => {
      const t = setTimeout(resolve, 100);
      requestAnimationFrame(() => { clearTimeout(t); setTimeout(resolve, 0); });
    });
  }

  // ---- the gate ---------------------------------------------------------------------------------
  /**
   * Execute a fill plan. Called only from the `sw:fill` message handler.
   * @param {string} token  the pageToken from the last describe
   * @param {Record<string, unknown>} values
   * @returns {Promise<{filled: {key, stuck}[], refused: {key, reason}[]}>}
   */
  async function fill(token, values) {
    const filled = [];
    const refused = [];
    const keys = values && typeof values === 'object' ? Object.keys(values) : [];
    const refuseAll = (reason) => ({ filled, refused: keys.map((key) => ({ key, reason })) });

    const page = pageRefusal();
    if (page) return refuseAll(page);
    if (!plan || typeof token !== 'string' || token !== plan.token) return refuseAll('stale-token');
    if (location.href !== plan.href) return refuseAll('page-changed');

    const now = F.detect();
    if (now.surface !== plan.surface || now.step !== plan.step) return refuseAll('page-changed');

    const written = [];
    for (const key of keys) {
      const ref = plan.refs.get(key);
      if (!ref) { refused.push({ key, reason: 'unknown-field' }); continue; }
      const reason = fieldRefusal(key, values[key], ref, now);
      if (reason) { refused.push({ key, reason }); continue; }
      // Re-check the page right before each write: an earlier write may have navigated it.
      if (location.href !== plan.href || !ref.el.isConnected) { refused.push({ key, reason: 'page-changed' }); continue; }
      const f = now.fields.get(key);
      try {
        written.push({ key, f, expected: await write(f, values[key]) });
      } catch (e) {
        refused.push({ key, reason: e instanceof Refusal ? e.reason : 'fill-error' });
      }
    }
    if (written.length) await settle();
    let later = null;
    for (const w of written) {
      let f = w.f;
      if (!f.el.isConnected) { // re-rendered by the page: read the new element for this key
        later ??= F.detect();
        f = later.fields.get(w.key) ?? f;
      }
      filled.push({ key: w.key, stuck: f.el.isConnected && readBack(f, w.expected) });
    }
    // The plan was used: a second fill needs a fresh describe.
    plan = null;
    return { filled, refused };
  }

  LS.gate = { isAllowedOrigin, pageRefusal, issuePlan, fill, loadApproved, ALLOWED };
})();
