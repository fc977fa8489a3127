// The fill gate's allowed-origin check (extension/content/origin.js: the shared origin rule fed
// with the approved origins): suffixes on a dot boundary, https only, no port, no credentials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedOrigin } from '../../extension/content/origin.js';

test('allowed: the three known host families, any depth of subdomain', () => {
  for (const url of [
    'https://acme.atlassian.net/plugins/servlet/applinks/listApplicationLinks',
    'https://ACME.Atlassian.NET/', 'https://acme.jiraalign.com/x', 'https://a.b.agilecraft.com',
    'https://acme.atlassian.net./',
  ]) assert.equal(isAllowedOrigin(url), true, url);
});

test('refused: lookalikes, other schemes, ports, credentials, garbage', () => {
  for (const url of [
    'https://acme.atlassian.net.evil.test/', 'https://acme-atlassian.net/', 'https://evilatlassian.net/',
    'https://atlassian.net.evil.test', 'http://acme.atlassian.net/', 'https://acme.atlassian.net:8443/',
    'https://user:pw@acme.atlassian.net/', 'https://acme.jiraalign.com.evil.test/', 'https://jiraalign.co/',
    'https://atlassian.net/', 'javascript:alert(1)', 'data:text/html,x', '', 'not a url', 'https://widgets.example.net/',
  ]) assert.equal(isAllowedOrigin(url), false, url);
});

test('approved self-hosted origins match exactly', () => {
  const approved = [{ origin: 'https://align.example.com', side: 'align' }];
  assert.equal(isAllowedOrigin('https://align.example.com/admin', approved), true);
  assert.equal(isAllowedOrigin('https://align.example.com:444/admin', approved), false);
  assert.equal(isAllowedOrigin('https://x.align.example.com/', approved), false);
  assert.equal(isAllowedOrigin('https://align.example.com/admin', []), false);
});
