// When detection misses or mistakes a field: "Point to the field" beside each field the current
// step fills (the admin then clicks the control in the page), the kept bindings with Remove, and
// "Describe this page" for an admin page Linksmith does not recognise: a redacted description of
// its form structure (no values) to copy or download for a bug report. The worker does the work
// (sw/bindings.js); this module only asks and shows. Page-derived text is set as textContent.
import { sideOfUrl, approvedHosts } from '../sw/hosts.js';
import { BINDINGS_KEY } from '../sw/bindings.js';
import { FIELDS } from '../shared/vocabulary.js';

/** @param {{send: Function, t: Function, el: Function, state: () => object|null}} io */
export function setupPointing(doc, io) {
  const { t, el, send } = io;
  const $ = (id) => doc.getElementById(id);
  let bindings = [];
  let status = { text: '', result: '' };

  function say(text, result) {
    status = { text, result };
    const node = $('point-status');
    if (!node) return;
    node.textContent = text;
    node.dataset.result = result;
    node.dataset.seq = String(Number(node.dataset.seq ?? 0) + 1);
  }

  // Fields are named as the admin page labels them (the vocabulary's labels).
  const fieldName = (side, key) => FIELDS.find((f) => f.side === side && f.key === key)?.label ?? key;

  async function point(side, key) {
    say(t('pointWaiting', fieldName(side, key)), 'waiting');
    try {
      const binding = await send('panel:pointToField', { side, key });
      say(t('pointKept', [fieldName(side, key), binding.label || binding.selector]), 'kept');
      await refreshBindings();
    } catch (error) {
      say(t('pointRefused', [fieldName(side, key), error.message]), 'refused');
    }
  }

  async function remove(b) {
    try {
      bindings = await send('panel:removeBinding', { origin: b.origin, surface: b.surface, step: b.step, key: b.key });
      say(t('pointRemoved', fieldName(b.side, b.key)), 'removed');
      io.rerender();
    } catch (error) {
      say(error.message, 'error');
    }
  }

  async function refreshBindings() {
    bindings = await send('panel:listBindings').catch(() => bindings);
    io.rerender();
  }

  /** The "Fields on this screen" block for the current step: null when the step fills nothing. */
  function fieldsBlock(step) {
    const state = io.state();
    const side = state?.sides[step.side];
    if (!step.fields?.length || !side) return null;
    const seen = side.fields ?? {};
    const items = step.fields.map((key) => el('li', { dataset: { field: key, found: String(key in seen) } },
      el('span', { className: 'field-name' }, fieldName(step.side, key),
        el('span', { className: 'field-found', textContent: key in seen ? t('fieldFound') : t('fieldNotFound') })),
      el('button', {
        type: 'button', className: 'subtle point', textContent: t('pointButton'), 'aria-label': t('pointButtonFor', fieldName(step.side, key)),
        onclick: () => point(step.side, key),
      })));
    const mine = bindings.filter((b) => b.origin === side.origin).map((b) => ({ ...b, side: step.side }));
    const kept = mine.length ? el('ul', { className: 'bindings', 'aria-label': t('bindingsLabel') }, ...mine.map((b) => el('li', {
      dataset: { key: b.key, surface: b.surface, step: b.step },
    },
    el('span', { textContent: t('bindingItem', [fieldName(b.side, b.key), b.label || b.selector]) }),
    el('button', { type: 'button', className: 'subtle remove-binding', textContent: t('remove'), 'aria-label': t('removeBindingFor', fieldName(b.side, b.key)), onclick: () => remove(b) })))) : null;
    // Closed unless there is something to see: a step's fields come one screen at a time, so
    // "not seen" is normal until the admin reaches their screen.
    const open = mine.length > 0 || status.result === 'waiting' || Boolean(status.text);
    return el('details', { className: 'step-fields', open },
      el('summary', { textContent: t('fieldsOnScreen') }),
      el('p', { className: 'hint', textContent: t('pointHint') }),
      el('ul', { className: 'field-list' }, ...items),
      kept,
      el('p', { id: 'point-status', role: 'status', textContent: status.text, dataset: { result: status.result } }));
  }

  // ---- Describe this page ----------------------------------------------------------------------
  let unknownSide = null;
  async function checkActiveTab() {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []);
    const side = tab?.url ? sideOfUrl(tab.url, await approvedHosts()) : null;
    const state = io.state();
    // An admin site's tab that is not the tab Linksmith reads for that side: not recognised.
    unknownSide = side && state && state.sides[side]?.tabId !== tab.id ? side : null;
    $('describe').hidden = !unknownSide;
    $('describe-text').textContent = unknownSide ? t(unknownSide === 'jira' ? 'describeJira' : 'describeAlign') : '';
  }

  async function describe() {
    const out = $('describe-output');
    const data = await send('panel:describePage', { side: unknownSide });
    const text = JSON.stringify(data, null, 2);
    out.value = text;
    out.hidden = false;
    return text;
  }

  $('describe-copy').addEventListener('click', async () => {
    try {
      const text = await describe();
      await navigator.clipboard.writeText(text).then(() => say(t('describeCopied'), 'copied'), () => say(t('reportClipboardRefused'), 'copied'));
      $('describe-status').textContent = status.text;
    } catch (error) {
      $('describe-status').textContent = error.message;
    }
  });
  $('describe-download').addEventListener('click', async () => {
    try {
      const text = await describe();
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      el('a', { href: url, download: 'linksmith-page-description.json' }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      $('describe-status').textContent = t('describeDownloaded');
    } catch (error) {
      $('describe-status').textContent = error.message;
    }
  });

  chrome.tabs.onActivated.addListener(() => { checkActiveTab().catch(() => {}); });
  chrome.tabs.onUpdated.addListener((tabId, change) => { if (change.url || change.status === 'complete') checkActiveTab().catch(() => {}); });
  chrome.storage.local.onChanged.addListener((changes) => { if (BINDINGS_KEY in changes) refreshBindings().catch(() => {}); });
  refreshBindings().catch(() => {});

  return { fieldsBlock, checkActiveTab };
}
