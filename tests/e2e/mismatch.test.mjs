// The mismatches only Chromium's driver reaches (the browser-neutral ones are in
// scenarios/mismatch.mjs, run in both browsers by browsers.test.mjs): a trailing space typed in
// Jira's framed Incoming Authentication form, and a stopped service worker forgetting nothing
// (DevTools protocol). Each test starts its own browser, so any one runs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inWalkthrough, fullOAuthFlow, waitForCheck, panelSees, panelFill, openAlignConnector, openJira,
  fillAlignFromPanel, retype, workerState, CONSUMER_KEY,
} from './walkthrough.mjs';
import { JIRA_RENAMED_ORIGIN, APPLINKS_PATH } from '../fixtures/serve.mjs';

const checkText = (w, id) => w.panel.text(`#checks [data-check="${id}"]`);

test('consumer key with a trailing space in Jira\'s framed Incoming Authentication form → fails and shows the space', async () => {
  await inWalkthrough(async (w) => {
    await fullOAuthFlow(w);
    const j = w.jira;
    await j.front();
    await j.locator('#application-links-table tr', { hasText: 'Jira Align' }).getByTitle('Edit').click();
    await j.getByRole('tab', { name: 'Incoming Authentication' }).click();
    const key = j.frameLocator('#incoming-auth-frame').locator('form#add-consumer-manually input[name="key"]');
    await key.waitFor();
    await panelSees(w, 'jira', (s) => s?.step === 'incoming-auth', 'the Incoming Authentication form');
    await key.press('End');
    await key.pressSequentially(' ');
    await waitForCheck(w, 'consumer-key-match', 'fail');
    assert.match(await checkText(w, 'consumer-key-match'), /space/);
    await key.press('Backspace');
    await waitForCheck(w, 'consumer-key-match', 'pass');
  });
});

test('state survives a stopped service worker, and a fill still works after it', async () => {
  await inWalkthrough(async (w) => {
    await openAlignConnector(w);
    await openJira(w);
    await fillAlignFromPanel(w);
    await panelSees(w, 'align', (s) => s?.fields?.consumerKey?.value === CONSUMER_KEY, 'the filled consumer key');
    const before = await workerState(w);
    // Watch the worker's running status through the DevTools protocol while stopping it.
    const cdp = await w.ext.context.newCDPSession(w.panel.raw);
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
    assert.equal(after.sides.align.fields.consumerKey.value, CONSUMER_KEY);
    assert.deepEqual(after.checks, before.checks);
    // The flow continues: a fill still works after the restart.
    await retype(w.jira, '#applinks-url-entered', 'x');
    await panelSees(w, 'jira', (s) => s?.fields?.applicationUrl?.value === 'x', 'the typed Application URL');
    await panelFill(w, 'jira');
    assert.equal(await w.jira.value('#applinks-url-entered'), 'https://acme.jiraalign.com');
    await waitForCheck(w, 'application-url-match', 'pass');
  });
});

test('a renamed Jira site: Jira API URL and Jira Link still on the old name → both match checks fail', async () => {
  await inWalkthrough(async (w) => {
    await openAlignConnector(w);
    await retype(w.align, '#txtJiraApiUrl', 'https://acme.atlassian.net');
    await retype(w.align, '#txtJiraLink', 'https://acme.atlassian.net/browse/');
    await openJira(w, JIRA_RENAMED_ORIGIN + APPLINKS_PATH);
    await waitForCheck(w, 'jira-api-url-match', 'fail');
    await waitForCheck(w, 'jira-link-match', 'fail');
    const text = await checkText(w, 'jira-api-url-match');
    assert.match(text, /acme-new\.atlassian\.net/);
    assert.match(text, /renamed|401/i);
  }, { renamed: true });
});
