// The guide's steps as a checklist that ticks itself from what the two pages show.
// Pure: state in, steps out, so it is the same in the panel and in tests. Titles are message keys
// looked up with `t` (i18n.js); without one, the keys themselves.

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
      id: 'open-align', side: 'align',
      title: t('stepOpenAlign'),
      done: align?.surface === 'align-connector',
      link: alignOrigin,
    },
    {
      id: 'fill-align', side: 'align', link: alignOrigin,
      title: t(oauth ? 'stepFillAlignOAuth' : 'stepFillAlignBasic'),
      done: ['jira-link-format', 'jira-api-url-format'].every(formatOk)
        && (!oauth || Boolean(value(align, 'consumerKey'))),
      action: 'fill-align',
    },
    ...(oauth ? [{
      id: 'generate-key', side: 'align', link: alignOrigin,
      title: t('stepGenerateKey'),
      done: Boolean(value(align, 'publicKey')),
    }] : []),
    {
      id: 'save-align', side: 'align', link: alignOrigin,
      title: t('stepSaveAlign'),
      done: align?.signals?.connectorSaved === true,
    },
    ...(oauth ? [
      {
        id: 'open-jira', side: 'jira',
        title: t('stepOpenJira'),
        done: jira?.surface === 'jira-applinks',
        link: applinksUrl(jiraOrigin),
      },
      {
        id: 'create-link', side: 'jira', link: applinksUrl(jiraOrigin),
        title: t('stepCreateLink'),
        done: jira?.signals?.alignLinkPresent === true || Boolean(value(jira, 'applicationUrl')),
        action: 'fill-jira',
      },
      {
        id: 'incoming-auth', side: 'jira', link: applinksUrl(jiraOrigin),
        title: t('stepIncomingAuth'),
        done: ['consumer-key-match', 'public-key-match'].every((id) => checkState(state, id) === 'pass'),
        action: 'fill-jira',
      },
      {
        id: 'authorize', side: 'align', link: alignOrigin,
        title: t('stepAuthorize'),
        done: align?.signals?.authorized === true,
      },
    ] : []),
    {
      id: 'activate', side: 'align', link: alignOrigin,
      title: t('stepActivate'),
      done: align?.signals?.active === true,
    },
  ];
  return steps;
}
