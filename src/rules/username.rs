//! The connector's "Jira Username" for Basic Auth (and the user of a Data Center PAT setup).
//! Jira Cloud authenticates Basic Auth with the account's email address and an API token; Jira
//! Data Center takes a plain username.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `username-empty` | error | nothing entered |
//! | `username-surrounding-whitespace` | warning | white space or invisible characters around the username |
//! | `username-invisible-char` | error | a space or invisible character inside (often a display name such as "Jane Doe") |
//! | `username-invalid-email` | error | contains '@' but is not a well-formed email address |
//! | `username-not-email` | error on Cloud, warning when the site is not known yet | Jira Cloud needs the email address |

use super::{FieldReport, trim_invisible};
use crate::problem::Problem;
use crate::text::{describe_char, is_invisible};

pub const FIELD: &str = "username";

/// Checks the Basic Auth username. `jira_api_url` decides Cloud (email required) vs Data
/// Center (plain username fine); `None` or an unparsable URL means "not known yet".
pub fn check_username(input: &str, jira_api_url: Option<&str>) -> FieldReport {
    const LABEL: &str = "Jira Username";
    let value = trim_invisible(input).to_string();
    let mut problems = Vec::new();
    if value.is_empty() {
        problems.push(Problem::error(
            "username-empty",
            format!("{LABEL}: it is empty."),
            "Enter the Jira service account's email address (Jira Cloud) or username (Data Center).",
        ));
        return FieldReport::new(FIELD, value, problems);
    }
    if value.len() != input.len() {
        problems.push(Problem::warning(
            "username-surrounding-whitespace",
            format!("{LABEL}: there is white space or an invisible character around \"{value}\"."),
            format!("Remove it so the field holds just {value}."),
        ));
    }
    if let Some((i, c)) = value.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
        problems.push(Problem::error(
            "username-invisible-char",
            format!("{LABEL}: there is {} at position {} inside it; usernames and email addresses have none.", describe_char(c), i + 1),
            "Enter the account's login (the email address on Jira Cloud), not its display name.",
        ));
    }
    let cloud = jira_api_url
        .filter(|u| !trim_invisible(u).is_empty())
        .and_then(super::urls::is_cloud_url);
    if value.contains('@') {
        if !is_email(&value) {
            problems.push(Problem::error(
                "username-invalid-email",
                format!("{LABEL}: \"{}\" is not a well-formed email address.", crate::text::visible(&value)),
                "Enter it as name@example.com, exactly as the service account logs in to Atlassian.",
            ));
        }
    } else {
        match cloud {
            Some(true) => problems.push(Problem::error(
                "username-not-email",
                format!("{LABEL}: Jira Cloud (an atlassian.net API URL) needs the account's email address, not \"{value}\"."),
                "Enter the service account's email address, e.g. jira-align@example.com.",
            )),
            None => problems.push(Problem::warning(
                "username-not-email",
                format!("{LABEL}: \"{value}\" is not an email address; Jira Cloud needs one (Data Center accepts a username)."),
                "If your Jira is Cloud (…atlassian.net), enter the service account's email address.",
            )),
            Some(false) => {}
        }
    }
    FieldReport::new(FIELD, value, problems)
}

/// Deliberately simple: one '@', something before it, a dotted domain of letters, digits and
/// hyphens after it. Enough to catch typos without rejecting real addresses.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !local.chars().any(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Severity;
    use crate::rules::tests::{assert_codes, assert_good};
    use proptest::prelude::*;

    const CLOUD: Option<&str> = Some("https://acme.atlassian.net");
    const DC: Option<&str> = Some("https://jira.example.com/jira");

    #[test]
    fn bad_usernames_on_cloud() {
        assert_codes(
            |s| check_username(s, CLOUD),
            &[
                ("", "username-empty"),
                ("   ", "username-empty"),
                ("\u{200b}", "username-empty"),
                (" svc@example.com", "username-surrounding-whitespace"),
                ("svc@example.com ", "username-surrounding-whitespace"),
                ("svc@example.com\n", "username-surrounding-whitespace"),
                ("Jane Doe", "username-invisible-char"),
                ("svc\u{200b}@example.com", "username-invisible-char"),
                ("svc\u{a0}@example.com", "username-invisible-char"),
                ("svc", "username-not-email"),
                ("jira-align-svc", "username-not-email"),
                ("DOMAIN\\svc", "username-not-email"),
                ("svc@", "username-invalid-email"),
                ("@example.com", "username-invalid-email"),
                ("svc@example", "username-invalid-email"),
                ("svc@@example.com", "username-invalid-email"),
                ("svc@example..com", "username-invalid-email"),
                ("svc@-example.com", "username-invalid-email"),
                ("svc@exa mple.com", "username-invalid-email"),
            ],
        );
    }

    #[test]
    fn good_usernames() {
        assert_good(
            |s| check_username(s, CLOUD),
            &[
                ("svc@example.com", "svc@example.com"),
                ("jira.align+svc@acme.co.uk", "jira.align+svc@acme.co.uk"),
                (" svc@example.com ", "svc@example.com"),
            ],
        );
        assert_good(
            |s| check_username(s, DC),
            &[("svc", "svc"), ("svc@example.com", "svc@example.com")],
        );
        // Site not known yet: a plain username only warns.
        let r = check_username("svc", None);
        assert!(r.ok);
        assert_eq!(r.problems[0].severity, Severity::Warning);
        let r = check_username("svc", Some(""));
        assert!(r.has("username-not-email") && r.ok);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*", u in "\\PC*") {
            let _ = check_username(&s, Some(&u));
        }

        #[test]
        fn normalised_valid_stays_valid(s in "[ a-z@.\u{a0}]{0,20}") {
            let r = check_username(&s, CLOUD);
            let again = check_username(&r.value, CLOUD);
            prop_assert_eq!(&again.value, &r.value);
            if r.ok { prop_assert!(again.ok); }
        }
    }
}
