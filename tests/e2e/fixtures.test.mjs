// Self-test of the admin-UI fixtures (no extension involved): proves that each fixture behaves as
// docs/field-facts.md describes. What the admin UIs' DOM and wording are, these tests assert only
// where field-facts.md states it; the fixtures' own messages serve as waits, never as facts.
//
// Run: node tests/fixtures/build.mjs && node --test tests/e2e/fixtures.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chromium } from 'playwright-core';
import {
  routeFixtures, seedJira, seedAlign, ALIGN_CONNECTOR_URL, JIRA_LEGACY_URL, JIRA_NEW_UI_URL,
  jiraIncomingAuthUrl, SEEDED_ALIGN_LINK_ID, FIXTURE_PUBLIC_KEY_BASE64, HOSTILE_HONEYPOT_URL,
  HOSTILE_FOREIGN_FRAMES_URL, LOOKALIKE_INCOMING_AUTH_URL,
  WIDGET_ORIGIN, JIRA_ORIGIN, JIRA_RENAMED_ORIGIN, ALIGN_VARIANTS, alignVariantUrl,
} from '../fixtures/serve.mjs';
import { renderedLabels } from '../fixtures/align/variants.js';
import {
  inWalkthrough, openAlignConnector, openJira, fillAlignFromPanel, generateKeyAndSave, alignPublicKey,
  panelFill, CONSUMER_KEY,
} from './walkthrough.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

/** A new browser context with the fixtures routed, closed when the test ends; page errors fail the
 * test at the end. A context shares no storage, cookie, cache or route with another, so one launch
 * serves the file and any one test still runs alone. */
async function open(t, { jira, align, routeOptions, allowErrors } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await routeFixtures(context, { blockUnknownHosts: true, ...routeOptions });
  if (jira) await seedJira(context, jira);
  if (align) await seedAlign(context, align);
  const errors = [];
  const keep = (text) => { if (!allowErrors || !allowErrors.test(text)) errors.push(text); };
  context.on('weberror', (e) => keep(e.error().message));
  context.on('console', (m) => { if (m.type() === 'error') keep(m.text()); });
  const page = await context.newPage();
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors, [], 'no page errors');
  });
  return { context, page };
}

// Test keys made in Node (never real credentials).
const nodeKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NODE_PEM = nodeKey.publicKey.export({ type: 'spki', format: 'pem' });
const NODE_DER_B64 = nodeKey.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const PKCS1_PEM = nodeKey.publicKey.export({ type: 'pkcs1', format: 'pem' });
const SSH_RSA = `ssh-rsa ${Buffer.from('not really an ssh key blob').toString('base64')} user@host`;

/** Fill like a user-side filler: native value setter + bubbling input/change events. */
async function nativeFill(locator, value) {
  await locator.evaluate((el, v) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Same-origin fetch from inside the page (goes through context.route, unlike page.request). */
const fetchIn = (page, path) => page.evaluate(async (p) => {
  const r = await fetch(p);
  return { status: r.status, type: r.headers.get('content-type') };
}, path);

const state = (pageOrFrame) => pageOrFrame.evaluate(() => window.__fixtureState());

/** Clicks the <label> of an AUI checkbox (AUI draws its box over the input, so the label gets the click). */
const tick = (scope, text) => scope.locator('label', { hasText: text }).click();

// ------------------------------------------------------------------------------------------
describe('serve.mjs', () => {
  test('serves documents with an Atlassian-like CSP and correct content types', async (t) => {
    const { page } = await open(t, { jira: 'empty', allowErrors: /404 \(Not Found\)|Content Security Policy/ });
    const res = await page.goto(JIRA_LEGACY_URL);
    assert.equal(res.status(), 200);
    const h = res.headers();
    assert.match(h['content-type'], /^text\/html/);
    assert.match(h['content-security-policy'], /script-src 'self'(;|$)/);
    const js = await fetchIn(page, '/s/linksmith-fixture/jira/legacy.js');
    assert.match(js.type, /^text\/javascript/);
    assert.equal((await fetchIn(page, '/s/linksmith-fixture/jira/%2e%2e/%2e%2e/serve.mjs')).status, 404);
    assert.equal((await fetchIn(page, '/rest/applinks/1.0/listApplicationlinks')).status, 404);
    // The CSP really applies: an injected inline script does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      return window.__inline === 1;
    });
    assert.equal(ran, false);
    const align = await page.goto(ALIGN_CONNECTOR_URL);
    assert.match(align.headers()['content-security-policy'], /script-src 'self'/);
  });

  test('renamed site: old host redirects documents and answers REST with 401', async (t) => {
    const { page } = await open(t, { jira: 'empty', routeOptions: { renamed: true } });
    await page.goto(JIRA_LEGACY_URL);
    await page.waitForURL(`${JIRA_RENAMED_ORIGIN}/**`);
    await page.getByRole('heading', { name: 'Application links' }).waitFor();
    const { page: old } = await open(t, { jira: 'empty', routeOptions: { renamed: true }, allowErrors: /401/ });
    await old.goto(`${JIRA_ORIGIN}/rest/api/3/myself`);
    assert.match(await old.textContent('body'), /must be authenticated/);
  });
});

