// The bench's own pages, served through Playwright routes like the admin fixtures: a busy Jira
// board (3,000 cards, no admin form; tests/bench/board/) at a Jira Cloud origin and, byte for
// byte the same, at an origin Linksmith does not run on (the paired idle measure's baseline),
// and a blank page (the baseline of a tab opening). Also a browser without Linksmith, the
// baseline of the separate-browser idle measure.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BOARD_URL = 'https://acme.atlassian.net/jira/software/c/projects/ACME/boards/1';
// Outside every host the manifest matches, so no content script runs there.
export const BOARD_ELSEWHERE_URL = 'https://board.linksmith-bench.test/jira/software/c/projects/ACME/boards/1';
export const BLANK_URL = 'https://blank.linksmith-bench.test/';
const ASSETS = '/s/linksmith-bench/';
// As Jira sends it: scripts only from the page's own origin.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function serve(route, file) {
  const body = await readFile(path.join(HERE, 'board', file));
  const type = TYPES[path.extname(file)];
  await route.fulfill({ status: 200, body, headers: { 'content-type': type, 'cache-control': 'no-store', ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}) } });
}

/** Routes the board and the blank page. Register after routeFixtures: later routes win. */
export async function routeBench(context) {
  for (const url of [BOARD_URL, BOARD_ELSEWHERE_URL]) {
    const { origin } = new URL(url);
    await context.route(`${url}**`, (route) => serve(route, 'board.html'));
    await context.route(`${origin}${ASSETS}*`, (route) => {
      const file = new URL(route.request().url()).pathname.slice(ASSETS.length);
      return ['board.js', 'board.css'].includes(file) ? serve(route, file) : route.fulfill({ status: 404, body: '' });
    });
  }
  await context.route(`${BLANK_URL}**`, (route) => route.fulfill({ status: 200, body: '<!doctype html><title>blank</title><p>blank</p>', headers: { 'content-type': TYPES['.html'] } }));
}

/** The same Chromium, flags and fresh profile as launchWithExtension, without any extension. */
export async function launchWithout() {
  const profile = await mkdtemp(path.join(tmpdir(), 'linksmith-bench-off-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless=new', ...CHROMIUM_ARGS],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
