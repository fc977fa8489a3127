#!/usr/bin/env node
// The store listing, generated from the product itself into dist/store/ (`./build.sh store`):
//
//   short-description.txt   the manifest description (messages.json extDescription), ≤ 132 chars
//   long-description.txt    README's introduction and "Using it" steps, as plain text
//   PRIVACY.md              the privacy policy, as shipped in the repository
//   icon-128.png            the store icon (the build's own rendering)
//   screenshot-N-<step>.png 1280×800, from the demo walkthrough in Chromium (with --screenshots)
//
//   node tools/store.mjs OUT_DIR [--screenshots]
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The Chrome Web Store's limit for the short description (and the manifest description). */
export const SHORT_DESCRIPTION_MAX = 132;
/** The Chrome Web Store's limit for the detailed description. */
export const LONG_DESCRIPTION_MAX = 16_000;
export const SCREENSHOT_SIZE = { width: 1280, height: 800 };
/** The walkthrough steps a listing shows, in order, and the page each is taken of. */
export const SCREENSHOT_STEPS = ['align-filled', 'jira-link-step-2', 'panel-all-checks'];

/** Markdown to the plain text a store form takes: no emphasis, code marks or link targets. */
function plain(markdown) {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

/** A README section's text, from its `## ` heading to the next. */
function section(readme, heading) {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const body = readme.slice(start + heading.length + 5);
  const end = body.indexOf('\n## ');
  return end < 0 ? body : body.slice(0, end);
}

export function storeListing({
  messages = JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8')),
  readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
} = {}) {
  const short = messages.extDescription.message;
  if (short.length > SHORT_DESCRIPTION_MAX) throw new Error(`extDescription is ${short.length} characters; the stores take ${SHORT_DESCRIPTION_MAX}`);
  // The introduction: README's first paragraph after the title.
  const intro = readme.split(/\n\n/).find((p) => !p.startsWith('#') && p.trim());
  const steps = section(readme, 'Using it').split(/\n\n/)[0];
  const long = [
    plain(intro.replace(/\s*\n\s*/g, ' ')),
    'How it works:',
    plain(steps).split(/\n(?=\d+\. )/).map((s) => s.replace(/\s*\n\s*/g, ' ')).join('\n'),
    'Nothing is filled without your click. Linksmith collects nothing, sends nothing, and never stores a private key or an API token (see the privacy policy).',
  ].join('\n\n');
  if (long.length > LONG_DESCRIPTION_MAX) throw new Error(`the long description is ${long.length} characters`);
  return { short, long };
}

/** Screenshots of the walkthrough in Chromium with dist/chrome, at the listing's size. */
async function screenshots(outDir) {
  const chromium = await import('../tests/e2e/platform/chromium.mjs');
  const { startWalkthrough, fullOAuthFlow } = await import('../tests/e2e/scenarios/steps.mjs');
  const browser = await chromium.launch();
  const written = [];
  try {
    const onStep = async (step, page) => {
      const n = SCREENSHOT_STEPS.indexOf(step);
      if (n < 0) return;
      await page.setViewport(SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height);
      await page.front();
      const file = path.join(outDir, `screenshot-${n + 1}-${step}.png`);
      await page.screenshot(file);
      written.push(file);
    };
    const w = await startWalkthrough(browser, { onStep });
    await fullOAuthFlow(w);
  } finally {
    await browser.close();
  }
  if (written.length !== SCREENSHOT_STEPS.length) throw new Error(`only ${written.length} screenshots were taken`);
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outDir, flag] = process.argv.slice(2);
  if (!outDir || (flag && flag !== '--screenshots')) {
    console.error('usage: node tools/store.mjs OUT_DIR [--screenshots]');
    process.exit(2);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { short, long } = storeListing();
  writeFileSync(path.join(outDir, 'short-description.txt'), `${short}\n`);
  writeFileSync(path.join(outDir, 'long-description.txt'), `${long}\n`);
  copyFileSync(path.join(ROOT, 'PRIVACY.md'), path.join(outDir, 'PRIVACY.md'));
  copyFileSync(path.join(ROOT, 'dist/chrome/icons/linksmith-128.png'), path.join(outDir, 'icon-128.png'));
  if (flag === '--screenshots') {
    for (const file of await screenshots(outDir)) console.log(`  ${path.relative(ROOT, file)}`);
  }
  console.log(`Store listing in ${path.relative(ROOT, outDir)}/ (short description: ${short.length}/${SHORT_DESCRIPTION_MAX} characters)`);
}
