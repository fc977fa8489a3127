//! Tests of the URL rules.

use super::*;
use crate::rules::tests::{assert_codes, assert_good};
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
fn bad_align_urls() {
    assert_codes(
        check_align_url,
        &[
            ("", "url-empty"),
            ("   ", "url-empty"),
            ("https://acme.jiraalign.com ", "url-surrounding-whitespace"),
            ("https://acme.jira align.com", "url-invisible-char"),
            ("https://acme.jiraalign.com\u{200b}/x", "url-invisible-char"),
            ("acme.jiraalign.com", "url-missing-scheme"),
            ("http://acme.jiraalign.com", "url-not-https"),
            ("https://", "url-invalid"),
            ("https://exa mple..com:99999", "url-invalid"),
            ("https://x@acme.jiraalign.com", "url-userinfo"),
            ("https://acme.jiraalign.com@evil.io", "url-userinfo"),
            ("https://10.0.0.1", "url-ip-address"),
            ("https://[::1]", "url-ip-address"),
            ("https://acme.jiraalign.com/?tab=1", "url-query-or-fragment"),
            ("https://acme.jiraalign.com/#x", "url-query-or-fragment"),
            (
                "https://acme.jiraalign.com/Admin/Connectors",
                "url-has-path",
            ),
            ("https://acme.jiraalign.co", "align-url-lookalike-host"),
            ("https://acme.jira-align.com", "align-url-lookalike-host"),
            ("https://acme.jiraailgn.com", "align-url-lookalike-host"),
            ("https://acme.agilecraf.com", "align-url-lookalike-host"),
            ("https://acme.jiraalign.co.uk", "align-url-lookalike-host"),
            ("https://acme.jirаalign.com", "url-lookalike"),
            ("https://acme.jirаalign.com", "align-url-lookalike-host"),
            (
                "https://acme.jiraalign.com.evil.io",
                "align-url-suffix-trick",
            ),
            ("https://jiraalign.com", "align-url-no-company"),
            ("https://acme.agilecraft.com", "align-url-legacy-host"),
            ("https://align.example.com", "align-url-self-hosted"),
        ],
    );
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
fn bad_jira_api_urls() {
    assert_codes(
        check_jira_api_url,
        &[
            ("", "url-empty"),
            ("acme.atlassian.net", "url-missing-scheme"),
            ("http://acme.atlassian.net", "url-not-https"),
            ("https://me@acme.atlassian.net", "url-userinfo"),
            ("https://acme.atlassian.net/?x=1", "url-query-or-fragment"),
            ("https://acme.atlassian.com", "jira-url-lookalike-host"),
            ("https://acme.atlasian.net", "jira-url-lookalike-host"),
            ("https://acme.atlassain.net", "jira-url-lookalike-host"),
            (
                "https://acme.atlassian.net.evil.io",
                "jira-url-suffix-trick",
            ),
            ("https://atlassian.net", "jira-url-no-site"),
            (
                "https://api.atlassian.com/ex/jira/1234",
                "jira-url-api-gateway",
            ),
            (
                "https://acme.atlassian.net/rest/api/2",
                "jira-url-rest-path",
            ),
            (
                "https://acme.atlassian.net/rest/api/3/",
                "jira-url-rest-path",
            ),
            (
                "https://jira.example.com/jira/rest/api/latest",
                "jira-url-rest-path",
            ),
            (
                "https://acme.atlassian.net/browse/ABC-1",
                "jira-url-browse-path",
            ),
            (
                "https://acme.atlassian.net/jira/software/projects/ABC/boards/1",
                "jira-url-app-path",
            ),
            (
                "https://acme.atlassian.net/secure/Dashboard.jspa",
                "jira-url-app-path",
            ),
            ("https://acme.atlassian.net/jira", "jira-url-app-path"),
            (
                "https://acme.atlassian.net/plugins/servlet/applinks/listApplicationLinks",
                "jira-url-plugins-path",
            ),
            ("https://acme.atlassian.net/wat", "url-has-path"),
            ("https://jira.example.com", "jira-url-data-center"),
            ("https://acme.аtlassian.net", "url-lookalike"),
            ("https://acme.аtlassian.net", "jira-url-lookalike-host"),
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
fn bad_jira_links() {
    assert_codes(
        check_jira_link,
        &[
            ("", "url-empty"),
            ("acme.atlassian.net/browse/", "url-missing-scheme"),
            ("http://acme.atlassian.net/browse/", "url-not-https"),
            ("https://acme.atlassian.net", "jira-link-missing-browse"),
            ("https://acme.atlassian.net/", "jira-link-missing-browse"),
            ("https://jira.example.com/jira", "jira-link-missing-browse"),
            (
                "https://acme.atlassian.net/browse",
                "jira-link-browse-no-slash",
            ),
            (
                "https://acme.atlassian.net/browse/ABC-123",
                "jira-link-extra-path",
            ),
            (
                "https://acme.atlassian.net/rest/api/2",
                "jira-link-extra-path",
            ),
            (
                "https://acme.atlassian.net/jira/software/projects/ABC",
                "jira-link-extra-path",
            ),
            ("https://acme.atlassian.net/secure/", "jira-link-extra-path"),
            (
                "https://acme.atlassian.net/browse/?x",
                "url-query-or-fragment",
            ),
            (
                "https://acme.atlassian.com/browse/",
                "jira-url-lookalike-host",
            ),
            (
                "https://acme.atlassian.net.evil.io/browse/",
                "jira-url-suffix-trick",
            ),
            ("https://x@acme.atlassian.net/browse/", "url-userinfo"),
            (
                "https://acme.atlassian.net/browse/ ",
                "url-surrounding-whitespace",
            ),
        ],
    );
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
fn callback_urls() {
    assert_codes(
        check_callback_url,
        &[
            ("acme.jiraalign.com", "callback-url-not-absolute"),
            ("/callback", "callback-url-not-absolute"),
            ("ftp://acme.jiraalign.com", "callback-url-not-http"),
            ("javascript:alert(1)", "callback-url-not-http"),
            ("https://acme.jiraalign.com", "callback-url-trailing-slash"),
            ("https://acme.jiraalign.com ", "url-surrounding-whitespace"),
            ("https://acme.jirаalign.com", "url-lookalike"),
            ("https://ac me.jiraalign.com", "url-invisible-char"),
            ("https://", "url-invalid"),
            ("mailto:admin@acme.com", "callback-url-not-http"),
            ("file:///etc/passwd", "callback-url-not-http"),
            ("data:text/html,hi", "callback-url-not-http"),
            ("localhost:8080/cb", "callback-url-not-absolute"),
            ("www.acme.com/callback", "callback-url-not-absolute"),
            ("//acme.jiraalign.com/cb", "callback-url-not-absolute"),
            (
                "\u{200b}https://acme.jiraalign.com",
                "url-surrounding-whitespace",
            ),
            ("https://acme.jira\u{200b}align.com", "url-invisible-char"),
            ("http://[::1", "url-invalid"),
        ],
    );
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
