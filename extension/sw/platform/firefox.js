// Firefox's side of what differs between browsers (build.sh ships it as sw/platform.js in
// dist/firefox only): Firefox has no sidePanel API; the panel is the sidebar (manifest
// sidebar_action), and the toolbar button toggles it. Registered at top level, like every listener.
export function setUpPanel() {
  chrome.action.onClicked.addListener(() => {
    browser.sidebarAction.toggle().catch(() => {});
  });
}
