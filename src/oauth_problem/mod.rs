//! Explaining Jira's OAuth 1.0a errors in the terms of this setup (Jira Align connector,
//! application link, Incoming Authentication, Generate New Key, clock skew, service account).
//!
//! Accepts whatever the admin has: a full 401 body (`oauth_problem=signature_invalid&
//! oauth_signature_base_string=…`), a `WWW-Authenticate: OAuth realm="…", oauth_problem="…"`
//! header, a log line from Jira Align's View Logs → Jira API, or the bare value.
//!
//! | `problem` | `checkId` to look at |
//! |---|---|
//! | `consumer_key_unknown`, `consumer_key_refused`, `consumer_key_rejected` | `consumer-key-match` |
//! | `signature_invalid` | `public-key-match` |
//! | `signature_method_rejected` | `jira-public-key-format` |
//! | `token_rejected` | `jira-api-url-match` |
//! | every other known value, unknown values, no value | none |

use crate::vocabulary::CheckId;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthExplanation {
    /// The `oauth_problem` value found, if any (also when it is not one we know).
    pub problem: Option<String>,
    /// True when `problem` is a value this table explains.
    pub known: bool,
    /// An HTTP status found in the text (e.g. 401 from a status line or log).
    pub http_status: Option<u16>,
    pub cause: String,
    pub fix: String,
    /// The `setup_check` check that tests the likely cause.
    pub check_id: Option<CheckId>,
}

