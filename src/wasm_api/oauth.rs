//! The object of the OAuth exports (`signOAuthRequest` in the key generator's module,
//! `oauthBaseString` and `oauthAuthorization` in the checks' module), read into a request to sign.

use wasm_bindgen::JsValue;

use super::from_js::{Fields, FromJs, Read, read_fields};
use super::{js_error, object_arg, shape_error};
use crate::oauth::{OAuthError, RequestToSign};
use crate::vocabulary::ErrorCode;

struct OAuthArgs {
    method: Option<String>,
    url: String,
    consumer_key: String,
    callback: Option<String>,
    timestamp: Option<u64>,
    nonce: Option<String>,
}

read_fields! {
    OAuthArgs {
        method: optional("method"),
        url: required("url"),
        consumer_key: required("consumerKey"),
        callback: optional("callback"),
        timestamp: optional("timestamp"),
        nonce: optional("nonce"),
    }
}

/// The request `{method = 'POST', url, consumerKey, callback?, timestamp?, nonce?}`; the time
/// defaults to now and the nonce to 128 random bits, unless `given` says both must be there (the
/// ones the signature was made over).
pub(super) fn request_arg(request: &JsValue, given: bool) -> Result<RequestToSign, JsValue> {
    let args: OAuthArgs = object_arg(request.clone(), WHAT)?;
    if given {
        required::<u64>(request, "timestamp")?;
        required::<String>(request, "nonce")?;
    }
    let nonce = match args.nonce {
        Some(n) => n,
        None => fresh_nonce()?,
    };
    Ok(RequestToSign {
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
    })
}

const WHAT: &str = "The OAuth request";

/// A field of the request object that must be there.
pub(super) fn required<T: FromJs>(request: &JsValue, key: &str) -> Result<T, JsValue> {
    Fields::of(request, WHAT)
        .and_then(|f| f.required(key))
        .map_err(|e| shape_error(WHAT, &e))
}

/// A field of the request object that may be absent (or `null`).
#[cfg_attr(not(feature = "keygen"), allow(dead_code))]
pub(super) fn optional<T: FromJs>(request: &JsValue, key: &str) -> Result<Option<T>, JsValue> {
    Fields::of(request, WHAT)
        .and_then(|f| f.optional(key))
        .map_err(|e| shape_error(WHAT, &e))
}

pub(super) fn error(e: OAuthError) -> JsValue {
    js_error(e.code(), &e.to_string())
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
