// Classic mistakes made by hand in the pages after a correct walkthrough: the right check turns
// `fail` with the right fix, and back to `pass` once corrected: the consumer key's case, a key
// generated again after pasting, a Jira API URL with its REST path, a Jira Link for another site,
// an Application URL typo.
import assert from 'node:assert/strict';
import { startWalkthrough, fullOAuthFlow, waitForCheck, retype, panelSees, CONSUMER_KEY } from './steps.mjs';

/** Retypes the Jira Align consumer key and waits until the background has the whole new value
 * (the page reports as the keys are typed; a check seen mid-word is about a partial key). */
async function retypeAlignKey(w, text) {
  await retype(w.align, '#txtConsumerKey', text);
  await panelSees(w, 'align', (s) => s?.fields?.consumerKey?.value === text, `the Jira Align consumer key ${text}`);
}

export async function mismatchCaught(browser) {
  const w = await startWalkthrough(browser);
  await fullOAuthFlow(w);
  const checkText = (id) => w.panel.text(`#checks [data-check="${id}"]`);

  // The consumer key in another case in Jira Align: Jira would answer consumer_key_unknown.
  await retypeAlignKey(w, CONSUMER_KEY.toLowerCase());
  await waitForCheck(w, 'consumer-key-match', 'fail');
  assert.match(await checkText('consumer-key-match'), /case/i);
  assert.match(await checkText('consumer-key-match'), /consumer_key_unknown/);
  await retypeAlignKey(w, CONSUMER_KEY);
  await waitForCheck(w, 'consumer-key-match', 'pass');

  // Generate New Key clicked again after the key was pasted into Jira.
  const before = await w.align.value('#txtPublicKey');
  await w.align.front();
  await w.align.click('#btnGenerateKey');
  await w.align.waitForFunction((pem) => document.querySelector('#txtPublicKey').value !== pem, before, { timeout: 30_000 });
  await w.panel.front();
  await waitForCheck(w, 'public-key-match', 'fail', 30_000);
  assert.match(await checkText('public-key-match'), /Generate New Key/);
  assert.match(await checkText('public-key-match'), /signature_invalid/);

  // Jira API URL ending in /rest/api/2: the format check gives the corrected value. (The page
  // typed into is in view, as the admin's would be: a background tab's timers are throttled.)
  await w.align.front();
  await retype(w.align, '#txtJiraApiUrl', 'https://acme.atlassian.net/rest/api/2');
  await waitForCheck(w, 'jira-api-url-format', 'fail');
  assert.match(await checkText('jira-api-url-format'), /https:\/\/acme\.atlassian\.net(?!\/rest)/);
  await retype(w.align, '#txtJiraApiUrl', 'https://acme.atlassian.net');
  await waitForCheck(w, 'jira-api-url-format', 'pass');

  // Jira Link for another site.
  await retype(w.align, '#txtJiraLink', 'https://other.atlassian.net/browse/');
  await waitForCheck(w, 'jira-link-match', 'fail');
  assert.match(await checkText('jira-link-match'), /acme\.atlassian\.net/);
  await retype(w.align, '#txtJiraLink', 'https://acme.atlassian.net/browse/');
  await waitForCheck(w, 'jira-link-match', 'pass');

  // An Application URL typo in Jira.
  await w.jira.front();
  await w.jira.reload();
  await retype(w.jira, '#applinks-url-entered', 'https://acme.jiraalgin.com');
  await waitForCheck(w, 'application-url-match', 'fail');
  assert.match(await checkText('application-url-match'), /acme\.jiraalign\.com/);
}
