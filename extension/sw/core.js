// The one place the service worker loads the wasm core. A module service worker cannot use
// top-level await, so loading starts when the module is evaluated and every caller awaits the
// same promise: a woken worker never runs a handler against a half-initialised core.
import init, * as core from '../pkg/linksmith.js';

const ready = init({ module_or_path: new URL('../pkg/linksmith_bg.wasm', import.meta.url) });

export async function loadCore() {
  await ready;
  return core;
}
