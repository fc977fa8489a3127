// The guide's counts: the core's checks under their steps, and the checks Jira's answers gave
// (Verify with Jira) counted in their step and overall once they have run, drawn in the panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { guide } from '../../extension/panel/checklist.js';
import { renderGuide } from '../../extension/panel/steps.js';
import { CHECK } from '../../extension/shared/vocabulary.js';

const check = (id, state) => ({ id, state, message: `${id}: ${state}`, fix: '' });
const oauth = {
  sides: {}, options: { authType: 'oauth' },
  checks: [check(CHECK.AUTH_TYPE, 'pass'), check(CHECK.CONSUMER_KEY_MATCH, 'pass'), check(CHECK.PUBLIC_KEY_MATCH, 'fail')],
};
const verified = [check(CHECK.JIRA_CONSUMER_REGISTERED, 'pass'), check(CHECK.JIRA_SITE_IDENTITY, 'fail')];
const stepOf = (g, id) => g.steps.find((s) => s.id === id);

test('before Verify has run its checks count nowhere; once run, in the Authorize step and overall', () => {
  const before = guide(oauth);
  assert.deepEqual(before.count, { total: 3, pass: 2, fail: 1, warn: 0 });
  assert.equal(stepOf(before, 'authorize').count.total, 0);
  const after = guide(oauth, undefined, verified);
  assert.deepEqual(after.count, { total: 5, pass: 3, fail: 2, warn: 0 });
  assert.deepEqual(stepOf(after, 'authorize').count, { total: 2, pass: 1, fail: 1, warn: 0 });
  assert.deepEqual(stepOf(after, 'incoming-auth').count, stepOf(before, 'incoming-auth').count, 'other steps unchanged');
  // Drawn in the Verify block, not again under the step.
  assert.deepEqual(stepOf(after, 'authorize').results, []);
});

test('with Basic Auth (no Authorize step) the answers count in the step that holds the rest', () => {
  const basic = { ...oauth, options: { authType: 'basic' }, checks: [check(CHECK.AUTH_TYPE, 'pass')] };
  const g = guide(basic, undefined, [check(CHECK.BASIC_AUTH_CREDENTIALS, 'pass')]);
  assert.equal(stepOf(g, 'authorize'), undefined);
  assert.deepEqual(stepOf(g, 'save-align').count, { total: 1, pass: 1, fail: 0, warn: 0 });
  assert.deepEqual(g.count, { total: 2, pass: 2, fail: 0, warn: 0 });
});

test('the panel shows the counts with the Verify answers in them', () => {
  const { document } = new Window();
  document.body.innerHTML = '<p id="overall"></p><ol id="checklist"></ol>';
  const ui = { t: (key, subs) => `${key}(${[subs].flat().join(',')})`, actionFor: () => null, open: new Set(), closed: new Set() };
  renderGuide(document, oauth, ui);
  assert.equal(document.getElementById('overall').textContent, 'countVerified(2,3), countProblem(1)');
  renderGuide(document, oauth, { ...ui, verified: () => verified });
  assert.equal(document.getElementById('overall').textContent, 'countVerified(3,5), countProblems(2)');
  const authorize = document.querySelector('[data-step="authorize"] .step-count');
  assert.equal(authorize?.textContent, 'stepCount(1,2)');
});
