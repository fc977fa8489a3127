//! Host names: which expected domain a host is, typos and lookalikes of it, and the Jira Align URL rule.

use super::*;

/// How a host relates to the domains a field expects.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum HostClass {
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

pub(super) fn classify_host(host: &str, domains: &[&str]) -> HostClass {
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

pub(super) fn join_host(head: &str, domain: &str) -> String {
    if head.is_empty() {
        domain.to_string()
    } else {
        format!("{head}.{domain}")
    }
}

/// `https://<host>` with the port kept, for fixes that replace the host.
pub(super) fn with_host(url: &Url, host: &str) -> String {
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
/// was meant (the per-character findings are already there). True when it found one.
pub(super) fn lookalike_chars_in_host(p: &mut Parsed, meant: &str, class: &HostClass) -> bool {
    let typed = p
        .url
        .host_str()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_string();
    if typed == meant || !matches!(class, HostClass::Expected(_) | HostClass::Bare(_)) {
        return false;
    }
    let site = if matches!(class, HostClass::Expected(_))
        && ALIGN_DOMAINS.iter().any(|d| meant.ends_with(d))
    {
        Site::Align
    } else {
        Site::Jira
    };
    let fixed = with_host(&p.url, meant);
    p.findings.push(UrlFinding::HostLetters {
        site,
        typed,
        meant: meant.to_string(),
        fixed,
    });
    true
}

/// Checks the Jira Align URL, i.e. Jira's "Application URL" for the link.
pub fn check_align_url(input: &str) -> FieldReport {
    const LABEL: &str = "Application URL (Jira Align)";
    let mut p = match parse_common(input, true) {
        Ok(p) => p,
        Err((value, findings)) => return report(ALIGN_FIELD, LABEL, value, &findings),
    };
    site_basics(&mut p);
    align_host(&mut p);
    if p.url.path() != "/" && !p.url.path().is_empty() {
        p.findings.push(UrlFinding::AlignPath {
            path: p.url.path().to_string(),
            origin: origin_of(&p.url),
        });
    }
    report(ALIGN_FIELD, LABEL, canonical(&p.url), &p.findings)
}

pub(super) fn align_host(p: &mut Parsed) {
    let Some(host) = p.meant_host.clone() else {
        return;
    };
    if matches!(p.url.host(), Some(Host::Ipv4(_) | Host::Ipv6(_))) {
        return;
    }
    let class = classify_host(&host, &ALIGN_DOMAINS);
    if lookalike_chars_in_host(p, &host, &class) {
        return;
    }
    let finding = match class {
        HostClass::Expected(1) => UrlFinding::AlignLegacyHost { host },
        HostClass::Expected(_) => return,
        HostClass::Bare(_) => UrlFinding::AlignNoCompany { host },
        HostClass::Other => UrlFinding::AlignSelfHosted { host },
        near => {
            let Some(finding) = near_miss(&p.url, Site::Align, &host, near, false) else {
                return;
            };
            finding
        }
    };
    p.findings.push(finding);
}

/// The finding for a host that only starts like, or is a typo of, one of `site`'s domains
/// (`atlassian_com`: the typo is Atlassian's own website); `None` for any other class.
pub(super) fn near_miss(
    url: &Url,
    site: Site,
    host: &str,
    class: HostClass,
    atlassian_com: bool,
) -> Option<UrlFinding> {
    let shown = url.host_str().unwrap_or(host).to_string();
    match class {
        HostClass::SuffixTrick { intended } => Some(UrlFinding::SuffixTrick {
            site,
            shown,
            fixed: with_host(url, &intended),
            intended,
        }),
        HostClass::Lookalike { intended } => Some(UrlFinding::LookalikeHost {
            site,
            shown,
            fixed: with_host(url, &intended),
            intended,
            atlassian_com,
        }),
        _ => None,
    }
}
