//! Integration tests of `linksmith::keys` against fixtures made by OpenSSL and ssh-keygen
//! (tests/keys/regenerate.sh), against the `openssl` command itself, and on every kind of
//! broken paste the inspector is meant to explain.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use linksmith::keys::{
    GeneratedKeyPair, KeyError, KeyKind, KeyReport, PrimeSearch, compare_public_keys,
    generate_key_pair, generate_key_pair_with_rng, inspect_public_key, key_pair_from_prime_bytes,
    prime_to_bytes,
};
use linksmith::problem::Severity;
use linksmith::vocabulary::ErrorCode;

mod common;
use common::{RSA_2048_FORMS, TestRng, fixture, fixture_dir};

fn codes(report: &KeyReport) -> Vec<&'static str> {
    report.problems.iter().map(|p| p.code.name()).collect()
}

// ---------------------------------------------------------------- fixtures vs OpenSSL

#[test]
fn every_fixture_matches_openssl() {
    let table = fixture("expected.tsv");
    let mut rows = 0;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, kind, bits, fp] = cols[..] else {
            panic!("bad row {line:?}");
        };
        let text = fixture(file);
        let report = inspect_public_key(&text);
        assert_eq!(report.kind.as_str(), kind, "{file}: {report:#?}");
        let want_bits = (bits != "-").then(|| bits.parse::<u32>().unwrap_or(0));
        assert_eq!(report.bits, want_bits, "{file}");
        let want_fp = (fp != "-").then(|| fp.to_string());
        assert_eq!(report.fingerprint_sha256, want_fp, "{file}");
        if let Some(fp) = &want_fp {
            assert_eq!(
                report.fingerprint_openssl.as_deref(),
                Some(format!("SHA2-256(stdin)= {fp}").as_str())
            );
            assert!(report.jira_base64.is_some() && report.canonical_pem.is_some());
        }
        for p in &report.problems {
            assert!(
                p.message.starts_with("Public key: "),
                "{file}: {}",
                p.message
            );
            assert!(!p.fix.is_empty());
        }
        if report.kind.is_private() {
            assert_eq!(codes(&report), ["private-key-pasted"], "{file}");
            assert_never_echoes(&text, &report, file);
        }
        rows += 1;
    }
    assert!(rows >= 25, "expected.tsv has only {rows} rows");
}

/// No 12-character run of the pasted text's Base64 may appear anywhere in the report.
fn assert_never_echoes(text: &str, report: &KeyReport, file: &str) {
    let json = serde_json::to_string(report).unwrap_or_default();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    let bytes = body.as_bytes();
    for window in bytes.windows(12).step_by(5) {
        let piece = String::from_utf8_lossy(window);
        assert!(
            !json.contains(piece.as_ref()),
            "{file}: report echoes {piece}"
        );
    }
    assert!(report.canonical_pem.is_none() && report.jira_base64.is_none());
    assert!(!report.ok && !report.jira_accepts);
}

#[test]
fn fixture_verdicts() {
    let cases: &[(&str, bool, bool, &[&str])] = &[
        // file, ok, jira_accepts, codes that must be present
        ("rsa-2048.pub.pem", true, true, &[]),
        ("rsa-2048.oneline.b64", true, true, &[]),
        ("rsa-2048.wrapped.b64", true, true, &[]),
        ("rsa-4096.pub.pem", true, true, &[]),
        ("rsa-1024.pub.pem", true, true, &["key-weak"]),
        ("rsa-512.pub.pem", false, true, &["key-too-small"]),
        ("rsa-2048-e3.pub.pem", true, true, &["key-unusual-exponent"]),
        (
            "rsa-2048.pkcs1.pub.pem",
            false,
            false,
            &["key-pkcs1-public"],
        ),
        ("rsa-2048.pkcs1.b64", false, false, &["key-pkcs1-public"]),
        ("rsa-2048.ssh.pub", false, false, &["key-openssh-format"]),
        ("rsa-2048.ssh2.pub", false, false, &["key-ssh2-format"]),
        ("cert-rsa-2048.pem", true, true, &["key-certificate"]),
        (
            "cert-rsa-2048.b64",
            false,
            false,
            &["key-certificate-headerless"],
        ),
        ("ec-p256.pub.pem", false, false, &["key-not-rsa"]),
        ("ed25519.pub.pem", false, false, &["key-not-rsa"]),
        ("ed25519.ssh.pub", false, false, &["key-not-rsa"]),
        ("ecdsa-p256.ssh.pub", false, false, &["key-not-rsa"]),
    ];
    for (file, ok, jira, want) in cases {
        let r = inspect_public_key(&fixture(file));
        assert_eq!((r.ok, r.jira_accepts), (*ok, *jira), "{file}: {r:#?}");
        for code in *want {
            assert!(
                codes(&r).contains(code),
                "{file}: wanted {code}, got {r:#?}"
            );
        }
        if want.is_empty() {
            assert!(r.problems.is_empty(), "{file}: {r:#?}");
        }
    }
    let ec = inspect_public_key(&fixture("ec-p256.pub.pem"));
    assert!(ec.problems[0].message.contains("P-256"), "{ec:#?}");
    let ed = inspect_public_key(&fixture("ed25519.ssh.pub"));
    assert!(ed.problems[0].message.contains("ed25519"), "{ed:#?}");
}

