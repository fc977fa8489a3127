// "Verify with Jira": the requests that ask Jira itself what it stored and whom it knows, made from
// the service worker after the admin's click, and judged by the core (src/verify/).
//
// Why the worker and not the Jira tab: a worker fetch to a host the extension has permission for
// carries that site's cookies with `credentials: 'include'` (SameSite=Lax and Strict ones too, in
// Chromium and Firefox: docs/architecture.md), so the session calls (`/myself`, the applinks
// resources) see the admin's Jira login without running code in the page; the Basic-auth
// call uses `credentials: 'omit'` so no session can stand in for the token.
//
// Every request: only to a Jira site (built-in or approved) or the API gateway, at most 10 s,
// cancellable, `redirect: 'manual'` whenever credentials go with it (a redirect is reported, not
// followed). The API token is read at the click from the Jira Align tab's token field (content/
// token.js; only the field the detector identified, visible, in that tab's top frame), else taken
// from the panel's paste field in the click's message; it goes into one Authorization header and
// is dropped: never stored (not even in storage.session), logged, or sent to a page.
import { loadCore } from './core.js';
import { approvedHosts, sideOfUrl } from './hosts.js';
import { loadState, updateState } from './state.js';
import { recompute } from './setup.js';
import { CHECK, ERROR, MESSAGE, SIDE } from '../shared/vocabulary.js';

export const TIMEOUT_MS = 10_000;
const BODY_LIMIT = 8 * 1024;
const GATEWAY_ORIGIN = 'https://api.atlassian.com';
const REQUEST_TOKEN_PATH = '/plugins/servlet/oauth/request-token';

let running = null; // the AbortController of the verification in progress

/** True for a URL the verification may request: a Jira site Linksmith works on, or the gateway. */
async function allowedTarget(href) {
  let url;
  try { url = new URL(href); } catch { return false; }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (url.origin === GATEWAY_ORIGIN) return url.pathname.startsWith('/ex/jira/');
  return sideOfUrl(url.href, await approvedHosts()) === 'jira';
}

const originOf = (href) => { try { return new URL(href).origin; } catch { return null; } };

/**
 * One request → the core's HttpAnswer shape: {url, status, error, redirectedTo, contentType, body,
 * wwwAuthenticate, loginReason, json}. Never throws.
 */
async function ask(url, { method = 'GET', headers = {}, credentials = 'omit', follow = false, signal } = {}) {
  const answer = { url, status: 0, error: null, contentType: '', body: '', wwwAuthenticate: '', loginReason: '', json: null };
  if (!(await allowedTarget(url))) return { ...answer, error: 'network' };
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const init = {
      method, headers, credentials, cache: 'no-store', referrerPolicy: 'no-referrer',
      redirect: follow ? 'follow' : 'manual',
      signal: AbortSignal.any([timeout, signal].filter(Boolean)),
    };
    // The extension's only request to a site (tests/node/manifest.test.mjs allows exactly this one).
    const response = await fetch(url, init);
    if (response.type === 'opaqueredirect') return { ...answer, error: 'redirect', redirectedTo: response.headers.get('location') };
    // A followed redirect (credential-free calls only) must stay on a Jira site.
    if (response.redirected && !(await allowedTarget(response.url))) return { ...answer, error: 'redirect', redirectedTo: response.url };
    const text = (await response.text()).slice(0, BODY_LIMIT);
    const contentType = response.headers.get('content-type') ?? '';
    let json = null;
    if (/json/i.test(contentType)) {
      try { json = JSON.parse(text); } catch { json = null; }
      // The core reads objects only; anything else is reported through status and body.
      if (typeof json !== 'object' || Array.isArray(json)) json = null;
    }
    return {
      ...answer, status: response.status, contentType, body: text, json,
      redirectedTo: response.redirected ? response.url : null,
      wwwAuthenticate: response.headers.get('www-authenticate') ?? '',
      loginReason: response.headers.get('x-seraph-loginreason') ?? '',
    };
  } catch {
    if (timeout.aborted) return { ...answer, error: 'timeout' };
    if (signal?.aborted) return { ...answer, error: 'cancelled' };
    return { ...answer, error: 'network' };
  }
}

const tenantInfo = (origin, signal) => ask(`${origin}/_edge/tenant_info`, { follow: true, signal });

/** The API base of a Jira API URL: a site's origin, or the gateway's `/ex/jira/<cloudId>`. */
function apiBase(apiUrl) {
  let url;
  try { url = new URL(apiUrl); } catch { return null; }
  if (url.origin === GATEWAY_ORIGIN) {
    const m = url.pathname.match(/^\/ex\/jira\/[^/]+/);
    return m ? `${GATEWAY_ORIGIN}${m[0]}` : null;
  }
  return url.origin;
}

