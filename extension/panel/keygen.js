// The panel's key generator: asks a worker for a key pair, shows the public half and its
// fingerprint, and offers the private half as a download only. The private key lives in this
// closure until the panel closes or a new key is made; it is never stored or sent anywhere.

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
  let worker = null;
  let pair = null;
  let requestId = 0;

  function setBusy(busy) {
    runButton.disabled = busy;
    bitsSelect.disabled = busy;
    cancelButton.hidden = !busy;
  }

  function stopWorker() {
    worker?.terminate();
    worker = null;
  }

  runButton.addEventListener('click', () => {
    const bits = Number(bitsSelect.value);
    pair = null;
    result.hidden = true;
    status.classList.remove('error');
    status.textContent = t('keygenGenerating', String(bits));
    setBusy(true);
    stopWorker();
    worker = new Worker(new URL('./keygen-worker.js', import.meta.url), { type: 'module' });
    const id = ++requestId;
    const started = performance.now();
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      stopWorker();
      setBusy(false);
      if (!data.ok) {
        status.classList.add('error');
        status.textContent = t('keygenFailed', data.error.message);
        return;
      }
      pair = data.pair;
      $('keygen-public').value = pair.publicKeyPem;
      $('keygen-fingerprint').textContent = pair.fingerprintSha256;
      result.hidden = false;
      status.textContent = t('keygenMade', [String(pair.bits), String(Math.round(performance.now() - started))]);
    };
    worker.onerror = (event) => {
      stopWorker();
      setBusy(false);
      status.classList.add('error');
      status.textContent = t('keygenFailed', event.message || t('keygenWorkerFailed'));
    };
    worker.postMessage({ id, bits });
  });

  cancelButton.addEventListener('click', () => {
    stopWorker();
    requestId++;
    setBusy(false);
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
}
