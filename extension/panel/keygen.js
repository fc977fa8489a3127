// The panel's key generator: parallel workers search for the primes and assemble the key
// (keygen-worker.js); the panel shows the public half and its fingerprint, and offers the
// private half as a download only. The private key lives in this
// closure until the panel closes or a new key is made; it is never stored or sent anywhere.

import { ERROR } from '../shared/vocabulary.js';

/** How many workers race for primes: one per core, at least two (p and q), at most eight. */
export function workerCount() {
  return Math.min(8, Math.max(2, navigator.hardwareConcurrency || 2));
}

/**
 * A pool of key-generation workers. Workers start on `warm` (when a key is in sight, so it
 * need not wait for the wasm) or with the first key, are kept between keys, and are terminated
 * by `cancel`, which is what
 * really stops a search: a worker busy in wasm cannot be interrupted any other way.
 */
export class KeygenPool {
  constructor(size = workerCount()) {
    this.size = size;
    this.workers = [];
    this.job = null;
    this.nextId = 0;
  }

  warm() {
    while (this.workers.length < this.size) {
      const worker = new Worker(new URL('./keygen-worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => this.onMessage(worker, data);
      worker.onerror = (event) => {
        // A worker that failed to load is useless: drop them all so the next key starts afresh.
        this.terminate();
        this.fail({ name: ERROR.WORKER_FAILED, message: event.message || 'the key worker failed to start' });
      };
      this.workers.push(worker);
    }
  }

  /**
   * Generates a key pair of `bits`; `onProgress({tested, primes, workers})` is called as the
   * workers report. Resolves to the pair; rejects with an Error named by its code, or
   * 'cancelled' when `cancel()` ends it.
   */
  generate(bits, onProgress = () => {}) {
    this.cancel();
    this.warm();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.job = { id, bits, onProgress, resolve, reject, primes: [], tested: new Map(), assembling: false };
      for (const worker of this.workers) worker.postMessage({ type: 'search', id, bits });
    });
  }

  terminate() {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }

  /** Stops the search now: the workers are terminated, and fresh ones start next time. */
  cancel() {
    this.fail({ name: ERROR.CANCELLED, message: 'Cancelled' });
  }

  fail(error) {
    const job = this.job;
    if (!job) return;
    this.job = null;
    this.terminate();
    job.reject(Object.assign(new Error(error.message), { name: error.name }));
  }

  onMessage(worker, data) {
    const job = this.job;
    if (!job || data?.id !== job.id) return;
    if (data.type === 'progress') {
      job.tested.set(worker, data.tested);
      let tested = 0;
      for (const n of job.tested.values()) tested += n;
      job.onProgress({ tested, primes: Math.min(2, job.primes.length), workers: this.workers.length });
    } else if (data.type === 'prime') {
      job.primes.push(data.prime);
      if (job.primes.length >= 2 && !job.assembling) {
        job.assembling = true;
        for (const w of this.workers) if (w !== worker) w.postMessage({ type: 'stop' });
        // The worker that found the second prime is between steps, so it answers at once.
        worker.postMessage({ type: 'assemble', id: job.id, bits: job.bits, p: job.primes[0], q: job.primes[1] });
      }
    } else if (data.type === 'pair') {
      this.job = null;
      job.resolve(data.pair);
    } else if (data.type === 'error') {
      if (data.error.name === ERROR.KEY_GENERATION_FAILED && job.assembling) {
        // q was refused (too close to p, or d too small: odds ~2^-100): search for another.
        job.primes.splice(1);
        job.assembling = false;
        for (const w of this.workers) w.postMessage({ type: 'search', id: job.id, bits: job.bits });
        return;
      }
      this.fail(data.error);
    }
  }
}

function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @param {(key: string, subs?: unknown) => string} t  the page's message lookup (i18n.js) */
export function setupKeygen(doc = document, t = (key) => key) {
  const $ = (id) => doc.getElementById(id);
  const bitsSelect = $('keygen-bits');
  const runButton = $('keygen-run');
  const cancelButton = $('keygen-cancel');
  const status = $('keygen-status');
  const result = $('keygen-result');
  const pool = new KeygenPool();
  let pair = null;
  let running = null;

  function setBusy(busy) {
    runButton.disabled = busy;
    bitsSelect.disabled = busy;
    cancelButton.hidden = !busy;
  }

  // Nothing heavy at panel open: the workers (each loads the wasm and builds a ~600 KB prime
  // table) start when the admin heads for a key: the key section opened by them, a press or
  // focus on its controls, or at the latest the request itself (generate() starts them).
  const warm = () => pool.warm();
  for (const control of [bitsSelect, runButton]) {
    for (const type of ['pointerdown', 'focusin']) control.addEventListener(type, warm, { once: true });
  }
  const details = runButton.closest('details');
  details?.addEventListener('toggle', () => {
    // A <details open> parsed with the page fires toggle too: that is not the admin opening it.
    if (details.open && navigator.userActivation?.hasBeenActive !== false) warm();
  });

  runButton.addEventListener('click', async () => {
    const bits = Number(bitsSelect.value);
    pair = null;
    result.hidden = true;
    doc.dispatchEvent(new CustomEvent('linksmith:keypair', { detail: null })); // verify.js: Test with Jira
    status.classList.remove('error');
    status.textContent = t('keygenGenerating', String(bits));
    setBusy(true);
    const started = performance.now();
    const job = pool.generate(bits, ({ tested, primes, workers }) => {
      status.textContent = t('keygenProgress', [String(bits), String(workers), String(tested), String(primes)]);
    });
    running = job;
    try {
      pair = await job;
      if (running !== job) return;
      $('keygen-public').value = pair.publicKeyPem;
      $('keygen-fingerprint').textContent = pair.fingerprintSha256;
      result.hidden = false;
      doc.dispatchEvent(new CustomEvent('linksmith:keypair', { detail: pair }));
      status.textContent = t('keygenMade', [String(pair.bits), String(Math.round(performance.now() - started))]);
    } catch (error) {
      if (running !== job || error.name === ERROR.CANCELLED) return;
      status.classList.add('error');
      status.textContent = t('keygenFailed', error.message);
    } finally {
      if (running === job) {
        running = null;
        setBusy(false);
      }
    }
  });

  cancelButton.addEventListener('click', () => {
    running = null;
    pool.cancel();
    setBusy(false);
    status.classList.remove('error');
    status.textContent = t('keygenCancelled');
  });

  $('keygen-copy').addEventListener('click', async () => {
    if (!pair) return;
    await navigator.clipboard.writeText(pair.publicKeyPem).then(
      () => { status.textContent = t('keygenCopied'); },
      () => { status.textContent = t('keygenCopyRefused'); },
    );
  });
  $('keygen-download-public').addEventListener('click', () => pair && download('linksmith-public.pem', pair.publicKeyPem));
  $('keygen-download-private').addEventListener('click', () => pair && download('linksmith-private-pkcs8.pem', pair.privateKeyPkcs8Pem));
  $('keygen-download-private-pkcs1').addEventListener('click', () => pair && download('linksmith-private-pkcs1.pem', pair.privateKeyPkcs1Pem));
  // For a panel that shows the key section in its own way: call warm() when it does.
  return { warm, started: () => pool.workers.length > 0 };
}
