//! Property tests across every field rule, through `rules::check_field` as the extension calls
//! it: normalising is idempotent, and a normalised valid value never gets an error. The per-rule
//! modules test their own rules with narrower inputs; these mix every field with every kind of
//! white space, invisible and lookalike character, and real key texts.

use linksmith::rules::{FieldContext, check_field, has_rule};
use linksmith::vocabulary::Field;
use proptest::prelude::*;

/// Every field with a rule except the API token, whose value is a mask by design.
fn ids() -> Vec<Field> {
    Field::ALL
        .iter()
        .copied()
        .filter(|f| has_rule(*f) && *f != Field::AlignApiToken)
        .collect()
}

const PADDING: [&str; 14] = [
    "", " ", "\t", "\n", "\r\n", "\u{a0}", "\u{200b}", "\u{feff}", "\u{202e}", "\u{3000}",
    "\u{2028}", "\u{200f}", "\u{85}", "\u{b}",
];

fn key_text(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/keys")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// Values close to real ones for each kind of field, plus arbitrary text.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9]{1,20}",
        "[A-Za-z0-9 ._@-]{0,30}",
        "(https?://)?[a-z]{1,6}\\.(jiraalign\\.com|agilecraft\\.com|atlassian\\.net|example\\.com)(:443|:8443)?(/|/browse/|/browse|/jira|/rest/api/2)?",
        "[a-z]{1,8}(\\.[a-z]{1,5})?@[a-z]{1,8}\\.(com|io)",
        "[a-z\u{430}\u{3b1}\u{ff41}.:/@]{0,24}",
        prop::sample::select(vec![
            "rsa-2048.pub.pem",
            "rsa-2048.oneline.b64",
            "rsa-2048.pkcs1.pub.pem",
            "rsa-2048.ssh.pub",
            "cert-rsa-2048.pem",
            "rsa-512.pub.pem",
            "rsa-1024.pub.pem",
            "ec-p256.pub.pem",
        ])
        .prop_map(key_text),
        "\\PC{0,40}",
        any::<String>(),
    ]
}

fn context() -> impl Strategy<Value = FieldContext> {
    prop_oneof![
        Just(FieldContext::default()),
        Just(FieldContext {
            jira_api_url: Some("https://acme.atlassian.net".into()),
            jira_site_url: None,
            consumer_key_prefix: Some("ACME".into()),
        }),
        Just(FieldContext {
            jira_api_url: Some(String::new()),
            jira_site_url: Some("https://jira.example.com".into()),
            consumer_key_prefix: None,
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(768))]

    #[test]
    fn normalising_is_idempotent_and_valid_values_stay_valid(
        id in prop::sample::select(ids()),
        core in value(),
        before in prop::sample::select(PADDING.to_vec()),
        after in prop::sample::select(PADDING.to_vec()),
        ctx in context(),
    ) {
        let input = format!("{before}{core}{after}");
        let Some(once) = check_field(id, &input, &ctx) else {
            return Err(TestCaseError::fail(format!("no rule for {id}")));
        };
        let Some(twice) = check_field(id, &once.value, &ctx) else {
            return Err(TestCaseError::fail(format!("no rule for {id}")));
        };
        prop_assert_eq!(&twice.value, &once.value, "{}: {:?}", id, input);
        if once.ok {
            prop_assert!(
                twice.ok,
                "{}: {:?} normalised to {:?}, which gets {:?}",
                id, input, once.value, twice.problems.iter().map(|p| p.code).collect::<Vec<_>>()
            );
        }
        // A normalised value is clean: it no longer has the white-space problems that
        // normalising removed.
        prop_assert!(!twice.problems.iter().any(|p| p.code.name().ends_with("surrounding-whitespace")),
            "{}: {:?}", id, twice.problems);
    }
}
