// What an admin waits for around the panel:
//   - opening the panel itself (navigation → the checklist rendered with the worker's state);
//   - page → panel: from an admin page's navigation to the panel showing that tab and the
//     current step, cold (the first admin page on a fresh profile) and warm (the pages after it).
// Cross-process times are stamped with Date.now() in each page (one wall clock on one machine);
// times inside one page use performance.now().
import { launchWithExtension } from '../e2e/harness.mjs';
import { routeFixtures, seedJira, JIRA_LEGACY_URL, jiraIncomingAuthUrl, SEEDED_ALIGN_LINK_ID } from '../fixtures/serve.mjs';
import { BLANK_URL, routeBench } from './pages.mjs';

/** The panel is interactive: the worker's state arrived and the checklist is rendered. */
const panelInteractive = () => (document.querySelector('#checklist li') && !document.querySelector('#keygen-run')?.disabled
  ? performance.now() : false);

// The admin pages of the page → panel measure, in the order the warm samples cycle through them.
export const ADMIN_PAGES = [
  { side: 'jira', url: JIRA_LEGACY_URL },
  { side: 'jira', url: jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID) },
];

/** Opens the panel in a new tab; resolves to {page, ms}: its performance.now() when interactive. */
export async function openPanel(ext) {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('panel/panel.html'), { waitUntil: 'commit' });
  const handle = await page.waitForFunction(panelInteractive, null, { timeout: 20_000, polling: 'raf' });
  return { page, ms: await handle.jsonValue() };
}

/** The baseline of a panel open: a blank page at an https origin, opened and polled the same way. */
export async function openBlank(context) {
  const page = await context.newPage();
  await page.goto(BLANK_URL, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (document.readyState === 'complete' ? performance.now() : false), null, { timeout: 20_000, polling: 'raf' });
  const ms = await handle.jsonValue();
  await page.close();
  return ms;
}

// Arms an observer in the panel that stamps Date.now() the moment `side`'s tab shows as detected
// together with the current step (`[data-current-step]` where the panel marks it, else the first
// unfinished step of the checklist).
async function armPanel(panel, side) {
  await panel.evaluate((s) => {
    const shown = () => document.querySelector(`#tab-${s}`)?.dataset.detected === 'true'
      && Boolean(document.querySelector('[data-current-step]') ?? document.querySelector('#checklist li[data-done="false"]'));
    globalThis.__shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shown()) { observer.disconnect(); resolve(Date.now()); }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, side);
}

/** One page → panel sample: navigates `admin` to `url`; resolves to {ms, loadMs} from the navigation. */
async function pageToPanel(panel, admin, { side, url }) {
  await armPanel(panel, side);
  const t0 = Date.now();
  await admin.goto(url, { waitUntil: 'commit' });
  const shownAt = await Promise.race([
    panel.evaluate(() => globalThis.__shown),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`the panel never showed ${url}`)), 20_000)),
  ]);
  // Baseline: the admin page's own load (navigation → load event end), on the same clock.
  await admin.waitForLoadState('load');
  const loadedAt = await admin.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd);
  return { ms: shownAt - t0, loadMs: loadedAt - t0 };
}

/** Forgets both tabs and waits until the panel shows that. */
async function resetPanel(panel, admin) {
  await admin.goto('about:blank');
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:reset' }));
  await panel.waitForFunction(() => document.querySelector('#tab-jira')?.dataset.detected !== 'true'
    && document.querySelector('#tab-align')?.dataset.detected !== 'true', null, { timeout: 10_000 });
}

async function freshBrowser(extensionDir) {
  const ext = await launchWithExtension({ extensionDir });
  await routeFixtures(ext.context);
  await seedJira(ext.context, 'link');
  await routeBench(ext.context);
  return ext;
}

/**
 * `cold` fresh profiles: in each, the first panel open (and a blank page as its baseline), then
 * the first admin page. The first profile then also gives `warm` panel opens and `warm` later
 * admin pages. `extensionDir`: another build of the extension (default dist/chrome), to compare
 * two builds under the same load.
 */
export async function panelTimings({ cold = 4, warm = 8, log = () => {}, extensionDir } = {}) {
  const out = { openCold: [], openWarm: [], blankCold: [], blankWarm: [], pageCold: [], pageColdLoad: [], pageWarm: [], pageWarmLoad: [] };
  for (let i = 0; i < cold; i += 1) {
    const ext = await freshBrowser(extensionDir);
    try {
      // The blank page first: the browser's own cold start of a tab is its baseline.
      out.blankCold.push(await openBlank(ext.context));
      const { page: panel, ms } = await openPanel(ext);
      out.openCold.push(ms);
      const admin = await ext.context.newPage();
      await panel.bringToFront();
      const first = await pageToPanel(panel, admin, ADMIN_PAGES[0]);
      out.pageCold.push(first.ms);
      out.pageColdLoad.push(first.loadMs);
      log(`  fresh profile ${i + 1}/${cold}: panel open ${ms.toFixed(0)} ms, first admin page → panel ${first.ms.toFixed(0)} ms`);
      if (i === 0) {
        for (let k = 0; k < warm; k += 1) {
          await resetPanel(panel, admin);
          const sample = await pageToPanel(panel, admin, ADMIN_PAGES[(k + 1) % ADMIN_PAGES.length]);
          out.pageWarm.push(sample.ms);
          out.pageWarmLoad.push(sample.loadMs);
        }
        for (let k = 0; k < warm; k += 1) {
          out.blankWarm.push(await openBlank(ext.context));
          const again = await openPanel(ext);
          out.openWarm.push(again.ms);
          await again.page.close();
        }
      }
    } finally {
      await ext.close();
    }
  }
  return out;
}
