// The standalone checker: the same wasm core as the extension, loaded by this page.
import init, { inspectPublicKey } from './pkg/linksmith.js';

await init({ module_or_path: new URL('./pkg/linksmith_bg.wasm', import.meta.url) });

const $ = (id) => document.getElementById(id);

function renderFacts(list, facts) {
  list.replaceChildren();
  for (const [term, value] of facts) {
    if (value === null || value === undefined) continue;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    list.append(dt, dd);
  }
}

function renderProblems(list, problems) {
  list.replaceChildren(...problems.map((p) => {
    const li = document.createElement('li');
    li.dataset.severity = p.severity;
    li.dataset.code = p.code;
    li.textContent = `${p.message} — ${p.fix}`;
    return li;
  }));
}

$('inspect-input').addEventListener('input', (event) => {
  const text = event.target.value;
  if (!text.trim()) {
    renderFacts($('inspect-facts'), []);
    renderProblems($('inspect-problems'), []);
    return;
  }
  const report = inspectPublicKey(text);
  renderFacts($('inspect-facts'), [
    ['Kind', report.kind], ['Bits', report.bits], ['Exponent', report.exponent],
    ['SHA-256', report.fingerprintSha256], ['Jira accepts it', report.jiraAccepts ? 'yes' : 'no'],
    ['One-line Base64 (as Jira stores it)', report.jiraBase64],
  ]);
  renderProblems($('inspect-problems'), report.problems);
});
