// Turns what the two tabs reported into the core's `checkSetup` input, runs it, and shows the
// verdict on the toolbar badge.
import { loadCore } from './core.js';
import { managedPolicy, policyIfKnown, applyPolicy } from './policy.js';
import { updateState } from './state.js';
import { FIELD, FIELDS } from '../shared/vocabulary.js';
import { originOf } from './hosts.js';

const shown = (side, key) => {
  const v = side?.fields?.[key]?.value;
  return typeof v === 'string' ? v : undefined;
};
const value = (side, key) => shown(side, key) || undefined;

/** @param {string} [consumerKeyPrefix] the organisation's (policy.js): the core's rule applies it */
export function buildSetup(state, consumerKeyPrefix = '') {
  const { align, jira } = state.sides;
  const setup = {
    alignSiteUrl: align?.origin ?? (state.options.alignSiteUrl || undefined),
    jiraSiteUrl: jira?.origin ?? (state.options.jiraSiteUrl || undefined),
    consumerKeyPrefix: consumerKeyPrefix || undefined,
    align: {},
    jira: {},
  };
  // The site's cloudId, once Verify with Jira read it for this very site (sw/verify.js).
  if (state.verified?.jiraOrigin && state.verified.jiraOrigin === originOf(setup.jiraSiteUrl)) setup.jiraCloudId = state.verified.cloudId;
  for (const f of FIELDS) {
    if (!f.onForm || !f.checkedAcrossTabs) continue;
    const side = state.sides[f.side];
    // Optional: an empty callback URL the page showed is a right answer, not a missing one.
    const v = f.name === FIELD.JIRA_CALLBACK_URL ? shown(side, f.key) : value(side, f.key);
    if (v !== undefined) setup[f.side][f.key] = v;
  }
  return setup;
}

// The checks read only buildSetup's values, so the same values give the same verdict: a report
// that changed nothing they read (a label, a signal, the step, the same value typed again) is
// answered from the last run, without the wasm and without touching the badge.
let last = { input: null, checks: null };
let badge = null;

// The checks read the organisation's consumer-key prefix (and, through the options, its sites),
// but a page's report must not wait for the first read of managed storage in a browser session
// (seconds: policy.js). Until this worker has read the policy once, the checks run without it and
// run again, policy applied, as soon as the read finishes. Nothing is filled and no option but the
// policy's own is written here: router.js and plan.js wait for the policy before those.
let recheck = null;
function recheckWhenPolicyKnown() {
  recheck ??= managedPolicy().then(recheckWithPolicy).catch(() => {});
}

/** Writes the policy's values into the saved options and runs the checks again with it. */
export function recheckWithPolicy(policy) {
  return updateState(async (state) => {
    applyPolicy(state.options, policy);
    await recompute(state);
  });
}

export async function recompute(state) {
  const policy = policyIfKnown();
  if (!policy) recheckWhenPolicyKnown();
  const setup = buildSetup(state, policy?.consumerKeyPrefix);
  const input = JSON.stringify(setup);
  if (input !== last.input) {
    const core = await loadCore();
    last = { input, checks: core.checkSetup(setup) };
  }
  state.checks = last.checks;
  await showBadge(state.checks);
}

async function showBadge(checks) {
  const failing = checks.filter((c) => c.state === 'fail').length;
  const allPass = checks.length > 0 && checks.every((c) => c.state === 'pass');
  const text = failing ? String(failing) : allPass ? '✓' : '';
  const color = failing ? '#cf222e' : '#1a7f37';
  if (badge?.text === text && badge?.color === color) return;
  badge = { text, color };
  await Promise.all([chrome.action.setBadgeText({ text }), chrome.action.setBadgeBackgroundColor({ color })]);
}
