// Launches Debian's Chromium with the built, unpacked extension (dist/chrome) in a fresh profile,
// the way an admin would load it, and hands tests the extension's id and service worker.
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
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** launchWithExtension with the fixture sites routed and seeded with the named scenarios
 * (tests/fixtures/shared/scenarios.js). */
export async function launchWithFixtures({ jira = 'empty', align = 'empty', ...options } = {}) {
  const ext = await launchWithExtension(options);
  await routeFixtures(ext.context);
  await seedJira(ext.context, jira);
  await seedAlign(ext.context, align);
  return ext;
}
