//! The cross-tab check: given what the extension has seen on the Jira Align tab and the Jira tab,
//! an ordered list of checks, each `pass`, `fail`, `warn` or `unknown`, with the OAuth error a
//! failure would cause (`predicts`).
//!
//! A check is `unknown` whenever a value it needs has not been seen yet (`None` or `""`): it
//! never passes on missing data. With Basic Auth or a Personal Access Token the OAuth-only checks
//! are `unknown` with a message saying why, and `username-format` applies.
//!
//! | id | compares / checks | predicts on failure |
//! |---|---|---|
//! | `auth-type` | the connector's Authentication Type is recognised | – |
//! | `jira-api-url-format` | `align.jiraApiUrl` ([`check_jira_api_url`]) | – |
//! | `jira-api-url-match` | origin of `align.jiraApiUrl` vs the Jira tab's origin (renamed site → REST 401) | – |
//! | `jira-link-format` | `align.jiraLink` ([`check_jira_link`]) | – |
//! | `jira-link-match` | origin of `align.jiraLink` vs the Jira tab's origin | – |
//! | `jira-link-api-url-match` | site of `align.jiraLink` vs site of `align.jiraApiUrl` | – |
//! | `username-format` | `align.username` (Basic Auth / PAT only) ([`check_username`]) | – |
//! | `application-url-format` | `jira.applicationUrl` ([`check_align_url`]) (OAuth) | – |
//! | `application-url-match` | origin of `jira.applicationUrl` vs the Jira Align tab's origin (OAuth) | `signature_invalid` |
//! | `application-name-format` | `jira.applicationName` (OAuth) | – |
//! | `align-consumer-key-format` | `align.consumerKey` (OAuth) | `consumer_key_unknown` |
//! | `jira-consumer-key-format` | `jira.consumerKey` (OAuth) | `consumer_key_unknown` |
//! | `consumer-key-match` | `align.consumerKey` vs `jira.consumerKey`, byte for byte (OAuth) | `consumer_key_unknown` |
//! | `consumer-name-format` | `jira.consumerName` (OAuth) | – |
//! | `align-public-key-format` | `align.publicKey` via the key module (OAuth) | – |
//! | `jira-public-key-format` | `jira.publicKey` via the key module (OAuth) | – |
//! | `public-key-match` | SHA-256 fingerprints of the two public keys (OAuth) | `signature_invalid` |
//! | `callback-url-format` | `jira.callbackUrl` (optional; empty stays `unknown`) (OAuth) | – |
//!
//! Consumer keys and public keys get one format check per side (`align-…`, `jira-…`) so the
//! panel can point at the tab to fix.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::problem::{Problem, Severity};
use crate::rules::public_key::{
    KeyFacts, KeyInspector, KeyModule, report_from_facts, short_fingerprint,
};
use crate::rules::urls::{JiraUrl, jira_site_root, origin_of};
use crate::rules::{
    FieldReport, check_align_url, check_application_name, check_callback_url, check_consumer_key,
    check_consumer_name, check_jira_api_url, check_jira_link, check_username, trim_invisible,
};
use crate::text::{describe_difference, visible};
use crate::vocabulary::{CheckId, Side};

/// Everything seen so far on the two tabs. Any field may be missing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Setup {
    /// Origin of the Jira Align tab, e.g. `https://acme.jiraalign.com`.
    pub align_site_url: Option<String>,
    /// Origin of the Jira tab, e.g. `https://acme.atlassian.net`.
    pub jira_site_url: Option<String>,
    pub align: AlignSide,
    pub jira: JiraSide,
}

/// The Jira Align connector form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlignSide {
    pub jira_link: Option<String>,
    pub jira_api_url: Option<String>,
    /// As the page shows it: "OAuth", "OAuth 1.0a", "Basic Auth", "Personal Access Token"…
    pub auth_type: Option<String>,
    pub consumer_key: Option<String>,
    pub public_key: Option<String>,
    pub username: Option<String>,
}

