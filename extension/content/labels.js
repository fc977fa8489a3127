// Label collection: every label candidate of a control, looked up on its own root node so
// shadow DOM works: label[for], a wrapping label, aria-label, aria-labelledby, placeholder,
// title, name, id, and nearby text (a preceding sibling, a table cell, a dt).
import { norm, textOf, words } from './text.js';
import { byIdOnRoot } from './walk.js';
import { wrappingWidget } from './widgets.js';

/** Text of a label without the text inside controls it wraps (a textarea's content is not its label). */
export function labelText(label) {
  const doc = label.ownerDocument;
  const walker = doc.createTreeWalker(label, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('textarea, select, option, button, script, style, [role=combobox], [role=listbox]')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out += ` ${n.nodeValue}`;
  return out.replace(/\s+/g, ' ').trim();
}

/** Text of a preceding sibling (div/dt/th/td/span…) of the control or one of its 3 nearest ancestors. */
export function nearbyText(el) {
  let node = el;
  for (let depth = 0; depth < 4 && node; depth += 1) {
    let sib = node.previousElementSibling;
    for (let hops = 0; sib && hops < 2; hops += 1, sib = sib.previousElementSibling) {
      if (sib.matches('input, select, textarea, button, script, style, template')) break;
      if (sib.querySelector('input, select, textarea, [role=combobox]')) break;
      const t = textOf(sib);
      if (t && t.length <= 80) return t;
    }
    node = node.parentElement;
    if (node && node.matches('form, fieldset, [role=dialog], dialog, body')) break;
  }
  return '';
}

/** Every label candidate of a control: [{source, text}]. */
export function labelCandidates(el) {
  const out = [];
  const add = (source, text) => {
    const t = norm(text);
    if (t && t.length <= 160) out.push({ source, text: t });
  };
  const root = el.getRootNode();
  if (el.labels) for (const l of el.labels) add(l.contains(el) ? 'label-wrap' : 'label-for', labelText(l));
  if (el.id && !el.labels?.length && root.querySelectorAll) {
    for (const l of root.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) add('label-for', labelText(l));
  }
  const wrap = el.parentElement?.closest('label');
  if (wrap && !out.some((c) => c.source === 'label-wrap')) add('label-wrap', labelText(wrap));
  if (el.hasAttribute('aria-label')) add('aria-label', el.getAttribute('aria-label'));
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = by.split(/\s+/).map((id) => byIdOnRoot(el, id)).filter(Boolean).map((n) => labelText(n)).join(' ');
    add('aria-labelledby', text);
  }
  if (el.placeholder) add('placeholder', el.placeholder);
  if (el.title) add('title', el.title);
  if (el.name) add('name', words(el.name));
  if (el.id) add('id', words(el.id));
  // A widget that wraps its native control (Kendo) holds the current value as text before it:
  // nearby text is looked for around the whole widget.
  const near = nearbyText(wrappingWidget(el) ?? el);
  if (near) add('nearby-text', near);
  return out;
}
