//! The organisation's consumer-key prefix. IT may require every consumer key to start with one
//! (the enterprise policy `consumerKeyPrefix`, letters and digits); the worker passes it through,
//! and this is the only place it is applied: the consumer-key checks fail without it and the
//! Suggest rule puts it first.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `consumer-key-policy-prefix` | error | the key does not start with the organisation's prefix |
//! | `consumer-key-policy-prefix-invalid` | error | the prefix itself is not 1–64 letters and digits, so no valid key can have it |
//!
//! [`analyse_prefix`] says what is wrong as a [`PrefixFinding`]; `messages::key_prefix` puts it
//! into words.

use super::consumer_key::{
    ConsumerKeyFinding, FIELD, MAX_LEN, analyse_consumer_key, suggest_consumer_key,
};
use super::{FieldReport, messages};
use crate::vocabulary::ProblemCode;

/// The longest prefix a policy may set (the managed schema's limit).
pub const MAX_PREFIX: usize = 64;

/// The prefix in force, if any: a missing, empty or blank one is no prefix.
fn in_force(prefix: Option<&str>) -> Option<&str> {
    prefix.map(str::trim).filter(|p| !p.is_empty())
}

/// A prefix every valid key can start with: ASCII letters and digits, at most [`MAX_PREFIX`].
fn usable(prefix: &str) -> bool {
    prefix.len() <= MAX_PREFIX && prefix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `key` with the prefix in front, unless it already starts with it; at most [`MAX_LEN`] characters.
fn prefixed(prefix: &str, key: &str) -> String {
    if key.starts_with(prefix) {
        return key.to_string();
    }
    format!("{prefix}{key}").chars().take(MAX_LEN).collect()
}

/// What is wrong with a consumer key given the organisation's prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixFinding {
    /// The prefix itself is not 1–[`MAX_PREFIX`] letters and digits.
    Invalid { prefix: String },
    /// The key does not start with `prefix`; `example` is a valid key that does.
    Missing { prefix: String, example: String },
}

impl PrefixFinding {
    pub const fn code(&self) -> ProblemCode {
        match self {
            PrefixFinding::Invalid { .. } => ProblemCode::ConsumerKeyPolicyPrefixInvalid,
            PrefixFinding::Missing { .. } => ProblemCode::ConsumerKeyPolicyPrefix,
        }
    }
}

/// Checks a consumer key by the consumer-key rule and, when the organisation set one, its prefix.
pub fn check_consumer_key_with_prefix(input: &str, prefix: Option<&str>) -> FieldReport {
    let (value, findings) = analyse_consumer_key(input);
    let mut problems = messages::consumer_key::problems(&findings, input, &value);
    if let Some(finding) = analyse_prefix(&value, &findings, prefix) {
        problems.push(messages::key_prefix::problem(&finding));
    }
    FieldReport::new(FIELD, value, problems)
}

/// What the prefix in force says about the trimmed key `value`, given the consumer-key rule's
/// `findings` for it.
pub fn analyse_prefix(
    value: &str,
    findings: &[ConsumerKeyFinding],
    prefix: Option<&str>,
) -> Option<PrefixFinding> {
    let prefix = in_force(prefix)?;
    // An empty key already says what to type; a prefix problem on top would only repeat it.
    if findings
        .iter()
        .any(|f| matches!(f, ConsumerKeyFinding::Empty { .. }))
    {
        return None;
    }
    if !usable(prefix) {
        return Some(PrefixFinding::Invalid {
            prefix: prefix.to_string(),
        });
    }
    if value.starts_with(prefix) {
        return None;
    }
    Some(PrefixFinding::Missing {
        prefix: prefix.to_string(),
        example: prefixed(prefix, &suggest_consumer_key(value)),
    })
}

/// The Suggest rule with the organisation's prefix: [`suggest_consumer_key`] of the name, the
/// prefix in front. A prefix no valid key can have is left out (its check says why).
pub fn suggest_consumer_key_with_prefix(name: &str, prefix: Option<&str>) -> String {
    let key = suggest_consumer_key(name);
    match in_force(prefix).filter(|p| usable(p)) {
        Some(prefix) => prefixed(prefix, &key),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check_consumer_key;

    #[test]
    fn a_key_without_the_prefix_fails_and_names_the_fix() {
        let r = check_consumer_key_with_prefix("JiraAlignAcme", Some("ACME"));
        assert!(!r.ok && r.has("consumer-key-policy-prefix"), "{r:?}");
        let p = &r.problems[0];
        assert!(
            p.message
                .starts_with("Consumer key: it must start with \"ACME\""),
            "{}",
            p.message
        );
        assert!(p.fix.contains("e.g. \"ACMEJiraAlignAcme\""), "{}", p.fix);
        assert!(check_consumer_key_with_prefix("ACMEJiraAlign", Some("ACME")).ok);
        // The prefix is exact: another case is another prefix.
        assert!(!check_consumer_key_with_prefix("acmeJiraAlign", Some("ACME")).ok);
    }

    #[test]
    fn no_prefix_means_the_plain_rule() {
        for prefix in [None, Some(""), Some("  ")] {
            assert_eq!(
                check_consumer_key_with_prefix("JiraAlignAcme", prefix),
                check_consumer_key("JiraAlignAcme")
            );
        }
        // Other problems are kept, an empty key is only called empty.
        let r = check_consumer_key_with_prefix("ACME Key", Some("ACME"));
        assert!(r.has("consumer-key-space") && !r.has("consumer-key-policy-prefix"));
        let r = check_consumer_key_with_prefix("", Some("ACME"));
        let codes: Vec<_> = r.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["consumer-key-empty"]);
    }

    #[test]
    fn a_prefix_no_key_can_have_is_reported() {
        let r = check_consumer_key_with_prefix("ACME-Key", Some("ACME-"));
        assert!(r.has("consumer-key-policy-prefix-invalid"), "{r:?}");
        let long = "A".repeat(MAX_PREFIX + 1);
        assert!(
            check_consumer_key_with_prefix(&long, Some(&long))
                .has("consumer-key-policy-prefix-invalid")
        );
        assert_eq!(
            suggest_consumer_key_with_prefix("Acme", Some("ACME-")),
            "Acme"
        );
    }

    #[test]
    fn suggestions_start_with_the_prefix_and_stay_valid() {
        assert_eq!(
            suggest_consumer_key_with_prefix("Jira Align – Acme", Some("ACME")),
            "ACMEJiraAlignAcme"
        );
        assert_eq!(
            suggest_consumer_key_with_prefix("ACME Align", Some("ACME")),
            "ACMEAlign"
        );
        assert_eq!(suggest_consumer_key_with_prefix("Acme", None), "Acme");
        let long = suggest_consumer_key_with_prefix(&"a".repeat(400), Some("ACME"));
        assert_eq!(long.chars().count(), MAX_LEN);
        assert!(check_consumer_key_with_prefix(&long, Some("ACME")).ok);
    }
}
