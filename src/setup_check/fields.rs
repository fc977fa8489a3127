//! The checks of one field at a time: the authentication type, and a field rule's report turned into a check.

use super::*;

pub(super) fn auth_check(text: Option<&str>, auth: Option<AuthType>) -> Check {
    const ID: CheckId = CheckId::AuthType;
    match (text, auth) {
        (Some(t), Some(AuthType::Unrecognised)) => check(
            ID,
            CheckState::Warn,
            format!(
                "Authentication Type: \"{}\" is not one Linksmith knows; all checks are shown.",
                visible(t)
            ),
            "Choose OAuth (with an application link in Jira) or Basic Auth (email + API token).",
        ),
        (Some(_), Some(kind)) => {
            let name = match kind {
                AuthType::OAuth => {
                    "OAuth 1.0a: Jira needs an application link with Incoming Authentication"
                }
                AuthType::BasicAuth => {
                    "Basic Auth: the service account's email address and an API token; no application link or keys are needed"
                }
                _ => {
                    "Personal Access Token (Jira Data Center); no application link or keys are needed"
                }
            };
            check(
                ID,
                CheckState::Pass,
                format!("Authentication Type: {name}."),
                "",
            )
        }
        _ => not_seen(ID, "Authentication Type", Place::AlignForm),
    }
}

/// Turns a field report into a check: `fail` on errors, `warn` on warnings, else `pass`; notes
/// (info) are appended to the message.
pub(super) fn format_check(
    id: CheckId,
    value: Option<&str>,
    what: &str,
    where_: Place,
    rule: impl Fn(&str) -> FieldReport,
    predicts: Option<&'static str>,
) -> Check {
    match value {
        None => not_seen(id, what, where_),
        Some(v) => with_side(id, from_report(id, &rule(v), what, predicts)),
    }
}

/// Checks that exist once per side say which side they are about: the field labels alone
/// ("Consumer key", "Public key") are the same in both tabs.
pub(super) fn with_side(id: CheckId, mut c: Check) -> Check {
    let side = match id.per_side() {
        Some(Side::Align) => "Jira Align connector",
        Some(Side::Jira) => "Jira Incoming Authentication",
        None => return c,
    };
    c.message = format!("{side} – {}", c.message);
    c
}

pub(super) fn from_report(
    id: CheckId,
    r: &FieldReport,
    what: &str,
    predicts: Option<&'static str>,
) -> Check {
    let worst = r.problems.iter().map(|p| p.severity).min();
    let first = |sev: Severity| r.problems.iter().find(|p| p.severity == sev);
    let notes: Vec<&str> = r
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Info)
        .map(|p| p.message.as_str())
        .collect();
    let with_more = |p: &Problem, sev: Severity| {
        let more = r
            .problems
            .iter()
            .filter(|q| q.severity == sev)
            .count()
            .saturating_sub(1);
        if more > 0 {
            format!(
                "{} ({more} more problem{} like this.)",
                p.message,
                if more == 1 { "" } else { "s" }
            )
        } else {
            p.message.clone()
        }
    };
    match worst {
        Some(Severity::Error) => {
            let p = first(Severity::Error);
            Check {
                predicts,
                ..check(
                    id,
                    CheckState::Fail,
                    p.map(|p| with_more(p, Severity::Error)).unwrap_or_default(),
                    p.map(|p| p.fix.clone()).unwrap_or_default(),
                )
            }
        }
        Some(Severity::Warning) => {
            let p = first(Severity::Warning);
            check(
                id,
                CheckState::Warn,
                p.map(|p| with_more(p, Severity::Warning))
                    .unwrap_or_default(),
                p.map(|p| p.fix.clone()).unwrap_or_default(),
            )
        }
        _ => {
            let mut message = format!("{what}: looks right.");
            // Notes repeat the field label; drop it inside the sentence.
            for n in notes {
                message.push(' ');
                message.push_str(n.split_once(": ").map_or(n, |(_, rest)| rest));
            }
            check(id, CheckState::Pass, message, "")
        }
    }
}

pub(super) fn parse_origin(s: &str) -> Option<Url> {
    crate::rules::urls::parse_url(trim_invisible(s))
        .ok()
        .filter(|u| u.host_str().is_some())
}
