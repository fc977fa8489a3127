// The Jira Align connector as a variant table (tests/fixtures/align/variants.js): every variant is
// filled from the panel and read back from the page's own state (the auth type as the page's logic
// holds it, not the widget's text), OAuth first and then Basic Auth where the variant has it.
import assert from 'node:assert/strict';
import { JIRA_LEGACY_URL, JIRA_ORIGIN, alignVariantUrl } from '../../fixtures/serve.mjs';
import { startWalkthrough, openJira, panelFill, CONSUMER_KEY } from './steps.mjs';

const USERNAME = 'svc-align@acme.com';

/** The slide-out has finished opening (its transition ends with an identity transform). */
const slideoutOpen = () => document.querySelector('.ja-slideout')?.classList.contains('open')
  && getComputedStyle(document.querySelector('.ja-slideout')).transform === 'matrix(1, 0, 0, 1, 0, 0)';

/** Every field's value, and whether the page hides it (the other auth types' groups). */
const fields = (page) => page.evaluate(() => [...document.querySelectorAll('input, textarea')]
  .map((e, i) => ({ i, value: e.value, hidden: Boolean(e.closest('[hidden]')) || e.type === 'hidden' })));

/** Clicks the panel's Fill for Jira Align; a field still hidden after it kept its value. */
async function fillAlign(w) {
  const before = await fields(w.align);
  const status = await panelFill(w, 'align');
  assert.match(status, /Filled: /);
  const changed = (await fields(w.align)).filter((f) => f.hidden && f.value !== before[f.i]?.value);
  assert.deepEqual(changed, [], `a hidden field was filled; ${status}`);
  return status;
}

export async function alignVariantFilled(browser, variant) {
  const w = await startWalkthrough(browser);
  await openJira(w, JIRA_LEGACY_URL);
  w.align = await browser.openPage(alignVariantUrl(variant.id));
  if (variant.layout === 'slideout') {
    await w.align.clickRole('button', 'Add Connector');
    await w.align.waitForFunction(slideoutOpen);
  }
  await w.panel.waitFor('#tab-align[data-detected="true"]', { state: 'attached', timeout: 15_000 });
  await w.panel.front();
  await w.panel.fill('#opt-consumer-key', CONSUMER_KEY);
  let status = await fillAlign(w);
  let s = await w.align.evaluate(() => window.__fixtureState());
  assert.equal(s.authType, 'oauth', `Authentication Type as the page holds it (widget shows ${s.widgetText}); ${status}`);
  assert.equal(s.widgetOpen, false, 'the dropdown was closed again');
  assert.equal(s.form.jiraLink, `${JIRA_ORIGIN}/browse/`, status);
  assert.equal(s.form.jiraApiUrl, JIRA_ORIGIN, status);
  assert.equal(s.form.consumerKey, CONSUMER_KEY, status);
  assert.equal(s.form.publicKey, '', 'the read-only key box is Jira Align\'s to fill');
  if (!variant.auth.options.some(([kind]) => kind === 'basic')) return;
  await w.panel.front();
  await w.panel.select('#opt-auth-type', 'basic');
  await w.panel.fill('#opt-username', USERNAME);
  status = await fillAlign(w);
  s = await w.align.evaluate(() => window.__fixtureState());
  assert.equal(s.authType, 'basic', status);
  assert.equal(s.form.username, USERNAME, status);
  assert.equal(s.form.tokenPresent, false, 'the token is the person\'s to type');
}