// ------------------------------------------------------------------------------------------
describe('Jira Align connector fixture', () => {
  async function newConnector(page) {
    await page.goto(ALIGN_CONNECTOR_URL);
    await page.getByRole('button', { name: 'Jira Connectors' }).click();
    await page.getByRole('button', { name: 'Add Connector' }).click();
    await page.getByRole('heading', { name: 'New Jira Connector' }).waitFor();
  }
  const publicKeyBox = (page) => page.getByLabel('Public Key');
  async function generate(page, previous = '') {
    await page.getByRole('button', { name: 'Generate New Key' }).click();
    await page.waitForFunction((prev) => {
      const v = document.querySelector('#txtPublicKey').value;
      return v.includes('BEGIN PUBLIC KEY') && v !== prev;
    }, previous);
    return publicKeyBox(page).inputValue();
  }
  async function fillOAuth(page, consumerKey = 'JiraAlignAcme') {
    await page.getByLabel('Jira Link').fill('https://acme.atlassian.net/browse/');
    await page.getByLabel('Connector Name').fill('Acme Jira Cloud');
    await page.getByLabel('Connector Admins').selectOption(['u3']);
    await page.getByLabel('Jira API URL').fill('https://acme.atlassian.net');
    await page.getByLabel('OAuth Consumer Key').fill(consumerKey);
  }

  /** A Basic Auth connector for `username`, with a fake token, saved. */
  async function saveBasic(page, username) {
    await page.getByLabel('Authentication Type').selectOption({ label: 'Basic Auth' });
    await page.getByLabel('Jira Link').fill('https://acme.atlassian.net/browse/');
    await page.getByLabel('Connector Name').fill('Basic');
    await page.getByLabel('Jira API URL').fill('https://acme.atlassian.net');
    await page.locator('#txtJiraUsername').fill(username);
    await page.getByLabel('API Token/Jira Password').fill('FAKE-TOKEN-FOR-TESTS');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Connector saved successfully.').waitFor();
  }

  test('Generate New Key makes a real RSA-2048 SPKI PEM, different on each click', async (t) => {
    const { page } = await open(t, { align: 'empty' });
    await newConnector(page);
    const first = await generate(page);
    const lines = first.split('\n');
    assert.equal(lines[0], '-----BEGIN PUBLIC KEY-----');
    assert.equal(lines.at(-1), '-----END PUBLIC KEY-----');
    const key = createPublicKey(first);
    assert.equal(key.asymmetricKeyType, 'rsa');
    assert.equal(key.asymmetricKeyDetails.modulusLength, 2048);
    const second = await generate(page, first);
    assert.notEqual(second, first);
    assert.equal(createPublicKey(second).asymmetricKeyDetails.modulusLength, 2048);
    const s = await state(page);
    assert.equal(s.inMemoryPublicKey, second);
    assert.equal(s.hasPrivateKey, true);
  });

  test('Save validates, persists to localStorage, shows a message and re-renders from storage', async (t) => {
    const { page } = await open(t, { align: 'empty' });
    await newConnector(page);
    await page.getByRole('button', { name: 'Save' }).click();
    assert.notEqual(await page.locator('#err-ConnectorName').textContent(), '', 'a connector needs its name');
    assert.notEqual(await page.locator('#err-PublicKey').textContent(), '', 'an OAuth connector needs its key');
    assert.equal((await state(page)).connectors.length, 0);

    await fillOAuth(page, 'Jira Align!');
    const pem = await generate(page);
    await page.getByRole('button', { name: 'Save' }).click();
    assert.match(await page.locator('#err-OAuthConsumerKey').textContent(), /only letters and numbers/);

    await page.getByLabel('OAuth Consumer Key').fill('JiraAlignAcme');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Connector saved successfully.').waitFor();
    const [saved] = (await state(page)).connectors;
    assert.equal(saved.consumerKey, 'JiraAlignAcme');
    assert.equal(saved.publicKey, pem);
    assert.deepEqual(saved.admins, ['u3']);

    await page.reload();
    await page.getByRole('button', { name: 'Jira Connectors' }).click();
    await page.getByRole('cell', { name: 'Acme Jira Cloud' }).click();
    assert.equal(await page.getByLabel('Jira API URL').inputValue(), 'https://acme.atlassian.net');
    assert.equal(await publicKeyBox(page).inputValue(), pem);
    assert.equal((await state(page)).hasPrivateKey, false, 'private key lived in page memory only');
  });

  test('Authentication Type switches between OAuth, Basic Auth and PAT fields', async (t) => {
    const { page } = await open(t, { align: 'empty' });
    await newConnector(page);
    const type = page.getByLabel('Authentication Type');
    const texts = await type.locator('option').allTextContents();
    assert.ok(texts.includes('Basic Auth'));
    assert.equal(texts.length, 3);
    assert.ok(await page.getByLabel('OAuth Consumer Key').isVisible());
    assert.ok(await page.getByRole('button', { name: 'Generate New Key' }).isVisible());
    assert.ok(!(await page.getByLabel('API Token/Jira Password').isVisible()));

    await type.selectOption({ label: 'Basic Auth' });
    assert.ok(await page.getByLabel('API Token/Jira Password').isVisible());
    assert.equal(await page.getByLabel('API Token/Jira Password').getAttribute('type'), 'password');
    assert.ok(await page.locator('#txtJiraUsername').isVisible());
    assert.ok(!(await page.getByLabel('OAuth Consumer Key').isVisible()));
    assert.ok(!(await page.getByRole('button', { name: 'Generate New Key' }).isVisible()));

    await type.selectOption('pat');
    assert.ok(await page.getByLabel('Personal Access Token').isVisible());
    assert.ok(!(await page.getByLabel('API Token/Jira Password').isVisible()));
    assert.ok(await page.locator('#txtPatUsername').isVisible());

    // Basic Auth connector saves without a key; Test Now wants an email address on Cloud.
    await saveBasic(page, 'svc-jira-align');
    await page.getByRole('button', { name: 'Test Now' }).click();
    await page.getByText(/Test failed: 401/).waitFor();
  });

  test('Authorize / Request Jira for access round trip with the Jira fixture, then Activate', async (t) => {
    const { context, page } = await open(t, { align: 'empty', jira: 'link' });
    await newConnector(page);
    await fillOAuth(page);
    const pem = await generate(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Connector saved successfully.').waitFor();

    // Before Jira knows the consumer: consumer_key_unknown.
    await page.getByRole('button', { name: 'Authorize Jira OAuth Access' }).click();
    await page.getByText(/Request token obtained/).waitFor();
    let popupPromise = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Request Jira for access' }).click();
    let popup = await popupPromise;
    await popup.getByText('oauth_problem=consumer_key_unknown').waitFor();
    await page.getByText('Jira rejected the request: oauth_problem=consumer_key_unknown').waitFor();
    await popup.close();

    // Configure the incoming consumer in Jira (a second tab, so the private key stays in memory).
    const jira = await context.newPage();
    await jira.goto(jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID));
    await jira.getByLabel('Consumer Key').fill('JiraAlignAcme');
    await jira.getByLabel('Consumer Name').fill('Jira Align');
    await jira.getByLabel('Public Key').fill(pem);
    await jira.getByRole('button', { name: 'Save' }).click();
    await jira.getByText('The consumer was saved.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Authorize Jira OAuth Access' }).click();
    await page.getByText(/Request token obtained/).waitFor();
    popupPromise = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Request Jira for access' }).click();
    popup = await popupPromise;
    assert.match(popup.url(), /^https:\/\/acme\.atlassian\.net\/plugins\/servlet\/oauth\/authorize\?oauth_token=/);
    await popup.getByText('Morgan Lee (morgan.lee@acme.example)').waitFor();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('button', { name: 'Reauthorize Jira OAuth access' }).waitFor();
    assert.equal(await page.locator('#oauthStatus').textContent(), 'Authorized as morgan.lee@acme.example');

    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('button', { name: 'Deactivate' }).waitFor();
    assert.ok(await page.getByLabel('Jira API URL').isDisabled(), 'an active connector is locked');
    await page.getByRole('button', { name: 'Test Now' }).click();
    await page.getByText('Test succeeded', { exact: false }).waitFor();
  });

  test('grey Service Light blocks activation', async (t) => {
    const { page } = await open(t, { align: 'service-off' });
    await newConnector(page);
    assert.equal(await page.locator('#serviceLight').getAttribute('class'), 'service-light off');
    await saveBasic(page, 'svc-jira-align@acme.example');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByText(/until Jira Align Support enables it/).waitFor();
    assert.equal((await state(page)).connectors[0].active, false);
  });
});

