//! The wasm-bindgen boundary, kept thin: argument checking, conversion to plain JSON-compatible
//! objects, and errors as JS `Error`s whose `name` is a stable code. All logic lives in the
//! plain-Rust modules so it is tested natively.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::keys;
use crate::vocabulary::{ErrorCode, Field};

/// Serialises with maps as plain objects, so results survive `chrome.runtime.sendMessage`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_error(
                ErrorCode::Internal,
                &format!("could not convert the result: {e}"),
            )
        })
}

fn js_error(name: ErrorCode, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name.name());
    error.into()
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error(ErrorCode::BadArgument, &format!("{what} must be a string")))
}

/// An optional argument left out: `undefined` or `null`.
fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An object argument read into `T`; `what` names it in the error.
fn object_arg<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(
            ErrorCode::BadArgument,
            &format!("{what} is not in the expected shape: {e}"),
        )
    })
}

/// An optional object argument: `T`'s default when left out.
fn optional_object_arg<T: serde::de::DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsValue> {
    if absent(&value) {
        Ok(T::default())
    } else {
        object_arg(value, what)
    }
}

/// `generateKeyPair(bits = 2048)` → `{bits, publicKeyPem, privateKeyPkcs8Pem, privateKeyPkcs1Pem,
/// fingerprintSha256}`.
#[wasm_bindgen(js_name = generateKeyPair)]
pub fn generate_key_pair(bits: JsValue) -> Result<JsValue, JsValue> {
    let bits = if absent(&bits) {
        2048
    } else {
        match bits.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => n as u32,
            _ => {
                return Err(js_error(
                    ErrorCode::KeySizeUnsupported,
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
    let setup: crate::setup_check::Setup = optional_object_arg(setup, "The setup")?;
    to_js(&crate::setup_check::check_setup(&setup))
}

/// `checkField(field, value, context?)` → `{field, value, ok, problems}` for one field, named as
/// in the vocabulary (`align.consumerKey`, `jira.applicationName`, `alignSiteUrl`…).
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(field: JsValue, value: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let name = string_arg(&field, "The field name")?;
    let value = string_arg(&value, "The value")?;
    let context: crate::rules::FieldContext = optional_object_arg(context, "The context")?;
    let report = Field::from_name(&name)
        .and_then(|field| crate::rules::check_field(field, &value, &context))
        .ok_or_else(|| {
            let known: Vec<&str> = Field::ALL
                .iter()
                .filter(|f| crate::rules::has_rule(**f))
                .map(|f| f.name())
                .collect();
            js_error(
                ErrorCode::UnknownField,
                &format!(
                    "There is no rule for a field named '{name}'; the fields with rules are {}.",
                    known.join(", ")
                ),
            )
        })?;
    to_js(&report)
}

/// `suggestConsumerKey(name, prefix?)` → a valid consumer key derived from a free-text name,
/// starting with the organisation's prefix when one is given.
#[wasm_bindgen(js_name = suggestConsumerKey)]
pub fn suggest_consumer_key(name: JsValue, prefix: JsValue) -> Result<String, JsValue> {
    let prefix = if absent(&prefix) {
        None
    } else {
        Some(string_arg(&prefix, "The consumer-key prefix")?)
    };
    Ok(crate::rules::suggest_consumer_key_with_prefix(
        &string_arg(&name, "The name")?,
        prefix.as_deref(),
    ))
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
    let shape: crate::rules::api_token::TokenShape = object_arg(shape, "The token shape")?;
    to_js(&crate::rules::api_token::check_api_token_shape(&shape))
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct OAuthSignArgs {
    method: Option<String>,
    url: String,
    consumer_key: String,
    callback: Option<String>,
    /// PKCS#8 or PKCS#1 PEM; absent: a throwaway key made for this one call.
    private_key_pem: Option<String>,
    timestamp: Option<u64>,
    nonce: Option<String>,
}

fn fresh_nonce() -> Result<String, JsValue> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        js_error(
            ErrorCode::OAuthSigningFailed,
            &format!("no random source: {e}"),
        )
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `signOAuthRequest({method = 'POST', url, consumerKey, callback?, privateKeyPem?, timestamp?,
/// nonce?})` → `{authorization, baseString, signature}`: an OAuth 1.0a RSA-SHA1 signature. Without
/// `privateKeyPem` the core signs with a throwaway key (enough to learn whether Jira knows the
/// consumer); the time defaults to now and the nonce to 128 random bits.
#[wasm_bindgen(js_name = signOAuthRequest)]
pub fn sign_oauth_request(request: JsValue) -> Result<JsValue, JsValue> {
    let args: OAuthSignArgs = object_arg(request, "The OAuth request")?;
    let oauth_error = |e: crate::oauth::OAuthError| js_error(e.code(), &e.to_string());
    let key = match &args.private_key_pem {
        Some(pem) => crate::oauth::parse_private_key(pem),
        None => crate::oauth::throwaway_key(),
    }
    .map_err(oauth_error)?;
    let nonce = match args.nonce {
        Some(n) => n,
        None => fresh_nonce()?,
    };
    let to_sign = crate::oauth::RequestToSign {
        method: args.method.unwrap_or_else(|| "POST".to_string()),
        url: args.url,
        consumer_key: args.consumer_key,
        callback: args.callback,
        token: None,
        timestamp: args
            .timestamp
            .unwrap_or_else(|| (js_sys::Date::now() / 1000.0) as u64),
        nonce,
        body: Vec::new(),
    };
    to_js(&crate::oauth::sign_request(&to_sign, &key).map_err(oauth_error)?)
}

fn verify_input<T: serde::de::DeserializeOwned>(input: JsValue) -> Result<T, JsValue> {
    object_arg(input, "The answer from Jira")
}

/// `verifyVerdict(checkId, input)` → the check `{id, state, message, fix, predicts}` for what Jira
/// answered to "Verify with Jira" (ids: `jira-consumer-registered`, `jira-key-test`,
/// `jira-site-identity`, `jira-session-user` `{answer, serviceAccount, step}`,
/// `jira-product-access` `{answer}`, `basic-auth-credentials`, `jira-stored-consumer`).
#[wasm_bindgen(js_name = verifyVerdict)]
pub fn verify_verdict(check_id: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    use crate::verify;
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Session {
        answer: verify::HttpAnswer<verify::Myself>,
        #[serde(default)]
        service_account: String,
        #[serde(default)]
        step: String,
    }
    let name = string_arg(&check_id, "The check id")?;
    let unknown = || {
        js_error(
            ErrorCode::UnknownCheck,
            &format!("There is no Verify with Jira check named '{name}'."),
        )
    };
    let id = crate::vocabulary::CheckId::from_name(&name).ok_or_else(unknown)?;
    let check = match id {
        verify::CONSUMER_REGISTERED => verify::consumer_registered(&verify_input(input)?),
        verify::KEY_TEST => verify::key_test(&verify_input(input)?),
        verify::SITE_IDENTITY => verify::site_identity(&verify_input(input)?),
        verify::SESSION_USER => {
            let s: Session = verify_input(input)?;
            verify::session_user(&s.answer, &s.service_account, &s.step)
        }
        verify::PRODUCT_ACCESS => {
            let s: Session = verify_input(input)?;
            verify::product_access(&s.answer)
        }
        verify::BASIC_AUTH_CREDENTIALS => verify::basic_auth_credentials(&verify_input(input)?),
        verify::STORED_CONSUMER => verify::stored_consumer(&verify_input(input)?),
        _ => return Err(unknown()),
    };
    to_js(&check)
}
