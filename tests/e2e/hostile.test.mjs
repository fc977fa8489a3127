// Hostile pages against the real extension (dist/chrome), beyond content.test.mjs (which drives
// the content script's own entry points): here the attacker is the page, a content script that
// oversteps, or a lookalike host, and the target is the service worker's state and the panel's
// fill path. Nothing here may change chrome.storage.session or put a value in a wrong field.
//
// How a content script is impersonated: Playwright cannot run code in an extension's isolated
// world directly, so the tests open a CDP session on the page and evaluate in the execution
// context Chrome created for Linksmith's content scripts (auxData.type "isolated", named after
// the extension). A message sent from there carries the real sender Chrome attaches to content
// scripts (tab, frameId 0, page URL), exactly what a compromised or confused content script
// would send — no fake sender object involved.
//
// Each test has a browser of its own (browserPerTest), so any one runs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithFixtures, browserPerTest } from './harness.mjs';
import { ERROR } from '../../extension/shared/vocabulary.js';
import {
  jiraIncomingAuthUrl, SEEDED_ALIGN_LINK_ID,
  LOOKALIKE_INCOMING_AUTH_URL, HOSTILE_HONEYPOT_URL, FIXTURE_PUBLIC_KEY_BASE64,
} from '../fixtures/serve.mjs';

const INCOMING_URL = jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID);
const browser = browserPerTest(() => launchWithFixtures({ jira: 'link' }));

// ---- helpers --------------------------------------------------------------------------------
const storedState = () => browser().worker.evaluate(async () => (await chrome.storage.session.get('state')).state ?? null);

/** Waits until the stored state satisfies `predicate` and then stays unchanged for `quietMs`. */
async function settledState(predicate, quietMs = 700, ms = 8000) {
  const end = Date.now() + ms;
  let last = null;
  let since = Date.now();
  while (Date.now() < end) {
    const s = await storedState();
    if (JSON.stringify(s) !== JSON.stringify(last)) { last = s; since = Date.now(); }
    if (s && predicate(s) && Date.now() - since >= quietMs) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`state did not settle: ${JSON.stringify(last)?.slice(0, 400)}`);
}

async function openPage(url) {
  const page = await browser().context.newPage();
  await page.goto(url);
  return page;
}

async function openPanel() {
  const panel = await browser().context.newPage();
  await panel.goto(browser().extensionUrl('panel/panel.html'));
  return panel;
}

/** Evaluates `expression` in Linksmith's content-script world of `page` (see the header). */
async function inContentScript(page, expression) {
  const cdp = await browser().context.newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    const { frameTree } = await cdp.send('Page.getFrameTree');
    await cdp.send('Runtime.enable');
    const ours = (c) => c.auxData?.type === 'isolated' && c.auxData?.frameId === frameTree.frame.id
      && (c.origin === `chrome-extension://${browser().extensionId}` || c.name === 'Linksmith');
    for (let i = 0; i < 50 && !contexts.some(ours); i += 1) await new Promise((r) => setTimeout(r, 100));
    const ctx = contexts.find(ours);
    assert.ok(ctx, `no Linksmith isolated world among ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData]))}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression, contextId: ctx.id, awaitPromise: true, returnByValue: true,
    });
    if (exceptionDetails) assert.fail(`content-world evaluation threw: ${JSON.stringify(exceptionDetails).slice(0, 400)}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Clicks a panel fill button and returns the status once this click's answer is shown. */
async function clickFill(panel, button) {
  const seq = await panel.evaluate(() => Number(document.getElementById('fill-status').dataset.seq ?? 0));
  await panel.click(button);
  await panel.waitForFunction((n) => Number(document.getElementById('fill-status').dataset.seq ?? 0) > n, seq);
  return panel.evaluate(() => {
    const el = document.getElementById('fill-status');
    return { result: el.dataset.result, text: el.textContent };
  });
}

/** Resets the worker's state the way the panel does (the worker caches state in memory, so
 * clearing chrome.storage.session behind its back would not do). */
async function resetViaPanel(panel) {
  const answer = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:reset' }));
  assert.equal(answer.ok, true, JSON.stringify(answer));
}

const stripVolatile = (s) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'updatedAt' ? undefined : v)));

