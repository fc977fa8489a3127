//! The organisation's consumer-key prefix. IT may require every consumer key to start with one
//! (the enterprise policy `consumerKeyPrefix`, letters and digits); the worker passes it through,
//! and this is the only place it is applied: the consumer-key checks fail without it and the
//! Suggest rule puts it first.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `consumer-key-policy-prefix` | error | the key does not start with the organisation's prefix |
//! | `consumer-key-policy-prefix-invalid` | error | the prefix itself is not 1–64 letters and digits, so no valid key can have it |

use super::FieldReport;
use super::consumer_key::{FIELD, MAX_LEN, check_consumer_key, suggest_consumer_key};
use crate::problem::Problem;
use crate::text::visible;
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

/// Checks a consumer key by the consumer-key rule and, when the organisation set one, its prefix.
pub fn check_consumer_key_with_prefix(input: &str, prefix: Option<&str>) -> FieldReport {
    let report = check_consumer_key(input);
    let Some(prefix) = in_force(prefix) else {
        return report;
    };
    // An empty key already says what to type; a prefix problem on top would only repeat it.
    if report.has(ProblemCode::ConsumerKeyEmpty) {
        return report;
    }
    let mut problems = report.problems;
    if !usable(prefix) {
        problems.push(Problem::error(
            ProblemCode::ConsumerKeyPolicyPrefixInvalid,
            format!(
                "Consumer key: your organisation's required prefix \"{}\" is not 1–{MAX_PREFIX} letters and digits, so no valid key can start with it.",
                visible(prefix)
            ),
            "Ask your IT to set the policy's consumerKeyPrefix to letters and digits only.",
        ));
    } else if !report.value.starts_with(prefix) {
        let example = prefixed(prefix, &suggest_consumer_key(&report.value));
        problems.push(Problem::error(
            ProblemCode::ConsumerKeyPolicyPrefix,
            format!("Consumer key: it must start with \"{prefix}\", your organisation's prefix."),
            format!(
                "Use a key that starts with \"{prefix}\" on both sides (Jira Align connector and Jira's Incoming Authentication), e.g. \"{example}\"."
            ),
        ));
    }
    FieldReport::new(FIELD, report.value, problems)
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
