// The manifest guard: what the built extensions (dist/chrome, dist/firefox) may ask for and may
// contain. Runs on the build output, so a change to extension/manifest.json, tools/manifest.mjs or
// build.sh that widens the extension fails here before a store or an IT department sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crateVersion, GECKO_ID, ICON_SIZES, iconPath } from '../../tools/manifest.mjs';
import { BUILT_IN_PATTERNS } from '../../extension/shared/origins.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSERS = ['chrome', 'firefox'];
const dir = (b) => path.join(ROOT, 'dist', b);
const manifest = (b) => JSON.parse(readFileSync(path.join(dir(b), 'manifest.json'), 'utf8'));

// The Jira Cloud and Jira Align host families, and nothing else, granted at install.
const HOSTS = BUILT_IN_PATTERNS; // from the one origin rule (tests/node/origins.test.mjs)
const PERMISSIONS = {
  chrome: ['sidePanel', 'storage', 'scripting'],
  firefox: ['storage', 'scripting'],
};
// Self-hosted sites: any https origin may be *requested*, one origin at a time, from the admin's
// click in the panel (panel/hosts.js asks for `${origin}/*` only); nothing is granted by this line.
const OPTIONAL_HOSTS = ['https://*/*'];
const NEVER = ['<all_urls>', '*://*/*', 'http://*/*', 'tabs', 'webRequest', 'webRequestBlocking',
  'declarativeNetRequest', 'cookies', 'history', 'bookmarks', 'debugger', 'nativeMessaging', 'management',
  'downloads', 'clipboardRead', 'proxy', 'privacy', 'webNavigation', 'activeTab'];
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

for (const b of BROWSERS) {
  test(`${b}: permissions and host permissions are exactly the allow-list`, () => {
    assert.ok(existsSync(dir(b)), `dist/${b} is missing: run ./build.sh`);
    const m = manifest(b);
    assert.deepEqual(m.permissions, PERMISSIONS[b]);
    assert.deepEqual(m.host_permissions, HOSTS);
    assert.deepEqual(m.optional_host_permissions, OPTIONAL_HOSTS);
    assert.equal(m.optional_permissions, undefined);
    const asked = [...m.permissions, ...m.host_permissions, ...m.optional_host_permissions];
    for (const bad of NEVER) assert.ok(!asked.includes(bad), `${bad} must never be asked for`);
    for (const cs of m.content_scripts) {
      for (const match of cs.matches) assert.ok(HOSTS.includes(match), `content script on ${match}`);
      assert.equal(cs.all_frames, false);
    }
    assert.equal(m.externally_connectable, undefined, 'no web page may message the extension');
    assert.equal(m.web_accessible_resources, undefined, 'no extension file is exposed to pages');
  });

  test(`${b}: CSP is exactly the strict one, and the version is Cargo.toml's`, () => {
    const m = manifest(b);
    assert.deepEqual(m.content_security_policy, { extension_pages: CSP });
    assert.equal(m.manifest_version, 3);
    assert.equal(m.version, crateVersion());
    assert.equal(m.update_url, undefined);
  });

  test(`${b}: every __MSG_ in the manifest has a message`, () => {
    const messages = JSON.parse(readFileSync(path.join(dir(b), '_locales/en/messages.json'), 'utf8'));
    const text = JSON.stringify(manifest(b));
    const used = [...text.matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]);
    assert.ok(used.includes('extName') && used.includes('extDescription'));
    for (const key of used) assert.ok(messages[key], `__MSG_${key}__`);
    assert.equal(manifest(b).default_locale, 'en');
  });
}

