// Surface and step: which admin screen this page is. Labels and visible text decide; the host
// and Jira's documented applinks paths are hints only. While a modal is open, it is the page.
import { norm, textOf } from './text.js';
import { allRoots } from './walk.js';
import { isVisible } from './visibility.js';
import { matchFields } from './matching.js';
import { boundFor } from './stored.js';
import { builtInSide } from '../shared/origins.js';
import { SIDE } from '../shared/vocabulary.js';

export const APPLINKS_PATH = /\/plugins\/servlet\/applinks\//;

/** The topmost visible modal dialog, if any. */
export function openDialog() {
  const dialogs = [...document.querySelectorAll('[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]')]
    .filter((d) => isVisible(d));
  return dialogs.at(-1) ?? null;
}

export function visibleButtons(scope) {
  return [...scope.querySelectorAll('button, a, input[type=button], input[type=submit], [role=button]')]
    .filter((b) => isVisible(b))
    .map((b) => norm(b.localName === 'input' ? b.value : textOf(b)));
}

export function jiraStep(scopeText, scope) {
  const has = (re) => re.test(scopeText);
  const consumerForm = allRoots().some((r) => {
    const f = r.querySelector('form#add-consumer-manually');
    return f && isVisible(f);
  });
  if (consumerForm || (has(/\bincoming authentication\b/) && has(/\bconsumer key\b/) && has(/\bpublic key\b/))) return 'incoming-auth';
  if (has(/\bconsumer name\b/) && has(/\bpublic key\b/)) return 'link-step-2';
  if (has(/\breview (the )?link\b/)) return 'review-link';
  if (has(/\boutgoing authentication\b/) && has(/\bincoming authentication\b/)) return 'configure-link';
  if (has(/\bconfigure application url\b/) || has(/\bno response was received\b/) || has(/\bentered url\b/)) return 'configure-url';
  if (has(/\bcreate an application link\b/) || has(/\bdirect application link\b/)) return 'create-link-modal';
  if (has(/\blink applications\b/) || (has(/\bapplication name\b/) && has(/\bapplication type\b/))) return 'link-step-1';
  if (!scope || scope === document.body) {
    if (has(/\bapplication links?\b/) || has(/\burl of the application you want to link\b/)
      || APPLINKS_PATH.test(location.pathname)) return 'list';
  }
  return null;
}

function alignStep(scopeText, found) {
  if (found.has('jiraApiUrl') || found.has('jiraLink') || found.has('consumerKey')) return 'connector-form';
  if (/\bjira connectors?\b/.test(scopeText) && /\bconnector name\b/.test(scopeText)) return 'connector-list';
  return 'settings';
}

/** Sum of the confidences of visible, unambiguous matches. */
function strength(found) {
  let s = 0;
  for (const f of found.values()) if (f.visible && !f.ambiguous) s += f.confidence;
  return s;
}

/**
 * Decide what this page is, and match its fields.
 * @returns {{surface: string|null, step: string|null, fields: Map, scopeText: string, pageText: string}}
 */
export function detect() {
  const dialog = openDialog();
  const scope = dialog ?? document.body;
  if (!scope) return { surface: null, step: null, fields: new Map(), scopeText: '', pageText: '' };
  const scopeText = norm(textOf(scope));
  const pageText = dialog ? norm(textOf(document.body)) : scopeText;

  // Jira Align connector.
  const alignFields = matchFields('align-connector', null, scope, boundFor('align-connector', 'connector-form'));
  let alignScore = strength(alignFields);
  if (/\bgenerate new key\b/.test(scopeText)) alignScore += 0.8;
  if (/\bjira oauth access\b/.test(scopeText)) alignScore += 0.5;
  if (/\bjira (connectors?|settings)\b/.test(pageText)) alignScore += 0.6;
  if (/\bjira align\b/.test(pageText)) alignScore += 0.3;
  if (builtInSide(location.href) === SIDE.ALIGN) alignScore += 0.5;
  if (alignFields.size < 2 && !/\bjira connectors?\b/.test(pageText)) alignScore = Math.min(alignScore, 0.9);

  // Jira application links.
  const step = jiraStep(scopeText, scope);
  let jiraScore = 0;
  let jiraFields = new Map();
  if (step) {
    jiraFields = matchFields('jira-applinks', step, scope, boundFor('jira-applinks', step));
    jiraScore = 1 + strength(jiraFields);
    if (builtInSide(location.href) === SIDE.JIRA) jiraScore += 0.5;
    if (APPLINKS_PATH.test(location.pathname)) jiraScore += 0.5;
  }

  if (jiraScore >= 1 && jiraScore >= alignScore) return { surface: 'jira-applinks', step, fields: jiraFields, scopeText, pageText };
  if (alignScore >= 1) {
    return { surface: 'align-connector', step: alignStep(pageText, alignFields), fields: alignFields, scopeText, pageText };
  }
  // Not recognised: a page the admin taught by pointing still works through its bindings.
  const taught = boundFor(null, null);
  if (taught.length) {
    const { surface, step: boundStep } = taught[0];
    const fields = matchFields(surface, boundStep, null, taught.filter((b) => b.surface === surface && b.step === boundStep));
    for (const [key, f] of fields) if (f.source !== 'binding') fields.delete(key);
    if (fields.size) return { surface, step: boundStep, fields, scopeText, pageText };
  }
  return { surface: null, step: null, fields: new Map(), scopeText, pageText };
}
