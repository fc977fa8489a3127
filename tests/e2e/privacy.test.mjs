// The privacy promises of PRIVACY.md, checked after the whole admin walkthrough: no private key and
// no API token in any storage area, no network request of the extension's own until "Verify with
// Jira" is clicked (every request the browser makes comes from the fixture pages, or is the
// extension loading its own files), and the side panel passes axe-core with no violation. Then the
// click: only Jira and Jira Align sites, only after it, the token typed in Jira Align in one
// Authorization header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './harness.mjs';
import { Buffer } from 'node:buffer';
import * as chromium from './platform/chromium.mjs';
import { SERVICE_JIRA_USER, DEFAULT_JIRA_USER } from '../fixtures/serve.mjs';
import {
  startWalkthrough, fullOAuthFlow, panelFill, alignPublicKey, CONSUMER_KEY, openAlignConnector, openJira, fillAlignFromPanel,
} from './scenarios/steps.mjs';
import { FakeJira, SITE, SESSION_COOKIE } from '../fixtures/fake-jira/fake-jira.mjs';

const FIXTURE_HOSTS = new Set(['acme.atlassian.net', 'acme.jiraalign.com']);
const TOKEN = 'ATATT3xFfGF0privacyfixture0000notarealtoken0000';
const isHttp = (u) => /^https?:$/.test(u.protocol);

/**
 * Chromium with the walkthrough's fixture sites and the panel open, and every http(s) request of
 * the browser context recorded: pages, their workers and the extension's service worker alike pass
 * through context routes (DevTools protocol Fetch interception). Three layers: refuse whatever no
 * fixture serves (registered first, so it runs last), the fixture sites (and whatever `serve`
 * adds), and a recorder of each request and who made it (registered last, so it runs first and
 * falls through to the others).
 */
