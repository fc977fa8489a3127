// Which sites Linksmith works on, for the worker: the one origin rule (shared/origins.js) fed with
// the self-hosted origins the admin approved (chrome.storage.local.approvedHosts, written only by
// the worker after the browser granted that origin). The router's sender checks, the fill
// planner and the panel read these; the content scripts' gate uses the same rule.
//
// No chrome.* call runs when this module loads: the panel and node tests import it too.
import { cleanApproved } from '../shared/origins.js';

export { builtInSide, cleanApproved, normaliseOrigin, siteOrigin, siteSide as sideOfUrl } from '../shared/origins.js';

/** The storage.local key of the approved self-hosted origins: [{origin, side}]. */
export const APPROVED_KEY = 'approvedHosts';

export async function approvedHosts() {
  return cleanApproved((await chrome.storage.local.get(APPROVED_KEY))[APPROVED_KEY]);
}

/** The origin of any URL (an extension page's too), or null. */
export function originOf(href) {
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}
