//! Free-text names: the Jira Align connector's Name, and the Application Name and Consumer Name
//! of Jira's application link. Nothing has to match across systems here; these rules only keep
//! out what breaks display or later copy-paste (the consumer name is sometimes pasted as the key,
//! which `setup_check` catches).
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `name-empty` | error | nothing (or only white space) entered; all three are required |
//! | `name-surrounding-whitespace` | warning | white space or invisible characters before or after the name |
//! | `name-control-char` | error | a line break, tab or other control character |
//! | `name-invisible-char` | warning | a zero-width or bidi control character inside the name |
//! | `name-long` | warning | more than 100 characters: hard to read in lists |
//! | `name-too-long` | error | more than 255 characters |

use super::{FieldReport, char_context, trim_invisible};
use crate::problem::Problem;
use crate::text::{is_invisible, special_char_name};

/// Past this, the name is cut off in Jira's link list and Jira Align's connector table.
const LONG: usize = 100;
/// Both systems store names in 255-character columns.
const MAX_LEN: usize = 255;

/// Jira Align connector "Name".
pub fn check_connector_name(input: &str) -> FieldReport {
    check_name(input, "connectorName", "Connector name")
}

/// Jira application link "Application Name".
pub fn check_application_name(input: &str) -> FieldReport {
    check_name(input, "applicationName", "Application Name")
}

/// Jira Incoming Authentication "Consumer Name".
pub fn check_consumer_name(input: &str) -> FieldReport {
    check_name(input, "consumerName", "Consumer Name")
}

/// Byte length past which a value is only measured, not scanned character by character.
const MAX_SCAN_BYTES: usize = 16 * 1024;

fn too_long(label: &str, len: usize) -> Problem {
    Problem::error(
        "name-too-long",
        format!("{label}: it has {len} characters; at most {MAX_LEN} are stored."),
        format!("Shorten it to {MAX_LEN} characters or fewer."),
    )
}

fn check_name(input: &str, field: &'static str, label: &str) -> FieldReport {
    let value = trim_invisible(input).to_string();
    let mut problems = Vec::new();
    if value.is_empty() {
        problems.push(Problem::error(
            "name-empty",
            format!("{label}: it is empty; it is required."),
            "Type a name, e.g. 'Jira Align'.",
        ));
        return FieldReport::new(field, value, problems);
    }
    if value.len() != input.len() {
        problems.push(Problem::warning(
            "name-surrounding-whitespace",
            format!(
                "{label}: there is white space or an invisible character before or after \"{value}\"."
            ),
            format!("Remove it so the name reads exactly \"{value}\"."),
        ));
    }
    // Far beyond any name (a pasted file): say it is too long without collecting and scanning
    // every character, so a megabyte answers as fast as a name.
    if value.len() > MAX_SCAN_BYTES {
        let len = value.chars().count();
        problems.push(too_long(label, len));
        return FieldReport::new(field, value, problems);
    }
    let chars: Vec<char> = value.chars().collect();
    // One problem per kind is enough for a name: the fix is to retype it either way.
    if let Some(i) = chars
        .iter()
        .position(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        let c = chars.get(i).copied().unwrap_or(' ');
        let name = special_char_name(c).unwrap_or("control character");
        problems.push(Problem::error(
            "name-control-char",
            format!(
                "{label}: there is a {name} (U+{:04X}) at position {}.",
                c as u32,
                i + 1
            ),
            format!(
                "Remove the {name} {}; keep the name on one line.",
                char_context(&chars, i)
            ),
        ));
    }
    if let Some(i) = chars
        .iter()
        .position(|c| is_invisible(*c) && !c.is_control() && !c.is_whitespace())
    {
        let c = chars.get(i).copied().unwrap_or(' ');
        let name = special_char_name(c).unwrap_or("invisible character");
        problems.push(Problem::warning(
            "name-invisible-char",
            format!(
                "{label}: there is an invisible {name} (U+{:04X}) at position {}.",
                c as u32,
                i + 1
            ),
            format!(
                "Remove the {name} {}, or retype the name.",
                char_context(&chars, i)
            ),
        ));
    }
    let len = chars.len();
    if len > MAX_LEN {
        problems.push(too_long(label, len));
    } else if len > LONG {
        problems.push(Problem::warning(
            "name-long",
            format!("{label}: it has {len} characters; lists will cut it off."),
            "A short name such as 'Jira Align' is easier to find later.",
        ));
    }
    FieldReport::new(field, value, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_codes, assert_good};
    use proptest::prelude::*;

    /// Found by the bad-input catalog: a 1 MiB name took ~14 ms optimised (collected and
    /// scanned char by char); now it is measured and refused at once.
    #[test]
    fn huge_names_are_refused_without_a_full_scan() {
        let huge = format!("{}\n{}", "x".repeat(1 << 20), "y");
        let r = check_consumer_name(&huge);
        assert_eq!(
            r.problems.iter().map(|p| p.code).collect::<Vec<_>>(),
            ["name-too-long"]
        );
        assert!(
            r.problems[0].message.contains("1048578 characters"),
            "{}",
            r.problems[0].message
        );
        let started = std::time::Instant::now();
        for _ in 0..10 {
            std::hint::black_box(check_application_name(&huge));
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn bad_names() {
        let long = "n".repeat(101);
        let too_long = "n".repeat(256);
        assert_codes(
            check_application_name,
            &[
                ("", "name-empty"),
                ("  ", "name-empty"),
                ("\t\n", "name-empty"),
                ("\u{200b}", "name-empty"),
                (" Jira Align", "name-surrounding-whitespace"),
                ("Jira Align ", "name-surrounding-whitespace"),
                ("Jira Align\n", "name-surrounding-whitespace"),
                ("Jira Align\u{a0}", "name-surrounding-whitespace"),
                ("\u{feff}Jira Align", "name-surrounding-whitespace"),
                ("Jira\nAlign", "name-control-char"),
                ("Jira\tAlign", "name-control-char"),
                ("Jira\rAlign", "name-control-char"),
                ("Jira\u{0}Align", "name-control-char"),
                ("Jira\u{2028}Align", "name-control-char"),
                ("Jira\u{200b}Align", "name-invisible-char"),
                ("Jira\u{202e}Align", "name-invisible-char"),
                (&long, "name-long"),
                (&too_long, "name-too-long"),
            ],
        );
    }

    #[test]
    fn good_names() {
        assert_good(
            check_consumer_name,
            &[
                ("Jira Align", "Jira Align"),
                ("Jira Align – Acme Corp", "Jira Align – Acme Corp"),
                ("Zürich Team", "Zürich Team"),
                ("A", "A"),
                (" padded ", "padded"),
            ],
        );
        let r = check_connector_name("Jira Align");
        assert_eq!(r.field, "connectorName");
        assert!(r.problems.is_empty());
        let r = check_application_name("x\ny");
        assert!(r.problems[0].message.starts_with("Application Name: "));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = check_consumer_name(&s);
        }

        #[test]
        fn normalising_is_idempotent_and_valid_stays_valid(s in "\\PC{0,40}|[ \\t\u{a0}\u{200b}a-z]{0,20}") {
            let r = check_application_name(&s);
            let again = check_application_name(&r.value);
            prop_assert_eq!(&again.value, &r.value);
            if r.ok {
                prop_assert!(again.ok);
            }
        }
    }
}
