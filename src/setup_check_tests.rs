//! Scenario and property tests for `check_setup`, with the key module stubbed (see
//! `rules::public_key::stub`: "KEY-<name>" is a good key, "RSAPUB-<name>" a PKCS#1 one).

use super::*;
use crate::rules::public_key::stub::StubKeys;
use proptest::prelude::*;

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

fn good() -> Setup {
    Setup {
        align_site_url: s("https://acme.jiraalign.com"),
        jira_site_url: s("https://acme.atlassian.net"),
        align: AlignSide {
            jira_link: s("https://acme.atlassian.net/browse/"),
            jira_api_url: s("https://acme.atlassian.net"),
            auth_type: s("OAuth"),
            consumer_key: s("JiraAlignAcme"),
            public_key: s("KEY-alpha"),
            username: None,
        },
        jira: JiraSide {
            application_url: s("https://acme.jiraalign.com"),
            application_name: s("Jira Align"),
            consumer_key: s("JiraAlignAcme"),
            consumer_name: s("Jira Align Acme"),
            public_key: s("KEY-alpha"),
            callback_url: s("https://acme.jiraalign.com"),
        },
    }
}

fn run(setup: &Setup) -> Vec<Check> {
    check_setup_with(setup, &StubKeys)
}

fn get<'a>(checks: &'a [Check], id: &str) -> &'a Check {
    match checks.iter().find(|c| c.id == id) {
        Some(c) => c,
        None => panic!("no check {id}"),
    }
}

const ALL_IDS: [&str; 18] = [
    "auth-type",
    "jira-api-url-format",
    "jira-api-url-match",
    "jira-link-format",
    "jira-link-match",
    "jira-link-api-url-match",
    "username-format",
    "application-url-format",
    "application-url-match",
    "application-name-format",
    "align-consumer-key-format",
    "jira-consumer-key-format",
    "consumer-key-match",
    "consumer-name-format",
    "align-public-key-format",
    "jira-public-key-format",
    "public-key-match",
    "callback-url-format",
];

#[test]
fn ids_are_stable_and_ordered() {
    // Authentication type not seen yet: every check, in order.
    let ids: Vec<&str> = run(&Setup::default()).iter().map(|c| c.id.name()).collect();
    assert_eq!(ids, ALL_IDS);
    // OAuth: the username is not used, so its check is left out.
    let ids: Vec<&str> = run(&good()).iter().map(|c| c.id.name()).collect();
    let oauth: Vec<&str> = ALL_IDS
        .into_iter()
        .filter(|id| *id != "username-format")
        .collect();
    assert_eq!(ids, oauth);
    // Basic Auth: no application link and no keys, so the OAuth-only checks are left out.
    let mut basic = good();
    basic.align.auth_type = s("Basic Auth");
    let ids: Vec<&str> = run(&basic).iter().map(|c| c.id.name()).collect();
    assert_eq!(ids, ALL_IDS[..7]);
    // The OAuth-only checks are the rest of the list.
    assert!(ids.iter().all(|id| !ALL_IDS[7..].contains(id)));
}

#[test]
fn all_good_oauth_setup_passes() {
    for c in run(&good()) {
        assert_eq!(c.state, CheckState::Pass, "{}: {}", c.id, c.message);
        assert_eq!(c.predicts, None);
    }
}

#[test]
fn an_empty_optional_callback_passes_but_an_unseen_one_does_not() {
    let mut setup = good();
    setup.jira.callback_url = s("");
    assert_eq!(
        get(&run(&setup), "callback-url-format").state,
        CheckState::Pass
    );
    setup.jira.callback_url = None;
    assert_eq!(
        get(&run(&setup), "callback-url-format").state,
        CheckState::Unknown
    );
}

