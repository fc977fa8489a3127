// The one origin rule (extension/shared/origins.js), proved by one table over its three
// consumers: the worker (sw/hosts.js: which side a sender or tab is), the content scripts' fill
// gate (content/origin.js: may this page be filled) and the manifest (the host permissions and
// content-script matches of the built extensions, which must cover every built-in site the rule
// accepts). A consumer with its own copy of the rule disagrees somewhere in this table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_PATTERNS, isAllowedOrigin, normaliseOrigin, siteOrigin, siteSide } from '../../extension/shared/origins.js';
import { sideOfUrl } from '../../extension/sw/hosts.js';
import { HOST_FAMILIES } from '../../extension/shared/vocabulary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APPROVED = [{ origin: 'https://jira.example.com', side: 'jira' }, { origin: 'https://align.example.org', side: 'align' }];

// [address, side it is (null: not a site), why]
const TABLE = [
  ['https://acme.atlassian.net/plugins/servlet/applinks/listApplicationLinks', 'jira', 'Jira Cloud'],
  ['https://ACME.Atlassian.NET/', 'jira', 'host case does not matter'],
  ['https://acme.atlassian.net./', 'jira', 'a trailing dot is the same host'],
  ['https://acme.atlassian.net:443/', 'jira', ':443 is the default port, not a port'],
  ['https://a.b.atlassian.net/', 'jira', 'any depth of subdomain'],
  ['https://acme.jiraalign.com/admin', 'align', 'Jira Align'],
  ['https://acme.agilecraft.com/', 'align', 'Jira Align, old domain'],
  ['https://atlassian.net/', null, 'the bare domain is not a Jira site'],
  ['https://jiraalign.com/', null, 'the bare domain is not a Jira Align site'],
  ['https://acme.atlassian.net:8443/', null, 'explicit ports are refused'],
  ['https://acme.jiraalign.com:444/', null, 'explicit ports are refused'],
  ['http://acme.atlassian.net/', null, 'https only'],
  ['https://user:pw@acme.atlassian.net/', null, 'no credentials'],
  ['https://acme.atlassian.net.evil.test/', null, 'suffix must end the host'],
  ['https://acme-atlassian.net/', null, 'dot boundary'],
  ['https://evilatlassian.net/', null, 'dot boundary'],
  ['https://jiraalign.co/', null, 'lookalike'],
  ['javascript:alert(1)', null, 'not https'],
  ['data:text/html,x', null, 'not https'],
  ['', null, 'empty'],
  ['not a url', null, 'garbage'],
  ['https://widgets.example.net/', null, 'unknown host'],
  ['https://jira.example.com/plugins/servlet/applinks', 'jira', 'approved self-hosted origin'],
  ['https://jira.example.com./secure/', 'jira', 'approved origin with a trailing dot'],
  ['https://align.example.org/', 'align', 'approved self-hosted origin'],
  ['https://x.jira.example.com/', null, 'subdomains of an approved origin are not approved'],
  ['https://jira.example.com:8443/', null, 'an approved host on another port is not approved'],
  ['http://jira.example.com/', null, 'approved, but not https'],
];

test('the rule: every row', () => {
  for (const [href, side, why] of TABLE) assert.equal(siteSide(href, APPROVED), side, `${href}: ${why}`);
});

test('consumer 1, the worker: sw/hosts.js answers the same side for every row', () => {
  for (const [href, side, why] of TABLE) assert.equal(sideOfUrl(href, APPROVED), side, `${href}: ${why}`);
});

const gatePath = path.join(ROOT, 'extension/content/origin.js');
test('consumer 2, the fill gate: content/origin.js allows exactly the sites of the table', async () => {
  const gate = await import(gatePath);
  // The gate gets the approved list as the worker stores it, cleaned: [{origin, side}].
  for (const [href, side, why] of TABLE) assert.equal(gate.isAllowedOrigin(href, APPROVED), side !== null, `${href}: ${why}`);
});

// A Chrome/Firefox match pattern of the form https://*.<host>/* (the only form the manifest uses):
// the host itself or any subdomain, any path. Other forms are refused so a new one gets a matcher.
function matches(pattern, href) {
  const m = /^https:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern);
  assert.ok(m, `no matcher for the pattern ${pattern}`);
  const url = new URL(href);
  const host = url.hostname.replace(/\.$/, '');
  return url.protocol === 'https:' && (host === m[1] || host.endsWith(`.${m[1]}`));
}

for (const browser of ['chrome', 'firefox']) {
  test(`consumer 3, the manifest (dist/${browser}): granted hosts are the rule's built-in families, and cover every built-in site`, () => {
    const file = path.join(ROOT, 'dist', browser, 'manifest.json');
    assert.ok(existsSync(file), `dist/${browser} is missing: run ./build.sh`);
    const m = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(m.host_permissions, [...BUILT_IN_PATTERNS]);
    for (const cs of m.content_scripts) assert.deepEqual(cs.matches, [...BUILT_IN_PATTERNS]);
    for (const [href, side, why] of TABLE) {
      if (siteSide(href) === null) continue; // not a built-in site: nothing to cover
      assert.ok(m.host_permissions.some((p) => matches(p, href)), `${href} (${side}: ${why}) is not granted`);
    }
  });
}

test('the rule\'s helpers: origins are normalised the same way everywhere', () => {
  assert.equal(siteOrigin('https://ACME.atlassian.net./x?y'), 'https://acme.atlassian.net');
  assert.equal(normaliseOrigin('https://Jira.Example.com./'), 'https://jira.example.com');
  for (const bad of ['https://jira.example.com:8443', 'https://jira.example.com/jira', 'https://localhost', 'http://jira.example.com']) {
    assert.equal(normaliseOrigin(bad), null, bad);
  }
  assert.deepEqual(BUILT_IN_PATTERNS, HOST_FAMILIES.filter((f) => f.suffix).map((f) => `https://*.${f.suffix}/*`));
  assert.equal(isAllowedOrigin('https://jira.example.com/', [{ origin: 'https://jira.example.com' }]), true);
});
