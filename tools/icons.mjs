#!/usr/bin/env node
// Renders the extension icon, extension/icons/linksmith.svg, to the PNG sizes the manifests name
// (tools/manifest.mjs ICON_SIZES), with resvg (npm @resvg/resvg-js, pinned in package-lock.json).
//
//   node tools/icons.mjs OUT_DIR      writes OUT_DIR/linksmith-<size>.png for each size
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, iconPath } from './manifest.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(ROOT, 'extension/icons/linksmith.svg');

/** The PNG bytes of `svg` rendered `size` pixels square, transparent outside the tile. */
export function renderIcon(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node tools/icons.mjs OUT_DIR');
    process.exit(2);
  }
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(path.join(outDir, path.basename(iconPath(size))), renderIcon(svg, size));
}
