// Linksmith's background: the only place page-reported values are checked (the wasm core cannot
// run in content scripts under the admin pages' CSP). Listeners are registered synchronously at
// top level so that the event that wakes a stopped worker is never missed.
import { loadCore } from './sw/core.js';
import { handleMessage, fillActiveTab } from './sw/router.js';
import { onPermissionsRemoved } from './sw/selfhosted.js';
// Admin tabs open before install, update or re-enable get the content scripts without a reload.
import './sw/firstrun.js';
// Written by build.sh from sw/platform/<browser>.js: the one file that differs between browsers.
import { setUpPanel } from './sw/platform.js';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handleMessage(message, sender).then(sendResponse, (error) =>
    sendResponse({ ok: false, error: { name: 'internal', message: String(error?.message ?? error) } }),
  );
  return true; // the answer is asynchronous
});

// The toolbar button opens the panel: Chrome's side panel or Firefox's sidebar (sw/platform/).
setUpPanel();

// "Fill the form on this page": a keyboard shortcut is a user action, like the panel's buttons.
chrome.commands?.onCommand.addListener((command) => {
  if (command === 'fill-form') fillActiveTab().catch(() => {});
});

// A self-hosted site's permission taken back in the browser's settings: forget the site too.
chrome.permissions.onRemoved.addListener((removed) => { onPermissionsRemoved(removed).catch(() => {}); });

// Warm the core so the first check after a wake-up is fast.
loadCore().catch(() => {});
