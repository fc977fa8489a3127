//! URL fields: the Jira Align URL (Jira's "Application URL"), the connector's Jira API URL and
//! Jira Link, and the optional Consumer Callback URL of Jira's Incoming Authentication.
//!
//! Canonical form, used everywhere (values, fixes, `setup_check` comparisons): what the `url`
//! crate serialises (scheme and host lower case, IDN hosts in punycode, default port dropped),
//! with the lone `/` of an empty path removed: `https://acme.jiraalign.com`,
//! `https://acme.atlassian.net`, `https://jira.example.com/jira`. Any other path is kept as is, so
//! the Jira Link's canonical form is `https://acme.atlassian.net/browse/`.
//!
//! The rules find [`UrlFinding`]s; `rules::messages::urls` puts them into words for the field.
//! Codes: `url-*`, `align-url-*`, `jira-url-*`, `jira-link-*`, `callback-url-*` in
//! [`ProblemCode`](crate::vocabulary::ProblemCode).

use url::{Host, Url};

use super::{FieldReport, messages, trim_invisible};
use crate::text::{edit_distance, is_invisible, lookalike};
use crate::vocabulary::HostFamily;

mod findings;
pub use findings::{ApiPath, Site, UrlFinding};
mod hosts;
pub use hosts::*;
mod jira;
pub use jira::*;

pub const ALIGN_FIELD: &str = "applicationUrl";
pub const API_URL_FIELD: &str = "jiraApiUrl";
pub const LINK_FIELD: &str = "jiraLink";
pub const CALLBACK_FIELD: &str = "callbackUrl";

/// The built-in host families of each side (the legacy one second: `HostClass` reports which).
const ALIGN_DOMAINS: [&str; 2] = [
    HostFamily::JiraAlignCom.name(),
    HostFamily::AgileCraftCom.name(),
];
const CLOUD_DOMAINS: [&str; 1] = [HostFamily::AtlassianNet.name()];

/// First path segments that belong to Jira's UI or API rather than to a Data Center context path.
const JIRA_APP_ROOTS: [&str; 12] = [
    "rest",
    "browse",
    "secure",
    "plugins",
    "projects",
    "issues",
    "servicedesk",
    "login.jsp",
    "dashboard.jspa",
    "issues.jspa",
    "s",
    "wiki",
];
/// Segments that follow `/jira/` in Jira Cloud's UI (`/jira/software/projects/…`).
const JIRA_UI_AFTER_JIRA: [&str; 12] = [
    "software",
    "servicemanagement",
    "core",
    "your-work",
    "dashboards",
    "projects",
    "people",
    "filters",
    "plans",
    "for-you",
    "settings",
    "boards",
];

/// `Url::parse`, with internationalised host names turned into punycode first.
///
/// Linksmith builds `url` with `idna_adapter` 1.0 (no Unicode tables): the full UTS #46 data
/// of ICU4X cost ~45 KB of the ~150 KB gzipped budget of the wasm core. Without it `url` refuses
/// non-ASCII hosts, so this does the part of UTS #46 that matters for the hosts admins type:
/// the full-width and ideographic dots become '.', each non-ASCII label is lower-cased and
/// punycode-encoded ("bücher" → "xn--bcher-kva"). Not done (the browser would): NFC/NFKC
/// normalisation (full-width Latin letters stay non-ASCII: `url-lookalike` already flags them
/// as errors), the bidi and joiner rules, and refusing disallowed code points.
pub(crate) fn parse_url(text: &str) -> Result<Url, url::ParseError> {
    Url::parse(&ascii_host(text))
}

fn ascii_host(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    // Only the special schemes' hosts go through IDNA (others are opaque); like `url`, skip
    // any run of '/' and '\\' after the colon.
    let Some(colon) = text.find(':') else {
        return text.into();
    };
    let scheme = text[..colon].to_ascii_lowercase();
    if !["http", "https", "ws", "wss", "ftp"].contains(&scheme.as_str()) {
        return text.into();
    }
    let after = &text[colon + 1..];
    let start = colon + 1 + (after.len() - after.trim_start_matches(['/', '\\']).len());
    let rest = &text[start..];
    let authority_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_start = authority.rfind('@').map_or(0, |i| i + 1);
    let host_and_port = &authority[host_start..];
    let host_end = match host_and_port.rfind(':') {
        Some(i) if !host_and_port.starts_with('[') => i,
        _ => host_and_port.len(),
    };
    let host = &host_and_port[..host_end];
    if host.is_ascii() {
        return text.into();
    }
    let dotted: String = host
        .chars()
        .map(|c| {
            if matches!(c, '\u{3002}' | '\u{ff0e}' | '\u{ff61}') {
                '.'
            } else {
                c
            }
        })
        .collect();
    // ASCII is lower-cased here too: the table-less back end expects `url` to hand it lower
    // case only.
    let labels: Vec<String> = dotted
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                label.to_ascii_lowercase()
            } else {
                let lower = label.to_lowercase();
                match idna::punycode::encode_str(&lower) {
                    Some(code) => format!("xn--{code}"),
                    // Left for `Url::parse` to refuse.
                    None => lower,
                }
            }
        })
        .collect();
    let host_at = start + host_start;
    format!(
        "{}{}{}",
        &text[..host_at],
        labels.join("."),
        &text[host_at + host.len()..]
    )
    .into()
}

