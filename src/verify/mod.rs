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
pub use site::{GATEWAY_HOST, SiteIdentityInput, TenantLookup, gateway_cloud_id, site_identity};
pub use stored::{ConsumerInfo, LinkList, StoredConsumerInput, stored_consumer};
// The parts of the inputs that the wasm boundary reads field by field (src/wasm_api/verify_input.rs).
#[cfg(feature = "checks")]
pub(crate) use account::{Role, Roles};
#[cfg(feature = "checks")]
pub(crate) use site::{FieldSite, Tenant};
#[cfg(feature = "checks")]
pub(crate) use stored::{Consumer, Link, Links};

use crate::vocabulary::CheckId;

// The check ids of "Verify with Jira", from the one vocabulary (src/vocabulary/checks.rs).
pub const CONSUMER_REGISTERED: CheckId = CheckId::JiraConsumerRegistered;
pub const SESSION_USER: CheckId = CheckId::JiraSessionUser;
pub const PRODUCT_ACCESS: CheckId = CheckId::JiraProductAccess;
pub const SITE_IDENTITY: CheckId = CheckId::JiraSiteIdentity;
pub const BASIC_AUTH_CREDENTIALS: CheckId = CheckId::BasicAuthCredentials;
pub const STORED_CONSUMER: CheckId = CheckId::JiraStoredConsumer;
pub const KEY_TEST: CheckId = CheckId::JiraKeyTest;

pub(crate) use crate::setup_check::check;

/// Case- and space-insensitive email comparison (Atlassian account emails are case-insensitive).
pub(crate) fn same_email(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && a.trim().eq_ignore_ascii_case(b.trim())
}
