// Visibility as the browser renders it. Visible = a person can see the control or reach it by
// scrolling: fixed-position portals, a body with `overflow: hidden` while a modal is open (it
// propagates to the viewport and clips nothing), fields below the fold of a scrolling dialog.
// Hidden = display, visibility, opacity 0, clip-path / clip, zero size (transform: scale(0)
// included), off-screen, content-visibility: hidden, inert, aria-hidden, a collapsed details,
// or covered by another element at its centre once scrolled into view.
import { composedParent, isInside, styleOf } from './walk.js';

const MIN = 2; // px: smaller than this, nobody can see or click it

const clips = (o) => o === 'hidden' || o === 'clip';
const scrolls = (o) => o === 'auto' || o === 'scroll';

/** True when a `clip-path` value leaves nothing (or almost nothing) of a box of this size. */
export function clipPathHides(value, width, height) {
  if (!value || value === 'none') return false;
  const v = value.replace(/\s+/g, ' ').trim();
  const len = (s, of) => (s.endsWith('%') ? (parseFloat(s) / 100) * of : parseFloat(s) || 0);
  let m = /^inset\(([^)]*)\)/.exec(v);
  if (m) {
    const parts = m[1].split(' round ')[0].trim().split(' ');
    const [t, r = t, b = t, l = r] = parts;
    return width - len(l, width) - len(r, width) < MIN || height - len(t, height) - len(b, height) < MIN;
  }
  m = /^(circle|ellipse)\(\s*([0-9.]+)(px|%)?[\s)]/.exec(v);
  if (m) return parseFloat(m[2]) * (m[3] === '%' ? Math.min(width, height) / 100 : 1) < MIN / 2;
  m = /^polygon\(([^)]*)\)/.exec(v);
  if (m) {
    const pts = m[1].replace(/^(nonzero|evenodd),/, '').split(',').map((p) => p.trim().split(' '));
    const xs = pts.map(([x]) => len(x ?? '0', width));
    const ys = pts.map(([, y]) => len(y ?? '0', height));
    return Math.max(...xs) - Math.min(...xs) < MIN || Math.max(...ys) - Math.min(...ys) < MIN;
  }
  return false;
}

/** True when the legacy `clip: rect(…)` of an absolutely positioned box leaves less than MIN. */
export function clipRectHides(value, position) {
  if (!value || value === 'auto' || !(position === 'absolute' || position === 'fixed')) return false;
  const m = /^rect\(([^)]*)\)/.exec(value.trim());
  if (!m) return false;
  const [t, r, b, l] = m[1].split(/[\s,]+/).map((s) => (s === 'auto' ? NaN : parseFloat(s)));
  if ([t, r, b, l].some(Number.isNaN)) return false;
  return r - l < MIN || b - t < MIN;
}

/** Style and attribute rules that need no layout, for one element and its ancestors. */
export function hiddenByStyle(el) {
  if (el.localName === 'input' && el.type === 'hidden') return 'type-hidden';
  const own = styleOf(el);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return 'visibility';
  for (let node = el; node; node = composedParent(node)) {
    if (node.nodeType !== 1) continue;
    if (node.hidden) return 'hidden-attribute';
    if (node.getAttribute('aria-hidden') === 'true') return 'aria-hidden';
    if (node.hasAttribute('inert')) return 'inert';
    const s = styleOf(node);
    if (s.display === 'none') return 'display';
    if (s.opacity !== '' && Number(s.opacity) === 0) return 'opacity';
    if (node !== el && s.contentVisibility === 'hidden') return 'content-visibility';
    if (node !== el && node.localName === 'details' && !node.open) {
      const summary = node.querySelector(':scope > summary');
      if (!summary || !isInside(el, summary)) return 'collapsed-details';
    }
  }
  return null;
}

/**
 * What is left of the control once every clipping ancestor (overflow, clip-path, clip) is
 * applied, or a reason it is hidden. Scroll boxes do not clip here: scrolling reaches it.
 */
