//! "Verify with Jira": the verdicts on what Jira itself answered, as checks like the cross-tab
//! ones (`id`, `state`, `message`, `fix`).
//!
//! The extension makes the requests (bounded in time, no credentials across redirects) and hands
//! each answer here as an [`HttpAnswer`]: status, content type, the JSON it parsed (if any) and a
//! bounded body. Everything here is pure, so every pass, fail and unknown path is tested natively.

mod account;
mod answer;
mod consumer;
mod site;
mod stored;

pub use account::{BasicAuthInput, Myself, basic_auth_credentials, product_access, session_user};
pub use answer::HttpAnswer;
pub use consumer::{OAuthProbeInput, consumer_registered, key_test};
pub use site::{SiteIdentityInput, TenantLookup, gateway_cloud_id, site_identity};
pub use stored::{ConsumerInfo, LinkList, StoredConsumerInput, stored_consumer};

/// The check ids of "Verify with Jira" (part of the stable contract, like the cross-tab ones).
pub const CONSUMER_REGISTERED: &str = "jira-consumer-registered";
pub const SESSION_USER: &str = "jira-session-user";
pub const PRODUCT_ACCESS: &str = "jira-product-access";
pub const SITE_IDENTITY: &str = "jira-site-identity";
pub const BASIC_AUTH_CREDENTIALS: &str = "basic-auth-credentials";
pub const STORED_CONSUMER: &str = "jira-stored-consumer";
/// The key generator's "Test with Jira" (a request-token call signed with the generated key).
pub const KEY_TEST: &str = "jira-key-test";

use crate::setup_check::{Check, CheckState};

pub(crate) fn check(
    id: &'static str,
    state: CheckState,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Check {
    Check {
        id,
        state,
        message: message.into(),
        fix: fix.into(),
        predicts: None,
    }
}

/// Case- and space-insensitive email comparison (Atlassian account emails are case-insensitive).
pub(crate) fn same_email(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && a.trim().eq_ignore_ascii_case(b.trim())
}
