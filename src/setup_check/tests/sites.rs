//! Scenarios about sites and URLs: the Application URL, the Jira API URL and Jira Link, Data
//! Center context paths, Basic Auth usernames and the authentication type.

use super::*;

#[test]
fn site_scenarios() {
    assert_cases(vec![
        Case {
            name: "an http Application URL",
            change: |s| s.jira.application_url = Some("http://acme.jiraalign.com".into()),
            want: vec![
                want("application-url-match", Fail)
                    .predicting("signature_invalid")
                    .saying(&["http instead of https"]),
                want("application-url-format", Fail),
            ],
        },
        Case {
            name: "the legacy host as Application URL",
            change: |s| s.jira.application_url = Some("https://acme.agilecraft.com".into()),
            want: vec![
                want("application-url-match", Fail)
                    .predicting("signature_invalid")
                    .fixing(&["https://acme.jiraalign.com"]),
                // The legacy host itself is fine, with a note.
                want("application-url-format", Pass).saying(&["legacy"]),
            ],
        },
        Case {
            name: "a trailing slash and capitals",
            change: |s| s.jira.application_url = Some("https://ACME.jiraalign.com/".into()),
            want: vec![want("application-url-match", Pass)],
        },
        Case {
            name: "a REST path in the API URL",
            change: |s| s.align.jira_api_url = Some("https://acme.atlassian.net/rest/api/2".into()),
            want: vec![
                want("jira-api-url-format", Fail).fixing(&["Use https://acme.atlassian.net."]),
                want("jira-api-url-match", Pass),
            ],
        },
        Case {
            name: "Jira Link without /browse/",
            change: |s| s.align.jira_link = Some("https://acme.atlassian.net".into()),
            want: vec![
                want("jira-link-format", Fail).fixing(&["Use https://acme.atlassian.net/browse/."]),
            ],
        },
        Case {
            name: "a renamed site",
            change: |s| s.jira_site_url = Some("https://acme-new.atlassian.net".into()),
            want: vec![
                want("jira-link-match", Fail)
                    .saying(&["renamed", "401"])
                    .fixing(&["https://acme-new.atlassian.net/browse/"]),
                want("jira-api-url-match", Fail)
                    .saying(&["renamed", "401"])
                    .fixing(&["set Jira API URL to https://acme-new.atlassian.net,"]),
            ],
        },
        Case {
            name: "Jira Link and API URL on different sites",
            change: |s| s.align.jira_link = Some("https://other.atlassian.net/browse/".into()),
            want: vec![
                want("jira-link-api-url-match", Fail)
                    .fixing(&["https://acme.atlassian.net/browse/"]),
            ],
        },
        Case {
            name: "a plain username with Basic Auth on Cloud",
            change: |s| {
                s.align.auth_type = Some("Basic Auth".into());
                s.align.username = Some("svc-align".into());
            },
            want: vec![want("username-format", Fail).saying(&["email"])],
        },
        Case {
            name: "an unrecognised authentication type",
            change: |s| s.align.auth_type = Some("Kerberos".into()),
            want: vec![want("auth-type", Warn), want("consumer-key-match", Pass)],
        },
        Case {
            name: "Data Center with a context path",
            change: |s| {
                s.jira_site_url = Some("https://jira.example.com".into());
                s.align.jira_api_url = Some("https://jira.example.com/jira".into());
                s.align.jira_link = Some("https://jira.example.com/jira/browse/".into());
                s.align.auth_type = Some("Personal Access Token".into());
                s.align.username = Some("svc-align".into());
            },
            want: SITE_CHECKS.into_iter().map(|id| want(id, Pass)).collect(),
        },
    ]);
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
