//! Scenarios about sites and URLs: the Application URL, the Jira API URL and Jira Link, Data
//! Center context paths, Basic Auth usernames and the authentication type.

use super::*;

#[test]
fn application_url_http() {
    let mut setup = good();
    setup.jira.application_url = s("http://acme.jiraalign.com");
    let checks = run(&setup);
    let c = get(&checks, "application-url-match");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.predicts, Some("signature_invalid"));
    assert!(c.message.contains("http instead of https"), "{}", c.message);
    assert_eq!(
        get(&checks, "application-url-format").state,
        CheckState::Fail
    );
}

#[test]
fn application_url_legacy_host() {
    let mut setup = good();
    setup.jira.application_url = s("https://acme.agilecraft.com");
    let checks = run(&setup);
    let c = get(&checks, "application-url-match");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.predicts, Some("signature_invalid"));
    assert!(c.fix.contains("https://acme.jiraalign.com"));
    // The legacy host itself is fine, with a note.
    let f = get(&checks, "application-url-format");
    assert_eq!(f.state, CheckState::Pass);
    assert!(f.message.contains("legacy"), "{}", f.message);
}

#[test]
fn application_url_trailing_slash_and_case_still_match() {
    let mut setup = good();
    setup.jira.application_url = s("https://ACME.jiraalign.com/");
    assert_eq!(
        get(&run(&setup), "application-url-match").state,
        CheckState::Pass
    );
}

#[test]
fn api_url_with_rest_suffix() {
    let mut setup = good();
    setup.align.jira_api_url = s("https://acme.atlassian.net/rest/api/2");
    let checks = run(&setup);
    let c = get(&checks, "jira-api-url-format");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.fix, "Use https://acme.atlassian.net.");
    assert_eq!(get(&checks, "jira-api-url-match").state, CheckState::Pass);
}

#[test]
fn jira_link_missing_browse() {
    let mut setup = good();
    setup.align.jira_link = s("https://acme.atlassian.net");
    let checks = run(&setup);
    let c = get(&checks, "jira-link-format");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.fix, "Use https://acme.atlassian.net/browse/.");
}

#[test]
fn renamed_site() {
    let mut setup = good();
    setup.jira_site_url = s("https://acme-new.atlassian.net");
    let checks = run(&setup);
    for id in ["jira-api-url-match", "jira-link-match"] {
        let c = get(&checks, id);
        assert_eq!(c.state, CheckState::Fail, "{id}");
        assert!(
            c.message.contains("renamed") && c.message.contains("401"),
            "{}",
            c.message
        );
    }
    assert!(
        get(&checks, "jira-link-match")
            .fix
            .contains("https://acme-new.atlassian.net/browse/")
    );
    assert!(
        get(&checks, "jira-api-url-match")
            .fix
            .contains("set Jira API URL to https://acme-new.atlassian.net,")
    );
}

#[test]
fn link_and_api_url_on_different_sites() {
    let mut setup = good();
    setup.align.jira_link = s("https://other.atlassian.net/browse/");
    let c = get(&run(&setup), "jira-link-api-url-match").clone();
    assert_eq!(c.state, CheckState::Fail);
    assert!(c.fix.contains("https://acme.atlassian.net/browse/"));
}

#[test]
fn data_center_with_context_path() {
    let mut setup = good();
    setup.jira_site_url = s("https://jira.example.com");
    setup.align.jira_api_url = s("https://jira.example.com/jira");
    setup.align.jira_link = s("https://jira.example.com/jira/browse/");
    setup.align.auth_type = s("Personal Access Token");
    setup.align.username = s("svc-align");
    let checks = run(&setup);
    for id in [
        "jira-api-url-format",
        "jira-api-url-match",
        "jira-link-format",
        "jira-link-match",
        "jira-link-api-url-match",
        "username-format",
    ] {
        assert_eq!(
            get(&checks, id).state,
            CheckState::Pass,
            "{id}: {}",
            get(&checks, id).message
        );
    }
    assert!(checks.iter().all(|c| c.id != "consumer-key-match"));
}

#[test]
fn basic_auth_plain_username_on_cloud() {
    let mut setup = good();
    setup.align.auth_type = s("Basic Auth");
    setup.align.username = s("svc-align");
    let c = get(&run(&setup), "username-format").clone();
    assert_eq!(c.state, CheckState::Fail);
    assert!(c.message.contains("email"));
}

#[test]
fn unrecognised_auth_type_warns_and_runs_everything() {
    let mut setup = good();
    setup.align.auth_type = s("Kerberos");
    let checks = run(&setup);
    assert_eq!(get(&checks, "auth-type").state, CheckState::Warn);
    assert_eq!(get(&checks, "consumer-key-match").state, CheckState::Pass);
}

#[test]
fn auth_types_are_read_leniently() {
    for (text, want) in [
        ("OAuth", AuthType::OAuth),
        ("OAuth 1.0a", AuthType::OAuth),
        ("oauth1", AuthType::OAuth),
        ("  OAUTH  ", AuthType::OAuth),
        ("Basic Auth", AuthType::BasicAuth),
        ("Basic authentication", AuthType::BasicAuth),
        ("API Token/Jira Password", AuthType::BasicAuth),
        ("Personal Access Token", AuthType::PersonalAccessToken),
        ("PAT", AuthType::PersonalAccessToken),
        (
            "Personal access token (Data Center)",
            AuthType::PersonalAccessToken,
        ),
        ("Kerberos", AuthType::Unrecognised),
        ("", AuthType::Unrecognised),
    ] {
        assert_eq!(normalise_auth_type(text), want, "{text:?}");
    }
}

#[test]
fn deserialises_camel_case_with_gaps() {
    let json = r#"{"alignSiteUrl":"https://acme.jiraalign.com","align":{"consumerKey":"K1","authType":"OAuth"},"jira":{"consumerKey":"K1"}}"#;
    let setup: Setup = match serde_json::from_str(json) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(setup.align.consumer_key.as_deref(), Some("K1"));
    assert_eq!(setup.jira_site_url, None);
    assert_eq!(
        get(&run(&setup), "consumer-key-match").state,
        CheckState::Pass
    );
    let out = serde_json::to_value(run(&setup)).unwrap_or_default();
    assert_eq!(out[0]["id"], "auth-type");
    assert_eq!(out[0]["state"], "pass");
    assert!(out[0]["predicts"].is_null());
}
