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
        jira_cloud_id: None,
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
        audience: Audience::Extension,
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

/// Every check `check_setup` makes (the others ask Jira), in the vocabulary's order.
fn all_ids() -> Vec<&'static str> {
    CheckId::ALL
        .iter()
        .filter(|c| !c.asks_jira())
        .map(|c| c.name())
        .collect()
}

#[test]
fn ids_are_stable_and_ordered() {
    // Authentication type not seen yet: every check, in order.
    let ids: Vec<&str> = run(&Setup::default()).iter().map(|c| c.id.name()).collect();
    assert_eq!(ids, all_ids());
    // OAuth: the username is not used, so its check is left out.
    let ids: Vec<&str> = run(&good()).iter().map(|c| c.id.name()).collect();
    let oauth: Vec<&str> = all_ids()
        .into_iter()
        .filter(|id| *id != "username-format")
        .collect();
    assert_eq!(ids, oauth);
    // Basic Auth: no application link and no keys, so the OAuth-only checks are left out.
    let mut basic = good();
    basic.align.auth_type = s("Basic Auth");
    let ids: Vec<&str> = run(&basic).iter().map(|c| c.id.name()).collect();
    assert_eq!(ids, all_ids()[..7]);
    // The OAuth-only checks are the rest of the list.
    assert!(ids.iter().all(|id| !all_ids()[7..].contains(id)));
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
    let pem = include_str!("../../../tests/keys/rsa-2048.pub.pem");
    let one_line = include_str!("../../../tests/keys/rsa-2048.oneline.b64");
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
    setup.jira.public_key = s(include_str!("../../../tests/keys/rsa-3072.pub.pem"));
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

mod gateway;
mod props;
mod sites;

#[test]
fn missing_values_are_asked_for_where_the_checks_are_shown() {
    let extension = run(&Setup::default());
    let standalone = run(&Setup {
        audience: Audience::Standalone,
        ..Setup::default()
    });
    assert_eq!(extension.len(), standalone.len());
    for (e, s) in extension.iter().zip(&standalone) {
        assert_eq!((e.id, e.state), (s.id, s.state));
        if e.state != CheckState::Unknown || e.missing.as_ref().is_none_or(|m| m.optional) {
            continue;
        }
        assert!(
            e.fix.contains("so Linksmith can read it"),
            "{}: {}",
            e.id,
            e.fix
        );
        assert!(
            e.message.ends_with("not seen yet."),
            "{}: {}",
            e.id,
            e.message
        );
        assert!(!s.fix.contains("Linksmith can read"), "{}: {}", s.id, s.fix);
        assert!(!s.fix.starts_with("Open "), "{}: {}", s.id, s.fix);
        assert!(
            s.message.ends_with("not entered yet."),
            "{}: {}",
            s.id,
            s.message
        );
    }
    let callback = get(&standalone, "callback-url-format");
    assert!(callback.message.contains("not entered yet; it is optional"));
    let api = get(&standalone, "jira-api-url-format");
    assert_eq!(
        api.fix,
        "Copy it from the Jira Align connector form and paste it here."
    );
}
