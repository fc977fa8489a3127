// "Verify with Jira" against the fake Jira (tests/fixtures/fake-jira/) when the addresses or the
// answers are not the happy ones: a renamed site, another tenant, an unreachable host, the API
// gateway form; a request that hangs (the 10 s limit and Cancel), an HTML login page instead of
// JSON, a 5xx, and a redirect to another host. Each test starts its own browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWalkthrough, openAlignConnector, openJira, fillAlignFromPanel, workerState, waitForCheck } from './walkthrough.mjs';
import { DEFAULT_JIRA_USER } from '../fixtures/serve.mjs';
import {
  FakeJira, SITE, OLD_SITE, OTHER_SITE, GONE_SITE, GATEWAY, CLOUD_ID, OTHER_CLOUD_ID, SESSION_COOKIE,
} from '../fixtures/fake-jira/fake-jira.mjs';

/** A walkthrough with the fake Jira, both closed when test `t` ends (passed or failed, set up or not). */
async function setUp(t) {
  const w = await startWalkthrough({ jiraScenario: 'empty', alignScenario: 'empty' });
  t.after(() => w.ext.close());
  const fake = new FakeJira({ readStore: async () => ({ links: [] }), sessionUser: { ...DEFAULT_JIRA_USER, roles: ['jira-software'] } });
  t.after(() => fake.close());
  await fake.route(w.ext.context);
  await w.ext.context.addCookies([{ name: SESSION_COOKIE, value: 'fixture-session', domain: 'acme.atlassian.net', path: '/', secure: true, sameSite: 'None', httpOnly: true }]);
  // Every request the browser makes, wherever it goes (the fake records only its own hosts).
  w.seen = [];
  w.ext.context.on('request', (r) => w.seen.push(r.url()));
  await openAlignConnector(w);
  await openJira(w);
  await fillAlignFromPanel(w);
  return { w, fake };
}

/** A test in its own browser with the fake Jira routed, both closed however the test ends. */
function fakeJiraTest(name, body) {
  test(name, async (t) => {
    const { w, fake } = await setUp(t);
    await body(w, fake);
  });
}

