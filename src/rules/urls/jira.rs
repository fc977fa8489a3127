//! The Jira side: where a Jira URL's site root ends, the Jira API URL and Jira Link rules, and the callback URL.

use super::*;
use crate::vocabulary::ProblemCode;

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

pub(super) fn jira_host(p: &mut Parsed, label: &str) {
    let Some(host) = p.meant_host.clone() else {
        return;
    };
    if matches!(p.url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        return;
    }
    let shown = p.url.host_str().unwrap_or(&host).to_string();
    if host == "api.atlassian.com" {
        p.problems.push(Problem::warning(
            ProblemCode::JiraUrlApiGateway,
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
            ProblemCode::JiraUrlNoSite,
            format!("{label}: atlassian.net needs your site name in front."),
            "Use https://<site>.atlassian.net (copy it from the Jira tab).",
        )),
        HostClass::SuffixTrick { intended } => p.problems.push(Problem::error(
            ProblemCode::JiraUrlSuffixTrick,
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
                ProblemCode::JiraUrlLookalikeHost,
                format!("{label}: {shown}: {why}."),
                format!("Use {}.", with_host(&p.url, &intended)),
            ));
        }
        HostClass::Other => p.problems.push(Problem::info(
            ProblemCode::JiraUrlDataCenter,
            format!("{label}: {host} is not an atlassian.net site; read as Jira Data Center or Server."),
            "Fine for Data Center; for Jira Cloud use https://<site>.atlassian.net.",
        )),
    }
}

/// Canonical value, problems so far, and the split URL.
pub(super) type JiraParts = (String, Vec<Problem>, JiraUrl);

/// The shared first part of the Jira API URL and Jira Link rules: canonical value, the
/// problems of any https site URL and of its host, and where the site root ends.
pub(super) fn jira_common(input: &str, label: &str) -> Result<JiraParts, (String, Vec<Problem>)> {
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
            "rest" => (
                ProblemCode::JiraUrlRestPath,
                "Jira Align adds /rest/api/… itself",
            ),
            "browse" => (
                ProblemCode::JiraUrlBrowsePath,
                "/browse/ belongs in the Jira Link, not here",
            ),
            "plugins" => (
                ProblemCode::JiraUrlPluginsPath,
                "that is an admin page, not the site root",
            ),
            "jira" | "secure" | "projects" | "issues" | "servicedesk" | "s" | "wiki"
            | "login.jsp" | "dashboard.jspa" | "issues.jspa" => (
                ProblemCode::JiraUrlAppPath,
                "that is a page of Jira's UI, not the site root",
            ),
            _ => (ProblemCode::UrlHasPath, "the API URL is the site root"),
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
            ProblemCode::JiraLinkMissingBrowse,
            format!("{LABEL}: it is missing /browse/ at the end."),
            format!("Use {want}."),
        )),
        ["browse"] => problems.push(Problem::error(
            ProblemCode::JiraLinkBrowseNoSlash,
            format!("{LABEL}: it ends in /browse without the final '/', so issue links come out as …/browseABC-1."),
            format!("Use {want}."),
        )),
        ["browse", key, ..] => problems.push(Problem::error(
            ProblemCode::JiraLinkExtraPath,
            format!("{LABEL}: it includes '{key}' after /browse/; the link must end at /browse/ so Jira Align can add each issue key."),
            format!("Use {want}."),
        )),
        _ => problems.push(Problem::error(
            ProblemCode::JiraLinkExtraPath,
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
            ProblemCode::CallbackUrlNotAbsolute,
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
            ProblemCode::CallbackUrlNotHttp,
            format!("{LABEL}: it uses {scheme}:, but Jira accepts only http and https callbacks."),
            "Leave it empty (Jira Align does not need it), or use an https:// address.",
        ));
    } else {
        problems.push(Problem::info(
            ProblemCode::CallbackUrlTrailingSlash,
            format!("{LABEL}: Jira stores it with a '/' appended."),
            "Nothing to do; expect to see the '/' when you reopen the form.",
        ));
    }
    FieldReport::new(CALLBACK_FIELD, canonical(&p.url), problems)
}
