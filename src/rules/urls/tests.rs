//! Tests of the URL rules.

use super::*;
use crate::rules::tests::assert_good;
use proptest::prelude::*;

/// Found by the bad-input catalog: 1 MiB of NULs pasted into a URL field took ~5-10 ms
/// optimised to trim; anything past 16 KiB is now refused by its length alone.
#[test]
fn huge_inputs_are_refused_by_size() {
    let nul = "\u{0}".repeat(1 << 20);
    let junk = format!("https://acme.jiraalign.com/{}", "a".repeat(20_000));
    for input in [&nul, &junk] {
        for rule in [
            check_align_url,
            check_jira_api_url,
            check_jira_link,
            check_callback_url,
        ] {
            let r = rule(input);
            let codes: Vec<_> = r.problems.iter().map(|p| p.code).collect();
            assert_eq!(codes, ["url-too-long"]);
            assert!(r.value.is_empty());
        }
    }
    // Just under the limit is still parsed normally.
    let long_path = format!("https://acme.jiraalign.com/{}", "a".repeat(16_000));
    assert!(check_align_url(&long_path).has("url-has-path"));
}

#[test]
fn align_url_messages_give_the_intended_host() {
    let r = check_align_url("https://acme.jiraailgn.com");
    assert_eq!(r.problems[0].fix, "Use https://acme.jiraalign.com.");
    let r = check_align_url("https://acme.jirаalign.com/");
    assert!(
        r.problems
            .iter()
            .any(|p| p.message.contains("the 'а' at position 17 is Cyrillic")),
        "{:?}",
        r.problems
    );
    assert!(
        r.problems
            .iter()
            .any(|p| p.fix == "Use https://acme.jiraalign.com.")
    );
    let r = check_align_url("https://acme.jiraalign.com.evil.io");
    assert!(r.problems[0].message.contains("acme.jiraalign.com.evil.io"));
    assert_eq!(r.problems[0].fix, "Use https://acme.jiraalign.com.");
    let r = check_align_url("https://x@acme.jiraalign.com");
    assert_eq!(
        r.problems[0].fix,
        "Use https://acme.jiraalign.com without the part before '@'."
    );
    let r = check_align_url("http://acme.jiraalign.com/");
    assert_eq!(
        r.problems[0].fix,
        "Use https://acme.jiraalign.com (https, not http)."
    );
}

#[test]
fn good_align_urls() {
    assert_good(
        check_align_url,
        &[
            ("https://acme.jiraalign.com", "https://acme.jiraalign.com"),
            ("https://acme.jiraalign.com/", "https://acme.jiraalign.com"),
            ("HTTPS://ACME.JiraAlign.COM/", "https://acme.jiraalign.com"),
            (
                "https://acme.jiraalign.com:443/",
                "https://acme.jiraalign.com",
            ),
            (
                "  https://acme.jiraalign.com\n",
                "https://acme.jiraalign.com",
            ),
            ("https://acme.agilecraft.com", "https://acme.agilecraft.com"),
            ("https://align.example.com", "https://align.example.com"),
            (
                "https://align.bücher.example",
                "https://align.xn--bcher-kva.example",
            ),
            // IDN without ICU4X tables (see `parse_url`): upper case, other dots, and the
            // punycode form itself all give the same canonical host.
            (
                "https://ALIGN.BÜCHER.example/",
                "https://align.xn--bcher-kva.example",
            ),
            (
                "https://align。bücher．example",
                "https://align.xn--bcher-kva.example",
            ),
            (
                "https://align.xn--bcher-kva.example",
                "https://align.xn--bcher-kva.example",
            ),
            (
                "https://acme-eu.jiraalign.com",
                "https://acme-eu.jiraalign.com",
            ),
        ],
    );
}

#[test]
fn jira_api_url_fixes_give_the_site_root() {
    for (input, fix) in [
        (
            "https://acme.atlassian.net/rest/api/2",
            "Use https://acme.atlassian.net.",
        ),
        (
            "https://ACME.atlassian.net/browse/ABC-1",
            "Use https://acme.atlassian.net.",
        ),
        (
            "https://jira.example.com/jira/rest/api/2",
            "Use https://jira.example.com/jira.",
        ),
        (
            "https://jira.example.com/jira/secure/Dashboard.jspa",
            "Use https://jira.example.com/jira.",
        ),
        (
            "https://acme.atlassian.com",
            "Use https://acme.atlassian.net.",
        ),
    ] {
        let r = check_jira_api_url(input);
        assert!(
            r.problems.iter().any(|p| p.fix == fix),
            "{input}: {:?}",
            r.problems
        );
    }
}

