// Classic mistakes made by hand in the pages after a correct walkthrough: the right check turns
// `fail` with the right fix, and back to `pass` once corrected.
import assert from 'node:assert/strict';
import { startWalkthrough, fullOAuthFlow, waitForCheck, retype, CONSUMER_KEY } from './steps.mjs';

export async function mismatchCaught(browser) {
  const w = await startWalkthrough(browser);
  await fullOAuthFlow(w, { ui: 'legacy' });
  const checkText = (id) => w.panel.text(`#checks [data-check="${id}"]`);

  // The consumer key in another case in Jira Align: Jira would answer consumer_key_unknown.
  await retype(w.align, '#txtConsumerKey', CONSUMER_KEY.toLowerCase());
  await waitForCheck(w, 'consumer-key-match', 'fail');
  assert.match(await checkText('consumer-key-match'), /case/i);
  assert.match(await checkText('consumer-key-match'), /consumer_key_unknown/);
  await retype(w.align, '#txtConsumerKey', CONSUMER_KEY);
  await waitForCheck(w, 'consumer-key-match', 'pass');

  // Generate New Key clicked again after the key was pasted into Jira.
  await w.align.click('#btnGenerateKey');
  await waitForCheck(w, 'public-key-match', 'fail');
  assert.match(await checkText('public-key-match'), /Generate New Key/);
  assert.match(await checkText('public-key-match'), /signature_invalid/);
}