async function recordedWalkthrough(t, serve = async () => {}) {
  const browser = await chromium.launch();
  t.after(() => browser.close()); // passed or failed, set up or not
  const { ext } = browser;
  const requests = [];
  const strays = [];
  await ext.context.route(isHttp, (route) => {
    strays.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const w = await startWalkthrough(browser);
  await serve(ext.context);
  await ext.context.route(isHttp, async (route) => {
    const r = route.request();
    let from;
    try {
      from = r.serviceWorker()?.url() ?? r.frame().url();
    } catch {
      from = 'unknown';
    }
    requests.push({ url: r.url(), from, navigation: r.isNavigationRequest(), at: Date.now(), headers: await r.allHeaders(), body: r.postData() ?? '' });
    return route.fallback();
  });
  return { w, ext, own: `${browser.extensionUrl('')}`, requests, strays };
}

test('after the full walkthrough: no secret stored, no request of the extension\'s own, axe finds nothing', async (t) => {
  const { w, ext, own, requests, strays } = await recordedWalkthrough(t);
  const { panel } = w;
  await fullOAuthFlow(w, { ui: 'legacy' });
  const alignKeyLine = (await alignPublicKey(w)).split('\n').find((l) => l.length >= 40 && !l.startsWith('-'));
  assert.ok(alignKeyLine, 'Jira Align showed a public key');

  // A key pair made in the panel: its private half must stay in the panel's memory.
  await panel.click('#keygen > summary'); // the key generator is a collapsed tool
  await panel.click('#keygen-run');
  await panel.locator('#keygen-result:not([hidden])').waitFor({ timeout: 60_000 });
  const publicPem = await panel.locator('#keygen-public').inputValue();
  // An API token typed into Jira Align (Basic Auth): Linksmith sees only its shape.
  await panel.selectOption('#opt-auth-type', 'basic');
  await panel.fill('#opt-username', 'svc-align@acme.com');
  await panelFill(w, 'align');
  await w.align.locator('#txtJiraPassword').fill(TOKEN);
  await panel.locator('#api-token-state:not([hidden])').waitFor();

  // 1. Storage: all three areas, as text.
  const dump = await panel.evaluate(async () => JSON.stringify({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
  // The dump is real: what the worker does store (the consumer key, a line of Jira Align's public
  // key) is in it, so the absences below are not those of an empty or wrong dump.
  assert.ok(dump.includes(CONSUMER_KEY) && dump.includes(alignKeyLine), 'the dump is real: the consumer key and public key are stored');
  assert.doesNotMatch(dump, /PRIVATE KEY/);
  for (const piece of [TOKEN, TOKEN.slice(0, 12), TOKEN.slice(-16)]) assert.ok(!dump.includes(piece), `token piece ${piece} stored`);
  // The panel's own private key, as the admin downloads it: no line of its Base64 is stored.
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('#keygen-download-private')]);
  const privatePem = await readFile(await download.path(), 'utf8');
  assert.match(privatePem, /BEGIN PRIVATE KEY/);
  for (const line of privatePem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-'))) {
    assert.ok(!dump.includes(line), 'a line of the private key is in storage');
  }
  assert.ok(!dump.includes(publicPem.split('\n')[2] ?? 'x'), 'the generated key pair is not stored at all');

  // 2. Network: no http(s) request from the extension's worker or pages; every request comes
  // from a fixture page, to that page's own site (content scripts run in the page and add none).
  assert.deepEqual(strays, [], 'no request to a host outside the fixtures');
  assert.ok(requests.length > 10, 'the recorder saw the fixture pages load');
  for (const r of requests) {
    assert.ok(!r.from.startsWith(own), `the extension requested ${r.url} (from ${r.from})`);
    // Opening a fixture page (the test's page.goto, the admin's address bar) is a navigation of
    // that tab, reported from the page it replaces.
    if (r.navigation && FIXTURE_HOSTS.has(new URL(r.url).hostname)) continue;
    const page = URL.canParse(r.from) ? new URL(r.from) : null;
    assert.ok(page?.protocol === 'https:' && FIXTURE_HOSTS.has(page.hostname) && new URL(r.url).hostname === page.hostname,
      `unexpected request ${r.url} from ${r.from}`);
  }
  // The recorder is not blind to the worker: a request it makes on purpose is seen, as the worker's.
  const seenBefore = requests.length;
  await ext.worker.evaluate(() => fetch('https://probe.invalid/').catch(() => null));
  assert.deepEqual(requests.slice(seenBefore).map((r) => [r.url, r.from]), [['https://probe.invalid/', `${own}service-worker.js`]]);
  assert.equal(strays.at(-1), 'https://probe.invalid/');

  // 3. Accessibility: axe-core on the side panel as the walkthrough left it. The source is
  // evaluated through the DevTools protocol, which the panel's CSP does not apply to.
  const axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await panel.evaluate(axeSource);
  const results = await panel.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(violations, []);
  assert.ok(results.passes.length > 10, 'axe ran its rules');
});

// A Jira or Jira Align Cloud site, or the scoped-token gateway: written out here, not taken from
// the extension's own host rule, so a wrong rule there cannot pass this test.
const JIRA_OR_ALIGN = /^https:\/\/([a-z0-9-]+\.atlassian\.net|[a-z0-9-]+\.jiraalign\.com|api\.atlassian\.com)$/;

test('Verify with Jira: the extension\'s requests go only to Jira and Jira Align sites, only after the click; the token in one Authorization header', async (t) => {
  const fake = new FakeJira({
    readStore: async () => ({ links: [] }),
    sessionUser: { ...DEFAULT_JIRA_USER, roles: ['jira-software'] },
    accounts: [{ ...SERVICE_JIRA_USER, token: TOKEN, roles: ['jira-software'] }],
  });
  t.after(() => fake.close());
  const { w, own, requests, strays } = await recordedWalkthrough(t, async (context) => {
    await fake.route(context);
    await context.addCookies([{ name: SESSION_COOKIE, value: 'fixture-session', domain: 'acme.atlassian.net', path: '/', secure: true, sameSite: 'None', httpOnly: true }]);
  });
  const { panel } = w;
  await openAlignConnector(w);
  await openJira(w);
  await fillAlignFromPanel(w);
  await panel.fill('#opt-service-account', SERVICE_JIRA_USER.email);
  const fromExtension = () => requests.filter((r) => r.from.startsWith(own));
  assert.deepEqual(fromExtension().map((r) => r.url), [], 'no request of the extension before the click');

  const verify = async () => {
    await panel.bringToFront();
    const clicked = Date.now();
    // Outside the Authorize step the action sits in a collapsed card: open it, as an admin would.
    if (await panel.locator('#verify-run').isHidden()) await panel.click('#verify > summary');
    await panel.getByRole('button', { name: 'Verify with Jira', exact: true }).click();
    await panel.locator('#verify-run:not([disabled])').waitFor({ timeout: 30_000 });
    return clicked;
  };
  const oauthClick = await verify();
  const oauthRequests = fromExtension();
  assert.ok(oauthRequests.length >= 4, `the click made the checks' requests: ${oauthRequests.map((r) => r.url).join(' ')}`);
  for (const r of oauthRequests) {
    assert.ok(r.at >= oauthClick, `${r.url} was requested before the click`);
    assert.match(new URL(r.url).origin, JIRA_OR_ALIGN, `the extension requested ${r.url}`);
  }

  // Basic Auth: the token typed into Jira Align's own field, read at this click only (the
  // panel's paste field stays empty).
  await panel.selectOption('#opt-auth-type', 'basic');
  await panel.fill('#opt-username', SERVICE_JIRA_USER.email);
  await panelFill(w, 'align');
  await w.align.locator('#txtJiraPassword').fill(TOKEN);
  await panel.locator('#api-token-state:not([hidden])').waitFor();
  const seen = requests.length;
  const basicClick = await verify();
  const basicRequests = requests.slice(seen);
  const basic = `Basic ${Buffer.from(`${SERVICE_JIRA_USER.email}:${TOKEN}`).toString('base64')}`;
  const carrying = requests.filter((r) => [r.url, r.body, JSON.stringify(r.headers)].some((t) => t.includes(TOKEN) || t.includes(basic.slice(6))));
  assert.equal(carrying.length, 1, `the token went in exactly one request: ${carrying.map((r) => r.url).join(' ')}`);
  assert.equal(carrying[0].headers.authorization, basic, 'in its Authorization header');
  assert.equal(new URL(carrying[0].url).origin, SITE, 'to the Jira API URL\'s origin');
  assert.ok(!carrying[0].headers.cookie, 'without the session cookie');
  assert.equal(await panel.locator('#verify-checks [data-check="basic-auth-credentials"]').getAttribute('data-state'), 'pass');
  for (const r of basicRequests.filter((x) => x.from.startsWith(own))) {
    assert.ok(r.at >= basicClick);
    assert.match(new URL(r.url).origin, JIRA_OR_ALIGN, `the extension requested ${r.url}`);
  }
  assert.deepEqual(strays, [], 'no request to a host outside the fixtures');
  // The recorder sees the worker's requests: the Verify calls were recorded as the worker's.
  assert.ok(oauthRequests.some((r) => r.from === `${own}service-worker.js` && r.url === `${SITE}/_edge/tenant_info`));

  const dump = await panel.evaluate(async () => JSON.stringify([
    await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]));
  assert.ok(dump.includes(SERVICE_JIRA_USER.email), 'the dump is real: the service account email is stored');
  for (const piece of [TOKEN, TOKEN.slice(0, 12), TOKEN.slice(-16)]) assert.ok(!dump.includes(piece), `token piece ${piece} stored`);
});
