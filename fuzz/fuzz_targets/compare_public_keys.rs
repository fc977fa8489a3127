//! Two arbitrary texts compared as public keys: never a panic, and `same` only when both sides
//! parse to one fingerprint.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::keys::compare_public_keys;

fuzz_target!(|pair: (&str, &str)| {
    let (a, b) = pair;
    let c = compare_public_keys(a, b);
    if c.same {
        assert!(c.fingerprint_a.is_some() && c.fingerprint_a == c.fingerprint_b);
    }
    let reversed = compare_public_keys(b, a);
    assert_eq!(c.same, reversed.same);
});
