// The panel's own inputs go through the same Rust rules as the page fields they feed, and a value
// the rule rejects is never planned into a fill (issue 13 part 9); admin tabs open before the
// extension was re-enabled are picked up without a reload (issue 16, first run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inWalkthrough, openAlignConnector, panelFill, workerState } from './walkthrough.mjs';

test('a half-typed Jira site shows its rule\'s message under the input and is never filled', async () => {
  await inWalkthrough(async (w) => {
    await openAlignConnector(w);
    await w.panel.bringToFront();
    for (const typed of ['acme', 'https://acme.atl']) {
      await w.panel.fill('#opt-jira-site', typed);
      const problems = w.panel.locator('#opt-jira-site-problems li[data-severity="error"]');
      await problems.first().waitFor();
      const text = (await problems.allTextContents()).join(' ');
      assert.doesNotMatch(text, /Failed to construct|Invalid URL/, typed);
      assert.match(text, /Jira (API URL|site)/, `${typed}: the message names the field`);
      assert.equal(await w.panel.locator('#opt-jira-site').getAttribute('aria-invalid'), 'true');
      assert.equal((await workerState(w)).options.jiraSiteUrl, '', `${typed} is not an option`);
      const status = await panelFill(w, 'align');
      for (const id of ['#txtJiraApiUrl', '#txtJiraLink']) {
        assert.equal(await w.align.locator(id).inputValue(), '', `${typed} was not filled into ${id} (${status})`);
      }
    }
    // Finished, it is saved as the site's origin and filled.
    await w.panel.fill('#opt-jira-site', 'https://acme.atlassian.net/');
    await w.panel.locator('#opt-jira-site-problems li').first().waitFor({ state: 'detached' });
    assert.equal(await w.panel.locator('#opt-jira-site').getAttribute('aria-invalid'), null);
    await panelFill(w, 'align');
    assert.equal(await w.align.locator('#txtJiraApiUrl').inputValue(), 'https://acme.atlassian.net');
    assert.equal(await w.align.locator('#txtJiraLink').inputValue(), 'https://acme.atlassian.net/browse/');
  });
});

test('a Jira Align tab open before the extension was re-enabled is picked up without a reload', async () => {
  await inWalkthrough(async (w) => {
    await openAlignConnector(w);
    // Disabled and enabled again (as in chrome://extensions): the extension restarts, its state
    // is gone, and the open tab's old content scripts are cut off from it.
    const extensions = await w.ext.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate((id) => chrome.management.setEnabled(id, false), w.ext.extensionId);
    await extensions.evaluate((id) => chrome.management.setEnabled(id, true), w.ext.extensionId);
    await extensions.close();
    const panel = await w.ext.context.newPage();
    await panel.goto(w.ext.extensionUrl('panel/panel.html'));
    // No reload of the Jira Align tab: the worker injected the content scripts into it.
    await panel.locator('#tab-align[data-detected="true"]').waitFor({ timeout: 10_000 });
    assert.equal(await panel.locator('#checklist [data-current-step]').getAttribute('data-step'), 'fill-align');
  });
});
