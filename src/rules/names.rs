//! Free-text names: the Jira Align connector's Name, and the Application Name and Consumer Name
//! of Jira's application link. Nothing has to match across systems here; these rules only keep
//! out what breaks display or later copy-paste (the consumer name is sometimes pasted as the key,
//! which `setup_check` catches).
//!
//! [`analyse_name`] says what is wrong as [`NameFinding`]s; `messages::names` puts them into
//! words for the field at hand. Codes: `name-*` in [`ProblemCode`].
//!
//! [`ProblemCode`]: crate::vocabulary::ProblemCode

use super::{FieldReport, messages, trim_invisible};
use crate::text::is_invisible;

/// Past this, the name is cut off in Jira's link list and Jira Align's connector table.
pub(crate) const LONG: usize = 100;
/// Both systems store names in 255-character columns.
pub(crate) const MAX_LEN: usize = 255;

/// Byte length past which a value is only measured, not scanned character by character.
const MAX_SCAN_BYTES: usize = 16 * 1024;

findings! {
    /// One thing wrong with a name. Positions are 0-based character indexes into the trimmed
    /// value.
    pub enum NameFinding blank(NameEmpty, NameSurroundingWhitespace) {
        ControlChar { c: char, at: usize } => NameControlChar,
        InvisibleChar { c: char, at: usize } => NameInvisibleChar,
        Long { len: usize } => NameLong,
        TooLong { len: usize } => NameTooLong,
    }
}

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

fn check_name(input: &str, field: &'static str, label: &str) -> FieldReport {
    let (value, findings) = analyse_name(input);
    let problems = findings
        .iter()
        .map(|f| messages::names::problem(*f, label, &value))
        .collect();
    FieldReport::new(field, value, problems)
}

/// The trimmed name and what is wrong with it.
pub fn analyse_name(input: &str) -> (String, Vec<NameFinding>) {
    let value = trim_invisible(input).to_string();
    if value.is_empty() {
        return (value, vec![NameFinding::Empty]);
    }
    let mut findings = Vec::new();
    if value.len() != input.len() {
        findings.push(NameFinding::SurroundingWhitespace);
    }
    // Far beyond any name (a pasted file): say it is too long without collecting and scanning
    // every character, so a megabyte answers as fast as a name.
    if value.len() > MAX_SCAN_BYTES {
        findings.push(NameFinding::TooLong {
            len: value.chars().count(),
        });
        return (value, findings);
    }
    // One finding per kind is enough for a name: the fix is to retype it either way.
    let first = |wanted: fn(char) -> bool| value.chars().enumerate().find(|(_, c)| wanted(*c));
    if let Some((at, c)) = first(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
        findings.push(NameFinding::ControlChar { c, at });
    }
    if let Some((at, c)) = first(|c| is_invisible(c) && !c.is_control() && !c.is_whitespace()) {
        findings.push(NameFinding::InvisibleChar { c, at });
    }
    let len = value.chars().count();
    if len > MAX_LEN {
        findings.push(NameFinding::TooLong { len });
    } else if len > LONG {
        findings.push(NameFinding::Long { len });
    }
    (value, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_good;
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
