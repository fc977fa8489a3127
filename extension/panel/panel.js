// The side panel (also the toolbar popup's page): a guide through the setup. Where the two tabs
// are, the current step with its one action and its checks, the other steps one line each, the
// settings the fills use, and the tools needed only sometimes, collapsed. State lives in the
// service worker (chrome.storage.session); this page renders it and sends the admin's actions.
// Nothing heavy starts here at open: the key generator's workers start when its section is opened
// or a key is asked for (keygen.js).
import { setupKeygen } from './keygen.js';
import { markdownReport } from './report.js';
import { t, applyI18n } from './i18n.js';
import { setupHosts } from './hosts.js';
import { renderGuide } from './steps.js';
import { setupSettings } from './settings.js';
import { setupPointing } from './pointing.js';
import { setupVerify, verifiedChecks } from './verify.js';
import { CHECK, SIDE } from '../shared/vocabulary.js';
import { STATE_KEY } from '../sw/state.js';

const $ = (id) => document.getElementById(id);
let state = null;
// Held here, not looked up: a re-render can leave it in a detached step until it is put back.
const verifyBody = $('verify-body');
// The two tab rows differ only in their side and words: one template, filled here.
const TAB_ROWS = [
  { side: SIDE.ALIGN, name: t('sideAlign'), show: t('showAlignTab'), fill: t('fillAlign') },
  { side: SIDE.JIRA, name: t('sideJira'), show: t('showJiraTab'), fill: t('fillJira') },
];
for (const row of TAB_ROWS) {
  const li = $('tab-row').content.firstElementChild.cloneNode(true);
  li.querySelector('.tab-name').textContent = row.name;
  li.querySelector('.tab-where').id = `tab-${row.side}`;
  Object.assign(li.querySelector('button.show'), { id: `show-${row.side}` }).setAttribute('aria-label', row.show);
  Object.assign(li.querySelector('button.fill'), { id: `fill-${row.side}`, textContent: row.fill });
  $('tab-list').append(li);
}
// So are the two site fields of the settings.
const siteFields = [
  { id: 'opt-jira-site', label: t('jiraSiteLabel'), placeholder: t('jiraSitePlaceholder') },
  { id: 'opt-align-site', label: t('alignSiteLabel'), placeholder: t('alignSitePlaceholder') },
].map(({ id, label, placeholder }) => {
  const field = $('site-field').content.firstElementChild.cloneNode(true);
  Object.assign(field.querySelector('label'), { htmlFor: id, textContent: label });
  const input = Object.assign(field.querySelector('input'), { id, placeholder });
  input.setAttribute('aria-describedby', `${id}-problems`);
  field.querySelector('.locked').id = `${id}-locked`;
  field.querySelector('.problems').id = `${id}-problems`;
  return field;
});
$('site-field').after(...siteFields);
// And the tools' choose-then-act fields, by the id of their select; the first option is the default.
const CHOICE_FIELDS = {
  'host-side': {
    label: t('hostSideLabel'),
    options: [['jira', t('hostSideJira')], ['align', t('hostSideAlign')]],
    buttons: [{ id: 'host-add', textContent: t('hostAdd') }],
  },
  'keygen-bits': {
    label: t('keygenBitsLabel'),
    options: [['2048', t('keygenBits2048')], ['3072', t('keygenBits3072')], ['4096', t('keygenBits4096')]],
    buttons: [
      { id: 'keygen-run', className: 'primary', textContent: t('keygenRun') },
      { id: 'keygen-cancel', hidden: true, textContent: t('cancel') },
    ],
  },
};
for (const place of document.querySelectorAll('[data-choice]')) {
  const id = place.dataset.choice;
  const { label, options, buttons } = CHOICE_FIELDS[id];
  place.append($('choice-field').content.cloneNode(true));
  Object.assign(place.querySelector('label'), { htmlFor: id, textContent: label });
  const select = Object.assign(place.querySelector('select'), { id });
  select.append(...options.map(([value, text]) => new Option(text, value)));
  select.after(...buttons.map((button) => el('button', { type: 'button', ...button })));
}
applyI18n(document);

async function send(type, payload = {}) {
  const answer = await chrome.runtime.sendMessage({ type, ...payload });
  if (!answer?.ok) throw Object.assign(new Error(answer?.error?.message ?? 'no answer'), { name: answer?.error?.name ?? 'error' });
  return answer.data;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const settings = setupSettings(document, {
  send, t, el, state: () => state, onState: (next) => accept(next),
});

function showTab(side) {
  const tabId = state?.sides[side]?.tabId;
  return tabId === undefined ? Promise.resolve() : chrome.tabs.update(tabId, { active: true }).catch(() => {});
}

function hostOf(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return String(origin ?? '');
  }
}

function renderTab(key) {
  const node = $(`tab-${key}`);
  const side = state.sides[key];
  // Fill stays offered without a tab: its answer says which page to open.
  $(`show-${key}`).hidden = !side;
  if (!side) {
    node.textContent = t('notSeenYet');
    node.dataset.detected = 'false';
    delete node.dataset.surface;
    return;
  }
  node.dataset.detected = 'true';
  node.dataset.surface = side.surface;
  const where = side.step ? `${side.surface} · ${side.step}` : side.surface;
  node.replaceChildren(
    el('span', { className: 'tab-host', textContent: hostOf(side.origin) }),
    el('span', { className: 'tab-surface', textContent: where }),
  );
}

