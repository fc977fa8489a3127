//! Any text pasted into a public-key field: the inspector answers, never panics, and its answer
//! is self-consistent.
#![no_main]
use libfuzzer_sys::fuzz_target;
use linksmith::keys::inspect_public_key;

fuzz_target!(|text: &str| {
    let r = inspect_public_key(text);
    // A usable key always comes with its canonical form; Jira accepting it implies one too.
    assert!(!r.ok || r.canonical_pem.is_some());
    assert!(!r.jira_accepts || r.canonical_pem.is_some());
    for p in &r.problems {
        assert!(p.message.starts_with("Public key: "), "{}", p.message);
        assert!(!p.fix.is_empty(), "{}", p.code);
    }
    // The canonical form is a fixed point: same key, no errors.
    if let Some(pem) = &r.canonical_pem {
        let again = inspect_public_key(pem);
        assert_eq!(again.fingerprint_sha256, r.fingerprint_sha256);
        assert!(
            again.jira_accepts,
            "canonical PEM refused: {:?}",
            again.problems
        );
    }
});
