// The panel as a guide, at a real side panel's size: five states of the walkthrough (nothing seen
// yet, half-way, a mismatch, at Authorize, all done), each reached in a browser of its own and screenshotted at 360 px in the light and the dark theme
// into out/panel/, each checked for horizontal overflow from 320 to 480 px, for the current step's
// action in the first 360×640 screen, and with axe-core in both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import {
  inWalkthrough, openAlignConnector, openJira, fillAlignFromPanel, generateKeyAndSave,
  createLegacyLinkFromPanel, waitForCheck, CONSUMER_KEY,
} from './walkthrough.mjs';

const OUT = path.join(ROOT, 'out/panel');
const WIDTHS = [320, 360, 400, 480];
const axeSource = readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

// Each state is reached by a walkthrough of its own, so any one test runs alone.
const STEPS = {
  'half-way': async (w) => {
    await openAlignConnector(w);
    await openJira(w);
    await fillAlignFromPanel(w);
    await generateKeyAndSave(w);
  },
  'link created': async (w) => {
    await STEPS['half-way'](w);
    await createLegacyLinkFromPanel(w);
    await w.panel.bringToFront();
    await waitForCheck(w, 'consumer-key-match', 'pass');
  },
};

/** Runs `body` on a walkthrough brought to `state` in a browser of its own, the panel at 360 px. */
async function at(state, body) {
  await mkdir(OUT, { recursive: true });
  await inWalkthrough(async (w) => {
    await w.panel.setViewportSize({ width: 360, height: 640 });
    await w.panel.locator('body[data-ready="true"]').waitFor();
    await STEPS[state]?.(w);
    await body(w, w.panel.locator('#checklist [data-current-step]'));
  });
}

/** Authorize and Request Jira for access in the Jira Align tab, allowing it in Jira's popup. */
async function authorizeInAlign({ align, ext }) {
  await align.bringToFront();
  await align.getByRole('button', { name: 'Authorize Jira OAuth Access' }).click();
  await align.getByText(/Request token obtained/).waitFor();
  const popupPromise = ext.context.waitForEvent('page');
  await align.getByRole('button', { name: 'Request Jira for access' }).click();
  const popup = await popupPromise;
  await popup.getByRole('button', { name: 'Allow' }).click();
  await align.getByRole('button', { name: 'Reauthorize Jira OAuth access' }).waitFor();
}

/** Screenshots and layout rules for one state, in both themes. */
async function inspectState(w, name) {
  const { panel } = w;
  const current = panel.locator('#checklist [data-current-step]');
  for (const colorScheme of ['light', 'dark']) {
    await panel.emulateMedia({ colorScheme });
    for (const width of WIDTHS) {
      await panel.setViewportSize({ width, height: 640 });
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${name}, ${colorScheme}, ${width} px: ${overflow} px of horizontal scrolling`);
    }
    await panel.setViewportSize({ width: 360, height: 640 });
    await panel.evaluate(() => window.scrollTo(0, 0));
    // The current step's action (or, when all is done, its heading) in the first screen.
    const primary = current.locator('button.primary');
    const target = (await primary.count()) ? primary.first() : current.locator('h2');
    const box = await target.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 640, `${name}, ${colorScheme}: the current step's action is at ${JSON.stringify(box)}, outside the first 360×640 screen`);
    await panel.screenshot(path.join(OUT, `${name}-${colorScheme}.png`));
    await panel.screenshot(path.join(OUT, `${name}-${colorScheme}-full.png`), { fullPage: true });
    await panel.evaluate(await axeSource);
    const results = await panel.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${name}, ${colorScheme}`);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
}

test('nothing seen yet: the first screen says what to open, and nothing heavy has started', () => at('nothing seen', async (w, current) => {
  assert.equal(await current.getAttribute('data-step'), 'open-align');
  assert.equal(await w.panel.locator('#step-action').textContent(), 'Enter your Jira Align site');
  assert.match(await w.panel.locator('#step-action-note').textContent(), /Neither tab is open yet/);
  assert.equal(await w.panel.locator('#tab-align').textContent(), 'not seen yet');
  // Secondary tools are collapsed; the key generator's workers start only when it is opened.
  for (const id of ['tool-report', 'explain', 'hosts', 'keygen']) {
    assert.equal(await w.panel.locator(`#${id}`).evaluate((d) => d.open), false, `${id} is collapsed`);
  }
  assert.equal(w.panel.workers().length, 0, 'no worker at panel open');
  await inspectState(w, '1-nothing-seen');
  // The action takes the admin to the site field.
  await w.panel.click('#step-action');
  assert.equal(await w.panel.evaluate(() => document.activeElement?.id), 'opt-align-site');
}));