// ---- forged messages from the page ------------------------------------------------------------
test('a page cannot reach the worker: no chrome.runtime, and forged postMessage/events change no state', async () => {
  const page = await openPage(INCOMING_URL);
  const before = await settledState((s) => s.sides.jira?.step === 'incoming-auth');
  const probe = await page.evaluate(async (extensionId) => {
    const out = { runtime: typeof globalThis.chrome?.runtime, sendMessage: typeof globalThis.chrome?.runtime?.sendMessage };
    // Even naming the extension id (externally_connectable is not declared) gets nowhere.
    try {
      globalThis.chrome.runtime.sendMessage(extensionId, { type: 'panel:reset' });
      out.external = 'sent';
    } catch (e) {
      out.external = `threw: ${e.name}`;
    }
    const forged = [
      { type: 'content:report', surface: 'jira-applinks', step: 'incoming-auth', href: location.href,
        fields: { consumerKey: { value: 'EVIL', label: 'consumer key', confidence: 1 } } },
      { type: 'sw:fill', pageToken: 'x', values: { consumerKey: 'EVIL', publicKey: 'EVIL' } },
      { type: 'sw:describe' },
      { type: 'panel:setOptions', options: { consumerKey: 'EVIL' } },
      { type: 'panel:fill', side: 'jira' },
      { type: 'panel:reset' },
    ];
    for (const m of forged) {
      window.postMessage(m, '*');
      window.postMessage(JSON.stringify(m), '*');
      window.dispatchEvent(new MessageEvent('message', { data: m, origin: `chrome-extension://${extensionId}` }));
      document.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
    }
    // Synthetic user activity: untrusted events and keyboard shortcuts.
    document.getElementById('key').dispatchEvent(new KeyboardEvent('keydown', { key: 'L', altKey: true, shiftKey: true, bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    return out;
  }, browser().extensionId);
  assert.equal(probe.runtime, 'undefined', 'the page sees no chrome.runtime');
  assert.equal(probe.sendMessage, 'undefined');
  assert.match(probe.external, /^threw: TypeError/);
  await page.waitForTimeout(800);
  const after = await storedState();
  assert.deepEqual(stripVolatile(after), stripVolatile(before), 'no state change from forged page messages');
  assert.ok(!JSON.stringify(after).includes('EVIL'));
  assert.equal(await page.inputValue('#key'), '');
});

// ---- a content script that oversteps -----------------------------------------------------------
test('content scripts: panel:* requests are forbidden and a report cannot write the other side', async () => {
  const page = await openPage(INCOMING_URL);
  const before = await settledState((s) => s.sides.jira?.step === 'incoming-auth');
  const answers = await inContentScript(page, `(async () => {
    const send = (m) => chrome.runtime.sendMessage(m).catch((e) => ({ sendError: String(e) }));
    return {
      setOptions: await send({ type: 'panel:setOptions', options: { consumerKey: 'EVIL', jiraSiteUrl: 'https://evil.test' } }),
      fill: await send({ type: 'panel:fill', side: 'jira' }),
      reset: await send({ type: 'panel:reset' }),
      getState: await send({ type: 'panel:getState' }),
      inspect: await send({ type: 'panel:inspectPublicKey', text: 'x' }),
      unknown: await send({ type: 'sw:fill', values: { consumerKey: 'EVIL' } }),
      noType: await send({ values: 1 }),
    };
  })()`);
  for (const name of ['setOptions', 'fill', 'reset', 'getState', 'inspect']) {
    assert.equal(answers[name]?.ok, false, `${name}: ${JSON.stringify(answers[name])}`);
    assert.equal(answers[name].error.name, ERROR.FORBIDDEN, name);
  }
  assert.equal(answers.unknown.error?.name, ERROR.BAD_REQUEST);
  assert.equal(answers.noType.error?.name, ERROR.BAD_REQUEST);
  await page.waitForTimeout(300);
  assert.deepEqual(stripVolatile(await storedState()), stripVolatile(before), 'refused requests change nothing');

  // A report is accepted only for the side of the sender's own URL: Jira Align fields sent from
  // the Jira tab are dropped, oversized values are dropped, and the Align side stays untouched.
  const report = await inContentScript(page, `chrome.runtime.sendMessage({
    type: 'content:report', surface: 'jira-applinks', step: 'incoming-auth', href: location.href,
    fields: {
      jiraLink: { value: 'https://evil.test/browse/', label: 'jira link', confidence: 1 },
      jiraApiUrl: { value: 'https://evil.test', label: 'jira api url', confidence: 1 },
      consumerName: { value: 'x'.repeat(20000), label: 'consumer name', confidence: 1 },
      __proto__: { value: 'EVIL' },
    },
    signals: { ['x'.repeat(50)]: true, incomingAuthConfigured: 'yes' },
  })`);
  assert.equal(report.ok, true, JSON.stringify(report));
  const after = await storedState();
  assert.deepEqual(after.sides.align, before.sides.align, 'the other side is untouched');
  assert.ok(!JSON.stringify(after).includes('evil.test'), 'no align value from the Jira tab');
  assert.notEqual(after.sides.jira.fields.consumerName?.value?.length, 20000, 'oversized value dropped');
  assert.deepEqual(after.options, before.options);
  assert.notEqual(after.sides.jira.signals.incomingAuthConfigured, 'yes', 'non-boolean signal dropped');
  assert.ok(!Object.keys(after.sides.jira.signals).some((k) => k.length > 40), 'oversized signal name dropped');
});

// ---- the panel's fill path ----------------------------------------------------------------------
/** The panel open with `options` set, and Jira's Incoming Authentication form seen. */
async function incomingAuthReady(options) {
  const panel = await openPanel();
  const page = await openPage(INCOMING_URL);
  await settledState((s) => s.sides.jira?.step === 'incoming-auth');
  await panel.evaluate((o) => chrome.runtime.sendMessage({ type: 'panel:setOptions', options: o }), options);
  return { panel, page };
}

test('panel fill: fields swapped between plan and fill are refused, never filled with the wrong value', async () => {
  const { panel, page } = await incomingAuthReady({ consumerKey: 'JiraAlignAcme' });
  // Hold the worker's sw:fill until the page has swapped its fields (the describe has happened).
  await browser().worker.evaluate(() => {
    const original = chrome.tabs.sendMessage.bind(chrome.tabs);
    globalThis.__held = null;
    chrome.tabs.sendMessage = async (tabId, message, options) => {
      if (message?.type === 'sw:fill') {
        await new Promise((release) => { globalThis.__held = { message, release }; });
      }
      return original(tabId, message, options);
    };
    globalThis.__restoreSendMessage = () => { chrome.tabs.sendMessage = original; };
  });
  const clicked = clickFill(panel, '#fill-jira');
  await browser().worker.evaluate(async () => { while (!globalThis.__held) await new Promise((r) => setTimeout(r, 20)); });
  const planned = await browser().worker.evaluate(() => globalThis.__held.message.values);
  assert.equal(planned.consumerKey, 'JiraAlignAcme', JSON.stringify(planned));
  // The page swaps the Consumer Key and Consumer Name inputs (ids and names, so each label now
  // points at the other element).
  await page.evaluate(() => {
    const key = document.getElementById('key');
    const name = document.getElementById('consumerName');
    key.id = 'tmp'; name.id = 'key'; key.id = 'consumerName';
    key.name = 'consumerName'; name.name = 'key';
  });
  await browser().worker.evaluate(() => { globalThis.__held.release(); globalThis.__restoreSendMessage(); });
  const status = await clicked;
  assert.equal(status.result, 'done', status.text);
  assert.match(status.text, /consumerKey \(page-changed\)/);
  assert.match(status.text, /consumerName \(page-changed\)/);
  assert.doesNotMatch(status.text, /Filled:/);
  assert.equal(await page.inputValue('#key'), '', 'the element now labelled Consumer Key got nothing');
  assert.equal(await page.inputValue('#consumerName'), '', 'the element now labelled Consumer Name got nothing');

  // Unswapped, the same panel button fills the right fields.
  await page.reload();
  await settledState((s) => s.sides.jira?.step === 'incoming-auth');
  const again = await clickFill(panel, '#fill-jira');
  assert.match(again.text, /Filled: [^.]*consumerKey/, again.text);
  assert.match(again.text, /Filled: [^.]*consumerName/, again.text);
  assert.equal(await page.inputValue('#key'), 'JiraAlignAcme');
  assert.equal(await page.inputValue('#consumerName'), 'Jira Align');
});

test('panel fill: a tab that moved to acme.atlassian.net.evil.test is never filled', async () => {
  const { panel, page } = await incomingAuthReady({ consumerKey: 'JiraAlignAcme', alignSiteUrl: 'https://acme.jiraalign.com' });
  // Same tab, now on the lookalike host: the worker still remembers this tab as the Jira side.
  await page.goto(LOOKALIKE_INCOMING_AUTH_URL);
  await page.waitForSelector('input[name=key]', { state: 'attached' });
  await page.waitForTimeout(500);
  const stateAfterMove = await storedState();
  assert.ok(!JSON.stringify(stateAfterMove.sides).includes('evil.test'), 'the lookalike page never reported');
  const status = await clickFill(panel, '#fill-jira');
  assert.equal(status.result, 'error', status.text);
  assert.doesNotMatch(status.text, /Filled/, status.text);
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => e.value));
  assert.ok(!values.includes('JiraAlignAcme'), `lookalike page got a value: ${JSON.stringify(values)}`);
  assert.ok(!values.includes('Jira Align'));

  // Opened fresh (no earlier Jira tab): the panel has nothing to fill, and says so.
  await resetViaPanel(panel);
  await panel.reload();
  const fresh = await clickFill(panel, '#fill-jira');
  assert.match(fresh.text, /Open the Jira/, fresh.text);
});

// ---- decoys ---------------------------------------------------------------------------------------
/** chrome.tabs.sendMessage from the worker to the page's top frame, as the worker drives fills. */
async function toContent(page, message) {
  return browser().worker.evaluate(async ([u, m]) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    try {
      return await chrome.tabs.sendMessage(tab.id, m, { frameId: 0 });
    } catch (e) {
      return { sendError: String(e.message) };
    }
  }, [page.url(), message]);
}

