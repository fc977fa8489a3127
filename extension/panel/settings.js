// The panel's own inputs: the two sites, the authentication type, the consumer key and the Jira
// username. Each typed value goes through the Rust rule of the page field it feeds (the worker's
// checkField), whose message shows under the input; a value the rule calls invalid is not saved
// as an option, so it can never be planned into a fill. What is invalid stays in the input for the
// admin to correct; the option keeps '' until it is valid.
//
// The Jira site is also held to the origin rule: Linksmith reads and checks only Jira Cloud sites
// and the self-hosted sites the admin approved, so "https://acme.atl" (a Jira site typed halfway,
// which the URL rule accepts as a possible Data Center host) is refused until it is one of those.
// The Jira Align site is not: Jira's Application URL may name a Jira Align Linksmith never reads.
import { sideOfUrl, approvedHosts } from '../sw/hosts.js';
import { FIELD, PROBLEM } from '../shared/vocabulary.js';

// Each panel input and the field whose rule judges it: the sites have the rules of the page
// fields they feed (the Jira site: Jira API URL's; the Jira Align site: Application URL's).
const INPUTS = [
  { id: 'opt-jira-site', option: 'jiraSiteUrl', field: FIELD.JIRA_SITE_URL, problems: 'opt-jira-site-problems', site: true, side: 'jira' },
  { id: 'opt-align-site', option: 'alignSiteUrl', field: FIELD.ALIGN_SITE_URL, problems: 'opt-align-site-problems', site: true },
  { id: 'opt-consumer-key', option: 'consumerKey', field: FIELD.ALIGN_CONSUMER_KEY, problems: 'consumer-key-problems' },
  { id: 'opt-username', option: 'username', field: FIELD.ALIGN_USERNAME, problems: 'opt-username-problems', trim: true },
];

function originOrNull(text) {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/**
 * @param {Document} doc
 * @param {{send: Function, t: Function, el: Function, state: () => object|null, onState: (state) => void}} io
 */
export function setupSettings(doc, io) {
  const $ = (id) => doc.getElementById(id);
  const { t } = io;
  let seq = 0;

  function renderProblems(list, problems) {
    list.replaceChildren(...problems.map((p) => io.el('li', { dataset: { code: p.code, severity: p.severity } },
      p.message, p.fix ? io.el('span', { className: 'fix', textContent: p.fix }) : null)));
  }

  /** The option value for one input: '' while its rule reports an error. */
  async function judge(input) {
    const node = $(input.id);
    const raw = node.value;
    const value = input.site || input.trim ? raw.trim() : raw;
    if (node.disabled) return { value: null, problems: [] }; // set by policy: the worker owns it
    if (value === '') return { value: '', problems: [] };
    const state = io.state();
    const context = input.field === FIELD.ALIGN_USERNAME ? { jiraSiteUrl: state?.sides.jira?.origin ?? (state?.options.jiraSiteUrl || undefined) } : {};
    let report;
    try {
      report = await io.send('panel:checkField', { field: input.field, value, context });
    } catch (error) {
      return { value: '', problems: [{ code: PROBLEM.CHECK_FAILED, severity: 'error', message: error.message, fix: '' }] };
    }
    const problems = [...(report?.problems ?? [])];
    // A site is saved as its origin: the fills append paths to it.
    const saved = input.site ? (originOrNull(report?.value) ?? '') : value;
    if (report?.ok === true && input.side && sideOfUrl(saved, await approvedHosts()) !== input.side) {
      problems.unshift({ code: PROBLEM.SITE_NOT_KNOWN, severity: 'error', message: t('siteNotKnownJira', saved), fix: t('siteNotKnownJiraFix') });
    }
    const valid = report?.ok === true && !problems.some((p) => p.severity === 'error');
    return { value: valid ? saved : '', problems };
  }

  /** Judges every input, shows each rule's messages, saves the valid values; returns the new state. */
  async function save() {
    const mine = ++seq;
    const judged = await Promise.all(INPUTS.map(judge));
    if (mine !== seq) return io.state(); // a newer edit is being judged
    const options = { authType: $('opt-auth-type').value };
    INPUTS.forEach((input, i) => {
      const { value, problems } = judged[i];
      const node = $(input.id);
      renderProblems($(input.problems), problems);
      const invalid = problems.some((p) => p.severity === 'error');
      if (invalid) node.setAttribute('aria-invalid', 'true');
      else node.removeAttribute('aria-invalid');
      if (value !== null) options[input.option] = value;
    });
    const state = await io.send('panel:setOptions', { options });
    io.onState(state);
    return state;
  }

  // Typing is coalesced per animation frame, not by a fixed delay: one judgement per frame.
  let frame = 0;
  const saveSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => { save().catch(() => {}); });
  };
  for (const input of INPUTS) $(input.id).addEventListener('input', saveSoon);
  $('opt-auth-type').addEventListener('change', () => { save().catch(() => {}); });

  $('suggest-consumer-key').addEventListener('click', async () => {
    const name = io.state()?.sides.align?.fields?.name?.value || 'Jira Align';
    $('opt-consumer-key').value = await io.send('panel:suggestConsumerKey', { name });
    await save();
  });

  /**
   * Puts the state's values into the inputs the admin is not editing. An input keeps what the
   * admin typed (even if invalid, so it can be corrected) until the state's value changes.
   */
  function sync(state) {
    const o = state.options;
    const values = {
      'opt-jira-site': o.jiraSiteUrl || '',
      'opt-align-site': o.alignSiteUrl || '',
      'opt-consumer-key': o.consumerKey || state.sides.align?.fields?.consumerKey?.value || '',
      'opt-username': o.username || '',
      'opt-auth-type': o.authType || 'oauth',
    };
    for (const [id, value] of Object.entries(values)) {
      const node = $(id);
      if (node.dataset.synced === value || doc.activeElement === node) continue;
      node.dataset.synced = value;
      if (node.value !== value && (value !== '' || node.getAttribute('aria-invalid') !== 'true')) node.value = value;
    }
  }

  return { save, sync };
}
