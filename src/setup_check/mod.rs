//! The cross-tab check: given what the extension has seen on the Jira Align tab and the Jira tab,
//! an ordered list of checks, each `pass`, `fail`, `warn` or `unknown`, with the OAuth error a
//! failure would cause (`predicts`).
//!
//! A check is `unknown` whenever a value it needs has not been seen yet (`None` or `""`): it
//! never passes on missing data. With Basic Auth or a Personal Access Token the OAuth-only checks
//! are `unknown` with a message saying why, and `username-format` applies.
//!
//! | id | compares / checks | predicts on failure |
//! |---|---|---|
//! | `auth-type` | the connector's Authentication Type is recognised | – |
//! | `jira-api-url-format` | `align.jiraApiUrl` ([`check_jira_api_url`]) | – |
//! | `jira-api-url-match` | origin of `align.jiraApiUrl` vs the Jira tab's origin (renamed site → REST 401); the gateway form's cloudId vs `jiraCloudId` | – |
//! | `jira-link-format` | `align.jiraLink` ([`check_jira_link`]) | – |
//! | `jira-link-match` | origin of `align.jiraLink` vs the Jira tab's origin | – |
//! | `jira-link-api-url-match` | site of `align.jiraLink` vs site of `align.jiraApiUrl` | – |
//! | `username-format` | `align.username` (Basic Auth / PAT only) ([`check_username`]) | – |
//! | `application-url-format` | `jira.applicationUrl` ([`check_align_url`]) (OAuth) | – |
//! | `application-url-match` | origin of `jira.applicationUrl` vs the Jira Align tab's origin (OAuth) | `signature_invalid` |
//! | `application-name-format` | `jira.applicationName` (OAuth) | – |
//! | `align-consumer-key-format` | `align.consumerKey`, with the policy's prefix (OAuth) | `consumer_key_unknown` |
//! | `jira-consumer-key-format` | `jira.consumerKey`, with the policy's prefix (OAuth) | `consumer_key_unknown` |
//! | `consumer-key-match` | `align.consumerKey` vs `jira.consumerKey`, byte for byte (OAuth) | `consumer_key_unknown` |
//! | `consumer-name-format` | `jira.consumerName` (OAuth) | – |
//! | `align-public-key-format` | `align.publicKey` via the key module (OAuth) | – |
//! | `jira-public-key-format` | `jira.publicKey` via the key module (OAuth) | – |
//! | `public-key-match` | SHA-256 fingerprints of the two public keys (OAuth) | `signature_invalid` |
//! | `callback-url-format` | `jira.callbackUrl` (optional; empty stays `unknown`) (OAuth) | – |
//!
//! Consumer keys and public keys get one format check per side (`align-…`, `jira-…`) so the
//! panel can point at the tab to fix.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::keys::{Difference, TextPosition, difference_in_texts};
use crate::problem::{Problem, Severity};
use crate::rules::public_key::{KeyFacts, RecentKeys, report_from_facts, short_fingerprint};
use crate::rules::urls::{JiraUrl, jira_site_root, origin_of};
use crate::rules::{
    FieldReport, check_align_url, check_application_name, check_callback_url,
    check_consumer_key_with_prefix, check_consumer_name, check_jira_api_url, check_jira_link,
    check_username, trim_invisible,
};
use crate::text::{describe_difference, visible};
use crate::vocabulary::{Audience, CheckId, Side};

mod fields;
use fields::*;
mod sites;
use sites::*;
mod keys;
use keys::*;

/// Everything seen so far on the two tabs. Any field may be missing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Setup {
    /// Origin of the Jira Align tab, e.g. `https://acme.jiraalign.com`.
    pub align_site_url: Option<String>,
    /// Origin of the Jira tab, e.g. `https://acme.atlassian.net`.
    pub jira_site_url: Option<String>,
    /// That site's cloudId, once Verify with Jira read it from `/_edge/tenant_info`.
    pub jira_cloud_id: Option<String>,
    pub align: AlignSide,
    pub jira: JiraSide,
    /// Where the checks are shown, which decides how a missing value is asked for.
    pub audience: Audience,
    /// The organisation's required consumer-key prefix (enterprise policy): both consumer-key
    /// checks fail without it.
    pub consumer_key_prefix: Option<String>,
}

/// The Jira Align connector form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlignSide {
    pub jira_link: Option<String>,
    pub jira_api_url: Option<String>,
    /// As the page shows it: "OAuth", "OAuth 1.0a", "Basic Auth", "Personal Access Token"…
    pub auth_type: Option<String>,
    pub consumer_key: Option<String>,
    pub public_key: Option<String>,
    pub username: Option<String>,
}

