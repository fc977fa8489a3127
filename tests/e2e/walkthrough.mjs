// The admin's walkthrough for the Chromium-only tests and `./build.sh demo`: the browser-neutral
// steps of scenarios/steps.mjs, run on the Chromium driver (platform/chromium.mjs). What Chromium
// alone has is at hand there: `w.ext` is harness.mjs's launch (its context and service worker),
// and each page handle also answers to Playwright's own Page methods.
import * as chromium from './platform/chromium.mjs';
import { startWalkthrough as startIn } from './scenarios/steps.mjs';

export * from './scenarios/steps.mjs';

/** Starts Chromium with the extension, the fixture sites and the panel open in a tab. */
export async function startWalkthrough({ headless = true, ...options } = {}) {
  const browser = await chromium.launch({ headless });
  try {
    const w = await startIn(browser, options);
    return Object.assign(w, { ext: browser.ext });
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Runs `body(w)` on a walkthrough in a Chromium of its own, closed afterwards whatever happens
 * (so each test that uses it runs alone). */
export async function inWalkthrough(body, options) {
  const w = await startWalkthrough(options);
  try {
    return await body(w);
  } finally {
    await w.ext.close();
  }
}