/** Types Jira Link and Jira API URL in the Jira Align form and waits until the worker has them. */
async function setAlignUrls(w, jiraLink, jiraApiUrl) {
  await w.align.bringToFront();
  await w.align.fill('#txtJiraLink', jiraLink);
  await w.align.fill('#txtJiraApiUrl', jiraApiUrl);
  const until = Date.now() + 10_000;
  for (;;) {
    const f = (await workerState(w)).sides.align?.fields ?? {};
    if (f.jiraLink?.value === jiraLink && f.jiraApiUrl?.value === jiraApiUrl) return;
    assert.ok(Date.now() < until, `the worker never saw ${jiraLink} / ${jiraApiUrl}: ${JSON.stringify([f.jiraLink, f.jiraApiUrl])}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const readChecks = (panel) => panel.locator('#verify-checks li')
  .evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.check, { state: li.dataset.state, text: li.textContent }])));

async function verify(w) {
  await w.panel.bringToFront();
  // Outside the Authorize step the action sits in a collapsed card: open it, as an admin would.
  if (await w.panel.locator('#verify-run').isHidden()) await w.panel.click('#verify > summary');
  await w.panel.getByRole('button', { name: 'Verify with Jira', exact: true }).click();
  await w.panel.locator('#verify-run:not([disabled])').waitFor({ timeout: 30_000 });
  return readChecks(w.panel);
}

function assertCheck(checks, id, state, pattern) {
  assert.equal(checks[id]?.state, state, `${id}: ${JSON.stringify(checks[id])}`);
  if (pattern) assert.match(checks[id].text, pattern, id);
}

fakeJiraTest('jira-site-identity: renamed site, another site, unreachable host, the API gateway form', async (w, fake) => {
  // The gateway form before Verify ran: the cross-tab check names the cloudId and leaves the
  // comparison to Verify with Jira, instead of calling api.atlassian.com another site.
  await setAlignUrls(w, `${SITE}/browse/`, `${GATEWAY}/ex/jira/${CLOUD_ID}`);
  await waitForCheck(w, 'jira-api-url-match', 'unknown');
  await waitForCheck(w, 'jira-api-url-format', 'pass');
  const before = await w.panel.locator('#checks [data-check="jira-api-url-match"]').textContent();
  assert.match(before, new RegExp(`cloudId ${CLOUD_ID}.*Verify with Jira`));
  assert.doesNotMatch(before, /another/);
  // Verify learned the site's cloudId: the same one passes, another fails as another site.
  await verify(w);
  await waitForCheck(w, 'jira-api-url-match', 'pass');
  await setAlignUrls(w, `${SITE}/browse/`, `${GATEWAY}/ex/jira/${OTHER_CLOUD_ID}`);
  await waitForCheck(w, 'jira-api-url-match', 'fail');
  assert.match(await w.panel.locator('#checks [data-check="jira-api-url-match"]').textContent(), /another Jira site/);

  // The old name answers the same cloudId as the Jira tab's site: a renamed site.
  await setAlignUrls(w, `${OLD_SITE}/browse/`, OLD_SITE);
  let checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'fail', /acme-old\.atlassian\.net, an old name of this site/);
  assert.match(checks['jira-site-identity'].text, /Put https:\/\/acme\.atlassian\.net in both Jira Link and Jira API URL/);
  assert.ok(fake.requests.some((r) => r.url === `${OLD_SITE}/_edge/tenant_info`), 'the old host was asked');
  // Asked once for both fields (same origin).
  assert.equal(fake.requests.filter((r) => r.url === `${OLD_SITE}/_edge/tenant_info`).length, 1);

  await setAlignUrls(w, `${OTHER_SITE}/browse/`, OTHER_SITE);
  checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'fail', new RegExp(`different Jira site \\(cloudId ${OTHER_CLOUD_ID}\\)`));

  await setAlignUrls(w, `${GONE_SITE}/browse/`, GONE_SITE);
  checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'unknown', /gone\.atlassian\.net/);
  assert.doesNotMatch(checks['jira-site-identity'].text, /different Jira site|old name/);

  // Scoped tokens: the Jira API URL in the gateway form for this site's cloudId passes.
  await setAlignUrls(w, `${SITE}/browse/`, `${GATEWAY}/ex/jira/${CLOUD_ID}`);
  checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'pass', new RegExp(`API gateway for this site \\(cloudId ${CLOUD_ID}\\)`));
  await setAlignUrls(w, `${SITE}/browse/`, `${GATEWAY}/ex/jira/${OTHER_CLOUD_ID}`);
  checks = await verify(w);
  assertCheck(checks, 'jira-site-identity', 'fail', /API gateway for another site/);
});

fakeJiraTest('Verify with Jira: a hanging request ends at Cancel, or at the 10 s limit, as unknown', async (w, fake) => {
  fake.override = (u) => (u.origin === SITE && u.pathname === '/_edge/tenant_info' ? 'hang' : null);
  await w.panel.bringToFront();
  // Outside the Authorize step the action sits in a collapsed card: open it, as an admin would.
  if (await w.panel.locator('#verify-run').isHidden()) await w.panel.click('#verify > summary');
  await w.panel.getByRole('button', { name: 'Verify with Jira', exact: true }).click();
  const cancel = w.panel.getByRole('button', { name: 'Cancel', exact: true });
  await cancel.waitFor();
  const until = Date.now() + 5_000;
  while (!fake.requests.some((r) => r.url === `${SITE}/_edge/tenant_info`)) {
    assert.ok(Date.now() < until, 'the hanging request was made');
    await new Promise((r) => setTimeout(r, 50));
  }
  const clicked = Date.now();
  await cancel.click();
  await w.panel.locator('#verify-run:not([disabled])').waitFor({ timeout: 5_000 });
  assert.ok(Date.now() - clicked < 5_000, 'Cancel ends the run at once');
  let checks = await readChecks(w.panel);
  assertCheck(checks, 'jira-site-identity', 'unknown', /was cancelled/);
  assert.match(await w.panel.locator('#verify-status').textContent(), /cancel/i);

  // Without Cancel, the request gives up at 10 s.
  const started = Date.now();
  checks = await verify(w);
  const took = Date.now() - started;
  assertCheck(checks, 'jira-site-identity', 'unknown', /did not answer within 10 seconds/);
  assert.ok(took >= 9_000 && took < 20_000, `ended after ${took} ms`);
});

fakeJiraTest('Verify with Jira: an HTML login page, a 5xx and a redirect to another host are reported, never followed with credentials', async (w, fake) => {
  fake.override = (u) => {
    if (u.pathname === '/rest/api/3/myself') {
      return { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: '<!DOCTYPE html><html><title>Log in with Atlassian account</title></html>' };
    }
    if (u.pathname === '/plugins/servlet/oauth/request-token') return { status: 503, headers: { 'content-type': 'text/html' }, body: '<html>Service Unavailable</html>' };
    return null;
  };
  let checks = await verify(w);
  // A login page where JSON was asked for means no session: nobody logged in (a warning before
  // the Authorize step), never a user.
  assertCheck(checks, 'jira-session-user', 'warn', /Nobody is logged in/);
  assertCheck(checks, 'jira-product-access', 'unknown');
  assertCheck(checks, 'jira-consumer-registered', 'unknown', /503/);

  fake.override = (u) => (u.pathname === '/rest/api/3/myself'
    ? { status: 302, headers: { location: 'https://login.example.com/steal' }, body: '' } : null);
  checks = await verify(w);
  assertCheck(checks, 'jira-session-user', 'unknown', /redirect/);
  assert.ok(!w.seen.some((u) => u.startsWith('https://login.example.com/')), `no request followed the redirect: ${w.seen.filter((u) => !u.includes('atlassian') && !u.includes('jiraalign')).join(' ')}`);
});
