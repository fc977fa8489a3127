// The content scripts in the real extension (dist/chrome), driven the way the service worker
// drives them (chrome.tabs.sendMessage from inside the worker), against the fixture copies of
// both admin UIs and the hostile pages. Reports are observed by a recorder added to the worker.
// Each test has a browser of its own (browserPerTest), so any one runs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithFixtures, browserPerTest } from './harness.mjs';
import { ERROR } from '../../extension/shared/vocabulary.js';
import { bundleContent } from '../../tools/bundle-content.mjs';
import {
  ALIGN_CONNECTOR_URL, JIRA_LEGACY_URL, JIRA_NEW_UI_URL,
  jiraIncomingAuthUrl, SEEDED_ALIGN_LINK_ID, HOSTILE_HONEYPOT_URL, HOSTILE_FOREIGN_FRAMES_URL,
  LOOKALIKE_INCOMING_AUTH_URL, FIXTURE_PUBLIC_KEY_BASE64, ALIGN_VARIANTS, alignVariantUrl,
  ALIGN_ORIGIN, WIDGET_FRAME_URL,
} from '../fixtures/serve.mjs';

const INCOMING_URL = jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID);
const TOKEN = 'ATATT3xFfGF0-fixture-not-a-real-token-0000';
const browser = browserPerTest(() => launchWithFixtures({ jira: 'link' }), (ext) => ext.worker.evaluate(() => {
  globalThis.__reports = [];
  chrome.runtime.onMessage.addListener((m) => {
    if (m?.type === 'content:report') globalThis.__reports.push(m);
  });
}));

// ---- helpers --------------------------------------------------------------------------------
/** The tab of a page; without host permission (lookalike host) the URL is hidden, so take the newest tab. */
async function tabIdFor(page) {
  return browser().worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? Math.max(...tabs.map((t) => t.id));
  }, page.url());
}

/** chrome.tabs.sendMessage from the worker; resolves to the answer or {sendError}. */
async function send(page, message) {
  const tabId = await tabIdFor(page);
  return browser().worker.evaluate(async ([id, m]) => {
    try {
      return await chrome.tabs.sendMessage(id, m, { frameId: 0 });
    } catch (e) {
      return { sendError: String(e.message) };
    }
  }, [tabId, message]);
}

/** Describe until the content script answers for the expected surface/step. */
async function describe(page, surface, step) {
  let last;
  for (let i = 0; i < 40; i += 1) {
    last = await send(page, { type: 'sw:describe' });
    if (last?.ok && last.data.surface === surface && (step === undefined || last.data.step === step)) return last.data;
    await page.waitForTimeout(100);
  }
  assert.fail(`no ${surface}/${step} describe; last answer: ${JSON.stringify(last)}`);
}

async function fill(page, pageToken, values) {
  const answer = await send(page, { type: 'sw:fill', pageToken, values });
  assert.equal(answer.ok, true, JSON.stringify(answer));
  return answer.data;
}

const byKey = (fields) => Object.fromEntries(fields.map((f) => [f.key, f]));
const refusedMap = (data) => Object.fromEntries(data.refused.map((r) => [r.key, r.reason]));
const allStuck = (data, keys) => {
  assert.deepEqual(data.refused, [], JSON.stringify(data.refused));
  assert.deepEqual(data.filled.map((f) => f.key).sort(), [...keys].sort());
  for (const f of data.filled) assert.equal(f.stuck, true, `${f.key} did not stick`);
};

async function reports(filter) {
  return (await browser().worker.evaluate(() => globalThis.__reports)).filter(filter);
}
async function waitForReport(filter, ms = 4000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const found = await reports(filter);
    if (found.length) return found.at(-1);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('no matching content:report');
}

async function openPage(url) {
  const page = await browser().context.newPage();
  await page.goto(url);
  return page;
}

