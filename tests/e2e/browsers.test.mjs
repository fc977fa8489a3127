// One scenario definition, two browser drivers: every scenario in tests/e2e/scenarios/ runs in
// Debian's Chromium (Playwright, dist/chrome) and in Firefox ESR (puppeteer-core over WebDriver
// BiDi, dist/firefox). Each scenario, and each variant of the Jira Align variant table, launches
// its own browser with a fresh profile, so any one runs alone.
import { describe, test } from 'node:test';
import * as chromium from './platform/chromium.mjs';
import * as firefox from './platform/firefox.mjs';
import { browserPerTest } from './harness.mjs';
import { SCENARIOS } from './scenarios/index.mjs';
import { alignVariantFilled } from './scenarios/variants.mjs';
import { ALIGN_VARIANTS } from '../fixtures/serve.mjs';

for (const platform of [chromium, firefox]) {
  for (const [title, scenario] of SCENARIOS) {
    // A scenario may name the browsers it cannot run in, with the reason (`scenario.skip`).
    test(`${platform.name}: ${title}`, { timeout: 240_000, skip: scenario.skip?.[platform.name] ?? false }, async () => {
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

  describe(`${platform.name}: Jira Align variant table`, () => {
    const browser = browserPerTest(() => platform.launch());
    for (const variant of ALIGN_VARIANTS) {
      const basic = variant.auth.options.some(([kind]) => kind === 'basic');
      test(`${platform.name}: Jira Align variant ${variant.id}: OAuth${basic ? ' then Basic Auth' : ''} filled from the panel, read back from the page`, { timeout: 120_000 }, async () => {
        await alignVariantFilled(browser(), variant);
      });
    }
  });
}
