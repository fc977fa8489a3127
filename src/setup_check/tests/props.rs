//! Property tests: any mix of seen, missing and wrong values.

use super::*;

/// The values each check compares or inspects: if any is missing, it must not pass.
fn inputs(id: &str, s: &Setup) -> Vec<Option<String>> {
    let (a, j) = (&s.align, &s.jira);
    match id {
        "auth-type" => vec![a.auth_type.clone()],
        "jira-api-url-format" => vec![a.jira_api_url.clone()],
        "jira-api-url-match" => vec![a.jira_api_url.clone(), s.jira_site_url.clone()],
        "jira-link-format" => vec![a.jira_link.clone()],
        "jira-link-match" => vec![a.jira_link.clone(), s.jira_site_url.clone()],
        "jira-link-api-url-match" => vec![a.jira_link.clone(), a.jira_api_url.clone()],
        "username-format" => vec![a.username.clone()],
        "application-url-format" => vec![j.application_url.clone()],
        "application-url-match" => vec![j.application_url.clone(), s.align_site_url.clone()],
        "application-name-format" => vec![j.application_name.clone()],
        "align-consumer-key-format" => vec![a.consumer_key.clone()],
        "jira-consumer-key-format" => vec![j.consumer_key.clone()],
        "consumer-key-match" => vec![a.consumer_key.clone(), j.consumer_key.clone()],
        "consumer-name-format" => vec![j.consumer_name.clone()],
        "align-public-key-format" => vec![a.public_key.clone()],
        "jira-public-key-format" => vec![j.public_key.clone()],
        "public-key-match" => vec![a.public_key.clone(), j.public_key.clone()],
        "callback-url-format" => vec![j.callback_url.clone()],
        other => panic!("check {other} has no input list"),
    }
}

/// A field value: missing, empty, or one of a few good and bad values for that field.
fn value(pool: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some(String::new())),
        proptest::sample::select(pool).prop_map(|v| Some(v.to_string())),
        "\\PC{0,12}".prop_map(Some),
    ]
}

prop_compose! {
    fn any_setup()(
        align_site_url in value(&["https://acme.jiraalign.com", "http://acme.jiraalign.com", "nonsense"]),
        jira_site_url in value(&["https://acme.atlassian.net", "https://new.atlassian.net", "https://jira.example.com"]),
        jira_link in value(&["https://acme.atlassian.net/browse/", "https://acme.atlassian.net", "acme"]),
        jira_api_url in value(&["https://acme.atlassian.net", "https://acme.atlassian.net/rest/api/2", "https://jira.example.com/jira"]),
        auth_type in value(&["OAuth", "Basic Auth", "Personal Access Token", "???"]),
        align_key in value(&["JiraAlignAcme", "JiraAlignAcme ", "Jira Align Acme"]),
        align_pub in value(&[ALPHA, BETA, ALPHA_PKCS1, "garbage"]),
        username in value(&["svc@acme.com", "svc"]),
        application_url in value(&["https://acme.jiraalign.com", "http://acme.jiraalign.com", "https://acme.agilecraft.com/"]),
        application_name in value(&["Jira Align", " x"]),
        jira_key in value(&["JiraAlignAcme", "jiraalignacme"]),
        consumer_name in value(&["Jira Align Acme"]),
        jira_pub in value(&[ALPHA_ONE_LINE, BETA, ALPHA_PKCS1, "garbage"]),
        callback_url in value(&["https://acme.jiraalign.com", "ftp://x"]),
        consumer_key_prefix in value(&["JiraAlign", "ACME", "x-y"]),
    ) -> Setup {
        Setup {
            align_site_url,
            jira_site_url,
            jira_cloud_id: None,
            align: AlignSide { jira_link, jira_api_url, auth_type, consumer_key: align_key, public_key: align_pub, username },
            jira: JiraSide { application_url, application_name, consumer_key: jira_key, consumer_name, public_key: jira_pub, callback_url },
            audience: Audience::Extension,
            consumer_key_prefix,
        }
    }
}

proptest! {
    #[test]
    fn never_passes_on_missing_data(setup in any_setup()) {
        for c in run(&setup) {
            // The callback is optional: only a field never seen counts as missing.
            let missing = if c.id == "callback-url-format" {
                setup.jira.callback_url.is_none()
            } else {
                inputs(c.id.name(), &setup).iter().any(|v| v.as_deref().is_none_or(str::is_empty))
            };
            if missing {
                prop_assert_ne!(c.state, CheckState::Pass, "{} passed with a missing input: {}", c.id, c.message);
            }
            // Failures that predict an OAuth error only come from failing checks.
            if c.predicts.is_some() {
                prop_assert_eq!(c.state, CheckState::Fail);
            }
        }
    }

    #[test]
    fn never_panics_on_arbitrary_setups(
        v in proptest::collection::vec(proptest::option::of("\\PC{0,30}"), 16)
    ) {
        let g = |i: usize| v.get(i).cloned().flatten();
        let setup = Setup {
            align_site_url: g(0),
            jira_site_url: g(1),
            jira_cloud_id: g(14),
            align: AlignSide { jira_link: g(2), jira_api_url: g(3), auth_type: g(4), consumer_key: g(5), public_key: g(6), username: g(7) },
            jira: JiraSide { application_url: g(8), application_name: g(9), consumer_key: g(10), consumer_name: g(11), public_key: g(12), callback_url: g(13) },
            audience: Audience::Extension,
            consumer_key_prefix: g(15),
        };
        let checks = run(&setup);
        // Always a subsequence of the full list, in its order.
        let all = all_ids();
        let mut rest = all.iter();
        for c in &checks {
            prop_assert!(rest.any(|id| *id == c.id), "{} out of order", c.id);
        }
    }
}