// ---- Jira Align connector -------------------------------------------------------------------
test('Align connector: detected by labels, filled, secrets never read, read-only key refused', async () => {
  const page = await openPage(ALIGN_CONNECTOR_URL);
  await page.click('#btnJiraConnectors');
  await page.click('#btnAddConnector');
  const d = await describe(page, 'align-connector', 'connector-form');
  const f = byKey(d.fields);
  for (const key of ['jiraLink', 'name', 'jiraApiUrl', 'authType', 'consumerKey', 'publicKey']) {
    assert.ok(f[key], `${key} found`);
    assert.ok(f[key].confidence >= 0.6, `${key} confident`);
  }
  assert.equal(f.jiraLink.label, 'jira link');
  assert.equal(f.jiraApiUrl.label, 'jira api url');
  assert.equal(f.consumerKey.label, 'oauth consumer key');
  assert.equal(f.publicKey.editable, false);
  assert.equal(f.authType.value, 'OAuth (Application Link)');

  // Basic Auth: the token box appears; its value is never reported, only its shape.
  await page.selectOption('#ddlAuthType', 'basic');
  await page.fill('#txtJiraPassword', TOKEN);
  const d2 = await describe(page, 'align-connector', 'connector-form');
  const token = byKey(d2.fields).apiToken;
  assert.equal(token.value, undefined);
  assert.deepEqual({ present: token.present, length: token.length, innerWhitespace: token.innerWhitespace, startsWithATATT: token.startsWithATATT },
    { present: true, length: TOKEN.length, innerWhitespace: null, startsWithATATT: true });
  const r = await waitForReport((m) => m.surface === 'align-connector' && m.fields.apiToken?.present);
  assert.equal(r.fields.apiToken.value, undefined);
  assert.equal(r.fields.apiToken.length, TOKEN.length);
  assert.ok(!JSON.stringify(await browser().worker.evaluate(() => globalThis.__reports)).includes('fixture-not-a-real'), 'token never reported');

  const res = await fill(page, d2.pageToken, {
    jiraLink: 'https://acme.atlassian.net/browse/', name: 'Acme Jira Cloud', jiraApiUrl: 'https://acme.atlassian.net',
    authType: 'OAuth', consumerKey: 'JiraAlignAcme', apiToken: 'x', publicKey: 'x',
  });
  assert.deepEqual(refusedMap(res), { apiToken: 'secret-field', publicKey: 'read-only' });
  assert.ok(res.filled.every((x) => x.stuck), JSON.stringify(res.filled));
  const form = (await page.evaluate(() => window.__fixtureState())).form;
  assert.equal(form.jiraLink, 'https://acme.atlassian.net/browse/');
  assert.equal(form.name, 'Acme Jira Cloud');
  assert.equal(form.authType, 'oauth');
  assert.equal(form.consumerKey, 'JiraAlignAcme');
  assert.equal(form.token, TOKEN, 'the token box was not touched');

  // Generate New Key, Save: the read-only key is reported as-is, and the checklist signals follow.
  await page.click('#btnGenerateKey');
  await page.waitForFunction(() => document.querySelector('#txtPublicKey').value.includes('BEGIN PUBLIC KEY'));
  await page.click('#btnSave');
  const saved = await waitForReport((m) => m.signals?.connectorSaved && /BEGIN PUBLIC KEY/.test(m.fields.publicKey?.value ?? ''));
  assert.equal(saved.signals.authorized, false);
  assert.equal(saved.signals.active, false);
  assert.equal(saved.signals.generateKeyVisible, true);
});

