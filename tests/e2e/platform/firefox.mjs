// The Firefox driver of the browser-neutral scenarios (tests/e2e/scenarios/): Debian's Firefox ESR
// through puppeteer-core over WebDriver BiDi (no geckodriver), with dist/firefox installed as a
// temporary add-on. The page handle has the same shape as chromium.mjs's; what differs between
// the browsers is here:
// - moz-extension:// pages need `--remote-allow-system-access` (Firefox 153+ refuses WebDriver
//   navigation to them otherwise), and the add-on's UUID is fixed by a pref so the panel URL is
//   known before install.
// - Fixture sites are served by per-page request interception (puppeteer has no context-wide
//   routes), so `fixtures` is a small adapter that takes serve.mjs's Playwright-shaped
//   context.route/addInitScript calls and replays them on every page opened here.
// - Puppeteer's default polling for waitForFunction is requestAnimationFrame, which a background
//   tab does not run: every wait here polls on a timer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from '../harness.mjs';

export const name = 'firefox';
/** What this browser's build has that the other's does not (scenarios/platform.mjs checks it). */
export const expected = { background: 'event page', panelHost: 'sidebar', browserNamespace: true, pinnedIdKey: false };
export const DIST = path.join(ROOT, 'dist/firefox');
export const FIREFOX = '/usr/bin/firefox-esr';
// Any fixed v4 UUID: moz-extension://<this>/ is the add-on's origin in the test profile.
export const ADDON_UUID = '5d2b6f0e-3c41-4a8e-9f27-6b1d0c9e4a73';
const POLL = 100;

/** Playwright's glob for a URL, as serve.mjs writes them (`https://host/**`). */
function globMatcher(glob) {
  const re = new RegExp(`^${glob.split('**').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (url) => re.test(url.href);
}

/** serve.mjs's context.route/addInitScript, replayed on puppeteer pages. Routes run last-added
 * first, and a handler may fall back to the one before it, as in Playwright. */
function fixtureAdapter() {
  const routes = [];
  const initScripts = [];
  return {
    routes,
    initScripts,
    async route(matcher, handler) {
      routes.push({ matches: typeof matcher === 'function' ? matcher : globMatcher(matcher), handler });
    },
    async addInitScript({ content }) {
      initScripts.push(content);
    },
    async handle(request) {
      const url = new URL(request.url());
      for (let i = routes.length - 1; i >= 0; i -= 1) {
        if (!routes[i].matches(url)) continue;
        let fellBack = false;
        const route = {
          request: () => ({
            url: () => request.url(),
            resourceType: () => (request.isNavigationRequest() ? 'document' : 'other'),
            isNavigationRequest: () => request.isNavigationRequest(),
          }),
          fulfill: ({ status = 200, headers = {}, body = '' }) => request.respond({ status, headers, body }),
          abort: () => request.abort('blockedbyclient'),
          continue: () => request.continue(), // to the network (a real server, fake-jira/server.mjs)
          fallback: async () => { fellBack = true; },
        };
        await routes[i].handler(route);
        if (!fellBack) return;
      }
      await request.continue();
    },
  };
}

function wrap(page) {
  // Locators wait for a stable box over animation frames, and for the element to scroll into view
  // via IntersectionObserver; a background tab runs neither, so both waits are off (the element
  // must still be visible and enabled) and the element is scrolled to first, as a person would.
  const locate = (sel) => page.locator(sel).setWaitForStableBoundingBox(false).setEnsureElementIsInTheViewport(false);
  const reach = async (sel) => {
    const handle = await page.waitForSelector(sel, { visible: true, timeout: 10_000 });
    await handle.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
    return locate(sel);
  };
  const el = async (sel) => {
    const handle = await page.waitForSelector(sel, { timeout: 10_000 });
    if (!handle) throw new Error(`no element matches ${sel}`);
    return handle;
  };
  const ariaSelector = (role, roleName) => `::-p-aria([name="${roleName.replace(/"/g, '\\"')}"][role="${role}"])`;
  return {
    raw: page,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    front: () => page.bringToFront(),
    close: () => page.close(),
    screenshot: (file, { fullPage = false } = {}) => page.screenshot({ path: file, fullPage }),
    setViewport: (width, height) => page.setViewport({ width, height }),
    click: async (sel) => (await reach(sel)).click(),
    fill: async (sel, value) => (await reach(sel)).fill(value),
    type: async (sel, text) => {
      await (await el(sel)).focus();
      await page.keyboard.press('End');
      await page.keyboard.type(text);
    },
    press: async (sel, key) => {
      await (await el(sel)).focus();
      await page.keyboard.press(key);
    },
    select: async (sel, value) => { await (await el(sel)).select(value); },
    value: async (sel) => (await el(sel)).evaluate((e) => e.value),
    attr: async (sel, attribute) => (await el(sel)).evaluate((e, a) => e.getAttribute(a), attribute),
    text: async (sel) => (await el(sel)).evaluate((e) => e.textContent),
    checked: async (sel) => (await el(sel)).evaluate((e) => e.checked),
    disabled: async (sel) => (await el(sel)).evaluate((e) => e.disabled),
    count: (sel) => page.$$eval(sel, (all) => all.length),
    async waitFor(sel, { state = 'visible', timeout = 10_000 } = {}) {
      const options = { timeout, ...(state === 'visible' ? { visible: true } : {}), ...(state === 'hidden' ? { hidden: true } : {}) };
      if (state === 'detached') {
        await page.waitForFunction((s) => !document.querySelector(s), { timeout, polling: POLL }, sel);
      } else {
        await page.waitForSelector(sel, options);
      }
    },
    waitForText: (sel, text, { timeout = 10_000 } = {}) => page.waitForFunction(
      (s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent.includes(t)), { timeout, polling: POLL }, sel, text),
    async clickText(sel, text) {
      for (const handle of await page.$$(sel)) {
        if (await handle.evaluate((e, t) => e.textContent.includes(t), text)) return handle.click();
      }
      throw new Error(`no ${sel} contains ${text}`);
    },
    clickRole: async (role, roleName, { within } = {}) => (await reach(
      `${within ? `${ariaSelector('dialog', within)} ` : ''}${ariaSelector(role, roleName)}`)).click(),
    waitForRole: (role, roleName, { timeout = 10_000 } = {}) => page.waitForSelector(ariaSelector(role, roleName), { timeout }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 10_000 } = {}) => page.waitForFunction(fn, { timeout, polling: POLL }, arg),
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
    html: () => page.content(),
  };
}

