//! Tests of the oauth_problem explainer.

use super::*;
use proptest::prelude::*;

#[test]
fn every_known_value_is_explained() {
    for (value, _, _, _) in TABLE {
        let e = explain_oauth_problem(value);
        assert_eq!(e.problem.as_deref(), Some(value));
        assert!(e.known, "{value}");
        assert!(!e.cause.is_empty() && !e.fix.is_empty());
    }
    assert_eq!(TABLE.len(), 19);
}

#[test]
fn checks_to_look_at() {
    let id = |t: &str| explain_oauth_problem(t).check_id;
    assert_eq!(id("consumer_key_unknown"), Some(CheckId::ConsumerKeyMatch));
    assert_eq!(id("signature_invalid"), Some(CheckId::PublicKeyMatch));
    assert_eq!(id("token_rejected"), Some(CheckId::JiraApiUrlMatch));
    assert_eq!(id("timestamp_refused"), None);
}

#[test]
fn form_encoded_body_with_base_string() {
    let body = "oauth_problem=signature_invalid&oauth_signature=abc%3D&oauth_signature_base_string=GET%26https%253A%252F%252Facme.atlassian.net%252Frest%252Fapi%252F2%252Fmyself%26oauth_consumer_key%253DJiraAlignAcme&oauth_signature_method=RSA-SHA1";
    let e = explain_oauth_problem(body);
    assert_eq!(e.problem.as_deref(), Some("signature_invalid"));
    assert!(e.known);
    assert!(e.cause.contains("Generate New Key was clicked again"));
    assert!(
        e.cause
            .contains("signed was GET https://acme.atlassian.net/rest/api/2/myself"),
        "{}",
        e.cause
    );
    let http = body.replace("https%253A", "http%253A");
    assert!(
        explain_oauth_problem(&http)
            .cause
            .contains("signed for http://")
    );
}

#[test]
fn header_and_log_forms() {
    let header = r#"WWW-Authenticate: OAuth realm="https%3A%2F%2Facme.atlassian.net", oauth_problem="consumer_key_unknown""#;
    let e = explain_oauth_problem(header);
    assert_eq!(e.problem.as_deref(), Some("consumer_key_unknown"));
    assert_eq!(e.check_id, Some(CheckId::ConsumerKeyMatch));

    let log = "2024-05-01 10:00:01 ERROR Jira API call failed: HTTP/1.1 401 Unauthorized oauth_problem=token_rejected";
    let e = explain_oauth_problem(log);
    assert_eq!(e.problem.as_deref(), Some("token_rejected"));
    assert_eq!(e.http_status, Some(401));

    let e = explain_oauth_problem("Status code: 401 – OAuth error timestamp_refused from Jira");
    assert_eq!(e.problem.as_deref(), Some("timestamp_refused"));
    assert_eq!(e.http_status, Some(401));

    let e = explain_oauth_problem("  nonce_used\n");
    assert_eq!(e.problem.as_deref(), Some("nonce_used"));
    assert_eq!(e.http_status, None);
}

#[test]
fn details_from_the_body() {
    let e = explain_oauth_problem(
        "oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token%26oauth_verifier",
    );
    assert!(
        e.cause.contains("Missing: oauth_token, oauth_verifier."),
        "{}",
        e.cause
    );
    let e = explain_oauth_problem(
        "oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1700000000-1700000600",
    );
    assert!(e.cause.contains("1700000000-1700000600"), "{}", e.cause);
    let e =
        explain_oauth_problem("oauth_problem=version_rejected&oauth_acceptable_versions=1.0-1.0");
    assert!(e.cause.contains("version 1.0-1.0"));
}

#[test]
fn unknown_and_missing_values() {
    let e = explain_oauth_problem("oauth_problem=flux_capacitor_jammed");
    assert_eq!(e.problem.as_deref(), Some("flux_capacitor_jammed"));
    assert!(!e.known);
    assert!(e.cause.contains("does not know"));

    let e = explain_oauth_problem("HTTP/1.1 401 Unauthorized");
    assert_eq!(e.problem, None);
    assert!(!e.known);
    assert_eq!(e.http_status, Some(401));
    assert!(e.cause.contains("Basic Auth"));

    let e = explain_oauth_problem("something went wrong");
    assert_eq!(e.problem, None);
    assert_eq!(e.http_status, None);
    assert!(e.fix.contains("Paste the whole error"));

    // Not a parameter name: xoauth_problem.
    assert_eq!(explain_oauth_problem("xoauth_problem=flux x").problem, None);
    // Years and ports are not statuses.
    assert_eq!(explain_oauth_problem("2024 port 443").http_status, None);
}

#[test]
fn serialises_camel_case() {
    let v = serde_json::to_value(explain_oauth_problem(
        "HTTP/1.1 401\noauth_problem=nonce_used",
    ))
    .unwrap_or_default();
    assert_eq!(v["httpStatus"], 401);
    assert_eq!(v["problem"], "nonce_used");
    assert!(v["checkId"].is_null());
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = explain_oauth_problem(&s);
    }

    #[test]
    fn never_panics_on_shaped_input(s in "(oauth_problem|oauth_signature_base_string|HTTP/1.1|status)?[=:\"' %0-9a-fA-F&_]{0,40}") {
        let _ = explain_oauth_problem(&s);
    }
}