#[test]
fn all_good_basic_auth_setup() {
    let mut setup = good();
    setup.align.auth_type = s("Basic Auth");
    setup.align.username = s("jira-align@acme.com");
    let checks = run(&setup);
    for id in [
        "auth-type",
        "jira-api-url-format",
        "jira-api-url-match",
        "jira-link-format",
        "jira-link-match",
        "jira-link-api-url-match",
        "username-format",
    ] {
        assert_eq!(get(&checks, id).state, CheckState::Pass, "{id}");
    }
    assert_eq!(checks.len(), 7, "no OAuth-only check with Basic Auth");
    assert!(
        get(&checks, "auth-type")
            .message
            .contains("no application link or keys")
    );
}

#[test]
fn nothing_seen_means_unknown_everywhere() {
    for c in run(&Setup::default()) {
        assert_eq!(c.state, CheckState::Unknown, "{}", c.id);
    }
    // Empty strings count as not seen.
    let mut setup = Setup::default();
    setup.align.consumer_key = s("");
    setup.jira.consumer_key = s("");
    assert_eq!(
        get(&run(&setup), "consumer-key-match").state,
        CheckState::Unknown
    );
}

#[test]
fn consumer_key_trailing_space() {
    let mut setup = good();
    setup.jira.consumer_key = s("JiraAlignAcme ");
    let checks = run(&setup);
    let c = get(&checks, "consumer-key-match");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.predicts, Some("consumer_key_unknown"));
    assert!(c.message.contains("JiraAlignAcme⟨space⟩"), "{}", c.message);
    assert!(c.message.contains("position 14 (the end)"), "{}", c.message);
    assert_eq!(
        c.fix,
        "In Jira's Incoming Authentication, set Consumer Key to exactly \"JiraAlignAcme\"."
    );
    assert_eq!(
        get(&checks, "jira-consumer-key-format").state,
        CheckState::Fail
    );
    assert_eq!(
        get(&checks, "align-consumer-key-format").state,
        CheckState::Pass
    );
}

#[test]
fn consumer_key_case_only() {
    let mut setup = good();
    setup.align.consumer_key = s("jiraalignacme");
    let c = get(&run(&setup), "consumer-key-match").clone();
    assert_eq!(c.state, CheckState::Fail);
    assert!(c.message.contains("only in letter case"), "{}", c.message);
}

#[test]
fn consumer_key_cyrillic_letter() {
    let mut setup = good();
    setup.jira.consumer_key = s("JirаAlignAcme");
    let checks = run(&setup);
    let c = get(&checks, "consumer-key-match");
    assert!(c.message.contains("Cyrillic"), "{}", c.message);
    assert_eq!(c.predicts, Some("consumer_key_unknown"));
    let f = get(&checks, "jira-consumer-key-format");
    assert!(
        f.message.contains("the 'а' at position 4 is Cyrillic"),
        "{}",
        f.message
    );
}

#[test]
fn consumer_name_pasted_as_key() {
    let mut setup = good();
    setup.align.consumer_key = s("Jira Align Acme");
    let c = get(&run(&setup), "consumer-key-match").clone();
    assert_eq!(c.state, CheckState::Fail);
    assert!(
        c.message.contains("is the link's Consumer Name"),
        "{}",
        c.message
    );
    assert!(c.fix.contains("\"JiraAlignAcme\""), "{}", c.fix);

    let mut setup = good();
    setup.jira.consumer_key = s("Jira Align Acme");
    let c = get(&run(&setup), "consumer-key-match").clone();
    assert!(
        c.message
            .contains("the name was probably pasted as the key"),
        "{}",
        c.message
    );
    assert!(c.fix.contains("\"JiraAlignAcme\""), "{}", c.fix);
}

#[test]
fn generate_new_key_clicked_again() {
    let mut setup = good();
    setup.align.public_key = s("KEY-beta");
    let checks = run(&setup);
    let c = get(&checks, "public-key-match");
    assert_eq!(c.state, CheckState::Fail);
    assert_eq!(c.predicts, Some("signature_invalid"));
    assert!(
        c.message
            .contains("Generate New Key clicked again after pasting")
    );
    // Stub fingerprints: hex of the name, zero-padded.
    assert!(
        c.message.contains("SHA-256 616c706861000000…"),
        "{}",
        c.message
    );
    assert!(
        c.message.contains("SHA-256 6265746100000000…"),
        "{}",
        c.message
    );
    assert_eq!(
        get(&checks, "align-public-key-format").state,
        CheckState::Pass
    );
}

