#!/usr/bin/env node
// Writes the manifest for one browser from the one source, extension/manifest.json.
//
//   node tools/manifest.mjs chrome|firefox OUT_DIR [--store]
//   node tools/manifest.mjs --version          (the version every manifest gets)
//
// --store writes the manifest of the store upload: the Chrome Web Store (and Edge Add-ons, which
// take the same zip) reject a manifest with a `key` ("key field is not allowed in manifest"); the
// unpacked dist/chrome keeps it, so tests and local installs get the same extension id.
//
// The source is written for Chrome minus its version: the version comes from Cargo.toml only
// (the Rust core is what a release is about), so the two browsers and the crate can never disagree.
// Firefox differs in how the background, the panel and the add-on's identity are declared; each
// difference is one line below, so a reviewer can see everything that is not shared.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The [package] version of Cargo.toml (no TOML parser needed for one key in one table). */
export function crateVersion(cargoToml = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')) {
  const pkg = cargoToml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const m = pkg && /^version\s*=\s*"(\d+)\.(\d+)\.(\d+)"\s*$/m.exec(pkg);
  if (!m) throw new Error('Cargo.toml: no plain x.y.z [package] version');
  return `${m[1]}.${m[2]}.${m[3]}`; // browsers accept only dot-separated integers: no -pre suffix
}

// Firefox's add-on id: fixed forever once published (AMO ties reviews and updates to it).
export const GECKO_ID = '{1d3aac43-4f6b-427d-8ae0-8c6c3e4adac9}';
// 140 is the ESR line that knows `data_collection_permissions`; everything else used here
// (module background scripts, storage.session, scripting.registerContentScripts, sidebar_action)
// is older.
export const GECKO_MIN = '140.0';

// The toolbar and extension icons: PNGs that build.sh renders from extension/icons/linksmith.svg
// (tools/icons.mjs); the manifest names them, so they are declared here next to the sizes.
export const ICON_SIZES = [16, 32, 48, 128];
export const iconPath = (size) => `icons/linksmith-${size}.png`;
const iconSet = (sizes) => Object.fromEntries(sizes.map((n) => [String(n), iconPath(n)]));

function withIcons(m) {
  return {
    ...m,
    icons: iconSet(ICON_SIZES),
    // The toolbar button draws at 16 or 32 px (device pixel ratio 1 or 2); the badge sits over it.
    action: { ...m.action, default_icon: iconSet([16, 32]) },
  };
}

export function chromeManifest(source, version) {
  return withIcons({ ...source, version });
}

/** The manifest inside a store zip: the same, without Chrome's pinned-id `key`. */
export function storeManifest(manifest) {
  const rest = { ...manifest };
  delete rest.key;
  return rest;
}

export function firefoxManifest(source, version) {
  const m = withIcons({ ...source, version });
  // Chrome-only keys: the pinned id (`key`), Chrome's side panel and version floor, and the
  // managed-storage schema (Firefox takes managed values from policies.json without a schema).
  delete m.key;
  delete m.side_panel;
  delete m.minimum_chrome_version;
  delete m.storage;
  m.permissions = source.permissions.filter((p) => p !== 'sidePanel');
  // Firefox MV3 has no service workers for extensions: the same ES module runs as a background
  // script (an event page), still as a module.
  m.background = { scripts: [source.background.service_worker], type: 'module' };
  m.sidebar_action = {
    default_panel: source.side_panel.default_path,
    default_title: source.action?.default_title ?? source.name,
    default_icon: iconSet([16, 32]),
    open_at_install: false,
  };
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN,
      // Linksmith collects nothing and sends nothing anywhere (see PRIVACY.md).
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learnt data_collection_permissions in 142.
    gecko_android: { strict_min_version: '142.0' },
  };
  return m;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [browser, outDir, flag] = process.argv.slice(2);
  if (browser === '--version') {
    console.log(crateVersion());
    process.exit(0);
  }
  const make = { chrome: chromeManifest, firefox: firefoxManifest }[browser];
  if (!make || !outDir || (flag && flag !== '--store')) {
    console.error('usage: node tools/manifest.mjs chrome|firefox OUT_DIR [--store]');
    process.exit(2);
  }
  const source = JSON.parse(readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  if ('version' in source) throw new Error('extension/manifest.json must not carry a version: Cargo.toml has it');
  mkdirSync(outDir, { recursive: true });
  const built = make(source, crateVersion());
  const out = flag === '--store' ? storeManifest(built) : built;
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(out, null, 2)}\n`);
}
