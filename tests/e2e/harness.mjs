// Launches Debian's Chromium with the built, unpacked extension (dist/chrome) in a fresh profile,
// the way an admin would load it, and hands tests the extension's id and service worker; and gives
// each test of a file a browser of its own (browserPerTest, for either browser's launch).
import { beforeEach, afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeFixtures, seedJira, seedAlign } from '../fixtures/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist/chrome');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * @param {object} [options]
 * @param {string} [options.extensionDir]  an unpacked extension (default dist/chrome)
 * @param {string} [options.executablePath]  another launcher for Debian's Chromium (the policy
 *        test runs it in a private mount namespace); default /usr/bin/chromium
 * @param {Record<string, string>} [options.env]  extra environment for the browser process
 * @param {boolean} [options.headless]  false for the headed demo
 * @param {string[]} [options.args]  more command-line switches
 */
export async function launchWithExtension({ extensionDir = DIST, executablePath = '/usr/bin/chromium', env, headless = true, args = [] } = {}) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run ./build.sh first`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'linksmith-profile-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 860 },
    ...(env ? { env: { ...process.env, ...env } } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_ARGS,
      ...args,
    ],
  }).catch(async (err) => {
    await removeProfile();
    throw err;
  });
  let [worker] = context.serviceWorkers();
  try {
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  } catch (err) {
    await context.close();
    await removeProfile();
    throw err;
  }
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      await removeProfile();
    },
  };
}

/** launchWithExtension with the fixture sites routed and seeded with the named scenarios
 * (tests/fixtures/shared/scenarios.js). */
export async function launchWithFixtures({ jira = 'empty', align = 'empty', ...options } = {}) {
  const ext = await launchWithExtension(options);
  try {
    await routeFixtures(ext.context);
    await seedJira(ext.context, jira);
    await seedAlign(ext.context, align);
  } catch (err) {
    await ext.close();
    throw err;
  }
  return ext;
}

/**
 * A browser of each test's own, for every test of the calling file (or of the describe block it is
 * called in): `launch()` starts it before the test, and it is closed, its profile deleted, after
 * the test, whether the test passed or failed. Nothing carries over from one test to the next, so
 * any one test runs alone (--test-name-pattern) and in any order.
 * @template T
 * @param {() => Promise<T & { close(): Promise<void> }>} launch  e.g. () => launchWithFixtures({ jira: 'link' })
 * @param {(browser: T) => Promise<void>} [setUp]  more to do in each new browser (closed if it fails)
 * @returns {() => T} the current test's browser
 */
export function browserPerTest(launch, setUp) {
  let current = null;
  beforeEach(async () => {
    current = await launch();
    await setUp?.(current);
  });
  afterEach(async () => {
    const done = current;
    current = null;
    await done?.close();
  });
  return () => {
    if (!current) throw new Error('no browser: browserPerTest hands one out only inside a test');
    return current;
  };
}
