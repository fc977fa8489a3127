//! RSA keys for Jira's OAuth 1.0a (RSA-SHA1) link with Jira Align: generating a key pair,
//! saying exactly what someone pasted into a "public key" field, and comparing two keys by
//! content whatever their formats.
//!
//! Plain Rust with no wasm-bindgen: the wasm shim wraps these functions and serialises the
//! result types with serde (camelCase fields, kebab-case [`KeyKind`] names).
//!
//! Problems (messages start with the field name, e.g. "Public key: …") carry a
//! [`ProblemCode`](crate::vocabulary::ProblemCode), listed with the others in the vocabulary
//! (`key-*`, `private-key-pasted`, `keys-differ`); [`KeyError::code`] is an
//! [`ErrorCode`](crate::vocabulary::ErrorCode).

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

/// Sorts `items` by `key`, equal keys keeping their order: std's stable sort (issue 12), run on
/// (key, position) pairs so that the wasm carries one copy of it for every list the key
/// inspector orders, where sorting each list type directly costs a copy per type.
pub(crate) fn sort_stably_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    let order = stable_order(items.iter().map(key).collect());
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The positions of `keys` in ascending order of key, ties by position.
fn stable_order(keys: Vec<usize>) -> Vec<usize> {
    let mut pairs: Vec<(usize, usize)> = keys.into_iter().zip(0..).collect();
    pairs.sort();
    pairs.into_iter().map(|(_, at)| at).collect()
}