/** Starts Firefox ESR with dist/firefox installed, in a fresh profile (puppeteer makes and
 * removes one per launch). */
/** `resolveHostsTo`: every host name resolves to this address, whose certificate is accepted (a
 * real server for the fixture hosts, fake-jira/server.mjs). `grantOptionalPermissions`:
 * permissions.request grants without a prompt (a headless browser's prompt cannot be answered;
 * Chromium has no such switch, which is why a scenario that needs it runs in Firefox only). */
export async function launch({ headless = true, extensionDir = DIST, resolveHostsTo = null, grantOptionalPermissions = false } = {}) {
  const manifestFile = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${extensionDir} has no manifest.json: run ./build.sh first`);
  const geckoId = JSON.parse(readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    defaultViewport: { width: 1280, height: 860 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }),
      ...(resolveHostsTo ? { 'network.dns.forceResolve': resolveHostsTo, 'network.trr.mode': 5, 'network.proxy.type': 0 } : {}),
      ...(grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
    ...(resolveHostsTo ? { acceptInsecureCerts: true } : {}),
  });
  await browser.installExtension(extensionDir);
  const fixtures = fixtureAdapter();
  const extensionUrl = (page) => `moz-extension://${ADDON_UUID}/${page}`;
  return {
    name,
    expected,
    fixtures,
    extensionUrl,
    async openPage(url) {
      const page = await browser.newPage();
      for (const content of fixtures.initScripts) await page.evaluateOnNewDocument(content);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        fixtures.handle(request).catch((err) => {
          if (!/closed|disposed|detached|already handled/i.test(String(err?.message))) console.error(err);
        });
      });
      const handle = wrap(page);
      if (url) await handle.goto(url);
      return handle;
    },
    async openPanel() {
      const page = await browser.newPage();
      // The goto promise may time out although the page has loaded (toolchain.md): it is not
      // waited for; the ready state is what counts.
      page.goto(extensionUrl('panel/panel.html'), { waitUntil: 'domcontentloaded', timeout: 5000 }).catch(() => {});
      // A wait begun on about:blank fails ("Waiting failed") when the navigation replaces the
      // realm it polls in: wait again in the new one, within the same 10 s.
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          await page.waitForFunction(() => document.readyState === 'complete' && location.protocol === 'moz-extension:',
            { timeout: Math.max(deadline - Date.now(), 1), polling: POLL });
          break;
        } catch (err) {
          if (Date.now() >= deadline || !/Waiting failed|context|destroyed|detached/i.test(String(err?.message))) throw err;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      return wrap(page);
    },
    close: () => browser.close(),
  };
}
