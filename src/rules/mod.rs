//! Field rules: one `check_<field>` function per value an admin types or pastes into the
//! Jira Align connector form or Jira's application link.
//!
//! Every rule returns a [`FieldReport`]: the field's id, the value in its canonical form, whether
//! it is usable (no error-severity problem) and the problems found. Rules never panic on any
//! input and never echo secrets (see [`api_token`]).
//!
//! Problem codes are [`ProblemCode`]s, defined with their meanings in `src/vocabulary/problems.rs`.

/// A field rule's findings, each with a problem code of its own: each variant is written once,
/// beside its [`ProblemCode`], and `code()` is made from that list. Findings carry only small
/// copyable facts (characters, positions, lengths), never the value.
macro_rules! findings {
    // `blank(EmptyCode, PaddedCode)`: the two findings every typed-in text field shares, declared
    // here once, each with the field's own code.
    (
        $(#[$meta:meta])*
        pub enum $name:ident blank($empty:ident, $padded:ident) { $($rest:tt)* }
    ) => {
        findings! {
            $(#[$meta])*
            pub enum $name {
                /// Nothing there, or only white space.
                Empty => $empty,
                /// White space or an invisible character before or after the value.
                SurroundingWhitespace => $padded,
                $($rest)*
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident $({ $($field:ident: $ty:ty),+ $(,)? })? => $code:ident,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                $variant $({ $($field: $ty),+ })?,
            )+
        }

        impl $name {
            pub const fn code(&self) -> $crate::vocabulary::ProblemCode {
                match self {
                    $(Self::$variant { .. } => $crate::vocabulary::ProblemCode::$code,)+
                }
            }
        }
    };
}

pub mod api_token;
pub mod consumer_key;
pub mod key_prefix;
mod messages;
pub mod names;
pub mod public_key;
pub mod urls;
pub mod username;

pub use api_token::check_api_token;
pub use consumer_key::{check_consumer_key, suggest_consumer_key};
pub use key_prefix::{check_consumer_key_with_prefix, suggest_consumer_key_with_prefix};
pub use names::{check_application_name, check_connector_name, check_consumer_name};
pub use public_key::check_public_key;
pub use urls::{check_align_url, check_callback_url, check_jira_api_url, check_jira_link};
pub use username::check_username;

use serde::{Deserialize, Serialize};

use crate::problem::{Problem, no_errors};
use crate::text::is_invisible;
use crate::vocabulary::{Field, ProblemCode};

/// The verdict on one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldReport {
    /// The field's name (a [`Field`] name when the report came through [`check_field`]).
    pub field: &'static str,
    /// The value in canonical form (trimmed, URLs normalised). Secrets are masked.
    pub value: String,
    /// True when no problem has error severity.
    pub ok: bool,
    pub problems: Vec<Problem>,
}

impl FieldReport {
    pub(crate) fn new(field: &'static str, value: String, problems: Vec<Problem>) -> Self {
        Self {
            field,
            value,
            ok: no_errors(&problems),
            problems,
        }
    }

    /// True when a problem with this code was reported.
    pub fn has<C>(&self, code: C) -> bool
    where
        ProblemCode: PartialEq<C>,
    {
        self.problems.iter().any(|p| p.code == code)
    }
}

/// What some rules need besides the value itself.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldContext {
    /// The connector's Jira API URL, which tells Cloud (email usernames) from Data Center.
    pub jira_api_url: Option<String>,
    /// The Jira tab's origin: used in its place when the API URL is not known.
    pub jira_site_url: Option<String>,
    /// The organisation's required consumer-key prefix (enterprise policy), if any.
    pub consumer_key_prefix: Option<String>,
}

