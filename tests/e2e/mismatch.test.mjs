// Each classic mistake, made by hand in the pages after a correct walkthrough, turns the right
// check to `fail` with the right fix — and a stopped service worker forgets nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startWalkthrough, fullOAuthFlow, waitForCheck, openLegacyIncomingAuth, openAlignConnector, openJira,
  workerState, CONSUMER_KEY,
} from './walkthrough.mjs';
import { JIRA_RENAMED_ORIGIN, APPLINKS_PATH } from '../fixtures/serve.mjs';

let w;
before(async () => {
  w = await startWalkthrough();
  await fullOAuthFlow(w, { ui: 'legacy' });
});
after(async () => { await w?.ext.close(); });

const checkText = (id) => w.panel.locator(`#checks [data-check="${id}"]`).textContent();

/** Types into a page field the way a person does (select all, type). */
async function retype(locator, text) {
  await locator.fill('');
  await locator.pressSequentially(text);
}

test('consumer key in a different case in Jira Align → consumer-key-match fails, predicts consumer_key_unknown', async () => {
  await retype(w.align.locator('#txtConsumerKey'), CONSUMER_KEY.toLowerCase());
  await waitForCheck(w, 'consumer-key-match', 'fail');
  const text = await checkText('consumer-key-match');
  assert.match(text, /case/i);
  assert.match(text, /consumer_key_unknown/);
  await retype(w.align.locator('#txtConsumerKey'), CONSUMER_KEY);
  await waitForCheck(w, 'consumer-key-match', 'pass');
});

test('consumer key with a trailing space in Jira → fails and shows the space', async () => {
  await openLegacyIncomingAuth(w);
  const key = w.jira.frameLocator('#incoming-auth-frame').locator('input[name="key"]');
  await key.press('End');
  await key.pressSequentially(' ');
  await waitForCheck(w, 'consumer-key-match', 'fail');
  assert.match(await checkText('consumer-key-match'), /space/);
  await key.press('Backspace');
  await waitForCheck(w, 'consumer-key-match', 'pass');
});

test('Generate New Key clicked again after pasting → public-key-match fails and says why', async () => {
  await w.align.click('#btnGenerateKey');
  await waitForCheck(w, 'public-key-match', 'fail');
  const text = await checkText('public-key-match');
  assert.match(text, /Generate New Key/);
  assert.match(text, /signature_invalid/);
});

test('Jira API URL ending in /rest/api/2 → the format check fails with the corrected value', async () => {
  await retype(w.align.locator('#txtJiraApiUrl'), 'https://acme.atlassian.net/rest/api/2');
  await waitForCheck(w, 'jira-api-url-format', 'fail');
  assert.match(await checkText('jira-api-url-format'), /https:\/\/acme\.atlassian\.net(?!\/rest)/);
  await retype(w.align.locator('#txtJiraApiUrl'), 'https://acme.atlassian.net');
  await waitForCheck(w, 'jira-api-url-format', 'pass');
});

test('Jira Link for another site → jira-link-match fails', async () => {
  await retype(w.align.locator('#txtJiraLink'), 'https://other.atlassian.net/browse/');
  await waitForCheck(w, 'jira-link-match', 'fail');
  assert.match(await checkText('jira-link-match'), /acme\.atlassian\.net/);
  await retype(w.align.locator('#txtJiraLink'), 'https://acme.atlassian.net/browse/');
  await waitForCheck(w, 'jira-link-match', 'pass');
});

test('Application URL typo in Jira → application-url-match fails', async () => {
  await w.jira.reload();
  await retype(w.jira.locator('#applinks-url-entered'), 'https://acme.jiraalgin.com');
  await waitForCheck(w, 'application-url-match', 'fail');
  assert.match(await checkText('application-url-match'), /acme\.jiraalign\.com/);
});

test('state survives a stopped service worker', async () => {
  const before = await workerState(w);
  // Watch the worker's running status through the DevTools protocol while stopping it.
  const cdp = await w.ext.context.newCDPSession(w.panel);
  const statuses = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.endsWith('/service-worker.js')) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const stopped = Date.now() + 10_000;
  while (!statuses.includes('stopped') && Date.now() < stopped) await new Promise((r) => setTimeout(r, 50));
  assert.ok(statuses.includes('stopped'), `the worker stopped: ${statuses}`);
  // The next message wakes a new worker, which reads its state back from storage.session.
  const after = await workerState(w);
  assert.equal(statuses.at(-1), 'running', `a new worker answered: ${statuses}`);
  await cdp.detach();
  assert.equal(after.sides.align.fields.consumerKey.value, before.sides.align.fields.consumerKey.value);
  assert.deepEqual(after.checks, before.checks);
  // The flow continues: a fill still works after the restart.
  await retype(w.jira.locator('#applinks-url-entered'), 'x');
  const status = w.panel.locator('#fill-status');
  const seq = Number((await status.getAttribute('data-seq')) ?? 0);
  await w.panel.click('#fill-jira');
  await w.panel.waitForFunction((n) => Number(document.getElementById('fill-status').dataset.seq) > n, seq);
  assert.equal(await w.jira.locator('#applinks-url-entered').inputValue(), 'https://acme.jiraalign.com');
  await waitForCheck(w, 'application-url-match', 'pass');
});

test('a renamed Jira site: Jira API URL and Jira Link still on the old name → both match checks fail', async () => {
  const r = await startWalkthrough({ renamed: true });
  try {
    await openAlignConnector(r);
    await retype(r.align.locator('#txtJiraApiUrl'), 'https://acme.atlassian.net');
    await retype(r.align.locator('#txtJiraLink'), 'https://acme.atlassian.net/browse/');
    await openJira(r, JIRA_RENAMED_ORIGIN + APPLINKS_PATH);
    await waitForCheck(r, 'jira-api-url-match', 'fail');
    await waitForCheck(r, 'jira-link-match', 'fail');
    const text = await r.panel.locator('#checks [data-check="jira-api-url-match"]').textContent();
    assert.match(text, /acme-new\.atlassian\.net/);
    assert.match(text, /renamed|401/i);
  } finally {
    await r.ext.close();
  }
});
