// Matching: score every control of the page against the table's entries for one surface and
// step; each control counts for its best key only, and two close candidates for one key make it
// ambiguous (never filled). A binding the admin made by pointing wins over every heuristic.
import { AMBIGUITY_MARGIN, AMBIGUOUS_CONFIDENCE, TABLE, WEIGHT } from './table.js';
import { allRoots, isInside } from './walk.js';
import { isVisible } from './visibility.js';
import { isCombobox, isRoleToggle, widgetOf } from './widgets.js';
import { labelCandidates } from './labels.js';
import { resolvePath } from './paths.js';

const NOT_FIELDS = ['hidden', 'submit', 'button', 'image', 'reset', 'file'];
const CONTROLS = 'input, textarea, select, [role=combobox]:not(input), [role=checkbox]:not(input), [role=radio]:not(input), [role=switch]:not(input)';

export function typeFits(def, el) {
  const tag = el.localName;
  const type = (el.getAttribute('type') || 'text').toLowerCase();
  const textish = ['text', 'url', 'email', 'search', 'tel', ''].includes(type);
  const role = el.getAttribute('role');
  switch (def.type) {
    case 'text': return tag === 'textarea' || (tag === 'input' && textish && !isCombobox(el));
    case 'secret': return tag === 'input' && (type === 'password' || textish) && !isCombobox(el);
    case 'select': return tag === 'select' || isCombobox(el);
    case 'checkbox': return (tag === 'input' && type === 'checkbox') || (isRoleToggle(el) && role !== 'radio');
    case 'radio': return (tag === 'input' && type === 'radio') || (isRoleToggle(el) && role === 'radio');
    default: return false;
  }
}

/** Best confidence with which `el` matches `def`, with the label that matched. */
export function scoreFor(def, el, labels, selectorHits) {
  if (!typeFits(def, el)) return null;
  if (selectorHits.has(el)) {
    const best = labels.find((c) => c.source.startsWith('label')) ?? labels[0];
    return { confidence: WEIGHT.selector, label: best ? best.text : def.key, source: 'selector' };
  }
  let found = null;
  for (const c of labels) {
    if (def.not?.some((re) => re.test(c.text))) continue;
    const idx = def.labels.findIndex((re) => re.test(c.text));
    if (idx < 0) continue;
    // Earlier (stricter) wordings score slightly higher than later, looser ones.
    const confidence = Math.max(0.1, WEIGHT[c.source] - idx * 0.03);
    if (!found || confidence > found.confidence) found = { confidence, label: c.text, source: c.source };
  }
  return found;
}

/** The form controls of the given roots; a widget drawn for a hidden native select is not a second control. */
export function controlsIn(roots) {
  const out = [];
  for (const root of roots) out.push(...root.querySelectorAll(CONTROLS));
  const controls = out.filter((el) => !(el.localName === 'input' && NOT_FIELDS.includes(el.type)));
  const standIns = new Set();
  for (const el of controls) {
    if (el.localName !== 'select') continue;
    const { kind, visual } = widgetOf(el);
    if (kind === 'select-widget') standIns.add(visual);
  }
  return controls.filter((el) => !standIns.has(el) && ![...standIns].some((w) => w.contains(el) && el.localName !== 'select'));
}

/**
 * Match the table's entries for one surface (and step) against the page.
 * @param {string} surface
 * @param {string|null} step
 * @param {Element|null} scope  only controls inside it (an open dialog)
 * @param {{key, selector}[]} [bound]  the admin's bindings for this screen
 * @returns {Map<string, {key, def, el, visual, widget, label, confidence, ambiguous, visible, candidates, source}>}
 */
export function matchFields(surface, step, scope, bound = []) {
  const defs = TABLE.filter((d) => d.surface === surface && (!d.steps || !step || d.steps.includes(step)));
  const roots = allRoots();
  const controls = controlsIn(roots).filter((el) => !scope || isInside(el, scope));
  const labelsOf = new Map(controls.map((el) => [el, labelCandidates(el)]));
  const bestForControl = new Map();
  const boundEls = new Map();
  for (const b of bound) {
    const def = TABLE.find((d) => d.surface === surface && d.key === b.key); // pointed: any step
    const el = def && resolvePath(b.selector);
    if (el && typeFits(def, el)) boundEls.set(b.key, { el, def });
  }
  const taken = new Set([...boundEls.values()].map((b) => b.el));
  for (const def of defs) {
    if (boundEls.has(def.key)) continue;
    const hits = new Set();
    for (const sel of def.selectors) for (const root of roots) for (const el of root.querySelectorAll(sel)) hits.add(el);
    for (const el of controls) {
      if (taken.has(el)) continue;
      const s = scoreFor(def, el, labelsOf.get(el), hits);
      if (!s) continue;
      const prev = bestForControl.get(el);
      if (!prev || s.confidence > prev.confidence) bestForControl.set(el, { def, ...s });
    }
  }
  const perKey = new Map();
  const candidate = (el, def, label, confidence, source) => {
    const widget = widgetOf(el);
    return { el, def, label, confidence, source, widget: widget.kind, visual: widget.visual, visible: isVisible(widget.visual) };
  };
  for (const [el, s] of bestForControl) {
    if (!perKey.has(s.def.key)) perKey.set(s.def.key, []);
    perKey.get(s.def.key).push(candidate(el, s.def, s.label, s.confidence, s.source));
  }
  const result = new Map();
  for (const [key, { el, def }] of boundEls) {
    const label = labelCandidates(el)[0]?.text ?? key;
    result.set(key, { key, ...candidate(el, def, label, WEIGHT.binding, 'binding'), ambiguous: false, candidates: 1 });
  }
  for (const [key, list] of perKey) {
    const visible = list.filter((c) => c.visible);
    const pool = (visible.length ? visible : list).sort((a, b) => b.confidence - a.confidence);
    const [top, second] = pool;
    const ambiguous = !!second && top.confidence - second.confidence < AMBIGUITY_MARGIN;
    result.set(key, {
      key, ...top, ambiguous,
      confidence: ambiguous ? Math.min(top.confidence, AMBIGUOUS_CONFIDENCE) : top.confidence,
      candidates: list.length,
    });
  }
  return result;
}
