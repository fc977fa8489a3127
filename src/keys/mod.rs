//! RSA keys for Jira's OAuth 1.0a (RSA-SHA1) link with Jira Align: generating a key pair,
//! saying exactly what someone pasted into a "public key" field, and comparing two keys by
//! content whatever their formats.
//!
//! Plain Rust with no wasm-bindgen: the wasm shim wraps these functions and serialises the
//! result types with serde (camelCase fields, kebab-case [`KeyKind`] names).

mod compare;
mod der;
mod encoding;
mod error;
mod fingerprint;
mod generate;
mod inspect;
mod kind;
mod material;
mod scan;
mod ssh;

pub use compare::{Difference, KeyComparison, compare_public_keys};
pub use error::{KeyError, SUPPORTED_KEY_SIZES};
pub use generate::{GeneratedKeyPair, generate_key_pair, generate_key_pair_with_rng};
pub use inspect::{MAX_INPUT_BYTES, inspect_public_key};
pub use kind::{KeyKind, KeyReport};
