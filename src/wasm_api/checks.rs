//! Every check (feature `checks`): the module the service worker and `www/` load.

use wasm_bindgen::prelude::*;

use super::from_js::{Fields, FromJs, Read, read_fields};
use super::{absent, js_error, oauth, object_arg, to_js};
use crate::keys;
use crate::vocabulary::{ErrorCode, Field};

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error(ErrorCode::BadArgument, &format!("{what} must be a string")))
}

/// An optional object argument: `T`'s default when left out.
fn optional_object_arg<T: FromJs + Default>(value: JsValue, what: &str) -> Result<T, JsValue> {
    if absent(&value) {
        Ok(T::default())
    } else {
        object_arg(value, what)
    }
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

/// `oauthBaseString({method = 'POST', url, consumerKey, callback?, timestamp?, nonce?})` →
/// `{baseString, timestamp, nonce}`: what an OAuth 1.0a RSA-SHA1 signature of the request covers,
/// with the time (default now) and nonce (default 128 random bits) it was built with. The service
/// worker signs it with a throwaway WebCrypto key (enough to learn whether Jira knows the
/// consumer) and passes the signature to `oauthAuthorization`, so this module carries no RSA.
#[wasm_bindgen(js_name = oauthBaseString)]
pub fn oauth_base_string(request: JsValue) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct BaseString {
        base_string: String,
        timestamp: u64,
        nonce: String,
    }
    let request = oauth::request_arg(&request, false)?;
    let prepared = crate::oauth::prepare_request(&request).map_err(oauth::error)?;
    to_js(&BaseString {
        base_string: prepared.base_string,
        timestamp: request.timestamp,
        nonce: request.nonce,
    })
}

/// `oauthAuthorization({method = 'POST', url, consumerKey, callback?, timestamp, nonce},
/// signature)` → `{authorization, baseString, signature}` (as `signOAuthRequest`): the request
/// that `oauthBaseString` described, with its signature (the bytes of RSASSA-PKCS1-v1_5 over
/// SHA-1 of the base string, a `Uint8Array`) and the same `timestamp` and `nonce`.
#[wasm_bindgen(js_name = oauthAuthorization)]
pub fn oauth_authorization(request: JsValue, signature: &[u8]) -> Result<JsValue, JsValue> {
    let request = oauth::request_arg(&request, true)?;
    let prepared = crate::oauth::prepare_request(&request).map_err(oauth::error)?;
    to_js(&prepared.signed(signature))
}

fn verify_input<T: FromJs>(input: JsValue) -> Result<T, JsValue> {
    object_arg(input, "The answer from Jira")
}

/// `verifyVerdict(checkId, input)` → the check `{id, state, message, fix, predicts}` for what Jira
/// answered to "Verify with Jira" (ids: `jira-consumer-registered`, `jira-key-test`,
/// `jira-site-identity`, `jira-session-user` `{answer, serviceAccount, step}`,
/// `jira-product-access` `{answer}`, `basic-auth-credentials`, `jira-stored-consumer`).
#[wasm_bindgen(js_name = verifyVerdict)]
pub fn verify_verdict(check_id: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    use crate::verify;
    /// `{answer, serviceAccount, step}` of the two account checks.
    struct Session {
        answer: verify::HttpAnswer<verify::Myself>,
        service_account: String,
        step: String,
    }
    read_fields! {
        Session {
            answer: required("answer"),
            service_account: read("serviceAccount"),
            step: read("step"),
        }
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
