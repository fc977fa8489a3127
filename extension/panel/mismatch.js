// Mismatches as pictures. Two consumer keys that should be equal are drawn side by side, one
// character per cell, with the cells that differ highlighted and named: a space becomes a visible
// mark, a no-break space or zero-width character is named with its code point, a letter from
// another script (a Cyrillic "а" in a Latin key) says which script. Public keys are never
// re-inspected here: the core's check carries the facts (fingerprints, where the texts first
// differ), and this draws them. Everything is built with createElement/textContent: the values
// come from the pages.

// Characters that look like nothing (or like a plain space) and their Unicode names.
const NAMED = new Map([
  [0x20, 'SPACE'], [0x09, 'CHARACTER TABULATION'], [0x0a, 'LINE FEED'], [0x0d, 'CARRIAGE RETURN'],
  [0xa0, 'NO-BREAK SPACE'], [0xad, 'SOFT HYPHEN'], [0x2007, 'FIGURE SPACE'], [0x2009, 'THIN SPACE'],
  [0x200b, 'ZERO WIDTH SPACE'], [0x200c, 'ZERO WIDTH NON-JOINER'], [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'], [0x202f, 'NARROW NO-BREAK SPACE'], [0x3000, 'IDEOGRAPHIC SPACE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);
// What stands in for an invisible character in the picture.
const MARKS = new Map([[0x20, '␣'], [0x09, '⇥'], [0x0a, '↵'], [0x0d, '↵'], [0xa0, '⍽']]);
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Han'];

const hex = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function scriptOf(ch) {
  return SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(ch)) ?? null;
}

/** A character's description for a person: "U+00A0 NO-BREAK SPACE", "Cyrillic letter а (U+0430)". */
export function nameChar(ch, t = (key) => key) {
  const cp = ch.codePointAt(0);
  if (NAMED.has(cp)) return `${hex(cp)} ${NAMED.get(cp)}`;
  if (/\p{C}|\p{Z}/u.test(ch)) return `${hex(cp)} ${t('charInvisible')}`;
  const script = scriptOf(ch);
  if (cp > 0x7f && script) return t('charOfScript', [script, ch, hex(cp)]);
  return `“${ch}” (${hex(cp)})`;
}

/** How a character is drawn: invisible ones as a mark, the rest as themselves. */
export function shownChar(ch) {
  const cp = ch.codePointAt(0);
  if (MARKS.has(cp)) return MARKS.get(cp);
  if (/\p{C}|\p{Z}/u.test(ch)) return '◌';
  return ch;
}

/**
 * Lines the two texts up: the common start, the common end, and the middle where they differ.
 * Returns cells `{a, b, same}` (a or b missing where one text has extra characters).
 */
export function alignChars(a, b) {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end += 1;
  const cells = x.slice(0, start).map((c) => ({ a: c, b: c, same: true }));
  const midA = x.slice(start, x.length - end);
  const midB = y.slice(start, y.length - end);
  for (let i = 0; i < Math.max(midA.length, midB.length); i += 1) {
    cells.push({ a: midA[i], b: midB[i], same: false });
  }
  cells.push(...x.slice(x.length - end).map((c) => ({ a: c, b: c, same: true })));
  return cells;
}

/** The differences in words, one line each: "character 9: Jira Align “a” (U+0061), Jira …". */
export function describeDifferences(cells, labels, t = (key) => key) {
  const lines = [];
  cells.forEach((cell, i) => {
    if (cell.same) return;
    const one = (ch) => (ch === undefined ? t('charNone') : nameChar(ch, t));
    if (cell.a !== undefined && cell.b !== undefined && cell.a.toLowerCase() === cell.b.toLowerCase()) {
      lines.push(t('diffCase', [String(i + 1), labels[0], cell.a, labels[1], cell.b]));
    } else {
      lines.push(t('diffChar', [String(i + 1), labels[0], one(cell.a), labels[1], one(cell.b)]));
    }
  });
  return lines;
}

function row(doc, label, cells, pick) {
  const line = doc.createElement('div');
  line.className = 'diff-row';
  const name = doc.createElement('span');
  name.className = 'diff-label';
  name.textContent = label;
  const chars = doc.createElement('span');
  chars.className = 'diff-chars';
  for (const cell of cells) {
    const ch = pick(cell);
    const box = doc.createElement(cell.same ? 'span' : 'mark');
    box.textContent = ch === undefined ? '∅' : shownChar(ch);
    if (ch === undefined) box.className = 'missing';
    chars.append(box);
  }
  line.append(name, chars);
  return line;
}

/** The side-by-side picture of two values that should be equal, or null when they are. */
export function valueDiff(doc, a, b, labels, t = (key) => key) {
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return null;
  const cells = alignChars(a, b);
  const figure = doc.createElement('figure');
  figure.className = 'diff';
  // Screen readers get the named differences below, not a string of single characters.
  const picture = doc.createElement('div');
  picture.setAttribute('aria-hidden', 'true');
  picture.append(row(doc, labels[0], cells, (c) => c.a), row(doc, labels[1], cells, (c) => c.b));
  const caption = doc.createElement('figcaption');
  const list = doc.createElement('ul');
  for (const text of describeDifferences(cells, labels, t).slice(0, 6)) {
    const li = doc.createElement('li');
    li.textContent = text;
    list.append(li);
  }
  caption.append(list);
  figure.append(picture, caption);
  return figure;
}

// "…AAAA[B]xyz…": the core's excerpt around the first difference, the differing character in
// brackets ("[end]" where that key has ended).
function excerptCode(doc, excerpt, t) {
  const code = doc.createElement('code');
  code.className = 'diff-excerpt';
  const m = /^(.*?)\[(.+?)\](.*)$/su.exec(typeof excerpt === 'string' ? excerpt : '');
  if (!m) {
    code.textContent = String(excerpt ?? '');
    return code;
  }
  const at = doc.createElement('mark');
  if (m[2] === 'end') {
    at.textContent = '∅';
    at.className = 'missing';
    at.title = t('charNone');
  } else {
    at.textContent = m[2];
  }
  code.append(m[1], at, m[3]);
  return code;
}

// A fingerprint in groups of four hex digits; the groups that differ from the other one marked.
function fingerprintCode(doc, fingerprint, other) {
  const code = doc.createElement('code');
  code.className = 'fingerprint';
  const groups = fingerprint.match(/.{1,4}/g) ?? [];
  groups.forEach((group, i) => {
    if (i > 0) code.append(' ');
    const same = other.slice(i * 4, i * 4 + 4) === group;
    const box = doc.createElement(same ? 'span' : 'mark');
    box.textContent = group;
    code.append(box);
  });
  return code;
}

/**
 * Two public keys that should be one, from the failing check's facts: both SHA-256 fingerprints
 * side by side, and where the texts first differ (line and column in each text as pasted, or in
 * the key written as PEM when a text is in another form), with a few characters around it.
 * Null when the facts do not hold both fingerprints.
 */
export function keyDiff(doc, facts, labels, t = (key) => key) {
  const fa = facts?.alignFingerprint;
  const fj = facts?.jiraFingerprint;
  if (typeof fa !== 'string' || typeof fj !== 'string' || fa === fj) return null;
  const figure = doc.createElement('figure');
  figure.className = 'diff key-diff';
  const title = doc.createElement('p');
  title.className = 'diff-title';
  title.textContent = t('keyDiffFingerprints');
  figure.append(title);
  for (const [label, mine, other] of [[labels[0], fa, fj], [labels[1], fj, fa]]) {
    const line = doc.createElement('div');
    line.className = 'diff-row';
    const name = doc.createElement('span');
    name.className = 'diff-label';
    name.textContent = label;
    line.append(name, fingerprintCode(doc, mine, other));
    figure.append(line);
  }
  const d = facts.firstDifference;
  if (d && typeof d === 'object') {
    const caption = doc.createElement('figcaption');
    const list = doc.createElement('ul');
    const sides = [[labels[0], d.atA, d.excerptA], [labels[1], d.atB, d.excerptB]];
    for (const [label, at, excerpt] of sides) {
      const li = doc.createElement('li');
      li.className = 'key-diff-at';
      li.textContent = at && typeof at === 'object'
        ? t('keyDiffAt', [label, String(at.line), String(at.column)])
        : t('keyDiffAtPem', [label, String(d.line), String(d.column)]);
      li.append(' ', excerptCode(doc, excerpt, t));
      list.append(li);
    }
    caption.append(list);
    figure.append(caption);
  }
  return figure;
}

/**
 * A check's facts (fingerprints, origins, where two keys first differ) as a definition list, in
 * the order the core gave them. Labels come from the catalogue (`fact_<name>`), else the name.
 */
export function factList(doc, facts, t = (key) => key) {
  if (!facts || typeof facts !== 'object') return null;
  // Nested facts (where two keys first differ) are drawn by keyDiff, not listed.
  const entries = Object.entries(facts).filter(([, v]) => ['string', 'number'].includes(typeof v) && v !== '');
  if (entries.length === 0) return null;
  const dl = doc.createElement('dl');
  dl.className = 'facts';
  for (const [key, value] of entries) {
    const dt = doc.createElement('dt');
    const label = t(`fact_${key}`);
    dt.textContent = label === `fact_${key}` ? key : label;
    const dd = doc.createElement('dd');
    const code = doc.createElement('code');
    code.textContent = String(value);
    dd.append(code);
    dl.append(dt, dd);
  }
  return dl;
}