// ------------------------------------------------------------------------------------------
describe('Jira legacy applinks fixture', () => {
  test('wizard: URL → no-response warning → Link applications steps 1 and 2 → link with incoming auth', async (t) => {
    const { page } = await open(t, { jira: 'empty' });
    await page.goto(JIRA_LEGACY_URL);
    await page.getByText('No application links have been configured.').waitFor();
    await page.getByLabel('Enter the URL of the application you want to link').fill('https://acme.jiraalign.com');
    await page.locator('#createApplicationLink .aui-button', { hasText: 'Create new link' }).click();

    const urlDialog = page.getByRole('dialog', { name: 'Configure Application URL' });
    await urlDialog.waitFor();
    assert.equal(await urlDialog.getAttribute('id'), 'create-applink-dialog');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).overflow), 'hidden', 'AUI locks the page scroll');
    assert.equal(await page.locator('.aui-blanket').count(), 1);
    await urlDialog.getByText('No response was received from the URL you entered').waitFor();
    assert.equal(await urlDialog.getByLabel('Entered URL').inputValue(), 'https://acme.jiraalign.com');
    assert.equal(await urlDialog.getByLabel('New URL').inputValue(), 'https://acme.jiraalign.com');
    await urlDialog.getByRole('button', { name: 'Continue' }).click();

    const link = page.getByRole('dialog', { name: 'Link applications' });
    await link.waitFor();
    await link.getByLabel('Application Name').fill('Jira Align');
    assert.equal(await link.getByLabel('Application Type').inputValue(), 'generic');
    assert.equal(await link.getByLabel('Application Type').locator('option:checked').textContent(), 'Generic Application');
    for (const label of ['Service Provider Name', 'Consumer key', 'Shared secret', 'Request Token URL', 'Access token URL', 'Authorize URL']) {
      assert.equal(await link.getByLabel(label, { exact: true }).inputValue(), '', label);
    }
    // AUI draws its own box over the native checkbox: its label takes the click, as for a person.
    await tick(link, 'Create incoming link');
    assert.equal(await link.getByLabel('Create incoming link').isChecked(), true);
    await link.getByRole('button', { name: 'Continue' }).click();

    // AUI puts a "required" icon with hidden text inside the label: "Consumer Key required".
    await link.getByLabel(/^Consumer Key/).fill('JiraAlignAcme');
    await link.getByLabel('Consumer Name').fill('Jira Align');
    await link.getByLabel('Public Key').fill(PKCS1_PEM);
    await link.getByLabel('Consumer Callback URL').fill('https://acme.jiraalign.com/oauth');
    assert.equal(await link.getByLabel('Allow 2-legged OAuth').isChecked(), false);
    await link.getByRole('button', { name: 'Continue' }).click();
    await link.getByText('not a valid RSA public key', { exact: false }).waitFor();
    await link.getByLabel('Public Key').fill(NODE_PEM);
    await link.getByRole('button', { name: 'Continue' }).click();

    const row = page.locator('#application-links-table tr', { hasText: 'Jira Align' });
    await row.waitFor();
    const [created] = (await state(page)).links;
    assert.equal(created.url, 'https://acme.jiraalign.com');
    assert.equal(created.type, 'generic');
    assert.equal(created.outgoing, null);
    assert.equal(created.incoming.publicKey, NODE_DER_B64);
    assert.equal(created.incoming.callback, 'https://acme.jiraalign.com/oauth/');

    // Edit (pencil) → Incoming Authentication tab → the framed form shows the stored key.
    await row.getByTitle('Edit').click();
    const edit = page.getByRole('dialog', { name: 'Configure Jira Align' });
    await edit.getByRole('tab', { name: 'Incoming Authentication' }).click();
    const frame = page.frameLocator('#incoming-auth-frame');
    const form = frame.locator('form#add-consumer-manually');
    await form.waitFor();
    assert.equal(await form.locator('[name=key]').inputValue(), 'JiraAlignAcme');
    assert.equal(await form.locator('textarea[name=publicKey]').inputValue(), NODE_DER_B64);
  });

  test('incoming form: names, Jira-style key parsing, callback rule, 2LO impersonation refused', async (t) => {
    const { page } = await open(t, { jira: 'link' });
    await page.goto(jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID));
    const form = page.locator('form#add-consumer-manually');
    for (const name of ['key', 'consumerName', 'description', 'callback', 'two-lo-enabled', 'two-lo-execute-as', 'two-lo-impersonation-enabled']) {
      assert.equal(await form.locator(`[name="${name}"]`).count(), 1, name);
    }
    assert.equal(await form.locator('textarea[name=publicKey]').count(), 1);
    assert.equal(await form.locator('input[type=hidden][name=oauth-incoming-enabled]').count(), 1);
    assert.match(await form.getAttribute('action'), /\/plugins\/servlet\/applinks\/auth\/conf\/oauth\/add-consumer-manually\/3f0c2a9e/);

    const save = () => form.getByRole('button', { name: 'Save' }).click();
    const err = (n) => form.locator(`.error[data-for="${n}"]`);
    await save();
    // Key, name and public key are required (field-facts: the form's fields).
    await page.waitForFunction(() => document.querySelector('.error[data-for="publicKey"]').textContent !== '');
    assert.notEqual(await err('key').textContent(), '');
    assert.notEqual(await err('consumerName').textContent(), '');

    await form.locator('[name=key]').fill('JiraAlignAcme');
    await form.locator('[name=consumerName]').fill('Jira Align');
    const rejected = [PKCS1_PEM, SSH_RSA, NODE_DER_B64 + NODE_DER_B64, NODE_DER_B64.slice(0, 200),
      nodeKey.privateKey.export({ type: 'pkcs8', format: 'pem' })];
    for (const bad of rejected) {
      await form.locator('[name=publicKey]').fill(bad);
      await save();
      await page.waitForFunction(() => document.querySelector('.error[data-for="publicKey"]').textContent !== '');
      assert.notEqual(await err('publicKey').textContent(), '', `rejected: ${bad.slice(0, 30)}`);
      assert.equal((await state(page)).link.incoming, null);
    }
    await form.locator('[name=publicKey]').fill(NODE_PEM.replace(/\n/g, '\r\n'));
    await form.locator('[name=callback]').fill('/relative');
    await save();
    await err('callback').getByText('absolute URL', { exact: false }).waitFor();
    await form.locator('[name=callback]').fill('https://acme.jiraalign.com');
    await tick(form, 'Allow user impersonation through 2-Legged OAuth');
    await save();
    await err('two-lo-impersonation-enabled').getByText('not supported on Jira Cloud', { exact: false }).waitFor();
    await tick(form, 'Allow user impersonation through 2-Legged OAuth');
    assert.equal(await form.locator('[name=two-lo-impersonation-enabled]').isChecked(), false);
    await save();
    await page.getByText('The consumer was saved.', { exact: false }).waitFor();
    const { link } = await state(page);
    assert.equal(link.incoming.publicKey, NODE_DER_B64);
    assert.equal(link.incoming.callback, 'https://acme.jiraalign.com/');
    // Headerless one-line Base64 is accepted too (Jira strips armour only if present).
    await form.locator('[name=publicKey]').fill(NODE_DER_B64);
    await save();
    await page.getByText('The consumer was saved.', { exact: false }).waitFor();
  });

  test('configured link shows its stored key as one line of Base64, no BEGIN/END', async (t) => {
    const { page } = await open(t, { jira: 'configured' });
    await page.goto(JIRA_LEGACY_URL);
    await page.locator('#application-links-table tr', { hasText: 'Jira Align' }).getByTitle('Edit').click();
    await page.getByRole('tab', { name: 'Incoming Authentication' }).click();
    const textarea = page.frameLocator('#incoming-auth-frame').locator('textarea[name=publicKey]');
    await textarea.waitFor();
    const shown = await textarea.inputValue();
    assert.equal(shown, FIXTURE_PUBLIC_KEY_BASE64);
    assert.doesNotMatch(shown, /\n|-----/);
    // The ?fixture= query hook seeds the same way.
    await page.goto(`${jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID)}?fixture=link`);
    assert.equal((await state(page)).link.incoming, null);
  });
});