// ---- Jira legacy wizard and Incoming Authentication --------------------------------------------
test('Jira legacy wizard: list → configure-url → link-step-1 → link-step-2, each detected and filled', async () => {
  const page = await openPage(JIRA_LEGACY_URL);
  let d = await describe(page, 'jira-applinks', 'list');
  assert.deepEqual(d.fields.map((x) => x.key), ['applicationUrl']);
  const list = await waitForReport((m) => m.step === 'list' && m.signals?.alignLinkPresent);
  assert.equal(list.signals.alignLinks[0].url.startsWith('https://acme.jiraalign.com'), true);
  allStuck(await fill(page, d.pageToken, { applicationUrl: 'https://acme2.jiraalign.com' }), ['applicationUrl']);
  await page.click('#applinks-create-button');

  d = await describe(page, 'jira-applinks', 'configure-url');
  assert.deepEqual(d.fields.map((x) => x.key), ['applicationUrl']);
  assert.equal(byKey(d.fields).applicationUrl.label, 'new url');
  await page.click('#applinks-url-continue');

  d = await describe(page, 'jira-applinks', 'link-step-1');
  assert.deepEqual(d.fields.map((x) => x.key).sort(), ['applicationName', 'applicationType', 'createIncomingLink']);
  allStuck(await fill(page, d.pageToken, { applicationName: 'Jira Align', applicationType: 'Generic Application', createIncomingLink: true }),
    ['applicationName', 'applicationType', 'createIncomingLink']);
  assert.equal(await page.inputValue('#consumerKey'), '', 'the outgoing consumer key stays blank');
  await page.click('#applinks-link-continue');

  d = await describe(page, 'jira-applinks', 'link-step-2');
  assert.deepEqual(d.fields.map((x) => x.key).sort(), ['callbackUrl', 'consumerKey', 'consumerName', 'publicKey', 'twoLo']);
  allStuck(await fill(page, d.pageToken, { consumerKey: 'JiraAlignAcme2', consumerName: 'Jira Align', publicKey: FIXTURE_PUBLIC_KEY_BASE64 }),
    ['consumerKey', 'consumerName', 'publicKey']);
  assert.equal(await page.inputValue('#incoming-consumerKey'), 'JiraAlignAcme2');
});

test('legacy edit dialog: the framed (same-origin) Incoming Authentication form is found and filled', async () => {
  const page = await openPage(JIRA_LEGACY_URL);
  await page.click(`tr[data-link-id="${SEEDED_ALIGN_LINK_ID}"] a[data-action=edit]`);
  await page.click('#tab-incoming');
  const frame = page.frameLocator('#incoming-auth-frame');
  await frame.locator('form#add-consumer-manually').waitFor({ state: 'visible' });
  const d = await describe(page, 'jira-applinks', 'incoming-auth');
  assert.deepEqual(d.fields.map((x) => x.key).sort(), ['callbackUrl', 'consumerKey', 'consumerName', 'publicKey', 'twoLo']);
  allStuck(await fill(page, d.pageToken, { consumerKey: 'FramedKey', consumerName: 'Jira Align' }), ['consumerKey', 'consumerName']);
  assert.equal(await frame.locator('#key').inputValue(), 'FramedKey');
});

