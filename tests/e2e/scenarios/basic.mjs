// Basic Auth through the panel: it fills Jira Link, Jira API URL, the type and the username; the
// API token is the admin's to type, and its shape is checked in place (where a stray space is)
// without the token being shown, while the OAuth checks are left out.
import assert from 'node:assert/strict';
import {
  startWalkthrough, openAlignConnector, openJira, panelFill, waitForCheck, checkStates, storageDump,
} from './steps.mjs';

const TOKEN = 'ATATT3xFfGF0 fixture-not-a-real-token-0000';

export async function basicAuthFilled(browser) {
  const w = await startWalkthrough(browser);
  await openAlignConnector(w);
  await openJira(w);
  await w.panel.front();
  await w.panel.select('#opt-auth-type', 'basic');
  await w.panel.fill('#opt-username', 'svc-align@acme.com');
  assert.equal(await w.panel.disabled('#fill-jira'), true, 'no application link with Basic Auth');
  assert.match(await panelFill(w, 'align'), /Filled: /);
  assert.equal(await w.align.value('#ddlAuthType'), 'basic');
  assert.equal(await w.align.value('#txtJiraUsername'), 'svc-align@acme.com');
  assert.equal(await w.align.value('#txtJiraApiUrl'), 'https://acme.atlassian.net');
  assert.equal(await w.align.value('#txtJiraPassword'), '', 'the token is the person\'s to type');

  // A token pasted with a space inside: the panel says where, without showing it.
  await w.align.type('#txtJiraPassword', TOKEN);
  const problem = (code) => `#api-token-problems li[data-code="${code}"]`;
  await w.panel.waitFor(problem('api-token-whitespace-inside'), { timeout: 15_000 });
  assert.match(await w.panel.text('#api-token-problems'), /position 13/);
  await w.align.fill('#txtJiraPassword', TOKEN.replace(' ', ''));
  await w.panel.waitFor(problem('api-token-whitespace-inside'), { state: 'detached', timeout: 15_000 });
  await w.panel.waitFor(problem('api-token-atlassian-format'), { timeout: 15_000 });

  for (const id of ['auth-type', 'username-format', 'jira-api-url-match', 'jira-link-match']) await waitForCheck(w, id, 'pass');
  const states = await checkStates(w);
  assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'pass'), [], JSON.stringify(states));
  assert.ok(!('consumer-key-match' in states), 'OAuth checks are left out with Basic Auth');

  // The token is nowhere in the extension: not in any storage area, not in the panel.
  const dump = await storageDump(w);
  for (const piece of ['ATATT3xFf', 'fixture-not-a-real', TOKEN.slice(-12)]) {
    assert.ok(!dump.includes(piece), `storage holds part of the token: ${piece}`);
    assert.ok(!(await w.panel.html()).includes(piece), 'the panel shows part of the token');
  }
}
