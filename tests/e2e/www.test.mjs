// The standalone checker page (dist/www) in headless Chromium, served from 127.0.0.1 exactly as
// `./build.sh demo` serves it: samples, live checks as you type, explanations, key inspection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM_ARGS } from './harness.mjs';

const WWW = path.join(ROOT, 'dist/www');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
let server;
let browser;
let base;

before(async () => {
  server = createServer(async (req, res) => {
    const file = path.join(WWW, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+$/, '/index.html'));
    if (!file.startsWith(WWW)) return res.writeHead(403).end();
    try {
      const body = await readFile(file.endsWith('/') ? path.join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** The checker in a page of a new browser context of its own (browser.newPage): no storage, cookie
 * or cache of another test's, so one launch serves the file and any one test still runs alone. */
async function openChecker() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(base);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
  return { page, errors };
}

const stateOf = (page, id) => page.locator(`#checks [data-check="${id}"]`).getAttribute('data-state');

test('nothing typed: no check passes on missing data', async () => {
  const { page, errors } = await openChecker();
  // The Authentication Type select always holds a value (OAuth), so only its check may pass.
  const states = await page.locator('#checks li:not([data-check="auth-type"])').evaluateAll((lis) => lis.map((li) => li.dataset.state));
  assert.ok(states.length >= 5);
  assert.ok(!states.includes('pass'), `no pass on missing data: ${states}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a correct sample passes every cross-tab check', async () => {
  const { page } = await openChecker();
  await page.selectOption('#sample', 'good');
  for (const id of ['consumer-key-match', 'public-key-match', 'application-url-match', 'jira-api-url-match', 'jira-link-match']) {
    assert.equal(await stateOf(page, id), 'pass', id);
  }
  assert.equal(await page.locator('#checks [data-state="fail"]').count(), 0);
  await page.close();
});

test('each classic mistake fails the right check as the admin types', async () => {
  const { page } = await openChecker();
  await page.selectOption('#sample', 'good');
  await page.locator('[id="jira.consumerKey"]').pressSequentially(' ');
  assert.equal(await stateOf(page, 'consumer-key-match'), 'fail');
  assert.match(await page.locator('#checks [data-check="consumer-key-match"]').textContent(), /space/);
  // The field's own problem shows under it while typing.
  assert.ok(await page.locator('[id="jira.consumerKey"] ~ .problems li').count() > 0);

  for (const [sample, id] of [['regenerated', 'public-key-match'], ['api-url', 'jira-api-url-format'], ['typo', 'application-url-match'], ['renamed', 'jira-api-url-match']]) {
    await page.selectOption('#sample', sample);
    assert.equal(await stateOf(page, id), 'fail', `${sample} → ${id}`);
  }
  await page.close();
});

test('explains an OAuth error and inspects a pasted key', async () => {
  const { page } = await openChecker();
  await page.fill('#explain-input', 'oauth_problem=consumer_key_unknown');
  assert.match(await page.locator('#explain-result').textContent(), /consumer key/i);
  await page.click('#keygen-run');
  await page.locator('#keygen-result').waitFor({ state: 'visible', timeout: 30_000 });
  const pem = await page.locator('#keygen-public').inputValue();
  // A key that lost its last lines in the copy is named as broken.
  await page.fill('#inspect-input', pem.slice(0, 200));
  assert.ok(await page.locator('#inspect-problems li[data-severity="error"]').count() > 0);
  await page.fill('#inspect-input', pem);
  assert.match(await page.locator('#inspect-facts').textContent(), /2048/);
  await page.close();
});

test('each name field is checked by its own rule and named in its own messages', async () => {
  const { page } = await openChecker();
  for (const [id, label] of [['jira.applicationName', 'Application Name'], ['jira.consumerName', 'Consumer Name']]) {
    await page.fill(`[id="${id}"]`, 'Jira\tAlign');
    const message = await page.locator(`.field:has([id="${id}"]) .problems li`).first().textContent();
    assert.ok(message.startsWith(`${label}:`), `${id}: ${message}`);
    assert.doesNotMatch(message, /Connector name/);
  }
  await page.close();
});

test('missing values are asked for as values to paste, not as tabs to open', async () => {
  const { page } = await openChecker();
  const texts = await page.locator('#checks li[data-state="unknown"]').evaluateAll((lis) => lis.map((li) => li.textContent));
  assert.ok(texts.length >= 5, `${texts.length} unknown checks`);
  for (const text of texts) {
    assert.doesNotMatch(text, /so Linksmith can read it|not seen yet/, text);
  }
  assert.ok(texts.some((t) => /paste it here/.test(t)), texts.join('\n'));
  await page.close();
});
