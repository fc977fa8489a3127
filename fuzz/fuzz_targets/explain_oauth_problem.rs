//! Any error text (a 401 body, a header, a log line) through `explain_oauth_problem`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::oauth_problem::explain_oauth_problem;

fuzz_target!(|text: &str| {
    let e = explain_oauth_problem(text);
    let json = serde_json::to_string(&e).unwrap_or_default();
    assert!(!json.is_empty());
});
