// The standalone checker: the same wasm core as the extension, loaded by this page, checking
// what the admin pastes as they type. Nothing leaves the page.
import init, {
  checkSetup, checkField, suggestConsumerKey, explainOAuthProblem, inspectPublicKey,
} from './pkg/linksmith.js';
// The key generator is a wasm module of its own (src/wasm_api/mod.rs).
import initKeygen, { generateKeyPair } from './pkg/linksmith_keygen.js';
import { setupKeygen } from './keygen/keygen.js';
import { t, loadMessages } from './keygen/i18n.js';
import { AUDIENCE, FIELD, FIELDS } from './shared/vocabulary.js';

await Promise.all([
  init({ module_or_path: new URL('./pkg/linksmith_bg.wasm', import.meta.url) }),
  initKeygen({ module_or_path: new URL('./pkg/linksmith_keygen_bg.wasm', import.meta.url) }),
]);

const $ = (id) => document.getElementById(id);
const inputs = [...document.querySelectorAll('#setup-form input, #setup-form textarea, #setup-form select')];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function problemList(problems) {
  return el('ul', { className: 'problems' }, ...problems.map((p) => el('li', { dataset: { code: p.code, severity: p.severity } },
    p.message, el('span', { className: 'fix', textContent: p.fix }))));
}

const valueOf = (id) => $(id).value;

// Every input's id is a field name (`align.jiraLink`, `jiraSiteUrl`): the path of its value in
// the checkSetup input.
function setup() {
  // The admin pastes every value here: missing ones are asked for as such, not as tabs to open.
  const out = { audience: AUDIENCE.STANDALONE, align: {}, jira: {} };
  for (const f of FIELDS) {
    const v = f.checkedAcrossTabs && $(f.name)?.value;
    if (!v) continue;
    if (f.onForm) out[f.side][f.key] = v;
    else out[f.name] = v;
  }
  return out;
}

// Per-field problems right under the field, as the admin types.
function checkOneField(input) {
  const field = FIELDS.find((f) => f.name === input.id && f.hasRule)?.name;
  if (!field) return;
  const box = input.closest('.field');
  box.querySelector('.problems')?.remove();
  if (!input.value) return;
  const report = checkField(field, input.value, { jiraApiUrl: valueOf(FIELD.ALIGN_JIRA_API_URL), jiraSiteUrl: valueOf(FIELD.JIRA_SITE_URL) });
  if (report.problems.length) box.append(problemList(report.problems));
}

function renderChecks() {
  const checks = checkSetup(setup());
  $('checks').replaceChildren(...checks.map((c) => el('li', { dataset: { check: c.id, state: c.state } },
    el('span', { className: 'check-state', textContent: c.state }),
    el('span', { className: 'message', textContent: c.message }),
    c.fix ? el('span', { className: 'fix', textContent: c.fix }) : null,
    c.predicts ? el('span', { className: 'fix', textContent: `Jira would answer: oauth_problem=${c.predicts}` }) : null)));
  const count = (s) => checks.filter((c) => c.state === s).length;
  $('summary').textContent = `${count('pass')} pass, ${count('fail')} fail, ${count('warn')} warn, ${count('unknown')} not seen yet`;
}

function showAuthFields() {
  const auth = valueOf('align.authType');
  const oauth = /oauth/i.test(auth);
  for (const node of document.querySelectorAll('.oauth')) node.hidden = !oauth;
  for (const node of document.querySelectorAll('.basic')) node.hidden = oauth;
}

function update(target) {
  if (target) checkOneField(target);
  showAuthFields();
  renderChecks();
}

// Samples: each builds a full setup; keys are made fresh with the core's generator.
function sample(name) {
  const a = generateKeyPair(2048).publicKeyPem;
  const base = {
    alignSiteUrl: 'https://acme.jiraalign.com', jiraSiteUrl: 'https://acme.atlassian.net',
    'align.jiraLink': 'https://acme.atlassian.net/browse/', 'align.jiraApiUrl': 'https://acme.atlassian.net',
    'align.authType': 'OAuth', 'align.consumerKey': 'JiraAlignAcme', 'align.publicKey': a,
    'align.username': '', 'align.apiToken': '',
    'jira.applicationUrl': 'https://acme.jiraalign.com', 'jira.applicationName': 'Jira Align',
    'jira.consumerKey': 'JiraAlignAcme', 'jira.consumerName': 'Jira Align',
    'jira.publicKey': inspectPublicKey(a).jiraBase64, 'jira.callbackUrl': '',
  };
  const changes = {
    good: {},
    'trailing-space': { 'jira.consumerKey': 'JiraAlignAcme ' },
    regenerated: { 'align.publicKey': generateKeyPair(2048).publicKeyPem },
    'api-url': { 'align.jiraApiUrl': 'https://acme.atlassian.net/rest/api/2' },
    typo: { 'jira.applicationUrl': 'https://acme.jiraalgin.com' },
    renamed: { jiraSiteUrl: 'https://acme-new.atlassian.net' },
  }[name] ?? {};
  return { ...base, ...changes };
}

$('sample').addEventListener('change', (event) => {
  if (!event.target.value) return;
  for (const [id, value] of Object.entries(sample(event.target.value))) $(id).value = value;
  for (const input of inputs) checkOneField(input);
  update();
});
$('clear').addEventListener('click', () => {
  for (const input of inputs) if (input.tagName !== 'SELECT') input.value = '';
  for (const box of document.querySelectorAll('.field .problems')) box.remove();
  $('sample').value = '';
  update();
});
$('suggest-key').addEventListener('click', () => {
  $('align.consumerKey').value = suggestConsumerKey(valueOf('jira.applicationName') || 'Jira Align');
  update($('align.consumerKey'));
});
for (const input of inputs) {
  input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', (event) => update(event.target));
}

$('explain-input').addEventListener('input', (event) => {
  const text = event.target.value;
  if (!text.trim()) return $('explain-result').replaceChildren();
  const e = explainOAuthProblem(text);
  $('explain-result').replaceChildren(
    el('p', {}, el('strong', { textContent: e.problem ?? 'Unrecognised error' }), `: ${e.cause}`),
    el('p', { className: 'fix', textContent: e.fix }));
});

$('inspect-input').addEventListener('input', (event) => {
  const text = event.target.value;
  if (!text.trim()) {
    $('inspect-facts').replaceChildren();
    $('inspect-problems').replaceChildren();
    return;
  }
  const r = inspectPublicKey(text);
  const facts = [['Kind', r.kind], ['Bits', r.bits], ['Exponent', r.exponent], ['SHA-256', r.fingerprintSha256],
    ['Jira accepts it', r.jiraAccepts ? 'yes' : 'no'], ['As Jira stores it (one line)', r.jiraBase64]];
  $('inspect-facts').replaceChildren(...facts.filter(([, v]) => v !== null && v !== undefined)
    .flatMap(([t, v]) => [el('dt', { textContent: t }), el('dd', { textContent: String(v) })]));
  $('inspect-problems').replaceChildren(...problemList(r.problems).children);
});

// The key generator's strings: the extension's catalogue, copied beside it by build.sh.
await loadMessages();
setupKeygen(document, t);
update();
document.body.dataset.ready = 'true';