// The current step's one action: fill the form, show the tab, open the page, or ask for the site.
function actionFor(step) {
  // Authorize: Verify with Jira (its section, moved into the step) is the action.
  if (step.action === 'verify') return { element: verifyBody };
  const oauth = (state.options.authType || 'oauth') === 'oauth';
  if (step.action === 'fill-align') return { label: t('actionFillAlign'), run: () => fill('align') };
  if (step.action === 'fill-jira') return { label: t('actionFillJira'), run: () => fill('jira'), disabled: !oauth };
  const sideName = t(step.side === 'jira' ? 'sideJira' : 'sideAlign');
  if (state.sides[step.side]) return { label: t('actionShow', sideName), run: () => showTab(step.side) };
  if (step.link) {
    return { label: t(step.side === 'jira' ? 'actionOpenApplinks' : 'actionOpenAlign'), run: () => chrome.tabs.create({ url: step.link }) };
  }
  const input = step.side === 'jira' ? 'opt-jira-site' : 'opt-align-site';
  const neither = !state.sides.align && !state.sides.jira;
  return {
    label: t(step.side === 'jira' ? 'actionEnterJiraSite' : 'actionEnterAlignSite'),
    note: neither ? t('firstRunHint') : null,
    run: () => { $('setup').open = true; $(input).focus(); },
  };
}

const pointing = setupPointing(document, { send, t, el, state: () => state, rerender: () => render() });
const ui = {
  t, actionFor, fieldsFor: (step) => pointing.fieldsBlock(step), verified: verifiedChecks, open: new Set(), closed: new Set(),
};

// Verify with Jira lives in the Authorize step while that step is current, else in its collapsed
// card (hidden while empty). One set of controls, so ids and the accessible name stay unique.
// A control that had the focus when the block moved gets it back (moving a node drops it); in
// the card, which is opened for it, or else the Verify action itself.
function placeVerify(focused) {
  const inStep = Boolean(verifyBody.closest('#checklist'));
  if (!inStep && verifyBody.parentElement !== $('verify')) $('verify').append(verifyBody);
  $('verify').hidden = inStep;
  $('verify-run').classList.toggle('primary', inStep);
  if (!focused || document.activeElement === focused) return;
  if (!inStep) $('verify').open = true;
  focused.focus();
  if (document.activeElement !== focused) $('verify-run').focus();
}

function renderPolicy() {
  const policy = state.policy ?? {};
  for (const [id, key] of [['opt-jira-site', 'jiraSiteUrl'], ['opt-align-site', 'alignSiteUrl']]) {
    const locked = Boolean(policy[key]);
    $(id).disabled = locked;
    $(`${id}-locked`).hidden = !locked;
    $(id).setAttribute('aria-describedby', locked ? `${id}-locked` : `${id}-problems`);
  }
  $('consumer-key-prefix').hidden = !policy.consumerKeyPrefix;
  $('consumer-key-prefix').textContent = policy.consumerKeyPrefix ? t('consumerKeyPrefixNote', policy.consumerKeyPrefix) : '';
}

function render() {
  if (!state) return;
  renderTab('align');
  renderTab('jira');
  renderPolicy();
  settings.sync(state);
  const oauth = (state.options.authType || 'oauth') === 'oauth';
  $('row-consumer-key').hidden = !oauth;
  $('row-username').hidden = oauth;
  $('basic-hint').hidden = oauth;
  $('fill-jira').disabled = !oauth;
  const token = state.sides.align?.apiToken;
  $('api-token-state').hidden = oauth || !token;
  $('api-token-summary').textContent = token?.present ? token.report.value : t('apiTokenEmpty');
  $('api-token-problems').replaceChildren(...(oauth ? [] : token?.report?.problems ?? []).map((p) => el('li', { dataset: { code: p.code, severity: p.severity } },
    p.message, el('span', { className: 'fix', textContent: p.fix }))));
  $('verify-token-row').hidden = oauth;
  const focused = verifyBody.contains(document.activeElement) ? document.activeElement : null;
  renderGuide(document, state, ui);
  placeVerify(focused);
  pointing.checkActiveTab().catch(() => {});
  document.body.dataset.ready = 'true';
}

// A state the worker answered (with the policy as it knows it) or saved (without): an older
// revision than the one shown, arriving late, only brings its policy.
function accept(next, policy = next.policy) {
  state = state && (next.revision ?? 0) < (state.revision ?? 0) ? { ...state, policy } : { ...next, policy };
  render();
}

async function refresh() {
  accept(await send('panel:getState'));
  // The worker answers before it knows the enterprise policy: its locks follow when it does.
  if (state.policy === null) accept(await send('panel:getState', { waitForPolicy: true }));
}

