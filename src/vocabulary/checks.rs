//! The id of every check the panel lists (`[data-check]`): the cross-tab checks of
//! `setup_check`, and the ones answered by asking Jira after the admin's click. Ids are a stable
//! contract: add, never rename.

use super::{Side, named_enum};

named_enum! {
    /// One check, in the order the checklist shows them.
    pub enum CheckId {
        AuthType = "auth-type",
        JiraApiUrlFormat = "jira-api-url-format",
        JiraApiUrlMatch = "jira-api-url-match",
        JiraLinkFormat = "jira-link-format",
        JiraLinkMatch = "jira-link-match",
        JiraLinkApiUrlMatch = "jira-link-api-url-match",
        UsernameFormat = "username-format",
        ApplicationUrlFormat = "application-url-format",
        ApplicationUrlMatch = "application-url-match",
        ApplicationNameFormat = "application-name-format",
        AlignConsumerKeyFormat = "align-consumer-key-format",
        JiraConsumerKeyFormat = "jira-consumer-key-format",
        ConsumerKeyMatch = "consumer-key-match",
        ConsumerNameFormat = "consumer-name-format",
        AlignPublicKeyFormat = "align-public-key-format",
        JiraPublicKeyFormat = "jira-public-key-format",
        PublicKeyMatch = "public-key-match",
        CallbackUrlFormat = "callback-url-format",
        /// Jira knows the consumer key (a signed request-token call; OAuth).
        JiraConsumerRegistered = "jira-consumer-registered",
        /// Who is logged in to Jira in this browser.
        JiraSessionUser = "jira-session-user",
        /// The logged-in admin has Jira product access.
        JiraProductAccess = "jira-product-access",
        /// The hosts in Jira Link and Jira API URL are the Jira tab's site (same cloudId).
        JiraSiteIdentity = "jira-site-identity",
        /// The service account's email and API token sign in (Basic Auth).
        BasicAuthCredentials = "basic-auth-credentials",
        /// The application link and consumer Jira stored for the Jira Align site.
        JiraStoredConsumer = "jira-stored-consumer",
        /// The key generator's Test with Jira: a request-token call signed with the generated key.
        JiraKeyTest = "jira-key-test",
    }
}

impl CheckId {
    /// True for checks that are only run when the admin asks Linksmith to verify with Jira
    /// (they need a network request); the others are computed from what the tabs show.
    pub const fn asks_jira(self) -> bool {
        matches!(
            self,
            CheckId::JiraConsumerRegistered
                | CheckId::JiraSessionUser
                | CheckId::JiraProductAccess
                | CheckId::JiraSiteIdentity
                | CheckId::BasicAuthCredentials
                | CheckId::JiraStoredConsumer
                | CheckId::JiraKeyTest
        )
    }

    /// True for checks that only apply to OAuth 1.0a.
    pub const fn oauth_only(self) -> bool {
        matches!(
            self,
            CheckId::ApplicationUrlFormat
                | CheckId::ApplicationUrlMatch
                | CheckId::ApplicationNameFormat
                | CheckId::AlignConsumerKeyFormat
                | CheckId::JiraConsumerKeyFormat
                | CheckId::ConsumerKeyMatch
                | CheckId::ConsumerNameFormat
                | CheckId::AlignPublicKeyFormat
                | CheckId::JiraPublicKeyFormat
                | CheckId::PublicKeyMatch
                | CheckId::CallbackUrlFormat
                | CheckId::JiraConsumerRegistered
                | CheckId::JiraStoredConsumer
                | CheckId::JiraKeyTest
        )
    }

    /// The side a check that exists once per side is about (the field labels alone, "Consumer
    /// key", "Public key", are the same in both tabs); `None` for every other check.
    pub const fn per_side(self) -> Option<Side> {
        match self {
            CheckId::AlignConsumerKeyFormat | CheckId::AlignPublicKeyFormat => Some(Side::Align),
            CheckId::JiraConsumerKeyFormat | CheckId::JiraPublicKeyFormat => Some(Side::Jira),
            _ => None,
        }
    }
}
