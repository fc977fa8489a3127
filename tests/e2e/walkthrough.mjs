// The admin's walkthrough, driven as a person would: the Linksmith panel in one tab, the Jira
// Align connector and Jira's application links in two more, clicks in the pages and on the panel's
// Fill buttons. Shared by the end-to-end tests and `./build.sh demo`, which screenshots each step.
import assert from 'node:assert/strict';
import { launchWithExtension } from './harness.mjs';
import { routeFixtures, seedJira, seedAlign, ALIGN_CONNECTOR_URL, JIRA_LEGACY_URL, JIRA_NEW_UI_URL } from '../fixtures/serve.mjs';

export const CONSUMER_KEY = 'JiraAlignAcme';

/** Starts the browser with the extension, the fixture sites and the panel open in a tab. */
export async function startWalkthrough({ renamed = false, jiraScenario = 'empty', alignScenario = 'empty', onStep, headless = true } = {}) {
  const ext = await launchWithExtension({ headless });
  await routeFixtures(ext.context, { renamed });
  await seedJira(ext.context, jiraScenario);
  await seedAlign(ext.context, alignScenario);
  const panel = await ext.context.newPage();
  await panel.goto(ext.extensionUrl('panel/panel.html'));
  const w = { ext, panel, align: null, jira: null, onStep: onStep ?? (async () => {}) };
  return w;
}

/** Clicks a panel Fill button and waits for its answer; returns the status text. */
export async function panelFill(w, side) {
  const status = w.panel.locator('#fill-status');
  const before = Number((await status.getAttribute('data-seq')) ?? 0);
  await w.panel.click(side === 'jira' ? '#fill-jira' : '#fill-align');
  await w.panel.waitForFunction((n) => Number(document.getElementById('fill-status').dataset.seq ?? 0) > n, before);
  assert.equal(await status.getAttribute('data-result'), 'done', await status.textContent());
  return status.textContent();
}

/** Waits until the panel shows check `id` in `state`. */
export async function waitForCheck(w, id, state, timeout = 10_000) {
  try {
    // Attached, not visible: a finished step's checks sit in its collapsed line.
    await w.panel.locator(`#checks [data-check="${id}"][data-state="${state}"]`).waitFor({ state: 'attached', timeout });
  } catch {
    const shown = await w.panel.locator(`#checks [data-check="${id}"]`).evaluate((li) => `${li.dataset.state}: ${li.textContent}`).catch(() => 'absent');
    assert.fail(`check ${id} never became ${state}; it shows ${shown}`);
  }
}

export async function checkStates(w) {
  return w.panel.locator('#checks li[data-check]').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.check, li.dataset.state])));
}

/** The worker's state, as the panel reads it. */
export async function workerState(w) {
  const answer = await w.panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:getState' }));
  assert.equal(answer.ok, true);
  return answer.data;
}

/** Waits until the worker has seen what `predicate(side)` asks for (reports are debounced). */
async function panelSees(w, side, predicate, what, timeout = 10_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = (await workerState(w)).sides[side];
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`the panel never saw ${what}; last ${side}: ${JSON.stringify({ surface: last?.surface, step: last?.step, signals: last?.signals })}`);
}

// ---- Jira Align ---------------------------------------------------------------------------------

export async function openAlignConnector(w) {
  w.align = await w.ext.context.newPage();
  await w.align.goto(ALIGN_CONNECTOR_URL);
  await w.align.click('#btnJiraConnectors');
  await w.align.click('#btnAddConnector');
  await w.panel.locator('#tab-align[data-detected="true"]').waitFor();
  await w.onStep('align-open', w.align);
}

export async function fillAlignFromPanel(w) {
  await w.panel.bringToFront();
  await w.panel.fill('#opt-consumer-key', CONSUMER_KEY);
  await w.panel.locator('#consumer-key-problems li').waitFor({ state: 'detached' }).catch(() => {});
  const status = await panelFill(w, 'align');
  assert.match(status, /Filled: /);
  await w.onStep('align-filled', w.panel);
}

export async function generateKeyAndSave(w) {
  await w.align.bringToFront();
  await w.align.click('#btnGenerateKey');
  await w.align.waitForFunction(() => document.querySelector('#txtPublicKey').value.includes('BEGIN PUBLIC KEY'));
  await w.align.click('#btnSave');
  await w.align.locator('#ja-flash-message', { hasText: 'saved' }).waitFor();
  await panelSees(w, 'align', (s) => s?.signals?.connectorSaved && /BEGIN PUBLIC KEY/.test(s.fields.publicKey?.value ?? ''), 'the saved connector with its key');
  await w.onStep('align-saved', w.align);
}

export async function alignPublicKey(w) {
  return w.align.locator('#txtPublicKey').inputValue();
}

// ---- Jira, legacy UI ----------------------------------------------------------------------------

export async function openJira(w, url = JIRA_LEGACY_URL) {
  w.jira = await w.ext.context.newPage();
  await w.jira.goto(url);
  await w.panel.locator('#tab-jira[data-detected="true"]').waitFor();
  await w.onStep('jira-open', w.jira);
}

