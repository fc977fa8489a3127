//! The checks that compare sites: the Jira API URL and Jira Link with the Jira tab and each other, the username, the Application URL with the Jira Align tab.

use super::*;
use crate::verify::{GATEWAY_HOST, gateway_cloud_id};

/// How two origins differ, in words: "http instead of https", "port 8443 instead of 443", or
/// `None` when they differ in host.
pub(super) fn origin_difference(have: &Url, want: &Url) -> Option<String> {
    if have.host_str() != want.host_str() {
        return None;
    }
    if have.scheme() != want.scheme() {
        return Some(format!("{} instead of {}", have.scheme(), want.scheme()));
    }
    Some(format!(
        "port {} instead of {}",
        have.port_or_known_default().unwrap_or(0),
        want.port_or_known_default().unwrap_or(0)
    ))
}

/// The facts of a match: the value's origin and the one it was compared with.
fn origins(have: &str, want: &str) -> CheckFacts {
    CheckFacts {
        origin: Some(have.to_string()),
        compared_origin: Some(want.to_string()),
        ..CheckFacts::default()
    }
}

/// The Jira API URL vs the Jira tab: a site address as [`site_match`]; the scoped-token gateway
/// form (`https://api.atlassian.com/ex/jira/<cloudId>`) by its cloudId, once Verify with Jira has
/// learned the tab's (`cloud_id`, from `tenant_info`): equal → pass, another → another site.
pub(super) fn api_url_match(
    value: Option<&str>,
    tab: Option<&str>,
    cloud_id: Option<&str>,
) -> Check {
    const ID: CheckId = CheckId::JiraApiUrlMatch;
    let Some(named) = value.and_then(gateway_cloud_id) else {
        return site_match(ID, "Jira API URL", value, tab);
    };
    let Some(tab) = tab else {
        return not_seen(ID, "Jira site", Place::JiraTab);
    };
    let tab = tab.trim_end_matches('/');
    let named = visible(&named);
    match cloud_id.map(str::trim).filter(|c| !c.is_empty()) {
        None => check(
            ID,
            CheckState::Unknown,
            format!(
                "Jira API URL: the API gateway for the site with cloudId {named}, as scoped API tokens need; whether that is {tab} is known once Verify with Jira has asked the site for its cloudId."
            ),
            "Click Verify with Jira: it compares this cloudId with the Jira site's.",
        ),
        Some(id) if id == named => check(
            ID,
            CheckState::Pass,
            format!(
                "Jira API URL: the API gateway for {tab} (cloudId {named}), as scoped API tokens need."
            ),
            "",
        ),
        Some(id) => check(
            ID,
            CheckState::Fail,
            format!(
                "Jira API URL: the API gateway for another Jira site (cloudId {named}), but {tab} is cloudId {}.",
                visible(id)
            ),
            format!(
                "In the Jira Align connector: Deactivate, set Jira API URL to https://{GATEWAY_HOST}/ex/jira/{} (or to {tab} for a classic API token), Save, then Activate.",
                visible(id)
            ),
        ),
    }
}

/// Jira API URL or Jira Link vs the origin of the Jira tab.
pub(super) fn site_match(id: CheckId, what: &str, value: Option<&str>, tab: Option<&str>) -> Check {
    let Some(value) = value else {
        return not_seen(id, what, Place::AlignForm);
    };
    let Some(tab) = tab else {
        return not_seen(id, "Jira site", Place::JiraTab);
    };
    let (Some(site), Some(tab_url)) = (jira_site_root(value), parse_origin(tab)) else {
        return check(
            id,
            CheckState::Unknown,
            format!("{what}: cannot compare with the Jira tab until it is a valid address."),
            "Fix the address first (see its format check).",
        );
    };
    let Some(site_url) = crate::rules::urls::parse_url(&site.site_root).ok() else {
        return check(
            id,
            CheckState::Unknown,
            format!("{what}: cannot read its site."),
            "",
        );
    };
    let have = origin_of(&site_url);
    let want = origin_of(&tab_url);
    let facts = origins(&have, &want);
    if have == want {
        return check(
            id,
            CheckState::Pass,
            format!("{what}: points at {want}, the site open in the Jira tab."),
            "",
        )
        .with_facts(facts);
    }
    let fixed = fixed_value(id, &site, &want);
    let message = match origin_difference(&site_url, &tab_url) {
        Some(diff) => format!("{what}: uses {have} ({diff}), but Jira is open at {want}."),
        None if site.cloud && jira_site_root(&want).is_some_and(|t| t.cloud) => format!(
            "{what}: points at {have}, but Jira is open at {want}. If the site was renamed, browser links to the old name still redirect, but Jira Align's REST calls to it fail with HTTP 401."
        ),
        None => format!(
            "{what}: points at {have}, but Jira is open at {want}: another Jira site (or the Jira tab is not the one this connector uses)."
        ),
    };
    check(
        id,
        CheckState::Fail,
        message,
        format!(
            "In the Jira Align connector: Deactivate, set {what} to {fixed}, Save, then Activate (if {want} is the right site)."
        ),
    )
    .with_facts(facts)
}

/// The corrected value for the Jira API URL or Jira Link on another origin (context path kept).
pub(super) fn fixed_value(id: CheckId, site: &JiraUrl, want_origin: &str) -> String {
    let context = crate::rules::urls::parse_url(&site.site_root)
        .map(|u| u.path().trim_end_matches('/').to_string())
        .unwrap_or_default();
    if id == CheckId::JiraLinkMatch {
        format!("{want_origin}{context}/browse/")
    } else {
        format!("{want_origin}{context}")
    }
}