/// One row of the table: value, cause, fix, check.
type Row = (&'static str, &'static str, &'static str, Option<CheckId>);

const REAUTHORIZE: &str = "In the Jira Align connector click Reauthorize Jira OAuth Access, then Request Jira for access, and click Allow while logged in to Jira (in the same browser) as the service account.";

const TABLE: [Row; 19] = [
    (
        "consumer_key_unknown",
        "Jira has no OAuth consumer with the consumer key Jira Align sent. The consumer key in the Jira Align connector differs from the Consumer Key in the application link's Incoming Authentication (letter case, a space at the end, the Consumer Name pasted as the key), or the application link or its Incoming Authentication was deleted.",
        "Open Jira → Application links → the Jira Align link → Edit → Incoming Authentication and copy its Consumer Key into the Jira Align connector exactly (or the other way round), Save, then Reauthorize Jira OAuth Access.",
        Some(CheckId::ConsumerKeyMatch),
    ),
    (
        "signature_invalid",
        "Jira could not verify the RSA-SHA1 signature. Most often the Public Key in Jira's Incoming Authentication is not the one belonging to the private key Jira Align signs with: Generate New Key was clicked again after the key was pasted into Jira. Less often the URL Jira Align signed differs from the one Jira sees (http instead of https, an old site name, a proxy rewriting the address).",
        "Copy the public key Jira Align shows now into Incoming Authentication → Public Key and save; do not click Generate New Key again. Make sure the Jira API URL is the site's exact https address, then Reauthorize Jira OAuth Access.",
        Some(CheckId::PublicKeyMatch),
    ),
    (
        "signature_method_rejected",
        "Jira accepts only RSA-SHA1 for this consumer, and the request was signed another way: the incoming consumer is set up without a public key (e.g. a shared secret), or the connector is not in OAuth mode.",
        "Set the connector's Authentication Type to OAuth, and make sure Jira's Incoming Authentication has the public key from Jira Align; save both and Reauthorize Jira OAuth Access.",
        Some(CheckId::JiraPublicKeyFormat),
    ),
    (
        "timestamp_refused",
        "The request's timestamp is too far from Jira's clock (clock skew; Jira allows only a few minutes).",
        "If Jira Align or Jira Data Center is self-hosted, synchronise the server's clock (NTP). On cloud services retry later, and contact Jira Align support if it persists.",
        None,
    ),
    (
        "nonce_used",
        "Jira has already seen this request's nonce: the request was sent twice (a retry or a proxy replaying it).",
        "Retry the sync. If it keeps happening, look for a proxy between Jira Align and Jira that repeats requests, or contact Jira Align support.",
        None,
    ),
    (
        "token_rejected",
        "Jira does not accept the access token Jira Align sent: it was revoked, it was issued by another Jira site (the Jira API URL points at a different or renamed site, or the connector was copied), or the application link was recreated since.",
        REAUTHORIZE,
        Some(CheckId::JiraApiUrlMatch),
    ),
    (
        "token_expired",
        "The OAuth access token Jira Align holds has expired.",
        REAUTHORIZE,
        None,
    ),
    (
        "token_revoked",
        "The access was revoked in Jira (by the service account under its connected apps, or by an admin on the application link).",
        REAUTHORIZE,
        None,
    ),
    (
        "token_used",
        "A request token was used twice: the authorization was completed twice, or an old Allow page was reused.",
        "Start the authorization again in one go: Reauthorize Jira OAuth Access → Request Jira for access → Allow.",
        None,
    ),
    (
        "parameter_absent",
        "Required OAuth parameters were missing from the request. A proxy, firewall or IP allowlist in front of Jira may be stripping the Authorization header.",
        "Check that anything between Jira Align and Jira passes the Authorization header through unchanged (and that Jira's IP allowlist admits Jira Align); then Reauthorize Jira OAuth Access. If nothing is in between, contact Jira Align support with this error.",
        None,
    ),
    (
        "parameter_rejected",
        "Jira refused one of the OAuth parameters (unexpected, duplicated or malformed), often because something in between altered the request.",
        "Check for a proxy rewriting requests between Jira Align and Jira; then Reauthorize Jira OAuth Access. If it persists, contact Jira Align support with this error.",
        None,
    ),
    (
        "permission_unknown",
        "Jira does not recognise the permission (scope) that was requested.",
        REAUTHORIZE,
        None,
    ),
    (
        "permission_denied",
        "The Jira account behind the token may not do this: Deny was clicked on Jira's Allow page, or the account that allowed access lacks Jira product access or permission on the synced projects.",
        "Give the service account Jira product access and permission on the projects Jira Align syncs, then Reauthorize Jira OAuth Access logged in to Jira as that service account.",
        None,
    ),
    (
        "consumer_key_refused",
        "Jira knows the consumer key but refuses it for now: the incoming consumer is disabled or blocked.",
        "In Jira → Application links → the Jira Align link → Incoming Authentication, check the consumer is still there and enabled; if not, add it again with the same Consumer Key and Public Key, then Reauthorize Jira OAuth Access.",
        Some(CheckId::ConsumerKeyMatch),
    ),
    (
        "consumer_key_rejected",
        "Jira rejects this consumer key permanently (the consumer was removed or banned).",
        "Set up Incoming Authentication again with a new consumer key, type the same key in the Jira Align connector, click Generate New Key once and paste that key into Jira, then Reauthorize Jira OAuth Access.",
        Some(CheckId::ConsumerKeyMatch),
    ),
    (
        "version_rejected",
        "Jira does not accept the OAuth version of the request (it speaks OAuth 1.0a only).",
        "Nothing in the connector or link chooses the version: contact Jira Align support with this error.",
        None,
    ),
    (
        "additional_authorization_required",
        "The access token does not carry the authorization this request needs.",
        REAUTHORIZE,
        None,
    ),
    (
        "adjust_ttl",
        "Jira asks for a different token lifetime: the token's validity period is not acceptable.",
        REAUTHORIZE,
        None,
    ),
    (
        "user_refused",
        "The person on Jira's Allow page clicked Deny.",
        "In the Jira Align connector click Request Jira for access again and click Allow, logged in to Jira as the service account.",
        None,
    ),
];

/// Explains an OAuth error from whatever text the admin pasted.
pub fn explain_oauth_problem(text: &str) -> OAuthExplanation {
    let http_status = find_status(text);
    let problem = param(text, "oauth_problem").or_else(|| bare_problem(text));
    let Some(problem) = problem else {
        let (cause, fix) = if http_status == Some(401) {
            (
                "HTTP 401 without an oauth_problem: the credentials were not accepted. With Basic Auth, the email or API token is wrong or the token expired; with OAuth, the access token may be gone; a renamed Jira site also answers 401 to REST calls on its old address.".to_string(),
                "Open View Logs → Jira API in Jira Align for the failing call; check the Jira API URL is the current site address, and create a new API token or Reauthorize Jira OAuth Access.".to_string(),
            )
        } else {
            (
                "No oauth_problem was found in this text.".to_string(),
                "Paste the whole error response from Jira (the body of the 401, or the WWW-Authenticate header), or the line from Jira Align's View Logs → Jira API.".to_string(),
            )
        };
        return OAuthExplanation {
            problem: None,
            known: false,
            http_status,
            cause,
            fix,
            check_id: if http_status == Some(401) {
                Some(CheckId::JiraApiUrlMatch)
            } else {
                None
            },
        };
    };

    let Some(&(_, cause, fix, check_id)) = TABLE.iter().find(|r| r.0 == problem) else {
        return OAuthExplanation {
            cause: format!(
                "Jira answered oauth_problem={}, which Linksmith does not know. It is an OAuth 1.0a error from Jira's side of the application link.",
                crate::text::ellipsize(&crate::text::visible(&problem), 60)
            ),
            fix: "Run the checks on both tabs (consumer keys and public keys must match), then Reauthorize Jira OAuth Access. If it persists, send this error to Jira Align support.".to_string(),
            problem: Some(problem),
            known: false,
            http_status,
            check_id: None,
        };
    };
    let mut cause = cause.to_string();
    match problem.as_str() {
        "parameter_absent" => {
            if let Some(list) = param(text, "oauth_parameters_absent") {
                cause.push_str(&format!(" Missing: {}.", list.replace('&', ", ")));
            }
        }
        "parameter_rejected" => {
            if let Some(list) = param(text, "oauth_parameters_rejected") {
                cause.push_str(&format!(" Rejected: {list}."));
            }
        }
        "timestamp_refused" => {
            if let Some(window) = param(text, "oauth_acceptable_timestamps") {
                cause.push_str(&format!(
                    " Jira accepts timestamps {window} (seconds since 1970)."
                ));
            }
        }
        "version_rejected" => {
            if let Some(v) = param(text, "oauth_acceptable_versions") {
                cause.push_str(&format!(" Jira accepts version {v}."));
            }
        }
        "signature_invalid" => {
            if let Some((method, url)) = param(text, "oauth_signature_base_string")
                .as_deref()
                .and_then(signed_request)
            {
                cause.push_str(&format!(
                    " The request Jira Align signed was {method} {url}."
                ));
                if url.starts_with("http://") {
                    cause.push_str(" It was signed for http://, but Jira is reached over https://: fix the Jira API URL.");
                }
            }
        }
        _ => {}
    }
    OAuthExplanation {
        problem: Some(problem),
        known: true,
        http_status,
        cause,
        fix: fix.to_string(),
        check_id,
    }
}

/// The value of `name=value` or `name="value"` anywhere in the text (form body, header, log),
/// percent-decoded once. Case-insensitive on the name.
fn param(text: &str, name: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|s| s.find(name)) {
        let start = from + found;
        from = start + name.len();
        // A whole parameter name: not the tail of a longer one (`xoauth_problem`).
        let before = lower.get(..start).and_then(|s| s.chars().next_back());
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = text.get(from..).unwrap_or_default().trim_start();
        let Some(rest) = rest.strip_prefix(['=', ':']) else {
            continue;
        };
        let rest = rest.trim_start();
        let (rest, quote) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (rest.get(1..).unwrap_or_default(), Some(q)),
            _ => (rest, None),
        };
        let end = rest
            .find(|c: char| match quote {
                Some(q) => c == q,
                None => {
                    c == '&'
                        || c == ','
                        || c == ';'
                        || c == '"'
                        || c == '\''
                        || c == '<'
                        || c == ')'
                        || c.is_whitespace()
                }
            })
            .unwrap_or(rest.len());
        let value = percent_decode(rest.get(..end).unwrap_or_default());
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// A bare `oauth_problem` value, or a known value mentioned anywhere in a log line.
fn bare_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if !t.is_empty() && t.len() <= 64 && t.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Some(t.to_string());
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|w| TABLE.iter().any(|r| r.0 == *w))
        .map(str::to_string)
}

