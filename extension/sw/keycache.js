// Public-key inspection by value. The same text always gives the same report, and the same key
// is asked about again and again (the panel's fingerprint, Copy report, every Fill of the Jira
// form), so the last few reports are kept and reused instead of parsing the key in the wasm
// again. Only public keys that were read are kept: anything else pasted (a private key by
// mistake) is inspected, answered and forgotten.
import { loadCore } from './core.js';

const KEEP = 8;
const MAX_TEXT = 16 * 1024; // a 4096-bit PEM is ~800 bytes
const reports = new Map(); // text → report, oldest first

/** The core's `inspectPublicKey(text)`, from the cache when the same text was seen lately. */
export async function inspectKey(text) {
  const hit = reports.get(text);
  if (hit) {
    reports.delete(text);
    reports.set(text, hit);
    return hit;
  }
  const report = (await loadCore()).inspectPublicKey(text);
  if (text.length <= MAX_TEXT && report?.fingerprintSha256 && !/private/i.test(String(report.kind))) {
    reports.set(text, report);
    if (reports.size > KEEP) reports.delete(reports.keys().next().value);
  }
  return report;
}
