// The whole OAuth walkthrough through the panel, on the legacy Jira UI and on the new React UI:
// every cross-tab check ends `pass`, the forms hold the values (the React app in its own state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBLEM } from '../../extension/shared/vocabulary.js';
import { startWalkthrough, fullOAuthFlow, checkStates, alignPublicKey, CONSUMER_KEY, workerState } from './walkthrough.mjs';

test('legacy Jira UI: empty connector to every check passing, through the panel', async () => {
  const w = await startWalkthrough();
  try {
    await fullOAuthFlow(w, { ui: 'legacy' });
    const states = await checkStates(w);
    assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'pass'), [], JSON.stringify(states));
    // The badge says so too.
    const badge = await w.ext.worker.evaluate(() => chrome.action.getBadgeText({}));
    assert.equal(badge, '✓');
    // Jira stored exactly what Align shows.
    const stored = await w.jira.evaluate(() => window.__fixtureState());
    const link = stored.links.find((l) => /jiraalign/.test(l.url ?? l.applicationUrl ?? ''));
    assert.ok(link, JSON.stringify(stored.links));
    assert.equal(link.incoming.key, CONSUMER_KEY);
    const pem = await alignPublicKey(w);
    assert.equal(link.incoming.publicKey, pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
    // Copy report: Markdown with fingerprints and every check, and no key material.
    await w.panel.click('#tool-report > summary'); // the report is a collapsed tool
    await w.panel.click('#copy-report');
    const report = await w.panel.locator('#report-output').inputValue();
    assert.match(report, /^# Linksmith report/);
    const fp = (await workerState(w)).checks.find((c) => c.id === 'public-key-match');
    assert.equal(fp.state, 'pass');
    assert.match(report, /Public key SHA-256: `[0-9a-f]{64}`/);
    assert.match(report, /\| consumer-key-match \| pass \|/);
    assert.ok(!report.includes(pem.split('\n')[1]), 'no line of the key itself');
    assert.doesNotMatch(report, /PRIVATE|BEGIN/);
    // Checklist ticked itself up to the Jira side.
    for (const step of ['open-align', 'fill-align', 'generate-key', 'save-align', 'open-jira', 'create-link', 'incoming-auth']) {
      assert.equal(await w.panel.locator(`#checklist [data-step="${step}"]`).getAttribute('data-done'), 'true', step);
    }
  } finally {
    await w.ext.close();
  }
});

test('new React Jira UI: the filled values live in the app state and every check passes', async () => {
  const w = await startWalkthrough();
  try {
    await fullOAuthFlow(w, { ui: 'react' });
    const states = await checkStates(w);
    assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'pass'), [], JSON.stringify(states));
    const app = await w.jira.evaluate(() => window.__fixtureState());
    const link = app.links.find((l) => /jiraalign/.test(JSON.stringify(l)));
    assert.ok(link, JSON.stringify(app.links));
    assert.equal(link.incoming.key, CONSUMER_KEY);
    assert.equal(link.incoming.consumerName, 'Jira Align');
    const s = await workerState(w);
    assert.equal(s.sides.jira.fields.consumerKey.value, CONSUMER_KEY);
  } finally {
    await w.ext.close();
  }
});

test('Basic Auth: the panel fills link, API URL, type and username; the token is checked in place, never kept', async () => {
  const { openAlignConnector, openJira, panelFill, waitForCheck } = await import('./walkthrough.mjs');
  const w = await startWalkthrough();
  const TOKEN = 'ATATT3xFfGF0 fixture-not-a-real-token-0000';
  try {
    await openAlignConnector(w);
    await openJira(w);
    await w.panel.selectOption('#opt-auth-type', 'basic');
    await w.panel.fill('#opt-username', 'svc-align@acme.com');
    assert.equal(await w.panel.locator('#fill-jira').isDisabled(), true, 'no application link with Basic Auth');
    assert.match(await panelFill(w, 'align'), /Filled: /);
    assert.equal(await w.align.locator('#ddlAuthType').inputValue(), 'basic');
    assert.equal(await w.align.locator('#txtJiraUsername').inputValue(), 'svc-align@acme.com');
    assert.equal(await w.align.locator('#txtJiraApiUrl').inputValue(), 'https://acme.atlassian.net');
    assert.equal(await w.align.locator('#txtJiraPassword').inputValue(), '', 'the token is the person\'s to type');

    // A token pasted with a space inside: the panel says where, without showing it.
    await w.align.locator('#txtJiraPassword').pressSequentially(TOKEN);
    await w.panel.locator(`#api-token-problems li[data-code="${PROBLEM.API_TOKEN_WHITESPACE_INSIDE}"]`).waitFor();
    assert.match(await w.panel.locator('#api-token-problems').textContent(), /position 13/);
    await w.align.locator('#txtJiraPassword').fill(TOKEN.replace(' ', ''));
    await w.panel.locator(`#api-token-problems li[data-code="${PROBLEM.API_TOKEN_WHITESPACE_INSIDE}"]`).waitFor({ state: 'detached' });
    await w.panel.locator(`#api-token-problems li[data-code="${PROBLEM.API_TOKEN_ATLASSIAN_FORMAT}"]`).waitFor();

    for (const id of ['auth-type', 'username-format', 'jira-api-url-match', 'jira-link-match']) await waitForCheck(w, id, 'pass');
    const states = await checkStates(w);
    assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'pass'), [], JSON.stringify(states));
    assert.ok(!('consumer-key-match' in states), 'OAuth checks are left out with Basic Auth');

    // The token is nowhere in the extension: not in any storage area, not in the panel.
    const stored = await w.panel.evaluate(async () => JSON.stringify([
      await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]));
    for (const piece of ['ATATT3xFf', 'fixture-not-a-real', TOKEN.slice(-12)]) {
      assert.ok(!stored.includes(piece), `storage holds part of the token: ${piece}`);
      assert.ok(!(await w.panel.content()).includes(piece), 'the panel shows part of the token');
    }
  } finally {
    await w.ext.close();
  }
});
