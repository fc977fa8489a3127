//! `jira-site-identity`: are the Jira tab's site and the sites in Jira Align's Jira Link and Jira
//! API URL one and the same? Each host's `/_edge/tenant_info` gives its `cloudId` (no login); two
//! host names with one cloudId are one site under an old and a new name.

use serde::Deserialize;
use url::Url;

use super::answer::HttpAnswer;
use super::{SITE_IDENTITY, check};
use crate::setup_check::{Check, CheckState};
use crate::text::{ellipsize, visible};

/// The scoped-token gateway: `https://api.atlassian.com/ex/jira/<cloudId>`.
pub const GATEWAY_HOST: &str = "api.atlassian.com";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Tenant {
    #[serde(deserialize_with = "super::answer::nullable")]
    pub cloud_id: String,
}

pub type TenantLookup = HttpAnswer<Tenant>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldSite {
    /// `jiraLink` or `jiraApiUrl`.
    #[serde(deserialize_with = "super::answer::nullable")]
    pub field: String,
    #[serde(deserialize_with = "super::answer::nullable")]
    pub url: String,
    /// The `tenant_info` of the field's host (absent for the gateway form and the tab's own host).
    pub lookup: Option<TenantLookup>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SiteIdentityInput {
    /// The Jira tab's address.
    #[serde(deserialize_with = "super::answer::nullable")]
    pub tab_url: String,
    pub tab: TenantLookup,
    pub fields: Vec<FieldSite>,
}

/// The cloudId in a gateway URL (`https://api.atlassian.com/ex/jira/<cloudId>/…`).
pub fn gateway_cloud_id(url: &str) -> Option<String> {
    let url = Url::parse(url.trim()).ok()?;
    if url.host_str()? != GATEWAY_HOST {
        return None;
    }
    let mut segments = url.path_segments()?;
    match (segments.next(), segments.next(), segments.next()) {
        (Some("ex"), Some("jira"), Some(id)) if !id.is_empty() => Some(id.to_string()),
        _ => None,
    }
}

fn field_name(field: &str) -> &'static str {
    match field {
        "jiraLink" => "Jira Link",
        "jiraApiUrl" => "Jira API URL",
        _ => "A Jira Align field",
    }
}

fn cloud_id(lookup: &TenantLookup) -> Option<&str> {
    lookup
        .json
        .as_ref()
        .map(|t| t.cloud_id.trim())
        .filter(|id| !id.is_empty())
}

/// The host of an address as typed (trimmed), when it parses.
fn host_of(url: &str) -> Option<String> {
    Some(Url::parse(url.trim()).ok()?.host_str()?.to_string())
}

/// One field's verdict: state and sentence.
fn field_verdict(field: &FieldSite, tab_host: &str, tab_id: &str) -> (CheckState, String) {
    let name = field_name(&field.field);
    let Some(host) = host_of(&field.url) else {
        return (
            CheckState::Unknown,
            format!(
                "{name} ('{}') is not a URL.",
                ellipsize(&visible(&field.url), 80)
            ),
        );
    };
    if host == tab_host {
        return (CheckState::Pass, format!("{name} is this site ({host})."));
    }
    if let Some(id) = gateway_cloud_id(&field.url) {
        return if id == tab_id {
            (
                CheckState::Pass,
                format!(
                    "{name} is the API gateway for this site (cloudId {tab_id}), which scoped API tokens need."
                ),
            )
        } else {
            (
                CheckState::Fail,
                format!(
                    "{name} is the API gateway for another site (cloudId {}), not {tab_host} (cloudId {tab_id}).",
                    ellipsize(&visible(&id), 40)
                ),
            )
        };
    }
    let Some(lookup) = &field.lookup else {
        return (
            CheckState::Unknown,
            format!("{name} ({host}) was not looked up."),
        );
    };
    match cloud_id(lookup) {
        Some(id) if id == tab_id => (
            CheckState::Fail,
            format!(
                "{name} uses {host}, an old name of this site: it has the same cloudId as {tab_host} (a renamed site). Put https://{tab_host} in both Jira Link and Jira API URL."
            ),
        ),
        Some(id) => (
            CheckState::Fail,
            format!(
                "{name} points at {host}, a different Jira site (cloudId {}) from the one in the Jira tab ({tab_host}, cloudId {tab_id}).",
                ellipsize(&visible(id), 40)
            ),
        ),
        None => (
            CheckState::Unknown,
            format!(
                "Could not tell which site {name} ({host}) is: {}.",
                lookup.describe()
            ),
        ),
    }
}

