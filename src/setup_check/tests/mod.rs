//! Scenario and property tests for `check_setup`, with real keys (tests/keys/): most scenarios
//! are one change to a good setup and what it must do to the checks, as rows of a table.

use super::*;
use proptest::prelude::*;

/// A good 2048-bit key as Jira Align shows it, the same key as Jira stores it (one line of
/// Base64) and as PKCS#1, and another key of the same size.
const ALPHA: &str = include_str!("../../../tests/keys/rsa-2048.pub.pem");
const ALPHA_ONE_LINE: &str = include_str!("../../../tests/keys/rsa-2048.oneline.b64");
const ALPHA_PKCS1: &str = include_str!("../../../tests/keys/rsa-2048.pkcs1.pub.pem");
const BETA: &str = include_str!("../../../tests/keys/rsa-2048-e3.pub.pem");
/// The first 16 digits of their SHA-256 fingerprints (tests/keys/expected.tsv).
const ALPHA_SHORT: &str = "f8bd909336cbfbfa";
const BETA_SHORT: &str = "9593f7ed965a8374";

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
            public_key: s(ALPHA),
            username: None,
        },
        jira: JiraSide {
            application_url: s("https://acme.jiraalign.com"),
            application_name: s("Jira Align"),
            consumer_key: s("JiraAlignAcme"),
            consumer_name: s("Jira Align Acme"),
            public_key: s(ALPHA),
            callback_url: s("https://acme.jiraalign.com"),
        },
        audience: Audience::Extension,
        consumer_key_prefix: None,
    }
}

fn run(setup: &Setup) -> Vec<Check> {
    check_setup(setup)
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

/// The checks of the sites and the username: all that applies without OAuth.
const SITE_CHECKS: [&str; 6] = [
    "jira-api-url-format",
    "jira-api-url-match",
    "jira-link-format",
    "jira-link-match",
    "jira-link-api-url-match",
    "username-format",
];

/// What one check must say: its state, the OAuth error it predicts (when given), and pieces of
/// text its message and its fix contain.
struct Want {
    id: &'static str,
    state: CheckState,
    predicts: Option<&'static str>,
    message: &'static [&'static str],
    fix: &'static [&'static str],
}

const fn want(id: &'static str, state: CheckState) -> Want {
    Want {
        id,
        state,
        predicts: None,
        message: &[],
        fix: &[],
    }
}

impl Want {
    const fn saying(mut self, message: &'static [&'static str]) -> Want {
        self.message = message;
        self
    }
    const fn fixing(mut self, fix: &'static [&'static str]) -> Want {
        self.fix = fix;
        self
    }
    const fn predicting(mut self, problem: &'static str) -> Want {
        self.predicts = Some(problem);
        self
    }
}

/// One scenario: what is changed in [`good`], and what the checks must then say.
struct Case {
    name: &'static str,
    change: fn(&mut Setup),
    want: Vec<Want>,
}

fn assert_cases(cases: Vec<Case>) {
    for case in cases {
        let mut setup = good();
        (case.change)(&mut setup);
        let checks = run(&setup);
        for w in &case.want {
            let c = get(&checks, w.id);
            let name = format!("{}: {}", case.name, w.id);
            assert_eq!(c.state, w.state, "{name}: {}", c.message);
            if w.predicts.is_some() {
                assert_eq!(c.predicts, w.predicts, "{name}");
            }
            for piece in w.message {
                assert!(
                    c.message.contains(piece),
                    "{name}: {piece:?} not in {}",
                    c.message
                );
            }
            for piece in w.fix {
                assert!(c.fix.contains(piece), "{name}: {piece:?} not in {}", c.fix);
            }
        }
    }
}

