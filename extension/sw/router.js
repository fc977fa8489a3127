// One message router. Every message names its direction in its type (`panel:*` from extension
// pages, `content:*` from content scripts); each sender is checked before anything is done, and
// every answer is `{ok: true, data}` or `{ok: false, error: {name, message}}`.
import { loadCore } from './core.js';

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL('/')).origin;

/** True when the message comes from one of this extension's own pages (panel, popup). */
export function isExtensionPage(sender) {
  return sender?.id === chrome.runtime.id && typeof sender.url === 'string'
    && new URL(sender.url).origin === EXTENSION_ORIGIN && !sender.tab?.url?.startsWith('http');
}

function fail(name, message) {
  return { ok: false, error: { name, message } };
}

const panelHandlers = {
  async 'panel:inspectPublicKey'({ text }) {
    if (typeof text !== 'string') return fail('bad-request', 'text must be a string');
    return { ok: true, data: (await loadCore()).inspectPublicKey(text) };
  },
  async 'panel:comparePublicKeys'({ a, b }) {
    if (typeof a !== 'string' || typeof b !== 'string') return fail('bad-request', 'a and b must be strings');
    return { ok: true, data: (await loadCore()).comparePublicKeys(a, b) };
  },
};

export async function handleMessage(message, sender) {
  if (sender?.id !== chrome.runtime.id) return fail('forbidden', 'unknown sender');
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') {
    return fail('bad-request', 'a message needs a type');
  }
  const handler = Object.hasOwn(panelHandlers, message.type) ? panelHandlers[message.type] : null;
  if (handler) {
    if (!isExtensionPage(sender)) return fail('forbidden', `${message.type} is only accepted from Linksmith's own pages`);
    return handler(message);
  }
  return fail('bad-request', `unknown message type ${message.type}`);
}