/// The canonical string for a parsed URL (see the module docs).
pub(crate) fn canonical(url: &Url) -> String {
    let s = url.as_str();
    if url.path() == "/" && url.query().is_none() && url.fragment().is_none() {
        s.trim_end_matches('/').to_string()
    } else {
        s.to_string()
    }
}

/// The origin of a URL in canonical form, e.g. for comparing with a browser tab's origin.
pub(crate) fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// What the shared first pass learned about a URL field.
struct Parsed {
    url: Url,
    /// The host with lookalike characters replaced by their Latin twins, lower case, no
    /// trailing dot: what the admin meant to type.
    meant_host: Option<String>,
    findings: Vec<UrlFinding>,
}

/// A URL field's report: the canonical value and the findings put into words for `label`.
fn report(field: &'static str, label: &str, value: String, findings: &[UrlFinding]) -> FieldReport {
    let problems = findings
        .iter()
        .map(|f| messages::urls::problem(f, label))
        .collect();
    FieldReport::new(field, value, problems)
}

/// Longer than any address of these forms; the extension never sends more than this either.
const MAX_URL_BYTES: usize = 16 * 1024;

/// A pasted page or file rather than an address: refused by its size alone, before trimming or
/// scanning it (a megabyte must answer as fast as a URL).
fn too_long(input: &str) -> Option<UrlFinding> {
    (input.len() > MAX_URL_BYTES).then_some(UrlFinding::TooLong { bytes: input.len() })
}

/// Trims, reports stray and lookalike characters, adds a missing `https://` (reported), parses.
/// `Err` carries the findings when there is no URL to work with.
fn parse_common(input: &str, assume_https: bool) -> Result<Parsed, (String, Vec<UrlFinding>)> {
    if let Some(finding) = too_long(input) {
        return Err((String::new(), vec![finding]));
    }
    let trimmed = trim_invisible(input);
    let mut findings = Vec::new();
    if trimmed.is_empty() {
        findings.push(UrlFinding::Empty);
        return Err((String::new(), findings));
    }
    if trimmed.len() != input.len() {
        findings.push(UrlFinding::SurroundingWhitespace {
            trimmed: trimmed.to_string(),
        });
    }
    // Positions in messages count from the start of what was pasted, leading blanks included,
    // because that is what the admin sees in the field.
    let lead = input.chars().take_while(|c| is_invisible(*c)).count();
    let mut cleaned = String::with_capacity(trimmed.len());
    let mut meant = String::with_capacity(trimmed.len());
    let mut reported_invisible = false;
    for (k, c) in trimmed.chars().enumerate() {
        let pos = lead + k + 1;
        if is_invisible(c) {
            if !reported_invisible {
                findings.push(UrlFinding::InvisibleChar { c, position: pos });
                reported_invisible = true;
            }
            continue;
        }
        cleaned.push(c);
        match lookalike(c) {
            Some((latin, script)) => {
                findings.push(UrlFinding::LookalikeChar {
                    c,
                    position: pos,
                    latin,
                    script,
                });
                meant.push(latin);
            }
            None => meant.push(c),
        }
    }

    let (text, meant_text) = if has_scheme(&cleaned) {
        (cleaned, meant)
    } else {
        if assume_https {
            findings.push(UrlFinding::MissingScheme {
                written: cleaned.trim_start_matches('/').to_string(),
            });
        }
        let prefix = "https://";
        (
            format!("{prefix}{}", cleaned.trim_start_matches('/')),
            format!("{prefix}{}", meant.trim_start_matches('/')),
        )
    };
    let url = match parse_url(&text) {
        Ok(u) => u,
        Err(e) => {
            findings.push(UrlFinding::Invalid {
                excerpt: crate::text::ellipsize(trimmed, 80),
                reason: e.to_string(),
            });
            return Err((trimmed.to_string(), findings));
        }
    };
    let meant_host = parse_url(&meant_text).ok().and_then(|u| {
        u.host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
    });
    Ok(Parsed {
        url,
        meant_host,
        findings,
    })
}

/// True when the text starts with a URL scheme. `host:8443/…` is a host with a port, not a
/// scheme called "host", so a colon followed by a digit does not count.
fn has_scheme(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Findings every https-only site URL shares: scheme, user info, IP hosts.
fn site_basics(p: &mut Parsed) {
    let url = &p.url;
    if url.scheme() != "https" {
        let mut fixed = url.clone();
        p.findings.push(UrlFinding::NotHttps {
            scheme: url.scheme().to_string(),
            fixed: fixed.set_scheme("https").is_ok().then(|| canonical(&fixed)),
        });
    }
    if !url.username().is_empty() || url.password().is_some() {
        let mut fixed = url.clone();
        let _ = fixed.set_username("");
        let _ = fixed.set_password(None);
        p.findings.push(UrlFinding::Userinfo {
            real_host: url.host_str().map(str::to_string),
            fixed: canonical(&fixed),
        });
    }
    if matches!(url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        p.findings.push(UrlFinding::IpAddress);
    }
    if url.query().is_some() || url.fragment().is_some() {
        let mut fixed = url.clone();
        fixed.set_query(None);
        fixed.set_fragment(None);
        p.findings.push(UrlFinding::QueryOrFragment {
            fixed: canonical(&fixed),
        });
    }
}

#[cfg(test)]
mod tests;
