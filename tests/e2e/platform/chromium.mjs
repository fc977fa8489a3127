// The Chromium driver of the browser-neutral scenarios (tests/e2e/scenarios/): Debian's Chromium
// through Playwright, with dist/chrome loaded unpacked (harness.mjs). Every method of the page
// handle is one Playwright call; the Firefox driver (firefox.mjs) has the same shape. Chromium-only
// tests (walkthrough.mjs) reach Playwright itself: a page handle answers to every Playwright Page
// method it does not define, and the browser handle carries harness.mjs's `ext` (context, worker).
import { launchWithExtension } from '../harness.mjs';

export const name = 'chromium';
/** What this browser's build has that the other's does not (scenarios/platform.mjs checks it). */
// Chromium 156 answers to browser.* as well as chrome.*.
export const expected = { background: 'service worker', panelHost: 'side panel', browserNamespace: true, pinnedIdKey: true };

/** A page handle: CSS selectors in, plain values out. */
function wrap(page) {
  const one = (sel) => page.locator(sel).first();
  const handle = {
    raw: page,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    front: () => page.bringToFront(),
    close: () => page.close(),
    screenshot: (file, { fullPage = false } = {}) => page.screenshot({ path: file, fullPage }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    click: (sel) => one(sel).click(),
    fill: (sel, value) => one(sel).fill(value),
    /** Types `text` key by key at the end of the field, as a person does. */
    type: async (sel, text) => {
      await one(sel).press('End');
      await one(sel).pressSequentially(text);
    },
    press: (sel, key) => one(sel).press(key),
    select: (sel, value) => one(sel).selectOption(value),
    value: (sel) => one(sel).inputValue(),
    attr: (sel, attribute) => one(sel).getAttribute(attribute),
    text: (sel) => one(sel).textContent(),
    checked: (sel) => one(sel).isChecked(),
    disabled: (sel) => one(sel).isDisabled(),
    count: (sel) => page.locator(sel).count(),
    waitFor: (sel, { state = 'visible', timeout = 10_000 } = {}) => one(sel).waitFor({ state, timeout }),
    /** Waits until an element matching `sel` contains `text`. */
    waitForText: (sel, text, { timeout = 10_000 } = {}) => page.locator(sel, { hasText: text }).first().waitFor({ timeout }),
    clickText: (sel, text) => page.locator(sel, { hasText: text }).first().click(),
    /** Clicks the element of ARIA `role` and accessible `name` (inside the dialog `within`, if given). */
    clickRole: (role, roleName, { within } = {}) => (within ? page.getByRole('dialog', { name: within }) : page)
      .getByRole(role, { name: roleName }).click(),
    waitForRole: (role, roleName, { timeout = 10_000 } = {}) => page.getByRole(role, { name: roleName }).first().waitFor({ timeout }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 10_000 } = {}) => page.waitForFunction(fn, arg, { timeout }),
    wait: (ms) => page.waitForTimeout(ms),
    html: () => page.content(),
  };
  return new Proxy(handle, {
    get: (target, key) => {
      if (key in target) return target[key];
      const own = page[key];
      return typeof own === 'function' ? own.bind(page) : own;
    },
  });
}

/**
 * Starts Chromium with the extension in a fresh profile.
 * @returns the browser handle the scenarios use: `fixtures` takes serve.mjs's routeFixtures and
 *          seeds (a Playwright BrowserContext), pages open through openPage/openPanel.
 */
export async function launch({ headless = true, resolveHostsTo = null } = {}) {
  // A real server for the fixture hosts (fake-jira/server.mjs): map them there, accept its certificate.
  const args = resolveHostsTo
    ? [`--host-resolver-rules=MAP *.atlassian.net ${resolveHostsTo}, MAP api.atlassian.com ${resolveHostsTo}`, '--ignore-certificate-errors']
    : [];
  const ext = await launchWithExtension({ headless, args });
  return {
    name,
    expected,
    ext,
    fixtures: ext.context,
    extensionUrl: ext.extensionUrl,
    async openPage(url) {
      const page = wrap(await ext.context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    async openPanel() {
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('panel/panel.html'));
      return wrap(page);
    },
    close: () => ext.close(),
  };
}
