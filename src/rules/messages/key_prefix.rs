//! Words for [`PrefixFinding`]s.

use crate::problem::Problem;
use crate::rules::key_prefix::{MAX_PREFIX, PrefixFinding};
use crate::text::visible;

/// The problem for a finding about the organisation's consumer-key prefix.
pub fn problem(finding: &PrefixFinding) -> Problem {
    let code = finding.code();
    match finding {
        PrefixFinding::Invalid { prefix } => Problem::error(
            code,
            format!(
                "Consumer key: your organisation's required prefix \"{}\" is not 1–{MAX_PREFIX} letters and digits, so no valid key can start with it.",
                visible(prefix)
            ),
            "Ask your IT to set the policy's consumerKeyPrefix to letters and digits only.",
        ),
        PrefixFinding::Missing { prefix, example } => Problem::error(
            code,
            format!("Consumer key: it must start with \"{prefix}\", your organisation's prefix."),
            format!(
                "Use a key that starts with \"{prefix}\" on both sides (Jira Align connector and Jira's Incoming Authentication), e.g. \"{example}\"."
            ),
        ),
    }
}