pub fn site_identity(input: &SiteIdentityInput) -> Check {
    let Some(tab_host) = host_of(&input.tab_url) else {
        return check(
            SITE_IDENTITY,
            CheckState::Unknown,
            "The Jira tab's site is not known yet.",
            "Open Jira's Application links page in a tab, then verify again.",
        );
    };
    let Some(tab_id) = cloud_id(&input.tab) else {
        return check(
            SITE_IDENTITY,
            CheckState::Unknown,
            format!(
                "Could not read the identity of {tab_host}: {}.",
                input.tab.describe()
            ),
            format!("Check that https://{tab_host} opens in this browser, then verify again."),
        );
    };
    let verdicts: Vec<(CheckState, String)> = input
        .fields
        .iter()
        .filter(|f| !f.url.trim().is_empty())
        .map(|f| field_verdict(f, &tab_host, tab_id))
        .collect();
    if verdicts.is_empty() {
        return check(
            SITE_IDENTITY,
            CheckState::Unknown,
            format!(
                "{tab_host} is cloudId {tab_id}; Jira Align's Jira Link and Jira API URL are not read yet."
            ),
            "Open the Jira Align connector in a tab (or fill it), then verify again.",
        );
    }
    let worst = if verdicts.iter().any(|(s, _)| *s == CheckState::Fail) {
        CheckState::Fail
    } else if verdicts.iter().any(|(s, _)| *s == CheckState::Unknown) {
        CheckState::Unknown
    } else {
        CheckState::Pass
    };
    let message = verdicts
        .iter()
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let fix = match worst {
        CheckState::Fail => format!(
            "In the Jira Align connector set Jira Link and Jira API URL to https://{tab_host} (or, for a scoped API token, Jira API URL to https://{GATEWAY_HOST}/ex/jira/{tab_id}), save, and verify again."
        ),
        CheckState::Unknown => {
            "Check the addresses in Jira Link and Jira API URL, then verify again.".to_string()
        }
        _ => String::new(),
    };
    check(SITE_IDENTITY, worst, message, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(url: &str, id: &str) -> TenantLookup {
        TenantLookup {
            url: url.into(),
            status: 200,
            json: Some(Tenant {
                cloud_id: id.into(),
            }),
            ..Default::default()
        }
    }

    fn input(fields: Vec<FieldSite>) -> SiteIdentityInput {
        SiteIdentityInput {
            tab_url: "https://acme.atlassian.net/plugins/servlet/applinks/listApplicationLinks"
                .into(),
            tab: tenant("https://acme.atlassian.net/_edge/tenant_info", "c-1"),
            fields,
        }
    }

    fn field(name: &str, url: &str, lookup: Option<TenantLookup>) -> FieldSite {
        FieldSite {
            field: name.into(),
            url: url.into(),
            lookup,
        }
    }

    #[test]
    fn same_host_and_gateway_pass() {
        let c = site_identity(&input(vec![
            field("jiraLink", "https://acme.atlassian.net", None),
            field("jiraApiUrl", "https://api.atlassian.com/ex/jira/c-1", None),
        ]));
        assert_eq!(c.state, CheckState::Pass, "{}", c.message);
    }

    #[test]
    fn renamed_site_fails_with_the_new_url() {
        let old = "https://acme-old.atlassian.net";
        let c = site_identity(&input(vec![
            field("jiraLink", old, Some(tenant(old, "c-1"))),
            field("jiraApiUrl", "https://acme.atlassian.net", None),
        ]));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("old name") && c.message.contains("https://acme.atlassian.net"));
        assert!(c.fix.contains("https://acme.atlassian.net"));
    }

    #[test]
    fn another_site_fails_and_unreachable_is_unknown() {
        let other = "https://other.atlassian.net";
        let c = site_identity(&input(vec![field(
            "jiraLink",
            other,
            Some(tenant(other, "c-2")),
        )]));
        assert_eq!(c.state, CheckState::Fail);
        assert!(c.message.contains("different Jira site"));
        let c = site_identity(&input(vec![field(
            "jiraApiUrl",
            "https://api.atlassian.com/ex/jira/c-9",
            None,
        )]));
        assert_eq!(c.state, CheckState::Fail);
        let gone = TenantLookup {
            url: "https://gone.atlassian.net/_edge/tenant_info".into(),
            error: Some("network".into()),
            ..Default::default()
        };
        let c = site_identity(&input(vec![field(
            "jiraLink",
            "https://gone.atlassian.net",
            Some(gone),
        )]));
        assert_eq!(c.state, CheckState::Unknown);
        assert!(c.message.contains("could not be reached"));
    }

    #[test]
    fn no_tab_identity_is_unknown() {
        let mut i = input(vec![field("jiraLink", "https://acme.atlassian.net", None)]);
        i.tab = TenantLookup {
            status: 200,
            body: "<html>".into(),
            ..Default::default()
        };
        assert_eq!(site_identity(&i).state, CheckState::Unknown);
        assert_eq!(
            gateway_cloud_id("https://api.atlassian.com/ex/jira/abc/rest"),
            Some("abc".into())
        );
        assert_eq!(gateway_cloud_id("https://api.atlassian.com/oauth"), None);
    }
}
