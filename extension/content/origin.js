// The fill gate's origin test: the one origin rule (extension/shared/origins.js) fed with the
// admin-approved self-hosted origins from extension storage.
import { siteSide } from '../shared/origins.js';
import { approvedOrigins } from './stored.js';

/** True when `url` is a Jira or Jira Align site by the one rule (built-in families or an approved origin). */
export function isAllowedOrigin(url, approved = approvedOrigins()) {
  return siteSide(url, approved) !== null;
}
