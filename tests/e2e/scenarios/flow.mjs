// The whole OAuth walkthrough through the panel, on the legacy Jira UI and on the new (Atlaskit)
// one: every check ends `pass`, the badge says so, Jira stored exactly what Jira Align shows, and
// the copied report names the fingerprint and every check without any key material.
import assert from 'node:assert/strict';
import { startWalkthrough, fullOAuthFlow, checkStates, alignPublicKey, CONSUMER_KEY } from './steps.mjs';

const notPassing = (states) => Object.entries(states).filter(([, s]) => s !== 'pass');
const base64Of = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

async function flowOn(browser, ui) {
  const w = await startWalkthrough(browser);
  await fullOAuthFlow(w, { ui });
  const states = await checkStates(w);
  assert.deepEqual(notPassing(states), [], JSON.stringify(states));
  // The toolbar badge, over the icon.
  assert.equal(await w.panel.evaluate(() => chrome.action.getBadgeText({})), '✓');
  const stored = await w.jira.evaluate(() => window.__fixtureState());
  const link = stored.links.find((l) => /jiraalign/.test(l.url ?? l.applicationUrl ?? ''));
  assert.ok(link, JSON.stringify(stored.links));
  if (ui === 'atlaskit') assert.equal(link.type, 'generic', 'Application Type: Generic Application');
  assert.equal(link.incoming?.key, CONSUMER_KEY, JSON.stringify(link));
  assert.equal(link.incoming.consumerName, 'Jira Align');
  const pem = await alignPublicKey(w);
  assert.equal(link.incoming.publicKey, base64Of(pem));
  // Copy report: Markdown with the fingerprint and every check, and no key material.
  await w.panel.click('#tool-report > summary'); // the report is a collapsed tool
  await w.panel.click('#copy-report');
  const report = await w.panel.value('#report-output');
  assert.match(report, /^# Linksmith report/);
  assert.match(report, /Public key SHA-256: `[0-9a-f]{64}`/);
  assert.match(report, /\| consumer-key-match \| pass \|/);
  assert.ok(!report.includes(pem.split('\n')[1]), 'no line of the key itself');
  assert.doesNotMatch(report, /PRIVATE|BEGIN/);
  for (const step of ['open-align', 'fill-align', 'generate-key', 'save-align', 'open-jira', 'create-link', 'incoming-auth']) {
    assert.equal(await w.panel.attr(`#checklist [data-step="${step}"]`, 'data-done'), 'true', step);
  }
}

export const legacyFlow = (browser) => flowOn(browser, 'legacy');
export const atlaskitFlow = (browser) => flowOn(browser, 'atlaskit');
