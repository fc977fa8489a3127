//! Every value Linksmith reads, fills or checks, with its side.
//!
//! A field's name is its path in the `checkSetup` input: `align.jiraLink` is `setup.align.jiraLink`,
//! `jiraSiteUrl` is `setup.jiraSiteUrl` (the tab's origin, not a form field). Fields the cross-tab
//! check does not read (`jira.linkType`, `align.apiToken`…) are named the same way. The same form
//! key on both sides (`consumerKey`, `publicKey`) is two fields, so nothing needs an alias.

use super::{Side, named_enum};

named_enum! {
    /// One field, on one side.
    pub enum Field {
        /// The Jira Align tab's origin (or the site the admin typed).
        AlignSiteUrl = "alignSiteUrl",
        /// The Jira tab's origin (or the site the admin typed).
        JiraSiteUrl = "jiraSiteUrl",
        AlignJiraLink = "align.jiraLink",
        /// The connector's Name.
        AlignName = "align.name",
        AlignJiraApiUrl = "align.jiraApiUrl",
        AlignAuthType = "align.authType",
        AlignConsumerKey = "align.consumerKey",
        AlignPublicKey = "align.publicKey",
        AlignUsername = "align.username",
        /// Never read: content scripts report only its shape.
        AlignApiToken = "align.apiToken",
        JiraApplicationUrl = "jira.applicationUrl",
        JiraApplicationName = "jira.applicationName",
        JiraApplicationType = "jira.applicationType",
        JiraCreateIncomingLink = "jira.createIncomingLink",
        JiraLinkType = "jira.linkType",
        JiraConsumerKey = "jira.consumerKey",
        JiraConsumerName = "jira.consumerName",
        JiraPublicKey = "jira.publicKey",
        JiraCallbackUrl = "jira.callbackUrl",
        JiraTwoLo = "jira.twoLo",
    }
}

named_enum! {
    /// What kind of control shows a field, which decides how it is read and filled.
    pub enum Input {
        /// An `<input>` or `<textarea>` holding text.
        Text = "text",
        Select = "select",
        Checkbox = "checkbox",
        Radio = "radio",
        /// A password-like field: measured, never read or filled.
        Secret = "secret",
        /// Not a control: the site itself (the tab's origin).
        Site = "site",
    }
}

impl Field {
    pub const fn side(self) -> Side {
        match self {
            Field::AlignSiteUrl
            | Field::AlignJiraLink
            | Field::AlignName
            | Field::AlignJiraApiUrl
            | Field::AlignAuthType
            | Field::AlignConsumerKey
            | Field::AlignPublicKey
            | Field::AlignUsername
            | Field::AlignApiToken => Side::Align,
            _ => Side::Jira,
        }
    }

    /// The key of the field within its side: what content scripts report and the fill planner
    /// writes (`consumerKey`), and the key inside `setup.align` / `setup.jira`.
    pub fn key(self) -> &'static str {
        let name = self.name();
        match name.split_once('.') {
            Some((_, key)) => key,
            None => name,
        }
    }

    pub const fn input(self) -> Input {
        match self {
            Field::AlignSiteUrl | Field::JiraSiteUrl => Input::Site,
            Field::AlignAuthType | Field::JiraApplicationType => Input::Select,
            Field::JiraCreateIncomingLink | Field::JiraTwoLo => Input::Checkbox,
            Field::JiraLinkType => Input::Radio,
            Field::AlignApiToken => Input::Secret,
            _ => Input::Text,
        }
    }

    /// True for fields on an admin form (everything but the two sites).
    pub const fn on_form(self) -> bool {
        !matches!(self.input(), Input::Site)
    }

    /// True for the fields `checkSetup` reads (the keys of its input).
    pub const fn checked_across_tabs(self) -> bool {
        matches!(
            self,
            Field::AlignSiteUrl
                | Field::JiraSiteUrl
                | Field::AlignJiraLink
                | Field::AlignJiraApiUrl
                | Field::AlignAuthType
                | Field::AlignConsumerKey
                | Field::AlignPublicKey
                | Field::AlignUsername
                | Field::JiraApplicationUrl
                | Field::JiraApplicationName
                | Field::JiraConsumerKey
                | Field::JiraConsumerName
                | Field::JiraPublicKey
                | Field::JiraCallbackUrl
        )
    }

    /// The label the admin sees on the form (for the sites: what the panel calls them).
    pub const fn label(self) -> &'static str {
        match self {
            Field::AlignSiteUrl => "Jira Align site",
            Field::JiraSiteUrl => "Jira site",
            Field::AlignJiraLink => "Jira Link",
            Field::AlignName => "Connector name",
            Field::AlignJiraApiUrl => "Jira API URL",
            Field::AlignAuthType => "Authentication Type",
            Field::AlignConsumerKey | Field::JiraConsumerKey => "Consumer key",
            Field::AlignPublicKey | Field::JiraPublicKey => "Public key",
            Field::AlignUsername => "Jira Username",
            Field::AlignApiToken => "API token",
            Field::JiraApplicationUrl => "Application URL (Jira Align)",
            Field::JiraApplicationName => "Application Name",
            Field::JiraApplicationType => "Application Type",
            Field::JiraCreateIncomingLink => "Create incoming link",
            Field::JiraLinkType => "Direct application link",
            Field::JiraConsumerName => "Consumer Name",
            Field::JiraCallbackUrl => "Consumer Callback URL",
            Field::JiraTwoLo => "Allow 2-Legged OAuth",
        }
    }

    /// The fields of one side, in form order.
    pub fn of(side: Side) -> impl Iterator<Item = Field> {
        Field::ALL.iter().copied().filter(move |f| f.side() == side)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_side_dot_key_on_forms() {
        for f in Field::ALL {
            if f.on_form() {
                assert_eq!(f.name(), format!("{}.{}", f.side(), f.key()));
            } else {
                assert_eq!(f.name(), f.key());
                assert!(f.key().starts_with(f.side().name()), "{f}");
            }
        }
    }

    #[test]
    fn keys_are_unique_within_a_side() {
        for side in Side::ALL {
            let keys: Vec<_> = Field::of(*side).map(Field::key).collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), keys.len(), "{side}");
        }
    }
}
