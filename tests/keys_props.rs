//! Property tests of the key inspector and comparison: no input makes them panic, and their
//! answers agree with key generation and with each other across formats.

use linksmith::keys::{compare_public_keys, generate_key_pair_with_rng, inspect_public_key};
use proptest::prelude::*;

mod common;
use common::{RSA_2048_FORMS, TestRng, fixture};

const ALL_FIXTURES: [&str; 12] = [
    "rsa-512.pub.pem",
    "rsa-2048.pub.pem",
    "rsa-4096.pub.pem",
    "rsa-2048.pkcs1.pub.pem",
    "rsa-2048.ssh.pub",
    "rsa-2048.ssh2.pub",
    "cert-rsa-2048.pem",
    "private-pkcs8.key",
    "private-pkcs1.b64",
    "private-encrypted.key",
    "ec-p256.pub.pem",
    "ed25519.ssh.pub",
];

/// Text built from the pieces keys are made of, so that the parser gets deep, not just
/// rejected at the first byte.
fn keyish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z0-9+/=]{1,80}",
        Just("-----BEGIN PUBLIC KEY-----".to_string()),
        Just("-----END PUBLIC KEY-----".to_string()),
        Just("---- BEGIN SSH2 PUBLIC KEY ----".to_string()),
        Just("-----BEGIN CERTIFICATE-----".to_string()),
        Just("ssh-rsa ".to_string()),
        Just("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".to_string()),
        Just("AAAAB3NzaC1yc2EAAAADAQABAAABAQ".to_string()),
        Just("Comment: \"x\\".to_string()),
        prop::sample::select(vec![
            "\n", "\r\n", " ", "\t", "\u{a0}", "\u{200b}", "—", "“", ">", "…", "é", "="
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// A fixture with a few random edits: insertions, deletions and replacements.
fn mutated() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ALL_FIXTURES.to_vec()),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6),
    )
        .prop_map(|(name, edits)| {
            let mut chars: Vec<char> = fixture(name).chars().collect();
            for (at, op, c) in edits {
                let i = at.index(chars.len().max(1));
                match op {
                    0 => chars.insert(i.min(chars.len()), c),
                    1 if i < chars.len() => {
                        chars.remove(i);
                    }
                    _ if i < chars.len() => chars[i] = c,
                    _ => {}
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn inspect_never_panics_on_any_string(text in any::<String>()) {
        let r = inspect_public_key(&text);
        prop_assert!(!r.ok || r.canonical_pem.is_some());
    }

    #[test]
    fn inspect_never_panics_on_keyish_text(text in keyish()) {
        let r = inspect_public_key(&text);
        prop_assert!(r.jira_accepts <= r.canonical_pem.is_some());
        for p in &r.problems {
            prop_assert!(p.message.starts_with("Public key: "));
        }
    }

    #[test]
    fn inspect_never_panics_on_damaged_keys(text in mutated()) {
        let r = inspect_public_key(&text);
        if r.kind.is_private() {
            prop_assert!(r.canonical_pem.is_none() && r.problems.len() == 1);
        }
        let _ = compare_public_keys(&text, &fixture("rsa-2048.pub.pem"));
    }

    #[test]
    fn same_key_in_another_format_is_same(
        a in prop::sample::select(RSA_2048_FORMS.to_vec()),
        b in prop::sample::select(RSA_2048_FORMS.to_vec()),
        crlf in any::<bool>(),
        padding in "[ \n]{0,3}",
    ) {
        let mut text_b = fixture(b);
        if crlf {
            text_b = text_b.replace('\n', "\r\n");
        }
        text_b = format!("{padding}{text_b}{padding}");
        let c = compare_public_keys(&fixture(a), &text_b);
        prop_assert!(c.same, "{} vs {}: {:?}", a, b, c);
    }

    #[test]
    fn flipping_one_base64_character_is_never_silently_same(
        at in any::<prop::sample::Index>(),
        to in "[A-Za-z0-9+/]",
        file in prop::sample::select(vec!["rsa-2048.pub.pem", "rsa-2048.oneline.b64", "rsa-4096.pub.pem"]),
    ) {
        let original = fixture(file);
        let positions: Vec<usize> = original
            .lines()
            .scan(0usize, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some((start, line))
            })
            .filter(|(_, l)| !l.starts_with("-----"))
            .flat_map(|(start, l)| {
                l.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b != b'=')
                    .map(move |(i, _)| start + i)
            })
            .collect();
        let pos = positions[at.index(positions.len())];
        prop_assume!(original.as_bytes()[pos] != to.as_bytes()[0]);
        let mut flipped = original.clone();
        flipped.replace_range(pos..pos + 1, &to);
        let c = compare_public_keys(&original, &flipped);
        // Some flips keep the RSA numbers (unused bits of the last character before "=", or
        // the NULL parameter turned into another empty value): still the same key, but it
        // must then be reported as an altered text.
        prop_assert!(!c.problems.is_empty(), "flip at {} gave no problem: {:?}", pos, c);
        if c.same {
            prop_assert!(c
                .problems
                .iter()
                .any(|p| p.code == "key-altered-base64" || p.code == "key-noncanonical"));
        }
    }
}

proptest! {
    // Key generation costs ~50-300 ms per key even with optimised bigint crates.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn generated_keys_inspect_to_their_own_fingerprint(seed in any::<u64>()) {
        let pair = generate_key_pair_with_rng(2048, &mut TestRng { seed, counter: 0 });
        let pair = pair.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = inspect_public_key(&pair.public_key_pem);
        prop_assert!(r.ok && r.jira_accepts);
        prop_assert_eq!(r.bits, Some(2048));
        prop_assert_eq!(r.fingerprint_sha256.as_deref(), Some(pair.fingerprint_sha256.as_str()));
        let one_line = r.jira_base64.clone().unwrap_or_default();
        let again = inspect_public_key(&one_line);
        prop_assert_eq!(again.fingerprint_sha256, r.fingerprint_sha256);
        prop_assert!(compare_public_keys(&pair.public_key_pem, &one_line).same);
    }
}
