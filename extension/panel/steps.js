// The guide: the current step first, with its one primary action, the line saying what to click
// in the page, and only its own checks; then every other step in order, finished ones as one ✓
// line, later ones listed, each reopenable, each with its count. All checks live under #checks,
// each exactly once, as li[data-check][data-state].
import { guide } from './checklist.js';
import { valueDiff, keyDiff, factList } from './mismatch.js';

function el(doc, tag, props = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const LOZENGE = { pass: 'success', fail: 'removed', warn: 'moved', unknown: 'default' };

/** "12 of 18 verified, 1 problem, 2 warnings". */
export function countText(count, t) {
  const parts = [t('countVerified', [String(count.pass), String(count.total)])];
  if (count.fail) parts.push(t(count.fail === 1 ? 'countProblem' : 'countProblems', String(count.fail)));
  if (count.warn) parts.push(t(count.warn === 1 ? 'countWarning' : 'countWarnings', String(count.warn)));
  return parts.join(', ');
}

function stepCount(doc, step, t) {
  const c = step.count;
  if (c.total === 0) return null;
  const state = c.fail ? 'fail' : c.warn ? 'warn' : c.pass === c.total ? 'pass' : 'unknown';
  return el(doc, 'span', { className: `lozenge lozenge-${LOZENGE[state]} step-count`, textContent: t('stepCount', [String(c.pass), String(c.total)]) });
}

// The consumer keys as each page shows them: what the picture compares.
function consumerKeys(state) {
  return [state.sides.align?.fields?.consumerKey?.value, state.sides.jira?.fields?.consumerKey?.value];
}

function checkItem(doc, c, state, t) {
  const labels = [t('sideAlign'), t('sideJira')];
  const failing = c.state === 'fail';
  const picture = failing && c.id === 'consumer-key-match' ? valueDiff(doc, ...consumerKeys(state), labels, t)
    : failing && c.id === 'public-key-match' ? keyDiff(doc, c.facts, labels, t) : null;
  return el(doc, 'li', { className: 'check', dataset: { check: c.id, state: c.state } },
    el(doc, 'span', { className: `lozenge lozenge-${LOZENGE[c.state] ?? 'default'} check-state`, textContent: t(`checkState_${c.state}`) }),
    el(doc, 'span', { className: 'message', textContent: c.message }),
    c.fix ? el(doc, 'span', { className: 'fix', textContent: c.fix }) : null,
    c.predicts ? el(doc, 'span', { className: 'fix', textContent: t('jiraWouldAnswer', c.predicts) }) : null,
    picture,
    c.state !== 'pass' && !picture ? factList(doc, c.facts, t) : null);
}

function checkList(doc, step, state, t) {
  if (step.results.length === 0) return null;
  return el(doc, 'ul', { className: 'step-checks', 'aria-label': t('stepChecksLabel', step.title) },
    ...step.results.map((c) => checkItem(doc, c, state, t)));
}

/**
 * @param {Document} doc
 * @param {object} state  the worker's state
 * @param {object} ui  {t, verified() → the Verify checks once run, actionFor(step) → {label, run, disabled?, note?} | {element} (a block holding
 *                      the step's own primary button) | null, open: Set of step ids the admin opened,
 *                      closed: Set of step ids the admin closed}
 */
export function renderGuide(doc, state, ui) {
  const { t } = ui;
  const { steps, current, count } = guide(state, t, ui.verified?.() ?? []);
  const total = steps.length;
  const number = (step) => steps.indexOf(step) + 1;

  doc.getElementById('overall').textContent = count.total ? countText(count, t) : t('countNone');

  // Read before anything moves: a moved block (the Verify section) drops focus.
  const active = doc.activeElement;
  const field = active?.closest?.('#checklist [data-current-step] [data-field]')?.dataset.field;
  const focusKey = active?.id === 'step-action' ? '#step-action'
    : active?.id && active.closest?.('#checklist [data-current-step]') ? `#${CSS.escape(active.id)}`
    : field ? `#checklist [data-current-step] [data-field="${field}"] button`
    : active?.closest?.('#checklist [data-current-step] .step-fields > summary') ? '#checklist [data-current-step] .step-fields > summary'
    : active?.closest?.('#checklist [data-step] summary') ? `#checklist [data-step="${active.closest('[data-step]').dataset.step}"] summary` : null;
  const items = [];
  if (current) {
    const action = ui.actionFor(current);
    items.push(el(doc, 'li', {
      className: 'step current', dataset: { step: current.id, done: 'false', currentStep: '' },
      'aria-labelledby': 'current-step-title',
    },
    el(doc, 'p', { className: 'step-number', textContent: t('stepOf', [String(number(current)), String(total)]) }),
    el(doc, 'div', { className: 'step-head' },
      el(doc, 'h2', { id: 'current-step-title', textContent: current.title }),
      stepCount(doc, current, t)),
    el(doc, 'p', { className: 'instruction', textContent: current.instruction }),
    action?.note ? el(doc, 'p', { className: 'hint', id: 'step-action-note', textContent: action.note }) : null,
    action?.element ?? null,
    action && !action.element ? el(doc, 'button', {
      type: 'button', id: 'step-action', className: 'primary', textContent: action.label, disabled: Boolean(action.disabled),
      onclick: action.run, ...(action.note ? { 'aria-describedby': 'step-action-note' } : {}),
    }) : null,
    ui.fieldsFor?.(current) ?? null,
    checkList(doc, current, state, t)));
  } else {
    items.push(el(doc, 'li', { className: 'step current all-done', dataset: { step: 'all-done', done: 'true', currentStep: '' } },
      el(doc, 'h2', { id: 'current-step-title', textContent: t('allDoneTitle') }),
      el(doc, 'p', { className: 'instruction', textContent: t('allDoneText') })));
  }

  for (const step of steps) {
    if (step === current) continue;
    const failing = step.count.fail > 0;
    // Open: a step the admin opened, or one with a failure, unless the admin closed it.
    const open = !ui.closed.has(step.id) && (ui.open.has(step.id) || failing);
    const details = el(doc, 'details', { open },
      el(doc, 'summary', {},
        el(doc, 'span', { className: 'step-mark', 'aria-hidden': 'true', textContent: step.done ? '✓' : String(number(step)) }),
        el(doc, 'span', { className: 'step-title', textContent: step.title }),
        el(doc, 'span', { className: 'visually-hidden', textContent: step.done ? t('stepDoneSr') : t('stepLaterSr') }),
        stepCount(doc, step, t)),
      el(doc, 'p', { className: 'instruction', textContent: step.instruction }),
      checkList(doc, step, state, t));
    details.addEventListener('toggle', () => {
      if (details.open) { ui.open.add(step.id); ui.closed.delete(step.id); } else { ui.closed.add(step.id); ui.open.delete(step.id); }
    });
    items.push(el(doc, 'li', { className: `step ${step.done ? 'done' : 'later'}`, dataset: { step: step.id, done: String(step.done) } }, details));
  }

  // Re-rendering must not lose the admin's place: focus returns to the same control.
  doc.getElementById('checklist').replaceChildren(...items);
  if (focusKey) doc.querySelector(focusKey)?.focus();
  return { current, count };
}