#[test]
fn pkcs1_key_in_jira() {
    let mut setup = good();
    setup.jira.public_key = s("RSAPUB-alpha");
    let checks = run(&setup);
    assert_eq!(
        get(&checks, "jira-public-key-format").state,
        CheckState::Fail
    );
    // Same key material: the match itself holds.
    assert_eq!(get(&checks, "public-key-match").state, CheckState::Pass);
}

#[test]
fn unreadable_key_makes_the_match_unknown() {
    let mut setup = good();
    setup.jira.public_key = s("garbage");
    let checks = run(&setup);
    assert_eq!(
        get(&checks, "jira-public-key-format").state,
        CheckState::Fail
    );
    assert_eq!(get(&checks, "public-key-match").state, CheckState::Unknown);
}

#[test]
fn real_key_module_matches_one_key_in_two_forms_and_tells_keys_apart() {
    // The same key as Jira Align shows it (PEM) and as Jira stores it (one line of Base64).
    let pem = include_str!("../tests/keys/rsa-2048.pub.pem");
    let one_line = include_str!("../tests/keys/rsa-2048.oneline.b64");
    let mut setup = good();
    setup.align.public_key = s(pem);
    setup.jira.public_key = s(one_line);
    let checks = check_setup(&setup);
    for id in [
        "align-public-key-format",
        "jira-public-key-format",
        "public-key-match",
    ] {
        assert_eq!(get(&checks, id).state, CheckState::Pass, "{id}");
    }
    setup.jira.public_key = s(include_str!("../tests/keys/rsa-3072.pub.pem"));
    let c = check_setup(&setup);
    assert_eq!(get(&c, "public-key-match").state, CheckState::Fail);
    assert_eq!(
        get(&c, "public-key-match").predicts,
        Some("signature_invalid")
    );
    // Stub keys are not keys to the real module: never a pass.
    let stubbed = check_setup(&good());
    assert_ne!(get(&stubbed, "public-key-match").state, CheckState::Pass);
}

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
        align_pub in value(&["KEY-alpha", "KEY-beta", "RSAPUB-alpha", "garbage"]),
        username in value(&["svc@acme.com", "svc"]),
        application_url in value(&["https://acme.jiraalign.com", "http://acme.jiraalign.com", "https://acme.agilecraft.com/"]),
        application_name in value(&["Jira Align", " x"]),
        jira_key in value(&["JiraAlignAcme", "jiraalignacme"]),
        consumer_name in value(&["Jira Align Acme"]),
        jira_pub in value(&["KEY-alpha", "KEY-beta", "RSAPUB-alpha", "garbage"]),
        callback_url in value(&["https://acme.jiraalign.com", "ftp://x"]),
    ) -> Setup {
        Setup {
            align_site_url,
            jira_site_url,
            align: AlignSide { jira_link, jira_api_url, auth_type, consumer_key: align_key, public_key: align_pub, username },
            jira: JiraSide { application_url, application_name, consumer_key: jira_key, consumer_name, public_key: jira_pub, callback_url },
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
        v in proptest::collection::vec(proptest::option::of("\\PC{0,30}"), 14)
    ) {
        let g = |i: usize| v.get(i).cloned().flatten();
        let setup = Setup {
            align_site_url: g(0),
            jira_site_url: g(1),
            align: AlignSide { jira_link: g(2), jira_api_url: g(3), auth_type: g(4), consumer_key: g(5), public_key: g(6), username: g(7) },
            jira: JiraSide { application_url: g(8), application_name: g(9), consumer_key: g(10), consumer_name: g(11), public_key: g(12), callback_url: g(13) },
        };
        let checks = run(&setup);
        // Always a subsequence of the full list, in its order.
        let mut rest = ALL_IDS.iter();
        for c in &checks {
            prop_assert!(rest.any(|id| *id == c.id), "{} out of order", c.id);
        }
        let _ = check_setup(&setup);
    }
}
