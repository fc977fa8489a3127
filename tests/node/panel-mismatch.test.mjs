// The panel's mismatch picture, its pure part: how two consumer keys line up, and how each
// differing character is named (a space made visible, U+00A0 named, a Cyrillic letter named).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignChars, describeDifferences, nameChar, shownChar } from '../../extension/panel/mismatch.js';

// The catalogue's wording, with its $N placeholders filled in order.
const MESSAGES = {
  charOfScript: '$1 letter “$2” ($3)',
  charInvisible: 'invisible character',
  charNone: 'nothing (the key is shorter)',
  diffCase: 'Character $1: $2 has “$3”, $4 has “$5”: only the case differs.',
  diffChar: 'Character $1: $2 has $3, $4 has $5.',
};
const t = (key, subs = []) => (MESSAGES[key] ?? key).replace(/\$(\d)/g, (_, n) => [subs].flat()[n - 1]);
const labels = ['Jira Align', 'Jira'];

test('a trailing space: one extra cell, drawn as ␣ and named SPACE', () => {
  const cells = alignChars('JiraAlignAcme', 'JiraAlignAcme ');
  assert.equal(cells.filter((c) => !c.same).length, 1);
  assert.equal(shownChar(' '), '␣');
  assert.deepEqual(describeDifferences(cells, labels, t), ['Character 14: Jira Align has nothing (the key is shorter), Jira has U+0020 SPACE.']);
});

test('a no-break space in place of a space is named U+00A0', () => {
  const cells = alignChars('Jira Align', 'Jira\u00a0Align');
  assert.deepEqual(describeDifferences(cells, labels, t), ['Character 5: Jira Align has U+0020 SPACE, Jira has U+00A0 NO-BREAK SPACE.']);
  assert.equal(shownChar('\u00a0'), '⍽');
});

test('a Cyrillic letter is named with its script and code point', () => {
  assert.equal(nameChar('\u0430', t), 'Cyrillic letter “а” (U+0430)');
  const cells = alignChars('JiraAlignAcme', 'Jir\u0430AlignAcme');
  assert.deepEqual(describeDifferences(cells, labels, t), ['Character 4: Jira Align has “a” (U+0061), Jira has Cyrillic letter “а” (U+0430).']);
});

test('a zero-width space is marked and named; a case difference is called one', () => {
  assert.equal(shownChar('\u200b'), '◌');
  assert.equal(nameChar('\u200b', t), 'U+200B ZERO WIDTH SPACE');
  const cells = alignChars('acme', 'Acme');
  assert.deepEqual(describeDifferences(cells, labels, t), ['Character 1: Jira Align has “a”, Jira has “A”: only the case differs.']);
});

test('equal keys line up with no difference', () => {
  assert.ok(alignChars('same', 'same').every((c) => c.same));
});
