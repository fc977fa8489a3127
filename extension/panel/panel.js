// The side panel (also the toolbar popup's page): the two tabs, the connector settings, the
// self-ticking checklist, every check of the setup, and the key generator. State lives in the
// service worker (chrome.storage.session); this page renders it and sends user actions.
import { setupKeygen } from './keygen.js';
import { checklist } from './checklist.js';
import { markdownReport } from './report.js';

const $ = (id) => document.getElementById(id);
let state = null;

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
    node.textContent = 'not seen yet';
    node.dataset.detected = 'false';
    return;
  }
  node.dataset.detected = 'true';
  node.dataset.surface = side.surface;
  const where = side.step ? `${side.surface} · ${side.step}` : side.surface;
  node.replaceChildren(
    el('span', { textContent: `${side.origin} — ${where} ` }),
    el('button', {
      type: 'button', textContent: `Show ${label} tab`,
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
    el('span', { className: 'check-state', textContent: c.state }),
    el('span', { className: 'message', textContent: c.message }),
    c.fix ? el('span', { className: 'fix', textContent: c.fix }) : null,
    c.predicts ? el('span', { className: 'fix', textContent: `Jira would answer: oauth_problem=${c.predicts}` }) : null)));
}

// Each step's button goes to where the step happens: the tab Linksmith already knows, or the
// admin page opened in a new tab.
function goTo(step) {
  const tabId = state.sides[step.side]?.tabId;
  if (tabId !== undefined) return chrome.tabs.update(tabId, { active: true }).catch(() => chrome.tabs.create({ url: step.link }));
  if (step.link) return chrome.tabs.create({ url: step.link });
}

function renderChecklist() {
  $('checklist').replaceChildren(...checklist(state).map((step) => el('li', { dataset: { step: step.id, done: String(step.done) } },
    step.title, ' ',
    (step.link || state.sides[step.side]) && !step.done ? el('button', {
      type: 'button', className: 'link', textContent: state.sides[step.side] ? 'Show' : 'Open',
      onclick: () => goTo(step),
    }) : null)));
}

let lastAlignKey = null;
async function renderAlignFingerprint() {
  const key = state.sides.align?.fields?.publicKey?.value || '';
  if (key === lastAlignKey) return;
  lastAlignKey = key;
  if (!key) {
    $('align-fingerprint').textContent = 'not seen yet';
    return;
  }
  const report = await send('panel:inspectPublicKey', { text: key }).catch(() => null);
  $('align-fingerprint').textContent = report?.fingerprintSha256 ?? 'unreadable key (see the public-key checks)';
}

function syncInput(input, value) {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}

function render() {
  if (!state) return;
  renderTab($('tab-align'), state.sides.align, 'Jira Align');
  renderTab($('tab-jira'), state.sides.jira, 'Jira');
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
  $('api-token-summary').textContent = token?.present ? token.report.value : 'empty';
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
  const report = await send('panel:checkField', { field: 'consumerKey', value }).catch(() => null);
  renderProblems($('consumer-key-problems'), report?.problems ?? []);
}

async function fill(side) {
  const status = $('fill-status');
  // Tests and assistive tech can tell one answer from the next.
  const finish = (result) => {
    status.dataset.result = result;
    status.dataset.seq = String(Number(status.dataset.seq ?? 0) + 1);
  };
  status.textContent = side === 'jira' ? 'Filling the Jira form…' : 'Filling the Jira Align form…';
  try {
    // What was just typed in the panel must be part of the plan.
    await saveOptions();
    const result = await send('panel:fill', { side });
    const stuck = result.filled.filter((f) => f.stuck).map((f) => f.key);
    const lost = result.filled.filter((f) => !f.stuck).map((f) => f.key);
    const parts = [];
    if (result.note) parts.push(result.note);
    if (stuck.length) parts.push(`Filled: ${stuck.join(', ')}.`);
    if (lost.length) parts.push(`The page did not keep: ${lost.join(', ')} — fill them by hand.`);
    if (result.refused.length) parts.push(`Not filled: ${result.refused.map((r) => `${r.key} (${r.reason})`).join(', ')}.`);
    status.textContent = parts.join(' ') || 'Nothing to fill on this step.';
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
    () => { $('report-status').textContent = 'Report copied: paste it into your support ticket.'; },
    () => { $('report-status').textContent = 'The browser refused the clipboard: the report is below.'; },
  );
  let out = $('report-output');
  if (!out) {
    out = el('textarea', { id: 'report-output', readOnly: true, rows: 10, spellcheck: false, 'aria-label': 'Report' });
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
setupKeygen(document);
refresh().catch((error) => { $('fill-status').textContent = `Linksmith could not start: ${error.message}`; });
