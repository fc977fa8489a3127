// The admin's walkthrough written against the platform interface (tests/e2e/platform/*.mjs), so
// one definition runs in Chromium and in Firefox: the Linksmith panel in one tab (as the admin
// drives the side panel / sidebar), the Jira Align connector and Jira's application links in two
// more, clicks in the pages and on the panel's Fill buttons.
import assert from 'node:assert/strict';
import {
  routeFixtures, seedJira, seedAlign, ALIGN_CONNECTOR_URL, JIRA_LEGACY_URL, JIRA_NEW_UI_URL,
} from '../../fixtures/serve.mjs';

export const CONSUMER_KEY = 'JiraAlignAcme';
/** The checks that compare the two tabs after a full OAuth walkthrough. */
export const CROSS_TAB_CHECKS = ['consumer-key-match', 'public-key-match', 'application-url-match', 'jira-api-url-match', 'jira-link-match'];

/** The extension's background, as the panel page reaches it (runtime messaging works the same
 * in Chrome's service worker and Firefox's event page). */
export async function workerState(w) {
  const answer = await w.panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:getState' }));
  assert.equal(answer.ok, true, JSON.stringify(answer));
  return answer.data;
}

/** Fixture sites routed and seeded, the panel open in a tab. Once per browser: routes and seeds
 * stay for the whole launch (a seed cannot be taken back). */
export async function startWalkthrough(browser, { jiraScenario = 'empty', alignScenario = 'empty', onStep, renamed = false } = {}) {
  await routeFixtures(browser.fixtures, { renamed });
  await seedJira(browser.fixtures, jiraScenario);
  await seedAlign(browser.fixtures, alignScenario);
  const panel = await browser.openPanel();
  await panel.waitFor('#checks', { state: 'attached' });
  return { browser, panel, align: null, jira: null, onStep: onStep ?? (async () => {}) };
}

/** Clicks a panel Fill button and waits for its answer; returns the status text. */
export async function panelFill(w, side, { expect = 'done' } = {}) {
  const before = Number((await w.panel.attr('#fill-status', 'data-seq')) ?? 0);
  // The page being filled is the one in view (the panel sits beside it as a side panel or
  // sidebar); a background tab's timers are throttled, which would slow the fill's settling.
  await w[side]?.front();
  await w.panel.click(side === 'jira' ? '#fill-jira' : '#fill-align');
  try {
    await w.panel.waitForFunction((n) => Number(document.getElementById('fill-status').dataset.seq ?? 0) > n, before, { timeout: 20_000 });
  } catch {
    assert.fail(`the ${side} fill never answered; the status shows: ${await w.panel.text('#fill-status')}`);
  }
  const text = await w.panel.text('#fill-status');
  if (expect) assert.equal(await w.panel.attr('#fill-status', 'data-result'), expect, text);
  return text;
}

/** Waits until the panel shows check `id` in `state`. */
export async function waitForCheck(w, id, state, timeout = 15_000) {
  try {
    await w.panel.waitFor(`#checks [data-check="${id}"][data-state="${state}"]`, { state: 'attached', timeout });
  } catch {
    const shown = await w.panel.evaluate((i) => {
      const li = document.querySelector(`#checks [data-check="${i}"]`);
      return li ? `${li.dataset.state}: ${li.textContent}` : 'absent';
    }, id);
    assert.fail(`check ${id} never became ${state}; it shows ${shown}`);
  }
}

export async function checkStates(w) {
  return w.panel.evaluate(() => Object.fromEntries([...document.querySelectorAll('#checks li[data-check]')].map((li) => [li.dataset.check, li.dataset.state])));
}

/** Waits until the background has seen what `predicate(side)` asks for (reports are debounced). */
export async function panelSees(w, side, predicate, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = (await workerState(w)).sides[side];
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`the panel never saw ${what}; last ${side}: ${JSON.stringify({ surface: last?.surface, step: last?.step, signals: last?.signals })}`);
}

const waitForStep = (w, ...steps) => panelSees(w, 'jira', (s) => steps.includes(s?.step), `Jira step ${steps.join(' or ')}`);

/** Types into a page field the way a person does (clear, then key by key). */
export async function retype(page, sel, text) {
  await page.fill(sel, '');
  await page.type(sel, text);
}

// ---- Jira Align ---------------------------------------------------------------------------------

export async function openAlignConnector(w) {
  w.align = await w.browser.openPage(ALIGN_CONNECTOR_URL);
  await w.align.click('#btnJiraConnectors');
  await w.align.click('#btnAddConnector');
  await w.panel.waitFor('#tab-align[data-detected="true"]', { state: 'attached', timeout: 15_000 });
  await w.onStep('align-open', w.align);
}

export async function fillAlignFromPanel(w) {
  await w.panel.front();
  await w.panel.fill('#opt-consumer-key', CONSUMER_KEY);
  await w.panel.waitFor('#consumer-key-problems li', { state: 'detached' }).catch(() => {});
  assert.match(await panelFill(w, 'align'), /Filled: /);
  await w.onStep('align-filled', w.panel);
}

/** The public key Jira Align shows in its read-only box. */
export const alignPublicKey = (w) => w.align.value('#txtPublicKey');

