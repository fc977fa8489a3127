// "Point to the field", the stored bindings, "Describe this page" and the in-depth watch: the
// worker's side. Registered into router.js's panel handlers, so every message here has passed
// its sender check (one of Linksmith's own pages) before it arrives.
//
// Contract (panel → worker; answers {ok:true, data} or {ok:false, error:{name, message}}):
//   {type:'panel:pointToField', side:'align'|'jira', key}
//       The tab of that side (the active tab if it is that side, else the one Linksmith reads)
//       lets the admin click one control (60 s, Esc cancels). data: the binding kept,
//       {origin, surface, step, pathname, key, selector, label, kind}. Refusals (error.name
//       'refused', message the reason): hidden, cross-origin-frame, sandboxed, in-frame,
//       secret-field, not-a-control, cancelled, timed-out, origin-not-allowed.
//   {type:'panel:listBindings'}            data: [{origin, surface, step, pathname, key, selector, label, kind}]
//   {type:'panel:removeBinding', origin, surface, step, key}   data: the list after removal
//   {type:'panel:describePage', side}      data: the page's redacted form structure (labels,
//       roles, input types, ids, names, button texts; no values), from that side's tab
//   {type:'panel:watch', deep: boolean}    the panel opened (true) or closed (false): the tabs of
//       either side (every Jira / Jira Align tab) observe in depth while it is open. data: {tabs: n}
// Bindings live in chrome.storage.local under `fieldBindings`: {[origin]: [binding]}. A binding
// is a selector path, never a value; the content script applies it through its fill gate.
import { sideOfUrl, approvedHosts, originOf } from './hosts.js';
import { loadState } from './state.js';
import { ERROR, MESSAGE, SIDE, SIDES } from '../shared/vocabulary.js';

export const BINDINGS_KEY = 'fieldBindings';
const MAX_PER_ORIGIN = 64;
const PICK_WAIT_MS = 65_000; // the page gives up after 60 s

const ok = (data) => ({ ok: true, data });
const fail = (name, message) => ({ ok: false, error: { name, message } });
const isName = (v, max = 64) => typeof v === 'string' && v.length > 0 && v.length <= max && /^[A-Za-z][\w-]*$/.test(v);

/** The tab to ask for one side: the one the admin is looking at when it is that side, else the one Linksmith reads. */
async function tabOfSide(side) {
  const approved = await approvedHosts();
  const known = (await loadState()).sides[side]?.tabId;
  const candidates = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (known !== undefined) candidates.push(await chrome.tabs.get(known).catch(() => null));
  return candidates.find((t) => t?.url && sideOfUrl(t.url, approved) === side) ?? null;
}

async function ask(tab, message, waitMs = 10_000) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), waitMs); });
  const answer = await Promise.race([
    chrome.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => null), timeout,
  ]);
  clearTimeout(timer);
  return answer;
}

async function readAll() {
  const all = (await chrome.storage.local.get(BINDINGS_KEY))[BINDINGS_KEY];
  return all && typeof all === 'object' && !Array.isArray(all) ? all : {};
}
const flatten = (all) => Object.entries(all).flatMap(([origin, list]) => (Array.isArray(list) ? list.map((b) => ({ origin, ...b })) : []));

const sameSlot = (a, b) => a.surface === b.surface && a.step === b.step && a.key === b.key;

export const bindingHandlers = {
  async [MESSAGE.PANEL_POINT_TO_FIELD]({ side, key }) {
    if (!SIDES.includes(side) || !isName(key)) return fail(ERROR.BAD_REQUEST, 'side (align|jira) and a field key are required');
    const tab = await tabOfSide(side);
    if (!tab) return fail(ERROR.NO_TAB, `open the ${side === SIDE.JIRA ? 'Jira' : 'Jira Align'} page first`);
    const answer = await ask(tab, { type: MESSAGE.SW_PICK, side, key }, PICK_WAIT_MS);
    if (!answer) return fail(ERROR.NO_ANSWER, 'the page did not answer (reload it and try again)');
    if (!answer.ok) return fail(answer.error?.name ?? 'refused', answer.error?.message ?? 'refused');
    const picked = answer.data;
    if (picked.refused) return fail(ERROR.REFUSED, String(picked.refused));
    if (typeof picked.selector !== 'string' || picked.selector.length > 2000 || !isName(picked.surface) || !isName(picked.step)) {
      return fail(ERROR.BAD_ANSWER, 'the page answered something that is not a binding');
    }
    const origin = originOf(tab.url);
    const binding = {
      surface: picked.surface, step: picked.step, key, selector: picked.selector,
      pathname: typeof picked.pathname === 'string' ? picked.pathname.slice(0, 2000) : '',
      label: typeof picked.label === 'string' ? picked.label.slice(0, 160) : '',
      kind: isName(picked.kind) ? picked.kind : '',
    };
    const all = await readAll();
    const list = (all[origin] ?? []).filter((b) => !sameSlot(b, binding));
    all[origin] = [...list, binding].slice(-MAX_PER_ORIGIN);
    await chrome.storage.local.set({ [BINDINGS_KEY]: all });
    return ok({ origin, ...binding });
  },
  async [MESSAGE.PANEL_LIST_BINDINGS]() {
    return ok(flatten(await readAll()));
  },
  async [MESSAGE.PANEL_REMOVE_BINDING]({ origin, surface, step, key }) {
    if (typeof origin !== 'string' || ![surface, step, key].every((v) => isName(v))) {
      return fail(ERROR.BAD_REQUEST, 'origin, surface, step and key are required');
    }
    const all = await readAll();
    if (Array.isArray(all[origin])) {
      all[origin] = all[origin].filter((b) => !sameSlot(b, { surface, step, key }));
      if (!all[origin].length) delete all[origin];
      await chrome.storage.local.set({ [BINDINGS_KEY]: all });
    }
    return ok(flatten(all));
  },
  async [MESSAGE.PANEL_DESCRIBE_PAGE]({ side }) {
    if (!SIDES.includes(side)) return fail(ERROR.BAD_REQUEST, `side must be one of ${SIDES.join(', ')}`);
    const tab = await tabOfSide(side);
    if (!tab) return fail(ERROR.NO_TAB, `open the ${side === SIDE.JIRA ? 'Jira' : 'Jira Align'} page first`);
    const answer = await ask(tab, { type: MESSAGE.SW_DESCRIBE_PAGE });
    if (!answer) return fail(ERROR.NO_ANSWER, 'the page did not answer (reload it and try again)');
    return answer.ok ? ok(answer.data) : fail(answer.error?.name ?? 'refused', answer.error?.message ?? 'refused');
  },
  async [MESSAGE.PANEL_WATCH]({ deep }) {
    if (typeof deep !== 'boolean') return fail(ERROR.BAD_REQUEST, 'deep must be a boolean');
    const approved = await approvedHosts();
    const ids = (await chrome.tabs.query({})).filter((t) => t.url && sideOfUrl(t.url, approved)).map((t) => t.id);
    const answers = await Promise.all(ids.map((id) => ask({ id }, { type: MESSAGE.SW_WATCH, deep }, 2000)));
    return ok({ tabs: answers.filter((a) => a?.ok).length });
  },
};
