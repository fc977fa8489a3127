#!/usr/bin/env node
// Bundles the content script's ES modules (extension/content/) into ONE classic script, the
// form content scripts must have. Readable and unminified, module by module, for store reviewers.
//
//   node tools/bundle-content.mjs OUT_FILE        (build.sh: dist/<browser>/content/linksmith-content.js)
//
// It refuses to write a bundle that contains an HTML-writing sink: content scripts never write
// page-derived text as HTML.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONTENT_ENTRY = path.join(ROOT, 'extension/content/main.js');
export const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|setHTMLUnsafe)\b/;

/** Bundle `entry` as a classic script into `outfile` (or return the text when outfile is null). */
export async function bundleContent(outfile, { entry = CONTENT_ENTRY, source, globalName } = {}) {
  const result = await build({
    // `source`: module text resolved inside extension/content (tests bundle the gate alone).
    ...(source ? { stdin: { contents: source, resolveDir: path.dirname(CONTENT_ENTRY), sourcefile: 'test-entry.js' } } : { entryPoints: [entry] }),
    bundle: true,
    format: 'iife',
    globalName,
    minify: false,
    keepNames: false,
    legalComments: 'none',
    charset: 'utf8',
    target: ['chrome116', 'firefox140'],
    write: false,
    outfile: outfile ?? 'bundle.js',
    banner: { js: '// Linksmith content script: bundled from extension/content/ by tools/bundle-content.mjs (do not edit).' },
    logLevel: 'warning',
  });
  const text = result.outputFiles[0].text;
  const sink = HTML_SINKS.exec(text);
  if (sink) throw new Error(`the content bundle contains ${sink[0]}: content scripts never write HTML`);
  if (outfile) {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(outfile), { recursive: true });
    writeFileSync(outfile, text);
  }
  return text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node tools/bundle-content.mjs OUT_FILE');
    process.exit(2);
  }
  await bundleContent(path.resolve(out));
  console.log(`content bundle: ${out} (${readFileSync(out).length} bytes)`);
}
