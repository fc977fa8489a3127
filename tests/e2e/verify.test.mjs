// "Verify with Jira" in the full flow, against the stateful fake Jira (tests/fixtures/fake-jira/):
// the OAuth provider there verifies signatures with Python's oauthlib, and reads the same store the
// fixture's Incoming Authentication form saves to. Every check's pass, fail and unknown paths.
//
// What was found about routing (Chromium 156, Playwright 1.65): the service worker's fetches pass
// through `context.route`. On a request fulfilled by the route, a worker fetch with `credentials:
// 'include'` carried a cookie added through `addCookies` as `SameSite=None; Secure`, not one added
// as `SameSite=Lax`: the cookie here is SameSite=None. With a real server and a cookie the browser
// stored from Set-Cookie, Lax and Strict are sent too (scenarios/verify.mjs, both browsers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startWalkthrough, openAlignConnector, openJira, fillAlignFromPanel, generateKeyAndSave,
  createLegacyLinkFromPanel, workerState, panelFill,
} from './walkthrough.mjs';
import { STORE_KEYS, SERVICE_JIRA_USER, DEFAULT_JIRA_USER } from '../fixtures/serve.mjs';
import { FakeJira, SITE, SESSION_COOKIE } from '../fixtures/fake-jira/fake-jira.mjs';

const TOKEN = 'ATATT3xFfGF0verifyfixture0000notarealtoken0000';

/** Outside the Authorize step, Verify with Jira is a collapsed card: open it. */
async function showVerify(panel) {
  if (await panel.locator('#verify-run').isHidden()) await panel.click('#verify > summary');
}

async function verify(w) {
  const panel = w.panel;
  await panel.bringToFront();
  await showVerify(panel);
  // The click disables the button before its first await; it comes back when the run is over.
  await panel.getByRole('button', { name: 'Verify with Jira', exact: true }).click();
  await panel.locator('#verify-run:not([disabled])').waitFor({ timeout: 30_000 });
  return panel.locator('#verify-checks li').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.check, { state: li.dataset.state, text: li.textContent }])));
}

function assertState(checks, id, state) {
  assert.equal(checks[id]?.state, state, `${id}: ${JSON.stringify(checks[id])}`);
}

