//! RSA keys for Jira's OAuth 1.0a (RSA-SHA1) link with Jira Align: generating a key pair,
//! saying exactly what someone pasted into a "public key" field, and comparing two keys by
//! content whatever their formats.
//!
//! Plain Rust with no wasm-bindgen: the wasm shim wraps these functions and serialises the
//! result types with serde (camelCase fields, kebab-case [`KeyKind`] names).
//!
//! Problem codes (stable; messages start with the field name, e.g. "Public key: …"):
//! - refusals: `private-key-pasted`, `key-empty`, `key-too-long`, `key-not-rsa`,
//!   `key-not-a-key`, `key-no-data`, `key-malformed`, `key-too-small`, `key-bad-modulus`,
//!   `key-bad-exponent`
//! - valid RSA in a form Jira rejects (canonical SPKI offered): `key-pkcs1-public`,
//!   `key-openssh-format`, `key-ssh2-format`, `key-certificate-headerless`,
//!   `key-certificate-not-first`
//! - damaged text: `key-truncated`, `key-doubled`, `key-concatenated`, `key-multiple-blocks`,
//!   `key-multiple-keys`, `key-trailing-data`, `key-extra-text`, `key-bad-char`,
//!   `key-invisible-char`, `key-quote-char`, `key-quote-prefix`, `key-smart-dash`,
//!   `key-leading-space`, `key-inner-space`, `key-tab`, `key-ellipsis`,
//!   `key-armour-malformed`, `key-altered-base64`, `key-noncanonical`
//! - warnings: `key-weak`, `key-unusual-exponent`, `key-missing-begin`, `key-missing-end`,
//!   `key-label-mismatch` (an error when the label is CERTIFICATE), `key-extra-armour`,
//!   `key-trailing-space`, `key-ssh-type-mismatch`
//! - notes: `key-crlf`, `key-certificate`
//! - comparison: `keys-differ`
//! - [`KeyError::code`]: `key-size-unsupported`, `key-random-failed`, `key-generation-failed`,
//!   `key-encoding-failed`

mod compare;
mod der;
mod encoding;
mod error;
mod fermat;
mod fingerprint;
mod generate;
mod inspect;
mod kind;
mod material;
mod scan;
mod ssh;

pub(crate) use compare::difference_in_texts;
pub use compare::{Difference, KeyComparison, TextPosition, compare_public_keys};
pub use error::{KeyError, SUPPORTED_KEY_SIZES};
pub use generate::{
    GeneratedKeyPair, PrimeSearch, generate_key_pair, generate_key_pair_with_rng,
    key_pair_from_prime_bytes, key_pair_from_primes, prime_to_bytes,
};
pub use inspect::{MAX_INPUT_BYTES, inspect_public_key};
pub use kind::{KeyKind, KeyReport};
