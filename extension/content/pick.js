// "Point to the field" and "Describe this page", page side.
// Pick mode lets the admin click one control; the answer is its selector path (never its
// value), after the same checks the fill gate makes (pointRefusal). The page description lists
// the form structure only: labels, roles, input types, ids and names, button texts. No values,
// no option texts, no other text of the page.
import { pointRefusal } from './gate.js';
import { pathOf } from './paths.js';
import { labelCandidates } from './labels.js';
import { allRoots, isInside } from './walk.js';
import { controlsIn } from './matching.js';
import { hiddenReason, isVisible } from './visibility.js';
import { jiraStep } from './surface.js';
import { norm, textOf } from './text.js';
import { widgetOf } from './widgets.js';
import { SIDE } from '../shared/vocabulary.js';

const PICK_TIMEOUT_MS = 60_000;
const LABEL_SOURCES = new Set(['label-for', 'label-wrap', 'aria-label', 'aria-labelledby', 'placeholder', 'title', 'nearby-text']);
const SURFACE_OF_SIDE = { [SIDE.ALIGN]: 'align-connector', [SIDE.JIRA]: 'jira-applinks' };

/** The form control a click on `target` means: the control, the control a label is for, or the native select under a widget. */
function controlFor(target) {
  if (!target || target.nodeType !== 1) return null;
  if (target.localName === 'iframe' || target.localName === 'frame') return target;
  const direct = target.closest('input, textarea, select, [role=combobox], [role=checkbox], [role=radio], [role=switch]');
  const label = target.closest('label');
  let el = direct ?? label?.control ?? null;
  // A click on a widget drawn for a hidden select means that select.
  for (const select of target.getRootNode().querySelectorAll?.('select') ?? []) {
    const { kind, visual } = widgetOf(select);
    if (kind === 'select-widget' && isInside(target, visual.closest('.k-dropdown, .k-picker, .select2-container') ?? visual)) el = select;
  }
  return el;
}

let picking = null;

/**
 * Let the admin click one control. Resolves {selector, surface, step, pathname, label, kind}
 * or {refused: reason}. The click itself is swallowed so the page does not act on it.
 */
export function pick({ side, key }) {
  picking?.cancel('superseded');
  return new Promise((resolve) => {
    const banner = document.createElement('div');
    banner.setAttribute('role', 'status');
    banner.textContent = `Linksmith: click the field for “${key}” (Esc cancels)`;
    Object.assign(banner.style, {
      position: 'fixed', zIndex: '2147483647', left: '50%', top: '8px', transform: 'translateX(-50%)',
      background: '#172b4d', color: '#fff', padding: '6px 12px', borderRadius: '4px', font: '14px sans-serif',
      pointerEvents: 'none',
    });
    document.documentElement.append(banner);
    const done = (answer) => {
      clearTimeout(timer);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      banner.remove();
      picking = null;
      resolve(answer);
    };
    const onClick = (e) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      const el = controlFor(e.composedPath()[0] ?? e.target);
      const refusal = el ? pointRefusal(el, key === 'apiToken') : 'not-a-control';
      if (refusal) { done({ refused: refusal }); return; }
      const selector = pathOf(el);
      if (!selector) { done({ refused: 'in-frame' }); return; }
      const surface = SURFACE_OF_SIDE[side];
      const step = surface === 'jira-applinks' ? jiraStep(norm(textOf(document.body)), document.body) ?? 'unrecognised' : 'connector-form';
      const label = labelCandidates(el).find((c) => LABEL_SOURCES.has(c.source))?.text ?? '';
      done({ selector, surface, step, pathname: location.pathname, label, kind: widgetOf(el).kind });
    };
    const onKey = (e) => { if (e.key === 'Escape') { e.preventDefault(); done({ refused: 'cancelled' }); } };
    const timer = setTimeout(() => done({ refused: 'timed-out' }), PICK_TIMEOUT_MS);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    picking = { cancel: (reason) => done({ refused: reason }) };
  });
}

/** The page's form structure without a single value. */
export function describeStructure(detection) {
  const roots = allRoots();
  const controls = controlsIn(roots).slice(0, 200).map((el) => {
    const { kind, visual } = widgetOf(el);
    return {
      tag: el.localName,
      type: el.localName === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : null,
      role: el.getAttribute('role'),
      id: el.id || null,
      name: el.getAttribute('name'),
      widget: kind,
      visible: isVisible(visual),
      hidden: hiddenReason(visual),
      labels: labelCandidates(el).filter((c) => LABEL_SOURCES.has(c.source)).map(({ source, text }) => ({ source, text })),
      options: el.localName === 'select' ? el.options.length : undefined,
    };
  });
  const buttons = [];
  for (const root of roots) {
    for (const b of root.querySelectorAll('button, input[type=button], input[type=submit], [role=button]')) {
      if (buttons.length >= 60 || !isVisible(b)) continue;
      const text = norm(b.localName === 'input' ? b.getAttribute('value') ?? '' : textOf(b)).slice(0, 80);
      buttons.push({ text, id: b.id || null, name: b.getAttribute('name') });
    }
  }
  const forms = roots.flatMap((r) => [...r.querySelectorAll('form')]).slice(0, 20)
    .map((f) => ({ id: f.id || null, name: f.getAttribute('name'), controls: f.elements.length }));
  const dialogs = roots.flatMap((r) => [...r.querySelectorAll('[role=dialog], [role=alertdialog], dialog')]).length;
  return {
    origin: location.origin, pathname: location.pathname, surface: detection.surface, step: detection.step,
    recognised: [...detection.fields.keys()], forms, dialogs, controls, buttons,
  };
}
