// One gate: every write to the page goes through gate.js. The writers live in values.js and
// only gate.js may import them; the shipped bundle holds no HTML-writing sink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContent, HTML_SINKS } from '../../tools/bundle-content.mjs';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension/content');
const WRITERS = ['write', 'readBack', 'settle'];

test('only gate.js imports the writers', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\/values\.js'/g)) {
      const names = m[1].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]);
      const writers = names.filter((n) => WRITERS.includes(n));
      if (file !== 'gate.js') assert.deepEqual(writers, [], `${file} imports ${writers.join(', ')}`);
    }
  }
});

test('no content module and not the bundle contains an HTML sink', async () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.js'))) {
    assert.doesNotMatch(readFileSync(path.join(DIR, file), 'utf8'), HTML_SINKS, file);
  }
  const bundle = await bundleContent(null);
  assert.doesNotMatch(bundle, HTML_SINKS);
  assert.match(bundle, /^\/\/ Linksmith content script/);
  assert.ok(bundle.split('\n').length > 500, 'unminified: one statement a line');
});

test('the bundler refuses a bundle with a sink', async () => {
  await assert.rejects(bundleContent(null, { source: "document.body.innerHTML = location.hash;" }), /innerHTML/);
});
