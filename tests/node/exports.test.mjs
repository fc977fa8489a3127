// The core's exports work from node, loading the same built glue and wasm the extension ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR } from '../../extension/shared/vocabulary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = await import(path.join(ROOT, 'dist/chrome/pkg/linksmith.js'));
core.initSync({ module: await readFile(path.join(ROOT, 'dist/chrome/pkg/linksmith_bg.wasm')) });
// The key generator's module (the panel's key-generation workers and www/ load it).
const keygen = await import(path.join(ROOT, 'dist/chrome/pkg/linksmith_keygen.js'));
keygen.initSync({ module: await readFile(path.join(ROOT, 'dist/chrome/pkg/linksmith_keygen_bg.wasm')) });

test('every export keeps its name, in the module of its pages', () => {
  const checks = ['inspectPublicKey', 'comparePublicKeys', 'checkSetup', 'checkField', 'suggestConsumerKey',
    'explainOAuthProblem', 'checkApiTokenShape', 'oauthBaseString', 'oauthAuthorization', 'verifyVerdict'];
  const generator = ['generateKeyPair', 'PrimeSearch', 'keyPairFromPrimes', 'signOAuthRequest'];
  for (const name of checks) assert.equal(typeof core[name], 'function', name);
  for (const name of generator) assert.equal(typeof keygen[name], 'function', name);
  // The service worker's module makes and uses no private key: that is what keeps it small.
  for (const name of generator) assert.equal(core[name], undefined, name);
});

test('a WebCrypto signature of oauthBaseString gives the header signOAuthRequest gives with that key', async () => {
  const { privateKeyPkcs8Pem } = keygen.generateKeyPair(2048);
  const request = { url: 'https://acme.atlassian.net/plugins/servlet/oauth/request-token', consumerKey: 'JiraAlignAcme', callback: 'oob' };
  const { baseString, timestamp, nonce } = core.oauthBaseString(request);
  const der = Buffer.from(privateKeyPkcs8Pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const key = await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(baseString)));
  const viaWebCrypto = core.oauthAuthorization({ ...request, timestamp, nonce }, signature);
  const viaCore = keygen.signOAuthRequest({ ...request, timestamp, nonce, privateKeyPem: privateKeyPkcs8Pem });
  assert.equal(viaWebCrypto.authorization, viaCore.authorization);
  assert.equal(viaWebCrypto.baseString, baseString);
  // Without a key it signs with a throwaway one, as it always has: a header of the same form.
  const throwaway = keygen.signOAuthRequest({ ...request, timestamp, nonce });
  assert.equal(throwaway.baseString, baseString);
  assert.match(throwaway.authorization, /^OAuth oauth_consumer_key="JiraAlignAcme", .*oauth_signature="[A-Za-z0-9%]+"$/);
  assert.notEqual(throwaway.signature, viaCore.signature);
});

test('generateKeyPair makes a 2048-bit pair by default', () => {
  const pair = keygen.generateKeyPair();
  assert.equal(pair.bits, 2048);
  assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(pair.privateKeyPkcs8Pem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(pair.privateKeyPkcs1Pem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  assert.match(pair.fingerprintSha256, /^[0-9a-f]{64}$/);
  const report = core.inspectPublicKey(pair.publicKeyPem);
  assert.equal(report.ok, true);
  assert.equal(report.fingerprintSha256, pair.fingerprintSha256);
});

test('generateKeyPair refuses other sizes with a named error', () => {
  assert.throws(() => keygen.generateKeyPair(1024), (e) => e instanceof Error && e.name === ERROR.KEY_SIZE_UNSUPPORTED && /2048/.test(e.message));
  assert.throws(() => keygen.generateKeyPair('big'), (e) => e.name === ERROR.KEY_SIZE_UNSUPPORTED);
});

test('inspectPublicKey refuses a private key and non-strings', () => {
  const pair = keygen.generateKeyPair(2048);
  const report = core.inspectPublicKey(pair.privateKeyPkcs8Pem);
  assert.equal(report.ok, false);
  assert.ok(report.problems.some((p) => p.severity === 'error'));
  assert.ok(!JSON.stringify(report).includes(pair.privateKeyPkcs8Pem.split('\n')[1]), 'the private key is not echoed');
  assert.throws(() => core.inspectPublicKey(42), (e) => e.name === ERROR.BAD_ARGUMENT);
});

test('comparePublicKeys matches a key with its one-line Base64 form and tells two keys apart', () => {
  const a = keygen.generateKeyPair(2048);
  const b = keygen.generateKeyPair(2048);
  const oneLine = core.inspectPublicKey(a.publicKeyPem).jiraBase64;
  assert.equal(core.comparePublicKeys(a.publicKeyPem, oneLine).same, true);
  const diff = core.comparePublicKeys(a.publicKeyPem, b.publicKeyPem);
  assert.equal(diff.same, false);
  assert.notEqual(diff.fingerprintA, diff.fingerprintB);
  assert.ok(diff.firstDifference);
});

test('suggestConsumerKey follows the Suggest rule and starts with the organisation\'s prefix when given one', () => {
  assert.equal(core.suggestConsumerKey('Jira Align – Acme'), 'JiraAlignAcme');
  assert.equal(core.suggestConsumerKey('Jira Align – Acme', 'ACME'), 'ACMEJiraAlignAcme');
  assert.equal(core.suggestConsumerKey('ACME Align', 'ACME'), 'ACMEAlign');
  assert.equal(core.suggestConsumerKey('Acme', null), 'Acme');
  assert.throws(() => core.suggestConsumerKey('Acme', 42), (e) => e.name === 'bad-argument' && /prefix/.test(e.message));
});

test('the consumer-key rule fails without the organisation\'s prefix, in checkField and checkSetup', () => {
  const field = core.checkField('align.consumerKey', 'JiraAlignAcme', { consumerKeyPrefix: 'ACME' });
  assert.equal(field.ok, false);
  assert.equal(field.problems[0].code, 'consumer-key-policy-prefix');
  assert.match(field.problems[0].message, /^Consumer key: it must start with "ACME"/);
  assert.equal(core.checkField('align.consumerKey', 'ACMEJiraAlign', { consumerKeyPrefix: 'ACME' }).ok, true);
  const setup = { align: { authType: 'OAuth', consumerKey: 'JiraAlignAcme' }, jira: { consumerKey: 'JiraAlignAcme' } };
  const state = (checks, id) => checks.find((c) => c.id === id).state;
  const plain = core.checkSetup(setup);
  const prefixed = core.checkSetup({ ...setup, consumerKeyPrefix: 'ACME' });
  assert.equal(state(plain, 'align-consumer-key-format'), 'pass');
  assert.equal(state(prefixed, 'align-consumer-key-format'), 'fail');
  assert.equal(state(prefixed, 'jira-consumer-key-format'), 'fail');
});
