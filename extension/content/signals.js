// Page signals for the checklist: messages shown, which buttons are there (authorised, active,
// service light), the links listed, whether a consumer is configured. Flat booleans and short
// texts only; never a field value.
import { norm, short, textOf } from './text.js';
import { allRoots } from './walk.js';
import { isVisible } from './visibility.js';
import { visibleButtons } from './surface.js';
import { builtInSide } from '../shared/origins.js';
import { SIDE } from '../shared/vocabulary.js';

function messages() {
  const out = [];
  for (const root of allRoots()) {
    for (const m of root.querySelectorAll('[role=alert], [role=status], .aui-message, .error-message')) {
      if (!isVisible(m)) continue;
      const t = textOf(m);
      if (t && !out.includes(short(t))) out.push(short(t));
      if (out.length >= 6) return out;
    }
  }
  return out;
}

const ONE_LINE_KEY = /^MII[A-Za-z0-9+/]{100,}={0,2}$/;

/** Text shown next to a label (dt/dd, th/td, label/value div) outside form controls. */
function displayedValue(labelRe) {
  for (const el of document.querySelectorAll('dt, th, label, .field-label, strong, span, div')) {
    if (el.children.length > 2 || !labelRe.test(norm(textOf(el)))) continue;
    const next = el.nextElementSibling;
    if (!next || next.querySelector('input, textarea, select')) continue;
    const t = textOf(next);
    if (t && isVisible(next)) return short(t, 4000);
  }
  return null;
}

function urlsIn(node) {
  const urls = new Set();
  for (const a of node.querySelectorAll('a[href]')) urls.add(a.href);
  for (const m of textOf(node).matchAll(/https?:\/\/[^\s"'<>]+/g)) urls.add(m[0]);
  return [...urls];
}
const isAlignUrl = (u) => builtInSide(u) === SIDE.ALIGN;

export function signals(d) {
  const s = { messages: messages() };
  if (d.surface === 'align-connector') {
    const buttons = visibleButtons(document);
    s.authorized = buttons.some((b) => /^reauthori[sz]e jira oauth access$/.test(b));
    s.authorizeVisible = buttons.some((b) => /\bauthori[sz]e jira oauth access$/.test(b));
    s.requestAccessVisible = buttons.some((b) => /\brequest jira for access\b/.test(b));
    s.active = buttons.some((b) => b === 'deactivate');
    s.activateVisible = buttons.some((b) => b === 'activate');
    s.generateKeyVisible = buttons.some((b) => /\bgenerate new key\b/.test(b));
    s.connectorSaved = /\bedit connector\b/.test(d.pageText) || s.active
      || s.messages.some((m) => /\b(connector )?saved\b/i.test(m));
    const light = [...document.querySelectorAll('[title], [aria-label]')]
      .map((e) => norm(`${e.getAttribute('title') ?? ''} ${e.getAttribute('aria-label') ?? ''}`))
      .find((t) => /\bservice light\b/.test(t));
    s.serviceLightOff = !!light && /\boff\b|\bgr[ae]y\b|\bdisabled\b/.test(light);
  } else if (d.surface === 'jira-applinks') {
    const links = [];
    for (const row of document.querySelectorAll('tr, [role=row], li')) {
      if (!isVisible(row) || row.querySelector('tr, [role=row], li')) continue;
      const url = urlsIn(row).find(isAlignUrl);
      if (!url) continue;
      const cells = [...row.querySelectorAll('td, [role=cell], [role=gridcell]')].map(textOf).filter(Boolean);
      links.push({ url, text: short(cells.length ? cells.join(' | ') : textOf(row), 200) });
      if (links.length >= 5) break;
    }
    s.alignLinks = links;
    s.alignLinkPresent = links.length > 0;
    s.noResponseWarning = /\bno response was received from the url\b/.test(d.scopeText);
    if (d.step === 'incoming-auth' || d.step === 'link-step-2') {
      const key = d.fields.get('publicKey');
      const keyValue = key ? String(key.el.value ?? '').trim() : '';
      const shown = displayedValue(/^public key$/);
      const storedKey = ONE_LINE_KEY.test(keyValue) ? keyValue : shown && ONE_LINE_KEY.test(shown) ? shown : null;
      const consumerKey = d.fields.get('consumerKey');
      const shownConsumer = displayedValue(/^consumer key$/);
      // Flat booleans: the worker keeps only boolean signals.
      s.incomingAuthConfigured = !!storedKey && !!((consumerKey && consumerKey.el.value) || shownConsumer);
      s.publicKeyOneLineBase64 = !!storedKey;
    }
  }
  return s;
}

