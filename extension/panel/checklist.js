// The guide's steps as a checklist that ticks itself from what the two pages show.
// Pure: state in, steps out, so it is the same in the panel and in tests.

const value = (side, key) => side?.fields?.[key]?.value;
const checkState = (state, id) => state.checks.find((c) => c.id === id)?.state;

export function applinksUrl(origin) {
  return origin ? `${origin}/plugins/servlet/applinks/listApplicationLinks` : null;
}

export function checklist(state) {
  const { align, jira } = state.sides;
  const alignOrigin = align?.origin || state.options.alignSiteUrl || null;
  const jiraOrigin = jira?.origin || state.options.jiraSiteUrl || null;
  const oauth = (state.options.authType || 'oauth') === 'oauth';
  const formatOk = (id) => checkState(state, id) === 'pass';
  const steps = [
    {
      id: 'open-align', side: 'align',
      title: 'Open the Jira Align connector (admin gear → Connectors → Jira Settings → Jira Connectors)',
      done: align?.surface === 'align-connector',
      link: alignOrigin,
    },
    {
      id: 'fill-align', side: 'align', link: alignOrigin,
      title: 'Fill Jira Link, Jira API URL, Authentication Type' + (oauth ? ' and the consumer key' : ' and Jira Username'),
      done: ['jira-link-format', 'jira-api-url-format'].every(formatOk)
        && (!oauth || Boolean(value(align, 'consumerKey'))),
      action: 'fill-align',
    },
    ...(oauth ? [{
      id: 'generate-key', side: 'align', link: alignOrigin,
      title: 'Click Generate New Key in Jira Align',
      done: Boolean(value(align, 'publicKey')),
    }] : []),
    {
      id: 'save-align', side: 'align', link: alignOrigin,
      title: 'Save the connector in Jira Align',
      done: align?.signals?.connectorSaved === true,
    },
    ...(oauth ? [
      {
        id: 'open-jira', side: 'jira',
        title: 'Open Jira → Settings → Products → Application links',
        done: jira?.surface === 'jira-applinks',
        link: applinksUrl(jiraOrigin),
      },
      {
        id: 'create-link', side: 'jira', link: applinksUrl(jiraOrigin),
        title: 'Create the application link to Jira Align (a "No response was received" warning is normal: Continue)',
        done: jira?.signals?.alignLinkPresent === true || Boolean(value(jira, 'applicationUrl')),
        action: 'fill-jira',
      },
      {
        id: 'incoming-auth', side: 'jira', link: applinksUrl(jiraOrigin),
        title: 'Incoming Authentication: the same consumer key, a consumer name and the public key → Save',
        done: ['consumer-key-match', 'public-key-match'].every((id) => checkState(state, id) === 'pass'),
        action: 'fill-jira',
      },
      {
        id: 'authorize', side: 'align', link: alignOrigin,
        title: 'In Jira Align: Authorize Jira OAuth Access → Request Jira for access → Allow (logged in to Jira as the service account)',
        done: align?.signals?.authorized === true,
      },
    ] : []),
    {
      id: 'activate', side: 'align', link: alignOrigin,
      title: 'Save, then Activate the connector',
      done: align?.signals?.active === true,
    },
  ];
  return steps;
}
