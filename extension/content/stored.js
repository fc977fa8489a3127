// What the content script reads from extension storage (pages cannot write it): the approved
// self-hosted origins (written by the worker only after the browser granted the origin) and the
// admin's field bindings ("Point to the field": selector paths, never values). Both copies
// follow every change, so removing a site or a binding takes effect on an open page at once.
import { cleanApproved } from '../shared/origins.js';

export const APPROVED_KEY = 'approvedHosts';
export const BINDINGS_KEY = 'fieldBindings';

let approved = [];
let bindings = [];

function setApproved(list) {
  approved = cleanApproved(list);
}

/** This origin's bindings: [{surface, step, key, selector, pathname}] (malformed entries dropped). */
function setBindings(all) {
  const list = all && typeof all === 'object' ? all[location.origin] : null;
  bindings = Array.isArray(list) ? list.filter((b) => b && typeof b.key === 'string' && typeof b.selector === 'string'
    && typeof b.surface === 'string' && typeof b.step === 'string') : [];
}

let loaded = null;
let onChange = () => {};
/** Load both once; `changed` runs after a later change (to report again). */
export function loadStored(changed) {
  if (changed) onChange = changed;
  loaded ??= (async () => {
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (APPROVED_KEY in changes) setApproved(changes[APPROVED_KEY].newValue);
      if (BINDINGS_KEY in changes) setBindings(changes[BINDINGS_KEY].newValue);
      if (APPROVED_KEY in changes || BINDINGS_KEY in changes) onChange();
    });
    const got = await chrome.storage.local.get([APPROVED_KEY, BINDINGS_KEY]);
    setApproved(got[APPROVED_KEY]);
    setBindings(got[BINDINGS_KEY]);
  })();
  return loaded;
}

/** The approved self-hosted origins: [{origin, side}]. */
export const approvedOrigins = () => approved;

/** Bindings for one screen; with no surface, those made on this path (a page detection missed). */
export function boundFor(surface, step) {
  if (surface) return bindings.filter((b) => b.surface === surface && b.step === (step ?? ''));
  return bindings.filter((b) => b.pathname === location.pathname);
}