pub(super) fn link_vs_api_url(
    link: Option<&str>,
    api: Option<&str>,
    tab: Option<&str>,
    cloud_id: Option<&str>,
) -> Check {
    const ID: CheckId = CheckId::JiraLinkApiUrlMatch;
    let (Some(link), Some(api)) = (link, api) else {
        return not_seen(ID, "Jira Link and Jira API URL", Place::AlignForm);
    };
    if gateway_cloud_id(api).is_some() {
        return link_vs_gateway(link, api, tab, cloud_id);
    }
    let (Some(l), Some(a)) = (jira_site_root(link), jira_site_root(api)) else {
        return check(
            ID,
            CheckState::Unknown,
            "Jira Link and Jira API URL: cannot compare until both are valid addresses.",
            "Fix the addresses first (see their format checks).",
        );
    };
    let facts = origins(&l.site_root, &a.site_root);
    if l.site_root == a.site_root {
        return check(
            ID,
            CheckState::Pass,
            format!("Jira Link and Jira API URL: both point at {}.", a.site_root),
            "",
        )
        .with_facts(facts);
    }
    check(
        ID,
        CheckState::Fail,
        format!(
            "Jira Link points at {} but the Jira API URL at {}: issue links would open another site than the one Jira Align syncs with.",
            l.site_root, a.site_root
        ),
        format!(
            "Set Jira Link to {}/browse/ (or fix the API URL if it is the wrong one).",
            a.site_root
        ),
    )
    .with_facts(facts)
}

/// Jira Link vs a Jira API URL in the gateway form: one site when the link is the Jira tab's site
/// and the gateway's cloudId is that site's (what `jira-api-url-match` decides).
fn link_vs_gateway(link: &str, api: &str, tab: Option<&str>, cloud_id: Option<&str>) -> Check {
    const ID: CheckId = CheckId::JiraLinkApiUrlMatch;
    let link_origin = jira_site_root(link)
        .and_then(|l| parse_origin(&l.site_root))
        .map(|u| origin_of(&u));
    let tab_origin = tab.and_then(parse_origin).map(|u| origin_of(&u));
    let by_id = api_url_match(Some(api), tab, cloud_id);
    match (link_origin, tab_origin) {
        (Some(l), Some(t)) if l != t => check(
            ID,
            CheckState::Fail,
            format!(
                "Jira Link points at {l}, but the Jira API URL is the API gateway for a site checked against the Jira tab, {t}: issue links would open another site than the one Jira Align syncs with."
            ),
            format!("Set Jira Link to {t}/browse/ (or open the right site in the Jira tab)."),
        ),
        (Some(l), Some(_)) if by_id.state == CheckState::Pass => check(
            ID,
            CheckState::Pass,
            format!(
                "Jira Link and Jira API URL: both name {l} (the API URL through the API gateway)."
            ),
            "",
        ),
        (Some(_), Some(_)) => Check { id: ID, ..by_id },
        _ => check(
            ID,
            CheckState::Unknown,
            "Jira Link and Jira API URL: cannot compare until Jira Link is a valid address and the Jira tab is open.",
            "Fix Jira Link first (see its format check).",
        ),
    }
}

pub(super) fn username_check(username: Option<&str>, api: Option<&str>) -> Check {
    const ID: CheckId = CheckId::UsernameFormat;
    match username {
        None => not_seen(ID, "Jira Username", Place::AlignFormBasicAuth),
        Some(u) => from_report(ID, &check_username(u, api), "Jira Username", None),
    }
}

pub(super) fn application_url_match(app: Option<&str>, tab: Option<&str>) -> Check {
    const ID: CheckId = CheckId::ApplicationUrlMatch;
    let Some(app) = app else {
        return not_seen(ID, "Application URL", Place::JiraAppLink);
    };
    let Some(tab) = tab else {
        return not_seen(ID, "Jira Align site", Place::AlignTab);
    };
    let report = check_align_url(app);
    let (Some(app_url), Some(tab_url)) = (parse_origin(&report.value), parse_origin(tab)) else {
        return check(
            ID,
            CheckState::Unknown,
            "Application URL: cannot compare with the Jira Align tab until it is a valid address.",
            "Fix the address first (see application-url-format).",
        );
    };
    let have = origin_of(&app_url);
    let want = origin_of(&tab_url);
    let facts = origins(&have, &want);
    if have == want {
        return check(
            ID,
            CheckState::Pass,
            format!("Application URL: {want}, the Jira Align site open in the other tab."),
            "",
        )
        .with_facts(facts);
    }
    let message = match origin_difference(&app_url, &tab_url) {
        Some(diff) => format!(
            "Application URL: the link uses {have} ({diff}), but Jira Align is at {want}; OAuth signatures are checked against the exact URL."
        ),
        None => format!(
            "Application URL: the link points at {have}, but the Jira Align tab is {want}. Either the link was made for another address of this Jira Align (e.g. the legacy agilecraft.com one), or the tab is another instance."
        ),
    };
    check(
        ID,
        CheckState::Fail,
        message,
        format!(
            "In Jira's Application links, edit the Jira Align link and set its Application URL to {want} (or recreate the link with that URL)."
        ),
    )
    .predicting("signature_invalid")
    .with_facts(facts)
}
