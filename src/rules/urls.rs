//! URL fields: the Jira Align URL (Jira's "Application URL"), the connector's Jira API URL and
//! Jira Link, and the optional Consumer Callback URL of Jira's Incoming Authentication.
//!
//! Canonical form, used everywhere (values, fixes, `setup_check` comparisons): what the `url`
//! crate serialises (scheme and host lower case, IDN hosts in punycode, default port dropped),
//! with the lone `/` of an empty path removed: `https://acme.jiraalign.com`,
//! `https://acme.atlassian.net`, `https://jira.example.com/jira`. Any other path is kept as is, so
//! the Jira Link's canonical form is `https://acme.atlassian.net/browse/`.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `url-empty` | error | nothing entered (the callback URL may be empty) |
//! | `url-too-long` | error | more than 16 KiB: a pasted page or file, not an address (answered without parsing) |
//! | `url-surrounding-whitespace` | warning | white space or invisible characters around the URL |
//! | `url-invisible-char` | error | a space or invisible character inside the URL |
//! | `url-lookalike` | error | a Cyrillic, Greek or fullwidth character that looks Latin |
//! | `url-missing-scheme` | error | no `https://` in front |
//! | `url-invalid` | error | not a URL at all |
//! | `url-not-https` | error | `http://` or another scheme where https is needed |
//! | `url-userinfo` | error | `user@` before the host: the real host is what follows the `@` |
//! | `url-ip-address` | warning | an IP address instead of a host name |
//! | `url-query-or-fragment` | error | a `?…` or `#…` part |
//! | `url-has-path` | error | a path where only the site root belongs |
//! | `align-url-lookalike-host` | error | a typo or lookalike of `jiraalign.com` / `agilecraft.com` |
//! | `align-url-suffix-trick` | error | `….jiraalign.com.other.tld`: the real host is someone else's |
//! | `align-url-no-company` | warning | bare `jiraalign.com` without the company's subdomain |
//! | `align-url-legacy-host` | info | a legacy `agilecraft.com` host |
//! | `align-url-self-hosted` | info | another host: fine for self-hosted Jira Align |
//! | `jira-url-lookalike-host` | error | a typo or lookalike of `atlassian.net` (including `atlassian.com`) |
//! | `jira-url-suffix-trick` | error | `….atlassian.net.other.tld` |
//! | `jira-url-no-site` | error | bare `atlassian.net` without the site name |
//! | `jira-url-api-gateway` | warning | `api.atlassian.com`: the scoped-token gateway, not the site |
//! | `jira-url-data-center` | info | not `*.atlassian.net`: read as Jira Data Center / Server |
//! | `jira-url-rest-path` | error | the API URL ends in `/rest/api/…`: Jira Align adds that itself |
//! | `jira-url-browse-path` | error | the API URL contains `/browse/…` (that is the Jira Link) |
//! | `jira-url-app-path` | error | a page of the Jira UI (`/jira/software/…`, `/secure/…`, `/projects/…`…) |
//! | `jira-url-plugins-path` | error | an admin page such as `/plugins/servlet/applinks/…` |
//! | `jira-link-missing-browse` | error | the Jira Link lacks `/browse/` |
//! | `jira-link-browse-no-slash` | error | the Jira Link ends in `/browse` without the final `/` |
//! | `jira-link-extra-path` | error | something other than `/browse/` after the site (an issue key, a board…) |
//! | `callback-url-not-absolute` | error | the callback URL is not an absolute URL |
//! | `callback-url-not-http` | error | the callback URL is neither http nor https |
//! | `callback-url-trailing-slash` | info | Jira stores the callback with a `/` appended |

use url::{Host, Url};

use super::{FieldReport, trim_invisible};
use crate::problem::Problem;
use crate::text::{describe_char, edit_distance, is_invisible, lookalike};

pub const ALIGN_FIELD: &str = "applicationUrl";
pub const API_URL_FIELD: &str = "jiraApiUrl";
pub const LINK_FIELD: &str = "jiraLink";
pub const CALLBACK_FIELD: &str = "callbackUrl";

const ALIGN_DOMAINS: [&str; 2] = ["jiraalign.com", "agilecraft.com"];
const CLOUD_DOMAINS: [&str; 1] = ["atlassian.net"];

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
    problems: Vec<Problem>,
}

/// Longer than any address of these forms; the extension never sends more than this either.
const MAX_URL_BYTES: usize = 16 * 1024;

/// A pasted page or file rather than an address: refused by its size alone, before trimming or
/// scanning it (a megabyte must answer as fast as a URL).
fn too_long(input: &str, label: &str) -> Option<Problem> {
    (input.len() > MAX_URL_BYTES).then(|| {
        Problem::error(
            "url-too-long",
            format!(
                "{label}: it is {} bytes long; an address is at most a few hundred characters.",
                input.len()
            ),
            "Clear the field and paste only the address, e.g. https://acme.jiraalign.com.",
        )
    })
}

