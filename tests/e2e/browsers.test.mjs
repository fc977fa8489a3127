// One scenario definition, two browser drivers: every scenario in tests/e2e/scenarios/ runs in
// Debian's Chromium (Playwright, dist/chrome) and in Firefox ESR (puppeteer-core over WebDriver
// BiDi, dist/firefox). Each scenario launches its own browser with a fresh profile; the Jira Align
// variant table shares one launch per browser (a launch costs more than a variant), and each
// variant starts from a fresh start of it: its pages closed, the extension's state and storage
// emptied (scenarios/steps.mjs freshStart).
import { after, describe, test } from 'node:test';
import * as chromium from './platform/chromium.mjs';
import * as firefox from './platform/firefox.mjs';
import { SCENARIOS } from './scenarios/index.mjs';
import { alignVariantFilled } from './scenarios/variants.mjs';
import { freshStart } from './scenarios/steps.mjs';
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
    // Launched by the first variant that runs, so a name pattern that picks none launches nothing.
    let launched = null;
    after(async () => { await (await launched?.catch(() => null))?.close(); });
    for (const variant of ALIGN_VARIANTS) {
      const basic = variant.auth.options.some(([kind]) => kind === 'basic');
      test(`${platform.name}: Jira Align variant ${variant.id}: OAuth${basic ? ' then Basic Auth' : ''} filled from the panel, read back from the page`, { timeout: 120_000 }, async () => {
        launched ??= platform.launch();
        const browser = await launched;
        await freshStart(browser);
        await alignVariantFilled(browser, variant);
      });
    }
  });
}