// ------------------------------------------------------------------------------------------
describe('Jira new (Atlaskit) applinks fixture', () => {
  async function toReview(page) {
    await page.goto(JIRA_NEW_UI_URL);
    await page.getByRole('button', { name: 'Create link' }).click();
    const modal = page.getByRole('dialog', { name: 'Create an application link' });
    await modal.getByRole('radio', { name: 'Direct application link' }).check();
    await modal.getByLabel('Application URL').fill('https://acme.jiraalign.com');
    await modal.getByRole('button', { name: 'Next' }).click();
    await modal.getByText('No response was received from the URL you entered').waitFor();
    await modal.getByRole('button', { name: 'Continue' }).click();
    const review = page.getByRole('dialog', { name: 'Review link' });
    await review.waitFor();
    return review;
  }
  const forms = async (page) => (await state(page)).forms;

  test('made of the real Atlaskit components: portal at the end of body, fixed, body scroll-locked, their CSS served', async (t) => {
    const { page } = await open(t, { jira: 'empty' });
    await page.goto(JIRA_NEW_UI_URL);
    assert.equal((await fetchIn(page, '/s/linksmith-fixture/build/new-ui.css')).type, 'text/css; charset=utf-8');
    await page.getByRole('button', { name: 'Create link' }).click();
    const modal = page.getByRole('dialog', { name: 'Create an application link' });
    await modal.waitFor();
    const layout = await modal.evaluate((dialog) => {
      const portal = dialog.closest('.atlaskit-portal');
      const fixed = [];
      for (let n = dialog; n; n = n.parentElement) if (getComputedStyle(n).position === 'fixed') fixed.push(n.localName);
      return {
        inPortal: !!portal, portalLast: document.body.lastElementChild.contains(dialog),
        fixed: fixed.length > 0, bodyOverflow: getComputedStyle(document.body).overflow,
      };
    });
    assert.deepEqual(layout, { inPortal: true, portalLast: true, fixed: true, bodyOverflow: 'hidden' });
    // Textfield's documented attribute; the checkbox and radio are real inputs.
    assert.equal(await modal.locator('input[data-ds--text-field--input]').count(), 1);
    assert.equal(await modal.locator('input[type=radio]').count(), 2);
  });

  test('controlled inputs: .value alone never reaches the form state, the components\' own events do', async (t) => {
    const { page } = await open(t, { jira: 'empty' });
    await page.goto(JIRA_NEW_UI_URL);
    await page.getByRole('button', { name: 'Create link' }).click();
    const url = page.getByRole('dialog', { name: 'Create an application link' }).getByLabel('Application URL');
    await url.evaluate((el) => { el.value = 'https://assigned.example'; });
    const renders = (await state(page)).renders;
    await page.waitForFunction((r) => window.__fixtureState().renders > r + 1, renders);
    assert.equal((await forms(page)).create.values.url, '', 'a bare .value is not in the form state');
    await nativeFill(url, 'https://acme.jiraalign.com');
    await page.waitForFunction(() => window.__fixtureState().forms.create?.values.url === 'https://acme.jiraalign.com');
    const direct = page.getByRole('radio', { name: 'Direct application link' });
    await direct.evaluate((el) => { el.checked = true; });
    await page.waitForFunction((r) => window.__fixtureState().renders > r + 1, (await state(page)).renders);
    assert.equal((await forms(page)).create.values.kind, 'atlassian', 'a bare .checked is not in the form state');
    // (React's value tracker now believes Direct is checked, so a later click on it fires no
    // onChange either: a bare write is worse than none.)
  });

  test('placing the cursor in an unused outgoing field blocks Continue', async (t) => {
    const { page } = await open(t, { jira: 'empty' });
    const review = await toReview(page);
    await review.getByLabel('Application Name').fill('Jira Align');
    await review.getByRole('combobox', { name: 'Application Type' }).click();
    await page.getByRole('option', { name: 'Generic Application' }).click();
    await review.getByLabel('Consumer key', { exact: true }).focus();
    await review.getByRole('button', { name: 'Continue' }).click();
    await page.waitForTimeout(300);
    assert.equal(await review.isVisible(), true, 'Review link stays open');
    assert.equal((await state(page)).links.length, 0);
  });

  test('create → review → row → … → Edit → Configure → Incoming Authentication → Save', async (t) => {
    const { page } = await open(t, { jira: 'empty' });
    const review = await toReview(page);
    await review.getByLabel('Application Name').fill('Jira Align');
    // Application Type is Atlaskit Select (react-select): a combobox, no native <select>.
    assert.equal(await review.locator('select').count(), 0);
    await review.getByRole('combobox', { name: 'Application Type' }).click();
    await page.getByRole('option', { name: 'Generic Application' }).click();
    for (const label of ['Service Provider Name', 'Consumer key', 'Shared secret', 'Request Token URL', 'Access token URL', 'Authorize URL']) {
      assert.equal(await review.getByLabel(label, { exact: true }).inputValue(), '', label);
    }
    // Atlaskit Checkbox: a real input labelled through aria-labelledby by the label wrapping it.
    const incomingBox = review.getByRole('checkbox', { name: 'Create incoming link' });
    const labelledBy = await incomingBox.getAttribute('aria-labelledby');
    assert.ok(labelledBy && await review.locator(`label[id="${labelledBy}"] input[type=checkbox]`).count() === 1);
    await incomingBox.check();
    let f = (await forms(page)).review.values;
    assert.equal(f.applicationName, 'Jira Align');
    assert.deepEqual(f.applicationType, { value: 'generic', label: 'Generic Application' });
    assert.equal(f.createIncoming, true);
    await review.getByRole('button', { name: 'Continue' }).click();

    const row = page.getByRole('row', { name: /Jira Align/ });
    await row.waitFor();
    assert.equal(await row.getByText('NON-ATLASSIAN').count(), 1);
    assert.deepEqual(await page.getByRole('columnheader').allTextContents(), ['Application', 'Direction', 'Status', 'Actions']);
    let s = await state(page);
    assert.deepEqual([s.links[0].type, s.links[0].outgoing, s.links[0].incoming, s.links[0].createIncoming], ['generic', null, null, true]);

    await row.getByRole('button', { name: 'More actions for Jira Align' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Configure' }).click();
    const configure = page.getByRole('dialog', { name: 'Configure Jira Align' });
    await configure.getByRole('tab', { name: 'Incoming Authentication' }).click();
    const panel = configure.getByRole('tabpanel', { name: 'Incoming Authentication' });
    await panel.getByLabel('Consumer Key').fill('JiraAlignAcme');
    await panel.getByLabel('Consumer Name').fill('Jira Align');
    await panel.getByLabel('Public Key').fill('not a key');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('not valid Base64', { exact: false }).waitFor();
    await panel.getByLabel('Public Key').fill(NODE_PEM);
    f = (await forms(page)).incoming.values;
    assert.deepEqual([f.key, f.consumerName, f.publicKey], ['JiraAlignAcme', 'Jira Align', NODE_PEM]);
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').filter({ hasText: 'Incoming authentication saved' }).waitFor();
    s = await state(page);
    assert.equal(s.links[0].incoming.key, 'JiraAlignAcme');
    assert.equal(s.links[0].incoming.publicKey, NODE_DER_B64);
  });

  test('a configured link shows its stored key as one line of Base64 in the Incoming Authentication tab', async (t) => {
    const { page } = await open(t, { jira: 'configured' });
    await page.goto(JIRA_NEW_UI_URL);
    await page.getByRole('button', { name: 'More actions for Jira Align' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Configure' }).click();
    await page.getByRole('tab', { name: 'Incoming Authentication' }).click();
    const shown = await page.getByRole('tabpanel', { name: 'Incoming Authentication' }).getByLabel('Public Key').inputValue();
    assert.equal(shown, FIXTURE_PUBLIC_KEY_BASE64);
  });
});

// ------------------------------------------------------------------------------------------
describe('Jira Align connector variants', () => {
  test('every label wording rule of the detector is used by at least one variant', async () => {
    // The detector's one table and its text normalisation (ES modules of the content script).
    const { TABLE } = await import('../../extension/content/table.js');
    const { norm } = await import('../../extension/content/text.js');
    const wordings = {};
    for (const v of ALIGN_VARIANTS) {
      for (const [key, texts] of Object.entries(renderedLabels(v))) (wordings[key] ??= []).push(...texts.map(norm));
    }
    const unused = [];
    for (const def of TABLE.filter((d) => d.surface === 'align-connector')) {
      def.labels.forEach((re, i) => {
        // A rule is exercised when it is the first of its entry's rules to match a wording.
        const hit = (wordings[def.key] ?? []).some((w) => !def.not?.some((n) => n.test(w)) && def.labels.findIndex((r) => r.test(w)) === i);
        if (!hit) unused.push(`${def.key} ${re}`);
      });
    }
    assert.deepEqual(unused, []);
  });

  test('the variants cover every axis value and every documented option text', () => {
    const seen = (axis) => new Set(ALIGN_VARIANTS.map((v) => v[axis]));
    assert.deepEqual([...seen('layout')].sort(), ['div', 'slideout', 'table']);
    assert.deepEqual([...seen('linkage')].sort(), ['aria-label', 'aria-labelledby', 'cells', 'for', 'sibling', 'wrap']);
    assert.deepEqual([...seen('ids')].sort(), ['generated', 'mvc', 'none', 'webforms']);
    assert.deepEqual([...seen('dropdown')].sort(), ['kendo', 'kendo-modern', 'native', 'select2']);
    const texts = new Set(ALIGN_VARIANTS.flatMap((v) => v.auth.options.map(([, text]) => text)));
    for (const t of ['OAuth', 'OAuth 1.0', 'OAuth 1.0a', 'OAuth 1.0 Authentication', 'Basic Auth', 'API Token', 'Personal Access Token']) {
      assert.ok(texts.has(t), t);
    }
    assert.equal(new Set(ALIGN_VARIANTS.map((v) => v.id)).size, ALIGN_VARIANTS.length, 'ids are unique');
  });

  for (const v of ALIGN_VARIANTS) {
    test(`${v.id}: served at its own URL; OAuth reveals key fields, Basic Auth the username and token`, async (t) => {
      const { page } = await open(t);
      const res = await page.goto(alignVariantUrl(v.id));
      assert.equal(res.status(), 200);
      if (v.layout === 'slideout') {
        await page.getByRole('button', { name: 'Add Connector' }).click();
        // The slide-out animates in: it is read and filled once it has opened.
        await page.waitForFunction(() => document.querySelector('.ja-slideout')?.classList.contains('open') && getComputedStyle(document.querySelector('.ja-slideout')).transform === 'matrix(1, 0, 0, 1, 0, 0)');
      }
      const s0 = await state(page);
      assert.equal(s0.authType, v.auth.initial);
      const oauthText = v.auth.options.find(([k]) => k === 'oauth')[1];
      await chooseAuth(page, v, oauthText);
      assert.equal((await state(page)).authType, 'oauth');
      await page.getByRole('button', { name: 'Generate New Key' }).waitFor();
      const consumer = page.getByRole('textbox', { name: v.labels.consumerKey, exact: true });
      if (v.linkage === 'sibling' || v.linkage === 'cells') {
        // No accessible name at all: only the text beside it says what it is.
        assert.equal(await page.getByRole('textbox', { name: v.labels.consumerKey, exact: true }).count(), 0);
      } else {
        await consumer.fill('JiraAlignAcme');
        assert.equal((await state(page)).form.consumerKey, 'JiraAlignAcme');
      }
      const other = v.auth.options.find(([k]) => k === 'basic' || k === 'pat');
      await chooseAuth(page, v, other[1]);
      assert.equal((await state(page)).authType, other[0]);
      assert.equal(await page.getByRole('button', { name: 'Generate New Key' }).count(), 0);
      assert.ok(await page.locator('input[type=password]:visible').count() === 1, 'the token box is shown');
    });
  }

  test('Kendo-style DropDownList: ArrowDown on the closed widget changes the value; the hidden select only follows', async (t) => {
    const { page } = await open(t);
    await page.goto(alignVariantUrl('kendo-dropdown'));
    const widget = page.locator('.k-dropdown');
    assert.equal(await page.locator('select').evaluate((el) => getComputedStyle(el).display), 'none');
    assert.equal((await state(page)).authType, 'basic');
    await widget.focus();
    await page.keyboard.press('ArrowDown');
    let s = await state(page);
    assert.deepEqual([s.authType, s.widgetOpen, s.widgetText, s.nativeSelectValue], ['oauth', false, 'OAuth', 'oauth']);
    // Setting the hidden select (even with a change event) does not move the widget or the page.
    await page.locator('select').evaluate((el) => { el.value = 'pat'; el.dispatchEvent(new Event('change', { bubbles: true })); });
    s = await state(page);
    assert.deepEqual([s.authType, s.widgetText], ['oauth', 'OAuth']);
    // Alt+ArrowDown opens it; the options are in a popup at the end of body.
    await page.keyboard.press('Alt+ArrowDown');
    assert.equal((await state(page)).widgetOpen, true);
    await page.locator('body > .k-animation-container').getByRole('option', { name: 'Personal Access Token' }).click();
    s = await state(page);
    assert.deepEqual([s.authType, s.widgetOpen], ['pat', false]);
  });

  test('select2-style box: ArrowDown does nothing while closed; the hidden select drives it', async (t) => {
    const { page } = await open(t);
    await page.goto(alignVariantUrl('select2-dropdown'));
    const box = page.getByRole('combobox');
    await box.focus();
    await page.keyboard.press('ArrowDown');
    assert.deepEqual([(await state(page)).authType, (await state(page)).widgetOpen], ['', false]);
    await page.keyboard.press('Enter');
    assert.equal((await state(page)).widgetOpen, true);
    await page.keyboard.press('Escape');
    await page.locator('select').evaluate((el) => { el.value = 'oauth'; el.dispatchEvent(new Event('change', { bubbles: true })); });
    const s = await state(page);
    assert.deepEqual([s.authType, s.widgetText], ['oauth', 'OAuth 1.0']);
  });

  test('slide-out: fixed and clipped, the OAuth fields are below its fold and reached by scrolling inside it', async (t) => {
    const { page } = await open(t);
    await page.goto(alignVariantUrl('slideout-native'));
    await page.getByRole('button', { name: 'Add Connector' }).click();
    await page.getByLabel('Authentication Type').selectOption('oauth');
    const key = page.getByLabel('Consumer Key');
    const geometry = () => key.evaluate((el) => {
      const panel = el.closest('.ja-slideout');
      const body = el.closest('.ja-slideout-body');
      return {
        fixed: getComputedStyle(panel).position, clip: getComputedStyle(panel).overflow, scrolls: getComputedStyle(body).overflowY,
        below: el.getBoundingClientRect().top > body.getBoundingClientRect().bottom,
      };
    });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.ja-slideout')).transform === 'matrix(1, 0, 0, 1, 0, 0)');
    assert.deepEqual(await geometry(), { fixed: 'fixed', clip: 'hidden', scrolls: 'auto', below: true });
    await key.scrollIntoViewIfNeeded();
    assert.equal((await geometry()).below, false);
    await key.fill('JiraAlignAcme');
    assert.equal((await state(page)).form.consumerKey, 'JiraAlignAcme');
  });
});

/** Chooses an Authentication Type option the way a person does with each kind of dropdown. */
async function chooseAuth(page, v, text) {
  if (v.dropdown === 'native') {
    const select = page.locator('select');
    await select.selectOption({ label: text });
    return;
  }
  if (v.dropdown === 'select2') {
    await page.locator('.select2-selection').click();
    await page.locator('body > .select2-container--open').getByRole('option', { name: text, exact: true }).click();
    return;
  }
  await page.locator('.k-dropdown, .k-dropdownlist').click();
  await page.locator('body > .k-animation-container').getByRole('option', { name: text, exact: true }).click();
}

// ------------------------------------------------------------------------------------------
describe('hostile fixture pages', () => {
  test('honeypot, cross-origin frame, sandboxed frames and lookalike host are served', async (t) => {
    const { page } = await open(t, { jira: 'configured' });
    await page.goto(HOSTILE_HONEYPOT_URL);
    const decoys = page.locator('[data-decoy]');
    assert.ok((await decoys.count()) >= 6);
    // Hidden from a person, each in its own way, though Playwright counts several as "visible".
    for (const d of await decoys.all()) {
      await d.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const seen = await d.evaluate((el) => {
        if (el.type === 'hidden') return false;
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return false;
        for (let n = el; n; n = n.parentElement) {
          const st = getComputedStyle(n);
          if (st.clipPath !== 'none' || st.clip !== 'auto') return false;
        }
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
      });
      assert.equal(seen, false, await d.getAttribute('data-decoy'));
    }
    const kinds = await decoys.evaluateAll((els) => els.map((el) => el.dataset.decoy));
    for (const k of ['clip-path', 'clip', 'overlay-covered', 'transform-scale-0', 'content-visibility-hidden']) assert.ok(kinds.includes(k), k);
    assert.ok(await page.locator('form#add-consumer-manually [name=key]').isVisible());

    await page.goto(HOSTILE_FOREIGN_FRAMES_URL);
    const widget = page.frames().find((f) => f.url().startsWith(WIDGET_ORIGIN)) || await page.waitForEvent('frameattached');
    await page.frameLocator('#widget-frame').getByLabel('Public Key').waitFor();
    assert.equal((await state(page.frames().find((f) => f.url().startsWith(WIDGET_ORIGIN)) || widget)).origin, WIDGET_ORIGIN);

    await page.frameLocator('#sandboxed-no-scripts').getByLabel('Public Key').waitFor();
    assert.equal(await page.locator('#sandboxed-scripts').getAttribute('sandbox'), 'allow-forms allow-scripts');

    await page.goto(LOOKALIKE_INCOMING_AUTH_URL);
    assert.equal(new URL(page.url()).hostname, 'acme.atlassian.net.evil.test');
    assert.equal(await page.locator('form#add-consumer-manually textarea[name=publicKey]').inputValue(), FIXTURE_PUBLIC_KEY_BASE64);
  });
});

// ------------------------------------------------------------------------------------------
// Through the real extension (dist/chrome): every screen of the Atlaskit and AUI fixtures is
// filled from the panel, and each value is read back from the page's own state (final-form's
// values for Atlaskit), not the DOM. Each test starts its own browser, so any one runs alone. The
// Jira Align variants are filled in both browsers by tests/e2e/browsers.test.mjs.
describe('filled through the extension', () => {
  const ALIGN_SITE = 'https://acme.jiraalign.com';

  /** The Align side filled and saved on the default connector, so Jira's values are known. */
  async function alignReady(w) {
    await openAlignConnector(w);
    await openJira(w, JIRA_NEW_UI_URL);
    await fillAlignFromPanel(w);
    await generateKeyAndSave(w);
    return alignPublicKey(w);
  }

  /**
   * Per-screen checks: a wrong value is recorded with the panel's status line, then the screen is
   * finished by hand so the next one is still reached; the test fails at the end if any was wrong.
   */
  function screens() {
    const problems = [];
    return {
      problems,
      async check(screen, status, actual, expected, fixByHand) {
        try {
          assert.deepEqual(actual, expected);
        } catch {
          problems.push(`${screen}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)} (panel: ${status})`);
          if (fixByHand) await fixByHand();
        }
      },
    };
  }

  test('Atlaskit: Create an application link, warning, Review link, Configure → Incoming Authentication', async () => {
    await inWalkthrough(async (w) => {
      const pem = await alignReady(w);
      const j = w.jira;
      const forms = async () => (await state(j)).forms;
      const run = screens();
      await j.bringToFront();
      await j.getByRole('button', { name: 'Create link' }).click();
      const modal = j.getByRole('dialog', { name: 'Create an application link' });
      await modal.waitFor();
      let status = await panelFill(w, 'jira');
      await run.check('create link', status, (await forms()).create.values, { kind: 'direct', url: ALIGN_SITE }, async () => {
        await modal.getByRole('radio', { name: 'Direct application link' }).check();
        await modal.getByLabel('Application URL').fill(ALIGN_SITE);
      });
      await modal.getByRole('button', { name: 'Next' }).click();
      await modal.getByText('No response was received', { exact: false }).waitFor();
      await modal.getByRole('button', { name: 'Continue' }).click();
      const review = j.getByRole('dialog', { name: 'Review link' });
      await review.waitFor();
      status = await panelFill(w, 'jira');
      const r = (await forms()).review;
      const outgoing = ['serviceProviderName', 'consumerKey', 'sharedSecret', 'requestTokenUrl', 'accessTokenUrl', 'authorizeUrl'];
      await run.check('review link', status, {
        name: /^Jira Align\b/.test(r.values.applicationName), type: r.values.applicationType, incoming: r.values.createIncoming,
        outgoing: outgoing.filter((n) => r.values[n] !== '' || r.touched[n]),
      }, { name: true, type: { value: 'generic', label: 'Generic Application' }, incoming: true, outgoing: [] }, async () => {
        await review.getByLabel('Application Name').fill('Jira Align');
        await review.getByRole('combobox', { name: 'Application Type' }).click();
        await j.getByRole('option', { name: 'Generic Application' }).click();
        await review.getByRole('checkbox', { name: 'Create incoming link' }).check();
      });
      await review.getByRole('button', { name: 'Continue' }).click();
      const row = j.getByRole('row', { name: /Jira Align/ });
      await row.waitFor();
      await row.getByRole('button', { name: /^More actions for Jira Align/ }).click();
      await j.getByRole('menuitem', { name: 'Edit' }).click();
      await j.getByRole('button', { name: 'Configure' }).click();
      const configure = j.getByRole('dialog', { name: /^Configure Jira Align/ });
      await configure.getByRole('tab', { name: 'Incoming Authentication' }).click();
      await configure.getByLabel('Consumer Key').waitFor();
      status = await panelFill(w, 'jira');
      const inc = (await forms()).incoming.values;
      await run.check('incoming authentication', status,
        { key: inc.key, name: inc.consumerName, key64: inc.publicKey.replace(/-----[^-]+-----|\s+/g, '') },
        { key: CONSUMER_KEY, name: 'Jira Align', key64: pem.replace(/-----[^-]+-----|\s+/g, '') });
      await configure.getByRole('button', { name: 'Save' }).click();
      await configure.getByRole('status').filter({ hasText: 'Incoming authentication saved' }).waitFor({ timeout: 5000 }).catch(() => {});
      const link = (await state(j)).links.find((l) => l.url === ALIGN_SITE);
      await run.check('saved consumer', status, link?.incoming?.key ?? null, CONSUMER_KEY);
      assert.deepEqual(run.problems, []);
    });
  });

  test('AUI: list, Configure Application URL, Link applications (both steps), Incoming Authentication', async () => {
    await inWalkthrough(async (w) => {
      await openAlignConnector(w);
      await openJira(w, JIRA_LEGACY_URL);
      await fillAlignFromPanel(w);
      await generateKeyAndSave(w);
      const der = (await alignPublicKey(w)).replace(/-----[^-]+-----|\s+/g, '');
      const j = w.jira;
      const run = screens();
      const value = (sel) => j.locator(sel).inputValue();
      await j.bringToFront();
      let status = await panelFill(w, 'jira');
      await run.check('list', status, await value('#applinks-url-entered'), ALIGN_SITE, () => j.fill('#applinks-url-entered', ALIGN_SITE));
      await j.locator('#createApplicationLink .aui-button').click();
      const dialog = j.locator('#create-applink-dialog');
      await dialog.waitFor();
      await dialog.locator('button.aui-button-primary').click();
      await j.getByRole('dialog', { name: 'Link applications' }).waitFor();
      status = await panelFill(w, 'jira');
      const outgoing = ['serviceProviderName', 'consumerKey', 'sharedSecret', 'requestTokenUrl', 'accessTokenUrl', 'authorizeUrl'];
      const blank = [];
      for (const id of outgoing) if (await value(`#${id}`) !== '') blank.push(id);
      await run.check('link applications', status, {
        name: /^Jira Align\b/.test(await value('#applicationName')),
        type: await j.locator('#applicationType option:checked').textContent(),
        incoming: await j.locator('#createIncoming').isChecked(), outgoing: blank,
      }, { name: true, type: 'Generic Application', incoming: true, outgoing: [] }, async () => {
        await j.fill('#applicationName', 'Jira Align');
        if (!await j.locator('#createIncoming').isChecked()) await j.click('label[for=createIncoming]');
      });
      await j.click('#applinks-link-continue');
      await j.locator('#incoming-consumerKey').waitFor();
      status = await panelFill(w, 'jira');
      await run.check('incoming link', status,
        { key: await value('#incoming-consumerKey'), name: await value('#incoming-consumerName'), key64: (await value('#incoming-publicKey')).replace(/-----[^-]+-----|\s+/g, '') },
        { key: CONSUMER_KEY, name: 'Jira Align', key64: der }, async () => {
          await j.fill('#incoming-consumerKey', CONSUMER_KEY);
          await j.fill('#incoming-consumerName', 'Jira Align');
          await j.fill('#incoming-publicKey', der);
        });
      await j.click('#applinks-link-continue');
      await j.locator('#application-links-table tr', { hasText: 'Jira Align' }).waitFor();
      await run.check('created link', status, (await state(j)).links.find((l) => l.url === ALIGN_SITE)?.incoming?.publicKey ?? null, der);

      // The Incoming Authentication form of the existing consumer: cleared, then filled again.
      await j.locator('#application-links-table tr', { hasText: 'Jira Align' }).getByTitle('Edit').click();
      await j.getByRole('tab', { name: 'Incoming Authentication' }).click();
      const form = j.frameLocator('#incoming-auth-frame').locator('form#add-consumer-manually');
      await form.waitFor();
      assert.equal(await form.locator('textarea[name=publicKey]').inputValue(), der, 'stored key shown as one line of Base64');
      await form.locator('[name=key]').fill('');
      await form.locator('[name=consumerName]').fill('');
      status = await panelFill(w, 'jira');
      await run.check('incoming authentication', status, {
        key: await form.locator('[name=key]').inputValue(), name: await form.locator('[name=consumerName]').inputValue(),
        callback: await form.locator('[name=callback]').inputValue(), impersonation: await form.locator('[name=two-lo-impersonation-enabled]').isChecked(),
      }, { key: CONSUMER_KEY, name: 'Jira Align', callback: '', impersonation: false });
      assert.deepEqual(run.problems, []);
    });
  });
});
