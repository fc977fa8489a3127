// Chrome's side of what differs between browsers (build.sh ships it as sw/platform.js in
// dist/chrome only): the toolbar button opens the side panel, where the whole walkthrough lives.
export function setUpPanel() {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  });
}
