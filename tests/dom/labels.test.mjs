// Detection and label tables on happy-dom: every way a label can be linked to a control gives
// that label with its source, and each wording the table has a rule for finds its field. No
// layout here, so visibility is not part of these answers (the browser tier covers it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { page } from './env.mjs';
import { labelCandidates } from '../../extension/content/labels.js';
import { matchFields } from '../../extension/content/matching.js';
import { TABLE } from '../../extension/content/table.js';
import { FIELDS } from '../../extension/shared/vocabulary.js';

const LINKAGE = [
  ['label for', '<label for="x">Jira API URL</label><input id="x">', 'label-for'],
  ['wrapping label', '<label>Jira API URL <input id="x"></label>', 'label-wrap'],
  ['aria-label', '<input id="x" aria-label="Jira API URL">', 'aria-label'],
  ['aria-labelledby', '<span id="l">Jira API URL</span><input id="x" aria-labelledby="l">', 'aria-labelledby'],
  ['sibling text', '<div><span>Jira API URL</span><input id="x"></div>', 'nearby-text'],
  ['table cells', '<table><tr><td>Jira API URL</td><td><input id="x"></td></tr></table>', 'nearby-text'],
  ['dt / dd', '<dl><dt>Jira API URL</dt><dd><input id="x"></dd></dl>', 'nearby-text'],
  ['placeholder', '<input id="x" placeholder="Jira API URL">', 'placeholder'],
  ['title', '<input id="x" title="Jira API URL">', 'title'],
  ['name', '<input id="x" name="jira_api_url">', 'name'],
  ['id', '<input id="txtJiraApiUrl">', 'id'],
];

for (const [what, html, source] of LINKAGE) {
  test(`label linkage: ${what}`, () => {
    page(html);
    const el = document.querySelector('input');
    const found = labelCandidates(el).find((c) => c.source === source);
    assert.equal(found?.text, 'jira api url', JSON.stringify(labelCandidates(el)));
    assert.equal(matchFields('align-connector', null, null).get('jiraApiUrl')?.el, el);
  });
}

test('a label does not include the text of the control it wraps, nor a required marker', () => {
  page('<label>Public Key<span class="aui-icon">required</span> * <textarea>-----BEGIN PUBLIC KEY-----</textarea></label>');
  assert.deepEqual(labelCandidates(document.querySelector('textarea')).filter((c) => c.source === 'label-wrap'), [{ source: 'label-wrap', text: 'public key' }]);
});

test('a widget that wraps its hidden select: the current value shown inside is not its label', () => {
  page('<label for="auth">Authentication Type</label><span class="k-dropdown" role="combobox"><span class="k-input">OAuth</span><select id="auth" style="display:none"><option>OAuth</option></select></span>');
  const texts = labelCandidates(document.getElementById('auth')).map((c) => c.text);
  assert.ok(texts.includes('authentication type'));
  assert.ok(!texts.includes('oauth'), JSON.stringify(texts));
});

// Each wording → the field it means, with a control of the right type.
const WORDINGS = [
  ['align-connector', 'Jira Link', 'jiraLink'], ['align-connector', 'Jira Browse URL', 'jiraLink'],
  ['align-connector', 'Connector Name', 'name'], ['align-connector', 'Jira Instance Name', 'name'],
  ['align-connector', 'Jira API URL', 'jiraApiUrl'], ['align-connector', 'API Base URL', 'jiraApiUrl'],
  ['align-connector', 'Jira Base URL', 'jiraApiUrl'], ['align-connector', 'Jira OAuth Consumer Key', 'consumerKey'],
  ['align-connector', 'OAuth Key', 'consumerKey'], ['align-connector', 'RSA Public Key', 'publicKey'],
  ['align-connector', 'Jira Username', 'username'], ['align-connector', 'Email address', 'username'],
  ['align-connector', 'Jira Account', 'username'],
  ['jira-applinks', 'Consumer Key', 'consumerKey'], ['jira-applinks', 'Consumer Name', 'consumerName'],
  ['jira-applinks', 'Public Key', 'publicKey'], ['jira-applinks', 'Consumer Callback URL', 'callbackUrl'],
  ['jira-applinks', 'Application Name', 'applicationName'], ['jira-applinks', 'New URL', 'applicationUrl'],
  ['jira-applinks', 'Enter the URL of the application you want to link', 'applicationUrl'],
];
const STEP = { consumerKey: 'incoming-auth', consumerName: 'incoming-auth', publicKey: 'incoming-auth', callbackUrl: 'incoming-auth', applicationName: 'review-link', applicationUrl: 'configure-url' };

for (const [surface, wording, key] of WORDINGS) {
  test(`wording "${wording}" → ${key}`, () => {
    page(`<label for="x">${wording}</label><input id="x">`);
    const found = matchFields(surface, surface === 'jira-applinks' ? STEP[key] : null, null);
    assert.deepEqual([...found.keys()], [key]);
    assert.ok(found.get(key).confidence >= 0.6);
  });
}

test('exclusions: a Jira username is not a name, a consumer secret is not a key, a private key is not public', () => {
  for (const [wording, notKey] of [['Jira Username', 'name'], ['Consumer Secret Key', 'consumerKey'], ['Private Key', 'publicKey'], ['Jira Link', 'jiraApiUrl']]) {
    page(`<label for="x">${wording}</label><input id="x">`);
    assert.equal(matchFields('align-connector', null, null).has(notKey), false, wording);
  }
});

test('two equally good candidates for one key are ambiguous, never confident', () => {
  page('<label for="a">Consumer Key</label><input id="a"><label for="b">Consumer Key</label><input id="b">');
  const f = matchFields('jira-applinks', 'incoming-auth', null).get('consumerKey');
  assert.equal(f.ambiguous, true);
  assert.ok(f.confidence < 0.6);
});

test('a select by its label; a password box is the secret, never a text field', () => {
  page('<label for="a">Authentication Type</label><select id="a"><option>OAuth</option><option>Basic Auth</option></select>'
    + '<label for="p">API Token/Jira Password</label><input id="p" type="password">');
  const found = matchFields('align-connector', null, null);
  assert.equal(found.get('authType')?.el.id, 'a');
  assert.equal(found.get('apiToken')?.el.id, 'p');
  assert.equal(found.get('apiToken').def.type, 'secret');
});

test('every table entry has at least one label rule or selector, and a known type', () => {
  for (const def of TABLE) {
    assert.ok(def.labels.length + def.selectors.length > 0, def.key);
    assert.ok(['text', 'select', 'checkbox', 'radio', 'secret'].includes(def.type), def.key);
  }
});

test('every table entry is a field of the vocabulary, on its side', () => {
  const side = { 'align-connector': 'align', 'jira-applinks': 'jira' };
  const names = new Set(FIELDS.map((f) => f.name));
  for (const def of TABLE) assert.ok(names.has(`${side[def.surface]}.${def.key}`), `${def.surface} ${def.key}`);
});
