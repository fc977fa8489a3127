// Every string of Linksmith's own UI comes from _locales/<lang>/messages.json, so a translation is
// one file. In the extension the browser picks the language (chrome.i18n); the standalone page
// (www/), which runs the key generator unchanged but has no extension APIs, loads the English
// catalogue itself through `loadMessages`.
//
// HTML says which message goes where: data-i18n="key" sets the text, data-i18n-placeholder,
// data-i18n-title and data-i18n-aria-label set those attributes. Text only: never HTML.

let catalogue = null; // {key: {message, placeholders}} when chrome.i18n is not there

/** For pages without chrome.i18n: read a messages.json (same folder by default). */
export async function loadMessages(url = new URL('./messages.json', import.meta.url)) {
  catalogue = await (await fetch(url)).json();
}

/** chrome.i18n.getMessage's substitution rules: named $PLACEHOLDER$s, then $1..$9. */
function substitute(entry, subs) {
  const args = Array.isArray(subs) ? subs : subs === undefined ? [] : [subs];
  const positional = (text) => text.replace(/\$(\d)/g, (_, n) => String(args[Number(n) - 1] ?? ''));
  const named = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
      const p = named[name.toLowerCase()];
      return p ? positional(p.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

/** The message `key` with substitutions; the key itself if it is missing (visible, never blank). */
export function t(key, subs) {
  const api = globalThis.chrome?.i18n;
  if (api?.getMessage) {
    const text = api.getMessage(key, subs);
    if (text) return text;
  }
  const entry = catalogue?.[key];
  return entry ? substitute(entry, subs) : key;
}

/** Fill every data-i18n* attribute under `root` (the document by default). */
export function applyI18n(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const [attr, data] of [['placeholder', 'i18nPlaceholder'], ['title', 'i18nTitle'], ['aria-label', 'i18nAriaLabel']]) {
    for (const node of root.querySelectorAll(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : `i18n-${attr}`}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
  // The language of the catalogue actually used (a translator sets it), not the browser's.
  const doc = root.ownerDocument ?? root;
  if (doc.documentElement) doc.documentElement.lang = t('langCode');
}
