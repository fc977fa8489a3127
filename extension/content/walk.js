// DOM walking: which documents and roots Linksmith looks into. Only our own document, its open
// shadow roots, and same-origin, unsandboxed child frames; closed shadow roots and foreign frames
// are never entered.

/** The documents we may look into: ours, plus same-origin, unsandboxed child frames. */
export function documentsToScan() {
  const docs = [document];
  for (let i = 0; i < docs.length && docs.length < 8; i += 1) {
    for (const frame of docs[i].querySelectorAll('iframe, frame')) {
      if (frame.hasAttribute('sandbox')) continue; // sandboxed: never looked at
      let doc;
      try {
        doc = frame.contentDocument; // null for cross-origin frames
        if (doc && doc.defaultView?.location.origin !== location.origin) doc = null;
      } catch {
        doc = null;
      }
      if (doc && doc.documentElement) docs.push(doc);
    }
  }
  return docs;
}

/** Every open shadow root below `root`, found with one tree walk (no element list is built). */
function shadowRootsUnder(root, out) {
  const doc = root.ownerDocument ?? root;
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      shadowRootsUnder(el.shadowRoot, out);
    }
  }
}

/** Every root to search: the documents and their open shadow roots, recursively. */
export function allRoots() {
  const roots = [];
  for (const doc of documentsToScan()) {
    roots.push(doc);
    shadowRootsUnder(doc, roots);
  }
  return roots;
}

/** The parent across shadow boundaries and same-origin frame boundaries. */
export function composedParent(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  if (root && root.host) return root.host; // ShadowRoot
  if (root && root.nodeType === 9) { // Document: continue at the frame element
    try {
      return root.defaultView?.frameElement ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

/** True when `node` is `scope` or inside it, across shadow and frame boundaries. */
export function isInside(node, scope) {
  for (let n = node; n; n = composedParent(n)) if (n === scope) return true;
  return false;
}

export function styleOf(el) {
  return el.ownerDocument.defaultView.getComputedStyle(el);
}

/** The element by id on the node's own root (document or shadow root). */
export function byIdOnRoot(node, id) {
  const root = node.getRootNode();
  return id && root.getElementById ? root.getElementById(id) : null;
}
