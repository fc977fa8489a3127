// The ONE fill gate. Every write to the page happens through `fill()` below, which checks the
// page (top frame, allowed origin, not sandboxed), the plan (pageToken from the last describe,
// same href, same screen, same elements) and each field (not secret, confident or pointed by the
// admin, visible once scrolled into view and not covered, enabled, writable, not in a foreign or
// sandboxed frame) before touching anything. Pointing ("Point to the field") is checked by the
// same rules through `pointRefusal()`. The writers in values.js are imported here only.
import { isAllowedOrigin } from './origin.js';
import { THRESHOLD } from './table.js';
import { hiddenReason } from './visibility.js';
import { isEnabled, isReadOnly, widgetOf } from './widgets.js';
import { detect } from './surface.js';
import { norm } from './text.js';
import { matchOption, readBack, readValue, Refusal, settle, toBool, write } from './values.js';

/** Why this page may not be filled at all, or null. */
export function pageRefusal() {
  if (window.top !== window) return 'not-top-frame';
  if (!isAllowedOrigin(location.href)) return 'origin-not-allowed';
  // A sandboxed document (CSP sandbox / sandboxed popup) has an opaque origin.
  if (window.origin === 'null' || window.origin !== location.origin) return 'sandboxed';
  return null;
}

/** Why an element's document may not be written, or null: only ours or same-origin, unsandboxed frames. */
export function frameRefusal(el) {
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

/** Why a control the admin clicked may not be bound, or null. Frames themselves are never bound. */
export function pointRefusal(el, secretWanted = false) {
  const page = pageRefusal();
  if (page) return page;
  if (!el || el.nodeType !== 1) return 'not-a-control';
  if (el.localName === 'iframe' || el.localName === 'frame') return el.hasAttribute('sandbox') ? 'sandboxed' : 'cross-origin-frame';
  const frame = frameRefusal(el);
  if (frame) return frame;
  if (el.ownerDocument !== document) return 'in-frame';
  if (el.type === 'password' && !secretWanted) return 'secret-field';
  const { visual } = widgetOf(el);
  return hiddenReason(visual, { proxy: visual === el ? null : el }) ? 'hidden' : null;
}

// ---- plans: what describe showed, keyed by a one-time page token ---------------------------
let plan = null; // {token, href, surface, step, refs: Map<key, el>}

/** Remember what was described; only the latest token is valid. */
export function issuePlan(detection) {
  const refs = new Map();
  for (const [key, f] of detection.fields) refs.set(key, f.el);
  plan = { token: crypto.randomUUID(), href: location.href, surface: detection.surface, step: detection.step, refs };
  return plan.token;
}

function fieldRefusal(key, value, el, now) {
  const f = now.fields.get(key);
  if (!el.isConnected || !f || f.el !== el) return 'page-changed';
  if (f.def.type === 'secret' || key === 'apiToken' || el.type === 'password') return 'secret-field';
  const frame = frameRefusal(f.el) ?? (f.visual !== el ? frameRefusal(f.visual) : null);
  if (frame) return frame;
  if (f.ambiguous) return 'ambiguous';
  if (f.confidence < THRESHOLD) return 'low-confidence';
  const hidden = hiddenReason(f.visual, { scroll: true, proxy: f.visual === el ? null : el });
  if (hidden) return hidden === 'covered' ? 'covered' : 'hidden';
  if (!isEnabled(f.el) || !isEnabled(f.visual)) return 'disabled';
  if (isReadOnly(f.el)) return 'read-only';
  switch (f.def.type) {
    case 'text':
      return typeof value !== 'string' || value.length > 20000 ? 'bad-value' : null;
    case 'select':
      if (typeof value !== 'string') return 'bad-value';
      if (f.el.localName !== 'select') return null; // a combobox's options exist once opened: checked while choosing
      return matchOption(f.el, value) ? null : 'no-such-option';
    case 'checkbox':
      return typeof toBool(value) === 'boolean' ? null : 'bad-value';
    case 'radio': // a radio can only be chosen: true, or the text of its label
      return toBool(value) === true || (typeof value === 'string' && f.def.labels.some((re) => re.test(norm(value))))
        ? null : 'bad-value';
    default:
      return 'not-fillable';
  }
}

/** A field's value is empty (nothing chosen, nothing typed, unticked). */
function isEmpty(f) {
  const v = readValue(f);
  if ('present' in v) return !v.present;
  return v.value === '' || v.value === false;
}

/**
 * Execute a fill plan. Called only from the `sw:fill` message handler.
 * @param {string} token  the pageToken from the last describe
 * @param {Record<string, unknown>} values
 * @returns {Promise<{filled: {key, label, stuck, shown?}[], refused: {key, label?, reason}[],
 *   left: {key, label, reason}[]}>}  left: fields of this screen still empty after the fill,
 *   for the admin to do by hand (secrets are always theirs), with why
 */
export async function fill(token, values) {
  const filled = [];
  const refused = [];
  const keys = values && typeof values === 'object' ? Object.keys(values) : [];
  const refuseAll = (reason) => ({ filled, refused: keys.map((key) => ({ key, reason })), left: [] });

  const page = pageRefusal();
  if (page) return refuseAll(page);
  if (!plan || typeof token !== 'string' || token !== plan.token) return refuseAll('stale-token');
  if (location.href !== plan.href) return refuseAll('page-changed');
  const used = plan;
  plan = null; // one plan, one fill: a second fill needs a fresh describe

  const now = detect();
  if (now.surface !== used.surface || now.step !== used.step) return refuseAll('page-changed');

  const written = [];
  for (const key of keys) {
    const el = used.refs.get(key);
    const label = now.fields.get(key)?.label;
    if (!el) { refused.push({ key, reason: 'unknown-field' }); continue; }
    const reason = fieldRefusal(key, values[key], el, now);
    if (reason) { refused.push({ key, label, reason }); continue; }
    // Re-check the page right before each write: an earlier write may have navigated it.
    if (location.href !== used.href || !el.isConnected) { refused.push({ key, label, reason: 'page-changed' }); continue; }
    const f = now.fields.get(key);
    try {
      written.push({ key, f, expected: await write(f, values[key]) });
    } catch (e) {
      refused.push({ key, label, reason: e instanceof Refusal ? e.reason : 'fill-error' });
    }
  }
  if (written.length) await settle();
  let later = null;
  for (const w of written) {
    let f = w.f;
    if (!f.el.isConnected) { // re-rendered by the page: read the new element for this key
      later ??= detect();
      f = later.fields.get(w.key) ?? f;
    }
    const stuck = f.el.isConnected && readBack(f, w.expected);
    filled.push({ key: w.key, label: f.label, stuck, ...(f.def.type === 'select' ? { shown: readValue(f).value } : {}) });
  }
  const after = detect();
  const done = new Set(filled.filter((x) => x.stuck).map((x) => x.key));
  const why = new Map(refused.map((r) => [r.key, r.reason]));
  for (const x of filled) if (!x.stuck) why.set(x.key, 'did-not-stick');
  const left = [...after.fields.values()]
    // A box left unticked is a choice, not a gap, unless the fill tried and failed.
    .filter((f) => !done.has(f.key) && f.visible && (f.def.type === 'secret'
      || (isEmpty(f) && (why.has(f.key) || !['checkbox', 'radio'].includes(f.def.type)))))
    .map((f) => ({ key: f.key, label: f.label, reason: f.def.type === 'secret' ? 'secret-field' : why.get(f.key) ?? 'not-planned' }));
  return { filled, refused, left };
}
