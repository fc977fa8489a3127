// Widgets, not just native controls: what a person sees and operates for each control.
//   native select            the select itself
//   select widget            a hidden native select that only follows a drawn widget next to it
//                            (Kendo-style DropDownList, select2): the widget is operated, both read
//   combobox                 an ARIA combobox input (react-select, Atlaskit Select)
//   drawn checkbox / radio   a styled or hidden native input behind a drawn box: its label is clicked
//   role checkbox            an element with role=checkbox / radio and aria-checked
import { byIdOnRoot, composedParent } from './walk.js';
import { hiddenByStyle, isVisible } from './visibility.js';
import { textOf } from './text.js';

export const isCombobox = (el) => el.getAttribute('role') === 'combobox';
export const isRoleToggle = (el) => el.localName !== 'input' && /^(checkbox|radio|switch)$/.test(el.getAttribute('role') ?? '');

const WIDGET_ROLE = '[role=combobox], [role=listbox][aria-haspopup], [aria-haspopup=listbox], [aria-haspopup=true][role=button], .select2-selection, .k-dropdown, .k-dropdownlist, .k-picker';

export function isEnabled(el) {
  return !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true';
}
export function isReadOnly(el) {
  if (el.getAttribute('aria-readonly') === 'true') return true;
  return !!el.readOnly && !isCombobox(el); // a react-select input is read-only by design
}

/** The widget element a native select sits inside (Kendo wraps it), visible or not, or null. */
export function wrappingWidget(select) {
  const parent = select.parentElement;
  return select.localName === 'select' && parent?.matches(WIDGET_ROLE) ? parent : null;
}

/** The drawn widget that stands for a hidden native select, or null. */
export function selectWidgetOf(select) {
  if (select.localName !== 'select' || !hiddenByStyle(select)) return null;
  const near = [select.parentElement, select.previousElementSibling, select.nextElementSibling].filter(Boolean);
  for (const n of near) {
    const w = n.matches(WIDGET_ROLE) ? n : n.querySelector(WIDGET_ROLE);
    if (w && w !== select && isVisible(w)) { // Kendo wraps the select; select2 sits beside it
      return w.querySelector('.select2-selection, [role=combobox]') ?? w;
    }
  }
  return null;
}

/** The container a react-select style combobox input is drawn in (the box with the border). */
function comboboxControl(input) {
  const named = input.closest('[class*="control" i]');
  if (named) return named;
  let n = input;
  for (let i = 0; i < 4 && n; i += 1) {
    n = composedParent(n);
    if (!n) break;
    const r = n.getBoundingClientRect();
    if (r.width >= 24 && r.height >= 16) return n;
  }
  return input.parentElement;
}

/** The label a person clicks for a checkbox or radio whose native input is not drawn. */
function toggleLabel(input) {
  const labels = [...(input.labels ?? [])];
  const by = input.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) { const l = byIdOnRoot(input, id); if (l) labels.push(l); }
  return labels.find((l) => isVisible(l)) ?? null;
}

/**
 * How a control is operated: {kind, visual}, where `visual` is what a person sees and clicks
 * (the control itself for plain inputs), or null when nothing visible stands for it.
 */
export function widgetOf(el) {
  if (el.localName === 'select') {
    const w = selectWidgetOf(el);
    return w ? { kind: 'select-widget', visual: w } : { kind: 'native-select', visual: el };
  }
  if (isRoleToggle(el)) return { kind: 'role-toggle', visual: el };
  if (el.localName === 'input' && isCombobox(el)) return { kind: 'combobox', visual: comboboxControl(el) };
  if (el.localName !== 'input' && isCombobox(el)) return { kind: 'combobox', visual: el };
  if (el.localName === 'input' && (el.type === 'checkbox' || el.type === 'radio')) {
    if (isVisible(el)) return { kind: 'toggle', visual: el };
    const label = toggleLabel(el);
    return { kind: 'drawn-toggle', visual: label ?? el };
  }
  return { kind: 'plain', visual: el };
}

/** The list of options a widget has open now, or null. */
export function openListOf(el, visual) {
  for (const n of [el, visual]) {
    if (!n) continue;
    for (const attr of ['aria-controls', 'aria-owns']) {
      for (const id of (n.getAttribute(attr) ?? '').split(/\s+/)) {
        const l = id && byIdOnRoot(n, id);
        if (l && isVisible(l)) return l.matches('[role=listbox]') ? l : l.querySelector('[role=listbox]') ?? l;
      }
    }
  }
  const root = el.getRootNode();
  const open = [...root.querySelectorAll('[role=listbox], .select2-results__options, .k-list-ul, .k-list')]
    .filter((l) => !l.contains(el) && isVisible(l));
  return open.at(-1) ?? null;
}

/** The options of an open list a person can choose. */
export function optionsIn(list) {
  const opts = [...list.querySelectorAll('[role=option]')];
  const all = opts.length ? opts : [...list.querySelectorAll('li')];
  return all.filter((o) => o.getAttribute('aria-disabled') !== 'true' && !o.classList.contains('k-disabled'));
}

/** The text a widget shows as its current value. */
export function widgetValue(el, visual) {
  if (el.localName === 'input' && isCombobox(el)) {
    if (el.value) return String(el.value);
    const container = comboboxControl(el) ?? el.parentElement;
    const shown = container && [...container.querySelectorAll('[class*="single-value" i], [class*="singleValue"]')]
      .find((n) => !n.contains(el));
    return shown ? textOf(shown) : '';
  }
  const shown = visual.querySelector('.select2-selection__rendered, .k-input-value-text, .k-input, [class*="single-value" i], [class*="value" i]');
  const text = textOf(shown ?? visual);
  return shown?.getAttribute('title') && !text ? shown.getAttribute('title') : text;
}

/** Checked state of a checkbox, radio or role=checkbox element. */
export function isChecked(el) {
  if (isRoleToggle(el)) return el.getAttribute('aria-checked') === 'true';
  return !!el.checked;
}