/// Jira's application link and its Incoming Authentication.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JiraSide {
    pub application_url: Option<String>,
    pub application_name: Option<String>,
    pub consumer_key: Option<String>,
    pub consumer_name: Option<String>,
    pub public_key: Option<String>,
    pub callback_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckState {
    Pass,
    Fail,
    Warn,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub id: CheckId,
    pub state: CheckState,
    pub message: String,
    pub fix: String,
    /// The `oauth_problem` this failure leads to, when it leads to one.
    pub predicts: Option<&'static str>,
}

/// The connector's authentication type, read leniently from whatever the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AuthType {
    OAuth,
    BasicAuth,
    PersonalAccessToken,
    /// Seen, but not a text we recognise.
    Unrecognised,
}

/// Reads "OAuth", "OAuth 1.0a", "oauth1", "Basic Auth", "Basic authentication", "API Token",
/// "Personal Access Token", "PAT"… by the vocabulary's wordings for each auth type (the same
/// wordings the content script uses to choose the connector's option).
pub fn normalise_auth_type(text: &str) -> AuthType {
    use crate::vocabulary::AuthType as Choice;
    match Choice::of_text(text) {
        Some(Choice::OAuth) => AuthType::OAuth,
        Some(Choice::Basic) => AuthType::BasicAuth,
        Some(Choice::Pat) => AuthType::PersonalAccessToken,
        None => AuthType::Unrecognised,
    }
}

/// Runs every check with the real key module.
pub fn check_setup(setup: &Setup) -> Vec<Check> {
    check_setup_with(setup, &KeyModule)
}

/// Runs every check with a given key inspector (tests pass a stub).
pub fn check_setup_with(setup: &Setup, keys: &dyn KeyInspector) -> Vec<Check> {
    let a = &setup.align;
    let auth = seen(&a.auth_type).map(normalise_auth_type);
    let not_oauth = matches!(
        auth,
        Some(AuthType::BasicAuth | AuthType::PersonalAccessToken)
    );

    let mut out = vec![auth_check(seen(&a.auth_type), auth)];

    out.push(format_check(
        CheckId::JiraApiUrlFormat,
        seen(&a.jira_api_url),
        "Jira API URL",
        "the Jira Align connector form",
        check_jira_api_url,
        None,
    ));
    out.push(site_match(
        CheckId::JiraApiUrlMatch,
        "Jira API URL",
        seen(&a.jira_api_url),
        seen(&setup.jira_site_url),
    ));
    out.push(format_check(
        CheckId::JiraLinkFormat,
        seen(&a.jira_link),
        "Jira Link",
        "the Jira Align connector form",
        check_jira_link,
        None,
    ));
    out.push(site_match(
        CheckId::JiraLinkMatch,
        "Jira Link",
        seen(&a.jira_link),
        seen(&setup.jira_site_url),
    ));
    out.push(link_vs_api_url(seen(&a.jira_link), seen(&a.jira_api_url)));
    // A check that cannot apply to the chosen authentication type is left out rather than shown
    // as `unknown` forever: the list is then all `pass` exactly when the setup is right.
    if auth != Some(AuthType::OAuth) {
        out.push(username_check(seen(&a.username), seen(&a.jira_api_url)));
    }

    // Nothing to inspect with Basic Auth or a token: keys are not even parsed then.
    if !not_oauth {
        out.extend(oauth_checks(setup, keys));
    }
    out
}

