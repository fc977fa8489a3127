// The whole OAuth walkthrough through the panel, on the legacy Jira UI and on the new React UI:
// every cross-tab check ends `pass`, the forms hold the values (the React app in its own state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
