// The panel's key generator: a 2048-bit key appears as SPKI PEM with its fingerprint, and that
// fingerprint is the SHA-256 of the key's DER (checked with the browser's own WebCrypto).
import assert from 'node:assert/strict';

/** What the page's own WebCrypto makes of a public key PEM: its size, exponent and the SHA-256 of
 * its DER (the fingerprint the panel shows). */
export const publicKeyFacts = (page, pem) => page.evaluate(async (text) => {
  const der = Uint8Array.from(atob(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  return {
    bits: key.algorithm.modulusLength,
    exponent: Array.from(key.algorithm.publicExponent).join(','),
    sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
  };
}, pem);

export async function keyGenerated(browser) {
  const panel = await browser.openPanel();
  assert.equal(await panel.value('#keygen-bits'), '2048');
  await panel.click('#keygen > summary'); // the key generator is a collapsed tool
  await panel.click('#keygen-run');
  await panel.waitFor('#keygen-result', { timeout: 60_000 });
  const pem = await panel.value('#keygen-public');
  assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PUBLIC KEY-----\n?$/);
  const fingerprint = (await panel.text('#keygen-fingerprint')).trim();
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  assert.deepEqual(await publicKeyFacts(panel, pem), { bits: 2048, exponent: '1,0,1', sha256: fingerprint });
  assert.match(await panel.text('#keygen-status'), /Made a 2048-bit key pair/);
}
