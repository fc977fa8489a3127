// The side panel (also the toolbar popup's page): the two tabs, the connector settings, the
// self-ticking checklist, every check of the setup, and the key generator. State lives in the
// service worker (chrome.storage.session); this page renders it and sends user actions.
import { setupKeygen } from './keygen.js';
import { checklist } from './checklist.js';
import { markdownReport } from './report.js';
import { t, applyI18n } from './i18n.js';
import { setupHosts } from './hosts.js';
import { setupVerify } from './verify.js';

const $ = (id) => document.getElementById(id);
let state = null;
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

function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

function renderTab(node, side, label) {
  if (!side) {
    node.textContent = t('notSeenYet');
    node.dataset.detected = 'false';
    return;
  }
  node.dataset.detected = 'true';
  node.dataset.surface = side.surface;
  const where = side.step ? `${side.surface} · ${side.step}` : side.surface;
  node.replaceChildren(
    el('span', { textContent: `${t('tabWhere', [side.origin, where])} ` }),
    el('button', {
      type: 'button', textContent: t('showTab', label),
      onclick: () => chrome.tabs.update(side.tabId, { active: true }).catch(() => {}),
    }),
  );
}

function renderProblems(list, problems) {
  list.replaceChildren(...problems.map((p) => el('li', { dataset: { code: p.code, severity: p.severity } },
    p.message, el('span', { className: 'fix', textContent: p.fix }))));
}

function renderChecks(checks) {
  $('checks').replaceChildren(...checks.map((c) => el('li', { dataset: { check: c.id, state: c.state } },
    el('span', { className: 'check-state', textContent: t(`checkState_${c.state}`) }),
    el('span', { className: 'message', textContent: c.message }),
    c.fix ? el('span', { className: 'fix', textContent: c.fix }) : null,
    c.predicts ? el('span', { className: 'fix', textContent: t('jiraWouldAnswer', c.predicts) }) : null)));
}

// Each step's button goes to where the step happens: the tab Linksmith already knows, or the
// admin page opened in a new tab.
function goTo(step) {
  const tabId = state.sides[step.side]?.tabId;
  if (tabId !== undefined) return chrome.tabs.update(tabId, { active: true }).catch(() => chrome.tabs.create({ url: step.link }));
  if (step.link) return chrome.tabs.create({ url: step.link });
}

function renderChecklist() {
  $('checklist').replaceChildren(...checklist(state, t).map((step) => el('li', { dataset: { step: step.id, done: String(step.done) } },
    step.title, ' ',
    (step.link || state.sides[step.side]) && !step.done ? el('button', {
      type: 'button', className: 'link', textContent: t(state.sides[step.side] ? 'show' : 'open'),
      onclick: () => goTo(step),
    }) : null)));
}

let lastAlignKey = null;
async function renderAlignFingerprint() {
  const key = state.sides.align?.fields?.publicKey?.value || '';
  if (key === lastAlignKey) return;
  lastAlignKey = key;
  if (!key) {
    $('align-fingerprint').textContent = t('notSeenYet');
    return;
  }
  const report = await send('panel:inspectPublicKey', { text: key }).catch(() => null);
  $('align-fingerprint').textContent = report?.fingerprintSha256 ?? t('unreadableKey');
}

// IT can fix the two sites and a consumer-key prefix by policy (storage.managed): the worker
// applies them and says which; here they show as locked, with the reason next to them.
function renderPolicy() {
  const policy = state.policy ?? {};
  for (const [id, key] of [['opt-jira-site', 'jiraSiteUrl'], ['opt-align-site', 'alignSiteUrl']]) {
    const locked = Boolean(policy[key]);
    $(id).disabled = locked;
    $(`${id}-locked`).hidden = !locked;
    if (locked) $(id).setAttribute('aria-describedby', `${id}-locked`);
    else $(id).removeAttribute('aria-describedby');
  }
  $('consumer-key-prefix').hidden = !policy.consumerKeyPrefix;
  $('consumer-key-prefix').textContent = policy.consumerKeyPrefix ? t('consumerKeyPrefixNote', policy.consumerKeyPrefix) : '';
}

function syncInput(input, value) {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}