use CheckState::{Fail, Pass, Unknown, Warn};

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
fn all_good_basic_auth_setup() {
    let mut setup = good();
    setup.align.auth_type = s("Basic Auth");
    setup.align.username = s("jira-align@acme.com");
    let checks = run(&setup);
    for id in std::iter::once("auth-type").chain(SITE_CHECKS) {
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
fn consumer_key_and_public_key_scenarios() {
    assert_cases(vec![
        Case {
            name: "an empty optional callback",
            change: |s| s.jira.callback_url = Some(String::new()),
            want: vec![want("callback-url-format", Pass)],
        },
        Case {
            name: "a callback not seen yet",
            change: |s| s.jira.callback_url = None,
            want: vec![want("callback-url-format", Unknown)],
        },
        Case {
            name: "a trailing space in Jira's key",
            change: |s| s.jira.consumer_key = Some("JiraAlignAcme ".into()),
            want: vec![
                want("consumer-key-match", Fail)
                    .predicting("consumer_key_unknown")
                    .saying(&["JiraAlignAcme⟨space⟩", "position 14 (the end)"])
                    .fixing(&["In Jira's Incoming Authentication, set Consumer Key to exactly \"JiraAlignAcme\"."]),
                want("jira-consumer-key-format", Fail),
                want("align-consumer-key-format", Pass),
            ],
        },
        Case {
            name: "keys differing only in case",
            change: |s| s.align.consumer_key = Some("jiraalignacme".into()),
            want: vec![want("consumer-key-match", Fail).saying(&["only in letter case"])],
        },
        Case {
            name: "a Cyrillic letter in Jira's key",
            change: |s| s.jira.consumer_key = Some("JirаAlignAcme".into()),
            want: vec![
                want("consumer-key-match", Fail)
                    .predicting("consumer_key_unknown")
                    .saying(&["Cyrillic"]),
                want("jira-consumer-key-format", Fail)
                    .saying(&["the 'а' at position 4 is Cyrillic"]),
            ],
        },
        Case {
            name: "the Consumer Name typed as Jira Align's key",
            change: |s| s.align.consumer_key = Some("Jira Align Acme".into()),
            want: vec![want("consumer-key-match", Fail)
                .saying(&["is the link's Consumer Name"])
                .fixing(&["\"JiraAlignAcme\""])],
        },
        Case {
            name: "the Consumer Name typed as Jira's key",
            change: |s| s.jira.consumer_key = Some("Jira Align Acme".into()),
            want: vec![want("consumer-key-match", Fail)
                .saying(&["the name was probably pasted as the key"])
                .fixing(&["\"JiraAlignAcme\""])],
        },
        Case {
            name: "keys without the organisation's prefix",
            change: |s| s.consumer_key_prefix = Some("ACME".into()),
            want: vec![
                want("align-consumer-key-format", Fail)
                    .predicting("consumer_key_unknown")
                    .saying(&["must start with \"ACME\", your organisation's prefix"])
                    .fixing(&["e.g. \"ACMEJiraAlignAcme\""]),
                want("jira-consumer-key-format", Fail).saying(&["must start with \"ACME\""]),
                // Still the same key on both sides: the match itself holds.
                want("consumer-key-match", Pass),
            ],
        },
        Case {
            name: "two different keys, neither with the prefix",
            change: |s| {
                s.consumer_key_prefix = Some("ACME".into());
                s.jira.consumer_key = Some("JiraAlignOther".into());
            },
            want: vec![want("consumer-key-match", Fail).fixing(&["e.g. \"ACMEJiraAlignAcme\""])],
        },
        Case {
            name: "keys with the organisation's prefix",
            change: |s| {
                s.consumer_key_prefix = Some("ACME".into());
                s.align.consumer_key = Some("ACMEJiraAlign".into());
                s.jira.consumer_key = Some("ACMEJiraAlign".into());
            },
            want: vec![
                want("align-consumer-key-format", Pass),
                want("jira-consumer-key-format", Pass),
                want("consumer-key-match", Pass),
            ],
        },
        Case {
            name: "Generate New Key clicked again",
            change: |s| s.align.public_key = Some(BETA.into()),
            want: vec![
                want("public-key-match", Fail)
                    .predicting("signature_invalid")
                    .saying(&[
                        "Generate New Key clicked again after pasting",
                        "different key (SHA-256 f8bd909336cbfbfa…) from the one Jira Align signs with (SHA-256 9593f7ed965a8374…)",
                        "The keys differ from line 2, column 6.",
                    ]),
                // The other fixture key has exponent 3: readable, with a warning.
                want("align-public-key-format", Warn).saying(&["exponent is 3"]),
            ],
        },
        Case {
            name: "one key in two forms",
            change: |s| s.jira.public_key = Some(ALPHA_ONE_LINE.into()),
            want: vec![
                want("align-public-key-format", Pass),
                want("jira-public-key-format", Pass),
                want("public-key-match", Pass).saying(&["SHA-256 f8bd909336cbfbfa…"]),
            ],
        },
        Case {
            name: "two keys written differently",
            change: |s| {
                s.align.public_key = Some(ALPHA_ONE_LINE.into());
                s.jira.public_key = Some(BETA.into());
            },
            want: vec![want("public-key-match", Fail).saying(&[
                "The keys differ from line 1, column 6 of Jira Align's text and line 2, column 6 of Jira's.",
            ])],
        },
        Case {
            name: "a PKCS#1 key against another key",
            change: |s| {
                s.align.public_key = Some(ALPHA_PKCS1.into());
                s.jira.public_key = Some(BETA.into());
            },
            want: vec![want("public-key-match", Fail).saying(&[
                "Written as PEM, the keys differ from line 1, column 6 of the Base64.",
            ])],
        },
        Case {
            name: "a PKCS#1 key in Jira",
            change: |s| s.jira.public_key = Some(ALPHA_PKCS1.into()),
            // Same key material: the match itself holds.
            want: vec![
                want("jira-public-key-format", Fail),
                want("public-key-match", Pass),
            ],
        },
        Case {
            name: "an unreadable key in Jira",
            change: |s| s.jira.public_key = Some("garbage".into()),
            want: vec![
                want("jira-public-key-format", Fail),
                want("public-key-match", Unknown),
            ],
        },
    ]);
}

#[test]
fn checks_carry_their_facts() {
    let mut setup = good();
    setup.align.public_key = s(BETA);
    setup.jira_site_url = s("https://acme-new.atlassian.net");
    let out = serde_json::to_value(run(&setup)).unwrap_or_default();
    let of = |id: &str| {
        out.as_array()
            .and_then(|a| a.iter().find(|c| c["id"] == id))
            .map(|c| c["facts"].clone())
            .unwrap_or_default()
    };
    let keys = of("public-key-match");
    let full = |short: &str, v: &serde_json::Value| {
        v.as_str()
            .is_some_and(|f| f.len() == 64 && f.starts_with(short))
    };
    assert!(full(BETA_SHORT, &keys["alignFingerprint"]), "{keys}");
    assert!(full(ALPHA_SHORT, &keys["jiraFingerprint"]), "{keys}");
    let d = &keys["firstDifference"];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(6)),
        "{d}"
    );
    assert_eq!(d["atA"], serde_json::json!({"line": 2, "column": 6}));
    assert_eq!(d["atB"], serde_json::json!({"line": 2, "column": 6}));
    assert_eq!(d["excerptA"], "MIIBI[D]ANBgkqhk…");
    assert!(full(
        BETA_SHORT,
        &of("align-public-key-format")["alignFingerprint"]
    ));
    assert!(full(
        ALPHA_SHORT,
        &of("jira-public-key-format")["jiraFingerprint"]
    ));
    let site = of("jira-api-url-match");
    assert_eq!(site["origin"], "https://acme.atlassian.net");
    assert_eq!(site["comparedOrigin"], "https://acme-new.atlassian.net");
    assert_eq!(
        of("application-url-match")["comparedOrigin"],
        "https://acme.jiraalign.com"
    );
    // A check that compared nothing, or read no key, has no facts at all.
    assert!(of("consumer-name-format").is_null());
    setup.jira.public_key = s("garbage");
    let out = serde_json::to_value(run(&setup)).unwrap_or_default();
    let jira_key = out
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == "jira-public-key-format"));
    assert!(
        jira_key.is_some_and(|c| c.get("facts").is_none()),
        "{jira_key:?}"
    );
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