test('chrome: service worker module, side panel, minimum version, pinned id, managed schema', () => {
  const m = manifest('chrome');
  assert.deepEqual(m.background, { service_worker: 'service-worker.js', type: 'module' });
  assert.equal(m.side_panel.default_path, 'panel/panel.html');
  assert.match(m.minimum_chrome_version, /^\d+$/);
  assert.ok(m.key);
  assert.equal(m.storage.managed_schema, 'managed-schema.json');
  const schema = JSON.parse(readFileSync(path.join(dir('chrome'), m.storage.managed_schema), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), ['alignSiteUrl', 'consumerKeyPrefix', 'jiraSiteUrl']);
});

test('firefox: background module scripts, sidebar, gecko id and minimum, no data collection, no Chrome-only keys', () => {
  const m = manifest('firefox');
  assert.deepEqual(m.background, { scripts: ['service-worker.js'], type: 'module' });
  assert.equal(m.sidebar_action.default_panel, 'panel/panel.html');
  assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
  assert.match(m.browser_specific_settings.gecko.strict_min_version, /^\d+\.\d+$/);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  for (const key of ['key', 'side_panel', 'minimum_chrome_version', 'storage']) assert.equal(m[key], undefined, key);
});

function shippedFiles(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) out.push(...shippedFiles(full));
    else out.push(full);
  }
  return out;
}

