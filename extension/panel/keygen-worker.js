// One of the panel's key-generation workers. Several run at once and race for the two primes of
// a key (every core searches, so a key takes about 1/cores of the time); one of them then
// assembles the key from the first two primes found. All of this runs off the panel's main
// thread, and Cancel simply terminates the workers.
//
// Messages in:  {type: 'search', id, bits} | {type: 'stop'} | {type: 'assemble', id, bits, p, q}
// Messages out: {type: 'ready'} | {type: 'progress', id, tested} | {type: 'prime', id, prime}
//               | {type: 'pair', id, pair} | {type: 'error', id, error: {name, message}}
// The key generator's own wasm module: the checks' module, which the service worker loads, has
// no key generator (src/wasm_api/mod.rs).
import init, { PrimeSearch, keyPairFromPrimes } from '../pkg/linksmith_keygen.js';

const ready = init({ module_or_path: new URL('../pkg/linksmith_keygen_bg.wasm', import.meta.url) }).then(() => {
  // The first search computes the sieve's table of small primes (tens of ms, ~600 KB): do it
  // now, while the panel is idle, so that the first key does not wait for it.
  new PrimeSearch(2048).free();
});
ready.then(() => self.postMessage({ type: 'ready' }), () => {});

// Candidates tested per step (the Fermat pre-filter takes them two at a time): a step then takes
// a few ms (2048-bit keys) to a few tens of ms (4096), short enough for fresh progress and a
// prompt 'stop' or 'assemble'.
const BUDGET = 4;
let current = 0;

// A macrotask boundary without setTimeout's 4 ms clamp, so queued messages are handled.
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function errorOf(error) {
  return { name: error?.name ?? 'Error', message: String(error?.message ?? error) };
}

async function search(id, bits) {
  const run = ++current;
  let searcher = null;
  let done = 0;
  try {
    await ready;
    searcher = new PrimeSearch(bits);
    // Keep finding primes until told otherwise: the second prime may come from this worker too.
    while (run === current) {
      const prime = searcher.step(BUDGET);
      if (prime) {
        self.postMessage({ type: 'prime', id, prime }, [prime.buffer]);
        done += searcher.tested();
        searcher.free();
        searcher = new PrimeSearch(bits);
      }
      self.postMessage({ type: 'progress', id, tested: done + searcher.tested() });
      await yieldToMessages();
    }
  } catch (error) {
    self.postMessage({ type: 'error', id, error: errorOf(error) });
  } finally {
    searcher?.free();
  }
}

self.onmessage = async ({ data }) => {
  const { type, id, bits } = data ?? {};
  if (type === 'search') {
    search(id, bits);
  } else if (type === 'stop') {
    current++;
  } else if (type === 'assemble') {
    current++;
    try {
      await ready;
      self.postMessage({ type: 'pair', id, pair: keyPairFromPrimes(bits, data.p, data.q) });
    } catch (error) {
      self.postMessage({ type: 'error', id, error: errorOf(error) });
    }
  }
};
