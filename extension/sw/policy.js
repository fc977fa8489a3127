// Enterprise policy: IT may fix the Jira site, the Jira Align site and a consumer-key prefix through
// chrome.storage.managed (schema: managed-schema.json; Firefox: policies.json "3rdparty"). Values
// that do not have the right shape are ignored rather than half-applied.
import { normaliseOrigin } from './hosts.js';

const EMPTY = Object.freeze({ jiraSiteUrl: '', alignSiteUrl: '', consumerKeyPrefix: '' });

export function cleanPolicy(raw) {
  const p = raw && typeof raw === 'object' ? raw : {};
  const url = (v) => (typeof v === 'string' ? normaliseOrigin(v.trim().replace(/\/+$/, '/')) ?? '' : '');
  return {
    jiraSiteUrl: url(p.jiraSiteUrl),
    alignSiteUrl: url(p.alignSiteUrl),
    consumerKeyPrefix: typeof p.consumerKeyPrefix === 'string' && /^[A-Za-z0-9]{1,64}$/.test(p.consumerKeyPrefix) ? p.consumerKeyPrefix : '',
  };
}

// The first read of managed storage in a browser session can take seconds (Chromium answers it
// once its policy service is up; later reads take milliseconds). Reads that overlap share one
// request, so a burst of reports and panel requests at start-up waits on a single answer, and
// every answer is kept, so a page's report can be checked without waiting for it (policyIfKnown).
let known = null;
let reading = null;

// A read that has not answered after this long is asked again (and the first answer taken): in
// walkthroughs that did not wait for it, Chromium's first read of a session sometimes never
// answered at all (docs/performance.md, "Page → panel").
const ASK_AGAIN_MS = 3000;

function readManaged() {
  let again;
  return new Promise((resolve) => {
    const ask = () => chrome.storage.managed.get(null).then(
      (raw) => resolve(cleanPolicy(raw)),
      () => resolve({ ...EMPTY }), // Firefox throws when no policy exists for the add-on
    );
    again = setInterval(ask, ASK_AGAIN_MS);
    ask();
  }).finally(() => clearInterval(again));
}

/** The policy in force, read afresh; empty where none is set or managed storage is unavailable. */
export function managedPolicy() {
  reading ??= readManaged().then((policy) => {
    known = policy;
    return policy;
  }).finally(() => {
    reading = null;
  });
  return reading;
}

/** The policy as this worker last read it, or null before its first read has finished. */
export function policyIfKnown() {
  return known;
}

/** Option keys a policy fixes: the panel cannot change them. */
export function lockedOptions(policy) {
  return ['jiraSiteUrl', 'alignSiteUrl'].filter((k) => policy[k]);
}

/** Writes the policy's values over the options; true if anything changed. */
export function applyPolicy(options, policy) {
  let changed = false;
  for (const key of lockedOptions(policy)) {
    if (options[key] !== policy[key]) {
      options[key] = policy[key];
      changed = true;
    }
  }
  return changed;
}
