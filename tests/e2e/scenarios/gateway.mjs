// "Verify with Jira" for a scoped API token (Atlassian service accounts can make only those),
// which works only through the API gateway: Basic Auth with Jira API URL in the gateway form
// `https://api.atlassian.com/ex/jira/<cloudId>`. The panel asks for the optional host permission
// https://api.atlassian.com/* at the Verify click, and the worker sends the token once, as Basic
// auth, to `<gateway URL>/rest/api/3/myself` on the real HTTPS fake Jira (server.mjs), which the
// browser reaches for api.atlassian.com too.
//
// Firefox only: Chromium's permission prompt cannot be answered in a headless browser, and it has
// no switch to grant without one; Firefox's pref extensions.webextOptionalPermissionPrompts=false
// grants at the request (platform/firefox.mjs, `grantOptionalPermissions`).
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { panelFill, panelSees } from './steps.mjs';
import { verify, assertCheck, serveFake, startAgainstServer } from './verify.mjs';
import { DEFAULT_JIRA_USER, SERVICE_JIRA_USER } from '../../fixtures/serve.mjs';
import { GATEWAY, CLOUD_ID } from '../../fixtures/fake-jira/fake-jira.mjs';

const SCOPED_TOKEN = 'ATATT3xFfGF0gatewayscopedfixture0notarealtoken00';
const GATEWAY_PERMISSION = { origins: [`${GATEWAY}/*`] };
const GATEWAY_URL = `${GATEWAY}/ex/jira/${CLOUD_ID}`;

const granted = (w) => w.panel.evaluate((p) => chrome.permissions.contains(p), GATEWAY_PERMISSION);

/** The requests since `from` that carry `token` for the service account, in any header. */
function carrying(fake, from, token) {
  const basic = Buffer.from(`${SERVICE_JIRA_USER.email}:${token}`).toString('base64');
  return fake.requests.slice(from).filter((r) => JSON.stringify(r.headers).includes(basic));
}

export async function verifyThroughGateway(browser, server) {
  const { fake } = server;
  const w = await startAgainstServer(browser, fake);
  await w.panel.front();
  await w.panel.select('#opt-auth-type', 'basic');
  await w.panel.fill('#opt-username', SERVICE_JIRA_USER.email);
  await w.panel.fill('#opt-service-account', SERVICE_JIRA_USER.email);
  assert.match(await panelFill(w, 'align'), /Filled: /);
  // The gateway form for this site's cloudId, and the scoped token, typed by the admin.
  await w.align.front();
  await w.align.fill('#txtJiraApiUrl', GATEWAY_URL);
  await w.align.fill('#txtJiraPassword', SCOPED_TOKEN);
  await panelSees(w, 'align', (s) => s?.fields?.jiraApiUrl?.value === GATEWAY_URL, 'the gateway URL in Jira API URL');
  await w.panel.waitFor('#api-token-state', { timeout: 15_000 });
  assert.equal(await granted(w), false, 'api.atlassian.com is not granted before the click (never at install)');

  let seen = fake.requests.length;
  let checks = await verify(w);
  assert.equal(await granted(w), true, 'the Verify click asked for api.atlassian.com and it was granted');
  assert.doesNotMatch(await w.panel.text('#verify-status'), /Without access to api\.atlassian\.com/);
  assertCheck(checks, 'basic-auth-credentials', 'pass', /typed in Jira Align.*accepted it .*at .*api\.atlassian\.com/);
  const sent = carrying(fake, seen, SCOPED_TOKEN);
  assert.deepEqual(sent.map((r) => r.url), [`${GATEWAY_URL}/rest/api/3/myself`], 'the token went to the gateway only, once');
  assert.ok(!sent[0].headers.cookie, 'without cookies');

  // A wrong token: the gateway answers 401, and the check names the causes.
  await w.align.front();
  await w.align.fill('#txtJiraPassword', `${SCOPED_TOKEN}x`);
  await panelSees(w, 'align', (s) => Boolean(s), 'the Jira Align tab');
  seen = fake.requests.length;
  checks = await verify(w);
  assertCheck(checks, 'basic-auth-credentials', 'fail', /api\.atlassian\.com.*answered 401/);
  assert.match(checks['basic-auth-credentials'].text, /the email is not the account's, or the API token is wrong, expired or revoked/);
  assert.deepEqual(carrying(fake, seen, `${SCOPED_TOKEN}x`).map((r) => r.url), [`${GATEWAY_URL}/rest/api/3/myself`], 'the wrong token went to the gateway only, once');
}

verifyThroughGateway.skip = { chromium: 'Chromium\'s permission prompt for api.atlassian.com cannot be answered headless (no pref grants without it); the Firefox run covers this' };
verifyThroughGateway.setUp = () => serveFake({
  readStore: async () => ({ links: [] }),
  sessionUser: { ...DEFAULT_JIRA_USER, roles: ['jira-software'] },
  accounts: [{ ...SERVICE_JIRA_USER, token: SCOPED_TOKEN, scoped: true, roles: ['jira-software'] }],
}, { grantOptionalPermissions: true });