/// Trims, reports stray and lookalike characters, adds a missing `https://` (reported), parses.
/// `Err` carries the problems when there is no URL to work with.
fn parse_common(
    input: &str,
    label: &str,
    assume_https: bool,
) -> Result<Parsed, (String, Vec<Problem>)> {
    if let Some(problem) = too_long(input, label) {
        return Err((String::new(), vec![problem]));
    }
    let trimmed = trim_invisible(input);
    let mut problems = Vec::new();
    if trimmed.is_empty() {
        problems.push(Problem::error(
            "url-empty",
            format!("{label}: it is empty."),
            "Paste the full address, starting with https://.",
        ));
        return Err((String::new(), problems));
    }
    if trimmed.len() != input.len() {
        problems.push(Problem::warning(
            "url-surrounding-whitespace",
            format!("{label}: there is white space or an invisible character around the address."),
            format!("Remove it so the field holds just {trimmed}."),
        ));
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
                problems.push(Problem::error(
                    "url-invisible-char",
                    format!(
                        "{label}: there is {} at position {pos} inside the address.",
                        describe_char(c)
                    ),
                    "Remove it, or retype the address.",
                ));
                reported_invisible = true;
            }
            continue;
        }
        cleaned.push(c);
        match lookalike(c) {
            Some((latin, script)) => {
                problems.push(Problem::error(
                    "url-lookalike",
                    format!(
                        "{label}: the '{c}' at position {pos} is {script}, not the Latin '{latin}' it looks like."
                    ),
                    format!("Type '{latin}' instead, or retype the whole address by hand."),
                ));
                meant.push(latin);
            }
            None => meant.push(c),
        }
    }

    let (text, meant_text) = if has_scheme(&cleaned) {
        (cleaned, meant)
    } else {
        if assume_https {
            problems.push(Problem::error(
                "url-missing-scheme",
                format!("{label}: it does not start with https://."),
                format!("Write it as https://{}.", cleaned.trim_start_matches('/')),
            ));
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
            problems.push(Problem::error(
                "url-invalid",
                format!(
                    "{label}: \"{}\" is not a valid address ({e}).",
                    crate::text::ellipsize(trimmed, 80)
                ),
                "Copy the address from the browser's address bar.",
            ));
            return Err((trimmed.to_string(), problems));
        }
    };
    let meant_host = parse_url(&meant_text).ok().and_then(|u| {
        u.host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
    });
    Ok(Parsed {
        url,
        meant_host,
        problems,
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

/// Problems every https-only site URL shares: scheme, user info, IP hosts.
fn site_basics(p: &mut Parsed, label: &str) {
    let url = &p.url;
    if url.scheme() != "https" {
        let mut fixed = url.clone();
        let fix = if fixed.set_scheme("https").is_ok() {
            format!("Use {} (https, not {}).", canonical(&fixed), url.scheme())
        } else {
            "Use the https:// address of the site.".to_string()
        };
        p.problems.push(Problem::error(
            "url-not-https",
            format!(
                "{label}: it uses {}://; only https works here.",
                url.scheme()
            ),
            fix,
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        let mut fixed = url.clone();
        let _ = fixed.set_username("");
        let _ = fixed.set_password(None);
        p.problems.push(Problem::error(
            "url-userinfo",
            format!(
                "{label}: everything before the '@' is a user name, so this address really goes to {}.",
                url.host_str().unwrap_or("another host")
            ),
            format!("Use {} without the part before '@'.", canonical(&fixed)),
        ));
    }
    if matches!(url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        p.problems.push(Problem::warning(
            "url-ip-address",
            format!("{label}: it uses an IP address instead of a host name."),
            "Use the site's host name; OAuth signatures and certificates are tied to it.",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        let mut fixed = url.clone();
        fixed.set_query(None);
        fixed.set_fragment(None);
        p.problems.push(Problem::error(
            "url-query-or-fragment",
            format!("{label}: it has a '?…' or '#…' part."),
            format!("Use {}.", canonical(&fixed)),
        ));
    }
}

/// How a host relates to the domains a field expects.
#[derive(Debug, PartialEq, Eq)]
enum HostClass {
    /// `<name>.<domain>`; the index says which domain.
    Expected(usize),
    /// The domain itself, without a subdomain.
    Bare(usize),
    /// `<name>.<domain>.<more>`: the registrable domain is someone else's.
    SuffixTrick {
        intended: String,
    },
    /// A typo or lookalike of one of the domains.
    Lookalike {
        intended: String,
    },
    Other,
}

fn classify_host(host: &str, domains: &[&str]) -> HostClass {
    let host = host.trim_end_matches('.');
    for (i, d) in domains.iter().enumerate() {
        if host == *d {
            return HostClass::Bare(i);
        }
        if host.strip_suffix(d).is_some_and(|h| h.ends_with('.')) {
            return HostClass::Expected(i);
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    for d in domains {
        let Some((name, tld)) = d.split_once('.') else {
            continue;
        };
        // Suffix trick: the exact domain appears, followed by more labels.
        for i in 0..n.saturating_sub(2) {
            if labels.get(i) == Some(&name) && labels.get(i + 1) == Some(&tld) {
                let head = labels.get(..i).unwrap_or_default().join(".");
                return HostClass::SuffixTrick {
                    intended: join_host(&head, d),
                };
            }
        }
        // Lookalike: the label in the registrable position is the domain's name or a slip of it.
        // Only the registrable position counts, so a Data Center host like
        // `atlassian.example.com` is not accused of anything.
        let registrable = if n >= 3
            && labels.get(n - 1).is_some_and(|t| t.len() == 2)
            && labels.get(n - 2).is_some_and(|s| s.len() <= 3)
        {
            n - 3 // e.g. jiraalign.co.uk
        } else {
            n.saturating_sub(2)
        };
        let Some(label) = labels.get(registrable) else {
            continue;
        };
        if n < 2 {
            continue;
        }
        let squashed = label.replace('-', "");
        if squashed == name
            || edit_distance(&squashed, name) <= 2
            || edit_distance(label, name) <= 2
        {
            let head = labels.get(..registrable).unwrap_or_default().join(".");
            return HostClass::Lookalike {
                intended: join_host(&head, d),
            };
        }
    }
    HostClass::Other
}

fn join_host(head: &str, domain: &str) -> String {
    if head.is_empty() {
        domain.to_string()
    } else {
        format!("{head}.{domain}")
    }
}

/// `https://<host>` with the port kept, for fixes that replace the host.
fn with_host(url: &Url, host: &str) -> String {
    let mut fixed = url.clone();
    if fixed.set_host(Some(host)).is_err() {
        return format!("https://{host}");
    }
    let _ = fixed.set_scheme("https");
    let _ = fixed.set_username("");
    let _ = fixed.set_password(None);
    fixed.set_path("");
    fixed.set_query(None);
    fixed.set_fragment(None);
    canonical(&fixed)
}

/// A host that is right once its lookalike characters are read as Latin ones: says which host
/// was meant (the per-character problems are already reported). True when it reported.
fn lookalike_chars_in_host(p: &mut Parsed, label: &str, meant: &str, class: &HostClass) -> bool {
    let typed = p
        .url
        .host_str()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_string();
    if typed == meant || !matches!(class, HostClass::Expected(_) | HostClass::Bare(_)) {
        return false;
    }
    let code = if matches!(class, HostClass::Expected(_))
        && ALIGN_DOMAINS.iter().any(|d| meant.ends_with(d))
    {
        "align-url-lookalike-host"
    } else {
        "jira-url-lookalike-host"
    };
    let fix = format!("Use {}.", with_host(&p.url, meant));
    p.problems.push(Problem::error(
        code,
        format!("{label}: the host {typed} only looks like {meant}; it contains letters from another alphabet."),
        fix,
    ));
    true
}

/// Checks the Jira Align URL, i.e. Jira's "Application URL" for the link.
pub fn check_align_url(input: &str) -> FieldReport {
    const LABEL: &str = "Application URL (Jira Align)";
    let mut p = match parse_common(input, LABEL, true) {
        Ok(p) => p,
        Err((value, problems)) => return FieldReport::new(ALIGN_FIELD, value, problems),
    };
    site_basics(&mut p, LABEL);
    align_host(&mut p, LABEL);
    if p.url.path() != "/" && !p.url.path().is_empty() {
        p.problems.push(Problem::error(
            "url-has-path",
            format!(
                "{LABEL}: it has the path {}; the link needs the site root only.",
                p.url.path()
            ),
            format!("Use {}.", origin_of(&p.url)),
        ));
    }
    FieldReport::new(ALIGN_FIELD, canonical(&p.url), p.problems)
}

fn align_host(p: &mut Parsed, label: &str) {
    let Some(host) = p.meant_host.clone() else {
        return;
    };
    if matches!(p.url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        return;
    }
    let class = classify_host(&host, &ALIGN_DOMAINS);
    if lookalike_chars_in_host(p, label, &host, &class) {
        return;
    }
    match class {
        HostClass::Expected(1) => p.problems.push(Problem::info(
            "align-url-legacy-host",
            format!("{label}: {host} is a legacy AgileCraft address."),
            "Fine if that is where your Jira Align lives; if it moved to jiraalign.com, use the new address on both sides.",
        )),
        HostClass::Expected(_) => {}
        HostClass::Bare(_) => p.problems.push(Problem::warning(
            "align-url-no-company",
            format!("{label}: {host} has no company part."),
            "Use your own Jira Align address, e.g. https://acme.jiraalign.com (copy it from the Jira Align tab).",
        )),
        HostClass::SuffixTrick { intended } => p.problems.push(Problem::error(
            "align-url-suffix-trick",
            format!(
                "{label}: the host {} only starts like {intended}; it belongs to another domain.",
                p.url.host_str().unwrap_or(&host)
            ),
            format!("Use {}.", with_host(&p.url, &intended)),
        )),
        HostClass::Lookalike { intended } => p.problems.push(Problem::error(
            "align-url-lookalike-host",
            format!(
                "{label}: {} looks like a typo of {intended}.",
                p.url.host_str().unwrap_or(&host)
            ),
            format!("Use {}.", with_host(&p.url, &intended)),
        )),
        HostClass::Other => p.problems.push(Problem::info(
            "align-url-self-hosted",
            format!("{label}: {host} is not a jiraalign.com address; read as a self-hosted Jira Align."),
            "Fine for self-hosted Jira Align; otherwise use https://<company>.jiraalign.com.",
        )),
    }
}

/// Where a Jira URL's site root ends and what follows it.
pub(crate) struct JiraUrl {
    /// `https://acme.atlassian.net` or `https://jira.example.com/jira`.
    pub site_root: String,
    /// Path segments after the site root (a trailing `/` shows as a final empty segment).
    pub rest: Vec<String>,
    pub cloud: bool,
}

pub(crate) fn split_jira_url(url: &Url) -> JiraUrl {
    let cloud = url
        .host_str()
        .is_some_and(|h| matches!(classify_host(h, &CLOUD_DOMAINS), HostClass::Expected(_)));
    let segments: Vec<String> = url
        .path_segments()
        .map(|s| s.map(str::to_string).collect())
        .unwrap_or_default();
    let segments: Vec<String> = match segments.as_slice() {
        [only] if only.is_empty() => Vec::new(),
        _ => segments,
    };
    // Cloud sites have no context path; on Data Center everything before the first known UI
    // or API segment is the context path.
    let cut = if cloud {
        0
    } else {
        segments
            .iter()
            .enumerate()
            .position(|(i, s)| {
                let s = s.to_ascii_lowercase();
                JIRA_APP_ROOTS.contains(&s.as_str())
                    || (s == "jira"
                        && segments.get(i + 1).is_some_and(|n| {
                            JIRA_UI_AFTER_JIRA.contains(&n.to_ascii_lowercase().as_str())
                        }))
            })
            .unwrap_or_else(|| {
                // No known segment: the whole path is the context, minus a trailing '/'.
                if segments.last().is_some_and(String::is_empty) {
                    segments.len() - 1
                } else {
                    segments.len()
                }
            })
    };
    let context: Vec<&str> = segments.iter().take(cut).map(String::as_str).collect();
    let rest: Vec<String> = segments.iter().skip(cut).cloned().collect();
    let origin = origin_of(url);
    let site_root = if context.is_empty() {
        origin
    } else {
        format!("{origin}/{}", context.join("/"))
    };
    JiraUrl {
        site_root,
        rest,
        cloud,
    }
}

/// The site root of a Jira API URL or Jira Link, if it parses (used by `setup_check`).
pub(crate) fn jira_site_root(input: &str) -> Option<JiraUrl> {
    parse_common(input, "", true)
        .ok()
        .map(|p| split_jira_url(&p.url))
}

/// True when the URL is a Jira Cloud site (`*.atlassian.net`), `None` when it does not parse.
pub fn is_cloud_url(input: &str) -> Option<bool> {
    jira_site_root(input).map(|j| j.cloud)
}

fn jira_host(p: &mut Parsed, label: &str) {
    let Some(host) = p.meant_host.clone() else {
        return;
    };
    if matches!(p.url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        return;
    }
    let shown = p.url.host_str().unwrap_or(&host).to_string();
    if host == "api.atlassian.com" {
        p.problems.push(Problem::warning(
            "jira-url-api-gateway",
            format!("{label}: api.atlassian.com is Atlassian's gateway for scoped API tokens, not your Jira site."),
            "Use your site's address, https://<site>.atlassian.net (copy it from the Jira tab).",
        ));
        return;
    }
    let class = classify_host(&host, &CLOUD_DOMAINS);
    if lookalike_chars_in_host(p, label, &host, &class) {
        return;
    }
    match class {
        HostClass::Expected(_) => {}
        HostClass::Bare(_) => p.problems.push(Problem::error(
            "jira-url-no-site",
            format!("{label}: atlassian.net needs your site name in front."),
            "Use https://<site>.atlassian.net (copy it from the Jira tab).",
        )),
        HostClass::SuffixTrick { intended } => p.problems.push(Problem::error(
            "jira-url-suffix-trick",
            format!("{label}: the host {shown} only starts like {intended}; it belongs to another domain."),
            format!("Use {}.", with_host(&p.url, &intended)),
        )),
        HostClass::Lookalike { intended } => {
            let why = if host.ends_with("atlassian.com") {
                "atlassian.com is Atlassian's own website; Jira Cloud sites live under atlassian.net".to_string()
            } else {
                format!("it looks like a typo of {intended}")
            };
            p.problems.push(Problem::error(
                "jira-url-lookalike-host",
                format!("{label}: {shown}: {why}."),
                format!("Use {}.", with_host(&p.url, &intended)),
            ));
        }
        HostClass::Other => p.problems.push(Problem::info(
            "jira-url-data-center",
            format!("{label}: {host} is not an atlassian.net site; read as Jira Data Center or Server."),
            "Fine for Data Center; for Jira Cloud use https://<site>.atlassian.net.",
        )),
    }
}

/// Canonical value, problems so far, and the split URL.
type JiraParts = (String, Vec<Problem>, JiraUrl);

/// The shared first part of the Jira API URL and Jira Link rules: canonical value, the
/// problems of any https site URL and of its host, and where the site root ends.
fn jira_common(input: &str, label: &str) -> Result<JiraParts, (String, Vec<Problem>)> {
    let mut p = parse_common(input, label, true)?;
    site_basics(&mut p, label);
    jira_host(&mut p, label);
    Ok((canonical(&p.url), p.problems, split_jira_url(&p.url)))
}

/// Checks the connector's Jira API URL: the site root, with no `/rest/api/…` suffix.
pub fn check_jira_api_url(input: &str) -> FieldReport {
    const LABEL: &str = "Jira API URL";
    let (value, mut problems, j) = match jira_common(input, LABEL) {
        Ok(parts) => parts,
        Err((value, problems)) => return FieldReport::new(API_URL_FIELD, value, problems),
    };
    if let Some(first) = j.rest.first().filter(|s| !s.is_empty()) {
        let path = format!("/{}", j.rest.join("/"));
        let (code, why) = match first.to_ascii_lowercase().as_str() {
            "rest" => ("jira-url-rest-path", "Jira Align adds /rest/api/… itself"),
            "browse" => (
                "jira-url-browse-path",
                "/browse/ belongs in the Jira Link, not here",
            ),
            "plugins" => (
                "jira-url-plugins-path",
                "that is an admin page, not the site root",
            ),
            "jira" | "secure" | "projects" | "issues" | "servicedesk" | "s" | "wiki"
            | "login.jsp" | "dashboard.jspa" | "issues.jspa" => (
                "jira-url-app-path",
                "that is a page of Jira's UI, not the site root",
            ),
            _ => ("url-has-path", "the API URL is the site root"),
        };
        problems.push(Problem::error(
            code,
            format!("{LABEL}: it ends in {path}; {why}."),
            format!("Use {}.", j.site_root),
        ));
    }
    FieldReport::new(API_URL_FIELD, value, problems)
}

/// Checks the connector's Jira Link: the site root followed by `/browse/`.
pub fn check_jira_link(input: &str) -> FieldReport {
    const LABEL: &str = "Jira Link";
    let (value, mut problems, j) = match jira_common(input, LABEL) {
        Ok(parts) => parts,
        Err((value, problems)) => return FieldReport::new(LINK_FIELD, value, problems),
    };
    let want = format!("{}/browse/", j.site_root);
    let rest: Vec<&str> = j.rest.iter().map(String::as_str).collect();
    match rest.as_slice() {
        ["browse", ""] => {}
        [] | [""] => problems.push(Problem::error(
            "jira-link-missing-browse",
            format!("{LABEL}: it is missing /browse/ at the end."),
            format!("Use {want}."),
        )),
        ["browse"] => problems.push(Problem::error(
            "jira-link-browse-no-slash",
            format!("{LABEL}: it ends in /browse without the final '/', so issue links come out as …/browseABC-1."),
            format!("Use {want}."),
        )),
        ["browse", key, ..] => problems.push(Problem::error(
            "jira-link-extra-path",
            format!("{LABEL}: it includes '{key}' after /browse/; the link must end at /browse/ so Jira Align can add each issue key."),
            format!("Use {want}."),
        )),
        _ => problems.push(Problem::error(
            "jira-link-extra-path",
            format!("{LABEL}: it ends in /{} instead of /browse/.", rest.join("/")),
            format!("Use {want}."),
        )),
    }
    FieldReport::new(LINK_FIELD, value, problems)
}

/// Checks the optional Consumer Callback URL of Jira's Incoming Authentication.
pub fn check_callback_url(input: &str) -> FieldReport {
    const LABEL: &str = "Consumer Callback URL";
    if let Some(problem) = too_long(input, LABEL) {
        return FieldReport::new(CALLBACK_FIELD, String::new(), vec![problem]);
    }
    if trim_invisible(input).is_empty() {
        return FieldReport::new(CALLBACK_FIELD, String::new(), Vec::new());
    }
    let trimmed = trim_invisible(input);
    if !has_scheme(trimmed) {
        // Jira only accepts absolute URLs here; a bare host is a relative reference.
        let mut problems = match parse_common(input, LABEL, false) {
            Ok(p) => p.problems,
            Err((_, problems)) => problems,
        };
        problems.push(Problem::error(
            "callback-url-not-absolute",
            format!("{LABEL}: it is not an absolute URL."),
            format!(
                "Leave it empty, or write the full address, e.g. https://{}.",
                trimmed.trim_start_matches('/')
            ),
        ));
        return FieldReport::new(CALLBACK_FIELD, trimmed.to_string(), problems);
    }
    let p = match parse_common(input, LABEL, false) {
        Ok(p) => p,
        Err((value, problems)) => return FieldReport::new(CALLBACK_FIELD, value, problems),
    };
    let mut problems = p.problems;
    let scheme = p.url.scheme();
    if scheme != "http" && scheme != "https" {
        problems.push(Problem::error(
            "callback-url-not-http",
            format!("{LABEL}: it uses {scheme}:, but Jira accepts only http and https callbacks."),
            "Leave it empty (Jira Align does not need it), or use an https:// address.",
        ));
    } else {
        problems.push(Problem::info(
            "callback-url-trailing-slash",
            format!("{LABEL}: Jira stores it with a '/' appended."),
            "Nothing to do; expect to see the '/' when you reopen the form.",
        ));
    }
    FieldReport::new(CALLBACK_FIELD, canonical(&p.url), problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_codes, assert_good};
    use proptest::prelude::*;

    /// Found by the bad-input catalog: 1 MiB of NULs pasted into a URL field took ~5-10 ms
    /// optimised to trim; anything past 16 KiB is now refused by its length alone.
    #[test]
    fn huge_inputs_are_refused_by_size() {
        let nul = "\u{0}".repeat(1 << 20);
        let junk = format!("https://acme.jiraalign.com/{}", "a".repeat(20_000));
        for input in [&nul, &junk] {
            for rule in [
                check_align_url,
                check_jira_api_url,
                check_jira_link,
                check_callback_url,
            ] {
                let r = rule(input);
                let codes: Vec<_> = r.problems.iter().map(|p| p.code).collect();
                assert_eq!(codes, ["url-too-long"]);
                assert!(r.value.is_empty());
            }
        }
        // Just under the limit is still parsed normally.
        let long_path = format!("https://acme.jiraalign.com/{}", "a".repeat(16_000));
        assert!(check_align_url(&long_path).has("url-has-path"));
    }

    #[test]
    fn bad_align_urls() {
        assert_codes(
            check_align_url,
            &[
                ("", "url-empty"),
                ("   ", "url-empty"),
                ("https://acme.jiraalign.com ", "url-surrounding-whitespace"),
                ("https://acme.jira align.com", "url-invisible-char"),
                ("https://acme.jiraalign.com\u{200b}/x", "url-invisible-char"),
                ("acme.jiraalign.com", "url-missing-scheme"),
                ("http://acme.jiraalign.com", "url-not-https"),
                ("https://", "url-invalid"),
                ("https://exa mple..com:99999", "url-invalid"),
                ("https://x@acme.jiraalign.com", "url-userinfo"),
                ("https://acme.jiraalign.com@evil.io", "url-userinfo"),
                ("https://10.0.0.1", "url-ip-address"),
                ("https://[::1]", "url-ip-address"),
                ("https://acme.jiraalign.com/?tab=1", "url-query-or-fragment"),
                ("https://acme.jiraalign.com/#x", "url-query-or-fragment"),
                (
                    "https://acme.jiraalign.com/Admin/Connectors",
                    "url-has-path",
                ),
                ("https://acme.jiraalign.co", "align-url-lookalike-host"),
                ("https://acme.jira-align.com", "align-url-lookalike-host"),
                ("https://acme.jiraailgn.com", "align-url-lookalike-host"),
                ("https://acme.agilecraf.com", "align-url-lookalike-host"),
                ("https://acme.jiraalign.co.uk", "align-url-lookalike-host"),
                ("https://acme.jirаalign.com", "url-lookalike"),
                ("https://acme.jirаalign.com", "align-url-lookalike-host"),
                (
                    "https://acme.jiraalign.com.evil.io",
                    "align-url-suffix-trick",
                ),
                ("https://jiraalign.com", "align-url-no-company"),
                ("https://acme.agilecraft.com", "align-url-legacy-host"),
                ("https://align.example.com", "align-url-self-hosted"),
            ],
        );
    }

    #[test]
    fn align_url_messages_give_the_intended_host() {
        let r = check_align_url("https://acme.jiraailgn.com");
        assert_eq!(r.problems[0].fix, "Use https://acme.jiraalign.com.");
        let r = check_align_url("https://acme.jirаalign.com/");
        assert!(
            r.problems
                .iter()
                .any(|p| p.message.contains("the 'а' at position 17 is Cyrillic")),
            "{:?}",
            r.problems
        );
        assert!(
            r.problems
                .iter()
                .any(|p| p.fix == "Use https://acme.jiraalign.com.")
        );
        let r = check_align_url("https://acme.jiraalign.com.evil.io");
        assert!(r.problems[0].message.contains("acme.jiraalign.com.evil.io"));
        assert_eq!(r.problems[0].fix, "Use https://acme.jiraalign.com.");
        let r = check_align_url("https://x@acme.jiraalign.com");
        assert_eq!(
            r.problems[0].fix,
            "Use https://acme.jiraalign.com without the part before '@'."
        );
        let r = check_align_url("http://acme.jiraalign.com/");
        assert_eq!(
            r.problems[0].fix,
            "Use https://acme.jiraalign.com (https, not http)."
        );
    }

    #[test]
    fn good_align_urls() {
        assert_good(
            check_align_url,
            &[
                ("https://acme.jiraalign.com", "https://acme.jiraalign.com"),
                ("https://acme.jiraalign.com/", "https://acme.jiraalign.com"),
                ("HTTPS://ACME.JiraAlign.COM/", "https://acme.jiraalign.com"),
                (
                    "https://acme.jiraalign.com:443/",
                    "https://acme.jiraalign.com",
                ),
                (
                    "  https://acme.jiraalign.com\n",
                    "https://acme.jiraalign.com",
                ),
                ("https://acme.agilecraft.com", "https://acme.agilecraft.com"),
                ("https://align.example.com", "https://align.example.com"),
                (
                    "https://align.bücher.example",
                    "https://align.xn--bcher-kva.example",
                ),
                // IDN without ICU4X tables (see `parse_url`): upper case, other dots, and the
                // punycode form itself all give the same canonical host.
                (
                    "https://ALIGN.BÜCHER.example/",
                    "https://align.xn--bcher-kva.example",
                ),
                (
                    "https://align。bücher．example",
                    "https://align.xn--bcher-kva.example",
                ),
                (
                    "https://align.xn--bcher-kva.example",
                    "https://align.xn--bcher-kva.example",
                ),
                (
                    "https://acme-eu.jiraalign.com",
                    "https://acme-eu.jiraalign.com",
                ),
            ],
        );
    }

    #[test]
    fn bad_jira_api_urls() {
        assert_codes(
            check_jira_api_url,
            &[
                ("", "url-empty"),
                ("acme.atlassian.net", "url-missing-scheme"),
                ("http://acme.atlassian.net", "url-not-https"),
                ("https://me@acme.atlassian.net", "url-userinfo"),
                ("https://acme.atlassian.net/?x=1", "url-query-or-fragment"),
                ("https://acme.atlassian.com", "jira-url-lookalike-host"),
                ("https://acme.atlasian.net", "jira-url-lookalike-host"),
                ("https://acme.atlassain.net", "jira-url-lookalike-host"),
                (
                    "https://acme.atlassian.net.evil.io",
                    "jira-url-suffix-trick",
                ),
                ("https://atlassian.net", "jira-url-no-site"),
                (
                    "https://api.atlassian.com/ex/jira/1234",
                    "jira-url-api-gateway",
                ),
                (
                    "https://acme.atlassian.net/rest/api/2",
                    "jira-url-rest-path",
                ),
                (
                    "https://acme.atlassian.net/rest/api/3/",
                    "jira-url-rest-path",
                ),
                (
                    "https://jira.example.com/jira/rest/api/latest",
                    "jira-url-rest-path",
                ),
                (
                    "https://acme.atlassian.net/browse/ABC-1",
                    "jira-url-browse-path",
                ),
                (
                    "https://acme.atlassian.net/jira/software/projects/ABC/boards/1",
                    "jira-url-app-path",
                ),
                (
                    "https://acme.atlassian.net/secure/Dashboard.jspa",
                    "jira-url-app-path",
                ),
                ("https://acme.atlassian.net/jira", "jira-url-app-path"),
                (
                    "https://acme.atlassian.net/plugins/servlet/applinks/listApplicationLinks",
                    "jira-url-plugins-path",
                ),
                ("https://acme.atlassian.net/wat", "url-has-path"),
                ("https://jira.example.com", "jira-url-data-center"),
                ("https://acme.аtlassian.net", "url-lookalike"),
                ("https://acme.аtlassian.net", "jira-url-lookalike-host"),
            ],
        );
    }

    #[test]
    fn jira_api_url_fixes_give_the_site_root() {
        for (input, fix) in [
            (
                "https://acme.atlassian.net/rest/api/2",
                "Use https://acme.atlassian.net.",
            ),
            (
                "https://ACME.atlassian.net/browse/ABC-1",
                "Use https://acme.atlassian.net.",
            ),
            (
                "https://jira.example.com/jira/rest/api/2",
                "Use https://jira.example.com/jira.",
            ),
            (
                "https://jira.example.com/jira/secure/Dashboard.jspa",
                "Use https://jira.example.com/jira.",
            ),
            (
                "https://acme.atlassian.com",
                "Use https://acme.atlassian.net.",
            ),
        ] {
            let r = check_jira_api_url(input);
            assert!(
                r.problems.iter().any(|p| p.fix == fix),
                "{input}: {:?}",
                r.problems
            );
        }
    }

    #[test]
    fn good_jira_api_urls() {
        assert_good(
            check_jira_api_url,
            &[
                ("https://acme.atlassian.net", "https://acme.atlassian.net"),
                ("https://acme.atlassian.net/", "https://acme.atlassian.net"),
                ("https://Acme.Atlassian.net", "https://acme.atlassian.net"),
                ("https://jira.example.com", "https://jira.example.com"),
                (
                    "https://jira.example.com/jira",
                    "https://jira.example.com/jira",
                ),
                (
                    "https://jira.example.com:8443/",
                    "https://jira.example.com:8443",
                ),
            ],
        );
    }

    #[test]
    fn bad_jira_links() {
        assert_codes(
            check_jira_link,
            &[
                ("", "url-empty"),
                ("acme.atlassian.net/browse/", "url-missing-scheme"),
                ("http://acme.atlassian.net/browse/", "url-not-https"),
                ("https://acme.atlassian.net", "jira-link-missing-browse"),
                ("https://acme.atlassian.net/", "jira-link-missing-browse"),
                ("https://jira.example.com/jira", "jira-link-missing-browse"),
                (
                    "https://acme.atlassian.net/browse",
                    "jira-link-browse-no-slash",
                ),
                (
                    "https://acme.atlassian.net/browse/ABC-123",
                    "jira-link-extra-path",
                ),
                (
                    "https://acme.atlassian.net/rest/api/2",
                    "jira-link-extra-path",
                ),
                (
                    "https://acme.atlassian.net/jira/software/projects/ABC",
                    "jira-link-extra-path",
                ),
                ("https://acme.atlassian.net/secure/", "jira-link-extra-path"),
                (
                    "https://acme.atlassian.net/browse/?x",
                    "url-query-or-fragment",
                ),
                (
                    "https://acme.atlassian.com/browse/",
                    "jira-url-lookalike-host",
                ),
                (
                    "https://acme.atlassian.net.evil.io/browse/",
                    "jira-url-suffix-trick",
                ),
                ("https://x@acme.atlassian.net/browse/", "url-userinfo"),
                (
                    "https://acme.atlassian.net/browse/ ",
                    "url-surrounding-whitespace",
                ),
            ],
        );
        let r = check_jira_link("https://acme.atlassian.net");
        assert_eq!(r.problems[0].fix, "Use https://acme.atlassian.net/browse/.");
        let r = check_jira_link("https://acme.atlassian.net/browse/ABC-123");
        assert!(r.problems[0].message.contains("'ABC-123'"));
    }

    #[test]
    fn good_jira_links() {
        assert_good(
            check_jira_link,
            &[
                (
                    "https://acme.atlassian.net/browse/",
                    "https://acme.atlassian.net/browse/",
                ),
                (
                    "HTTPS://ACME.atlassian.net/browse/",
                    "https://acme.atlassian.net/browse/",
                ),
                (
                    "https://jira.example.com/jira/browse/",
                    "https://jira.example.com/jira/browse/",
                ),
                (
                    "https://jira.example.com/browse/",
                    "https://jira.example.com/browse/",
                ),
            ],
        );
    }

    #[test]
    fn callback_urls() {
        assert_codes(
            check_callback_url,
            &[
                ("acme.jiraalign.com", "callback-url-not-absolute"),
                ("/callback", "callback-url-not-absolute"),
                ("ftp://acme.jiraalign.com", "callback-url-not-http"),
                ("javascript:alert(1)", "callback-url-not-http"),
                ("https://acme.jiraalign.com", "callback-url-trailing-slash"),
                ("https://acme.jiraalign.com ", "url-surrounding-whitespace"),
                ("https://acme.jirаalign.com", "url-lookalike"),
                ("https://ac me.jiraalign.com", "url-invisible-char"),
                ("https://", "url-invalid"),
                ("mailto:admin@acme.com", "callback-url-not-http"),
                ("file:///etc/passwd", "callback-url-not-http"),
                ("data:text/html,hi", "callback-url-not-http"),
                ("localhost:8080/cb", "callback-url-not-absolute"),
                ("www.acme.com/callback", "callback-url-not-absolute"),
                ("//acme.jiraalign.com/cb", "callback-url-not-absolute"),
                (
                    "\u{200b}https://acme.jiraalign.com",
                    "url-surrounding-whitespace",
                ),
                ("https://acme.jira\u{200b}align.com", "url-invisible-char"),
                ("http://[::1", "url-invalid"),
            ],
        );
        assert_good(
            check_callback_url,
            &[
                ("", ""),
                ("  ", ""),
                ("https://acme.jiraalign.com/", "https://acme.jiraalign.com"),
                ("http://localhost:8080/cb", "http://localhost:8080/cb"),
            ],
        );
    }

    #[test]
    fn site_roots() {
        let root = |s: &str| jira_site_root(s).map(|j| j.site_root);
        assert_eq!(
            root("https://acme.atlassian.net/browse/"),
            Some("https://acme.atlassian.net".into())
        );
        assert_eq!(
            root("https://jira.example.com/jira/browse/"),
            Some("https://jira.example.com/jira".into())
        );
        assert_eq!(
            root("https://jira.example.com/"),
            Some("https://jira.example.com".into())
        );
        assert_eq!(is_cloud_url("https://acme.atlassian.net"), Some(true));
        assert_eq!(is_cloud_url("https://jira.example.com"), Some(false));
        assert_eq!(is_cloud_url("https://"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = check_align_url(&s);
            let _ = check_jira_api_url(&s);
            let _ = check_jira_link(&s);
            let _ = check_callback_url(&s);
        }

        #[test]
        fn never_panics_on_url_shaped_input(s in "(https?://)?[a-zA-Z0-9.@:/?#\\[\\]\u{430} -]{0,40}") {
            let _ = check_align_url(&s);
            let _ = check_jira_api_url(&s);
            let _ = check_jira_link(&s);
            let _ = check_callback_url(&s);
        }

        #[test]
        fn normalising_is_idempotent_and_valid_stays_valid(
            s in "(https?://)?[a-zA-Z]{1,8}\\.(jiraalign\\.com|atlassian\\.net|example\\.com)(:[0-9]{1,4})?(/|/browse/|/jira|/rest/api/2)?( )?"
        ) {
            for rule in [check_align_url, check_jira_api_url, check_jira_link, check_callback_url] {
                let r = rule(&s);
                let again = rule(&r.value);
                prop_assert_eq!(&again.value, &r.value, "{:?}", s);
                if r.ok {
                    prop_assert!(again.ok, "{:?} -> {:?}: {:?}", s, r.value, again.problems);
                }
            }
        }
    }
}
