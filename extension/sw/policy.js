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

async function readPolicy() {
  try {
    return Object.freeze(cleanPolicy(await chrome.storage.managed.get(null)));
  } catch {
    return EMPTY; // Firefox throws when no policy exists for the add-on
  }
}

// The first read of managed storage in a browser session can take seconds (Chromium answers it
// once its policy service is up), so the worker reads it once per start and keeps it until
// managed storage changes (forgetPolicy, called from the worker's storage.onChanged listener).
let reading = null;
let known = null;

/** The policy in force; empty where none is set or managed storage is unavailable. */
export function managedPolicy() {
  if (!reading) {
    const mine = readPolicy().then((policy) => {
      if (reading === mine) known = policy; // not a read that a change made stale
      return policy;
    });
    reading = mine;
  }
  return reading;
}

/** The policy if this worker has read it since it started or the policy last changed, else null. */
export function policyIfKnown() {
  return known;
}

/** Managed storage changed: the next managedPolicy() reads it again. */
export function forgetPolicy() {
  reading = null;
  known = null;
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
