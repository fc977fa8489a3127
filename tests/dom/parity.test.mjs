// Parity: the content script measures an API token where it is typed (values.js secretShape)
// and sends only the shape; the Rust core measures the same token from its text when it has
// one (checkField('align.apiToken', text)). Fed the same inputs, both must give the same verdict, so
// a character one side calls invisible is invisible to the other too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INVISIBLE, secretShape } from '../../extension/content/values.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'target/pkg');
const core = await import(path.join(PKG, 'linksmith.js'));
core.initSync({ module: await readFile(path.join(PKG, 'linksmith_bg.wasm')) });

// A fake token shape (never a real token); every candidate character is put around and inside it.
const BASE = 'ATATT3xFfGF0fixtureNotARealToken0000ABCD';
const CANDIDATES = [
  ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0', '\u00AD', '\u1680', '\u180E', '\u2000', '\u2007', '\u200A',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202E', '\u202F', '\u205F',
  '\u2060', '\u2061', '\u2064', '\u2066', '\u2069', '\u3000', '\uFEFF', '\u0000', '\u0007', '\u001F', '\u007F',
  '\u009F', 'x', '-', '=', '\u00E9', '\u2010', '\u2212', '\u2026', '\uFFFD',
];
const INPUTS = [
  BASE, `"${BASE}"`, `'${BASE}'`, `\u201C${BASE}\u201D`, `\u2018${BASE}\u2019`, 'q7Zk2VbN8xLr4TcW9sYp3mHd', '', '   ',
  ...CANDIDATES.flatMap((c) => [`${c}${BASE}`, `${BASE}${c}`, `${BASE.slice(0, 9)}${c}${BASE.slice(9)}`, `${c}${BASE.slice(0, 5)}${c}${BASE.slice(5)}${c}`]),
];
const hex = (s) => [...s].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

test('invisible characters: the content script and the core agree on every candidate', () => {
  for (const c of CANDIDATES) {
    const fromText = core.checkField('align.apiToken', `${BASE.slice(0, 9)}${c}${BASE.slice(9)}`);
    const fromShape = core.checkApiTokenShape(secretShape(`${BASE.slice(0, 9)}${c}${BASE.slice(9)}`));
    assert.deepEqual(fromShape.problems.map((p) => p.code), fromText.problems.map((p) => p.code), `${hex(c)} (JS calls it ${INVISIBLE.test(c) ? 'invisible' : 'visible'})`);
  }
});

test('API-token shape: the verdict from the shape equals the verdict from the text', () => {
  for (const input of INPUTS) {
    const fromText = core.checkField('align.apiToken', input);
    const fromShape = core.checkApiTokenShape(secretShape(input));
    assert.deepEqual({ ok: fromShape.ok, problems: fromShape.problems }, { ok: fromText.ok, problems: fromText.problems }, hex(input));
  }
});
