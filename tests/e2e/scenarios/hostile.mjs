// Hostile pages against the real extension: invisible decoy fields are never filled, a lookalike
// host is never read or filled, and the page itself has no way to message the extension.
import assert from 'node:assert/strict';
import { HOSTILE_HONEYPOT_URL, LOOKALIKE_INCOMING_AUTH_URL } from '../../fixtures/serve.mjs';
import { startWalkthrough, panelFill, panelSees, workerState, CONSUMER_KEY } from './steps.mjs';

export async function hostileRefused(browser) {
  const w = await startWalkthrough(browser, { jiraScenario: 'link' });
  await w.panel.evaluate((key) => chrome.runtime.sendMessage({ type: 'panel:setOptions', options: { consumerKey: key } }), CONSUMER_KEY);

  // Honeypot: decoy "Consumer Key" inputs (display:none, hidden, off-screen, zero-size,
  // transparent, type=hidden) before the real form.
  const honeypot = await browser.openPage(HOSTILE_HONEYPOT_URL);
  await panelSees(w, 'jira', (s) => s?.step === 'incoming-auth', 'the honeypot page as incoming-auth');
  const probe = await honeypot.evaluate(() => ({ runtime: typeof globalThis.chrome?.runtime, browser: typeof globalThis.browser }));
  assert.deepEqual(probe, { runtime: 'undefined', browser: 'undefined' }, 'the page sees no extension API');
  await panelFill(w, 'jira');
  const state = await honeypot.evaluate(() => window.__fixtureState());
  assert.equal(state.decoysTouched, false, 'no decoy was touched');
  assert.equal(await honeypot.value('#key'), CONSUMER_KEY, 'the visible field was filled');
  await honeypot.close();

  // Lookalike: acme.atlassian.net.evil.test is not Jira; it is never read and never filled.
  const lookalike = await browser.openPage(LOOKALIKE_INCOMING_AUTH_URL);
  await lookalike.waitFor('input[name=key]', { state: 'attached' });
  await lookalike.wait(1500);
  assert.ok(!JSON.stringify((await workerState(w)).sides).includes('evil.test'), 'the lookalike page never reported');
  await w.panel.front();
  const status = await panelFill(w, 'jira', { expect: null });
  assert.doesNotMatch(status, /Filled/, status);
  const values = await lookalike.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value));
  assert.ok(!values.includes(CONSUMER_KEY), `the lookalike page got a value: ${JSON.stringify(values)}`);
}
