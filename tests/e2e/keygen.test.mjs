// The panel's key generator, in the real extension: a 2048-bit key appears as SPKI PEM with its
// fingerprint, and that fingerprint is the SHA-256 of the key's DER (checked here with WebCrypto).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from './harness.mjs';

let ext;
before(async () => { ext = await launchWithExtension(); });
after(async () => { await ext?.close(); });

test('the service worker runs from the pinned extension id', () => {
  assert.equal(ext.extensionId, 'kflojpfhkfljapnnjjjfecpkpkmojkcb');
});

test('panel generates a 2048-bit key pair and shows its PEM and fingerprint', async () => {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('panel/panel.html'));
  assert.equal(await page.locator('#keygen-bits').inputValue(), '2048');
  await page.click('#keygen-run');
  await page.locator('#keygen-result').waitFor({ state: 'visible', timeout: 30_000 });
  const pem = await page.locator('#keygen-public').inputValue();
  assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PUBLIC KEY-----\n?$/);
  const fingerprint = await page.locator('#keygen-fingerprint').textContent();
  assert.match(fingerprint, /^[0-9a-f]{64}$/);

  // Independent check in the page: WebCrypto imports the key as a 2048-bit RSA key and its DER
  // hashes to the fingerprint shown.
  const facts = await page.evaluate(async (text) => {
    const b64 = text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
    return {
      bits: key.algorithm.modulusLength,
      exponent: Array.from(key.algorithm.publicExponent).join(','),
      sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
    };
  }, pem);
  assert.equal(facts.bits, 2048);
  assert.equal(facts.exponent, '1,0,1');
  assert.equal(facts.sha256, fingerprint);
  assert.match(await page.locator('#keygen-status').textContent(), /Made a 2048-bit key pair/);
  await page.close();
});

test('the private key is offered as a download and never lands in extension storage', async () => {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('panel/panel.html'));
  await page.click('#keygen-run');
  await page.locator('#keygen-result').waitFor({ state: 'visible', timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#keygen-download-private')]);
  assert.equal(download.suggestedFilename(), 'linksmith-private-pkcs8.pem');
  const stored = await page.evaluate(async () => JSON.stringify([
    await chrome.storage.local.get(null), await chrome.storage.sync.get(null), await chrome.storage.session.get(null),
  ]));
  assert.doesNotMatch(stored, /PRIVATE KEY/);
  await page.close();
});
