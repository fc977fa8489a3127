// A cheap first look at a page that is not a known admin surface (not on Jira's applinks paths,
// no form seen yet, the panel closed): could it hold an admin form? Only the light DOM's form
// controls and the label sources they carry themselves (their label elements, aria-label,
// aria-labelledby, placeholder, title, name, id) are read, as text content: one selector pass,
// no layout, no tree walk in script, so an ordinary Jira page (a board of thousands of cards)
// costs next to nothing.
// A hint only decides whether the full detection (surface.js) runs; labels still decide there.
import { TABLE } from './table.js';
import { norm, words } from './text.js';

// One selector, one pass over the document for the controls and the labels together: live
// collections (getElementsByTagName, a control's `labels`) walk the whole page again each time it
// changed since they were last read, which on a busy board is every time.
const CONTROLS = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]):not([type=file]), textarea, select';
const CONTROLS_AND_LABELS = `label, ${CONTROLS}`;

function ownLabels(el, labelFor) {
  const out = [];
  const wrap = el.closest('label');
  if (wrap) out.push(norm(wrap.textContent));
  if (el.id && labelFor.has(el.id)) out.push(norm(labelFor.get(el.id).textContent));
  for (const attr of ['aria-label', 'placeholder', 'title']) {
    const v = el.getAttribute(attr);
    if (v) out.push(norm(v));
  }
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const n = id && el.ownerDocument.getElementById(id);
    if (n) out.push(norm(n.textContent));
  }
  if (el.name) out.push(words(el.name));
  if (el.id) out.push(words(el.id));
  return out.filter(Boolean);
}

function keysOf(el, labelFor) {
  const texts = ownLabels(el, labelFor);
  return TABLE.filter((def) => def.selectors.some((s) => el.matches(s))
    || texts.some((t) => def.labels.some((re) => re.test(t)) && !def.not?.some((re) => re.test(t))))
    .map((def) => def.key);
}

/** True when at least two of the table's fields seem to be on the page (a form, not a lone search box). */
export function formHint() {
  const labelFor = new Map();
  const controls = [];
  for (const el of document.querySelectorAll(CONTROLS_AND_LABELS)) {
    if (el.localName !== 'label') controls.push(el);
    else if (el.htmlFor) labelFor.set(el.htmlFor, el);
  }
  const keys = new Set();
  for (const el of controls) {
    for (const key of keysOf(el, labelFor)) keys.add(key);
    if (keys.size >= 2) return true;
  }
  return false;
}