test('Verify with Jira: consumer, site, session, product access, stored consumer, key test, Basic auth', async () => {
  const w = await startWalkthrough({ jiraScenario: 'empty', alignScenario: 'empty' });
  const fake = new FakeJira({
    readStore: async () => ({
      links: w.jira ? await w.jira.evaluate((k) => JSON.parse(localStorage.getItem(k) || '[]'), STORE_KEYS.jiraLinks) : [],
    }),
    sessionUser: { ...DEFAULT_JIRA_USER, roles: ['jira-software'] },
    accounts: [{ ...SERVICE_JIRA_USER, token: TOKEN, roles: ['jira-software'] }],
  });
  try {
    await fake.route(w.ext.context);
    await w.ext.context.addCookies([{ name: SESSION_COOKIE, value: 'fixture-session', domain: 'acme.atlassian.net', path: '/', secure: true, sameSite: 'None', httpOnly: true }]);

    await openAlignConnector(w);
    await openJira(w);
    await fillAlignFromPanel(w);
    await generateKeyAndSave(w);
    await w.panel.fill('#opt-service-account', SERVICE_JIRA_USER.email);

    // 1. Before the link exists: Jira does not know the consumer; no link to Jira Align.
    let checks = await verify(w);
    if (process.env.VERIFY_DEBUG) console.log(JSON.stringify(fake.requests.map((r) => [r.url, r.headers.cookie ?? null]), null, 1));
    assertState(checks, 'jira-consumer-registered', 'fail');
    assert.match(checks['jira-consumer-registered'].text, /consumer_key_unknown/);
    assertState(checks, 'jira-stored-consumer', 'fail');
    assertState(checks, 'jira-site-identity', 'pass');
    // Logged in as the admin, not the service account, before the Authorize step: a warning.
    assertState(checks, 'jira-session-user', 'warn');
    assert.match(checks['jira-session-user'].text, new RegExp(DEFAULT_JIRA_USER.email.replace('.', '\\.')));
    assertState(checks, 'jira-product-access', 'pass');
    const probe = fake.requests.find((r) => r.url === `${SITE}/plugins/servlet/oauth/request-token`);
    assert.match(probe.headers.authorization, /^OAuth .*oauth_signature_method="RSA-SHA1"/);
    assert.ok(!probe.headers.cookie, 'the OAuth probe carries no cookie');
    const me = fake.requests.find((r) => r.url.startsWith(`${SITE}/rest/api/3/myself`));
    assert.match(me.headers.cookie ?? '', new RegExp(SESSION_COOKIE), 'the session call carries the Jira session');

    // 2. After the link and Incoming Authentication are saved in the fixture's own form.
    await createLegacyLinkFromPanel(w);
    checks = await verify(w);
    assertState(checks, 'jira-consumer-registered', 'pass');
    assert.match(checks['jira-consumer-registered'].text, /signature_invalid/);
    assertState(checks, 'jira-stored-consumer', 'pass');

    // 3. Test with Jira in the key generator: a foreign key is refused by oauthlib's check
    // (signature_invalid); once Jira stores this key's public half, Jira issues a request token.
    await w.panel.click('#keygen > summary'); // the key generator is a collapsed tool
    await w.panel.click('#keygen-run');
    await w.panel.locator('#keygen-result:not([hidden])').waitFor({ timeout: 60_000 });
    await w.panel.getByRole('button', { name: 'Test with Jira' }).click();
    const keyTest = w.panel.locator('#keygen-test-result [data-check="jira-key-test"]');
    await keyTest.waitFor();
    assert.equal(await keyTest.getAttribute('data-state'), 'fail', await keyTest.textContent());
    const publicPem = await w.panel.locator('#keygen-public').inputValue();
    const base64 = publicPem.replace(/-----[^-]+-----|\s/g, '');
    await w.jira.evaluate(([k, b]) => {
      const links = JSON.parse(localStorage.getItem(k));
      for (const l of links) if (l.incoming) l.incoming.publicKey = b;
      localStorage.setItem(k, JSON.stringify(links));
    }, [STORE_KEYS.jiraLinks, base64]);
    await w.panel.getByRole('button', { name: 'Test with Jira' }).click();
    await w.panel.locator('#keygen-test-result [data-check="jira-key-test"][data-state="pass"]').waitFor();
    // Now Jira's stored key is not Jira Align's: the stored-consumer check names it.
    checks = await verify(w);
    assertState(checks, 'jira-stored-consumer', 'fail');
    assert.match(checks['jira-stored-consumer'].text, /public key/);

    // 4. Applinks REST absent: unknown, never fail.
    fake.applinksApi = false;
    checks = await verify(w);
    assertState(checks, 'jira-stored-consumer', 'unknown');
    fake.applinksApi = true;

    // 5. The link is made, so the next step is Authorize: nobody logged in is now a failure.
    fake.sessionUser = null;
    checks = await verify(w);
    assertState(checks, 'jira-session-user', 'fail');
    assert.match(checks['jira-session-user'].text, /Nobody is logged in/);
    assertState(checks, 'jira-product-access', 'unknown');
    fake.sessionUser = { ...SERVICE_JIRA_USER, roles: [] };
    checks = await verify(w);
    assertState(checks, 'jira-session-user', 'pass');
    assertState(checks, 'jira-product-access', 'warn');

    // 6. Basic Auth: the token typed into Jira Align's own field is read at the click and goes
    // once, as Basic auth, cookies omitted; the panel's paste field stays empty.
    await w.panel.selectOption('#opt-auth-type', 'basic');
    await w.panel.fill('#opt-username', SERVICE_JIRA_USER.email);
    await w.panel.waitForFunction(() => document.getElementById('row-username')?.hidden === false);
    await panelFill(w, 'align'); // Jira Align's form to Basic Auth, with the username
    await w.align.locator('#txtJiraPassword').fill(TOKEN);
    await w.panel.locator('#api-token-state:not([hidden])').waitFor();
    await showVerify(w.panel);
    assert.equal(await w.panel.locator('#verify-api-token').inputValue(), '');
    let seen = fake.requests.length;
    checks = await verify(w);
    assertState(checks, 'basic-auth-credentials', 'pass');
    assert.match(checks['basic-auth-credentials'].text, /typed in Jira Align/);
    const carries = (r) => JSON.stringify(r.headers).includes(Buffer.from(`${SERVICE_JIRA_USER.email}:${TOKEN}`).toString('base64'));
    let withToken = fake.requests.slice(seen).filter(carries);
    assert.equal(withToken.length, 1, 'the token went in exactly one request');
    assert.equal(new URL(withToken[0].url).origin, SITE);
    assert.ok(!withToken[0].headers.cookie, 'no cookie with the Basic-auth call');

    // A field Linksmith may not read (hidden: Jira Align's form back on OAuth) is not read: the
    // token pasted into the panel is used instead, once, and the field is cleared.
    await w.align.selectOption('#ddlAuthType', 'oauth');
    await w.panel.fill('#verify-api-token', TOKEN);
    seen = fake.requests.length;
    checks = await verify(w);
    assertState(checks, 'basic-auth-credentials', 'pass');
    assert.match(checks['basic-auth-credentials'].text, /pasted in the panel/);
    assert.equal(await w.panel.locator('#verify-api-token').inputValue(), '', 'the field is cleared after use');
    withToken = fake.requests.slice(seen).filter(carries);
    assert.equal(withToken.length, 1, 'the token went in exactly one request');
    await w.panel.fill('#verify-api-token', `${TOKEN}x`);
    checks = await verify(w);
    assertState(checks, 'basic-auth-credentials', 'fail');
    assert.match(checks['basic-auth-credentials'].text, /expired|scoped/);
    // Nothing of the token in any storage area.
    const dump = await w.panel.evaluate(async () => JSON.stringify([
      await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null)]));
    assert.ok(dump.includes(SERVICE_JIRA_USER.email), 'the dump is real: the service account email is stored');
    assert.ok(!dump.includes(TOKEN.slice(0, 16)), 'the token is not stored');
    assert.ok((await workerState(w)).options.serviceAccountEmail === SERVICE_JIRA_USER.email);
  } finally {
    fake.close();
    await w.ext.close();
  }
});