/// An HTTP status in the text: "HTTP/1.1 401", "status 401", "Status code: 401",
/// "401 Unauthorized", "(401)".
fn find_status(text: &str) -> Option<u16> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        let n: u16 = w
            .parse()
            .ok()
            .filter(|n| (100..=599).contains(n) && w.len() == 3)?;
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .map(|p| p.to_ascii_lowercase());
        let next = words.get(i + 1).map(|p| p.to_ascii_lowercase());
        let prev_ok = prev
            .as_deref()
            .is_some_and(|p| p.starts_with("http") || p == "status" || p == "code");
        let next_ok = next.as_deref().is_some_and(|n| {
            matches!(
                n,
                "unauthorized" | "forbidden" | "bad" | "not" | "internal" | "service"
            )
        });
        (prev_ok || next_ok || text.contains(&format!("({w})"))).then_some(n)
    })
}

/// Method and URL of an OAuth signature base string (`GET&https%3A%2F%2F…&params`).
fn signed_request(base: &str) -> Option<(String, String)> {
    let mut parts = base.splitn(3, '&');
    let method = parts.next()?.to_string();
    let url = percent_decode(parts.next()?);
    (method.chars().all(|c| c.is_ascii_uppercase()) && url.starts_with("http"))
        .then_some((method, url))
}

/// Decodes `+` (form encoding's space) and `%XX` escapes; invalid escapes stay as they are.
/// `+` goes first, so an escaped plus (`%2B`) stays a plus.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests;
