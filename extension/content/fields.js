// Linksmith content script, part 1 of 3: the ONE detection table and label collection.
// Classic script (content scripts cannot be modules); shares the isolated world's
// `globalThis.__linksmith` namespace with gate.js and content.js. Pages cannot see it.
//
// What it does: finds the admin form controls of the Jira Align connector and of Jira's
// application-link screens by every label candidate (label[for], wrapping label, aria-label,
// aria-labelledby, placeholder, title, name, id, nearby text), site-specific selectors first,
// heuristics second; decides the surface and step from visible text; never reads secret values.
// It never writes to the page.
(() => {
  'use strict';
  const LS = (globalThis.__linksmith ??= {});
  if (LS.fields) return; // injected twice: keep the first copy

  /** Fill threshold: matches below it are reported but never filled. */
  const THRESHOLD = 0.6;
  /** Two candidates for one key closer than this are ambiguous. */
  const AMBIGUITY_MARGIN = 0.12;
  const AMBIGUOUS_CONFIDENCE = 0.3;

  // ---- the one table ---------------------------------------------------------------------
  // key → {surface, steps (Jira only), type, selectors (site-specific, strongest first),
  //        labels (regexes on normalised label text, several wordings), not (exclusions)}.
  // Types: 'text' (input/textarea), 'select', 'checkbox', 'radio', 'secret' (never read).
  const INCOMING_STEPS = ['link-step-2', 'incoming-auth'];
  const LINK_STEPS = ['link-step-1', 'review-link'];
  const TABLE = [
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

  // Weight of each label source: how much a match through it says about the field.
  const WEIGHT = {
    selector: 0.97, 'label-for': 0.92, 'label-wrap': 0.9, 'aria-labelledby': 0.9, 'aria-label': 0.88,
    'nearby-text': 0.8, title: 0.72, placeholder: 0.68, name: 0.62, id: 0.6,
  };

  // ---- text helpers ----------------------------------------------------------------------
  /** Lower-case, single-spaced, without required markers and trailing punctuation. */
  function norm(text) {
    return String(text ?? '')
      .replace(/([a-z])required\b/gi, '$1 ') // AUI's "Consumer Key<span>required</span>" icon text
      .replace(/\(required\)|\brequired\b|\*/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s:?.]+$/, '')
      .toLowerCase();
  }
  /** Split identifiers like txtConsumerKey / consumer_name / two-lo-enabled into words. */
  function words(ident) {
    return norm(String(ident ?? '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_\-.[\]]+/g, ' ')
      .replace(/\b(txt|ddl|chk|inp|input|fld|field|ctl\d*)\b/gi, ' '));
  }
  const short = (s, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

  // ---- DOM walking -----------------------------------------------------------------------
  /** The documents we may look into: ours, plus same-origin, unsandboxed child frames. */
  function documentsToScan() {
    const docs = [document];
    for (let i = 0; i < docs.length && docs.length < 8; i += 1) {
      for (const frame of docs[i].querySelectorAll('iframe, frame')) {
        if (frame.hasAttribute('sandbox')) continue; // sandboxed: never looked at
        let doc;
        try {
          doc = frame.contentDocument; // null for cross-origin frames
          if (doc && doc.defaultView?.location.origin !== location.origin) doc = null;
        } catch {
          doc = null;
        }
        if (doc && doc.documentElement) docs.push(doc);
      }
    }
    return docs;
  }

  /** Every root to search: the documents and their open shadow roots, recursively. */
  function allRoots() {
    const roots = [];
    const visit = (root) => {
      roots.push(root);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    for (const doc of documentsToScan()) visit(doc);
    return roots;
  }

  /** The parent across shadow boundaries and same-origin frame boundaries. */
  function composedParent(el) {
    if (el.parentElement) return el.parentElement;
    const root = el.parentNode;
    if (root && root.host) return root.host; // ShadowRoot
    if (root && root.nodeType === 9) { // Document: continue at the frame element
      try { return root.defaultView?.frameElement ?? null; } catch { return null; }
    }
    return null;
  }

  function styleOf(el) {
    return el.ownerDocument.defaultView.getComputedStyle(el);
  }

  /**
   * Visible to the user: connected, laid out with a real size, not hidden by style, attribute or
   * aria on itself or any ancestor (across shadow roots and same-origin frames), not type=hidden,
   * not moved off-screen.
   */
  function isVisible(el) {
    if (!el || !el.isConnected) return false;
    if (el.localName === 'input' && el.type === 'hidden') return false;
    const rects = el.getClientRects();
    if (!rects.length) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2) return false;
    const view = el.ownerDocument.defaultView;
    if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0) return false;
    const own = styleOf(el);
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
    // The part of the control not clipped away by overflow-hiding ancestors (same document only).
    const clip0 = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let node = el; node; node = composedParent(node)) {
      if (node.nodeType !== 1) continue;
      if (node.hidden || node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert')) return false;
      const s = styleOf(node);
      if (s.display === 'none' || Number(s.opacity) === 0) return false;
      const clips = (o) => o === 'hidden' || o === 'clip';
      const scrolls = (o) => o === 'auto' || o === 'scroll';
      if (node !== el && node.ownerDocument === el.ownerDocument && (scrolls(s.overflowX) || scrolls(s.overflowY))) {
        // Scrolled out of view is still reachable; a scroll box with no room is not.
        if (node.clientWidth < 2 || node.clientHeight < 2) return false;
      }
      if (node !== el && node.ownerDocument === el.ownerDocument && (clips(s.overflowX) || clips(s.overflowY))) {
        const r = node.getBoundingClientRect();
        const left = clips(s.overflowX) ? Math.max(clip0.left, r.left) : clip0.left;
        const right = clips(s.overflowX) ? Math.min(clip0.right, r.right) : clip0.right;
        const top = clips(s.overflowY) ? Math.max(clip0.top, r.top) : clip0.top;
        const bottom = clips(s.overflowY) ? Math.min(clip0.bottom, r.bottom) : clip0.bottom;
        if (right - left < 2 || bottom - top < 2) return false;
      }
      if (node.localName === 'details' && !node.open && !el.closest('summary')) return false;
    }
    return true;
  }

  function isEnabled(el) {
    return !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true';
  }
  function isReadOnly(el) {
    if (el.getAttribute('aria-readonly') === 'true') return true;
    return !!el.readOnly && !isCombobox(el); // a react-select input is read-only by design
  }

  /** Visible text of an element without form-control values. */
  function textOf(node) {
    return (node.innerText ?? node.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Text of a label without the text inside controls it wraps (a textarea's content is not its label). */
  function labelText(label) {
    const doc = label.ownerDocument;
    const walker = doc.createTreeWalker(label, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('textarea, select, option, button, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let out = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out += ` ${n.nodeValue}`;
    return out.replace(/\s+/g, ' ').trim();
  }

  const isCombobox = (el) => el.getAttribute('role') === 'combobox';

  /** The text an ARIA combobox (react-select style) shows as its current value. */
  function comboboxValue(el) {
    if (el.value) return String(el.value);
    const container = el.closest('[class*="control"], [class*="Control"]') ?? el.parentElement;
    const shown = container && [...container.querySelectorAll('[class*="single-value"], [class*="singleValue"], [class*="SingleValue"]')]
      .find((n) => !n.contains(el));
    return shown ? textOf(shown) : '';
  }

  // ---- label collection ------------------------------------------------------------------
  /** Every label candidate of a control: [{source, text}], looked up on its own root node. */
  function labelCandidates(el) {
    const out = [];
    const add = (source, text) => {
      const t = norm(text);
      if (t && t.length <= 160) out.push({ source, text: t });
    };
    const root = el.getRootNode();
    if (el.labels) for (const l of el.labels) add(l.contains(el) ? 'label-wrap' : 'label-for', labelText(l));
    if (el.id && !el.labels?.length && root.querySelectorAll) {
      for (const l of root.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) add('label-for', labelText(l));
    }
    const wrap = el.parentElement?.closest('label');
    if (wrap && !out.some((c) => c.source === 'label-wrap')) add('label-wrap', labelText(wrap));
    if (el.hasAttribute('aria-label')) add('aria-label', el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const text = by.split(/\s+/).map((id) => (root.getElementById ? root.getElementById(id) : null))
        .filter(Boolean).map(textOf).join(' ');
      add('aria-labelledby', text);
    }
    if (el.placeholder) add('placeholder', el.placeholder);
    if (el.title) add('title', el.title);
    if (el.name) add('name', words(el.name));
    if (el.id) add('id', words(el.id));
    const near = nearbyText(el);
    if (near) add('nearby-text', near);
    return out;
  }

  /** Text of a preceding sibling (div/dt/th/span…) of the control or one of its 3 nearest ancestors. */
  function nearbyText(el) {
    let node = el;
    for (let depth = 0; depth < 4 && node; depth += 1) {
      let sib = node.previousElementSibling;
      for (let hops = 0; sib && hops < 2; hops += 1, sib = sib.previousElementSibling) {
        if (sib.matches('input, select, textarea, button, script, style, template')) break;
        if (sib.querySelector('input, select, textarea')) break;
        const t = textOf(sib);
        if (t && t.length <= 80) return t;
      }
      node = node.parentElement;
      if (node && node.matches('form, fieldset, [role=dialog], dialog, body')) break;
    }
    return '';
  }

  // ---- matching --------------------------------------------------------------------------
  function typeFits(def, el) {
    const tag = el.localName;
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    const textish = ['text', 'url', 'email', 'search', 'tel', ''].includes(type);
    switch (def.type) {
      case 'text': return tag === 'textarea' || (tag === 'input' && textish && !isCombobox(el));
      case 'secret': return tag === 'input' && (type === 'password' || textish);
      case 'select': return tag === 'select' || (tag === 'input' && isCombobox(el));
      case 'checkbox': return tag === 'input' && type === 'checkbox';
      case 'radio': return tag === 'input' && type === 'radio';
      default: return false;
    }
  }

  /** Best confidence with which `el` matches `def`, with the label that matched. */
  function scoreFor(def, el, labels, selectorHits) {
    if (!typeFits(def, el)) return null;
    if (selectorHits.has(el)) {
      const best = labels.find((c) => c.source.startsWith('label')) ?? labels[0];
      return { confidence: WEIGHT.selector, label: best ? best.text : def.key, source: 'selector' };
    }
    let found = null;
    for (const c of labels) {
      if (def.not?.some((re) => re.test(c.text))) continue;
      const idx = def.labels.findIndex((re) => re.test(c.text));
      if (idx < 0) continue;
      // Earlier (stricter) wordings score slightly higher than later, looser ones.
      const confidence = Math.max(0.1, WEIGHT[c.source] - idx * 0.03);
      if (!found || confidence > found.confidence) found = { confidence, label: c.text, source: c.source };
    }
    return found;
  }

  function controlsIn(roots) {
    const out = [];
    for (const root of roots) out.push(...root.querySelectorAll('input, textarea, select'));
    return out.filter((el) => !(el.localName === 'input' && ['hidden', 'submit', 'button', 'image', 'reset', 'file'].includes(el.type)));
  }

  /**
   * Match the table's entries for one surface (and step) against the page.
   * @returns {Map<string, {key, def, el, label, confidence, ambiguous, visible, candidates}>}
   */
  function matchFields(surface, step, scope) {
    const defs = TABLE.filter((d) => d.surface === surface && (!d.steps || !step || d.steps.includes(step)));
    const roots = allRoots();
    const inScope = (el) => {
      if (!scope) return true;
      for (let n = el; n; n = composedParent(n)) if (n === scope) return true;
      return false;
    };
    const controls = controlsIn(roots).filter(inScope);
    const labelsOf = new Map(controls.map((el) => [el, labelCandidates(el)]));
    const perKey = new Map();
    // Each control counts for its best key only (a "Consumer Name" box is not also a "name").
    const bestForControl = new Map();
    for (const def of defs) {
      const hits = new Set();
      for (const sel of def.selectors) for (const root of roots) for (const el of root.querySelectorAll(sel)) hits.add(el);
      for (const el of controls) {
        const s = scoreFor(def, el, labelsOf.get(el), hits);
        if (!s) continue;
        const prev = bestForControl.get(el);
        if (!prev || s.confidence > prev.confidence) bestForControl.set(el, { def, ...s });
      }
    }
    for (const [el, s] of bestForControl) {
      if (!perKey.has(s.def.key)) perKey.set(s.def.key, []);
      perKey.get(s.def.key).push({ el, def: s.def, label: s.label, confidence: s.confidence, visible: isVisible(el) });
    }
    const result = new Map();
    for (const [key, list] of perKey) {
      const visible = list.filter((c) => c.visible);
      const pool = (visible.length ? visible : list).sort((a, b) => b.confidence - a.confidence);
      const [top, second] = pool;
      const ambiguous = !!second && top.confidence - second.confidence < AMBIGUITY_MARGIN;
      result.set(key, {
        key, def: top.def, el: top.el, label: top.label, visible: top.visible, ambiguous,
        confidence: ambiguous ? Math.min(top.confidence, AMBIGUOUS_CONFIDENCE) : top.confidence,
        candidates: list.length,
      });
    }
    return result;
  }

  // ---- surface and step ------------------------------------------------------------------
  const ALIGN_HOST = /(^|\.)(jiraalign\.com|agilecraft\.com)$/i;
  const JIRA_HOST = /(^|\.)atlassian\.net$/i;

  /** The topmost visible modal dialog, if any: while it is open, it is the page. */
  function openDialog() {
    const dialogs = [...document.querySelectorAll('[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]')]
      .filter((d) => isVisible(d));
    return dialogs.at(-1) ?? null;
  }

  function visibleButtons(scope) {
    return [...scope.querySelectorAll('button, a, input[type=button], input[type=submit], [role=button]')]
      .filter((b) => isVisible(b))
      .map((b) => norm(b.localName === 'input' ? b.value : textOf(b)));
  }

  function jiraStep(scopeText, scope) {
    const has = (re) => re.test(scopeText);
    const consumerForm = [...allRoots()].some((r) => {
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
        || /\/plugins\/servlet\/applinks\//.test(location.pathname)) return 'list';
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
   * Decide what this page is. Labels and visible text decide; the host and Jira's documented
   * applinks paths are hints only.
   * @returns {{surface: string|null, step: string|null, fields: Map, scopeText: string}}
   */
  function detect() {
    const dialog = openDialog();
    const scope = dialog ?? document.body;
    if (!scope) return { surface: null, step: null, fields: new Map(), scopeText: '' };
    const scopeText = norm(textOf(scope));
    const pageText = dialog ? norm(textOf(document.body)) : scopeText;
    const host = location.hostname;

    // Jira Align connector.
    const alignFields = matchFields('align-connector', null, scope);
    let alignScore = strength(alignFields);
    if (/\bgenerate new key\b/.test(scopeText)) alignScore += 0.8;
    if (/\bjira oauth access\b/.test(scopeText)) alignScore += 0.5;
    if (/\bjira (connectors?|settings)\b/.test(pageText)) alignScore += 0.6;
    if (/\bjira align\b/.test(pageText)) alignScore += 0.3;
    if (ALIGN_HOST.test(host)) alignScore += 0.5;
    if (alignFields.size < 2 && !/\bjira connectors?\b/.test(pageText)) alignScore = Math.min(alignScore, 0.9);

    // Jira application links.
    const step = jiraStep(scopeText, scope);
    let jiraScore = 0;
    let jiraFields = new Map();
    if (step) {
      jiraFields = matchFields('jira-applinks', step, scope);
      jiraScore = 1 + strength(jiraFields);
      if (JIRA_HOST.test(host)) jiraScore += 0.5;
      if (/\/plugins\/servlet\/applinks\//.test(location.pathname)) jiraScore += 0.5;
    }

    if (jiraScore >= 1 && jiraScore >= alignScore) return { surface: 'jira-applinks', step, fields: jiraFields, scopeText, pageText };
    if (alignScore >= 1) {
      return { surface: 'align-connector', step: alignStep(pageText, alignFields), fields: alignFields, scopeText, pageText };
    }
    return { surface: null, step: null, fields: new Map(), scopeText, pageText };
  }

  // ---- page signals (for the checklist) ----------------------------------------------------
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
  const isAlignUrl = (u) => {
    try { return ALIGN_HOST.test(new URL(u).hostname); } catch { return false; }
  };

  function signals(d) {
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

  // ---- reading values --------------------------------------------------------------------
  // What a person cannot see around or inside a pasted token (white space, zero-width and bidi
  // characters, a byte-order mark): the same set the core's rule trims.
  const INVISIBLE = /[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\p{Cc}]/u;
  const QUOTES = [['"', '"'], ["'", "'"], ['\u201C', '\u201D'], ['\u2018', '\u2019']];

  /**
   * A secret's shape: what the core's API-token rule needs, measured here so the token itself
   * never leaves the page. Positions are 1-based; a white-space or invisible character is never
   * part of a real token, so naming it reveals nothing.
   */
  function secretShape(v) {
    const chars = [...v];
    let a = 0;
    let b = chars.length;
    while (a < b && INVISIBLE.test(chars[a])) a += 1;
    while (b > a && INVISIBLE.test(chars[b - 1])) b -= 1;
    const t = chars.slice(a, b);
    const ws = t.findIndex((c) => /\s/.test(c));
    const inv = t.findIndex((c) => INVISIBLE.test(c) && !/\s/.test(c));
    return {
      present: t.length > 0,
      length: t.length,
      surroundingWhitespace: a > 0 || b < chars.length,
      innerWhitespace: ws < 0 ? null : [t[ws], ws + 1],
      invisibleInside: inv < 0 ? null : [t[inv], inv + 1],
      quoted: t.length >= 2 && QUOTES.some(([o, c]) => t[0] === o && t[t.length - 1] === c),
      startsWithATATT: t.slice(0, 5).join('') === 'ATATT',
    };
  }

  /**
   * What may be reported about a control's value. Secrets (the API token, any password box)
   * yield only their shape (see secretShape), never a value.
   */
  function readValue(f) {
    const el = f.el;
    if (f.def.type === 'secret' || el.type === 'password') return secretShape(String(el.value ?? ''));
    if (f.def.type === 'checkbox' || f.def.type === 'radio') return { value: !!el.checked };
    if (f.def.type === 'select' && isCombobox(el)) return { value: comboboxValue(el) };
    if (f.def.type === 'select') {
      // What the page shows is the option's text; its value attribute comes along.
      const opt = el.selectedOptions?.[0];
      return { value: opt ? opt.textContent.replace(/\s+/g, ' ').trim() : '', optionValue: el.value };
    }
    return { value: String(el.value ?? '') };
  }

  LS.fields = {
    TABLE, THRESHOLD, detect, signals, readValue, labelCandidates, isVisible, isEnabled, isReadOnly,
    allRoots, documentsToScan, norm, isCombobox, comboboxValue, textOf,
  };
})();
