// `sw:readApiToken`, the one message that carries the API token's value out of the Jira Align
// page (content/token.js), sent from the real service worker to the real content script: the
// visible token field of the connector form is read; a hidden one, one in a frame, and any
// other tab are refused without the token; the normal reports never hold it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWalkthrough, openAlignConnector, openJira, panelFill, workerState } from './walkthrough.mjs';

const TOKEN = 'ATATT3xFfGF0tokenreadfixture00notarealtoken0000';

/** Sends `sw:readApiToken` from the worker to the top frame of the tab showing `page`. */
async function askTab(w, page) {
  const url = page.url();
  return w.ext.worker.evaluate(async (href) => {
    const [tab] = await chrome.tabs.query({ url: href.split('#')[0] });
    return chrome.tabs.sendMessage(tab.id, { type: 'sw:readApiToken' }, { frameId: 0 });
  }, url);
}

test('sw:readApiToken: the visible token field only, nothing from a hidden or framed field or another tab', async () => {
  const w = await startWalkthrough({});
  try {
    await openAlignConnector(w);
    await openJira(w);
    await w.panel.bringToFront();
    await w.panel.selectOption('#opt-auth-type', 'basic');
    await w.panel.fill('#opt-username', 'svc-align@acme.com');
    await panelFill(w, 'align');
    await w.align.locator('#txtJiraPassword').fill(TOKEN);
    await w.panel.locator('#api-token-state:not([hidden])').waitFor();

    assert.deepEqual(await askTab(w, w.align), { ok: true, data: { token: TOKEN } });
    // From here on the form has one token field (the hidden Personal Access Token box would make
    // the hidden case below ambiguous rather than hidden).
    await w.align.evaluate(() => document.querySelector('#txtPat').remove());
    // The reports about the page carry the token's shape only.
    assert.ok(!JSON.stringify(await workerState(w)).includes(TOKEN.slice(0, 12)), 'the worker state holds no token');

    // Another tab (Jira) is not a Jira Align page.
    const jira = await askTab(w, w.jira);
    assert.equal(jira.error?.name, 'not-jira-align', JSON.stringify(jira));
    assert.ok(!JSON.stringify(jira).includes(TOKEN.slice(0, 12)));

    // The same field hidden (Jira Align's form back on OAuth): refused, although it still holds the token.
    await w.align.selectOption('#ddlAuthType', 'oauth');
    const hidden = await askTab(w, w.align);
    assert.equal(hidden.error?.name, 'hidden', JSON.stringify(hidden));
    assert.ok(!JSON.stringify(hidden).includes(TOKEN.slice(0, 12)));

    // A token field in a same-origin frame, the page's own one gone: refused.
    await w.align.selectOption('#ddlAuthType', 'basic');
    await w.align.evaluate((token) => {
      document.querySelector('#txtJiraPassword').remove();
      // A same-origin document (a srcdoc frame's location is about:srcdoc, never scanned).
      const frame = document.createElement('iframe');
      frame.src = '/RequestAgile/Admin/no-such-page';
      document.querySelector('#grpBasic').append(frame);
      return new Promise((resolve) => {
        frame.onload = () => {
          const doc = frame.contentDocument;
          const label = doc.createElement('label');
          label.htmlFor = 't';
          label.textContent = 'API Token/Jira Password';
          const input = doc.createElement('input');
          Object.assign(input, { id: 't', type: 'password', value: token });
          doc.body.append(label, input);
          resolve();
        };
      });
    }, TOKEN);
    const framed = await askTab(w, w.align);
    assert.equal(framed.error?.name, 'in-frame', JSON.stringify(framed));
    assert.ok(!JSON.stringify(framed).includes(TOKEN.slice(0, 12)));
  } finally {
    await w.ext.close();
  }
});