export async function createLegacyLinkFromPanel(w) {
  const j = w.jira;
  await waitForStep(w, 'list');
  await panelFill(w, 'jira'); // the URL box on the list page
  assert.equal(await j.locator('#applinks-url-entered').inputValue(), 'https://acme.jiraalign.com');
  await j.click('#applinks-create-button');
  await j.locator('#create-applink-dialog').waitFor();
  await w.onStep('jira-no-response-warning', j);
  await j.click('#applinks-url-continue');
  await waitForStep(w, 'link-step-1');
  await panelFill(w, 'jira'); // name, type, create incoming link
  assert.equal(await j.locator('#createIncoming').isChecked(), true);
  for (const id of ['#serviceProviderName', '#consumerKey', '#sharedSecret']) {
    assert.equal(await j.locator(id).inputValue(), '', `${id} (outgoing) stays blank`);
  }
  await w.onStep('jira-link-step-1', j);
  await j.click('#applinks-link-continue');
  await waitForStep(w, 'link-step-2');
  await panelFill(w, 'jira'); // consumer key, consumer name, public key
  await w.onStep('jira-link-step-2', j);
  await j.click('#applinks-link-continue');
  await j.locator('#application-links-table tr', { hasText: 'Jira Align' }).waitFor();
  await w.onStep('jira-link-created', j);
}

/** Opens the link's Incoming Authentication form (legacy: pencil → tab → framed form). */
export async function openLegacyIncomingAuth(w) {
  const j = w.jira;
  await j.locator('#application-links-table tr', { hasText: 'Jira Align' }).getByTitle('Edit').click();
  await j.getByRole('tab', { name: 'Incoming Authentication' }).click();
  await j.frameLocator('#incoming-auth-frame').locator('form#add-consumer-manually').waitFor();
  await waitForStep(w, 'incoming-auth');
}

// ---- Jira, new (React) UI -----------------------------------------------------------------------

export async function createReactLinkFromPanel(w) {
  const j = w.jira;
  await j.getByRole('button', { name: 'Create link' }).click();
  const modal = j.getByRole('dialog', { name: 'Create an application link' });
  await modal.waitFor();
  await waitForStep(w, 'create-link-modal');
  await panelFill(w, 'jira'); // Direct application link + Application URL
  await w.onStep('react-create-link', j);
  // The form library takes the filled URL into its own state asynchronously: Next reads that state.
  await j.waitForFunction(() => Boolean(window.__fixtureState?.().forms?.create?.values?.url));
  await modal.getByRole('button', { name: 'Next' }).click();
  await modal.getByText('No response was received', { exact: false }).waitFor();
  await modal.getByRole('button', { name: 'Continue' }).click();
  const review = j.getByRole('dialog', { name: 'Review link' });
  await review.waitFor();
  await waitForStep(w, 'review-link');
  await panelFill(w, 'jira'); // name, type (combobox), create incoming link
  await w.onStep('react-review-link', j);
  await review.getByRole('button', { name: 'Continue' }).click();
  // Jira Cloud: the incoming side is set afterwards, "…" → Edit → Configure → Incoming Authentication.
  const row = j.getByRole('row', { name: /Jira Align/ });
  await row.waitFor();
  await w.onStep('react-link-created', j);
  await row.getByRole('button', { name: /^More actions for/ }).click();
  await j.getByRole('menuitem', { name: 'Edit' }).click();
  await j.getByRole('button', { name: 'Configure' }).click();
  const configure = j.getByRole('dialog', { name: /^Configure/ });
  await configure.getByRole('tab', { name: 'Incoming Authentication' }).click();
  await waitForStep(w, 'link-step-2', 'incoming-auth');
  await panelFill(w, 'jira'); // consumer key, name, public key
  await w.onStep('react-incoming', j);
  await configure.getByRole('button', { name: 'Save' }).click();
  await configure.getByRole('status').filter({ hasText: 'Incoming authentication saved' }).waitFor();
}

async function waitForStep(w, ...steps) {
  await panelSees(w, 'jira', (s) => steps.includes(s?.step), `Jira step ${steps.join(' or ')}`);
}

/** The whole OAuth walkthrough on the legacy or the new Jira UI, ending with the checks. */
export async function fullOAuthFlow(w, { ui = 'legacy' } = {}) {
  await openAlignConnector(w);
  await openJira(w, ui === 'react' ? JIRA_NEW_UI_URL : JIRA_LEGACY_URL);
  await fillAlignFromPanel(w);
  await generateKeyAndSave(w);
  if (ui === 'react') await createReactLinkFromPanel(w);
  else await createLegacyLinkFromPanel(w);
  await w.panel.bringToFront();
  for (const id of ['consumer-key-match', 'public-key-match', 'application-url-match', 'jira-api-url-match', 'jira-link-match']) {
    await waitForCheck(w, id, 'pass');
  }
  await w.onStep('panel-all-checks', w.panel);
}
