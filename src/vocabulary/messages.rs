//! The runtime message types. Each names its direction: `panel:*` come from the extension's own
//! pages, `content:*` from content scripts, `sw:*` from the worker to a content script. The
//! worker's router checks the sender against the prefix before anything else.

use super::named_enum;

named_enum! {
    /// One message type.
    pub enum MessageType {
        ContentReport = "content:report",
        PanelGetState = "panel:getState",
        PanelReset = "panel:reset",
        PanelSetOptions = "panel:setOptions",
        PanelFill = "panel:fill",
        PanelCheckField = "panel:checkField",
        PanelSuggestConsumerKey = "panel:suggestConsumerKey",
        PanelExplainOAuthProblem = "panel:explainOAuthProblem",
        PanelInspectPublicKey = "panel:inspectPublicKey",
        PanelComparePublicKeys = "panel:comparePublicKeys",
        PanelAddHost = "panel:addHost",
        PanelRemoveHost = "panel:removeHost",
        /// Verify with Jira: ask Jira what it stored and whom it knows (sw/verify.js).
        PanelVerifyWithJira = "panel:verifyWithJira",
        PanelCancelVerify = "panel:cancelVerify",
        /// The key generator's Test with Jira (a request-token call the panel signed).
        PanelTestKeyWithJira = "panel:testKeyWithJira",
        /// Point to the field: the panel asks, the worker lets the admin click a control (sw/bindings.js).
        PanelPointToField = "panel:pointToField",
        PanelListBindings = "panel:listBindings",
        PanelRemoveBinding = "panel:removeBinding",
        /// Describe this page: a redacted description of the form structure, no values.
        PanelDescribePage = "panel:describePage",
        /// The panel is open (deep observation) or closed (the cheap watch) on the tabs.
        PanelWatch = "panel:watch",
        SwDescribe = "sw:describe",
        SwFill = "sw:fill",
        SwPick = "sw:pick",
        SwDescribePage = "sw:describePage",
        SwWatch = "sw:watch",
        /// Verify with Jira's Basic-auth call: the Jira Align tab's API token field, read at the
        /// click (content/token.js), used once and dropped.
        SwReadApiToken = "sw:readApiToken",
    }
}

named_enum! {
    /// Who may send a message type.
    pub enum Sender {
        /// A content script in the top frame of a Jira or Jira Align page.
        Content = "content",
        /// One of the extension's own pages (panel, popup).
        Panel = "panel",
        /// The service worker (to a content script).
        Sw = "sw",
    }
}

impl MessageType {
    /// The sender this type is accepted from: its prefix.
    pub fn sender(self) -> Sender {
        let prefix = self.name().split(':').next().unwrap_or_default();
        Sender::from_name(prefix).unwrap_or(Sender::Panel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_a_known_prefix() {
        for t in MessageType::ALL {
            let prefix = t.name().split(':').next().unwrap_or_default();
            assert_eq!(Sender::from_name(prefix), Some(t.sender()), "{t}");
        }
    }
}
