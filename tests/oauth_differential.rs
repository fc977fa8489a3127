//! Differential test of the OAuth 1.0a signing (src/oauth/) against Python's `oauthlib`, an
//! independent implementation: over random requests with reserved, unicode and repeated parameter
//! names, oauthlib must compute the same signature base string and accept the RSA-SHA1
//! signature; a request changed after signing must be refused (so the comparison can fail).
//!
//! Needs `python3` with `oauthlib`, `pyjwt` and `cryptography` (build.sh's `ensure_python`
//! installs them); without them this test fails and says so.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use linksmith::keys::generate_key_pair;
use linksmith::oauth::{RequestToSign, parse_private_key, sign_request};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

const VERIFIER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/fake-jira/oauth_verify.py"
);

struct Oauthlib {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Oauthlib {
    fn start() -> Self {
        let mut child = Command::new("python3")
            .arg(VERIFIER)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 must be installed (build.sh installs oauthlib for this test)");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        Self {
            child,
            stdin,
            stdout,
        }
    }

    fn verify(&mut self, request: &Value) -> Value {
        writeln!(self.stdin, "{request}").expect("write to the verifier");
        let mut line = String::new();
        self.stdout
            .read_line(&mut line)
            .expect("read from the verifier");
        assert!(
            !line.is_empty(),
            "the oauthlib verifier exited: is `pip install oauthlib pyjwt cryptography` done? (./build.sh installs them)"
        );
        serde_json::from_str(&line).expect("the verifier answers JSON")
    }
}

impl Drop for Oauthlib {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Names and values that exercise the encoding: reserved characters, spaces, `+`, `%`, `~`,
/// two- to four-byte UTF-8, and names repeated within one request.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("a".to_string()),
        Just("a b".to_string()),
        Just("x+y".to_string()),
        Just("=&%".to_string()),
        Just("~-._*".to_string()),
        Just("ümlaut".to_string()),
        Just("☃".to_string()),
        Just("😀".to_string()),
        Just("tab\there".to_string()),
        "[a-zA-Z0-9 !$&'()*+,;=:@/?%~._-]{1,12}",
        "\\PC{1,6}",
    ]
}

fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    // Few distinct names, so repeats are common.
    let name = prop_oneof![
        Just("a".to_string()),
        Just("a b".to_string()),
        Just("é".to_string()),
        text()
    ]
    .prop_filter("oauth_* names belong to the protocol", |n| {
        !n.starts_with("oauth_") && !n.is_empty()
    });
    prop::collection::vec((name, text()), 0..6)
}

#[derive(Debug, Clone)]
struct Case {
    method: &'static str,
    base: &'static str,
    query: Vec<(String, String)>,
    body: Vec<(String, String)>,
    consumer_key: String,
    callback: Option<String>,
    timestamp: u64,
    nonce: String,
}

fn cases() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(vec!["GET", "POST", "get"]),
        prop::sample::select(vec![
            "https://acme.atlassian.net/plugins/servlet/oauth/request-token",
            "HTTPS://ACME.Atlassian.NET:443/plugins/servlet/oauth/request-token",
            "https://jira.example.com:8443/r%20v/X",
            "http://example.com:80/request",
        ]),
        params(),
        params(),
        "[a-zA-Z0-9 &=+%._~-]{1,20}",
        prop::option::of(prop_oneof![
            Just("oob".to_string()),
            Just("https://acme.jiraalign.com/cb?x=1&y=a b".to_string())
        ]),
        0u64..4_000_000_000,
        "[a-zA-Z0-9]{8,32}",
    )
        .prop_map(
            |(method, base, query, body, consumer_key, callback, timestamp, nonce)| Case {
                method,
                base,
                query,
                body,
                consumer_key,
                callback,
                timestamp,
                nonce,
            },
        )
}

fn form(params: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

#[test]
fn oauthlib_agrees_with_our_base_strings_and_signatures() {
    let pair = generate_key_pair(2048).unwrap();
    let key = parse_private_key(&pair.private_key_pkcs8_pem).unwrap();
    let oauthlib = std::cell::RefCell::new(Oauthlib::start());
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&cases(), |case| {
            let uri = if case.query.is_empty() {
                case.base.to_string()
            } else {
                format!("{}?{}", case.base, form(&case.query))
            };
            let request = RequestToSign {
                method: case.method.to_string(),
                url: uri.clone(),
                consumer_key: case.consumer_key.clone(),
                callback: case.callback.clone(),
                token: None,
                timestamp: case.timestamp,
                nonce: case.nonce.clone(),
                body: case.body.clone(),
            };
            let signed = sign_request(&request, &key).unwrap();
            let body = form(&case.body);
            let answer = oauthlib.borrow_mut().verify(&json!({
                "method": case.method, "uri": uri, "authorization": signed.authorization,
                "body": body, "publicKeyPem": pair.public_key_pem,
            }));
            prop_assert_eq!(answer["error"].clone(), Value::Null, "oauthlib: {}", answer);
            prop_assert_eq!(
                answer["baseString"].as_str(),
                Some(signed.base_string.as_str())
            );
            prop_assert_eq!(
                answer["params"]["oauth_consumer_key"].as_str(),
                Some(case.consumer_key.as_str())
            );
            prop_assert_eq!(
                answer["valid"].as_bool(),
                Some(true),
                "signature refused: {}",
                answer
            );

            // The same header on a request with one more parameter must be refused.
            let tampered = oauthlib.borrow_mut().verify(&json!({
                "method": case.method, "uri": uri, "authorization": signed.authorization,
                "body": if body.is_empty() { "z=1".to_string() } else { format!("{body}&z=1") },
                "publicKeyPem": pair.public_key_pem,
            }));
            prop_assert_eq!(
                tampered["valid"].as_bool(),
                Some(false),
                "tampered request accepted: {}",
                tampered
            );
            Ok(())
        })
        .unwrap();
}

/// RFC 5849 §3.4.1's example request, through oauthlib, gives the RFC's base string (with the
/// RSA-SHA1 method in place of HMAC-SHA1): the verifier itself is checked against the RFC.
#[test]
fn oauthlib_verifier_reproduces_the_rfc_example() {
    let mut oauthlib = Oauthlib::start();
    let answer = oauthlib.verify(&json!({
        "method": "POST",
        "uri": "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
        "authorization": "OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", oauth_token=\"kkk9d7dh3k39sjv7\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\", oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"",
        "body": "c2&a3=2+q",
        "publicKeyPem": "",
    }));
    assert_eq!(
        answer["baseString"].as_str().unwrap(),
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
    );
}