test('Incoming Authentication: filled; re-render, stale token, forged page messages all refused', async () => {
  const page = await openPage(INCOMING_URL);
  let d = await describe(page, 'jira-applinks', 'incoming-auth');
  const f = byKey(d.fields);
  assert.deepEqual(Object.keys(f).sort(), ['callbackUrl', 'consumerKey', 'consumerName', 'publicKey', 'twoLo']);
  assert.equal(f.consumerKey.confidence, 0.97);
  assert.equal(f.publicKey.label, 'public key');

  // A forged page: window.postMessage and synthetic events with a real token change nothing.
  const forged = await page.evaluate((token) => {
    const msg = { type: 'sw:fill', pageToken: token, values: { consumerKey: 'EVIL' } };
    window.postMessage(msg, '*');
    window.postMessage({ type: 'content:fill', ...msg }, '*');
    document.dispatchEvent(new CustomEvent('linksmith:fill', { detail: msg, bubbles: true }));
    document.getElementById('key').dispatchEvent(new KeyboardEvent('keydown', { key: 'L', altKey: true, shiftKey: true, bubbles: true }));
    return typeof globalThis.chrome?.runtime?.sendMessage;
  }, d.pageToken);
  assert.equal(forged, 'undefined', 'the page cannot message the extension');
  await page.waitForTimeout(400);
  assert.equal(await page.inputValue('#key'), '');

  // Stale token: a newer describe replaces it.
  const newer = await describe(page, 'jira-applinks', 'incoming-auth');
  assert.deepEqual(refusedMap(await fill(page, d.pageToken, { consumerKey: 'A' })), { consumerKey: 'stale-token' });
  assert.deepEqual(refusedMap(await fill(page, 'not-a-token', { consumerKey: 'A' })), { consumerKey: 'stale-token' });

  // Re-rendered between describe and fill: a different element now holds the key; the
  // untouched field is still filled.
  await page.evaluate(() => { const el = document.getElementById('key'); el.replaceWith(el.cloneNode(true)); });
  const partial = await fill(page, newer.pageToken, { consumerKey: 'A', consumerName: 'B' });
  assert.deepEqual(refusedMap(partial), { consumerKey: 'page-changed' });
  assert.deepEqual(partial.filled.map(({ key, stuck }) => ({ key, stuck })), [{ key: 'consumerName', stuck: true }]);
  assert.equal(await page.inputValue('#key'), '');
  // Navigated (same document, new URL) since describe: everything refused.
  const before = await describe(page, 'jira-applinks', 'incoming-auth');
  await page.evaluate(() => history.pushState(null, '', `${location.pathname}?moved=1`));
  assert.deepEqual(refusedMap(await fill(page, before.pageToken, { consumerName: 'C' })), { consumerName: 'page-changed' });
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => !location.search);

  d = await describe(page, 'jira-applinks', 'incoming-auth');
  const res = await fill(page, d.pageToken, { consumerKey: 'JiraAlignAcme', consumerName: 'Jira Align', publicKey: FIXTURE_PUBLIC_KEY_BASE64, twoLo: false, bogus: 'x' });
  assert.deepEqual(refusedMap(res), { bogus: 'unknown-field' });
  assert.ok(res.filled.every((x) => x.stuck));
  // A used token cannot be replayed.
  assert.deepEqual(refusedMap(await fill(page, d.pageToken, { consumerKey: 'B' })), { consumerKey: 'stale-token' });
  await page.click('#auth-oauth-action-save');
  const r = await waitForReport((m) => m.step === 'incoming-auth' && m.signals?.incomingAuthConfigured);
  assert.equal(r.signals.publicKeyOneLineBase64, true);
  assert.equal(r.fields.consumerKey.value, 'JiraAlignAcme');
});

