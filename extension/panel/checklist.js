// The guide's steps as a checklist that ticks itself from what the two pages show.
// Pure: state in, steps out, so it is the same in the panel and in tests. Titles are message keys
// looked up with `t` (i18n.js); without one, the keys themselves.
//
// Each step names the checks that judge the fields it fills (`checks`), so the panel can show a
// step with only its own verdicts; a check no step names (a newer core's) goes to the step marked
// `rest`. `action` is the step's one primary action: 'fill-align', 'fill-jira', 'verify', or
// 'go' (show the tab or open the page). `fields` are the form fields the step fills, each with
// a "Point to the field" button in the panel for when detection misses it.

import { CHECK } from '../shared/vocabulary.js';

const value = (side, key) => side?.fields?.[key]?.value;
const checkState = (state, id) => state.checks.find((c) => c.id === id)?.state;

export function applinksUrl(origin) {
  return origin ? `${origin}/plugins/servlet/applinks/listApplicationLinks` : null;
}

export function checklist(state, t = (key) => key) {
  const { align, jira } = state.sides;
  const alignOrigin = align?.origin || state.options.alignSiteUrl || null;
  const jiraOrigin = jira?.origin || state.options.jiraSiteUrl || null;
  const oauth = (state.options.authType || 'oauth') === 'oauth';
  const formatOk = (id) => checkState(state, id) === 'pass';
  const steps = [
    {
      id: 'open-align', side: 'align', action: 'go', checks: [],
      title: t('stepShortOpenAlign'), instruction: t('stepOpenAlign'),
      done: align?.surface === 'align-connector',
      link: alignOrigin,
    },
    {
      id: 'fill-align', side: 'align', link: alignOrigin,
      checks: [CHECK.AUTH_TYPE, CHECK.JIRA_LINK_FORMAT, CHECK.JIRA_API_URL_FORMAT, CHECK.JIRA_LINK_MATCH, CHECK.JIRA_API_URL_MATCH,
        CHECK.JIRA_LINK_API_URL_MATCH, CHECK.ALIGN_CONSUMER_KEY_FORMAT, CHECK.USERNAME_FORMAT],
      fields: ['jiraLink', 'name', 'jiraApiUrl', 'authType', oauth ? 'consumerKey' : 'username'],
      title: t('stepShortFillAlign'), instruction: t(oauth ? 'stepFillAlignOAuth' : 'stepFillAlignBasic'),
      done: ['jira-link-format', 'jira-api-url-format'].every(formatOk)
        && (!oauth || Boolean(value(align, 'consumerKey'))),
      action: 'fill-align',
    },
    ...(oauth ? [{
      id: 'generate-key', side: 'align', link: alignOrigin, action: 'go', checks: [CHECK.ALIGN_PUBLIC_KEY_FORMAT], fields: ['publicKey'],
      title: t('stepShortGenerateKey'), instruction: t('stepGenerateKey'),
      done: Boolean(value(align, 'publicKey')),
    }] : []),
    {
      id: 'save-align', side: 'align', link: alignOrigin, action: 'go', checks: [], rest: !oauth,
      title: t('stepShortSaveAlign'), instruction: t('stepSaveAlign'),
      done: align?.signals?.connectorSaved === true,
    },
    ...(oauth ? [
      {
        id: 'open-jira', side: 'jira', action: 'go', checks: [],
        title: t('stepShortOpenJira'), instruction: t('stepOpenJira'),
        done: jira?.surface === 'jira-applinks',
        link: applinksUrl(jiraOrigin),
      },
      {
        id: 'create-link', side: 'jira', link: applinksUrl(jiraOrigin),
        checks: [CHECK.APPLICATION_URL_FORMAT, CHECK.APPLICATION_URL_MATCH, CHECK.APPLICATION_NAME_FORMAT],
        fields: ['linkType', 'applicationUrl', 'applicationName', 'applicationType', 'createIncomingLink'],
        title: t('stepShortCreateLink'), instruction: t('stepCreateLink'),
        done: jira?.signals?.alignLinkPresent === true || Boolean(value(jira, 'applicationUrl')),
        action: 'fill-jira',
      },
      {
        id: 'incoming-auth', side: 'jira', link: applinksUrl(jiraOrigin),
        checks: [CHECK.JIRA_CONSUMER_KEY_FORMAT, CHECK.CONSUMER_KEY_MATCH, CHECK.CONSUMER_NAME_FORMAT, CHECK.JIRA_PUBLIC_KEY_FORMAT,
          CHECK.PUBLIC_KEY_MATCH, CHECK.CALLBACK_URL_FORMAT],
        fields: ['consumerKey', 'consumerName', 'publicKey', 'callbackUrl'],
        title: t('stepShortIncomingAuth'), instruction: t('stepIncomingAuth'),
        done: ['consumer-key-match', 'public-key-match'].every((id) => checkState(state, id) === 'pass'),
        action: 'fill-jira',
      },
      {
        id: 'authorize', side: 'align', link: alignOrigin, action: 'verify', checks: [], rest: true,
        title: t('stepShortAuthorize'), instruction: t('stepAuthorize'),
        done: align?.signals?.authorized === true,
      },
    ] : []),
    {
      id: 'activate', side: 'align', link: alignOrigin, action: 'go', checks: [],
      title: t('stepShortActivate'), instruction: t('stepActivate'),
      done: align?.signals?.active === true,
    },
  ];
  return steps;
}

/**
 * The steps with their checks (`step.results`, the core's check objects in the core's order) and
 * which step is current: the first one not done, or none when all are.
 * `verified`: the checks Jira's answers gave (Verify with Jira), once it has run. They are drawn
 * in the Verify block, not in `results`, but counted in its step (Authorize; without one, the
 * step marked `rest`) and overall.
 */
export function guide(state, t = (key) => key, verified = []) {
  const steps = checklist(state, t);
  const named = new Set(steps.flatMap((s) => s.checks));
  const rest = steps.find((s) => s.rest) ?? steps[steps.length - 1];
  const verifyStep = steps.find((s) => s.action === 'verify') ?? rest;
  for (const step of steps) {
    const own = new Set(step.checks);
    step.results = state.checks.filter((c) => own.has(c.id) || (step === rest && !named.has(c.id)));
    step.count = tally(step === verifyStep ? [...step.results, ...verified] : step.results);
  }
  const current = steps.find((s) => !s.done) ?? null;
  return { steps, current, count: tally([...state.checks, ...verified]) };
}

/** How many checks passed, failed, warned, out of how many. */
export function tally(checks) {
  const n = (state) => checks.filter((c) => c.state === state).length;
  return { total: checks.length, pass: n('pass'), fail: n('fail'), warn: n('warn') };
}