function render() {
  if (!state) return;
  renderTab($('tab-align'), state.sides.align, t('sideAlign'));
  renderTab($('tab-jira'), state.sides.jira, t('sideJira'));
  renderPolicy();
  const o = state.options;
  syncInput($('opt-jira-site'), o.jiraSiteUrl || '');
  syncInput($('opt-align-site'), o.alignSiteUrl || '');
  syncInput($('opt-auth-type'), o.authType || 'oauth');
  syncInput($('opt-consumer-key'), o.consumerKey || state.sides.align?.fields?.consumerKey?.value || '');
  syncInput($('opt-username'), o.username || '');
  const oauth = (o.authType || 'oauth') === 'oauth';
  $('row-consumer-key').hidden = !oauth;
  $('consumer-key-problems').hidden = !oauth;
  $('row-username').hidden = oauth;
  $('basic-hint').hidden = oauth;
  $('fill-jira').disabled = !oauth;
  const token = state.sides.align?.apiToken;
  $('api-token-state').hidden = oauth || !token;
  $('api-token-summary').textContent = token?.present ? token.report.value : t('apiTokenEmpty');
  renderProblems($('api-token-problems'), oauth ? [] : token?.report?.problems ?? []);
  renderChecklist();
  renderChecks(state.checks);
  renderAlignFingerprint();
}

async function refresh() {
  state = await send('panel:getState');
  render();
  validateConsumerKey();
}

async function saveOptions() {
  state = await send('panel:setOptions', {
    options: {
      jiraSiteUrl: $('opt-jira-site').value.trim(),
      alignSiteUrl: $('opt-align-site').value.trim(),
      authType: $('opt-auth-type').value,
      consumerKey: $('opt-consumer-key').value,
      username: $('opt-username').value.trim(),
    },
  });
  render();
}
const saveOptionsSoon = debounce(saveOptions, 200);

async function validateConsumerKey() {
  const value = $('opt-consumer-key').value;
  if (!value) return renderProblems($('consumer-key-problems'), []);
  const report = await send('panel:checkField', { field: 'align.consumerKey', value }).catch(() => null);
  const prefix = state?.policy?.consumerKeyPrefix;
  const policyProblems = prefix && !value.startsWith(prefix)
    ? [{ code: 'consumer-key-policy-prefix', severity: 'error', message: t('consumerKeyPrefixProblem', prefix), fix: '' }] : [];
  renderProblems($('consumer-key-problems'), [...policyProblems, ...(report?.problems ?? [])]);
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
    // What was just typed in the panel must be part of the plan.
    await saveOptions();
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

async function copyReport() {
  const fingerprint = async (side) => {
    const key = state.sides[side]?.fields?.publicKey?.value;
    return key ? (await send('panel:inspectPublicKey', { text: key }).catch(() => null))?.fingerprintSha256 : undefined;
  };
  const text = markdownReport(state, { keyFingerprints: { align: await fingerprint('align'), jira: await fingerprint('jira') } });
  $('report-status').dataset.report = text;
  await navigator.clipboard.writeText(text).then(
    () => { $('report-status').textContent = t('reportCopied'); },
    () => { $('report-status').textContent = t('reportClipboardRefused'); },
  );
  let out = $('report-output');
  if (!out) {
    out = el('textarea', { id: 'report-output', readOnly: true, rows: 10, spellcheck: false, 'aria-label': t('reportLabel') });
    $('report-status').after(out);
  }
  out.value = text;
}

async function explain() {
  const text = $('explain-input').value;
  if (!text.trim()) return void ($('explain-result').textContent = '');
  const e = await send('panel:explainOAuthProblem', { text }).catch((error) => ({ cause: error.message, fix: '' }));
  $('explain-result').replaceChildren(
    el('strong', { textContent: e.problem ? `${e.problem}: ` : '' }), e.cause ?? '', el('span', { className: 'fix', textContent: e.fix ?? '' }));
}

for (const id of ['opt-jira-site', 'opt-align-site', 'opt-username']) $(id).addEventListener('input', saveOptionsSoon);
$('opt-auth-type').addEventListener('change', saveOptions);
$('opt-consumer-key').addEventListener('input', () => { saveOptionsSoon(); validateConsumerKey(); });
$('suggest-consumer-key').addEventListener('click', async () => {
  const name = state?.sides.align?.fields?.name?.value || 'Jira Align';
  $('opt-consumer-key').value = await send('panel:suggestConsumerKey', { name });
  await saveOptions();
  validateConsumerKey();
});
$('fill-align').addEventListener('click', () => fill('align'));
$('fill-jira').addEventListener('click', () => fill('jira'));
$('copy-report').addEventListener('click', copyReport);
$('reset').addEventListener('click', async () => { state = await send('panel:reset'); lastAlignKey = null; render(); });
$('explain-input').addEventListener('input', debounce(explain, 200));

chrome.storage.session.onChanged.addListener(() => refresh().catch(() => {}));
chrome.storage.managed?.onChanged?.addListener(() => refresh().catch(() => {}));
setupKeygen(document, t);
setupHosts(document, t);
setupVerify();
refresh().catch((error) => { $('fill-status').textContent = t('startFailed', error.message); });
