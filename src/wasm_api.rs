//! The wasm-bindgen boundary, kept thin: argument checking, conversion to plain JSON-compatible
//! objects, and errors as JS `Error`s whose `name` is a stable code. All logic lives in the
//! plain-Rust modules so it is tested natively.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::keys;
use crate::vocabulary::Field;

/// Serialises with maps as plain objects, so results survive `chrome.runtime.sendMessage`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("internal", &format!("could not convert the result: {e}")))
}

fn js_error(name: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    error.into()
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error("bad-argument", &format!("{what} must be a string")))
}

/// `generateKeyPair(bits = 2048)` → `{bits, publicKeyPem, privateKeyPkcs8Pem, privateKeyPkcs1Pem,
/// fingerprintSha256}`.
#[wasm_bindgen(js_name = generateKeyPair)]
pub fn generate_key_pair(bits: JsValue) -> Result<JsValue, JsValue> {
    let bits = if bits.is_undefined() || bits.is_null() {
        2048
    } else {
        match bits.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => n as u32,
            _ => {
                return Err(js_error(
                    "key-size-unsupported",
                    "Key size must be a whole number of bits: 2048, 3072 or 4096.",
                ));
            }
        }
    };
    let pair = keys::generate_key_pair(bits).map_err(|e| js_error(e.code(), &e.to_string()))?;
    to_js(&pair)
}

/// `new PrimeSearch(keyBits)`: one worker's search for a prime factor of a `keyBits` key. The
/// panel runs one per worker so every core races for the two primes.
#[wasm_bindgen(js_name = PrimeSearch)]
pub struct PrimeSearch(keys::PrimeSearch);

#[wasm_bindgen(js_class = PrimeSearch)]
impl PrimeSearch {
    #[wasm_bindgen(constructor)]
    pub fn new(key_bits: u32) -> Result<PrimeSearch, JsValue> {
        keys::PrimeSearch::new(key_bits)
            .map(PrimeSearch)
            .map_err(|e| js_error(e.code(), &e.to_string()))
    }

    /// Tests at most `budget` candidates; the prime's big-endian bytes, or `undefined` for "call
    /// again" (between calls the worker reports progress).
    pub fn step(&mut self, budget: u32) -> Result<Option<Vec<u8>>, JsValue> {
        let mut rng = getrandom::SysRng;
        self.0
            .step(&mut rng, budget)
            .map(|found| found.map(|p| keys::prime_to_bytes(&p)))
            .map_err(|e| js_error(e.code(), &e.to_string()))
    }

    /// Candidates tested so far.
    pub fn tested(&self) -> f64 {
        self.0.tested() as f64
    }
}

/// `keyPairFromPrimes(bits, p, q)` (primes as big-endian `Uint8Array`s) → the same object as
/// `generateKeyPair`. Errors named `key-generation-failed` mean "search for another prime".
#[wasm_bindgen(js_name = keyPairFromPrimes)]
pub fn key_pair_from_primes(bits: u32, p: &[u8], q: &[u8]) -> Result<JsValue, JsValue> {
    let pair = keys::key_pair_from_prime_bytes(bits, p, q)
        .map_err(|e| js_error(e.code(), &e.to_string()))?;
    to_js(&pair)
}

/// `inspectPublicKey(text)` → what the pasted text is, its canonical forms and its problems.
#[wasm_bindgen(js_name = inspectPublicKey)]
pub fn inspect_public_key(text: JsValue) -> Result<JsValue, JsValue> {
    to_js(&keys::inspect_public_key(&string_arg(
        &text,
        "The public key",
    )?))
}

/// `comparePublicKeys(a, b)` → `{same, fingerprintA, fingerprintB, firstDifference, problems}`.
#[wasm_bindgen(js_name = comparePublicKeys)]
pub fn compare_public_keys(a: JsValue, b: JsValue) -> Result<JsValue, JsValue> {
    let a = string_arg(&a, "The first key")?;
    let b = string_arg(&b, "The second key")?;
    to_js(&keys::compare_public_keys(&a, &b))
}

/// `checkSetup(setup)` → the ordered checks `{id, state, message, fix, predicts}` for what was
/// read from both tabs. Missing fields are fine (their checks say `unknown`).
#[wasm_bindgen(js_name = checkSetup)]
pub fn check_setup(setup: JsValue) -> Result<JsValue, JsValue> {
    let setup: crate::setup_check::Setup = if setup.is_undefined() || setup.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(setup).map_err(|e| {
            js_error(
                "bad-argument",
                &format!("The setup is not in the expected shape: {e}"),
            )
        })?
    };
    to_js(&crate::setup_check::check_setup(&setup))
}

/// `checkField(field, value, context?)` → `{field, value, ok, problems}` for one field, named as
/// in the vocabulary (`align.consumerKey`, `jira.applicationName`, `alignSiteUrl`…).
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(field: JsValue, value: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let name = string_arg(&field, "The field name")?;
    let value = string_arg(&value, "The value")?;
    let context: crate::rules::FieldContext = if context.is_undefined() || context.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(context).map_err(|e| {
            js_error(
                "bad-argument",
                &format!("The context is not in the expected shape: {e}"),
            )
        })?
    };
    let report = Field::from_name(&name)
        .and_then(|field| crate::rules::check_field(field, &value, &context))
        .ok_or_else(|| {
            let known: Vec<&str> = Field::ALL
                .iter()
                .filter(|f| crate::rules::has_rule(**f))
                .map(|f| f.name())
                .collect();
            js_error(
                "unknown-field",
                &format!(
                    "There is no rule for a field named '{name}'; the fields with rules are {}.",
                    known.join(", ")
                ),
            )
        })?;
    to_js(&report)
}

/// `suggestConsumerKey(name)` → a valid consumer key derived from a free-text name.
#[wasm_bindgen(js_name = suggestConsumerKey)]
pub fn suggest_consumer_key(name: JsValue) -> Result<String, JsValue> {
    Ok(crate::rules::suggest_consumer_key(&string_arg(
        &name, "The name",
    )?))
}

/// `explainOAuthProblem(text)` → `{problem, known, httpStatus, cause, fix, checkId}` for a Jira
/// error body, header, log line or bare `oauth_problem` value.
#[wasm_bindgen(js_name = explainOAuthProblem)]
pub fn explain_oauth_problem(text: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::oauth_problem::explain_oauth_problem(&string_arg(
        &text,
        "The error text",
    )?))
}

/// `checkApiTokenShape(shape)` → `{field, value, ok, problems}` for an API token measured where it
/// was typed (`{length, surroundingWhitespace, innerWhitespace: [char, position], …}`): the token
/// itself never reaches the core.
#[wasm_bindgen(js_name = checkApiTokenShape)]
pub fn check_api_token_shape(shape: JsValue) -> Result<JsValue, JsValue> {
    let shape: crate::rules::api_token::TokenShape = serde_wasm_bindgen::from_value(shape)
        .map_err(|e| {
            js_error(
                "bad-argument",
                &format!("The token shape is not in the expected shape: {e}"),
            )
        })?;
    to_js(&crate::rules::api_token::check_api_token_shape(&shape))
}