/// Jira's application link and its Incoming Authentication.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JiraSide {
    pub application_url: Option<String>,
    pub application_name: Option<String>,
    pub consumer_key: Option<String>,
    pub consumer_name: Option<String>,
    pub public_key: Option<String>,
    pub callback_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckState {
    Pass,
    Fail,
    Warn,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub id: CheckId,
    pub state: CheckState,
    pub message: String,
    pub fix: String,
    /// The `oauth_problem` this failure leads to, when it leads to one.
    pub predicts: Option<&'static str>,
    /// What the check compared, so the panel can draw it without reading a value again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facts: Option<CheckFacts>,
    /// For an `unknown` check: what has not been seen and where it is, worded by
    /// [`Audience`] once all checks are made.
    #[serde(skip)]
    pub(crate) missing: Option<Missing>,
}

/// What a check compared: the fingerprints of the public keys it read, the origins it compared
/// and, for two different public keys, where their texts first differ. Only what was found is
/// serialized.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckFacts {
    /// SHA-256 of Jira Align's public key (lowercase hex, as the key module gives it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub align_fingerprint: Option<String>,
    /// SHA-256 of the public key in Jira's Incoming Authentication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jira_fingerprint: Option<String>,
    /// The origin (or site) of the field's value…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// …and the one it was compared with (a tab's origin, or the other field's site).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared_origin: Option<String>,
    /// Where the two public keys' texts first differ: `atA` is Jira Align's text, `atB` Jira's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_difference: Option<crate::keys::Difference>,
}

impl Check {
    /// The same check with the facts it compared.
    pub(crate) fn with_facts(mut self, facts: CheckFacts) -> Check {
        self.facts = Some(facts);
        self
    }

    /// The same check with the OAuth error its failure leads to.
    pub(crate) fn predicting(mut self, problem: &'static str) -> Check {
        self.predicts = Some(problem);
        self
    }
}

/// Where a value that has not been seen yet is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    AlignForm,
    AlignFormBasicAuth,
    AlignFormNewKey,
    AlignTab,
    JiraAppLink,
    JiraIncomingAuth,
    JiraTab,
}

impl Place {
    fn name(self) -> &'static str {
        match self {
            Place::AlignForm => "the Jira Align connector form",
            Place::AlignFormBasicAuth => "the Jira Align connector form (Basic Auth)",
            Place::AlignFormNewKey => "the Jira Align connector form (after Generate New Key)",
            Place::AlignTab => "your Jira Align site",
            Place::JiraAppLink => "Jira's application link",
            Place::JiraIncomingAuth => "Jira's Incoming Authentication",
            Place::JiraTab => "your Jira site",
        }
    }

    /// True for the sites themselves (a tab's address), as opposed to a form field.
    fn is_site(self) -> bool {
        matches!(self, Place::AlignTab | Place::JiraTab)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Missing {
    what: String,
    place: Place,
    /// An optional value: nothing needs to be done about it.
    optional: bool,
}

impl Missing {
    /// The message and the fix, for where they are shown: the extension reads the tabs itself;
    /// on the standalone page the admin pastes every value.
    fn words(&self, audience: Audience) -> (String, String) {
        let (what, place) = (&self.what, self.place.name());
        if self.optional {
            let not_yet = match audience {
                Audience::Extension => "not seen yet",
                Audience::Standalone => "not entered yet",
            };
            let message =
                format!("{what}: {not_yet}; it is optional and Jira Align does not need it.");
            return (message, String::new());
        }
        match (audience, self.place.is_site()) {
            (Audience::Extension, false) => (
                format!("{what}: not seen yet."),
                format!("Open {place} so Linksmith can read it."),
            ),
            (Audience::Extension, true) => (
                format!("{what}: not seen yet."),
                format!("Open {place} in a tab so Linksmith can read it."),
            ),
            (Audience::Standalone, false) => (
                format!("{what}: not entered yet."),
                format!("Copy it from {place} and paste it here."),
            ),
            (Audience::Standalone, true) => (
                format!("{what}: not entered yet."),
                format!("Type the address of {place} (https://…) here."),
            ),
        }
    }
}

/// The connector's authentication type, read leniently from whatever the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AuthType {
    OAuth,
    BasicAuth,
    PersonalAccessToken,
    /// Seen, but not a text we recognise.
    Unrecognised,
}

/// Reads "OAuth", "OAuth 1.0a", "oauth1", "Basic Auth", "Basic authentication", "API Token",
/// "Personal Access Token", "PAT"… by the vocabulary's wordings for each auth type (the same
/// wordings the content script uses to choose the connector's option).
pub fn normalise_auth_type(text: &str) -> AuthType {
    use crate::vocabulary::AuthType as Choice;
    match Choice::of_text(text) {
        Some(Choice::OAuth) => AuthType::OAuth,
        Some(Choice::Basic) => AuthType::BasicAuth,
        Some(Choice::Pat) => AuthType::PersonalAccessToken,
        None => AuthType::Unrecognised,
    }
}

thread_local! {
    static KEYS: RecentKeys = const { RecentKeys::new() };
}

/// Runs every check, reusing the inspection of a key seen lately.
pub fn check_setup(setup: &Setup) -> Vec<Check> {
    KEYS.with(|keys| check_setup_with(setup, keys))
}

