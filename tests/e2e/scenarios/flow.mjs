// The whole OAuth walkthrough through the panel on the legacy Jira UI: every check ends `pass`,
// the badge says so, and Jira stored exactly what Jira Align shows.
import assert from 'node:assert/strict';
import { startWalkthrough, fullOAuthFlow, checkStates, CONSUMER_KEY } from './steps.mjs';

const notPassing = (states) => Object.entries(states).filter(([, s]) => s !== 'pass');
const base64Of = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export async function legacyFlow(browser) {
  const w = await startWalkthrough(browser);
  await fullOAuthFlow(w);
  const states = await checkStates(w);
  assert.deepEqual(notPassing(states), [], JSON.stringify(states));
  // The toolbar badge, over the icon.
  assert.equal(await w.panel.evaluate(() => chrome.action.getBadgeText({})), '✓');
  const stored = await w.jira.evaluate(() => window.__fixtureState());
  const link = stored.links.find((l) => /jiraalign/.test(l.url ?? l.applicationUrl ?? ''));
  assert.ok(link, JSON.stringify(stored.links));
  assert.equal(link.incoming.key, CONSUMER_KEY);
  assert.equal(link.incoming.publicKey, base64Of(await w.align.value('#txtPublicKey')));
  for (const step of ['open-align', 'fill-align', 'generate-key', 'save-align', 'open-jira', 'create-link', 'incoming-auth']) {
    assert.equal(await w.panel.attr(`#checklist [data-step="${step}"]`, 'data-done'), 'true', step);
  }
}
