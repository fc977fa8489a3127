// RSA key generation: Linksmith's own (the panel's worker pool and the shipped wasm) against
// WebCrypto's generateKey + PEM export, interleaved key by key in the same panel page so that
// machine load hits both alike. WebCrypto is the baseline: only the ratio means anything.
const log = (...a) => console.error(...a);

export async function setUpKeygen(page) {
  await page.evaluate(async () => {
    const { KeygenPool } = await import('./keygen.js');
    const toPem = (label, buf) => {
      let bin = '';
      for (const b of new Uint8Array(buf)) bin += String.fromCharCode(b);
      const b64 = btoa(bin).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
      return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
    };
    globalThis.__bench = {
      pool: new KeygenPool(),
      async linksmith(bits) {
        const t = performance.now();
        const pair = await this.pool.generate(bits);
        const elapsed = performance.now() - t;
        if (!pair.publicKeyPem.startsWith('-----BEGIN PUBLIC KEY-----')) throw new Error('bad pair');
        return elapsed;
      },
      async webcrypto(bits) {
        const t = performance.now();
        const kp = await crypto.subtle.generateKey(
          { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
          true, ['sign', 'verify']);
        const pub = toPem('PUBLIC KEY', await crypto.subtle.exportKey('spki', kp.publicKey));
        const priv = toPem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', kp.privateKey));
        const elapsed = performance.now() - t;
        if (!pub || !priv) throw new Error('bad pair');
        return elapsed;
      },
    };
    globalThis.__bench.pool.warm();
  });
  // Warm-up, not measured: the workers' wasm instantiation and one key each way.
  await page.evaluate(() => globalThis.__bench.linksmith(2048));
  await page.evaluate(() => globalThis.__bench.webcrypto(2048));
  return page.evaluate(() => globalThis.__bench.pool.size);
}

/**
 * Up to `count` keys each way, but no more once `deadline` (a Date.now() value) has passed and
 * `atLeast` were made: on a loaded machine the sample shrinks (its bootstrap range says so)
 * instead of the bench running for half an hour.
 */
export async function keygen(page, bits, count, deadline = Infinity, atLeast = 6) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < count && (i < atLeast || Date.now() < deadline); i += 1) {
    // Alternate who goes first so neither always runs on a freshly idle machine.
    const order = i % 2 ? ['webcrypto', 'linksmith'] : ['linksmith', 'webcrypto'];
    for (const who of order) {
      const t = await page.evaluate(([w, b]) => globalThis.__bench[w](b), [who, bits]);
      (who === 'linksmith' ? ours : theirs).push(t);
    }
    if ((i + 1) % 20 === 0) log(`  ${bits}: ${i + 1} keys each`);
  }
  return { ours, theirs };
}