fn check_setup_with(setup: &Setup, keys: &RecentKeys) -> Vec<Check> {
    let a = &setup.align;
    let auth = seen(&a.auth_type).map(normalise_auth_type);
    let not_oauth = matches!(
        auth,
        Some(AuthType::BasicAuth | AuthType::PersonalAccessToken)
    );

    let mut out = vec![auth_check(seen(&a.auth_type), auth)];

    out.push(format_check(
        CheckId::JiraApiUrlFormat,
        seen(&a.jira_api_url),
        "Jira API URL",
        Place::AlignForm,
        check_jira_api_url,
        None,
    ));
    out.push(api_url_match(
        seen(&a.jira_api_url),
        seen(&setup.jira_site_url),
        seen(&setup.jira_cloud_id),
    ));
    out.push(format_check(
        CheckId::JiraLinkFormat,
        seen(&a.jira_link),
        "Jira Link",
        Place::AlignForm,
        check_jira_link,
        None,
    ));
    out.push(site_match(
        CheckId::JiraLinkMatch,
        "Jira Link",
        seen(&a.jira_link),
        seen(&setup.jira_site_url),
    ));
    out.push(link_vs_api_url(
        seen(&a.jira_link),
        seen(&a.jira_api_url),
        seen(&setup.jira_site_url),
        seen(&setup.jira_cloud_id),
    ));
    // A check that cannot apply to the chosen authentication type is left out rather than shown
    // as `unknown` forever: the list is then all `pass` exactly when the setup is right.
    if auth != Some(AuthType::OAuth) {
        out.push(username_check(seen(&a.username), seen(&a.jira_api_url)));
    }

    // Nothing to inspect with Basic Auth or a token: keys are not even parsed then.
    if !not_oauth {
        out.extend(oauth_checks(setup, keys));
    }
    for c in &mut out {
        if let Some(m) = &c.missing {
            (c.message, c.fix) = m.words(setup.audience);
        }
    }
    out
}

/// The checks that only matter for OAuth 1.0a, in display order.
fn oauth_checks(setup: &Setup, keys: &RecentKeys) -> Vec<Check> {
    let a = &setup.align;
    let j = &setup.jira;
    // Each key is inspected once and used by both its format check and the match.
    let align_key = seen(&a.public_key).map(|t| (t, keys.inspect(t)));
    let jira_key = seen(&j.public_key).map(|t| (t, keys.inspect(t)));
    let prefix = setup.consumer_key_prefix.as_deref();
    let consumer_key = |v: &str| check_consumer_key_with_prefix(v, prefix);
    vec![
        format_check(
            CheckId::ApplicationUrlFormat,
            seen(&j.application_url),
            "Application URL",
            Place::JiraAppLink,
            check_align_url,
            None,
        ),
        application_url_match(seen(&j.application_url), seen(&setup.align_site_url)),
        format_check(
            CheckId::ApplicationNameFormat,
            seen(&j.application_name),
            "Application Name",
            Place::JiraAppLink,
            check_application_name,
            None,
        ),
        format_check(
            CheckId::AlignConsumerKeyFormat,
            seen(&a.consumer_key),
            "Consumer key",
            Place::AlignForm,
            consumer_key,
            Some("consumer_key_unknown"),
        ),
        format_check(
            CheckId::JiraConsumerKeyFormat,
            seen(&j.consumer_key),
            "Consumer Key",
            Place::JiraIncomingAuth,
            consumer_key,
            Some("consumer_key_unknown"),
        ),
        consumer_key_match(setup),
        format_check(
            CheckId::ConsumerNameFormat,
            seen(&j.consumer_name),
            "Consumer Name",
            Place::JiraIncomingAuth,
            check_consumer_name,
            None,
        ),
        key_format(
            CheckId::AlignPublicKeyFormat,
            align_key.as_ref(),
            Place::AlignFormNewKey,
        ),
        key_format(
            CheckId::JiraPublicKeyFormat,
            jira_key.as_ref(),
            Place::JiraIncomingAuth,
        ),
        key_match(align_key.as_ref(), jira_key.as_ref()),
        callback_check(j.callback_url.as_deref()),
    ]
}

/// A value counts as seen when it is present and not the empty string.
fn seen(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// One check with no prediction; `verify/` builds its checks with it too.
pub(crate) fn check(
    id: CheckId,
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
        facts: None,
        missing: None,
    }
}

fn not_seen(id: CheckId, what: &str, place: Place) -> Check {
    Check {
        missing: Some(Missing {
            what: what.to_string(),
            place,
            optional: false,
        }),
        ..check(id, CheckState::Unknown, "", "")
    }
}

/// An optional value not seen yet: `unknown`, with nothing to do.
fn not_seen_optional(id: CheckId, what: &str, place: Place) -> Check {
    let mut c = not_seen(id, what, place);
    if let Some(m) = &mut c.missing {
        m.optional = true;
    }
    c
}

#[cfg(test)]
mod tests;
