// "Verify with Jira" in both browsers, against the fake Jira behind a real HTTPS server
// (tests/fixtures/fake-jira/server.mjs) that the browser reaches through its own network stack:
// Firefox's background fetches are not seen by puppeteer's request interception, and only a real
// server shows what the browser itself does with a session cookie it stored from Set-Cookie
// (SameSite=Lax and Strict) and with a real 301 from a renamed site.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { startWalkthrough, openAlignConnector, openJira, fillAlignFromPanel, panelFill, panelSees } from './steps.mjs';
import { DEFAULT_JIRA_USER, SERVICE_JIRA_USER } from '../../fixtures/serve.mjs';
import { FakeJira, SITE, OLD_SITE, SESSION_COOKIE } from '../../fixtures/fake-jira/fake-jira.mjs';
import { serveFakeJira } from '../../fixtures/fake-jira/server.mjs';

const TOKEN = 'ATATT3xFfGF0scenariofixture000notarealtoken0000';

export async function verify(w) {
  const { panel } = w;
  await panel.front();
  // Outside the Authorize step the action sits in a collapsed card: open it, as an admin would.
  if (!(await panel.evaluate(() => document.getElementById('verify-run').checkVisibility()))) await panel.click('#verify > summary');
  await panel.click('#verify-run');
  await panel.waitFor('#verify-run:not([disabled])', { state: 'attached', timeout: 30_000 });
  return panel.evaluate(() => Object.fromEntries([...document.querySelectorAll('#verify-checks li')]
    .map((li) => [li.dataset.check, { state: li.dataset.state, text: li.textContent }])));
}

export function assertCheck(checks, id, state, pattern) {
  assert.equal(checks[id]?.state, state, `${id}: ${JSON.stringify(checks[id])}`);
  if (pattern) assert.match(checks[id].text, pattern, id);
}

/** A top-level visit that makes the browser store the fake's session cookie itself. */
async function logIn(w, sameSite) {
  const page = await w.browser.openPage(`${SITE}/_fake/login?sameSite=${sameSite}`);
  await page.waitForText('p', `SameSite=${sameSite}`);
  await page.close();
}

const myselfCalls = (fake, from) => fake.requests.slice(from).filter((r) => r.url.startsWith(`${SITE}/rest/api/3/myself`));

/** The walkthrough with both admin tabs open, the fake Jira's requests going to its server. */
export async function startAgainstServer(browser, fake) {
  const w = await startWalkthrough(browser);
  await fake.route(browser.fixtures, { network: true });
  await openAlignConnector(w);
  await openJira(w);
  return w;
}

