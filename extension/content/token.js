// The one place the API token's value leaves the Jira Align page: the worker's `sw:readApiToken`,
// sent only while "Verify with Jira" runs after the admin's click. The answer goes to the worker
// alone (chrome.runtime's reply to its own message); the normal reports carry the token's shape
// only (values.js secretShape).
//
// Read only from the field the detector identified as the API token, when a person could have
// typed it there: the top frame of an allowed origin (the one origin rule refuses lookalike hosts),
// not sandboxed, the field itself in this document (no frame), unambiguous, confident, visible and
// enabled. Anything else answers why, and the panel's paste field is used instead.
import { pageRefusal, frameRefusal } from './gate.js';
import { detect } from './surface.js';
import { THRESHOLD } from './table.js';
import { hiddenReason } from './visibility.js';
import { isEnabled } from './widgets.js';
import { approvedOrigins } from './stored.js';
import { siteSide } from '../shared/origins.js';
import { SIDE } from '../shared/vocabulary.js';

/** Why the token field may not be read, or null. */
function tokenRefusal(d) {
  if (d.surface !== 'align-connector') return 'not-the-connector-form';
  const f = d.fields.get('apiToken');
  if (!f) return 'no-token-field';
  if (f.el.ownerDocument !== document) return frameRefusal(f.el) ?? 'in-frame';
  if (f.ambiguous) return 'ambiguous';
  if (f.confidence < THRESHOLD) return 'low-confidence';
  if (hiddenReason(f.visual, { proxy: f.visual === f.el ? null : f.el })) return 'hidden';
  if (!isEnabled(f.el)) return 'disabled';
  return null;
}

/** `{ok, data: {token}}` or `{ok: false, error: {name: reason}}`; the token is never kept here. */
export function readApiToken() {
  const page = pageRefusal() ?? (siteSide(location.href, approvedOrigins()) === SIDE.ALIGN ? null : 'not-jira-align');
  if (page) return refused(page);
  let d;
  try { d = detect(); } catch { return refused('page-changed'); }
  const refusal = tokenRefusal(d);
  if (refusal) return refused(refusal);
  return { ok: true, data: { token: String(d.fields.get('apiToken').el.value ?? '') } };
}

const refused = (name) => ({ ok: false, error: { name, message: 'the API token field cannot be read here' } });