test('half-way: the current step shows only its own checks, finished steps are one ✓ line each', () => at('half-way', async (w, current) => {
  await w.panel.bringToFront();
  await current.and(w.panel.locator('[data-step="create-link"]')).waitFor();
  assert.equal(await w.panel.locator('#step-action').textContent(), 'Fill this Jira screen');
  const own = await current.locator('[data-check]').evaluateAll((lis) => lis.map((li) => li.dataset.check));
  assert.deepEqual(own.sort(), ['application-name-format', 'application-url-format', 'application-url-match']);
  for (const step of ['open-align', 'fill-align', 'generate-key', 'save-align', 'open-jira']) {
    const li = w.panel.locator(`#checklist [data-step="${step}"]`);
    assert.equal(await li.getAttribute('data-done'), 'true', step);
    assert.equal(await li.locator('details').evaluate((d) => d.open), false, `${step} is collapsed`);
    assert.equal(await li.locator('summary .step-mark').textContent(), '✓');
  }
  // Reopenable: a click on the line shows that step's checks.
  const fillAlign = w.panel.locator('#checklist [data-step="fill-align"]');
  await fillAlign.locator('summary').click();
  await fillAlign.locator('[data-check="jira-api-url-format"]').waitFor();
  await fillAlign.locator('summary').click();
  assert.match(await w.panel.locator('#overall').textContent(), /^\d+ of \d+ verified/);
  await inspectState(w, '2-half-way');
}));

test('a mismatch is drawn: a Cyrillic letter in a consumer key is highlighted and named', () => at('link created', async (w, current) => {
  const lookalike = CONSUMER_KEY.replace('a', '\u0430'); // Cyrillic а for the first Latin a
  const field = w.align.locator('#txtConsumerKey');
  await field.fill('');
  await field.pressSequentially(lookalike);
  await waitForCheck(w, 'consumer-key-match', 'fail');
  const check = w.panel.locator('#checks [data-check="consumer-key-match"]');
  // The check fails as soon as typing starts; the picture settles once the whole key is read.
  await w.panel.waitForFunction(() => document.querySelectorAll('#checks [data-check="consumer-key-match"] figure.diff mark').length === 2, null, { timeout: 10_000 });
  assert.match(await check.locator('figcaption').textContent(), /Character 4: Jira Align has Cyrillic letter “а” \(U\+0430\), Jira has “a” \(U\+0061\)/);
  assert.equal(await current.getAttribute('data-step'), 'incoming-auth', 'the step whose check fails is the current one');
  assert.match(await w.panel.locator('#overall').textContent(), /1 problem|\d problems/);
  await inspectState(w, '3-mismatch');
  await field.fill('');
  await field.pressSequentially(CONSUMER_KEY);
  await waitForCheck(w, 'consumer-key-match', 'pass');
}));

test("at Authorize: Verify with Jira is the step's primary action, with its checks under the step", () => at('link created', async (w, current) => {
  await w.panel.bringToFront();
  await current.and(w.panel.locator('[data-step="authorize"]')).waitFor({ timeout: 10_000 });
  const run = current.getByRole('button', { name: 'Verify with Jira', exact: true });
  assert.equal(await run.getAttribute('id'), 'verify-run');
  assert.match(await run.getAttribute('class'), /\bprimary\b/);
  assert.equal(await current.locator('#verify-checks').count(), 1, 'the checks Jira answers go under the step');
  assert.equal(await w.panel.locator('#verify').isHidden(), true, 'no second, empty Verify card');
  assert.equal(await w.panel.getByRole('button', { name: 'Verify with Jira', exact: true }).count(), 1);
  await inspectState(w, '3b-authorize');
}));

test('the Verify block keeps the focus on its action when it moves into the Authorize step and back to its card', () => at('link created', async (w, current) => {
  const { align } = w;
  // A mismatch keeps Authorize from being the current step: Verify waits in its card.
  const field = align.locator('#txtConsumerKey');
  await field.fill('');
  await field.pressSequentially(CONSUMER_KEY.replace('a', '\u0430'));
  await waitForCheck(w, 'consumer-key-match', 'fail');
  await w.panel.bringToFront();
  await w.panel.click('#verify > summary');
  await w.panel.focus('#verify-run');
  await field.fill('');
  await field.pressSequentially(CONSUMER_KEY);
  await waitForCheck(w, 'consumer-key-match', 'pass');
  await current.and(w.panel.locator('[data-step="authorize"]')).waitFor({ timeout: 10_000 });
  assert.equal(await current.locator('#verify-run').count(), 1, 'the block moved into the step');
  assert.equal(await w.panel.evaluate(() => document.activeElement?.id), 'verify-run', 'focus moved with the Verify block');
  // Authorized: the step is done, the block goes back to its card with the focus.
  await authorizeInAlign(w);
  await current.and(w.panel.locator('[data-step="activate"]')).waitFor({ timeout: 10_000 });
  assert.equal(await w.panel.locator('#verify').isVisible(), true, 'the card is back');
  assert.equal(await w.panel.locator('#verify').evaluate((d) => d.open), true, 'opened, so its action can hold the focus');
  assert.equal(await w.panel.evaluate(() => document.activeElement?.id), 'verify-run', 'focus stays on Verify');
}));

test('all done: authorized and active, every step one ✓ line', () => at('link created', async (w, current) => {
  const { align } = w;
  await authorizeInAlign(w);
  await align.getByRole('button', { name: 'Activate' }).click();
  await align.getByRole('button', { name: 'Deactivate' }).waitFor();
  await w.panel.bringToFront();
  await current.and(w.panel.locator('[data-step="all-done"]')).waitFor({ timeout: 10_000 });
  assert.equal(await w.panel.locator('#checklist [data-done="false"]').count(), 0);
  await inspectState(w, '4-all-done');
}));
