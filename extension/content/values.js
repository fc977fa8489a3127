// Values: what may be read from a control (secrets only as their shape), and how a value is
// written into each kind of control. The writers are imported by gate.js alone (a DOM test
// checks that): every write to the page passes the one fill gate.
import { norm, textOf } from './text.js';
import { authTypeOfText, authTypeOfValue } from '../shared/auth-type.js';
import { isChecked, isCombobox, openListOf, optionsIn, widgetValue } from './widgets.js';

// The core's sets (src/text.rs), written out: Rust's char::is_whitespace is Unicode White_Space,
// which is not JS's \s (that adds U+FEFF and lacks U+0085). tests/dom/parity.test.mjs holds the
// two to the same answers.
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
export const WHITESPACE = new RegExp(`[${WS}]`, 'u');
// What a person cannot see around or inside a pasted token (white space, control, zero-width
// and bidi characters, a byte-order mark): the same set the core's rule trims.
export const INVISIBLE = new RegExp(`[${WS}\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\p{Cc}]`, 'u');
const QUOTES = [['"', '"'], ["'", "'"], ['\u201C', '\u201D'], ['\u2018', '\u2019']];

/**
 * A secret's shape: what the core's API-token rule needs, measured here so the token itself
 * never leaves the page. Positions are 1-based; a white-space or invisible character is never
 * part of a real token, so naming it reveals nothing.
 */
export function secretShape(v) {
  const chars = [...v];
  let a = 0;
  let b = chars.length;
  while (a < b && INVISIBLE.test(chars[a])) a += 1;
  while (b > a && INVISIBLE.test(chars[b - 1])) b -= 1;
  const t = chars.slice(a, b);
  const ws = t.findIndex((c) => WHITESPACE.test(c));
  const inv = t.findIndex((c) => INVISIBLE.test(c) && !WHITESPACE.test(c));
  return {
    present: t.length > 0,
    length: t.length,
    surroundingWhitespace: a > 0 || b < chars.length,
    innerWhitespace: ws < 0 ? null : [t[ws], ws + 1],
    invisibleInside: inv < 0 ? null : [t[inv], inv + 1],
    quoted: t.length >= 2 && QUOTES.some(([o, c]) => t[0] === o && t[t.length - 1] === c),
    startsWithATATT: t.slice(0, 5).join('') === 'ATATT',
  };
}

/**
 * What may be reported about a control's value. Secrets (the API token, any password box)
 * yield only their shape (see secretShape), never a value.
 */
function selectedText(select) {
  const opt = select.selectedOptions?.[0];
  return opt ? opt.textContent.replace(/\s+/g, ' ').trim() : '';
}

/**
 * What may be reported about a field's value. Secrets (the API token, any password box) yield
 * only their shape (see secretShape), never a value. Widgets report what they show.
 */
export function readValue(f) {
  const el = f.el;
  if (f.def.type === 'secret' || el.type === 'password') return secretShape(String(el.value ?? ''));
  if (f.def.type === 'checkbox' || f.def.type === 'radio') return { value: isChecked(el) };
  if (f.def.type === 'select' && (isCombobox(el) || f.widget === 'select-widget')) {
    const shown = widgetValue(el, f.visual);
    return el.localName === 'select' ? { value: shown, optionValue: el.value, nativeValue: selectedText(el) } : { value: shown };
  }
  if (f.def.type === 'select') return { value: selectedText(el), optionValue: el.value };
  return { value: String(el.value ?? '') };
}

// ---- writing -------------------------------------------------------------------------------
export class Refusal extends Error {
  constructor(reason) { super(reason); this.reason = reason; }
}