#[test]
fn canonical_forms_are_what_openssl_writes() {
    let pem = fixture("rsa-2048.pub.pem");
    let oneline = fixture("rsa-2048.oneline.b64");
    for file in [
        "rsa-2048.pub.pem",
        "rsa-2048.pkcs1.pub.pem",
        "rsa-2048.ssh.pub",
        "rsa-2048.ssh2.pub",
        "cert-rsa-2048.pem",
        "rsa-2048.wrapped.b64",
    ] {
        let r = inspect_public_key(&fixture(file));
        assert_eq!(r.canonical_pem.as_deref(), Some(pem.as_str()), "{file}");
        assert_eq!(r.jira_base64.as_deref(), Some(oneline.as_str()), "{file}");
        assert_eq!(r.exponent, Some(65537));
    }
    assert_eq!(
        inspect_public_key(&fixture("rsa-2048-e3.pub.pem")).exponent,
        Some(3)
    );
}

// ---------------------------------------------------------------- generation vs OpenSSL

fn openssl_available() -> bool {
    Command::new("openssl").arg("version").output().is_ok()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("linksmith-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    path
}

fn openssl(args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("openssl {args:?}: {e}"));
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn generated_keys_pass_openssl_checks() {
    // The comparison is the point of the test: without openssl it must fail, not pass.
    assert!(
        openssl_available(),
        "openssl is required (./build.sh test installs it)"
    );
    // Both ways keys are made: in one go, and the panel's way (primes from separate searches,
    // as parallel workers find them, then assembled).
    let mut pairs = Vec::new();
    for bits in [2048u32, 3072] {
        let started = Instant::now();
        pairs.push(generate_key_pair(bits).unwrap_or_else(|e| panic!("{e}")));
        eprintln!("generated {bits} bits in {:?}", started.elapsed());
    }
    for bits in [2048u32, 4096] {
        let started = Instant::now();
        pairs.push(pair_the_workers_way(bits));
        eprintln!(
            "generated {bits} bits the workers' way in {:?}",
            started.elapsed()
        );
    }
    for pair in pairs {
        let bits = pair.bits;
        assert_meets_fips_186_5(&pair);
        assert_eq!(pair.bits, bits);
        assert!(
            pair.public_key_pem
                .starts_with("-----BEGIN PUBLIC KEY-----\n")
        );
        assert!(
            pair.private_key_pkcs8_pem
                .starts_with("-----BEGIN PRIVATE KEY-----\n")
        );
        assert!(
            pair.private_key_pkcs1_pem
                .starts_with("-----BEGIN RSA PRIVATE KEY-----\n")
        );
        for pem in [
            &pair.public_key_pem,
            &pair.private_key_pkcs8_pem,
            &pair.private_key_pkcs1_pem,
        ] {
            assert!(!pem.contains('\r'));
            assert!(pem.lines().all(|l| l.len() <= 64));
        }
        assert!(!format!("{pair:?}").contains("PRIVATE KEY-----"));

        let pkcs1 = temp_file(&format!("{bits}-pkcs1.pem"), &pair.private_key_pkcs1_pem);
        let pkcs8 = temp_file(&format!("{bits}-pkcs8.pem"), &pair.private_key_pkcs8_pem);
        let public = temp_file(&format!("{bits}-pub.pem"), &pair.public_key_pem);
        for private in [&pkcs1, &pkcs8] {
            let path = private.to_string_lossy();
            let out = Command::new("openssl")
                .args(["rsa", "-check", "-noout", "-in", &path])
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && stdout.contains("RSA key ok"),
                "{stdout}"
            );
            // The private key's public half must be the public key we wrote.
            let derived = openssl(&["pkey", "-in", &path, "-pubout"]);
            assert_eq!(derived, pair.public_key_pem);
        }
        let text = openssl(&[
            "pkey",
            "-pubin",
            "-in",
            &public.to_string_lossy(),
            "-noout",
            "-text",
        ]);
        assert!(
            text.contains(&format!("Public-Key: ({bits} bit)")),
            "{text}"
        );
        assert!(text.contains("Exponent: 65537"), "{text}");
        let der = temp_file(&format!("{bits}-pub.der"), "");
        openssl(&[
            "pkey",
            "-pubin",
            "-in",
            &public.to_string_lossy(),
            "-outform",
            "DER",
            "-out",
            &der.to_string_lossy(),
        ]);
        let dgst = openssl(&["dgst", "-sha256", &der.to_string_lossy()]);
        assert!(
            dgst.trim_end()
                .ends_with(&format!("= {}", pair.fingerprint_sha256)),
            "{dgst}"
        );

        let report = inspect_public_key(&pair.public_key_pem);
        assert!(report.ok && report.jira_accepts, "{report:#?}");
        assert_eq!(
            report.fingerprint_sha256.as_deref(),
            Some(pair.fingerprint_sha256.as_str())
        );
        assert_eq!(
            report.canonical_pem.as_deref(),
            Some(pair.public_key_pem.as_str())
        );
        for private in [&pair.private_key_pkcs1_pem, &pair.private_key_pkcs8_pem] {
            let r = inspect_public_key(private);
            assert_eq!(codes(&r), ["private-key-pasted"]);
        }
        for path in [pkcs1, pkcs8, public, der] {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// What the panel's workers do: each runs a `PrimeSearch` (in steps, reporting progress in
/// between), and the first two primes are assembled into the key.
fn pair_the_workers_way(bits: u32) -> GeneratedKeyPair {
    let mut rng = getrandom::SysRng;
    let mut prime = || {
        let mut search = PrimeSearch::new(bits).unwrap_or_else(|e| panic!("{e}"));
        loop {
            match search.step(&mut rng, 8) {
                Ok(Some(p)) => return prime_to_bytes(&p),
                Ok(None) => continue,
                Err(e) => panic!("{e}"),
            }
        }
    };
    let (p, q) = (prime(), prime());
    key_pair_from_prime_bytes(bits, &p, &q).unwrap_or_else(|e| panic!("{e}"))
}

/// FIPS 186-5 A.1.3 conditions on the key's factors: p, q > √2·2^(nlen/2−1), |p − q| >
/// 2^(nlen/2−100), d > 2^(nlen/2), d = e⁻¹ mod lcm(p−1, q−1) (so d < lcm), and both prime.
fn assert_meets_fips_186_5(pair: &GeneratedKeyPair) {
    use crypto_bigint::ConcatenatingMul;
    use rsa::BoxedUint;
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::traits::{PrivateKeyParts, PublicKeyParts};
    let key = rsa::PrivateKey::from_pkcs8_pem(&pair.private_key_pkcs8_pem)
        .unwrap_or_else(|e| panic!("{e}"));
    let half = pair.bits / 2;
    let [p, q] = key.primes() else {
        panic!("a two-prime key");
    };
    let (p, q): (BoxedUint, BoxedUint) = (p.as_ref().clone(), q.as_ref().clone());
    // √2·2^(half−1) < 0xB505 · 2^(half−16)
    let sqrt2_bound = BoxedUint::from(0xB505u32)
        .shl_vartime(half - 16)
        .unwrap_or_default();
    for f in [&p, &q] {
        assert_eq!(f.bit_width_vartime(), half);
        assert!(*f > sqrt2_bound);
        assert!(crypto_primes::is_prime(crypto_primes::Flavor::Any, f));
    }
    let diff = if p > q {
        p.wrapping_sub(&q)
    } else {
        q.wrapping_sub(&p)
    };
    assert!(diff.bit_width_vartime() > half - 99, "|p − q| too small");
    assert!(key.d().bit_width_vartime() > half + 1, "d too small");
    assert_eq!(key.as_public_key().n().bit_width_vartime(), pair.bits);
    assert_eq!(*key.as_public_key().e(), BoxedUint::from(65537u32));
    // d·e ≡ 1 (mod p−1) and (mod q−1), and d below lcm(p−1, q−1) ≤ (p−1)(q−1)/2.
    let one = BoxedUint::one();
    let de = key.d().concatenating_mul(key.as_public_key().e());
    for f in [&p, &q] {
        let m = f.wrapping_sub(&one);
        let nz = crypto_bigint::NonZero::new(m)
            .into_option()
            .unwrap_or_else(|| panic!("p − 1 = 0"));
        assert_eq!(de.rem_vartime(&nz), one);
    }
    let phi_half = p
        .wrapping_sub(&one)
        .concatenating_mul(&q.wrapping_sub(&one))
        .shr_vartime(1)
        .unwrap_or_default();
    assert!(*key.d() < phi_half, "d is reduced mod λ(n)");
}

#[test]
fn openssl_fingerprint_line_matches_the_pipe() {
    // The comparison is the point of the test: without openssl it must fail, not pass.
    assert!(
        openssl_available(),
        "openssl is required (./build.sh test installs it)"
    );
    // The exact `openssl pkey -pubin -outform DER | openssl dgst -sha256` output.
    let out = Command::new("sh")
        .arg("-c")
        .arg("openssl pkey -pubin -in \"$1\" -outform DER | openssl dgst -sha256")
        .arg("sh")
        .arg(fixture_dir().join("rsa-2048.pub.pem"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let printed = String::from_utf8_lossy(&out.stdout);
    let report = inspect_public_key(&fixture("rsa-2048.pub.pem"));
    assert_eq!(
        report.fingerprint_openssl.as_deref(),
        Some(printed.trim_end())
    );
}

/// A key pair of `bits` from a [`TestRng`] seeded with `seed`: the same seed, the same key.
fn seeded(bits: u32, seed: u64) -> Result<GeneratedKeyPair, KeyError> {
    generate_key_pair_with_rng(bits, &mut TestRng { seed, counter: 0 })
}

/// A 2048-bit [`seeded`] key pair that must be made.
fn seeded_pair(seed: u64) -> GeneratedKeyPair {
    seeded(2048, seed).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn seeded_generation_is_repeatable_and_sizes_are_checked() {
    let (a, b) = (seeded_pair(7), seeded_pair(7));
    assert_eq!(a, b);
    let err = seeded(1024, 7);
    assert_eq!(
        err.err().map(|e| e.code()),
        Some(ErrorCode::KeySizeUnsupported)
    );
    let json = serde_json::to_value(&a).unwrap_or_default();
    for field in [
        "bits",
        "publicKeyPem",
        "privateKeyPkcs8Pem",
        "privateKeyPkcs1Pem",
        "fingerprintSha256",
    ] {
        assert!(json.get(field).is_some(), "{field} missing in {json}");
    }
}

// ---------------------------------------------------------------- broken input

/// The 2048-bit fixture's PEM, and its lines.
fn pem() -> String {
    fixture("rsa-2048.pub.pem")
}

fn with_lines(f: impl Fn(usize, &str) -> Option<String>) -> String {
    pem()
        .lines()
        .enumerate()
        .filter_map(|(i, l)| f(i, l))
        .map(|l| l + "\n")
        .collect()
}

struct Case {
    name: &'static str,
    text: String,
    kind: KeyKind,
    codes: &'static [&'static str],
    /// Whether the key itself is still recovered (canonical form offered).
    recovered: bool,
    jira_accepts: bool,
    /// Text some problem's message must contain (usually a location).
    mentions: &'static str,
}

fn broken_cases() -> Vec<Case> {
    let pem = pem();
    let oneline = fixture("rsa-2048.oneline.b64");
    let pem4096 = fixture("rsa-4096.pub.pem");
    let oneline4096: String = pem4096
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let body_line = |i: usize, l: &str, at: usize, ins: &str| {
        if i == 3 {
            let (a, b) = l.split_at(at);
            Some(format!("{a}{ins}{b}"))
        } else {
            Some(l.to_string())
        }
    };
    let c = |name, text, kind, codes, recovered, jira_accepts, mentions| Case {
        name,
        text,
        kind,
        codes,
        recovered,
        jira_accepts,
        mentions,
    };
    use KeyKind::*;
    vec![
        c(
            "empty",
            String::new(),
            Empty,
            &["key-empty"],
            false,
            false,
            "is empty",
        ),
        c(
            "blank",
            " \n\t\n".into(),
            Empty,
            &["key-empty"],
            false,
            false,
            "is empty",
        ),
        c(
            "truncated PEM",
            with_lines(|i, l| (i < 4 || l.starts_with("-----")).then(|| l.into())),
            SpkiPem,
            &["key-truncated"],
            false,
            false,
            "after line 4, column 65",
        ),
        c(
            "truncated one line",
            oneline[..300].to_string(),
            SpkiBase64,
            &["key-truncated"],
            false,
            false,
            "Base64 characters are missing",
        ),
        c(
            "doubled PEM",
            format!("{pem}{pem}"),
            SpkiPem,
            &["key-doubled"],
            true,
            false,
            "line 10",
        ),
        c(
            "doubled one line",
            format!("{oneline}{oneline}"),
            SpkiBase64,
            &["key-doubled"],
            true,
            false,
            "twice",
        ),
        c(
            "doubled one line with padding",
            format!("{oneline4096}{oneline4096}"),
            SpkiBase64,
            &["key-doubled"],
            true,
            false,
            "twice",
        ),
        c(
            "two different keys",
            format!("{pem}{pem4096}"),
            SpkiPem,
            &["key-multiple-blocks"],
            true,
            false,
            "line 10",
        ),
        c(
            "garbled character inserted",
            with_lines(|i, l| body_line(i, l, 9, "*")),
            SpkiPem,
            &["key-bad-char"],
            true,
            false,
            "line 4, column 10",
        ),
        c(
            "character replaced",
            with_lines(|i, l| {
                if i == 3 {
                    Some(format!("{}#{}", &l[..9], &l[10..]))
                } else {
                    Some(l.into())
                }
            }),
            SpkiPem,
            &["key-bad-char"],
            false,
            false,
            "line 4, column 10",
        ),
        c(
            "missing BEGIN",
            with_lines(|i, l| (i != 0).then(|| l.into())),
            SpkiPem,
            &["key-missing-begin"],
            true,
            true,
            "no BEGIN line",
        ),
        c(
            "missing END",
            with_lines(|_, l| (!l.starts_with("-----END")).then(|| l.into())),
            SpkiPem,
            &["key-missing-end"],
            true,
            true,
            "no matching END",
        ),
        c(
            "extra BEGIN line",
            format!("-----BEGIN PUBLIC KEY-----\n{pem}"),
            SpkiPem,
            &["key-extra-armour"],
            true,
            true,
            "line 1",
        ),
        c(
            "mismatched labels",
            pem.replace("END PUBLIC KEY", "END RSA PUBLIC KEY"),
            SpkiPem,
            &["key-label-mismatch"],
            true,
            true,
            "RSA PUBLIC KEY",
        ),
        c(
            "CRLF",
            pem.replace('\n', "\r\n"),
            SpkiPem,
            &["key-crlf"],
            true,
            true,
            "CR LF",
        ),
        c(
            "tab",
            with_lines(|i, l| body_line(i, l, 0, "\t")),
            SpkiPem,
            &["key-tab"],
            true,
            false,
            "line 4, column 1",
        ),
        c(
            "no-break space",
            with_lines(|i, l| body_line(i, l, 20, "\u{a0}")),
            SpkiPem,
            &["key-invisible-char"],
            true,
            false,
            "no-break space (U+00A0)",
        ),
        c(
            "zero-width space",
            with_lines(|i, l| body_line(i, l, 20, "\u{200b}")),
            SpkiPem,
            &["key-invisible-char"],
            true,
            false,
            "line 4, column 21",
        ),
        c(
            "smart quotes",
            format!("\u{201c}{}\u{201d}", pem.trim_end()),
            SpkiPem,
            &["key-quote-char"],
            true,
            false,
            "curly double quote",
        ),
        c(
            "em dashes",
            pem.replace("-----", "\u{2014}\u{2013}"),
            SpkiPem,
            &["key-smart-dash"],
            true,
            false,
            "line 1, column 1",
        ),
        c(
            "quote prefix",
            with_lines(|_, l| Some(format!("> {l}"))),
            SpkiPem,
            &["key-quote-prefix"],
            true,
            false,
            "'>'",
        ),
        c(
            "leading spaces",
            with_lines(|_, l| Some(format!("    {l}"))),
            SpkiPem,
            &["key-leading-space"],
            true,
            false,
            "line 1, column 1",
        ),
        c(
            "space inside",
            with_lines(|i, l| body_line(i, l, 30, " ")),
            SpkiPem,
            &["key-inner-space"],
            true,
            false,
            "line 4, column 31",
        ),
        c(
            "accented letter",
            with_lines(|i, l| body_line(i, l, 5, "é")),
            SpkiPem,
            &["key-bad-char"],
            true,
            false,
            "'é' (U+00E9)",
        ),
        c(
            "control character",
            with_lines(|i, l| body_line(i, l, 5, "\u{7}")),
            SpkiPem,
            &["key-bad-char"],
            true,
            false,
            "line 4, column 6",
        ),
        c(
            "ellipsis",
            format!("{}…{}", &oneline[..40], &oneline[oneline.len() - 40..]),
            SpkiBase64,
            &["key-ellipsis"],
            false,
            false,
            "shortened",
        ),
        c(
            "prose before",
            format!("Here is the key:\n{pem}"),
            SpkiPem,
            &["key-extra-text"],
            true,
            false,
            "line 1",
        ),
        c(
            "armour with four hyphens",
            pem.replace("-----BEGIN", "----BEGIN"),
            SpkiPem,
            &["key-armour-malformed"],
            true,
            false,
            "line 1",
        ),
        c(
            "Base64 after the END line",
            format!("{pem}QUFBQUFBQUFB\n"),
            SpkiPem,
            &["key-extra-text"],
            true,
            false,
            "line 10 holds Base64",
        ),
        c(
            "private body after a public key",
            format!("{pem}{}", fixture("private-pkcs1.b64")),
            PrivateKeyPkcs1,
            &["private-key-pasted"],
            false,
            false,
            "PRIVATE key",
        ),
        c(
            "NULL parameter turned into BOOLEAN",
            pem.replacen("BAQEFAAOC", "BAQEBAAOC", 1),
            SpkiPem,
            &["key-noncanonical"],
            true,
            false,
            "altered",
        ),
        c(
            "only armour",
            "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n".into(),
            SpkiPem,
            &["key-no-data"],
            false,
            false,
            "no key data",
        ),
        c(
            "prose",
            "hello world this is not a key".into(),
            Unknown,
            &["key-inner-space", "key-not-a-key"],
            false,
            false,
            "column 6",
        ),
        c(
            "prose with punctuation",
            "see attached, thanks!".into(),
            Unknown,
            &["key-bad-char"],
            false,
            false,
            "',' (U+002C)",
        ),
        c(
            "base64 of text",
            "aGVsbG8gd29ybGQ=".into(),
            Unknown,
            &["key-not-a-key"],
            false,
            false,
            "not a key",
        ),
        c(
            "bare ssh base64",
            fixture("rsa-2048.ssh.pub")
                .split(' ')
                .nth(1)
                .unwrap_or_default()
                .to_string(),
            OpensshPublic,
            &["key-openssh-format"],
            true,
            false,
            "Jira only reads",
        ),
        c(
            "certificate after text",
            format!("Bag Attributes\n{}", fixture("cert-rsa-2048.pem")),
            CertificatePem,
            &["key-extra-text"],
            true,
            false,
            "line 1",
        ),
        c(
            "certificate label on a key",
            pem.replace("PUBLIC KEY", "CERTIFICATE"),
            SpkiPem,
            &["key-label-mismatch"],
            true,
            false,
            "CERTIFICATE",
        ),
        c(
            "private key with em dashes",
            fixture("private-pkcs8.key").replace("-----", "\u{2014}\u{2013}"),
            PrivateKeyPkcs8,
            &["private-key-pasted"],
            false,
            false,
            "PRIVATE key",
        ),
        c(
            "private key body without armour",
            fixture("private-pkcs8.b64"),
            PrivateKeyPkcs8,
            &["private-key-pasted"],
            false,
            false,
            "PRIVATE key",
        ),
        c(
            "truncated private body",
            fixture("private-pkcs1.b64")[..200].to_string(),
            PrivateKeyPkcs1,
            &["private-key-pasted"],
            false,
            false,
            "PRIVATE key",
        ),
    ]
}

#[test]
fn broken_inputs_are_explained() {
    for case in broken_cases() {
        let r = inspect_public_key(&case.text);
        let name = case.name;
        assert_eq!(r.kind, case.kind, "{name}: {r:#?}");
        for code in case.codes {
            assert!(codes(&r).contains(code), "{name}: wanted {code}: {r:#?}");
        }
        assert_eq!(r.canonical_pem.is_some(), case.recovered, "{name}: {r:#?}");
        assert_eq!(r.jira_accepts, case.jira_accepts, "{name}: {r:#?}");
        assert!(
            r.problems.iter().any(|p| p.message.contains(case.mentions)),
            "{name}: no message mentions {:?}: {r:#?}",
            case.mentions
        );
        for p in &r.problems {
            assert!(
                p.message.starts_with("Public key: "),
                "{name}: {}",
                p.message
            );
            assert!(!p.fix.is_empty(), "{name}: {}", p.code);
        }
        if case.recovered {
            assert_eq!(
                r.fingerprint_sha256,
                inspect_public_key(&case.text_source_key()).fingerprint_sha256,
                "{name}: recovered a different key"
            );
        }
    }
}

impl Case {
    /// The clean key a recovered case must come back to.
    fn text_source_key(&self) -> String {
        match self.name {
            "doubled one line with padding" => fixture("rsa-4096.pub.pem"),
            "certificate after text" => fixture("cert-rsa-2048.pem"),
            "bare ssh base64" => fixture("rsa-2048.ssh.pub"),
            _ => pem(),
        }
    }
}

#[test]
fn huge_input_answers_fast() {
    let started = Instant::now();
    let mb = "A".repeat(1 << 20);
    assert_eq!(codes(&inspect_public_key(&mb)), ["key-too-long"]);
    let with_private = format!("{mb}\n-----BEGIN RSA PRIVATE KEY-----\n");
    assert_eq!(
        inspect_public_key(&with_private).kind,
        KeyKind::PrivateKeyPkcs1
    );
    // Just under the limit, full analysis: lines of junk, every character a problem.
    let junk = "é\u{a0}\t>x \u{200b}\"—\n".repeat(60 * 1024 / 24);
    let r = inspect_public_key(&junk);
    assert!(!r.ok && r.problems.len() < 20, "{}", r.problems.len());
    let lines = format!("{}\n", "QUFB".repeat(16)).repeat(60 * 1024 / 65);
    let r = inspect_public_key(&lines);
    assert!(!r.ok);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
}

#[test]
fn problems_sort_errors_first() {
    let r = inspect_public_key(&format!(
        "{}\r\n",
        fixture("rsa-512.pub.pem").replace('\n', "\r\n").trim_end()
    ));
    let sev: Vec<Severity> = r.problems.iter().map(|p| p.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
}

#[test]
fn report_serialises_with_camel_case_and_kebab_kinds() {
    let r = inspect_public_key(&fixture("rsa-2048.pkcs1.pub.pem"));
    let json = serde_json::to_value(&r).unwrap_or_default();
    assert_eq!(json["kind"], "pkcs1-public-pem");
    assert_eq!(json["jiraAccepts"], false);
    assert!(
        json["canonicalPem"]
            .as_str()
            .is_some_and(|s| s.starts_with("-----BEGIN PUBLIC KEY-----"))
    );
    assert!(json["fingerprintOpenssl"].is_string());
    assert_eq!(json["problems"][0]["severity"], "error");
}

// ---------------------------------------------------------------- compare

#[test]
fn compares_across_formats() {
    for a in RSA_2048_FORMS {
        for b in RSA_2048_FORMS {
            let c = compare_public_keys(&fixture(a), &fixture(b));
            assert!(c.same, "{a} vs {b}: {c:#?}");
            assert!(c.problems.is_empty() && c.first_difference.is_none());
            assert_eq!(c.fingerprint_a, c.fingerprint_b);
        }
    }
}

#[test]
fn different_keys_point_at_the_difference() {
    let (a, b) = (seeded_pair(1), seeded_pair(2));
    let c = compare_public_keys(&a.public_key_pem, &b.public_key_pem);
    assert!(!c.same);
    let d = c
        .first_difference
        .clone()
        .unwrap_or_else(|| panic!("no difference: {c:#?}"));
    // Both start with the same 2048-bit SPKI prefix: MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA
    assert!(d.index >= 44, "{d:#?}");
    assert_eq!((d.line, d.column), (d.index / 64 + 1, d.index % 64 + 1));
    let one_line_a: String = a
        .public_key_pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    let at = one_line_a.as_bytes()[d.index] as char;
    assert!(d.excerpt_a.contains(&format!("[{at}]")), "{d:#?}");
    assert_ne!(d.excerpt_a, d.excerpt_b);
    assert!(c.problems.iter().any(|p| p.code == "keys-differ"));
    assert_eq!(
        c.fingerprint_a.as_deref(),
        Some(a.fingerprint_sha256.as_str())
    );

    // e = 3 makes the DER one byte shorter, so the difference starts in the length field.
    let c = compare_public_keys(
        &fixture("rsa-2048.pub.pem"),
        &fixture("rsa-2048-e3.pub.pem"),
    );
    assert_eq!(c.first_difference.map(|d| d.index), Some(5));
    let c = compare_public_keys(&fixture("rsa-2048.pub.pem"), &fixture("rsa-4096.pub.pem"));
    assert_eq!(c.first_difference.map(|d| d.index), Some(3), "MIIB vs MIIC");
}

#[test]
fn compare_names_the_side_that_does_not_parse() {
    let c = compare_public_keys(&fixture("rsa-2048.pub.pem"), "");
    assert!(!c.same && c.fingerprint_a.is_some() && c.fingerprint_b.is_none());
    assert!(
        c.problems
            .iter()
            .all(|p| p.message.starts_with("Second key: ")),
        "{c:#?}"
    );
    assert!(c.problems.iter().any(|p| p.code == "key-empty"));

    // The 4096-bit key's Base64 ends in "==": the character before carries 4 unused bits.
    let pem4096 = fixture("rsa-4096.pub.pem");
    let at = pem4096.find("==").unwrap_or(0) - 1;
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let value = alphabet.find(&pem4096[at..at + 1]).unwrap_or(0);
    let sibling = &alphabet[(value ^ 1)..(value ^ 1) + 1];
    let mut altered = pem4096.clone();
    altered.replace_range(at..at + 1, sibling);
    let c = compare_public_keys(&pem4096, &altered);
    assert!(c.same, "the bytes are unchanged");
    assert!(
        c.problems
            .iter()
            .any(|p| p.code == "key-altered-base64" && p.message.starts_with("Second key: ")),
        "{c:#?}"
    );

    let c = compare_public_keys(&fixture("private-pkcs8.key"), &fixture("ed25519.pub.pem"));
    assert!(!c.same);
    assert!(
        c.problems
            .iter()
            .any(|p| p.code == "private-key-pasted" && p.message.starts_with("First key: "))
    );
    assert!(
        c.problems
            .iter()
            .any(|p| p.code == "key-not-rsa" && p.message.starts_with("Second key: "))
    );
}

/// Found by the proptest of tests/keys_formats_props.rs: in an `ssh-rsa` line, a last Base64
/// character whose unused low bits were changed decoded to the same key and compared as the same
/// without a word. It must be named as altered, as in PEM.
#[test]
fn altered_padding_bits_in_an_ssh_line_are_reported() {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // The case proptest found: a 1024-bit key, whose SSH blob ends in padding.
    let table = std::fs::read_to_string(fixture_dir().join("differential/keys.tsv"))
        .unwrap_or_else(|e| panic!("differential keys: {e}"));
    let row = |kind: &str| {
        table
            .lines()
            .find(|l| l.starts_with(&format!("k001-1024-e65537\t{kind}\t")))
            .and_then(|l| l.split('\t').nth(5))
            .map(|t| t.replace("\\n", "\n"))
            .unwrap_or_else(|| panic!("no {kind} row for k001"))
    };
    let original = row("openssh-public");
    let blob_end = original
        .match_indices('=')
        .next()
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("the fixture's blob has padding"));
    let last = original.as_bytes()[blob_end - 1];
    let value = B64.iter().position(|b| *b == last).unwrap_or(0);
    // Padding means the low bits of the last character carry nothing: set one of them.
    let altered = char::from(B64[value | 1]);
    assert_ne!(
        altered,
        char::from(last),
        "the fixture's last character has a clear low bit"
    );
    let mut flipped = original.clone();
    flipped.replace_range(blob_end - 1..blob_end, &altered.to_string());
    let c = compare_public_keys(&row("spki-pem"), &flipped);
    assert!(
        !c.same || c.problems.iter().any(|p| p.code == "key-altered-base64"),
        "{c:#?}"
    );
    assert!(codes(&inspect_public_key(&flipped)).contains(&"key-altered-base64"));
}
