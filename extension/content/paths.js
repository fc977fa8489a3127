// Selector paths: how a binding ("Point to the field") names a control without its value.
// A path is CSS selectors joined by " >>> ", one per open shadow root on the way down from the
// top document. Same-origin frames are not crossed: a pointed control must be in this document.
const SHADOW = ' >>> ';

function unique(root, selector, el) {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** The shortest selector that finds exactly `el` on its own root. */
function selectorOnRoot(el) {
  const root = el.getRootNode();
  if (el.id && unique(root, `#${CSS.escape(el.id)}`, el)) return `#${CSS.escape(el.id)}`;
  const name = el.getAttribute('name');
  if (name) {
    const s = `${el.localName}[name="${CSS.escape(name)}"]`;
    if (unique(root, s, el)) return s;
  }
  const steps = [];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    if (n !== el && n.id && unique(root, `#${CSS.escape(n.id)}`, n)) {
      steps.unshift(`#${CSS.escape(n.id)}`);
      break;
    }
    let index = 1;
    for (let s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === n.localName) index += 1;
    steps.unshift(`${n.localName}:nth-of-type(${index})`);
  }
  return steps.join(' > ');
}

/** The path of a control in this document (through open shadow roots), or null if it is in a frame. */
export function pathOf(el) {
  const parts = [];
  for (let n = el; n;) {
    parts.unshift(selectorOnRoot(n));
    const root = n.getRootNode();
    if (root === document) return parts.join(SHADOW);
    if (!root.host) return null; // another document (a frame) or detached
    n = root.host;
  }
  return null;
}

/** The one element a path names now, or null (missing, or no longer unique). */
export function resolvePath(path) {
  if (typeof path !== 'string' || path.length > 2000) return null;
  let root = document;
  let el = null;
  for (const part of path.split(SHADOW)) {
    if (!root) return null;
    let found;
    try { found = root.querySelectorAll(part); } catch { return null; }
    if (found.length !== 1) return null;
    [el] = found;
    root = el.shadowRoot;
  }
  return el;
}
