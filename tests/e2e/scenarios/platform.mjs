// What differs between the browsers, checked from the panel page against what the driver says
// this browser has: the background (Chrome's service worker, Firefox's event page), the panel's
// host (side panel or sidebar), storage.session, both API namespaces, and the icons loading at
// their declared sizes.
import assert from 'node:assert/strict';

export async function platformFacts(browser) {
  const panel = await browser.openPanel();
  const facts = await panel.evaluate(async () => {
    const m = chrome.runtime.getManifest();
    const sizes = {};
    for (const [size, file] of Object.entries(m.icons ?? {})) {
      const img = new Image();
      img.src = chrome.runtime.getURL(file);
      await img.decode();
      sizes[size] = [img.naturalWidth, img.naturalHeight];
    }
    return {
      background: m.background.service_worker ? 'service worker' : 'event page',
      sidePanel: typeof chrome.sidePanel?.open === 'function',
      sidebar: typeof globalThis.browser?.sidebarAction?.toggle === 'function',
      browserNamespace: typeof globalThis.browser?.runtime?.sendMessage === 'function',
      session: typeof chrome.storage.session?.get === 'function',
      hasKey: 'key' in m,
      sizes,
      toolbarIcon: m.action.default_icon,
    };
  });
  const want = browser.expected;
  assert.equal(facts.background, want.background);
  assert.equal(facts.sidePanel, want.panelHost === 'side panel', 'chrome.sidePanel');
  assert.equal(facts.sidebar, want.panelHost === 'sidebar', 'browser.sidebarAction');
  assert.equal(facts.browserNamespace, want.browserNamespace, 'browser.* namespace');
  assert.equal(facts.session, true, 'storage.session exists (the state lives there)');
  assert.equal(facts.hasKey, want.pinnedIdKey, 'manifest key');
  assert.deepEqual(facts.sizes, { 16: [16, 16], 32: [32, 32], 48: [48, 48], 128: [128, 128] });
  assert.deepEqual(Object.keys(facts.toolbarIcon), ['16', '32']);
  // The background answers from the wasm core in either browser.
  const answer = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:getState' }));
  assert.equal(answer.ok, true, JSON.stringify(answer));
}
