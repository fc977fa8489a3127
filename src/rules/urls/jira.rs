//! The Jira side: where a Jira URL's site root ends, the Jira API URL and Jira Link rules, and the callback URL.

use super::*;

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
    parse_common(input, true)
        .ok()
        .map(|p| split_jira_url(&p.url))
}

/// True when the URL is a Jira Cloud site (`*.atlassian.net`), `None` when it does not parse.
pub fn is_cloud_url(input: &str) -> Option<bool> {
    jira_site_root(input).map(|j| j.cloud)
}

pub(super) fn jira_host(p: &mut Parsed) {
    let Some(host) = p.meant_host.clone() else {
        return;
    };
    if matches!(p.url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        return;
    }
    if host == "api.atlassian.com" {
        p.findings
            .push(UrlFinding::JiraApiGateway { cloud_id: None });
        return;
    }
    let class = classify_host(&host, &CLOUD_DOMAINS);
    if lookalike_chars_in_host(p, &host, &class) {
        return;
    }
    let finding = match class {
        HostClass::Expected(_) => return,
        HostClass::Bare(_) => UrlFinding::JiraNoSite,
        HostClass::Other => UrlFinding::JiraDataCenter { host },
        near => {
            let atlassian_com = host.ends_with("atlassian.com");
            let Some(finding) = near_miss(&p.url, Site::Jira, &host, near, atlassian_com) else {
                return;
            };
            finding
        }
    };
    p.findings.push(finding);
}

/// Canonical value, findings so far, and the split URL.
pub(super) type JiraParts = (String, Vec<UrlFinding>, JiraUrl);

/// The shared first part of the Jira API URL and Jira Link rules: canonical value, the
/// findings of any https site URL and of its host, and where the site root ends.
pub(super) fn jira_common(input: &str) -> Result<JiraParts, (String, Vec<UrlFinding>)> {
    let mut p = parse_common(input, true)?;
    site_basics(&mut p);
    jira_host(&mut p);
    Ok((canonical(&p.url), p.findings, split_jira_url(&p.url)))
}

const API_URL_LABEL: &str = "Jira API URL";

/// Checks the connector's Jira API URL: the site root, with no `/rest/api/…` suffix.
pub fn check_jira_api_url(input: &str) -> FieldReport {
    const LABEL: &str = API_URL_LABEL;
    let (value, mut findings, j) = match jira_common(input) {
        Ok(parts) => parts,
        Err((value, findings)) => return report(API_URL_FIELD, LABEL, value, &findings),
    };
    // Only the Jira API URL may be the gateway form (Jira Link must open the site itself).
    for f in &mut findings {
        if let UrlFinding::JiraApiGateway { cloud_id } = f {
            *cloud_id = crate::verify::gateway_cloud_id(&value);
        }
    }
    if let Some(first) = j.rest.first().filter(|s| !s.is_empty()) {
        let kind = match first.to_ascii_lowercase().as_str() {
            "rest" => ApiPath::Rest,
            "browse" => ApiPath::Browse,
            "plugins" => ApiPath::Plugins,
            "jira" | "secure" | "projects" | "issues" | "servicedesk" | "s" | "wiki"
            | "login.jsp" | "dashboard.jspa" | "issues.jspa" => ApiPath::App,
            _ => ApiPath::Other,
        };
        findings.push(UrlFinding::ApiUrlPath {
            kind,
            path: format!("/{}", j.rest.join("/")),
            site_root: j.site_root,
        });
    }
    report(API_URL_FIELD, LABEL, value, &findings)
}

/// Checks the connector's Jira Link: the site root followed by `/browse/`.
pub fn check_jira_link(input: &str) -> FieldReport {
    const LABEL: &str = "Jira Link";
    let (value, mut findings, j) = match jira_common(input) {
        Ok(parts) => parts,
        Err((value, findings)) => return report(LINK_FIELD, LABEL, value, &findings),
    };
    let want = format!("{}/browse/", j.site_root);
    let rest: Vec<&str> = j.rest.iter().map(String::as_str).collect();
    let finding = match rest.as_slice() {
        ["browse", ""] => None,
        [] | [""] => Some(UrlFinding::LinkMissingBrowse { want }),
        ["browse"] => Some(UrlFinding::LinkBrowseNoSlash { want }),
        ["browse", key, ..] => Some(UrlFinding::LinkAfterBrowse {
            key: (*key).to_string(),
            want,
        }),
        _ => Some(UrlFinding::LinkOtherPath {
            rest: rest.join("/"),
            want,
        }),
    };
    findings.extend(finding);
    report(LINK_FIELD, LABEL, value, &findings)
}

/// Checks the optional Consumer Callback URL of Jira's Incoming Authentication.
pub fn check_callback_url(input: &str) -> FieldReport {
    const LABEL: &str = "Consumer Callback URL";
    if let Some(finding) = too_long(input) {
        return report(CALLBACK_FIELD, LABEL, String::new(), &[finding]);
    }
    let trimmed = trim_invisible(input);
    if trimmed.is_empty() {
        return report(CALLBACK_FIELD, LABEL, String::new(), &[]);
    }
    if !has_scheme(trimmed) {
        // Jira only accepts absolute URLs here; a bare host is a relative reference.
        let mut findings = match parse_common(input, false) {
            Ok(p) => p.findings,
            Err((_, findings)) => findings,
        };
        findings.push(UrlFinding::CallbackNotAbsolute {
            written: trimmed.trim_start_matches('/').to_string(),
        });
        return report(CALLBACK_FIELD, LABEL, trimmed.to_string(), &findings);
    }
    let mut p = match parse_common(input, false) {
        Ok(p) => p,
        Err((value, findings)) => return report(CALLBACK_FIELD, LABEL, value, &findings),
    };
    let scheme = p.url.scheme();
    p.findings.push(if scheme != "http" && scheme != "https" {
        UrlFinding::CallbackNotHttp {
            scheme: scheme.to_string(),
        }
    } else {
        UrlFinding::CallbackTrailingSlash
    });
    report(CALLBACK_FIELD, LABEL, canonical(&p.url), &p.findings)
}
