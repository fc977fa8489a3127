// Key generation runs here, off the panel's main thread, so a slow 4096-bit key never freezes the
// panel and Cancel can end it at once (the panel terminates this worker).
import init, { generateKeyPair } from '../pkg/linksmith.js';

const ready = init({ module_or_path: new URL('../pkg/linksmith_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, bits } = data ?? {};
  try {
    await ready;
    self.postMessage({ id, ok: true, pair: generateKeyPair(bits) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  }
};
