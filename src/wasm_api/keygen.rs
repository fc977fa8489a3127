//! The key generator's exports (feature `keygen`), and the signing with a private key that only
//! its "Test with Jira" needs: the panel's key-generation workers and its Test with Jira load the
//! module built with them.

use wasm_bindgen::prelude::*;

use super::{absent, js_error, oauth, to_js};
use crate::keys;
use crate::vocabulary::ErrorCode;

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

/// `signOAuthRequest({method = 'POST', url, consumerKey, callback?, privateKeyPem?, timestamp?,
/// nonce?})` → `{authorization, baseString, signature}`: an OAuth 1.0a RSA-SHA1 signature (the key
/// generator's "Test with Jira" signs with the key it made). Without `privateKeyPem` it signs with
/// a throwaway key made for this one call, as it always has; the time defaults to now and the
/// nonce to 128 random bits. The service worker signs its probe with `oauthBaseString` +
/// WebCrypto + `oauthAuthorization` instead, so its module carries no RSA code.
#[wasm_bindgen(js_name = signOAuthRequest)]
pub fn sign_oauth_request(request: JsValue) -> Result<JsValue, JsValue> {
    let to_sign = oauth::request_arg(&request, false)?;
    let pem: Option<String> = oauth::optional(&request, "privateKeyPem")?;
    let key = match pem {
        Some(pem) => crate::oauth::parse_private_key(&pem).map_err(oauth::error)?,
        None => throwaway_key()?,
    };
    to_js(&crate::oauth::sign_request(&to_sign, &key).map_err(oauth::error)?)
}

/// A fresh 2048-bit key that signs one request and is dropped: the provider answers
/// `consumer_key_unknown` before it looks at the signature.
fn throwaway_key() -> Result<rsa::PrivateKey, JsValue> {
    let pair = keys::generate_key_pair(2048).map_err(|e| js_error(e.code(), &e.to_string()))?;
    crate::oauth::parse_private_key(&pair.private_key_pkcs8_pem).map_err(oauth::error)
}
