//! The wasm-bindgen boundary, run in wasm (node) by wasm-bindgen-test: results are plain objects
//! with the documented camelCase names, and errors are JS `Error`s with a stable `name`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Error, Reflect};
use linksmith::wasm_api::{
    PrimeSearch, check_api_token_shape, check_field, check_setup, compare_public_keys,
    generate_key_pair, inspect_public_key, key_pair_from_primes, oauth_authorization,
    oauth_base_string, sign_oauth_request, verify_verdict,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn error_name(value: JsValue) -> String {
    value
        .dyn_into::<Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn generate_key_pair_returns_the_documented_fields() {
    let pair = generate_key_pair(JsValue::from(2048)).expect("2048 is a supported size");
    assert_eq!(get(&pair, "bits").as_f64(), Some(2048.0));
    for key in [
        "publicKeyPem",
        "privateKeyPkcs8Pem",
        "privateKeyPkcs1Pem",
        "fingerprintSha256",
    ] {
        assert!(get(&pair, key).as_string().is_some(), "{key} is a string");
    }
    let report = inspect_public_key(get(&pair, "publicKeyPem")).expect("inspect answers");
    assert_eq!(get(&report, "ok").as_bool(), Some(true));
    assert_eq!(
        get(&report, "fingerprintSha256").as_string(),
        get(&pair, "fingerprintSha256").as_string()
    );
    assert_eq!(
        get(&report, "kind").as_string().as_deref(),
        Some("spki-pem")
    );
}

#[wasm_bindgen_test]
fn unsupported_sizes_and_non_numbers_are_named_errors() {
    for bad in [
        JsValue::from(1024),
        JsValue::from(2047.5),
        JsValue::from_str("2048"),
    ] {
        let err = generate_key_pair(bad).expect_err("refused");
        assert_eq!(error_name(err), "key-size-unsupported");
    }
}

#[wasm_bindgen_test]
fn inspect_and_compare_reject_non_strings() {
    assert_eq!(
        error_name(inspect_public_key(JsValue::from(1)).expect_err("refused")),
        "bad-argument"
    );
    assert_eq!(
        error_name(
            compare_public_keys(JsValue::NULL, JsValue::from_str("x")).expect_err("refused")
        ),
        "bad-argument"
    );
}

#[wasm_bindgen_test]
fn inspect_reports_problems_as_plain_objects() {
    let report = inspect_public_key(JsValue::from_str("not a key")).expect("inspect answers");
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
    let problems = get(&report, "problems");
    assert!(js_sys::Array::is_array(&problems));
    let first = js_sys::Array::from(&problems).get(0);
    for key in ["code", "severity", "message", "fix"] {
        assert!(get(&first, key).as_string().is_some(), "problem.{key}");
    }
}

#[wasm_bindgen_test]
fn compare_sees_one_key_in_two_formats() {
    let pair = generate_key_pair(JsValue::from(2048)).expect("keygen");
    let pem = get(&pair, "publicKeyPem");
    let one_line = get(
        &inspect_public_key(pem.clone()).expect("inspect"),
        "jiraBase64",
    );
    let cmp = compare_public_keys(pem, one_line).expect("compare");
    assert_eq!(get(&cmp, "same").as_bool(), Some(true));
}

/// The panel workers' path: primes from two searches, assembled into a pair with the same fields;
/// a refused pair of primes is a named error.
#[wasm_bindgen_test]
fn prime_searches_and_assembly_make_a_pair() {
    let prime = || {
        let mut search = PrimeSearch::new(2048).expect("2048 is a supported size");
        loop {
            if let Some(p) = search.step(4).expect("the search runs") {
                assert!(search.tested() >= 1.0);
                return p;
            }
        }
    };
    let (p, q) = (prime(), prime());
    assert_eq!(p.len(), 128);
    let pair = key_pair_from_primes(2048, &p, &q).expect("two fresh primes make a key");
    assert_eq!(get(&pair, "bits").as_f64(), Some(2048.0));
    assert!(get(&pair, "publicKeyPem").as_string().is_some());
    let refused = key_pair_from_primes(2048, &p, &p).err();
    assert_eq!(
        refused.map(error_name).as_deref(),
        Some("key-generation-failed")
    );
    // A multiple of 3 just above q, in either place: the paired Fermat check (one number in
    // each wasm SIMD lane) refuses it whichever lane it is in.
    let composite = multiple_of_three_above(&q);
    for (a, b) in [(&p, &composite), (&composite, &p)] {
        let refused = key_pair_from_primes(2048, a, b).err();
        assert_eq!(
            refused.map(error_name).as_deref(),
            Some("key-generation-failed")
        );
    }
    let refused = PrimeSearch::new(1024).err();
    assert_eq!(
        refused.map(error_name).as_deref(),
        Some("key-size-unsupported")
    );
}

/// The first odd multiple of 3 above the odd big-endian `n` (256 ≡ 1 mod 3, so n mod 3 is the
/// sum of its bytes mod 3); n + 2 or n + 4, the same size as n here.
fn multiple_of_three_above(n: &[u8]) -> Vec<u8> {
    let mut m = n.to_vec();
    loop {
        let mut add = 2;
        for byte in m.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(add);
            *byte = sum;
            if !carry {
                break;
            }
            add = 1;
        }
        if m.iter().map(|&b| u32::from(b)).sum::<u32>() % 3 == 0 {
            return m;
        }
    }
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("test JSON")
}

#[wasm_bindgen_test]
fn verify_verdict_reads_jira_answers_with_nulls_and_absent_fields() {
    let input = json(
        r#"{"answer": {"url": "https://acme.atlassian.net/rest/api/3/myself", "status": 200,
            "contentType": "application/json", "error": null, "body": null,
            "json": {"accountId": "5b10", "emailAddress": "Svc@Acme.com", "displayName": null,
                     "applicationRoles": null}},
            "serviceAccount": "svc@acme.com", "step": "authorize"}"#,
    );
    let check = verify_verdict(JsValue::from_str("jira-session-user"), input).expect("a verdict");
    assert_eq!(
        get(&check, "id").as_string().as_deref(),
        Some("jira-session-user")
    );
    assert_eq!(get(&check, "state").as_string().as_deref(), Some("pass"));
    let other = json(
        r#"{"answer": {"status": 200, "json": {"accountId": "5b10", "emailAddress": "x@acme.com"}},
            "serviceAccount": "svc@acme.com", "step": "authorize"}"#,
    );
    let check = verify_verdict(JsValue::from_str("jira-session-user"), other).expect("a verdict");
    assert_ne!(get(&check, "state").as_string().as_deref(), Some("pass"));
}