export async function verifyWithJira(browser, server) {
  const { fake } = server;
  const w = await startAgainstServer(browser, fake);
  await fillAlignFromPanel(w);
  await w.panel.fill('#opt-service-account', SERVICE_JIRA_USER.email);

  // Not logged in yet: no cookie, nobody (a warning before the Authorize step).
  let seen = fake.requests.length;
  let checks = await verify(w);
  assert.ok(myselfCalls(fake, seen).every((r) => !r.headers.cookie), 'no cookie before the login');
  assertCheck(checks, 'jira-session-user', 'warn', /Nobody is logged in/);
  // The OAuth probe, signed in this browser's worker with a WebCrypto throwaway key over the
  // core's base string: Jira (no link yet) answers that it does not know the consumer.
  assertCheck(checks, 'jira-consumer-registered', 'fail', /consumer_key_unknown/);

  // The Jira session, as the browser keeps it: the session calls must see the logged-in admin
  // whether Jira's cookie is SameSite=Lax or Strict.
  for (const sameSite of ['Lax', 'Strict']) {
    await logIn(w, sameSite);
    seen = fake.requests.length;
    checks = await verify(w);
    const calls = myselfCalls(fake, seen);
    assert.ok(calls.length >= 1, 'the session call was made');
    assert.ok(calls.every((r) => String(r.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)), `SameSite=${sameSite}: the session call carries the cookie (${browser.name})`);
    assertCheck(checks, 'jira-session-user', 'warn', new RegExp(DEFAULT_JIRA_USER.email.replace(/\./g, '\\.')));
    assertCheck(checks, 'jira-site-identity', 'pass');
  }

  // A renamed site: the old name really redirects (301) to the new one, which is followed for
  // tenant_info only, and without credentials.
  await w.align.front();
  await w.align.fill('#txtJiraLink', `${OLD_SITE}/browse/`);
  await w.align.fill('#txtJiraApiUrl', OLD_SITE);
  await panelSees(w, 'align', (s) => s?.fields?.jiraApiUrl?.value === OLD_SITE && s?.fields?.jiraLink?.value === `${OLD_SITE}/browse/`, 'the old site name in both fields');
  seen = fake.requests.length;
  checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'fail', /acme-old\.atlassian\.net, an old name of this site/);
  assert.match(checks['jira-site-identity'].text, /Put https:\/\/acme\.atlassian\.net in both Jira Link and Jira API URL/);
  const asked = fake.requests.slice(seen).map((r) => r.url);
  assert.equal(asked.filter((u) => u === `${OLD_SITE}/_edge/tenant_info`).length, 1, 'the old host was asked once');
  // The Jira tab's own lookup, and the one the 301 led to.
  assert.equal(asked.filter((u) => u === `${SITE}/_edge/tenant_info`).length, 2, `the redirect was followed: ${asked.join(' ')}`);
  for (const r of fake.requests.slice(seen).filter((x) => x.url.startsWith(OLD_SITE) || x.url === `${SITE}/_edge/tenant_info`)) {
    assert.ok(!r.headers.cookie && !r.headers.authorization, `no credentials to ${r.url}`);
  }
  await w.align.fill('#txtJiraLink', `${SITE}/browse/`);
  await w.align.fill('#txtJiraApiUrl', SITE);
  await panelSees(w, 'align', (s) => s?.fields?.jiraApiUrl?.value === SITE, 'the site name back');

  // Basic Auth: the token typed into Jira Align's field, read at the click, in one header.
  await w.panel.select('#opt-auth-type', 'basic');
  await w.panel.fill('#opt-username', SERVICE_JIRA_USER.email);
  await panelFill(w, 'align');
  await w.align.fill('#txtJiraPassword', TOKEN);
  await w.panel.waitFor('#api-token-state', { timeout: 15_000 });
  seen = fake.requests.length;
  checks = await verify(w);
  assertCheck(checks, 'basic-auth-credentials', 'pass', /typed in Jira Align/);
  const basic = Buffer.from(`${SERVICE_JIRA_USER.email}:${TOKEN}`).toString('base64');
  const carrying = fake.requests.slice(seen).filter((r) => JSON.stringify(r.headers).includes(basic));
  assert.equal(carrying.length, 1, 'the token went in exactly one request');
  assert.ok(!carrying[0].headers.cookie, 'without the session cookie');
}

/** The fake Jira behind its server, made before the browser starts (a scenario's setUp): the
 * browser maps the fixture hosts to the server's address (browsers.test.mjs passes launchOptions
 * to the platform's launch). */
export async function serveFake(options, launchOptions = {}) {
  const fake = new FakeJira(options);
  try {
    const server = await serveFakeJira(fake);
    return { fake, launchOptions: { ...server.launchOptions, ...launchOptions }, close: async () => { fake.close(); await server.close(); } };
  } catch (error) {
    fake.close();
    throw error;
  }
}

verifyWithJira.setUp = () => serveFake({
  readStore: async () => ({ links: [] }),
  sessionUser: { ...DEFAULT_JIRA_USER, roles: ['jira-software'] },
  accounts: [{ ...SERVICE_JIRA_USER, token: TOKEN, roles: ['jira-software'] }],
});
