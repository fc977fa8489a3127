// The ONE detection table: which control is which field, on which surface and step.
// key → {surface, steps (Jira only), type, selectors (site-specific, strongest first),
//        labels (regexes on normalised label text, several wordings), not (exclusions)}.
// Types: 'text' (input/textarea), 'select', 'checkbox', 'radio', 'secret' (never read).
// Site-specific selectors first, label heuristics second; Jira Align's real ids are unknown.

/** Fill threshold: matches below it are reported but never filled. */
export const THRESHOLD = 0.6;
/** Two candidates for one key closer than this are ambiguous. */
export const AMBIGUITY_MARGIN = 0.12;
export const AMBIGUOUS_CONFIDENCE = 0.3;

const INCOMING_STEPS = ['link-step-2', 'incoming-auth'];
const LINK_STEPS = ['link-step-1', 'review-link'];
export const TABLE = [
  // Jira Align connector form. Real ids are unknown: heuristics only.
  { key: 'jiraLink', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/^jira (link|url link)$/, /\bjira (browse |issue )?link\b/, /\bjira (browse|issue) url\b/, /\bjira ?link\b/],
    not: [/\bapi\b/, /\bapplication link\b/] },
  { key: 'name', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/^(connector )?name$/, /\bconnector name\b/, /^(jira )?(connector|instance|connection) name$/, /^display name$/],
    not: [/\buser ?name\b/, /\bconsumer\b/, /\bapplication\b/] },
  { key: 'jiraApiUrl', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/\bjira api url\b/, /\bapi (base )?url\b/, /^jira (base |instance |site |server )?url$/, /\bjira api\b/],
    not: [/\blink\b/] },
  { key: 'authType', surface: 'align-connector', type: 'select', selectors: [],
    labels: [/\bauth(entication|orization)? type\b/, /\bauthentication (method|mode)\b/, /^auth(entication)?$/] },
  { key: 'consumerKey', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/\b(jira )?(oauth )?consumer key\b/, /\boauth key\b/],
    not: [/\bsecret\b/] },
  { key: 'publicKey', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/\bpublic key\b/, /\brsa (public )?key\b/, /\bcertificate\b/],
    not: [/\bprivate\b/] },
  { key: 'username', surface: 'align-connector', type: 'text', selectors: [],
    labels: [/\b(jira )?user ?name\b/, /\bjira (user|account|e-?mail)\b/, /^(user )?e-?mail( address)?$/, /\blogin\b/],
    not: [/\bpassword\b/, /\btoken\b/] },
  { key: 'apiToken', surface: 'align-connector', type: 'secret', selectors: [],
    labels: [/\bapi token\b/, /\bjira password\b/, /^password$/, /\bpersonal access token\b/, /^token$/, /\bpassword\b/] },

  // Jira application links (legacy AUI wizard, new React UI, Incoming Authentication).
  { key: 'applicationUrl', surface: 'jira-applinks', steps: ['list', 'configure-url', 'create-link-modal'], type: 'text',
    selectors: ['#applinks-url-entered', 'form#createApplicationLink input[name="url"]'],
    labels: [/\burl of the application\b/, /^application url$/, /^new url$/, /\bapplication url\b/, /^url$/],
    not: [/\bentered url\b/, /\bcallback\b/, /\btoken url\b/, /\bauthori[sz]e url\b/] },
  { key: 'applicationName', surface: 'jira-applinks', steps: LINK_STEPS, type: 'text',
    selectors: ['input[name="applicationName"]'],
    labels: [/^application name$/, /\bapplication name\b/, /^name$/],
    not: [/\bservice provider\b/, /\bconsumer\b/] },
  { key: 'applicationType', surface: 'jira-applinks', steps: LINK_STEPS, type: 'select',
    selectors: ['select[name="applicationType"]'],
    labels: [/^application type$/, /\bapplication type\b/, /^type$/] },
  { key: 'createIncomingLink', surface: 'jira-applinks', steps: LINK_STEPS, type: 'checkbox',
    selectors: ['input[type="checkbox"][name="createIncoming"]'],
    labels: [/\bcreate incoming link\b/, /\bincoming link\b/] },
  { key: 'linkType', surface: 'jira-applinks', steps: ['create-link-modal'], type: 'radio', selectors: [],
    labels: [/^direct application link$/, /\bdirect application link\b/, /\bdirect link\b/] },
  { key: 'consumerKey', surface: 'jira-applinks', steps: INCOMING_STEPS, type: 'text',
    selectors: ['form#add-consumer-manually input[name="key"]'],
    labels: [/^consumer key$/, /\bconsumer key\b/],
    not: [/\bsecret\b/] },
  { key: 'consumerName', surface: 'jira-applinks', steps: INCOMING_STEPS, type: 'text',
    selectors: ['form#add-consumer-manually input[name="consumerName"]'],
    labels: [/^consumer name$/, /\bconsumer name\b/] },
  { key: 'publicKey', surface: 'jira-applinks', steps: INCOMING_STEPS, type: 'text',
    selectors: ['form#add-consumer-manually textarea[name="publicKey"]'],
    labels: [/^public key$/, /\bpublic key\b/, /\brsa (public )?key\b/],
    not: [/\bprivate\b/] },
  { key: 'callbackUrl', surface: 'jira-applinks', steps: INCOMING_STEPS, type: 'text',
    selectors: ['form#add-consumer-manually input[name="callback"]'],
    labels: [/\bconsumer callback url\b/, /\bcallback( url)?\b/] },
  { key: 'twoLo', surface: 'jira-applinks', steps: INCOMING_STEPS, type: 'checkbox',
    selectors: ['form#add-consumer-manually input[type="checkbox"][name="two-lo-enabled"]'],
    labels: [/\ballow 2-?legged oauth$/, /\b(2|two)-?legged oauth\b/],
    not: [/\bimpersonation\b/] },
];

// Weight of each label source: how much a match through it says about the field. A binding is
// the admin's own pointing ("Point to the field"): stronger than any heuristic.
export const WEIGHT = {
  binding: 0.99, selector: 0.97, 'label-for': 0.92, 'label-wrap': 0.9, 'aria-labelledby': 0.9, 'aria-label': 0.88,
  'nearby-text': 0.8, title: 0.72, placeholder: 0.68, name: 0.62, id: 0.6,
};