#[test]
fn good_jira_api_urls() {
    assert_good(
        check_jira_api_url,
        &[
            ("https://acme.atlassian.net", "https://acme.atlassian.net"),
            ("https://acme.atlassian.net/", "https://acme.atlassian.net"),
            ("https://Acme.Atlassian.net", "https://acme.atlassian.net"),
            ("https://jira.example.com", "https://jira.example.com"),
            (
                "https://jira.example.com/jira",
                "https://jira.example.com/jira",
            ),
            (
                "https://jira.example.com:8443/",
                "https://jira.example.com:8443",
            ),
        ],
    );
}

#[test]
fn jira_link_fix_and_message_name_the_site_and_the_extra_path() {
    let r = check_jira_link("https://acme.atlassian.net");
    assert_eq!(r.problems[0].fix, "Use https://acme.atlassian.net/browse/.");
    let r = check_jira_link("https://acme.atlassian.net/browse/ABC-123");
    assert!(r.problems[0].message.contains("'ABC-123'"));
}

#[test]
fn good_jira_links() {
    assert_good(
        check_jira_link,
        &[
            (
                "https://acme.atlassian.net/browse/",
                "https://acme.atlassian.net/browse/",
            ),
            (
                "HTTPS://ACME.atlassian.net/browse/",
                "https://acme.atlassian.net/browse/",
            ),
            (
                "https://jira.example.com/jira/browse/",
                "https://jira.example.com/jira/browse/",
            ),
            (
                "https://jira.example.com/browse/",
                "https://jira.example.com/browse/",
            ),
        ],
    );
}

#[test]
fn good_callback_urls() {
    assert_good(
        check_callback_url,
        &[
            ("", ""),
            ("  ", ""),
            ("https://acme.jiraalign.com/", "https://acme.jiraalign.com"),
            ("http://localhost:8080/cb", "http://localhost:8080/cb"),
        ],
    );
}

#[test]
fn site_roots() {
    let root = |s: &str| jira_site_root(s).map(|j| j.site_root);
    assert_eq!(
        root("https://acme.atlassian.net/browse/"),
        Some("https://acme.atlassian.net".into())
    );
    assert_eq!(
        root("https://jira.example.com/jira/browse/"),
        Some("https://jira.example.com/jira".into())
    );
    assert_eq!(
        root("https://jira.example.com/"),
        Some("https://jira.example.com".into())
    );
    assert_eq!(is_cloud_url("https://acme.atlassian.net"), Some(true));
    assert_eq!(is_cloud_url("https://jira.example.com"), Some(false));
    assert_eq!(is_cloud_url("https://"), None);
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = check_align_url(&s);
        let _ = check_jira_api_url(&s);
        let _ = check_jira_link(&s);
        let _ = check_callback_url(&s);
    }

    #[test]
    fn never_panics_on_url_shaped_input(s in "(https?://)?[a-zA-Z0-9.@:/?#\\[\\]\u{430} -]{0,40}") {
        let _ = check_align_url(&s);
        let _ = check_jira_api_url(&s);
        let _ = check_jira_link(&s);
        let _ = check_callback_url(&s);
    }

    #[test]
    fn normalising_is_idempotent_and_valid_stays_valid(
        s in "(https?://)?[a-zA-Z]{1,8}\\.(jiraalign\\.com|atlassian\\.net|example\\.com)(:[0-9]{1,4})?(/|/browse/|/jira|/rest/api/2)?( )?"
    ) {
        for rule in [check_align_url, check_jira_api_url, check_jira_link, check_callback_url] {
            let r = rule(&s);
            let again = rule(&r.value);
            prop_assert_eq!(&again.value, &r.value, "{:?}", s);
            if r.ok {
                prop_assert!(again.ok, "{:?} -> {:?}: {:?}", s, r.value, again.problems);
            }
        }
    }
}
