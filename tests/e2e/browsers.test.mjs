// One scenario definition, two browser drivers: every scenario in tests/e2e/scenarios/ runs in
// Debian's Chromium (Playwright, dist/chrome) and in Firefox ESR (puppeteer-core over WebDriver
// BiDi, dist/firefox). Each test launches its own browser with a fresh profile.
import { test } from 'node:test';
import * as chromium from './platform/chromium.mjs';
import * as firefox from './platform/firefox.mjs';
import { SCENARIOS } from './scenarios/index.mjs';

for (const platform of [chromium, firefox]) {
  for (const [title, scenario] of SCENARIOS) {
    test(`${platform.name}: ${title}`, { timeout: 240_000 }, async () => {
      // A scenario may need something before the browser starts (a real server it maps hosts to).
      const setUp = await scenario.setUp?.();
      try {
        const browser = await platform.launch(setUp?.launchOptions);
        try {
          await scenario(browser, setUp);
        } finally {
          await browser.close();
        }
      } finally {
        await setUp?.close();
      }
    });
  }
}
