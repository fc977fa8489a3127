// Pure parts of the shipping work, without a browser: which side a URL is (built-in hosts and
// approved self-hosted origins), what an admin may add as a site, the enterprise policy's
// cleaning, and the i18n catalogue's coverage of the panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sideOfUrl, normaliseOrigin, cleanApproved, builtInSide } from '../../extension/sw/hosts.js';
import { cleanPolicy, applyPolicy, lockedOptions } from '../../extension/sw/policy.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXT = path.join(ROOT, 'extension');

test('sideOfUrl: built-in host families, and approved origins exactly (no subdomain, no other port)', () => {
  const approved = [{ origin: 'https://jira.example.com', side: 'jira' }, { origin: 'https://align.example.org', side: 'align' }];
  assert.equal(sideOfUrl('https://acme.atlassian.net/x'), 'jira');
  assert.equal(sideOfUrl('https://acme.jiraalign.com/x'), 'align');
  assert.equal(sideOfUrl('https://jira.example.com/plugins/servlet/applinks/listApplicationLinks'), null, 'not approved: not read');
  assert.equal(sideOfUrl('https://jira.example.com/plugins/servlet/applinks/listApplicationLinks', approved), 'jira');
  assert.equal(sideOfUrl('https://align.example.org/', approved), 'align');
  for (const url of ['https://x.jira.example.com/', 'https://jira.example.com:8443/', 'http://jira.example.com/',
    'https://u:p@jira.example.com/', 'https://jira.example.com.evil.test/', 'https://acme.atlassian.net.evil.test/']) {
    assert.equal(sideOfUrl(url, approved), null, url);
  }
});

test('normaliseOrigin: only a bare https origin with a host name may be approved', () => {
  assert.equal(normaliseOrigin('https://Jira.Example.com/'), 'https://jira.example.com');
  assert.equal(normaliseOrigin('https://jira.example.com'), 'https://jira.example.com');
  for (const bad of ['http://jira.example.com', 'https://jira.example.com:8443', 'https://jira.example.com/jira',
    'https://jira.example.com/?x', 'https://u@jira.example.com', 'https://localhost', 'jira.example.com', '', 'javascript:1']) {
    assert.equal(normaliseOrigin(bad), null, bad);
  }
  assert.equal(builtInSide('https://acme.atlassian.net'), 'jira');
  assert.equal(builtInSide('https://jira.example.com'), null);
});

test('cleanApproved keeps only well-formed entries', () => {
  assert.deepEqual(cleanApproved([
    { origin: 'https://jira.example.com', side: 'jira', extra: 1 },
    { origin: 'https://jira.example.com/', side: 'jira' },
    { origin: 'http://a.example.com', side: 'jira' },
    { origin: 'https://b.example.com', side: 'other' },
    null,
  ]), [{ origin: 'https://jira.example.com', side: 'jira' }]);
  assert.deepEqual(cleanApproved('nope'), []);
});

test('policy: URLs become origins, a bad prefix or URL is ignored, locked options are written over', () => {
  const p = cleanPolicy({ jiraSiteUrl: 'https://acme.atlassian.net/', alignSiteUrl: 'http://acme.jiraalign.com', consumerKeyPrefix: 'ACME' });
  assert.deepEqual(p, { jiraSiteUrl: 'https://acme.atlassian.net', alignSiteUrl: '', consumerKeyPrefix: 'ACME' });
  assert.equal(cleanPolicy({ consumerKeyPrefix: 'has space' }).consumerKeyPrefix, '');
  assert.deepEqual(cleanPolicy(undefined), { jiraSiteUrl: '', alignSiteUrl: '', consumerKeyPrefix: '' });
  assert.deepEqual(lockedOptions(p), ['jiraSiteUrl']);
  const options = { jiraSiteUrl: 'https://other.atlassian.net', alignSiteUrl: 'https://x.jiraalign.com' };
  assert.equal(applyPolicy(options, p), true);
  assert.deepEqual(options, { jiraSiteUrl: 'https://acme.atlassian.net', alignSiteUrl: 'https://x.jiraalign.com' });
  assert.equal(applyPolicy(options, p), false);
});

// ---- i18n ----------------------------------------------------------------------------------------
const messages = JSON.parse(readFileSync(path.join(EXT, '_locales/en/messages.json'), 'utf8'));
const jsFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, f));

test('i18n: every data-i18n key and every t()/getMessage key in the extension exists in messages.json', () => {
  const html = readFileSync(path.join(EXT, 'panel/panel.html'), 'utf8');
  const used = new Set([...html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]));
  for (const file of jsFiles(EXT)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z_@]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/\bt\(\s*[^'`)]*\?\s*'(\w+)'\s*:\s*'(\w+)'/g)) { used.add(m[1]); used.add(m[2]); }
  }
  for (const key of used) assert.ok(messages[key], `missing message ${key}`);
  for (const state of ['pass', 'fail', 'warn', 'unknown']) assert.ok(messages[`checkState_${state}`]);
});

test('i18n: the panel HTML has no literal text outside data-i18n (only <code> examples)', () => {
  const html = readFileSync(path.join(EXT, 'panel/panel.html'), 'utf8');
  const body = html.slice(html.indexOf('<body>'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<code>[^<]*<\/code>/g, '')
    .replace(/<[^>]+>/g, '');
  assert.equal(body.trim(), '', `literal text in panel.html: ${body.trim().slice(0, 200)}`);
  assert.match(html, /<title data-i18n="extName"><\/title>/);
});

test('i18n: placeholders are well-formed, so chrome.i18n and the page fallback agree', async () => {
  for (const [key, entry] of Object.entries(messages)) {
    assert.equal(typeof entry.message, 'string', key);
    for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
      assert.ok(entry.placeholders?.[name.toLowerCase()], `${key}: $${name}$ has no placeholder`);
    }
  }
  // The fallback used by the standalone page substitutes like chrome.i18n.getMessage.
  globalThis.fetch = async () => ({ json: async () => messages });
  const { loadMessages, t } = await import('../../extension/panel/i18n.js');
  await loadMessages('messages.json');
  assert.equal(t('keygenMade', ['2048', '135']), 'Made a 2048-bit key pair in 135 ms.');
  assert.equal(t('hostListItem', ['https://jira.example.com', 'Jira (Data Center)']), 'https://jira.example.com (Jira (Data Center))');
  assert.equal(t('no-such-key'), 'no-such-key');
  delete globalThis.fetch;
});

test('store listing: the short description fits 132 characters, the long one is the README\'s own text', async () => {
  const { storeListing, SHORT_DESCRIPTION_MAX, LONG_DESCRIPTION_MAX } = await import('../../tools/store.mjs');
  const { short, long } = storeListing();
  assert.equal(SHORT_DESCRIPTION_MAX, 132);
  assert.ok(short.length > 40 && short.length <= SHORT_DESCRIPTION_MAX, `${short.length}: ${short}`);
  assert.ok(long.length > 500 && long.length <= LONG_DESCRIPTION_MAX, `${long.length} characters`);
  assert.match(long, /^Linksmith is a browser extension/);
  assert.match(long, /\n1\. Open the Jira Align connector/);
  assert.doesNotMatch(long, /\*\*|`/, 'plain text: no Markdown marks');
  // Too long a description is refused, not cut.
  assert.throws(() => storeListing({ messages: { extDescription: { message: 'x'.repeat(133) } }, readme: readFileSync(path.join(ROOT, 'README.md'), 'utf8') }), /133 characters/);
});