test('honeypot: no decoy is ever filled (display, visibility, opacity, off-screen, zero size, hidden, clip-path, clip, covered, scale(0), content-visibility)', async () => {
  const page = await openPage(HOSTILE_HONEYPOT_URL);
  let described;
  for (let i = 0; i < 40 && !(described?.ok && described.data.step === 'incoming-auth'); i += 1) {
    described = await toContent(page, { type: 'sw:describe' });
    if (!(described?.ok && described.data.step === 'incoming-auth')) await page.waitForTimeout(100);
  }
  assert.equal(described?.data?.step, 'incoming-auth', JSON.stringify(described));
  const answer = await toContent(page, {
    type: 'sw:fill', pageToken: described.data.pageToken,
    values: { consumerKey: 'JiraAlignAcme', consumerName: 'Jira Align', publicKey: FIXTURE_PUBLIC_KEY_BASE64 },
  });
  assert.equal(answer.ok, true, JSON.stringify(answer));
  const s = await page.evaluate(() => window.__fixtureState());
  const decoys = s.fields.filter((f) => f.decoy);
  assert.ok(decoys.length >= 11, `${decoys.length} decoys on the page`);
  assert.equal(s.decoyEvents, 0, 'no input or change event reached a decoy');
  assert.deepEqual(decoys.filter((f) => f.value && f.decoy !== 'type-hidden').map((f) => f.decoy), []);
  const real = Object.fromEntries(s.fields.filter((f) => !f.decoy && f.id).map((f) => [f.id, f.value]));
  assert.equal(real.key, 'JiraAlignAcme');
  assert.equal(real.consumerName, 'Jira Align');
  assert.equal(real.publicKey, FIXTURE_PUBLIC_KEY_BASE64);
});