function basicHeader(email, token) {
  const bytes = new TextEncoder().encode(`${email}:${token}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

async function siteIdentity(core, jiraOrigin, align, signal) {
  const fields = [];
  const lookups = new Map();
  for (const field of ['jiraLink', 'jiraApiUrl']) {
    const url = align?.fields?.[field]?.value ?? '';
    const origin = originOf(url);
    let lookup = null;
    if (origin && origin !== jiraOrigin && origin !== GATEWAY_ORIGIN) {
      if (!lookups.has(origin)) lookups.set(origin, tenantInfo(origin, signal));
      lookup = await lookups.get(origin);
    }
    fields.push({ field, url, lookup });
  }
  const tab = await tenantInfo(jiraOrigin, signal);
  await rememberCloudId(jiraOrigin, tab.json?.cloudId);
  return core.verifyVerdict(CHECK.JIRA_SITE_IDENTITY, { tabUrl: jiraOrigin, tab, fields });
}

/**
 * The Jira site's cloudId (public: tenant_info answers it without a login), kept so the cross-tab
 * `jira-api-url-match` can compare a gateway-form Jira API URL with it (sw/setup.js).
 */
async function rememberCloudId(jiraOrigin, cloudId) {
  const known = typeof cloudId === 'string' && /^[0-9A-Za-z-]{1,64}$/.test(cloudId) ? cloudId : null;
  await updateState(async (state) => {
    state.verified = known ? { jiraOrigin, cloudId: known } : null;
    await recompute(state);
  });
}

/**
 * The probe of whether Jira knows the consumer, signed with a throwaway key: Jira looks the
 * consumer key up before it checks the signature, so any key will do. The core builds the base
 * string and the Authorization header; WebCrypto makes the key (not extractable: it never leaves
 * WebCrypto, and is dropped after this one signature) and signs, so the worker's wasm carries no
 * RSA code.
 */
async function signWithThrowawayKey(core, request) {
  const { privateKey } = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
    false, ['sign'],
  );
  const { baseString, timestamp, nonce } = core.oauthBaseString(request);
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, new TextEncoder().encode(baseString));
  return core.oauthAuthorization({ ...request, timestamp, nonce }, new Uint8Array(signature));
}

async function oauthProbe(core, jiraOrigin, consumerKey, signal) {
  const url = `${jiraOrigin}${REQUEST_TOKEN_PATH}`;
  let signed;
  try {
    signed = await signWithThrowawayKey(core, { method: 'POST', url, consumerKey, callback: 'oob' });
  } catch (e) {
    return { id: CHECK.JIRA_CONSUMER_REGISTERED, state: 'unknown', message: e.message, fix: '', predicts: null };
  }
  const answer = await ask(url, { method: 'POST', headers: { Authorization: signed.authorization }, signal });
  return core.verifyVerdict(CHECK.JIRA_CONSUMER_REGISTERED, { consumerKey, answer });
}

async function storedConsumer(core, jiraOrigin, alignOrigin, align, consumerKey, signal) {
  const session = { credentials: 'include', headers: { Accept: 'application/json' }, signal };
  const links = await ask(`${jiraOrigin}/rest/applinks/1.0/applicationlink`, session);
  const consumers = [];
  const alignHost = originOf(alignOrigin) && new URL(alignOrigin).hostname;
  for (const link of links.json?.applicationLinks ?? []) {
    const hosts = [link?.displayUrl, link?.rpcUrl].map((u) => { try { return new URL(u).hostname; } catch { return null; } });
    if (typeof link?.id !== 'string' || !hosts.includes(alignHost)) continue;
    const answer = await ask(`${jiraOrigin}/rest/applinks-oauth/1.0/applicationlink/${encodeURIComponent(link.id)}/authentication/consumer`, session);
    consumers.push({ linkId: link.id, answer });
  }
  return core.verifyVerdict(CHECK.JIRA_STORED_CONSUMER, {
    alignSiteUrl: alignOrigin ?? '', alignConsumerKey: consumerKey,
    alignPublicKey: align?.fields?.publicKey?.value ?? '', links, consumers,
  });
}

/**
 * The API token typed in the Jira Align tab's token field now, or null (no such tab, the tab is no
 * longer on a Jira Align site, the field is refused or empty). Asked of that tab's top frame only;
 * its content script checks that the worker asks (main.js fromWorker) and which field it reads.
 */
async function alignTabToken(state) {
  const tabId = state.sides.align?.tabId;
  if (!Number.isInteger(tabId)) return null;
  const tab = await chrome.tabs.get(tabId).catch(() => null);
  if (!tab?.url || sideOfUrl(tab.url, await approvedHosts()) !== SIDE.ALIGN) return null;
  const answer = await chrome.tabs.sendMessage(tabId, { type: MESSAGE.SW_READ_API_TOKEN }, { frameId: 0 }).catch(() => null);
  const token = answer?.ok ? answer.data?.token : null;
  return typeof token === 'string' && token.length > 0 && token.length <= 4096 ? token : null;
}

/**
 * Runs every check that applies. `request`: {serviceAccountEmail, apiToken, step}. The answer is
 * the checks, `{id, state, message, fix}`; nothing of the token is in it.
 */
export async function verifyWithJira({ serviceAccountEmail = '', apiToken = '', step = '' }) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const { signal } = controller;
  try {
    const core = await loadCore();
    const state = await loadState();
    const { align, jira } = state.sides;
    const jiraOrigin = jira?.origin ?? originOf(state.options.jiraSiteUrl);
    const alignOrigin = align?.origin ?? originOf(state.options.alignSiteUrl);
    if (!jiraOrigin || !(await allowedTarget(`${jiraOrigin}/`))) {
      return { checks: [], error: ERROR.NO_JIRA_SITE };
    }
    const oauth = (state.options.authType || 'oauth') === 'oauth';
    const consumerKey = align?.fields?.consumerKey?.value || state.options.consumerKey || '';
    const email = serviceAccountEmail || state.options.username || '';
    const jobs = [siteIdentity(core, jiraOrigin, align, signal)];
    jobs.push(ask(`${jiraOrigin}/rest/api/3/myself?expand=applicationRoles`, { credentials: 'include', headers: { Accept: 'application/json' }, signal })
      .then((me) => [core.verifyVerdict(CHECK.JIRA_SESSION_USER, { answer: me, serviceAccount: email, step }),
        core.verifyVerdict(CHECK.JIRA_PRODUCT_ACCESS, { answer: me })]));
    if (oauth) {
      jobs.push(oauthProbe(core, jiraOrigin, consumerKey, signal));
      jobs.push(storedConsumer(core, jiraOrigin, alignOrigin, align, consumerKey, signal));
    } else {
      const base = apiBase(align?.fields?.jiraApiUrl?.value || jiraOrigin);
      const answers = [];
      // The page's field first (what Jira Align will send); the panel's paste when it cannot be read.
      const typed = await alignTabToken(state);
      const token = typed ?? apiToken;
      const tokenSource = typed ? 'page' : apiToken ? 'panel' : '';
      if (token && email && base) {
        answers.push(await ask(`${base}/rest/api/3/myself`, {
          headers: { Authorization: basicHeader(email, token), Accept: 'application/json' }, signal,
        }));
      }
      jobs.push(core.verifyVerdict(CHECK.BASIC_AUTH_CREDENTIALS, { email, answers, tokenSource }));
    }
    const checks = (await Promise.all(jobs)).flat();
    return { checks, cancelled: signal.aborted };
  } finally {
    if (running === controller) running = null;
  }
}

export function cancelVerify() {
  const was = Boolean(running);
  running?.abort();
  return { cancelled: was };
}

/** "Test with Jira" in the key generator: the panel signed the call (its private key stays there). */
export async function testKeyWithJira({ url, authorization, consumerKey }) {
  if (!(await allowedTarget(url)) || new URL(url).pathname !== REQUEST_TOKEN_PATH) {
    return { id: CHECK.JIRA_KEY_TEST, state: 'unknown', message: 'Not a Jira request-token URL.', fix: '', predicts: null };
  }
  const answer = await ask(url, { method: 'POST', headers: { Authorization: authorization } });
  return (await loadCore()).verifyVerdict(CHECK.JIRA_KEY_TEST, { consumerKey, answer });
}

const str = (v, max) => typeof v === 'string' && v.length <= max;
const bad = (message) => ({ ok: false, error: { name: ERROR.BAD_REQUEST, message } });

// Registered among the router's panel handlers: the router has already checked that the sender is
// one of Linksmith's own pages.
export const verifyHandlers = {
  async [MESSAGE.PANEL_VERIFY_WITH_JIRA]({ serviceAccountEmail = '', apiToken = '', step = '' }) {
    if (!str(serviceAccountEmail, 320) || !str(apiToken, 4096) || !str(step, 64)) return bad('email, token and step must be short strings');
    return { ok: true, data: await verifyWithJira({ serviceAccountEmail, apiToken, step }) };
  },
  async [MESSAGE.PANEL_CANCEL_VERIFY]() {
    return { ok: true, data: cancelVerify() };
  },
  async [MESSAGE.PANEL_TEST_KEY_WITH_JIRA]({ url, authorization, consumerKey }) {
    if (!str(url, 2048) || !str(authorization, 8192) || !str(consumerKey, 1024) || !authorization.startsWith('OAuth ')) {
      return bad('url, authorization and consumerKey must be strings');
    }
    return { ok: true, data: await testKeyWithJira({ url, authorization, consumerKey }) };
  },
};
