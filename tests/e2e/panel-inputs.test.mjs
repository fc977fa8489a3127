// The panel's own inputs go through the same Rust rules as the page fields they feed, and a value
// the rule rejects is never planned into a fill (issue 13 part 9); admin tabs open before the
// extension was updated are picked up without a reload (issue 16, first run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWalkthrough, openJira, openAlignConnector, panelFill, workerState } from './walkthrough.mjs';

test('a half-typed site shows its rule\'s message under the input and is never filled', async () => {
  const w = await startWalkthrough();
  try {
    await openJira(w);
    await w.panel.bringToFront();
    for (const typed of ['acme', 'https://acme.atl']) {
      await w.panel.fill('#opt-align-site', typed);
      const problems = w.panel.locator('#opt-align-site-problems li[data-severity="error"]');
      await problems.first().waitFor();
      const text = await problems.allTextContents();
      assert.doesNotMatch(text.join(' '), /Failed to construct|Invalid URL/, typed);
      assert.match(text.join(' '), /Application URL/, `${typed}: the message names the field`);
      assert.equal(await w.panel.locator('#opt-align-site').getAttribute('aria-invalid'), 'true');
      assert.equal((await workerState(w)).options.alignSiteUrl, '', `${typed} is not an option`);
      const status = await panelFill(w, 'jira');
      assert.equal(await w.jira.locator('#applinks-url-entered').inputValue(), '', `${typed} was not filled (${status})`);
    }
    // Corrected, it is saved as the site's origin and filled.
    await w.panel.fill('#opt-align-site', 'https://acme.jiraalign.com/');
    await w.panel.locator('#opt-align-site-problems li').first().waitFor({ state: 'detached' }).catch(() => {});
    await panelFill(w, 'jira');
    assert.equal(await w.jira.locator('#applinks-url-entered').inputValue(), 'https://acme.jiraalign.com');
    assert.equal(await w.panel.locator('#opt-align-site').getAttribute('aria-invalid'), null);
  } finally {
    await w.ext.close();
  }
});

test('a Jira Align tab open before the extension was updated is picked up without a reload', async () => {
  const w = await startWalkthrough();
  try {
    await openAlignConnector(w);
    // An update (or a re-enable) restarts the extension: its pages close, its state is gone, and
    // the open tab's content scripts are cut off from it.
    const next = w.ext.context.waitForEvent('serviceworker', { timeout: 15_000 });
    await w.ext.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
    await next;
    const panel = await w.ext.context.newPage();
    await panel.goto(w.ext.extensionUrl('panel/panel.html'));
    // No reload of the Jira Align tab: the worker injected the content scripts into it.
    await panel.locator('#tab-align[data-detected="true"]').waitFor({ timeout: 10_000 });
    assert.equal(await panel.locator('#checklist [data-current-step]').getAttribute('data-step'), 'fill-align');
  } finally {
    await w.ext.close();
  }
});
