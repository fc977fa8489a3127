// The worker's state, kept in chrome.storage.session so a stopped service worker loses nothing
// (and nothing outlives the browser session). What may be stored is fixed here: site origins,
// page readings, names, the consumer key and public keys (public by nature). Never a private key
// or an API token: content scripts report only a token's shape, and key generation never passes
// through the worker.
import { AUTH_TYPE } from '../shared/vocabulary.js';

/** The storage.session key of the state (panel.js renders its changes). */
export const STATE_KEY = 'state';

export function emptyState() {
  return {
    version: 1,
    sides: {
      align: null, // {tabId, origin, href, surface, step, fields: {key: {value, label, confidence}}, signals, updatedAt}
      jira: null,
    },
    options: { consumerKey: '', authType: AUTH_TYPE.OAUTH, username: '', jiraSiteUrl: '', alignSiteUrl: '' },
    // What Linksmith filled, so a later change on the source side (Generate New Key clicked
    // again) can be named as such.
    filled: { jiraPublicKeyFingerprint: null },
    // What Verify with Jira learned that the cross-tab checks use: {jiraOrigin, cloudId} or null.
    verified: null,
    checks: [],
  };
}

let cache = null;

export async function loadState() {
  if (!cache) {
    const stored = (await chrome.storage.session.get(STATE_KEY))[STATE_KEY];
    cache = stored?.version === 1 ? stored : emptyState();
  }
  return cache;
}

// Open panels render each saved state from the storage change itself (panel.js): the revision
// tells them a newer state from an older answer that arrived later. It only grows, also across
// a worker restart (its clock) and a reset.
export async function saveState(state) {
  state.revision = Math.max(Date.now(), (cache?.revision ?? 0) + 1);
  cache = state;
  await chrome.storage.session.set({ [STATE_KEY]: state });
}

export async function resetState() {
  await saveState(emptyState());
}

// Reports from two tabs and panel edits arrive interleaved; every change goes through this one
// queue so no read-modify-write loses another's update.
let queue = Promise.resolve();

export function updateState(change) {
  const run = queue.then(async () => {
    const state = await loadState();
    const result = await change(state);
    await saveState(state);
    return result;
  });
  queue = run.catch(() => {});
  return run;
}
