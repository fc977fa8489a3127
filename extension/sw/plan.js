// The fill planner: given what a tab's form shows now (from `sw:describe`) and what Linksmith
// knows about the other side, decide which values go where. It only plans values that are
// known, only for fields the page shows, and never overwrites a field that already holds the
// planned value. The content script's gate has the last word on whether a field may be filled.
import { loadCore } from './core.js';
import { managedPolicy } from './policy.js';
import { AUTH_TYPE, AUTH_TYPES, FIELD, FIELDS, SIDE } from '../shared/vocabulary.js';
import { authTypeOfText } from '../shared/auth-type.js';

const keyOf = (name) => FIELDS.find((f) => f.name === name).key;
// Names are the admin's to choose: only filled when empty.
const NAME_KEYS = [FIELD.ALIGN_NAME, FIELD.JIRA_APPLICATION_NAME, FIELD.JIRA_CONSUMER_NAME].map(keyOf);

function fieldValue(side, key) {
  const v = side?.fields?.[key]?.value;
  return typeof v === 'string' ? v : '';
}

/** The consumer key both forms should carry: the panel's choice, else what Align shows. */
export function chosenConsumerKey(state) {
  return state.options.consumerKey || fieldValue(state.sides.align, 'consumerKey');
}

/** The consumer key to fill: the chosen one, else (issue 13.5) the Suggest rule's proposal from
 *  the connector's name (core's suggestConsumerKey, with the organisation's prefix), so a fill
 *  never leaves the key a silent gap. */
async function consumerKeyToFill(state) {
  const chosen = chosenConsumerKey(state);
  if (chosen) return chosen;
  const jiraOrigin = state.sides.jira?.origin || state.options.jiraSiteUrl;
  const name = fieldValue(state.sides.align, 'name') || (jiraOrigin ? `Jira Cloud (${new URL(jiraOrigin).hostname})` : '');
  if (!name) return null;
  const { consumerKeyPrefix } = await managedPolicy();
  return (await loadCore()).suggestConsumerKey(name, consumerKeyPrefix || undefined) || null;
}

async function alignValues(state) {
  const jiraOrigin = state.sides.jira?.origin || state.options.jiraSiteUrl;
  const auth = AUTH_TYPES.find((a) => a.name === state.options.authType) ?? AUTH_TYPES.find((a) => a.name === AUTH_TYPE.OAUTH);
  const values = { authType: auth.label };
  if (jiraOrigin) {
    values.jiraLink = `${jiraOrigin}/browse/`;
    values.jiraApiUrl = jiraOrigin;
    values.name = `Jira Cloud (${new URL(jiraOrigin).hostname})`;
  }
  if (auth.name === AUTH_TYPE.OAUTH) {
    const key = await consumerKeyToFill(state);
    if (key) values.consumerKey = key;
  } else if (state.options.username) {
    values.username = state.options.username;
  }
  return values;
}

async function jiraValues(state) {
  const align = state.sides.align;
  const alignOrigin = align?.origin || state.options.alignSiteUrl;
  const values = {
    linkType: 'Direct application link',
    applicationType: 'Generic Application',
    createIncomingLink: true,
    consumerName: 'Jira Align',
    applicationName: alignOrigin ? `Jira Align (${new URL(alignOrigin).hostname})` : 'Jira Align',
  };
  if (alignOrigin) values.applicationUrl = alignOrigin;
  const key = await consumerKeyToFill(state);
  if (key) values.consumerKey = key;
  const publicKey = fieldValue(align, 'publicKey');
  if (publicKey) {
    // Jira reads SPKI; whatever form Align shows, hand Jira the canonical PEM.
    const report = (await loadCore()).inspectPublicKey(publicKey);
    if (report.ok && report.canonicalPem) values.publicKey = report.canonicalPem;
  }
  return values;
}

/**
 * @param {'align'|'jira'} side
 * @param {{fields: {key: string, label?: string, value?: string|boolean}[]}} described what the page shows now
 * @returns {Promise<{values: Record<string, string|boolean>, skipped: {key, label, reason}[]}>}
 *   skipped: fields this screen shows that a value was planned for but that cannot take it now
 *   (hidden or covered, read-only or disabled), so the status can name them with why
 */
export async function planFill(side, described, state) {
  const wanted = side === SIDE.ALIGN ? await alignValues(state) : await jiraValues(state);
  const shown = new Map(described.fields.map((f) => [f.key, f]));
  const values = {};
  const skipped = [];
  for (const [key, value] of Object.entries(wanted)) {
    const field = shown.get(key);
    if (!field) continue;
    // Not sent to the gate, which would refuse them anyway; named in the status instead.
    if (field.visible === false || field.editable === false) {
      skipped.push({ key, label: field.label, reason: field.visible === false ? 'hidden' : 'read-only' });
      continue;
    }
    if (NAME_KEYS.includes(key) && field.value) continue;
    if (field.value === value) continue;
    // A select shows its option's text ("OAuth 1.0a", "API Token"): the same choice if it names the same type.
    if (key === 'authType' && typeof field.value === 'string' && authTypeOfText(field.value)?.label === value) continue;
    values[key] = value;
  }
  return { values, skipped };
}
