//! Words for [`NameFinding`]s: each message starts with the field's label, each fix says what to
//! type instead.

use super::padded;
use crate::problem::Problem;
use crate::rules::char_context;
use crate::rules::names::{MAX_LEN, NameFinding};
use crate::text::special_char_name;

/// The problem for one finding about `value` (the trimmed name) in the field labelled `label`.
pub fn problem(finding: NameFinding, label: &str, value: &str) -> Problem {
    let code = finding.code();
    match finding {
        NameFinding::Empty => Problem::error(
            code,
            format!("{label}: it is empty; it is required."),
            "Type a name, e.g. 'Jira Align'.",
        ),
        NameFinding::SurroundingWhitespace => padded(
            code,
            label,
            &format!("before or after \"{value}\""),
            format!("Remove it so the name reads exactly \"{value}\"."),
        ),
        NameFinding::ControlChar { c, at } => {
            let name = special_char_name(c).unwrap_or("control character");
            Problem::error(
                code,
                format!(
                    "{label}: there is a {name} (U+{:04X}) at position {}.",
                    c as u32,
                    at + 1
                ),
                format!(
                    "Remove the {name} {}; keep the name on one line.",
                    context(value, at)
                ),
            )
        }
        NameFinding::InvisibleChar { c, at } => {
            let name = special_char_name(c).unwrap_or("invisible character");
            Problem::warning(
                code,
                format!(
                    "{label}: there is an invisible {name} (U+{:04X}) at position {}.",
                    c as u32,
                    at + 1
                ),
                format!(
                    "Remove the {name} {}, or retype the name.",
                    context(value, at)
                ),
            )
        }
        NameFinding::Long { len } => Problem::warning(
            code,
            format!("{label}: it has {len} characters; lists will cut it off."),
            "A short name such as 'Jira Align' is easier to find later.",
        ),
        NameFinding::TooLong { len } => Problem::error(
            code,
            format!("{label}: it has {len} characters; at most {MAX_LEN} are stored."),
            format!("Shorten it to {MAX_LEN} characters or fewer."),
        ),
    }
}

fn context(value: &str, at: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    char_context(&chars, at)
}
