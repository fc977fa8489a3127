// Field edit → verdict: from the `input` event of a field edited in an admin tab to the panel
// showing that field's check in its new state, in the Jira tab (Incoming Authentication's
// Callback URL) and in the Jira Align tab (the connector's Jira Link). Goal: p95 ≤ 150 ms.
// Baseline: one panel → worker → panel round trip (panel:getState), the floor of any verdict
// that passes through the service worker, measured in the same browser between samples.
import { launchWithExtension } from '../e2e/harness.mjs';
import {
  routeFixtures, seedJira, seedAlign, jiraIncomingAuthUrl, SEEDED_ALIGN_LINK_ID, ALIGN_CONNECTOR_URL,
} from '../fixtures/serve.mjs';

export const EDITS = {
  jira: {
    check: 'callback-url-format', field: '#callback',
    values: ['ftp://acme.jiraalign.com', 'https://acme.jiraalign.com'],
    async open(page) {
      await page.goto(jiraIncomingAuthUrl(SEEDED_ALIGN_LINK_ID));
    },
  },
  align: {
    check: 'jira-link-format', field: '#txtJiraLink',
    values: ['ftp://acme.atlassian.net/browse/', 'https://acme.atlassian.net/browse/'],
    async open(page) {
      await page.goto(ALIGN_CONNECTOR_URL);
      await page.click('#btnJiraConnectors');
      await page.click('#btnAddConnector');
    },
  },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// In the panel: resolves to Date.now() when check `id` leaves state `before` for a known state.
async function armVerdict(panel, id) {
  return panel.evaluate((check) => {
    const sel = `#checks [data-check="${check}"]`;
    const before = document.querySelector(sel)?.dataset.state ?? null;
    globalThis.__verdict = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const state = document.querySelector(sel)?.dataset.state;
        if (state && state !== before && state !== 'unknown') { observer.disconnect(); resolve({ at: Date.now(), state }); }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    });
    return before;
  }, id);
}

async function roundTrip(panel) {
  return panel.evaluate(async () => {
    const t = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'panel:getState' });
    if (!answer?.ok) throw new Error('panel:getState failed');
    return performance.now() - t;
  });
}

/** `times` edits per tab, alternating a failing and a passing value. */
export async function editToVerdict({ times = 12, log = () => {} } = {}) {
  const ext = await launchWithExtension();
  const out = { jira: [], align: [], roundTrip: [] };
  try {
    await routeFixtures(ext.context);
    await seedJira(ext.context, 'link');
    await seedAlign(ext.context, 'empty');
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('panel/panel.html'));
    for (const [side, edit] of Object.entries(EDITS)) {
      const page = await ext.context.newPage();
      await edit.open(page);
      await panel.locator(`#tab-${side}[data-detected="true"]`).waitFor({ timeout: 15_000 });
      await page.evaluate(() => document.addEventListener('input', () => { globalThis.__inputAt = Date.now(); }, true));
      // Not measured: the first edit, which may load code paths for the first time.
      for (let i = -1; i < times; i += 1) {
        const value = edit.values[(i + 1) % 2]; // the failing value first: an empty field may already pass
        await armVerdict(panel, edit.check);
        await page.fill(edit.field, value);
        const verdict = await Promise.race([
          panel.evaluate(() => globalThis.__verdict),
          sleep(10_000).then(() => { throw new Error(`no verdict on ${edit.check} after editing ${edit.field}`); }),
        ]);
        const inputAt = await page.evaluate(() => globalThis.__inputAt);
        if (i >= 0) {
          out[side].push(verdict.at - inputAt);
          out.roundTrip.push(await roundTrip(panel));
        }
      }
      log(`  ${side} tab: ${times} edits`);
      await page.close();
    }
  } finally {
    await ext.close();
  }
  return out;
}
