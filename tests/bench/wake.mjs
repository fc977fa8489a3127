// Service worker woken cold → first verdict (goal ≤ 100 ms): the worker is stopped through CDP
// (ServiceWorker.stopAllWorkers, as the browser does after 30 s idle), then the panel sends a
// message that needs the wasm core and times the answer. Two verdicts: one field's rule
// (panel:checkField) and the whole cross-tab check (panel:setOptions → checkSetup, saved to
// storage). Baseline: the same message to the worker still running, right after.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const WAKE_MESSAGES = {
  checkField: { type: 'panel:checkField', field: 'align.consumerKey', value: 'JiraAlignAcme' },
  checkSetup: { type: 'panel:setOptions', options: { consumerKey: 'JiraAlignAcme', authType: 'oauth' } },
};

async function timed(panel, message) {
  return panel.evaluate(async (m) => {
    const t = performance.now();
    const answer = await chrome.runtime.sendMessage(m);
    const elapsed = performance.now() - t;
    if (!answer?.ok) throw new Error(`${m.type} failed: ${JSON.stringify(answer?.error)}`);
    return elapsed;
  }, message);
}

export async function wakeToVerdict(ext, { times = 10, log = () => {} } = {}) {
  const panel = await ext.context.newPage();
  await panel.goto(ext.extensionUrl('panel/panel.html'));
  const session = await ext.context.newCDPSession(panel);
  const status = new Map();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) status.set(v.versionId, v.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  const stopped = async () => {
    await session.send('ServiceWorker.stopAllWorkers');
    for (let k = 0; k < 100; k += 1) {
      if (status.size && [...status.values()].every((s) => s === 'stopped')) return;
      await sleep(20);
    }
    throw new Error(`the service worker did not stop: ${JSON.stringify([...status.values()])}`);
  };
  const out = Object.fromEntries(Object.keys(WAKE_MESSAGES).flatMap((k) => [[`${k}Cold`, []], [`${k}Warm`, []]]));
  await timed(panel, WAKE_MESSAGES.checkField); // the worker has loaded everything once
  for (let i = 0; i < times; i += 1) {
    for (const [name, message] of Object.entries(WAKE_MESSAGES)) {
      await stopped();
      // Let the stop settle, as after a real idle timeout.
      await sleep(100);
      out[`${name}Cold`].push(await timed(panel, message));
      out[`${name}Warm`].push(await timed(panel, message));
    }
  }
  log(`  ${times} wake-ups per message`);
  await session.detach();
  await panel.close();
  return out;
}
