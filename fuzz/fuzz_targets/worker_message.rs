//! The service worker's messages, from the point where extension/sw/router.js hands a payload to
//! the wasm core. The router itself is JavaScript (sender and size checks, tested in
//! tests/e2e/hostile.test.mjs); this target fuzzes its Rust half: arbitrary JSON messages shaped
//! like `panel:*` requests are deserialised the way `wasm_api` deserialises them (the context of
//! `checkField`, the setup of `checkSetup`) and dispatched to the same core functions, with the
//! router's size limits. Unknown types and ill-typed payloads must be refused by serde, not panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::keys::{compare_public_keys, inspect_public_key};
use linksmith::oauth_problem::explain_oauth_problem;
use linksmith::rules::{FieldContext, check_field, suggest_consumer_key};
use linksmith::setup_check::{Setup, check_setup};
use linksmith::vocabulary::Field;
use linksmith::vocabulary::limits::{MAX_ERROR_TEXT, MAX_ID, MAX_KEY_TEXT, MAX_VALUE};
use serde::Deserialize;

#[derive(Deserialize, Debug)]
#[serde(tag = "type")]
enum Message {
    #[serde(rename = "panel:checkField")]
    CheckField {
        field: String,
        value: String,
        #[serde(default)]
        context: Option<serde_json::Value>,
    },
    #[serde(rename = "panel:suggestConsumerKey")]
    SuggestConsumerKey { name: String },
    #[serde(rename = "panel:explainOAuthProblem")]
    ExplainOAuthProblem { text: String },
    #[serde(rename = "panel:inspectPublicKey")]
    InspectPublicKey { text: String },
    #[serde(rename = "panel:comparePublicKeys")]
    ComparePublicKeys { a: String, b: String },
    /// What `recompute` feeds `checkSetup` after a `content:report` or `panel:setOptions`.
    #[serde(rename = "internal:checkSetup")]
    CheckSetup { setup: serde_json::Value },
}

fuzz_target!(|data: &[u8]| {
    let Ok(message) = serde_json::from_slice::<Message>(data) else {
        return;
    };
    match message {
        Message::CheckField {
            field,
            value,
            context,
        } => {
            if field.len() > MAX_ID || value.len() > MAX_VALUE {
                return;
            }
            // wasm_api: undefined/null → default, anything else must deserialise or is refused.
            let context = match context {
                None | Some(serde_json::Value::Null) => FieldContext::default(),
                Some(v) => match serde_json::from_value::<FieldContext>(v) {
                    Ok(c) => c,
                    Err(_) => return,
                },
            };
            // wasm_api: an unknown field name is an `unknown-field` error.
            if let Some(field) = Field::from_name(&field) {
                let _ = check_field(field, &value, &context);
            }
        }
        Message::SuggestConsumerKey { name } => {
            if name.len() <= 1024 {
                let key = suggest_consumer_key(&name);
                let r = check_field(Field::AlignConsumerKey, &key, &FieldContext::default());
                assert!(r.is_some_and(|r| r.ok), "{name:?} -> {key:?}");
            }
        }
        Message::ExplainOAuthProblem { text } => {
            if text.len() <= MAX_ERROR_TEXT {
                let _ = explain_oauth_problem(&text);
            }
        }
        Message::InspectPublicKey { text } => {
            if text.len() <= MAX_KEY_TEXT {
                let _ = inspect_public_key(&text);
            }
        }
        Message::ComparePublicKeys { a, b } => {
            if a.len() <= MAX_KEY_TEXT && b.len() <= MAX_KEY_TEXT {
                let _ = compare_public_keys(&a, &b);
            }
        }
        Message::CheckSetup { setup } => {
            let setup = if setup.is_null() {
                Setup::default()
            } else {
                match serde_json::from_value::<Setup>(setup) {
                    Ok(s) => s,
                    Err(_) => return,
                }
            };
            let _ = check_setup(&setup);
        }
    }
});
