// `./build.sh demo`: the Linksmith walkthrough on the fixture copies of both admin UIs, in
// Chromium with the built extension. With a display it runs headed (slowly) and leaves the browser
// open; without one it runs headless and writes a screenshot of every step, and of the panel
// after each, to out/demo/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../e2e/harness.mjs';
import { startWalkthrough, fullOAuthFlow, checkStates } from '../e2e/walkthrough.mjs';

const OUT = path.join(ROOT, 'out/demo');
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';
// --react: the new (Atlaskit) Jira UI instead of the legacy one.
const ui = process.argv.includes('--react') ? 'atlaskit' : 'legacy';

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });

let n = 0;
const shots = [];
let w;
async function onStep(name, page) {
  n += 1;
  const base = `${String(n).padStart(2, '0')}-${name}`;
  if (headed) {
    await page.front();
    await page.wait(1200);
  }
  await page.screenshot(path.join(OUT, `${base}.png`));
  shots.push(`${base}.png`);
  if (page !== w.panel) {
    await w.panel.screenshot(path.join(OUT, `${base}-panel.png`), { fullPage: true });
    shots.push(`${base}-panel.png`);
  }
  console.log(`  step ${n}: ${name}`);
}

console.log(`Linksmith demo (${headed ? 'headed' : 'headless'}, ${ui} Jira UI)`);
w = await startWalkthrough({ headless: !headed, onStep });
// The panel at a side panel's width, as the admin sees it next to the two admin pages.
await w.panel.setViewport(400, 860);
try {
  await fullOAuthFlow(w, { ui });
  await w.panel.screenshot(path.join(OUT, 'final-panel.png'), { fullPage: true });
  shots.push('final-panel.png');
  const states = await checkStates(w);
  const lines = Object.entries(states).map(([id, s]) => `| ${id} | ${s} |`);
  await writeFile(path.join(OUT, 'README.md'), [
    '# Linksmith demo run', '', `Jira UI: ${ui}. Screenshots, in order:`, '',
    ...shots.map((s) => `- ![${s}](${s})`), '', '| check | state |', '|---|---|', ...lines, '',
  ].join('\n'));
  console.log(`Checks: ${Object.values(states).filter((s) => s === 'pass').length}/${lines.length} pass`);
  console.log(`Screenshots: ${path.relative(ROOT, OUT)}/ (${shots.length} files, index in README.md)`);
  if (headed) {
    console.log('The browser stays open: explore the panel and both fixture tabs. Ctrl-C to quit.');
    await new Promise((resolve) => w.ext.context.on('close', resolve));
  }
} finally {
  await w.ext.close().catch(() => {});
}
