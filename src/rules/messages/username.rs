//! Words for [`UsernameFinding`]s.

use super::{empty, padded};
use crate::problem::Problem;
use crate::rules::username::UsernameFinding;
use crate::text::{describe_char, visible};

const LABEL: &str = "Jira Username";

/// The problem for one finding about `value` (the trimmed username).
pub fn problem(finding: UsernameFinding, value: &str) -> Problem {
    let code = finding.code();
    match finding {
        UsernameFinding::Empty => empty(
            code,
            LABEL,
            "Enter the Jira service account's email address (Jira Cloud) or username (Data Center).",
        ),
        UsernameFinding::SurroundingWhitespace => padded(
            code,
            LABEL,
            &format!("around \"{value}\""),
            format!("Remove it so the field holds just {value}."),
        ),
        UsernameFinding::InvisibleChar { c, at } => Problem::error(
            code,
            format!(
                "{LABEL}: there is {} at position {} inside it; usernames and email addresses have none.",
                describe_char(c),
                at + 1
            ),
            "Enter the account's login (the email address on Jira Cloud), not its display name.",
        ),
        UsernameFinding::InvalidEmail => Problem::error(
            code,
            format!(
                "{LABEL}: \"{}\" is not a well-formed email address.",
                visible(value)
            ),
            "Enter it as name@example.com, exactly as the service account logs in to Atlassian.",
        ),
        UsernameFinding::NotEmail { on_cloud: true } => Problem::error(
            code,
            format!(
                "{LABEL}: Jira Cloud (an atlassian.net API URL) needs the account's email address, not \"{value}\"."
            ),
            "Enter the service account's email address, e.g. jira-align@example.com.",
        ),
        UsernameFinding::NotEmail { on_cloud: false } => Problem::warning(
            code,
            format!(
                "{LABEL}: \"{value}\" is not an email address; Jira Cloud needs one (Data Center accepts a username)."
            ),
            "If your Jira is Cloud (…atlassian.net), enter the service account's email address.",
        ),
    }
}
