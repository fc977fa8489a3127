// Which sites Linksmith works on, and which side of the setup a site is. One list of built-in host
// families, plus the self-hosted origins the admin approved (chrome.storage.local.approvedHosts,
// written only by the worker after the browser granted that origin). The router's sender checks,
// the fill planner and the content scripts' gate all read these, so no path can disagree.
//
// No chrome.* call runs when this module loads: the panel and node tests import it too.
const SIDES = [
  { side: 'jira', suffixes: ['atlassian.net'] },
  { side: 'align', suffixes: ['jiraalign.com', 'agilecraft.com'] },
];

/** The storage.local key of the approved self-hosted origins: [{origin, side}]. */
export const APPROVED_KEY = 'approvedHosts';

function parse(href) {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** `'jira'`, `'align'` or null: the built-in host families only (suffixes on a dot boundary). */
export function builtInSide(href) {
  const url = parse(href);
  if (!url || url.protocol !== 'https:' || url.username || url.password) return null;
  const host = url.hostname.replace(/\.$/, '');
  for (const { side, suffixes } of SIDES) {
    if (suffixes.some((s) => host.endsWith(`.${s}`))) return side;
  }
  return null;
}

/**
 * `'jira'`, `'align'` or `null` for an https URL: a built-in host family, or exactly one of the
 * approved origins (same scheme, host and port; subdomains of an approved host are not approved).
 */
export function sideOfUrl(href, approved = []) {
  const url = parse(href);
  if (!url || url.protocol !== 'https:' || url.username || url.password) return null;
  const exact = approved.find((h) => h.origin === url.origin);
  if (exact) return exact.side;
  return builtInSide(href);
}

/**
 * What the admin typed, as an origin Linksmith can approve: https, a host name with a dot, no
 * credentials, no port (Firefox's match patterns cannot express one), nothing after the host but
 * an optional "/". Null otherwise: a path would suggest the grant is narrower than it is.
 */
export function normaliseOrigin(text) {
  const url = parse(typeof text === 'string' ? text : '');
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  if (url.pathname !== '/' || url.search || url.hash) return null;
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
  return url.origin;
}

/** A stored list, cleaned: only well-formed entries survive (storage is ours, but be strict). */
export function cleanApproved(list) {
  if (!Array.isArray(list)) return [];
  return list.filter((h) => h && normaliseOrigin(h.origin) === h.origin && (h.side === 'jira' || h.side === 'align'))
    .map(({ origin, side }) => ({ origin, side }));
}

export async function approvedHosts() {
  return cleanApproved((await chrome.storage.local.get(APPROVED_KEY))[APPROVED_KEY]);
}

export function originOf(href) {
  return parse(href)?.origin ?? null;
}