// Code that evaluates strings, or reaches the network other than for the extension's own files.
// The wasm-bindgen glue (pkg/linksmith.js, pkg/linksmith_keygen.js) needs no exception: its one
// `fetch` loads the bundled wasm from a URL relative to itself, and its `Function(` is text
// inside a template literal (a debug description), which the patterns below tell apart from a
// call.
const FORBIDDEN = [
  [/(^|[^\w$.])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(^|[^\w$.`{])Function\s*\(/, 'Function('],
  [/\bset(?:Timeout|Interval)\s*\(\s*['"`]/, 'string timer'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bsendBeacon\b/, 'sendBeacon'],
  [/\bimportScripts\s*\(/, 'importScripts('],
  // A dynamic import only of a relative string literal: a file of the package, loaded on demand.
  [/\bimport\s*\((?!\s*['"]\.{1,2}\/)/, 'dynamic import( of anything but a relative path'],
  [/\bfetch\s*\(\s*['"`]\s*(?:https?:)?\/\//, 'fetch of a remote URL'],
  [/\bfrom\s+['"](?!\.{1,2}\/)/, 'import of a non-relative module'],
  [/^\s*import\s+['"](?!\.{1,2}\/)/m, 'import of a non-relative module'],
];

for (const b of BROWSERS) {
  test(`${b}: no eval, no new Function, no remote code or network sink in any shipped file`, () => {
    const files = shippedFiles(dir(b));
    assert.ok(files.some((f) => f.endsWith('pkg/linksmith.js')), 'the wasm glue is scanned too');
    assert.ok(files.some((f) => f.endsWith('pkg/linksmith_keygen.js')), 'and the key generator\'s glue');
    for (const file of files) {
      const rel = path.relative(dir(b), file);
      if (file.endsWith('.wasm')) continue; // binary: its only way out is the glue's imports, scanned above
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.js')) {
        for (const [re, what] of FORBIDDEN) assert.doesNotMatch(text, re, `${rel}: ${what}`);
        const fetches = [...text.matchAll(/\bfetch\s*\(([^)]*)\)/g)].map((x) => x[1].trim());
        // sw/verify.js is the one place requests go to Jira, after the admin's click (PRIVACY.md).
        const allowed = rel === 'sw/verify.js' ? /^(url, init)$/ : /^(module_or_path|url)$/;
        for (const arg of fetches) assert.match(arg, allowed, `${rel}: fetch(${arg})`);
      }
      if (file.endsWith('.html')) {
        for (const [, attr] of text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)) {
          assert.doesNotMatch(attr, /^(?:[a-z]+:)?\/\//i, `${rel}: remote ${attr}`);
        }
        assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/i, `${rel}: inline script`);
        assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${rel}: inline event handler`);
      }
      if (file.endsWith('.css')) {
        assert.doesNotMatch(text, /url\(\s*['"]?(?:[a-z]+:)?\/\//i, `${rel}: remote url()`);
        assert.doesNotMatch(text, /@import/i, `${rel}: @import`);
      }
    }
  });
}

test('the two builds ship the same files, but for the one per-browser module', () => {
  const list = (b) => shippedFiles(dir(b)).map((f) => path.relative(dir(b), f)).sort();
  assert.deepEqual(list('chrome'), list('firefox'));
  for (const rel of list('chrome')) {
    if (rel === 'manifest.json' || rel === 'sw/platform.js') continue;
    assert.ok(readFileSync(path.join(dir('chrome'), rel)).equals(readFileSync(path.join(dir('firefox'), rel))), rel);
  }
  assert.doesNotMatch(readFileSync(path.join(dir('firefox'), 'sw/platform.js'), 'utf8'), /chrome\.sidePanel/);
});

test('the source zip and the store zips exist', () => {
  for (const zip of ['linksmith-chrome.zip', 'linksmith-firefox.zip', 'linksmith-source.zip']) {
    assert.ok(statSync(path.join(ROOT, 'dist', zip)).size > 1000, zip);
  }
});

// A store zip as the store reads it (Python's zipfile, the module build.sh writes the zips with):
// its file names, and one member's text.
const ZIP_READER = `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"names": sorted(z.namelist()), "manifest": z.read("manifest.json").decode()}))`;
const zipped = (b) => JSON.parse(execFileSync('python3', ['-c', ZIP_READER, path.join(ROOT, 'dist', `linksmith-${b}.zip`)], { encoding: 'utf8' }));

test('store zips: the Chrome/Edge zip has no `key`, the unpacked dist/chrome keeps it; otherwise the same', () => {
  for (const b of BROWSERS) {
    const zip = zipped(b);
    const inZip = JSON.parse(zip.manifest);
    assert.equal(inZip.key, undefined, `linksmith-${b}.zip: the stores refuse a manifest with a key`);
    const unpacked = manifest(b);
    const { key, ...rest } = unpacked;
    assert.deepEqual(inZip, rest, `linksmith-${b}.zip: the same manifest, but for the key`);
    if (b === 'chrome') assert.match(key, /^MII[A-Za-z0-9+/=]+$/, 'dist/chrome keeps the pinned-id key');
    const files = shippedFiles(dir(b)).map((f) => path.relative(dir(b), f)).sort();
    assert.deepEqual(zip.names, files, `linksmith-${b}.zip holds exactly dist/${b}`);
  }
});

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(file) {
  const b = readFileSync(file);
  assert.ok(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file}: not a PNG`);
  assert.equal(b.toString('latin1', 12, 16), 'IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

for (const b of BROWSERS) {
  test(`${b}: icons at 16, 32, 48 and 128 px for the extension and the toolbar button`, () => {
    const m = manifest(b);
    assert.deepEqual(Object.keys(m.icons).map(Number), ICON_SIZES);
    assert.deepEqual(ICON_SIZES, [16, 32, 48, 128]);
    for (const [size, rel] of Object.entries(m.icons)) {
      assert.equal(rel, iconPath(size));
      assert.deepEqual(pngSize(path.join(dir(b), rel)), [Number(size), Number(size)], rel);
    }
    const toolbar = b === 'firefox' ? [m.action.default_icon, m.sidebar_action.default_icon] : [m.action.default_icon];
    for (const icons of toolbar) {
      for (const [size, rel] of Object.entries(icons)) assert.deepEqual(pngSize(path.join(dir(b), rel)), [Number(size), Number(size)]);
    }
    assert.ok(!existsSync(path.join(dir(b), 'icons/linksmith.svg')), 'the SVG source is not shipped');
  });
}

test('the manifest description fits the stores\' 132-character short description', () => {
  const messages = JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
  const text = messages.extDescription.message;
  assert.ok(text.length > 40 && text.length <= 132, `${text.length} characters: ${text}`);
});
