// The DOM tier's page: happy-dom (pinned in package.json) standing in for the browser, with the
// globals the content modules use. No layout: tests here cover what needs none (labels,
// matching, style rules); the browser tier covers the rest.
import { Window } from 'happy-dom';

const GLOBALS = ['document', 'location', 'NodeFilter', 'CSS', 'Event', 'KeyboardEvent', 'MouseEvent', 'HTMLElement',
  'requestAnimationFrame', 'getComputedStyle'];

/** Load `html` as the current page at `url`; returns the window. */
export function page(html, url = 'https://acme.jiraalign.com/admin/connectors') {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(`<!doctype html><html><body>${html}</body></html>`);
  globalThis.window = window;
  for (const name of GLOBALS) {
    Object.defineProperty(globalThis, name, { value: typeof window[name] === 'function' && /^[a-z]/.test(name) ? window[name].bind(window) : window[name], configurable: true, writable: true });
  }
  return window;
}
