// The privacy promises of PRIVACY.md after the whole walkthrough: a key pair made in the panel
// and an API token typed into Jira Align leave no trace in any extension storage area.
import assert from 'node:assert/strict';
import { startWalkthrough, fullOAuthFlow, panelFill, storageDump, alignPublicKey, CONSUMER_KEY } from './steps.mjs';

const TOKEN = 'ATATT3xFfGF0privacyfixture0000notarealtoken0000';

export async function privacyDump(browser) {
  const w = await startWalkthrough(browser);
  await fullOAuthFlow(w);
  const { panel } = w;
  await panel.click('#keygen > summary'); // the key generator is a collapsed tool
  await panel.click('#keygen-run');
  await panel.waitFor('#keygen-result', { timeout: 60_000 });
  const publicPem = await panel.value('#keygen-public');
  await panel.select('#opt-auth-type', 'basic');
  await panel.fill('#opt-username', 'svc-align@acme.com');
  await panelFill(w, 'align');
  await w.align.fill('#txtJiraPassword', TOKEN);
  await panel.waitFor('#api-token-state');

  const dump = await storageDump(w);
  // The dump is real: what the background does store (the consumer key, a line of Jira Align's
  // public key) is in it, so the absences below are not those of an empty or wrong dump.
  const alignKeyLine = (await alignPublicKey(w)).split('\n').find((l) => l.length >= 40 && !l.startsWith('-'));
  assert.ok(alignKeyLine, 'Jira Align showed a public key');
  assert.ok(dump.includes(CONSUMER_KEY) && dump.includes(alignKeyLine), 'the dump is real: the consumer key and public key are stored');
  assert.doesNotMatch(dump, /PRIVATE KEY/);
  for (const piece of [TOKEN, TOKEN.slice(0, 12), TOKEN.slice(-16)]) assert.ok(!dump.includes(piece), `token piece ${piece} stored`);
  assert.ok(!dump.includes(publicPem.split('\n')[2]), 'the panel\'s key pair is not stored at all');
  assert.ok(!(await panel.html()).includes(TOKEN.slice(0, 12)), 'the panel never shows the token');
}
