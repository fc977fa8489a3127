//! OAuth 1.0a request signing (RFC 5849) with RSA-SHA1, for the calls "Verify with Jira" and the
//! key generator's "Test with Jira" make to Jira's OAuth provider
//! (`/plugins/servlet/oauth/request-token`).
//!
//! `base_string` builds the signature base string (RFC 5849 §3.4.1: method, base string URI and the
//! normalised parameters); `sign` signs it with an RSA private key and writes the `Authorization`
//! header. Jira's provider looks the consumer key up before it checks the signature, so a request
//! signed with a throwaway key (made by the service worker with WebCrypto) still tells whether
//! Jira knows the consumer.

mod base_string;
mod sign;

pub use base_string::{
    base_string_uri, normalize_parameters, percent_encode, query_parameters, signature_base_string,
};
pub use sign::{
    OAuthError, PreparedRequest, RequestToSign, SignedRequest, parse_private_key, prepare_request,
    sign_request,
};
