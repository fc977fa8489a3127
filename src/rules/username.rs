//! The connector's "Jira Username" for Basic Auth (and the user of a Data Center PAT setup).
//! Jira Cloud authenticates Basic Auth with the account's email address and an API token; Jira
//! Data Center takes a plain username.
//!
//! [`analyse_username`] says what is wrong as [`UsernameFinding`]s; `messages::username` puts
//! them into words. Codes: `username-*` in [`ProblemCode`].
//!
//! [`ProblemCode`]: crate::vocabulary::ProblemCode

use super::{FieldReport, messages, trim_invisible};
use crate::text::is_invisible;

pub const FIELD: &str = "username";

findings! {
    /// One thing wrong with a username.
    pub enum UsernameFinding blank(UsernameEmpty, UsernameSurroundingWhitespace) {
        /// A space or invisible character inside; `at` is its 0-based character index.
        InvisibleChar { c: char, at: usize } => UsernameInvisibleChar,
        InvalidEmail => UsernameInvalidEmail,
        /// Not an email address while the site is Jira Cloud (`on_cloud`, an error) or not known
        /// yet (a warning). Data Center takes a plain username, so it is no finding there.
        NotEmail { on_cloud: bool } => UsernameNotEmail,
    }
}

/// Checks the Basic Auth username. `jira_api_url` decides Cloud (email required) vs Data
/// Center (plain username fine); `None` or an unparsable URL means "not known yet".
pub fn check_username(input: &str, jira_api_url: Option<&str>) -> FieldReport {
    let (value, findings) = analyse_username(input, jira_api_url);
    let problems = findings
        .iter()
        .map(|f| messages::username::problem(*f, &value))
        .collect();
    FieldReport::new(FIELD, value, problems)
}

/// The trimmed username and what is wrong with it.
pub fn analyse_username(input: &str, jira_api_url: Option<&str>) -> (String, Vec<UsernameFinding>) {
    let value = trim_invisible(input).to_string();
    if value.is_empty() {
        return (value, vec![UsernameFinding::Empty]);
    }
    let mut findings = Vec::new();
    if value.len() != input.len() {
        findings.push(UsernameFinding::SurroundingWhitespace);
    }
    if let Some((at, c)) = value.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
        findings.push(UsernameFinding::InvisibleChar { c, at });
    }
    let cloud = jira_api_url
        .filter(|u| !trim_invisible(u).is_empty())
        .and_then(super::urls::is_cloud_url);
    if value.contains('@') {
        if !is_email(&value) {
            findings.push(UsernameFinding::InvalidEmail);
        }
    } else if cloud != Some(false) {
        findings.push(UsernameFinding::NotEmail {
            on_cloud: cloud == Some(true),
        });
    }
    (value, findings)
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
    use crate::rules::tests::assert_good;
    use proptest::prelude::*;

    const CLOUD: Option<&str> = Some("https://acme.atlassian.net");
    const DC: Option<&str> = Some("https://jira.example.com/jira");

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
