// Text helpers shared by labels, matching, surface and signals: one normalisation for every
// comparison, so a label and a rule are always compared in the same form.

/** Lower-case, single-spaced, without required markers and trailing punctuation. */
export function norm(text) {
  return String(text ?? '')
    .replace(/([a-z])required\b/gi, '$1 ') // AUI's "Consumer Key<span>required</span>" icon text
    .replace(/\(required\)|\brequired\b|\*/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:?.]+$/, '')
    .toLowerCase();
}

/** Split identifiers like txtConsumerKey / consumer_name / two-lo-enabled into words. */
export function words(ident) {
  return norm(String(ident ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .replace(/\b(txt|ddl|chk|inp|input|fld|field|ctl\d*)\b/gi, ' '));
}

export const short = (s, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Visible text of an element (form-control values are not text). */
export function textOf(node) {
  return (node.innerText ?? node.textContent ?? '').replace(/\s+/g, ' ').trim();
}