export async function generateKeyAndSave(w) {
  await w.align.front();
  await w.align.click('#btnGenerateKey');
  await w.align.waitForFunction(() => document.querySelector('#txtPublicKey').value.includes('BEGIN PUBLIC KEY'));
  await w.align.click('#btnSave');
  await w.align.waitForText('#ja-flash-message', 'saved');
  await panelSees(w, 'align', (s) => s?.signals?.connectorSaved && /BEGIN PUBLIC KEY/.test(s.fields.publicKey?.value ?? ''), 'the saved connector with its key');
  await w.onStep('align-saved', w.align);
}

// ---- Jira ---------------------------------------------------------------------------------------

export async function openJira(w, url = JIRA_LEGACY_URL) {
  w.jira = await w.browser.openPage(url);
  await w.panel.waitFor('#tab-jira[data-detected="true"]', { state: 'attached', timeout: 15_000 });
  await w.onStep('jira-open', w.jira);
}

export async function createLegacyLinkFromPanel(w) {
  const j = w.jira;
  await waitForStep(w, 'list');
  await panelFill(w, 'jira'); // the URL box on the list page
  assert.equal(await j.value('#applinks-url-entered'), 'https://acme.jiraalign.com');
  await j.click('#applinks-create-button');
  await j.waitFor('#create-applink-dialog');
  await w.onStep('jira-no-response-warning', j);
  await j.click('#applinks-url-continue');
  await waitForStep(w, 'link-step-1');
  await panelFill(w, 'jira'); // name, type, create incoming link
  assert.equal(await j.checked('#createIncoming'), true);
  for (const id of ['#serviceProviderName', '#consumerKey', '#sharedSecret']) {
    assert.equal(await j.value(id), '', `${id} (outgoing) stays blank`);
  }
  await w.onStep('jira-link-step-1', j);
  await j.click('#applinks-link-continue');
  await waitForStep(w, 'link-step-2');
  await panelFill(w, 'jira'); // consumer key, consumer name, public key
  await w.onStep('jira-link-step-2', j);
  await j.click('#applinks-link-continue');
  await j.waitForText('#application-links-table tr', 'Jira Align');
  await w.onStep('jira-link-created', j);
}

/** The new (Atlaskit) UI, in Jira Cloud's order: the link is created first (Create link → Direct
 * application link + URL → Next → the no-response warning → Continue → Review link → Continue),
 * and its incoming side is set afterwards ("…" → Edit → Configure → Incoming Authentication). */
export async function createAtlaskitLinkFromPanel(w) {
  const j = w.jira;
  await j.clickRole('button', 'Create link');
  await j.waitForRole('dialog', 'Create an application link');
  await waitForStep(w, 'create-link-modal');
  await panelFill(w, 'jira'); // Direct application link + Application URL
  await w.onStep('react-create-link', j);
  // The form library takes the filled URL into its own state asynchronously: Next reads that state.
  await j.waitForFunction(() => Boolean(window.__fixtureState?.().forms?.create?.values?.url));
  await j.clickRole('button', 'Next', { within: 'Create an application link' });
  await j.waitForText('[role="dialog"]', 'No response was received');
  await j.clickRole('button', 'Continue', { within: 'Create an application link' });
  await j.waitForRole('dialog', 'Review link');
  await waitForStep(w, 'review-link');
  await panelFill(w, 'jira'); // name, type (Atlaskit Select), create incoming link
  assert.equal(await j.checked('input[name="createIncoming"]'), true, 'Create incoming link is ticked');
  await w.onStep('react-review-link', j);
  await j.clickRole('button', 'Continue', { within: 'Review link' });
  await j.waitForText('[data-testid="applinks-table"] tr', 'Jira Align');
  await w.onStep('react-link-created', j);
  await j.click('[data-testid="applinks-table"] button[aria-label^="More actions for Jira Align"]');
  await j.clickRole('menuitem', 'Edit');
  await j.clickRole('button', 'Configure');
  await j.click('[role="dialog"] [role="tab"]#auth-tab-incoming');
  await waitForStep(w, 'link-step-2', 'incoming-auth');
  await panelFill(w, 'jira'); // consumer key, consumer name, public key
  await w.onStep('react-incoming', j);
  await j.click('#auth-panel-incoming button[type="submit"]');
  await j.waitForText('[role="dialog"] [role="status"]', 'Incoming authentication saved');
}

/** The whole OAuth walkthrough on the legacy or the new (Atlaskit) Jira UI, ending with every
 * cross-tab check passing. */
export async function fullOAuthFlow(w, { ui = 'legacy' } = {}) {
  await openAlignConnector(w);
  await openJira(w, ui === 'atlaskit' ? JIRA_NEW_UI_URL : JIRA_LEGACY_URL);
  await fillAlignFromPanel(w);
  await generateKeyAndSave(w);
  if (ui === 'atlaskit') await createAtlaskitLinkFromPanel(w);
  else await createLegacyLinkFromPanel(w);
  await w.panel.front();
  for (const id of CROSS_TAB_CHECKS) await waitForCheck(w, id, 'pass');
  await w.onStep('panel-all-checks', w.panel);
}

/** Every storage area the extension has, as one string (what the privacy promises are about). */
export async function storageDump(w) {
  return w.panel.evaluate(async () => JSON.stringify({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
}