#[wasm_bindgen_test]
fn verify_verdict_refuses_inputs_of_the_wrong_shape_naming_the_field() {
    for (id, bad, field) in [
        (
            "jira-session-user",
            r#"{"answer": {"status": "200"}}"#,
            "status",
        ),
        (
            "jira-session-user",
            r#"{"serviceAccount": "svc@acme.com"}"#,
            "answer",
        ),
        (
            "jira-product-access",
            r#"{"answer": {"status": 200, "json": {"accountId": 5}}}"#,
            "accountId",
        ),
        (
            "jira-consumer-registered",
            r#"{"consumerKey": null}"#,
            "consumerKey",
        ),
        ("basic-auth-credentials", r#"{"answers": {}}"#, "answers"),
        (
            "jira-stored-consumer",
            r#"{"consumers": [{"answer": []}]}"#,
            "answer",
        ),
        (
            "jira-site-identity",
            r#""https://acme.atlassian.net""#,
            "must be an object",
        ),
    ] {
        let err = verify_verdict(JsValue::from_str(id), json(bad)).expect_err(bad);
        let message = err
            .dyn_ref::<Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        assert_eq!(error_name(err), "bad-argument", "{bad}");
        assert!(message.contains(field), "{bad}: {message}");
    }
    let err = verify_verdict(JsValue::from_str("no-such-check"), json("{}")).expect_err("unknown");
    assert_eq!(error_name(err), "unknown-check");
}

fn message(err: &JsValue) -> String {
    err.dyn_ref::<Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn object_arguments_read_nulls_as_absent_and_refuse_wrong_types_by_name() {
    let checks = check_setup(json(
        r#"{"alignSiteUrl": "https://acme.jiraalign.com", "jiraSiteUrl": null,
            "align": {"consumerKey": "JiraAlignAcme", "publicKey": null}, "jira": {},
            "audience": "standalone"}"#,
    ))
    .expect("checks");
    assert!(js_sys::Array::is_array(&checks));
    for (bad, field) in [
        (r#"{"align": {"consumerKey": 5}}"#, "consumerKey"),
        (r#"{"audience": "everyone"}"#, "audience"),
        (r#"{"jira": []}"#, "jira"),
    ] {
        let err = check_setup(json(bad)).expect_err(bad);
        assert!(message(&err).contains(field), "{bad}: {}", message(&err));
        assert_eq!(error_name(err), "bad-argument", "{bad}");
    }

    let prefixed = json(r#"{"consumerKeyPrefix": "ACME", "jiraApiUrl": null}"#);
    let report = check_field(
        JsValue::from_str("align.consumerKey"),
        JsValue::from_str("ACMEJiraAlign"),
        prefixed,
    )
    .expect("a report");
    assert_eq!(get(&report, "ok").as_bool(), Some(true));
    let err = check_field(
        JsValue::from_str("align.consumerKey"),
        JsValue::from_str("ACMEJiraAlign"),
        json(r#"{"consumerKeyPrefix": true}"#),
    )
    .expect_err("a boolean prefix");
    assert_eq!(error_name(err), "bad-argument");

    let shape = json(
        r#"{"present": true, "length": 24, "surroundingWhitespace": false,
            "innerWhitespace": [" ", 3], "invisibleInside": null, "quoted": false,
            "startsWithATATT": true}"#,
    );
    let report = check_api_token_shape(shape).expect("a report");
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
    for bad in [
        r#"{"length": -1}"#,
        r#"{"innerWhitespace": ["  ", 3]}"#,
        r#"{"quoted": "no"}"#,
    ] {
        let err = check_api_token_shape(json(bad)).expect_err(bad);
        assert_eq!(error_name(err), "bad-argument", "{bad}");
    }
}

#[wasm_bindgen_test]
fn sign_oauth_request_reads_its_request_object() {
    let pair = generate_key_pair(JsValue::from(2048)).expect("a key");
    let request = json(
        r#"{"url": "https://acme.atlassian.net/plugins/servlet/oauth/request-token",
            "consumerKey": "JiraAlignAcme", "callback": "oob", "timestamp": 1700000000,
            "nonce": "abc", "method": null}"#,
    );
    Reflect::set(
        &request,
        &"privateKeyPem".into(),
        &get(&pair, "privateKeyPkcs8Pem"),
    )
    .expect("set");
    let signed = sign_oauth_request(request).expect("signed");
    let authorization = get(&signed, "authorization")
        .as_string()
        .unwrap_or_default();
    assert!(
        authorization.contains("oauth_timestamp=\"1700000000\""),
        "{authorization}"
    );
    assert!(
        authorization.contains("oauth_nonce=\"abc\""),
        "{authorization}"
    );
    for (bad, field) in [
        (r#"{"consumerKey": "JiraAlignAcme"}"#, "url"),
        (
            r#"{"url": "https://acme.atlassian.net/", "consumerKey": "K", "privateKeyPem": 7}"#,
            "privateKeyPem",
        ),
        (
            r#"{"url": "https://acme.atlassian.net/", "consumerKey": "K", "privateKeyPem": "x",
                "timestamp": "now"}"#,
            "timestamp",
        ),
    ] {
        let err = sign_oauth_request(json(bad)).expect_err(bad);
        assert!(message(&err).contains(field), "{bad}: {}", message(&err));
        assert_eq!(error_name(err), "bad-argument", "{bad}");
    }
}

/// The service worker's probe: `oauthBaseString`, a signature made elsewhere (WebCrypto there,
/// `signOAuthRequest`'s here), then `oauthAuthorization` give the header `signOAuthRequest` gives.
#[wasm_bindgen_test]
fn oauth_base_string_and_authorization_make_the_signed_request() {
    use base64ct::{Base64, Encoding};
    let pair = generate_key_pair(JsValue::from(2048)).expect("a key");
    let request = || {
        json(
            r#"{"url": "https://acme.atlassian.net/plugins/servlet/oauth/request-token",
                "consumerKey": "JiraAlignAcme", "callback": "oob"}"#,
        )
    };
    let prepared = oauth_base_string(request()).expect("a base string");
    let timestamp = get(&prepared, "timestamp");
    let nonce = get(&prepared, "nonce");
    assert!(timestamp.as_f64().is_some_and(|t| t > 1.7e9), "now");
    assert_eq!(
        nonce.as_string().map(|n| n.len()),
        Some(32),
        "128 bits in hex"
    );
    let given = request();
    for (key, value) in [
        ("timestamp", &timestamp),
        ("nonce", &nonce),
        ("privateKeyPem", &get(&pair, "privateKeyPkcs8Pem")),
    ] {
        Reflect::set(&given, &key.into(), value).expect("set");
    }
    let signed = sign_oauth_request(given.clone()).expect("signed");
    assert_eq!(
        get(&signed, "baseString").as_string(),
        get(&prepared, "baseString").as_string()
    );
    let signature = Base64::decode_vec(&get(&signed, "signature").as_string().unwrap_or_default())
        .expect("Base64");
    let finished = oauth_authorization(given, &signature).expect("finished");
    assert_eq!(
        get(&finished, "authorization").as_string(),
        get(&signed, "authorization").as_string()
    );
    // The signature must be over the base string with the same time and nonce.
    let err = oauth_authorization(request(), &signature).expect_err("no timestamp");
    assert!(message(&err).contains("timestamp"), "{}", message(&err));
    assert_eq!(error_name(err), "bad-argument");
}