/// The checks that only matter for OAuth 1.0a, in display order.
fn oauth_checks(setup: &Setup, keys: &dyn KeyInspector) -> Vec<Check> {
    let a = &setup.align;
    let j = &setup.jira;
    // Each key is inspected once and used by both its format check and the match.
    let align_key = seen(&a.public_key).map(|t| (t, keys.inspect(t)));
    let jira_key = seen(&j.public_key).map(|t| (t, keys.inspect(t)));
    vec![
        format_check(
            CheckId::ApplicationUrlFormat,
            seen(&j.application_url),
            "Application URL",
            "Jira's application link",
            check_align_url,
            None,
        ),
        application_url_match(seen(&j.application_url), seen(&setup.align_site_url)),
        format_check(
            CheckId::ApplicationNameFormat,
            seen(&j.application_name),
            "Application Name",
            "Jira's application link",
            check_application_name,
            None,
        ),
        format_check(
            CheckId::AlignConsumerKeyFormat,
            seen(&a.consumer_key),
            "Consumer key",
            "the Jira Align connector form",
            check_consumer_key,
            Some("consumer_key_unknown"),
        ),
        format_check(
            CheckId::JiraConsumerKeyFormat,
            seen(&j.consumer_key),
            "Consumer Key",
            "Jira's Incoming Authentication",
            check_consumer_key,
            Some("consumer_key_unknown"),
        ),
        consumer_key_match(setup),
        format_check(
            CheckId::ConsumerNameFormat,
            seen(&j.consumer_name),
            "Consumer Name",
            "Jira's Incoming Authentication",
            check_consumer_name,
            None,
        ),
        key_format(
            CheckId::AlignPublicKeyFormat,
            align_key.as_ref(),
            "the Jira Align connector form (after Generate New Key)",
        ),
        key_format(
            CheckId::JiraPublicKeyFormat,
            jira_key.as_ref(),
            "Jira's Incoming Authentication",
        ),
        key_match(align_key.as_ref(), jira_key.as_ref()),
        callback_check(j.callback_url.as_deref()),
    ]
}

