// "Copy report": a Markdown summary safe to paste into a support ticket. It holds fingerprints,
// never whole keys, and no secret (the API token is never known to Linksmith at all).

const line = (label, v) => `- ${label}: ${v === undefined || v === null || v === '' ? '_(not seen)_' : `\`${String(v).replace(/`/g, "'")}\``}`;

function maskEmail(v) {
  if (typeof v !== 'string' || !v.includes('@')) return v;
  const [user, domain] = v.split('@');
  return `${user.slice(0, 2)}…@${domain}`;
}

export function markdownReport(state, { keyFingerprints = {}, now = new Date() } = {}) {
  const { align, jira } = state.sides;
  const f = (side, key) => side?.fields?.[key]?.value;
  // One line a field, as [label, field key].
  const fields = (side, rows) => rows.map(([label, key]) => line(label, f(side, key)));
  const out = [
    '# Linksmith report: Jira Align ↔ Jira Cloud',
    '',
    `Generated ${now.toISOString()}`,
    '',
    '## Jira Align connector',
    line('Site', align?.origin),
    ...fields(align, [['Jira Link', 'jiraLink'], ['Jira API URL', 'jiraApiUrl'], ['Authentication Type', 'authType'], ['Consumer key', 'consumerKey']]),
    line('Public key SHA-256', keyFingerprints.align),
    line('Jira Username', maskEmail(f(align, 'username'))),
    line('API token', align?.apiToken?.present ? `${align.apiToken.report?.value ?? 'entered'} (never recorded)` : ''),
    '',
    '## Jira application link',
    line('Site', jira?.origin),
    ...fields(jira, [['Application URL', 'applicationUrl'], ['Application Name', 'applicationName'], ['Consumer Key', 'consumerKey'], ['Consumer Name', 'consumerName']]),
    line('Public key SHA-256', keyFingerprints.jira),
    line('Consumer Callback URL', f(jira, 'callbackUrl')),
    '',
    '## Checks',
    '',
    '| check | state | message | fix |',
    '|---|---|---|---|',
    ...state.checks.map((c) => `| ${c.id} | ${c.state} | ${cell(c.message)} | ${cell(c.fix)} |`),
  ];
  return out.join('\n') + '\n';
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