async function fill(side) {
  const status = $('fill-status');
  // Tests and assistive tech can tell one answer from the next.
  const finish = (result) => {
    status.dataset.result = result;
    status.dataset.seq = String(Number(status.dataset.seq ?? 0) + 1);
  };
  status.textContent = t(side === 'jira' ? 'fillingJira' : 'fillingAlign');
  try {
    // What was just typed in the panel must be part of the plan, if its rule accepts it.
    await settings.save();
    const result = await send('panel:fill', { side });
    // Name fields as the page labels them (the content script's label), the key when it had none.
    const named = (f) => (f.label && f.label !== f.key ? `${f.label} (${f.key})` : f.key);
    const stuck = result.filled.filter((f) => f.stuck).map(named);
    const lost = result.filled.filter((f) => !f.stuck).map(named);
    const parts = [];
    if (result.note) parts.push(result.note);
    if (stuck.length) parts.push(t('filledKeys', stuck.join(', ')));
    if (lost.length) parts.push(t('lostKeys', lost.join(', ')));
    if (result.refused.length) parts.push(t('refusedKeys', result.refused.map((r) => `${r.label && r.label !== r.key ? `${r.label} ` : ''}${r.key} (${r.reason})`).join(', ')));
    if (result.left?.length) parts.push(t('leftKeys', result.left.map(named).join(', ')));
    status.textContent = parts.join(' ') || t('nothingToFill');
    finish('done');
  } catch (error) {
    status.textContent = error.message;
    finish('error');
  }
}

// The report names each public key by its fingerprint, as the core's format check of that key
// found it (the check's facts): the panel never reads a key itself.
function report() {
  const fingerprint = (id, fact) => state.checks.find((c) => c.id === id)?.facts?.[fact] ?? undefined;
  return markdownReport(state, {
    keyFingerprints: {
      align: fingerprint(CHECK.ALIGN_PUBLIC_KEY_FORMAT, 'alignFingerprint'),
      jira: fingerprint(CHECK.JIRA_PUBLIC_KEY_FORMAT, 'jiraFingerprint'),
    },
  });
}

function showReport(text) {
  $('report-status').dataset.report = text;
  let out = $('report-output');
  if (!out) {
    out = el('textarea', { id: 'report-output', readOnly: true, rows: 10, spellcheck: false, 'aria-label': t('reportLabel') });
    $('report-status').after(out);
  }
  out.value = text;
}

async function copyReport() {
  const text = await report();
  showReport(text);
  await navigator.clipboard.writeText(text).then(
    () => { $('report-status').textContent = t('reportCopied'); },
    () => { $('report-status').textContent = t('reportClipboardRefused'); },
  );
}

async function downloadReport() {
  const text = await report();
  showReport(text);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
  const a = el('a', { href: url, download: `linksmith-report-${new Date().toISOString().slice(0, 10)}.md` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  $('report-status').textContent = t('reportDownloaded');
}

async function explain() {
  const text = $('explain-input').value;
  if (!text.trim()) return void ($('explain-result').textContent = '');
  const e = await send('panel:explainOAuthProblem', { text }).catch((error) => ({ cause: error.message, fix: '' }));
  $('explain-result').replaceChildren(
    el('strong', { textContent: e.problem ? `${e.problem}: ` : '' }), e.cause ?? '', el('span', { className: 'fix', textContent: e.fix ?? '' }));
}

let explainFrame = 0;
$('explain-input').addEventListener('input', () => {
  cancelAnimationFrame(explainFrame);
  explainFrame = requestAnimationFrame(() => { explain().catch(() => {}); });
});
$('fill-align').addEventListener('click', () => fill('align'));
$('show-align').addEventListener('click', () => showTab('align'));
$('show-jira').addEventListener('click', () => showTab('jira'));
$('fill-jira').addEventListener('click', () => fill('jira'));
$('copy-report').addEventListener('click', copyReport);
$('download-report').addEventListener('click', downloadReport);
$('reset').addEventListener('click', async () => {
  for (const id of ['opt-jira-site', 'opt-align-site', 'opt-consumer-key', 'opt-username']) {
    if (!$(id).disabled) $(id).value = '';
    $(id).removeAttribute('aria-invalid');
  }
  for (const list of document.querySelectorAll('#setup .problems')) list.replaceChildren();
  accept(await send('panel:reset'));
});

// Each state the worker saves is rendered from the change itself, with the policy last answered:
// no round trip back to the worker between a page's report and the panel showing it.
chrome.storage.session.onChanged.addListener((changes) => {
  const next = changes[STATE_KEY]?.newValue;
  if (next) accept(next, state?.policy ?? null);
});
chrome.storage.managed?.onChanged?.addListener(() => refresh().catch(() => {}));
// While the panel is open, the admin tabs observe their forms in depth (sw/bindings.js).
send('panel:watch', { deep: true }).catch(() => {});
addEventListener('pagehide', () => { chrome.runtime.sendMessage({ type: 'panel:watch', deep: false }).catch(() => {}); });
setupKeygen(document, t);
setupHosts(document, t);
setupVerify({ rerender: () => render(), state: () => state });
refresh().catch((error) => { $('fill-status').textContent = t('startFailed', error.message); });
