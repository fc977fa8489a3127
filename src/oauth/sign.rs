//! RSA-SHA1 signatures (RFC 5849 §3.4.3: RSASSA-PKCS1-v1_5 over SHA-1) and the `Authorization`
//! header (§3.5.1).

use std::fmt;

use base64ct::{Base64, Encoding};
use rsa::PrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use serde::Serialize;
use sha1::Sha1;
use url::Url;

use super::base_string::{percent_encode, signature_base_string};
use crate::vocabulary::ErrorCode;

/// What to sign: one request to an OAuth 1.0a provider. `timestamp` (seconds since 1970) and
/// `nonce` are given by the caller so tests can repeat a signature.
#[derive(Debug, Clone)]
pub struct RequestToSign {
    pub method: String,
    pub url: String,
    pub consumer_key: String,
    /// `oauth_callback`: the request-token call sends one (`oob` when there is nowhere to return).
    pub callback: Option<String>,
    pub token: Option<String>,
    pub timestamp: u64,
    pub nonce: String,
    /// Form-encoded body parameters, which the signature covers (none for Jira's calls).
    pub body: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedRequest {
    /// The value of the `Authorization` header.
    pub authorization: String,
    /// What was signed, for the admin to compare with Jira's `oauth_signature_base_string`.
    pub base_string: String,
    /// The Base64 signature (as sent, before the header's percent-encoding).
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OAuthError {
    /// The URL is not an absolute http(s) URL.
    BadUrl(String),
    /// The consumer key is empty.
    NoConsumerKey,
    /// The private key is not a PKCS#8 or PKCS#1 RSA private key in PEM.
    BadPrivateKey,
    /// The key could not be made or could not sign.
    Signing(String),
}

impl OAuthError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::BadUrl(_) => ErrorCode::OAuthBadUrl,
            Self::NoConsumerKey => ErrorCode::OAuthNoConsumerKey,
            Self::BadPrivateKey => ErrorCode::OAuthBadPrivateKey,
            Self::Signing(_) => ErrorCode::OAuthSigningFailed,
        }
    }
}

impl fmt::Display for OAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadUrl(url) => write!(
                f,
                "The OAuth request URL '{url}' is not an absolute https address: use the Jira site's address, e.g. https://acme.atlassian.net."
            ),
            Self::NoConsumerKey => write!(
                f,
                "The consumer key is empty: type the consumer key Jira Align uses, then verify again."
            ),
            Self::BadPrivateKey => write!(
                f,
                "The private key is not an RSA private key in PEM (PKCS#8 \"BEGIN PRIVATE KEY\" or PKCS#1 \"BEGIN RSA PRIVATE KEY\"): generate the key pair again."
            ),
            Self::Signing(why) => write!(
                f,
                "The OAuth request could not be signed ({why}): try again."
            ),
        }
    }
}

impl std::error::Error for OAuthError {}

/// Reads an RSA private key from PKCS#8 or PKCS#1 PEM.
pub fn parse_private_key(pem: &str) -> Result<PrivateKey, OAuthError> {
    let pem = pem.trim();
    PrivateKey::from_pkcs8_pem(pem)
        .or_else(|_| PrivateKey::from_pkcs1_pem(pem))
        .map_err(|_| OAuthError::BadPrivateKey)
}

/// A request ready for its signature: its `oauth_*` parameters and the base string over them.
/// Signed here with a private key ([`sign_request`]) or elsewhere (the service worker's probe
/// signs with a WebCrypto key), then finished by [`PreparedRequest::signed`].
#[derive(Debug, Clone)]
pub struct PreparedRequest {
    oauth: Vec<(String, String)>,
    /// What the signature covers (RFC 5849 §3.4.1).
    pub base_string: String,
}

/// Checks `request` and builds its `oauth_*` parameters and signature base string.
pub fn prepare_request(request: &RequestToSign) -> Result<PreparedRequest, OAuthError> {
    if request.consumer_key.is_empty() {
        return Err(OAuthError::NoConsumerKey);
    }
    let bad_url = || OAuthError::BadUrl(request.url.clone());
    let url = Url::parse(&request.url).map_err(|_| bad_url())?;
    let mut oauth: Vec<(String, String)> = Vec::with_capacity(7);
    let mut push = |k: &str, v: &str| oauth.push((k.to_string(), v.to_string()));
    push("oauth_consumer_key", &request.consumer_key);
    push("oauth_signature_method", "RSA-SHA1");
    push("oauth_timestamp", &request.timestamp.to_string());
    push("oauth_nonce", &request.nonce);
    push("oauth_version", "1.0");
    if let Some(callback) = &request.callback {
        push("oauth_callback", callback);
    }
    if let Some(token) = &request.token {
        push("oauth_token", token);
    }
    let base_string =
        signature_base_string(&request.method, &url, &oauth, &request.body).ok_or_else(bad_url)?;
    Ok(PreparedRequest { oauth, base_string })
}

impl PreparedRequest {
    /// The request with `signature` (RSASSA-PKCS1-v1_5 over SHA-1 of the base string): its
    /// `Authorization` header.
    pub fn signed(mut self, signature: &[u8]) -> SignedRequest {
        let signature = Base64::encode_string(signature);
        self.oauth
            .push(("oauth_signature".to_string(), signature.clone()));
        let authorization = format!(
            "OAuth {}",
            self.oauth
                .iter()
                .map(|(k, v)| format!("{}=\"{}\"", percent_encode(k), percent_encode(v)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        SignedRequest {
            authorization,
            base_string: self.base_string,
            signature,
        }
    }
}

/// Signs `request` with RSA-SHA1 and writes its `Authorization` header.
pub fn sign_request(
    request: &RequestToSign,
    key: &PrivateKey,
) -> Result<SignedRequest, OAuthError> {
    let prepared = prepare_request(request)?;
    let signer = SigningKey::<Sha1>::new(key.clone());
    let signature = signer
        .try_sign(prepared.base_string.as_bytes())
        .map_err(|e| OAuthError::Signing(e.to_string()))?;
    Ok(prepared.signed(&signature.to_vec()))
}
