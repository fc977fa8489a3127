// Idle cost: the main-thread time of a page with Linksmith on against the same page in the same
// Chromium without it, over a fixed window, read with CDP Performance.getMetrics (TaskDuration:
// all main-thread tasks; ScriptDuration: the script part of them, content scripts included).
//   - an ordinary busy Jira board (tests/bench/board/: 3,000 cards, one changing every 100 ms,
//     no admin form): goal ≤ 1.05×;
//   - an admin page (Jira's application links) left open while nothing changes: goal ≤ 1.2×,
//     judged on a second window that follows the first (from settle + window after load on).
//     The first window, 2 s after load, still holds the page's one-off start-up with Linksmith
//     (its first scan, and the browser's replies to the first report from a worker that is
//     still starting in the fresh profile: IPC tasks that run no script), which is not what a
//     page left open costs; its numbers stay in the output (`admin`), the later ones are
//     `adminLate`.
// On and off alternate (off, on, on, off, …) in fresh profiles so that drifting machine load
// falls on both sides alike.
import { launchWithExtension } from '../e2e/harness.mjs';
import { routeFixtures, seedJira, JIRA_LEGACY_URL } from '../fixtures/serve.mjs';
import { BOARD_URL, routeBench, launchWithout } from './pages.mjs';

export const IDLE_PAGES = { board: BOARD_URL, admin: JIRA_LEGACY_URL };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function metrics(session) {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map(({ name, value }) => [name, value]));
  return { task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000 };
}

/** One browser, on or off: both pages loaded and settled, then measured over the same window. */
async function measureOnce(on, { windowMs, settleMs }) {
  const browser = on ? await launchWithExtension() : await launchWithout();
  try {
    await routeFixtures(browser.context);
    await seedJira(browser.context, 'link');
    await routeBench(browser.context);
    const pages = {};
    for (const [name, url] of Object.entries(IDLE_PAGES)) {
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const session = await browser.context.newCDPSession(page);
      await session.send('Performance.enable');
      pages[name] = { page, session };
    }
    await sleep(settleMs);
    const start = {};
    for (const [name, p] of Object.entries(pages)) start[name] = await metrics(p.session);
    // How busy the board really was: a starved page runs its interval less often.
    const changesBefore = await pages.board.page.evaluate(() => Number(document.body.dataset.changes ?? 0));
    await sleep(windowMs);
    const out = {};
    const end = {};
    for (const [name, p] of Object.entries(pages)) {
      end[name] = await metrics(p.session);
      out[name] = { task: end[name].task - start[name].task, script: end[name].script - start[name].script };
    }
    out.boardChanges = await pages.board.page.evaluate(() => Number(document.body.dataset.changes ?? 0)) - changesBefore;
    out.visibility = await pages.board.page.evaluate(() => document.visibilityState);
    // The admin page left open: the same length of window again, right after the first.
    await sleep(windowMs);
    const late = await metrics(pages.admin.session);
    out.adminLate = { task: late.task - end.admin.task, script: late.script - end.admin.script };
    return out;
  } finally {
    await browser.close();
  }
}

/** `pairs` of off/on runs; per page and side, the task and script milliseconds of each window. */
export async function idleCost({ pairs = 3, windowMs = 6000, settleMs = 2000, log = () => {} } = {}) {
  const side = () => ({ on: { task: [], script: [], changes: [] }, off: { task: [], script: [], changes: [] } });
  const out = { windowMs, settleMs, board: side(), admin: side(), adminLate: side(), visibility: new Set() };
  for (let i = 0; i < pairs; i += 1) {
    for (const on of i % 2 ? [true, false] : [false, true]) {
      const r = await measureOnce(on, { windowMs, settleMs });
      for (const name of [...Object.keys(IDLE_PAGES), 'adminLate']) {
        out[name][on ? 'on' : 'off'].task.push(r[name].task);
        out[name][on ? 'on' : 'off'].script.push(r[name].script);
      }
      out.board[on ? 'on' : 'off'].changes.push(r.boardChanges);
      out.visibility.add(r.visibility);
      log(`  Linksmith ${on ? 'on ' : 'off'}: board ${r.board.task.toFixed(0)} ms tasks (${r.board.script.toFixed(0)} script), admin page ${r.admin.task.toFixed(0)} ms (${r.admin.script.toFixed(0)} script) in ${windowMs / 1000} s, then ${r.adminLate.task.toFixed(1)} ms (${r.adminLate.script.toFixed(1)} script)`);
    }
  }
  return out;
}
