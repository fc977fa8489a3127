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

/** The policy in force; empty where none is set or managed storage is unavailable. */
export async function managedPolicy() {
  try {
    return cleanPolicy(await chrome.storage.managed.get(null));
  } catch {
    return { ...EMPTY }; // Firefox throws when no policy exists for the add-on
  }
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