export function toBool(v) {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** The option whose value, then text (its accessible name), equals `want`, or the only one containing it. */
export function pickOption(opts, want, valueOf, textOf_) {
  const w = norm(want);
  return opts.find((o) => valueOf(o) === want)
    ?? opts.find((o) => norm(textOf_(o)) === w)
    ?? opts.find((o) => norm(valueOf(o)) === w)
    ?? (() => {
      const partial = opts.filter((o) => w && norm(textOf_(o)).includes(w));
      return partial.length === 1 ? partial[0] : null;
    })()
    ?? authOption(opts, want, textOf_);
}
/** An auth type asked for by name or label: the first option whose accessible name is one of its
 *  wordings (the vocabulary's rule), so "OAuth" finds "OAuth 1.0a" and "Basic Auth" "API Token". */
function authOption(opts, want, textOf_) {
  const type = authTypeOfValue(want);
  return type ? opts.find((o) => authTypeOfText(textOf_(o))?.name === type.name) ?? null : null;
}
export function matchOption(select, want) {
  return pickOption([...select.options].filter((o) => !o.disabled), want, (o) => o.value, (o) => o.textContent);
}

function nativeSetter(el) {
  const view = el.ownerDocument.defaultView;
  const proto = el.localName === 'textarea' ? view.HTMLTextAreaElement.prototype
    : el.localName === 'select' ? view.HTMLSelectElement.prototype : view.HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value').set;
}
const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
function fireMouse(el, type) {
  const view = el.ownerDocument.defaultView;
  const r = el.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, buttons: type.endsWith('down') ? 1 : 0,
    clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view };
  el.dispatchEvent(type.startsWith('pointer') ? new view.PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true }) : new view.MouseEvent(type, init));
}
/** What a person's click sends, in order. */
function clickLike(el) {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) fireMouse(el, type);
}
function key(el, name, extra = {}) {
  const codes = { ArrowDown: 40, Escape: 27, Enter: 13 };
  const init = { key: name, code: name, keyCode: codes[name], which: codes[name], bubbles: true, cancelable: true, composed: true, ...extra };
  el.dispatchEvent(new KeyboardEvent('keydown', init));
  el.dispatchEvent(new KeyboardEvent('keyup', init));
}

/** Let frameworks (React) re-render: a microtask, then a frame (bounded: background tabs may not paint). */
export async function settle() {
  await Promise.resolve();
  await new Promise((resolve) => {
    const t = setTimeout(resolve, 100);
    requestAnimationFrame(() => { clearTimeout(t); setTimeout(resolve, 0); });
  });
}

/**
 * Choose an option in a drawn list (combobox or widget over a hidden select) the way a person
 * does: open it the way it opens (a click; else Alt+ArrowDown, which opens without changing the
 * value: a plain ArrowDown changes a closed Kendo list), choose the option by its accessible
 * name, close it. Returns the text chosen.
 */
async function chooseInList(f, value) {
  const { el, visual } = f;
  const keyTarget = visual.tabIndex >= 0 || visual === el ? visual : el;
  const wantText = el.localName === 'select' ? matchOption(el, value)?.textContent ?? value : value;
  if (!openListOf(el, visual)) { clickLike(visual); await settle(); }
  if (!openListOf(el, visual)) { keyTarget.focus({ preventScroll: true }); key(keyTarget, 'ArrowDown', { altKey: true }); await settle(); }
  const list = openListOf(el, visual);
  if (!list) throw new Refusal('widget-did-not-open');
  const opt = pickOption(optionsIn(list), wantText, (o) => o.getAttribute('data-value') ?? o.getAttribute('data-offset-index') ?? o.id, (o) => textOf(o));
  if (!opt) {
    key(keyTarget, 'Escape');
    throw new Refusal('no-such-option');
  }
  const text = textOf(opt);
  opt.scrollIntoView?.({ block: 'nearest' });
  clickLike(opt);
  await settle();
  if (openListOf(el, visual)) key(keyTarget, 'Escape'); // a list that stays open after a choice
  keyTarget.blur?.();
  return text;
}

/** Write one value; returns what to read back. Throws Refusal when the control said no. */
export async function write(f, value) {
  const el = f.el;
  if (f.def.type === 'select' && (f.widget === 'combobox' || f.widget === 'select-widget')) return chooseInList(f, value);
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
      return opt.textContent.replace(/\s+/g, ' ').trim();
    }
    case 'checkbox':
    case 'radio': {
      const want = f.def.type === 'radio' ? true : toBool(value);
      // A drawn box: click what a person clicks (its label); the browser toggles the input.
      if (isChecked(el) !== want) (f.widget === 'drawn-toggle' ? f.visual : el).click();
      return want;
    }
    default:
      throw new Refusal('not-fillable');
  }
}

/** Did it stick? Widgets: both what they show and the native control under them. */
export function readBack(f, expected) {
  const el = f.el;
  if (f.def.type === 'checkbox' || f.def.type === 'radio') return isChecked(el) === expected;
  if (f.def.type === 'select') {
    const shown = norm(readValue(f).value) === norm(expected);
    return el.localName === 'select' ? shown && norm(selectedText(el)) === norm(expected) : shown;
  }
  return el.value === expected;
}
