// The panel's mismatch pictures: how two consumer keys line up and how each differing character
// is named (a space made visible, U+00A0 named, a Cyrillic letter named); and two public keys
// drawn from the facts the core's check carries (both fingerprints, where the texts first differ).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { alignChars, describeDifferences, keyDiff, nameChar, shownChar } from '../../extension/panel/mismatch.js';
import { renderGuide } from '../../extension/panel/steps.js';

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

// ---- public keys: drawn from the check's facts ---------------------------------------------------
// The real core judges two real keys; the panel draws what the check carries (never the keys).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = await import(path.join(ROOT, 'dist/chrome/pkg/linksmith.js'));
core.initSync({ module: await readFile(path.join(ROOT, 'dist/chrome/pkg/linksmith_bg.wasm')) });
const fixture = (name) => readFile(path.join(ROOT, 'tests/keys', name), 'utf8');
const catalogue = JSON.parse(await readFile(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
globalThis.fetch = async () => ({ json: async () => catalogue });
const i18n = await import('../../extension/panel/i18n.js');
await i18n.loadMessages('messages.json');
delete globalThis.fetch;

async function keyChecks(alignKey, jiraKey) {
  return core.checkSetup({
    align: { authType: 'OAuth', publicKey: await fixture(alignKey) },
    jira: { publicKey: await fixture(jiraKey) },
  });
}

function panelWith(checks) {
  const { document } = new Window();
  document.body.innerHTML = '<p id="overall"></p><ol id="checklist"></ol>';
  const state = { sides: {}, options: {}, checks };
  renderGuide(document, state, { t: i18n.t, actionFor: () => null, open: new Set(), closed: new Set() });
  return document.querySelector('li[data-check="public-key-match"]');
}

const ALPHA = 'f8bd909336cbfbfa70a2c2b80d6daf6dd6f9cfbc8f412e2ac5ed517ee78d18e6';
const BETA = '9593f7ed965a837472d67fa0d5188af2432e590fdc3edfc8dec99f79523a9013';

test('a public-key mismatch shows both fingerprints and where the texts first differ, from the check', async () => {
  const item = panelWith(await keyChecks('rsa-2048.pub.pem', 'rsa-2048-e3.pub.pem'));
  assert.equal(item.dataset.state, 'fail');
  const picture = item.querySelector('figure.key-diff');
  assert.ok(picture, 'the mismatch is drawn');
  const prints = [...picture.querySelectorAll('code.fingerprint')].map((c) => c.textContent.replaceAll(' ', ''));
  assert.deepEqual(prints, [ALPHA, BETA], 'Jira Align\'s fingerprint, then Jira\'s');
  const at = [...picture.querySelectorAll('.key-diff-at')].map((li) => li.textContent);
  assert.deepEqual(at, [
    'Jira Align: the texts differ from line 2, column 6: MIIBIjANBgkqhk…',
    'Jira: the texts differ from line 2, column 6: MIIBIDANBgkqhk…',
  ]);
  assert.deepEqual([...picture.querySelectorAll('.diff-excerpt mark')].map((m) => m.textContent), ['j', 'D']);
  assert.match(item.querySelector('.message').textContent, /The keys differ from line 2, column 6\./);
});

test('a key in another form is placed in the key written as PEM; the same key draws no picture', async () => {
  const item = panelWith(await keyChecks('rsa-2048.pkcs1.pub.pem', 'rsa-2048-e3.pub.pem'));
  const at = [...item.querySelectorAll('.key-diff-at')].map((li) => li.textContent);
  assert.match(at[0], /^Jira Align \(in another form; written as PEM\): the keys differ from line 1, column 6:/);
  assert.match(at[1], /^Jira: the texts differ from line 2, column 6:/);
  const same = panelWith(await keyChecks('rsa-2048.pub.pem', 'rsa-2048.oneline.b64'));
  assert.equal(same.dataset.state, 'pass');
  assert.equal(same.querySelector('figure'), null);
});

test('keyDiff draws only from fingerprints it is given', () => {
  const { document } = new Window();
  assert.equal(keyDiff(document, undefined, labels), null);
  assert.equal(keyDiff(document, { alignFingerprint: ALPHA, jiraFingerprint: ALPHA }, labels), null);
  const figure = keyDiff(document, { alignFingerprint: ALPHA, jiraFingerprint: BETA }, labels, t);
  assert.equal(figure.querySelectorAll('code.fingerprint').length, 2);
  assert.equal(figure.querySelector('figcaption'), null, 'no place is made up without the core\'s first difference');
});