function layoutBox(el) {
  if (typeof el.checkVisibility === 'function'
    && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true })) return { hidden: 'not-rendered' };
  if (!el.getClientRects().length) return { hidden: 'no-box' };
  const rect = el.getBoundingClientRect();
  if (rect.width < MIN || rect.height < MIN) return { hidden: 'zero-size' };
  const box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  let fixed = false;
  let scrollClipped = false;
  for (let node = el; node; node = node.parentElement) {
    const s = styleOf(node);
    const r = node === el ? rect : node.getBoundingClientRect();
    if (clipPathHides(s.clipPath, r.width, r.height)) return { hidden: 'clip-path' };
    if (clipRectHides(s.clip, s.position)) return { hidden: 'clip' };
    if (s.position === 'fixed') fixed = true;
    if (node === el) continue;
    if (scrolls(s.overflowX) || scrolls(s.overflowY)) {
      if (node.clientWidth < MIN || node.clientHeight < MIN) return { hidden: 'empty-scroll-box' };
      const out = box.bottom <= r.top || box.top >= r.bottom || box.right <= r.left || box.left >= r.right;
      scrollClipped ||= out;
      // Scrolled out of its box, it can be scrolled into it: from here out, what an outer
      // ancestor clips is the part of the scroll box the control can be brought into.
      if (out) Object.assign(box, { left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      continue;
    }
    // The document's own overflow (body / html) clips nothing: it propagates to the viewport.
    if (node === node.ownerDocument.body || node === node.ownerDocument.documentElement) continue;
    if (clips(s.overflowX)) { box.left = Math.max(box.left, r.left); box.right = Math.min(box.right, r.right); }
    if (clips(s.overflowY)) { box.top = Math.max(box.top, r.top); box.bottom = Math.min(box.bottom, r.bottom); }
    if (box.right - box.left < MIN || box.bottom - box.top < MIN) return { hidden: 'clipped' };
  }
  const view = el.ownerDocument.defaultView;
  const scroller = el.ownerDocument.scrollingElement ?? el.ownerDocument.documentElement;
  if (fixed) {
    // Fixed boxes do not scroll with the page: they must be in the viewport now.
    if (box.right <= 0 || box.bottom <= 0 || box.left >= view.innerWidth || box.top >= view.innerHeight) return { hidden: 'off-screen' };
  } else {
    const x = box.left + view.scrollX;
    const y = box.top + view.scrollY;
    if (box.right + view.scrollX <= 0 || box.bottom + view.scrollY <= 0
      || x >= Math.max(scroller.scrollWidth, view.innerWidth) || y >= Math.max(scroller.scrollHeight, view.innerHeight)) {
      return { hidden: 'off-screen' };
    }
  }
  return { box, scrollClipped };
}

/** True when the element found at a point is the control itself, part of it, or its label. */
function hitBelongs(hit, el, proxy) {
  if (!hit) return false;
  if (isInside(hit, el) || (proxy && isInside(hit, proxy))) return true;
  if (el.labels && [...el.labels].some((l) => isInside(hit, l))) return true;
  // A wrapper the control sits in (pointer-events: none inputs, padding around a text box).
  let n = el;
  for (let i = 0; i < 3 && n; i += 1) {
    n = composedParent(n);
    if (n === hit) return true;
  }
  return false;
}

/** The element at the centre of `box` (in the element's own document and shadow root). */
function hitAt(el, box) {
  const root = el.getRootNode();
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  const from = typeof root.elementFromPoint === 'function' ? root : el.ownerDocument;
  return from.elementFromPoint(x, y);
}

function inViewport(el, box) {
  const view = el.ownerDocument.defaultView;
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  return x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight;
}

/**
 * Why a control is hidden from a person, or null when it is visible.
 * @param {Element} el
 * @param {{scroll?: boolean, proxy?: Element}} [options] scroll: bring it into view to test what
 *        covers it (the fill gate does; reports never move the page). proxy: the drawn element a
 *        person sees for it (a widget over a hidden native select, the label of a drawn checkbox).
 */
export function hiddenReason(el, { scroll = false, proxy = null } = {}) {
  if (!el || !el.isConnected) return 'detached';
  const style = hiddenByStyle(el);
  if (style) return style;
  let layout = layoutBox(el);
  if (layout.hidden) return layout.hidden;
  if (!inViewport(el, layout.box) || layout.scrollClipped) {
    if (!scroll) return null; // reachable by scrolling; what covers it is tested when filling
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    layout = layoutBox(el);
    if (layout.hidden) return layout.hidden;
    if (!inViewport(el, layout.box)) return 'off-screen';
  }
  return hitBelongs(hitAt(el, layout.box), el, proxy) ? null : 'covered';
}

export const isVisible = (el, options) => hiddenReason(el, options) === null;