// ---- Jira new UI (React, controlled inputs) -----------------------------------------------------
test('Jira new UI (Atlaskit): create-link modal and review step fill final-form state (radio, url, Select, checkbox)', async () => {
  const page = await openPage(JIRA_NEW_UI_URL);
  // The modal fades in from opacity 0: a describe (a Fill clicked) that comes before the fade has
  // shown anything waits for the entrance to end instead of answering with every field hidden.
  // The page's animations are held at their start until the describe is under way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  await page.getByRole('button', { name: 'Create link' }).click();
  await page.getByRole('dialog', { name: 'Create an application link' }).waitFor({ state: 'attached' });
  assert.ok(await page.evaluate(() => document.getAnimations().some((a) => a.playState === 'running')), 'the modal is fading in');
  const during = send(page, { type: 'sw:describe' });
  await page.waitForTimeout(300);
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
  const early = await during;
  assert.equal(early.ok, true, JSON.stringify(early));
  assert.deepEqual(early.data.fields.map((x) => [x.key, x.visible]).sort(), [['applicationUrl', true], ['linkType', true]]);
  let d = await describe(page, 'jira-applinks', 'create-link-modal');
  assert.deepEqual(d.fields.map((x) => x.key).sort(), ['applicationUrl', 'linkType']);
  allStuck(await fill(page, d.pageToken, { linkType: 'Direct application link', applicationUrl: 'https://acme3.jiraalign.com' }), ['applicationUrl', 'linkType']);
  let s = await page.evaluate(() => window.__fixtureState());
  assert.equal(s.forms.create.values.kind, 'direct');
  assert.equal(s.forms.create.values.url, 'https://acme3.jiraalign.com');
  await page.getByRole('button', { name: 'Next' }).click();

  assert.deepEqual((await describe(page, 'jira-applinks', 'configure-url')).fields, []);
  await page.getByRole('button', { name: 'Continue' }).click();

  d = await describe(page, 'jira-applinks', 'review-link');
  const f = byKey(d.fields);
  assert.deepEqual(Object.keys(f).sort(), ['applicationName', 'applicationType', 'createIncomingLink']);
  assert.equal(f.applicationType.label, 'application type');
  assert.equal(f.applicationType.widget, 'combobox');
  const res = await fill(page, d.pageToken, { applicationName: 'Jira Align 3', applicationType: 'Generic Application', createIncomingLink: true });
  allStuck(res, ['applicationName', 'applicationType', 'createIncomingLink']);
  assert.equal(res.filled.find((x) => x.key === 'applicationType').shown, 'Generic Application');
  s = await page.evaluate(() => window.__fixtureState());
  assert.equal(s.forms.review.values.applicationName, 'Jira Align 3');
  assert.equal(s.forms.review.values.applicationType?.value, 'generic');
  assert.equal(s.forms.review.values.createIncoming, true);
  // The outgoing fields were never focused: touching them would block the form.
  for (const n of ['serviceProviderName', 'consumerKey', 'sharedSecret']) assert.ok(!s.forms.review.touched?.[n], `${n} untouched`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction(() => window.__fixtureState().links.some((l) => l.name === 'Jira Align 3'));
});

// ---- Jira Align variant table ------------------------------------------------------------------
// Every variant (label wordings and linkage, ids, native / Kendo / select2 dropdowns, div, table
// and slide-out layouts) is detected, filled and read back: first OAuth (which reveals the
// consumer key), then Basic Auth where the variant has it (a widget changed a second time).
for (const variant of ALIGN_VARIANTS) {
  test(`Align variant ${variant.id}: detected, filled through its ${variant.dropdown} dropdown, read back`, async () => {
    const page = await openPage(alignVariantUrl(variant.id));
    if (variant.layout === 'slideout') {
      await page.click('#btnAddConnector');
      // The slide-out animates in: an admin fills it once it has opened, and so does the test.
      await page.waitForFunction(() => document.querySelector('.ja-slideout')?.classList.contains('open') && getComputedStyle(document.querySelector('.ja-slideout')).transform === 'matrix(1, 0, 0, 1, 0, 0)');
    }
    const text = (kind) => variant.auth.options.find(([v]) => v === kind)?.[1];
    let d = await describe(page, 'align-connector');
    const f = byKey(d.fields);
    for (const key of ['jiraLink', 'name', 'jiraApiUrl', 'authType']) assert.ok(f[key], `${key} found: ${JSON.stringify(Object.keys(f))}`);
    let res = await fill(page, d.pageToken, {
      jiraLink: 'https://acme.atlassian.net/browse/', name: 'Acme Jira', jiraApiUrl: 'https://acme.atlassian.net', authType: text('oauth'),
    });
    allStuck(res, ['jiraLink', 'name', 'jiraApiUrl', 'authType']);
    let s = await page.evaluate(() => window.__fixtureState());
    assert.equal(s.authType, 'oauth');
    assert.equal(s.nativeSelectValue, 'oauth');
    assert.equal(s.widgetOpen, false, 'the list is closed again');
    assert.deepEqual([s.form.jiraLink, s.form.name, s.form.jiraApiUrl], ['https://acme.atlassian.net/browse/', 'Acme Jira', 'https://acme.atlassian.net']);
    if (s.widgetText !== null) assert.equal(s.widgetText, text('oauth'));

    d = await describe(page, 'align-connector');
    assert.ok(byKey(d.fields).consumerKey, 'choosing OAuth revealed the consumer key');
    res = await fill(page, d.pageToken, { consumerKey: 'JiraAlignAcme' });
    allStuck(res, ['consumerKey']);
    assert.equal((await page.evaluate(() => window.__fixtureState())).form.consumerKey, 'JiraAlignAcme');

    if (text('basic')) {
      d = await describe(page, 'align-connector');
      res = await fill(page, d.pageToken, { authType: text('basic') });
      allStuck(res, ['authType']);
      d = await describe(page, 'align-connector');
      const apiToken = byKey(d.fields).apiToken;
      assert.ok(apiToken && apiToken.present === false && !('value' in apiToken), 'the token box: its shape only');
      res = await fill(page, d.pageToken, { username: 'svc-align@acme.example', apiToken: 'x' });
      assert.deepEqual(refusedMap(res), { apiToken: 'secret-field' });
      assert.ok(res.left.some((x) => x.key === 'apiToken' && x.reason === 'secret-field'), 'the token is left for the admin');
      s = await page.evaluate(() => window.__fixtureState());
      assert.equal(s.authType, 'basic');
      assert.equal(s.nativeSelectValue, 'basic');
      assert.equal(s.form.username, 'svc-align@acme.example');
      assert.equal(s.form.tokenPresent, false);
    }
  });
}

// ---- Point to the field / Describe this page --------------------------------------------------
// A page the heuristics cannot read: no labels, no names, nothing that says "Jira Align".
const UNLABELLED_URL = `${ALIGN_ORIGIN}/linksmith-test/unlabelled`;
const UNLABELLED_HTML = `<!doctype html><title>Settings</title><main><h1>Settings</h1>
  <div class="row"><input id="f1"></div><div class="row"><input id="f2"></div>
  <input id="h" style="display:none"><iframe src="${WIDGET_FRAME_URL}" width="300" height="80"></iframe>
  <button type="button" id="go">Go</button></main>`;

/** A message from one of Linksmith's own pages (the panel), as the panel sends it. */
async function fromPanel(panel, message) {
  return panel.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

test('Point to the field: an unreadable page works by pointing; hidden and cross-origin controls are refused', async () => {
  await browser().context.route(UNLABELLED_URL, (route) => route.fulfill({ contentType: 'text/html', body: UNLABELLED_HTML }));
  const panel = await openPage(browser().extensionUrl('panel/panel.html'));
  const page = await openPage(UNLABELLED_URL);
  await page.bringToFront();
  assert.equal((await send(page, { type: 'sw:describe' })).data.surface, null, 'the heuristics find nothing here');

  // The admin clicks "Point to the field" for Jira API URL, then the first box.
  const pointed = fromPanel(panel, { type: 'panel:pointToField', side: 'align', key: 'jiraApiUrl' });
  await page.getByRole('status').filter({ hasText: 'Linksmith' }).waitFor();
  await page.click('#f1');
  const binding = await pointed;
  assert.equal(binding.ok, true, JSON.stringify(binding));
  assert.equal(binding.data.selector, '#f1');
  assert.equal(binding.data.origin, ALIGN_ORIGIN);
  assert.ok(!JSON.stringify(binding).includes('value'), 'a binding holds no value');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Linksmith' }).count(), 0, 'the banner is gone');

  // Filled through the gate, with the binding as the reason it was found.
  let d = await describe(page, 'align-connector');
  assert.deepEqual(d.fields.map((f) => [f.key, f.source]), [['jiraApiUrl', 'binding']]);
  allStuck(await fill(page, d.pageToken, { jiraApiUrl: 'https://acme.atlassian.net' }), ['jiraApiUrl']);
  assert.equal(await page.inputValue('#f1'), 'https://acme.atlassian.net');

  // A click on a cross-origin frame is refused; so is pointing at nothing.
  const framed = fromPanel(panel, { type: 'panel:pointToField', side: 'align', key: 'name' });
  await page.getByRole('status').filter({ hasText: 'Linksmith' }).waitFor();
  await page.dispatchEvent('iframe', 'click');
  assert.deepEqual((await framed).error, { name: ERROR.REFUSED, message: 'cross-origin-frame' });
  const nothing = fromPanel(panel, { type: 'panel:pointToField', side: 'align', key: 'name' });
  await page.getByRole('status').filter({ hasText: 'Linksmith' }).waitFor();
  await page.click('h1');
  assert.deepEqual((await nothing).error, { name: ERROR.REFUSED, message: 'not-a-control' });

  // A stored binding to a hidden control (the page changed since) is seen, and refused by the gate.
  await panel.evaluate(async (origin) => {
    const all = (await chrome.storage.local.get('fieldBindings')).fieldBindings;
    all[origin].push({ surface: 'align-connector', step: 'connector-form', key: 'name', selector: '#h', pathname: '/linksmith-test/unlabelled', label: '', kind: 'plain' });
    await chrome.storage.local.set({ fieldBindings: all });
  }, ALIGN_ORIGIN);
  await page.waitForTimeout(200);
  d = await describe(page, 'align-connector');
  assert.equal(byKey(d.fields).name?.visible, false);
  assert.deepEqual(refusedMap(await fill(page, d.pageToken, { name: 'Acme' })), { name: 'hidden' });
  assert.equal(await page.inputValue('#h'), '');

  // Listed and removable in the panel; once removed, the page is unreadable again.
  const listed = await fromPanel(panel, { type: 'panel:listBindings' });
  assert.deepEqual(listed.data.map((b) => [b.origin, b.key, b.selector]).sort(), [[ALIGN_ORIGIN, 'jiraApiUrl', '#f1'], [ALIGN_ORIGIN, 'name', '#h']]);
  for (const key of ['jiraApiUrl', 'name']) {
    const r = await fromPanel(panel, { type: 'panel:removeBinding', origin: ALIGN_ORIGIN, surface: 'align-connector', step: 'connector-form', key });
    assert.equal(r.ok, true);
  }
  assert.deepEqual((await fromPanel(panel, { type: 'panel:listBindings' })).data, []);
  await page.waitForTimeout(200);
  assert.equal((await send(page, { type: 'sw:describe' })).data.surface, null);

  // A malformed pick request is refused by the page without a banner.
  const bad = await send(page, { type: 'sw:pick', side: 'bogus', key: 'x' });
  assert.equal(bad.error?.name, ERROR.BAD_REQUEST);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Linksmith' }).count(), 0);
});

test('Describe this page: the form structure without a single typed value', async () => {
  await browser().context.route(UNLABELLED_URL, (route) => route.fulfill({ contentType: 'text/html', body: UNLABELLED_HTML }));
  const panel = await openPage(browser().extensionUrl('panel/panel.html'));
  const page = await openPage(UNLABELLED_URL);
  await page.bringToFront();
  const TYPED = 'typed-by-the-admin-7f3a';
  await page.fill('#f2', TYPED);
  await page.fill('#f1', 'https://acme.atlassian.net/typed');
  const answer = await fromPanel(panel, { type: 'panel:describePage', side: 'align' });
  assert.equal(answer.ok, true, JSON.stringify(answer));
  const text = JSON.stringify(answer.data);
  assert.ok(!text.includes(TYPED) && !text.includes('/typed'), 'no typed value');
  assert.ok(!text.includes('Settings'), 'no other text of the page');
  assert.deepEqual(answer.data.controls.map((c) => c.id), ['f1', 'f2', 'h']);
  assert.equal(answer.data.controls.find((c) => c.id === 'h').visible, false);
  assert.deepEqual(answer.data.buttons, [{ text: 'go', id: 'go', name: null }]);
  assert.equal(answer.data.origin, ALIGN_ORIGIN);
});

// ---- cost on ordinary Jira pages ---------------------------------------------------------------
// A busy board (no admin form) is watched only for URL changes: no in-depth observation unless
// the panel asks for it. (How much that saves is measured in ./build.sh bench, not here.)
const BOARD_URL = 'https://acme.atlassian.net/jira/software/projects/ACME/boards/1';
const BOARD_HTML = `<!doctype html><title>Board</title><main id="board"></main><script>
  const board = document.getElementById('board');
  for (let i = 0; i < 3000; i += 1) { const c = document.createElement('div'); c.textContent = 'ACME-' + i; board.append(c); }
  let n = 0; setInterval(() => { board.children[n++ % 3000].textContent = 'ACME-' + n + ' changed'; }, 100);
</script>`;

test('ordinary Jira page: no in-depth observation until the panel asks; admin paths are observed', async () => {
  await browser().context.route(BOARD_URL, (route) => route.fulfill({ contentType: 'text/html', body: BOARD_HTML }));
  const board = await openPage(BOARD_URL);
  await board.waitForTimeout(300);
  const watch = async (page, deep) => (await send(page, { type: 'sw:watch', deep })).data.deep;
  assert.equal(await watch(board, false), false, 'a board is not observed in depth');
  assert.equal(await watch(board, true), true, 'while the panel is open it is');
  assert.equal(await watch(board, false), false, 'and not after it closed');
  const before = (await reports((m) => m.href === BOARD_URL)).length;
  await board.waitForTimeout(500);
  assert.equal((await reports((m) => m.href === BOARD_URL)).length, before, 'nothing reported from a board');
  await board.close();

  const admin = await openPage(JIRA_LEGACY_URL);
  await describe(admin, 'jira-applinks', 'list');
  assert.equal(await watch(admin, false), true, 'the applinks screens are observed in depth');
});

// ---- hostile pages ------------------------------------------------------------------------------
test('honeypot: invisible decoys are never chosen or filled', async () => {
  const page = await openPage(HOSTILE_HONEYPOT_URL);
  const d = await describe(page, 'jira-applinks', 'incoming-auth');
  const res = await fill(page, d.pageToken, { consumerKey: 'JiraAlignAcme', publicKey: FIXTURE_PUBLIC_KEY_BASE64 });
  allStuck(res, ['consumerKey', 'publicKey']);
  const state = await page.evaluate(() => window.__fixtureState());
  assert.equal(state.decoysTouched, false);
  assert.equal(state.fields.find((x) => x.id === 'key').value, 'JiraAlignAcme');
});

test('cross-origin and sandboxed iframes: their fields are not even seen', async () => {
  const url = HOSTILE_FOREIGN_FRAMES_URL;
  const page = await openPage(url);
  await page.waitForTimeout(300);
  const d = (await send(page, { type: 'sw:describe' }));
  assert.equal(d.ok, true);
  assert.deepEqual(d.data.fields, [], url);
  const res = await fill(page, d.data.pageToken, { consumerKey: 'EVIL', publicKey: 'EVIL' });
  assert.deepEqual(res.filled, []);
  for (const frame of page.frames().slice(1)) {
    const values = await frame.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value)).catch(() => []);
    assert.ok(!values.includes('EVIL'), `nothing written into ${frame.url()}`);
  }
});

test('lookalike host: no content script, and the gate itself refuses the origin', async () => {
  const page = await openPage(LOOKALIKE_INCOMING_AUTH_URL);
  await page.waitForTimeout(300);
  const answer = await send(page, { type: 'sw:describe' });
  assert.match(answer.sendError ?? '', /Receiving end does not exist|Could not establish connection/);
  // Run the gate's own modules in this page (main world), bundled the way the shipped script is,
  // to check its own origin test.
  await page.evaluate(await bundleContent(null, {
    source: "export { fill, issuePlan, pageRefusal } from './gate.js'; export { detect } from './surface.js';",
    globalName: '__linksmithGate',
  }));
  const result = await page.evaluate(async () => {
    const gate = globalThis.__linksmithGate;
    const token = gate.issuePlan(gate.detect());
    return { refusal: gate.pageRefusal(), fill: await gate.fill(token, { consumerKey: 'EVIL' }), value: document.querySelector('input[name=key]')?.value };
  });
  assert.equal(result.refusal, 'origin-not-allowed');
  assert.deepEqual(result.fill.refused, [{ key: 'consumerKey', reason: 'origin-not-allowed' }]);
  assert.notEqual(result.value, 'EVIL');
});
