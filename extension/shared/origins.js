// The one origin rule: which addresses are a Jira or Jira Align site, and which side. The worker
// (sender checks, fill planning), the content scripts' fill gate and the manifest check all use
// these functions, so no two layers can disagree (tests/node/origins.test.mjs proves it with one
// table). The rule:
//   - https only, no user name or password in the address;
//   - no explicit port (Firefox's match patterns cannot express one, and no Jira Cloud or Jira
//     Align site uses one; `:443` is the default port, so it is no port);
//   - a trailing dot on the host ("acme.atlassian.net.") is the same host;
//   - a built-in family matches a subdomain of its suffix on a dot boundary: acme.atlassian.net is
//     a Jira site; the bare atlassian.net, acme-atlassian.net and atlassian.net.evil.test are not;
//   - a self-hosted origin the admin approved matches exactly (not its subdomains).
//
// Pure functions of their arguments: no chrome.* call, so pages, content scripts and node tests
// import this module as it is.
import { HOST_FAMILIES, SIDES } from './vocabulary.js';

const BUILT_IN = HOST_FAMILIES.filter((f) => f.suffix);

function parse(href) {
  try {
    return new URL(String(href));
  } catch {
    return null;
  }
}

/** The parsed https URL with its host's trailing dot removed, or null when the rule refuses it. */
function siteUrl(href) {
  const url = parse(href);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  return url.hostname ? url : null;
}

/** The origin of an address the rule accepts (`https://host`, trailing dot removed), or null. */
export function siteOrigin(href) {
  return siteUrl(href)?.origin ?? null;
}

/** The built-in host family of an address (one of HOST_FAMILIES), or null. */
export function builtInFamily(href) {
  const host = siteUrl(href)?.hostname;
  return host ? (BUILT_IN.find((f) => host.endsWith(`.${f.suffix}`)) ?? null) : null;
}

/** `'jira'`, `'align'` or null: the built-in host families only. */
export function builtInSide(href) {
  return builtInFamily(href)?.side ?? null;
}

/**
 * `'jira'`, `'align'` or null for an address: exactly one of the approved self-hosted origins
 * ([{origin, side}], as cleanApproved returns them), else a built-in host family.
 */
export function siteSide(href, approved = []) {
  const origin = siteOrigin(href);
  if (!origin) return null;
  const exact = approved.find((h) => h.origin === origin);
  return exact ? exact.side : builtInSide(href);
}

/**
 * The fill gate's question: is this address a site Linksmith may read and fill? `approved` holds
 * the approved self-hosted origins, as strings or as {origin} entries.
 */
export function isAllowedOrigin(href, approved = []) {
  const origin = siteOrigin(href);
  if (!origin) return false;
  return builtInFamily(href) !== null || approved.some((h) => (typeof h === 'string' ? h : h?.origin) === origin);
}

/**
 * What the admin typed, as a self-hosted origin Linksmith can approve: the rule above, a host
 * name with a dot, and nothing after the host but an optional "/" (a path would suggest the grant
 * is narrower than it is). Null otherwise.
 */
export function normaliseOrigin(text) {
  const url = siteUrl(typeof text === 'string' ? text.trim() : '');
  if (!url || url.pathname !== '/' || url.search || url.hash) return null;
  if (!url.hostname.includes('.')) return null;
  return url.origin;
}

/** A stored list of approved origins, cleaned: only well-formed entries survive. */
export function cleanApproved(list) {
  if (!Array.isArray(list)) return [];
  return list
    .filter((h) => h && normaliseOrigin(h.origin) === h.origin && SIDES.includes(h.side))
    .map(({ origin, side }) => ({ origin, side }));
}

/** The match pattern that grants one origin (for permissions and registered content scripts). */
export function originPattern(origin) {
  return `${origin}/*`;
}

/** The match patterns of the built-in host families: the manifest's host permissions. */
export const BUILT_IN_PATTERNS = Object.freeze(BUILT_IN.map((f) => `https://*.${f.suffix}/*`));