/// Runs the rule for a field, for callers that dispatch on a name (the wasm shim, the fuzz
/// targets). `None` for a field that has no rule (a select, a checkbox, a radio button). The report names the field as asked.
pub fn check_field(field: Field, value: &str, context: &FieldContext) -> Option<FieldReport> {
    let mut report = match field {
        Field::AlignConsumerKey | Field::JiraConsumerKey => {
            check_consumer_key_with_prefix(value, context.consumer_key_prefix.as_deref())
        }
        Field::AlignName => check_connector_name(value),
        Field::JiraApplicationName => check_application_name(value),
        Field::JiraConsumerName => check_consumer_name(value),
        Field::AlignSiteUrl | Field::JiraApplicationUrl => check_align_url(value),
        Field::JiraSiteUrl | Field::AlignJiraApiUrl => check_jira_api_url(value),
        Field::AlignJiraLink => check_jira_link(value),
        Field::AlignUsername => {
            let site = context
                .jira_api_url
                .as_deref()
                .filter(|s| !s.is_empty())
                .or(context.jira_site_url.as_deref());
            check_username(value, site)
        }
        Field::JiraCallbackUrl => check_callback_url(value),
        Field::AlignPublicKey | Field::JiraPublicKey => check_public_key(value),
        // The extension never sends a token (only its shape); the rule is for tests and fuzzing.
        Field::AlignApiToken => check_api_token(value),
        Field::AlignAuthType
        | Field::JiraApplicationType
        | Field::JiraCreateIncomingLink
        | Field::JiraLinkType
        | Field::JiraTwoLo => return None,
    };
    report.field = field.name();
    Some(report)
}

/// True for the fields [`check_field`] has a rule for.
pub fn has_rule(field: Field) -> bool {
    check_field(field, "", &FieldContext::default()).is_some()
}

/// Strips what surrounds a pasted value but nobody sees: white space, zero-width characters,
/// bidi marks, a byte-order mark.
pub(crate) fn trim_invisible(s: &str) -> &str {
    s.trim_matches(is_invisible)
}

/// Where character `idx` (0-based) sits, for fixes a person can act on without counting:
/// "at the start", "after 'Acme'", "at the end, after 'Corp'".
pub(crate) fn char_context(chars: &[char], idx: usize) -> String {
    if idx == 0 {
        return "at the start".to_string();
    }
    let before: String = chars
        .get(..idx)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric() && crate::text::lookalike(**c).is_none())
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let at_end = idx + 1 >= chars.len();
    match (before.is_empty(), at_end) {
        (true, true) => "at the end".to_string(),
        (true, false) => format!("at position {}", idx + 1),
        (false, true) => format!("at the end, after '{before}'"),
        (false, false) => format!("after '{before}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatches_by_field() {
        let ctx = FieldContext {
            jira_api_url: None,
            jira_site_url: Some("https://acme.atlassian.net".into()),
            consumer_key_prefix: None,
        };
        let ruled: Vec<&str> = Field::ALL
            .iter()
            .filter(|f| has_rule(**f))
            .map(|f| f.name())
            .collect();
        assert_eq!(ruled.len(), 15, "{ruled:?}");
        // The Jira tab stands in for the API URL: Cloud, so an email is required.
        let r = check_field(Field::AlignUsername, "svc", &ctx);
        assert!(r.is_some_and(|r| !r.ok));
        let r = check_field(Field::AlignSiteUrl, "https://acme.jiraalign.com/", &ctx);
        assert_eq!(
            r.map(|r| (r.field, r.value)),
            Some(("alignSiteUrl", "https://acme.jiraalign.com".to_string()))
        );
    }

    #[test]
    fn each_name_field_is_named_in_its_own_messages() {
        let ctx = FieldContext::default();
        for (field, label) in [
            (Field::AlignName, "Connector name"),
            (Field::JiraApplicationName, "Application Name"),
            (Field::JiraConsumerName, "Consumer Name"),
        ] {
            let r = check_field(field, " ", &ctx);
            let message = r.map(|r| r.problems[0].message.clone()).unwrap_or_default();
            assert!(message.starts_with(label), "{field}: {message}");
            assert_eq!(label, field.label());
        }
    }

    /// Shared table-test driver: asserts each input passes with the given canonical value.
    pub(crate) fn assert_good(rule: impl Fn(&str) -> FieldReport, cases: &[(&str, &str)]) {
        for (input, value) in cases {
            let r = rule(input);
            assert!(r.ok, "{input:?} should pass: {:?}", r.problems);
            assert_eq!(r.value, *value, "canonical value of {input:?}");
        }
    }
}
