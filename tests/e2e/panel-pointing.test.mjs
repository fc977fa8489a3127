// The panel's side of "Point to the field" and "Describe this page": a button beside each field of
// the current step, the admin's click in the page becomes a kept binding listed with Remove, and an
// unrecognised admin page offers a description with no typed value in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inWalkthrough, openAlignConnector } from './walkthrough.mjs';

/** Each test in a browser of its own, so any one runs alone. */
const alone = (body) => () => inWalkthrough(body);

test('Point to the field: the click in the page is kept, listed, and removable', alone(async (w) => {
  await openAlignConnector(w);
  await w.panel.bringToFront();
  const current = w.panel.locator('#checklist [data-current-step]');
  await current.locator('[data-field="jiraLink"]').waitFor({ state: 'attached' });
  const fields = current.locator('.step-fields');
  if (!(await fields.evaluate((d) => d.open))) await fields.locator('summary').click();
  const names = await current.locator('.field-list [data-field]').evaluateAll((lis) => lis.map((li) => li.dataset.field));
  assert.deepEqual(names, ['jiraLink', 'name', 'jiraApiUrl', 'authType', 'consumerKey']);
  await current.locator('[data-field="jiraLink"] button').click();
  await w.panel.locator('#point-status[data-result="waiting"]').waitFor();
  // The admin clicks the control in the page.
  await w.align.bringToFront();
  await w.align.waitForTimeout(300);
  await w.align.click('#txtJiraLink');
  await w.panel.bringToFront();
  const kept = w.panel.locator('.bindings li[data-key="jiraLink"]');
  await kept.waitFor({ timeout: 10_000 });
  assert.match(await w.panel.locator('#point-status').textContent(), /Jira Link is now the field labelled/);
  const stored = await w.panel.evaluate(() => chrome.storage.local.get('fieldBindings'));
  const list = stored.fieldBindings['https://acme.jiraalign.com'];
  assert.equal(list.length, 1);
  assert.equal(list[0].key, 'jiraLink');
  assert.ok(!('value' in list[0]), 'a binding is a selector, never a value');
  await kept.locator('button.remove-binding').click();
  await kept.waitFor({ state: 'detached' });
  assert.match(await w.panel.locator('#point-status').textContent(), /by itself again/);
}));

test('Describe this page: an unrecognised Jira admin page is described without any typed value', alone(async (w) => {
  const url = 'https://acme.atlassian.net/secure/admin/NewLinksScreen.jspa';
  await w.ext.context.route(url, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><title>New screen</title><form>
      <label for="u">Remote URL</label><input id="u" name="remoteUrl">
      <label>Shared code <input type="password" name="code"></label>
      <button type="button">Continue</button></form>`,
  }));
  const page = await w.ext.context.newPage();
  await page.goto(url);
  await page.fill('#u', 'https://typed-value.example');
  await page.fill('input[name="code"]', 'S3cretTyped');
  await page.bringToFront();
  await w.panel.locator('#describe:not([hidden])').waitFor({ timeout: 10_000 });
  assert.match(await w.panel.locator('#describe-text').textContent(), /not one Linksmith recognises/);
  await w.panel.click('#describe-copy');
  const out = w.panel.locator('#describe-output');
  await out.waitFor();
  const text = await out.inputValue();
  assert.match(text, /remote url/i);
  assert.match(text, /remoteUrl/);
  assert.match(text, /continue/i);
  assert.doesNotMatch(text, /typed-value|S3cretTyped/);
  await page.close();
}));
