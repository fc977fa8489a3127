// The allowed-origin rule of the fill gate. Host suffixes on a dot boundary (https only), plus
// the admin-approved self-hosted origins exactly.
// (One rule for the gate; the worker has its own copy in sw/hosts.js until the shared origin module exists.)
import { approvedOrigins } from './stored.js';

export const SUFFIXES = ['atlassian.net', 'jiraalign.com', 'agilecraft.com'];

/**
 * True when `url` is an https origin whose host is one of the suffixes or ends in "." + suffix
 * (so acme.atlassian.net passes; acme.atlassian.net.evil.test and acme-atlassian.net fail),
 * or exactly one of the approved origins.
 */
export function isAllowedOrigin(url, list = { suffixes: SUFFIXES, exact: approvedOrigins() }) {
  let u;
  try { u = new URL(String(url)); } catch { return false; }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  if (list.exact.includes(u.origin)) return true;
  if (u.port) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return list.suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}