/// A value counts as seen when it is present and not the empty string.
fn seen(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

fn check(
    id: CheckId,
    state: CheckState,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Check {
    Check {
        id,
        state,
        message: message.into(),
        fix: fix.into(),
        predicts: None,
    }
}

fn not_seen(id: CheckId, what: &str, where_: &str) -> Check {
    check(
        id,
        CheckState::Unknown,
        format!("{what}: not seen yet."),
        format!("Open {where_} so Linksmith can read it."),
    )
}

fn auth_check(text: Option<&str>, auth: Option<AuthType>) -> Check {
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
        _ => not_seen(ID, "Authentication Type", "the Jira Align connector form"),
    }
}

/// Turns a field report into a check: `fail` on errors, `warn` on warnings, else `pass`; notes
/// (info) are appended to the message.
fn format_check(
    id: CheckId,
    value: Option<&str>,
    what: &str,
    where_: &str,
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
fn with_side(id: CheckId, mut c: Check) -> Check {
    let side = match id.per_side() {
        Some(Side::Align) => "Jira Align connector",
        Some(Side::Jira) => "Jira Incoming Authentication",
        None => return c,
    };
    c.message = format!("{side} – {}", c.message);
    c
}

fn from_report(id: CheckId, r: &FieldReport, what: &str, predicts: Option<&'static str>) -> Check {
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
                id,
                state: CheckState::Fail,
                message: p.map(|p| with_more(p, Severity::Error)).unwrap_or_default(),
                fix: p.map(|p| p.fix.clone()).unwrap_or_default(),
                predicts,
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

fn parse_origin(s: &str) -> Option<Url> {
    crate::rules::urls::parse_url(trim_invisible(s))
        .ok()
        .filter(|u| u.host_str().is_some())
}

/// How two origins differ, in words: "http instead of https", "port 8443 instead of 443", or
/// `None` when they differ in host.
fn origin_difference(have: &Url, want: &Url) -> Option<String> {
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

/// Jira API URL or Jira Link vs the origin of the Jira tab.
fn site_match(id: CheckId, what: &str, value: Option<&str>, tab: Option<&str>) -> Check {
    let Some(value) = value else {
        return not_seen(id, what, "the Jira Align connector form");
    };
    let Some(tab) = tab else {
        return not_seen(id, "Jira site", "your Jira site in a tab");
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
    if have == want {
        return check(
            id,
            CheckState::Pass,
            format!("{what}: points at {want}, the site open in the Jira tab."),
            "",
        );
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
}

/// The corrected value for the Jira API URL or Jira Link on another origin (context path kept).
fn fixed_value(id: CheckId, site: &JiraUrl, want_origin: &str) -> String {
    let context = crate::rules::urls::parse_url(&site.site_root)
        .map(|u| u.path().trim_end_matches('/').to_string())
        .unwrap_or_default();
    if id == CheckId::JiraLinkMatch {
        format!("{want_origin}{context}/browse/")
    } else {
        format!("{want_origin}{context}")
    }
}

fn link_vs_api_url(link: Option<&str>, api: Option<&str>) -> Check {
    const ID: CheckId = CheckId::JiraLinkApiUrlMatch;
    let (Some(link), Some(api)) = (link, api) else {
        return not_seen(
            ID,
            "Jira Link and Jira API URL",
            "the Jira Align connector form",
        );
    };
    let (Some(l), Some(a)) = (jira_site_root(link), jira_site_root(api)) else {
        return check(
            ID,
            CheckState::Unknown,
            "Jira Link and Jira API URL: cannot compare until both are valid addresses.",
            "Fix the addresses first (see their format checks).",
        );
    };
    if l.site_root == a.site_root {
        return check(
            ID,
            CheckState::Pass,
            format!("Jira Link and Jira API URL: both point at {}.", a.site_root),
            "",
        );
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
}

fn username_check(username: Option<&str>, api: Option<&str>) -> Check {
    const ID: CheckId = CheckId::UsernameFormat;
    match username {
        None => not_seen(
            ID,
            "Jira Username",
            "the Jira Align connector form (Basic Auth)",
        ),
        Some(u) => from_report(ID, &check_username(u, api), "Jira Username", None),
    }
}

fn application_url_match(app: Option<&str>, tab: Option<&str>) -> Check {
    const ID: CheckId = CheckId::ApplicationUrlMatch;
    let Some(app) = app else {
        return not_seen(ID, "Application URL", "Jira's application link");
    };
    let Some(tab) = tab else {
        return not_seen(ID, "Jira Align site", "your Jira Align site in a tab");
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
    if have == want {
        return check(
            ID,
            CheckState::Pass,
            format!("Application URL: {want}, the Jira Align site open in the other tab."),
            "",
        );
    }
    let message = match origin_difference(&app_url, &tab_url) {
        Some(diff) => format!(
            "Application URL: the link uses {have} ({diff}), but Jira Align is at {want}; OAuth signatures are checked against the exact URL."
        ),
        None => format!(
            "Application URL: the link points at {have}, but the Jira Align tab is {want}. Either the link was made for another address of this Jira Align (e.g. the legacy agilecraft.com one), or the tab is another instance."
        ),
    };
    Check {
        id: ID,
        state: CheckState::Fail,
        message,
        fix: format!(
            "In Jira's Application links, edit the Jira Align link and set its Application URL to {want} (or recreate the link with that URL)."
        ),
        predicts: Some("signature_invalid"),
    }
}

fn consumer_key_match(setup: &Setup) -> Check {
    const ID: CheckId = CheckId::ConsumerKeyMatch;
    let (a, j) = (&setup.align, &setup.jira);
    let Some(ak) = seen(&a.consumer_key) else {
        return not_seen(
            ID,
            "Consumer key in Jira Align",
            "the Jira Align connector form",
        );
    };
    let Some(jk) = seen(&j.consumer_key) else {
        return not_seen(ID, "Consumer Key in Jira", "Jira's Incoming Authentication");
    };
    if ak == jk {
        return check(
            ID,
            CheckState::Pass,
            format!(
                "Consumer key: identical on both sides (\"{}\").",
                visible(ak)
            ),
            "",
        );
    }
    let how = describe_difference("Jira Align", ak, "Jira", jk).unwrap_or_default();
    let mut message = format!(
        "Consumer key: Jira Align has \"{}\" but Jira has \"{}\": {how}.",
        visible(ak),
        visible(jk)
    );
    // A name pasted where the key belongs is a classic: say so plainly.
    let names = [
        ("Consumer Name", seen(&j.consumer_name)),
        ("Application Name", seen(&j.application_name)),
    ];
    let same = |x: &str, y: &str| trim_invisible(x) == trim_invisible(y);
    let fix = if let Some((label, _)) = names.iter().find(|(_, n)| n.is_some_and(|n| same(n, ak))) {
        message.push_str(&format!(
            " Jira Align's value is the link's {label}, not its Consumer Key."
        ));
        format!(
            "In the Jira Align connector, set the consumer key to \"{}\" (Jira's Consumer Key).",
            visible(jk)
        )
    } else if let Some((label, _)) = names.iter().find(|(_, n)| n.is_some_and(|n| same(n, jk))) {
        message.push_str(&format!(" Jira's Consumer Key is the same as its {label}: the name was probably pasted as the key."));
        format!(
            "In Jira's Incoming Authentication, set Consumer Key to \"{}\" (Jira Align's key).",
            visible(ak)
        )
    } else {
        let a_ok = check_consumer_key(ak).ok;
        let j_ok = check_consumer_key(jk).ok;
        match (a_ok, j_ok) {
            (true, false) => {
                format!("In Jira's Incoming Authentication, set Consumer Key to exactly \"{ak}\".")
            }
            (false, true) => {
                format!("In the Jira Align connector, set the consumer key to exactly \"{jk}\".")
            }
            _ => format!(
                "Type one key, e.g. \"{}\", in both places: Jira Align's connector and Jira's Incoming Authentication.",
                crate::rules::suggest_consumer_key(ak)
            ),
        }
    };
    Check {
        id: ID,
        state: CheckState::Fail,
        message,
        fix,
        predicts: Some("consumer_key_unknown"),
    }
}

fn key_format(id: CheckId, key: Option<&(&str, KeyFacts)>, where_: &str) -> Check {
    let Some((text, facts)) = key else {
        return not_seen(id, "Public key", where_);
    };
    let trimmed = trim_invisible(text);
    // A blank key is a failure of its own, with the field rule's wording.
    if trimmed.is_empty() {
        return with_side(
            id,
            from_report(
                id,
                &crate::rules::check_public_key(text),
                "Public key",
                None,
            ),
        );
    }
    with_side(
        id,
        from_report(id, &report_from_facts(trimmed, facts), "Public key", None),
    )
}

fn key_match(align: Option<&(&str, KeyFacts)>, jira: Option<&(&str, KeyFacts)>) -> Check {
    const ID: CheckId = CheckId::PublicKeyMatch;
    let Some((_, af)) = align else {
        return not_seen(
            ID,
            "Public key in Jira Align",
            "the Jira Align connector form",
        );
    };
    let Some((_, jf)) = jira else {
        return not_seen(ID, "Public Key in Jira", "Jira's Incoming Authentication");
    };
    let (Some(fa), Some(fj)) = (
        af.fingerprint_sha256.as_deref(),
        jf.fingerprint_sha256.as_deref(),
    ) else {
        return check(
            ID,
            CheckState::Unknown,
            "Public keys: cannot compare until both keys are readable.",
            "Fix the key that cannot be read first (see its format check).",
        );
    };
    let (sa, sj) = (short_fingerprint(fa), short_fingerprint(fj));
    if fa == fj {
        return check(
            ID,
            CheckState::Pass,
            format!("Public keys: the same key on both sides (SHA-256 {sa}…)."),
            "",
        );
    }
    Check {
        id: ID,
        state: CheckState::Fail,
        message: format!(
            "Public keys: Jira has a different key (SHA-256 {sj}…) from the one Jira Align signs with (SHA-256 {sa}…). The usual cause is Generate New Key clicked again after pasting: Jira Align then signs with the new private key."
        ),
        fix: "Copy the key Jira Align shows now into Jira's Incoming Authentication → Public Key and save; do not click Generate New Key again afterwards.".to_string(),
        predicts: Some("signature_invalid"),
    }
}

/// The callback is optional, so an empty field that was seen (`Some("")`) passes, while a
/// field not seen yet (`None`) stays `unknown`.
fn callback_check(value: Option<&str>) -> Check {
    const ID: CheckId = CheckId::CallbackUrlFormat;
    match value {
        None => check(
            ID,
            CheckState::Unknown,
            "Consumer Callback URL: not seen yet; it is optional and Jira Align does not need it.",
            "",
        ),
        Some(v) if v.trim().is_empty() => check(
            ID,
            CheckState::Pass,
            "Consumer Callback URL: empty, which is right: Jira Align does not need one.",
            "",
        ),
        Some(v) => from_report(ID, &check_callback_url(v), "Consumer Callback URL", None),
    }
}

#[cfg(test)]
#[path = "setup_check_tests.rs"]
mod tests;
