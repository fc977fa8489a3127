//! The wasm-bindgen boundary, kept thin: argument checking, conversion to plain JSON-compatible
//! objects, and errors as JS `Error`s whose `name` is a stable code. All logic lives in the
//! plain-Rust modules so it is tested natively.
//!
//! The exports ship as two wasm modules, each built with one feature (build.sh): `checks`, every
//! check, for the service worker and `www/`; `keygen`, what makes or uses a private key (the key
//! generator and `signOAuthRequest`), for the panel's key-generation workers, its "Test with
//! Jira" and `www/`. The service worker wakes for every check and holds no private key, so its
//! module carries no RSA code; native builds and tests have both.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::vocabulary::ErrorCode;
use from_js::FromJs;

#[cfg(feature = "checks")]
mod checks;
// The key generator's module reads only `signOAuthRequest`'s object.
#[cfg_attr(not(feature = "checks"), allow(dead_code))]
mod from_js;
#[cfg(feature = "keygen")]
mod keygen;
mod oauth;
#[cfg(feature = "checks")]
mod verify_input;

#[cfg(feature = "checks")]
pub use checks::*;
#[cfg(feature = "keygen")]
pub use keygen::*;

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

/// An optional argument left out: `undefined` or `null`.
fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An object argument read into `T` (see `from_js`); `what` names it in the error.
fn object_arg<T: FromJs>(value: JsValue, what: &str) -> Result<T, JsValue> {
    T::from_js(&value, what).map_err(|e| shape_error(what, &e))
}

/// The error for an object argument `what` that `from_js` refused (`why`).
fn shape_error(what: &str, why: &str) -> JsValue {
    js_error(
        ErrorCode::BadArgument,
        &format!("{what} is not in the expected shape: {why}"),
    )
}
