// The panel's "Verify with Jira" section: the service account's email, the API token field (Basic
// Auth only, for when Jira Align's own field cannot be read; its value goes once into the click's
// message and is cleared), Verify and Cancel, and
// the checks Jira's answers give, as `[data-check][data-state]` with cause and fix. Also the key
// generator's "Test with Jira", which signs in this page so the private key never leaves it.
import { checklist } from './checklist.js';
import { t } from './i18n.js';
import { ERROR, MESSAGE } from '../shared/vocabulary.js';
import { LOZENGE } from './steps.js';

const $ = (id) => document.getElementById(id);
const GATEWAY = 'https://api.atlassian.com/*';
let core = null;
let keyPair = null; // the key generator's latest pair, in this page's memory only
// The latest answer of each check Jira gave (Verify with Jira, Test with Jira), by id: the guide
// counts them in their step and overall once they have run.
const answered = new Map();
let onAnswered = () => {};
let shownState = () => null; // the state the panel shows (panel.js)

/** The checks Jira's answers gave so far, in the order they came. */
export function verifiedChecks() {
  return [...answered.values()];
}

function remember(checks) {
  for (const c of checks) answered.set(c.id, c);
  onAnswered();
}

async function send(type, payload = {}) {
  const answer = await chrome.runtime.sendMessage({ type, ...payload });
  if (!answer?.ok) throw Object.assign(new Error(answer?.error?.message ?? 'no answer'), { name: answer?.error?.name ?? 'error' });
  return answer.data;
}

function renderChecks(list, checks) {
  list.replaceChildren(...checks.map((c) => {
    const li = document.createElement('li');
    li.className = 'check';
    li.dataset.check = c.id;
    li.dataset.state = c.state;
    const state = document.createElement('span');
    state.className = `lozenge lozenge-${LOZENGE[c.state] ?? 'default'} check-state`;
    state.textContent = t(`checkState_${c.state}`);
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = c.message;
    li.append(state, message);
    if (c.fix) {
      const fix = document.createElement('span');
      fix.className = 'fix';
      fix.textContent = c.fix;
      li.append(fix);
    }
    return li;
  }));
}

/** The step the admin is at: the first one not done. */
function currentStep(state) {
  return checklist(state).find((s) => !s.done)?.id ?? '';
}

/** Asks for the API gateway only with Basic Auth and a Jira API URL in the gateway form, at this
 * click. Not async: Firefox grants permissions.request only while the click is being handled, so
 * the request is made before the caller awaits anything. */
function gatewayGranted(state) {
  const apiUrl = state?.sides?.align?.fields?.jiraApiUrl?.value ?? '';
  if ((state?.options?.authType || 'oauth') === 'oauth' || !apiUrl.startsWith('https://api.atlassian.com/')) return Promise.resolve(true);
  return chrome.permissions.request({ origins: [GATEWAY] }).catch(() => false);
}

async function verify() {
  // First, from the state the panel shows: the fresh state comes after an await.
  const gateway = gatewayGranted(shownState());
  const run = $('verify-run');
  const cancel = $('verify-cancel');
  const status = $('verify-status');
  const tokenField = $('verify-api-token');
  // Read and clear first: the token lives only in this call.
  const apiToken = tokenField.value.trim();
  tokenField.value = '';
  const email = $('opt-service-account').value.trim();
  run.disabled = true;
  cancel.hidden = false;
  status.textContent = t('verifyRunning');
  try {
    const state = await send(MESSAGE.PANEL_GET_STATE);
    // Basic Auth: the token may come from the Jira Align field (read by the worker) or this page.
    if (!(await gateway)) status.textContent = t('verifyGatewayRefused');
    const result = await send(MESSAGE.PANEL_VERIFY_WITH_JIRA, { serviceAccountEmail: email, apiToken, step: currentStep(state) });
    renderChecks($('verify-checks'), result.checks);
    remember(result.checks);
    status.textContent = result.error === ERROR.NO_JIRA_SITE ? t('verifyNoJiraSite')
      : t(result.cancelled ? 'verifyCancelled' : 'verifyDone');
  } catch (error) {
    status.textContent = t('verifyFailed', error.message);
  } finally {
    run.disabled = false;
    cancel.hidden = true;
  }
}

async function testKey() {
  const status = $('keygen-test-status');
  const list = $('keygen-test-result');
  if (!keyPair) return;
  try {
    const state = await send(MESSAGE.PANEL_GET_STATE);
    const origin = state.sides.jira?.origin;
    const consumerKey = state.sides.align?.fields?.consumerKey?.value || state.options.consumerKey;
    if (!origin || !consumerKey) {
      status.textContent = t('keyTestNeedsSite');
      return;
    }
    // The wasm glue and module load only for this click: nothing at panel open waits for them.
    // Signing with a private key is in the key generator's module (src/wasm_api/mod.rs).
    core ??= import('../pkg/linksmith_keygen.js').then(async (glue) => {
      await glue.default({ module_or_path: new URL('../pkg/linksmith_keygen_bg.wasm', import.meta.url) });
      return glue;
    });
    const { signOAuthRequest } = await core;
    const url = `${origin}/plugins/servlet/oauth/request-token`;
    const signed = signOAuthRequest({ method: 'POST', url, consumerKey, callback: 'oob', privateKeyPem: keyPair.privateKeyPkcs8Pem });
    status.textContent = t('verifyRunning');
    const check = await send(MESSAGE.PANEL_TEST_KEY_WITH_JIRA, { url, authorization: signed.authorization, consumerKey });
    renderChecks(list, [check]);
    remember([check]);
    status.textContent = '';
  } catch (error) {
    status.textContent = t('verifyFailed', error.message);
  }
}

/** @param {{rerender?: () => void, state?: () => object|null}} [hooks] rerender: called when
 * Jira's answers change the counts; state: the worker's state the panel last rendered */
export function setupVerify({ rerender, state } = {}) {
  if (rerender) onAnswered = rerender;
  if (state) shownState = state;
  $('verify-run').addEventListener('click', () => verify());
  $('verify-cancel').addEventListener('click', () => send(MESSAGE.PANEL_CANCEL_VERIFY).catch(() => {}));
  $('opt-service-account').addEventListener('change', () => {
    send(MESSAGE.PANEL_SET_OPTIONS, { options: { serviceAccountEmail: $('opt-service-account').value.trim() } }).catch(() => {});
  });
  send(MESSAGE.PANEL_GET_STATE).then((state) => {
    $('opt-service-account').value ||= state.options.serviceAccountEmail ?? '';
  }).catch(() => {});
  // The key generator announces each new pair (and null when it is discarded).
  document.addEventListener('linksmith:keypair', (event) => {
    keyPair = event.detail ?? null;
    $('keygen-test').hidden = !keyPair;
    $('keygen-test-result').replaceChildren();
  });
  $('keygen-test').addEventListener('click', () => testKey());
}
