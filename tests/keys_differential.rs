//! Differential test against OpenSSL: 200 RSA keys that openssl generated, each in every public
//! form openssl and ssh-keygen write (tests/keys/differential/generate.sh). For each text the
//! inspector's kind, bits, exponent and SPKI SHA-256 fingerprint must equal what openssl read,
//! and every form of one key must compare as the same key.

use std::collections::BTreeMap;
use std::path::Path;

use linksmith::keys::{compare_public_keys, inspect_public_key};

struct Row {
    name: String,
    kind: String,
    bits: u32,
    exponent: u64,
    fingerprint: String,
    text: String,
}

fn rows() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keys/differential/keys.tsv");
    let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("name\t") && !l.is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [name, kind, bits, exponent, fingerprint, text] = cols[..] else {
                panic!("bad row {line:?}");
            };
            Row {
                name: name.to_string(),
                kind: kind.to_string(),
                bits: bits.parse().unwrap_or_else(|e| panic!("{name}: {e}")),
                exponent: exponent.parse().unwrap_or_else(|e| panic!("{name}: {e}")),
                fingerprint: fingerprint.to_string(),
                text: text.replace("\\n", "\n"),
            }
        })
        .collect()
}

#[test]
fn inspector_agrees_with_openssl_on_every_key_in_every_form() {
    let rows = rows();
    let mut keys: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        keys.entry(r.name.as_str()).or_default().push(r);
    }
    assert!(keys.len() >= 200, "only {} keys", keys.len());
    let mut failures = Vec::new();
    let mut sizes: BTreeMap<u32, usize> = BTreeMap::new();
    for r in &rows {
        let got = inspect_public_key(&r.text);
        let want = (
            r.kind.as_str(),
            Some(r.bits),
            Some(r.exponent),
            Some(r.fingerprint.as_str()),
        );
        let have = (
            got.kind.as_str(),
            got.bits,
            got.exponent,
            got.fingerprint_sha256.as_deref(),
        );
        if want != have {
            failures.push(format!(
                "{} {}: openssl {want:?}, Linksmith {have:?}",
                r.name, r.kind
            ));
        }
        // Jira takes SPKI and certificates as they are; the other forms get the canonical PEM.
        let jira = matches!(
            r.kind.as_str(),
            "spki-pem" | "spki-base64" | "certificate-pem"
        );
        if got.jira_accepts != jira || got.canonical_pem.is_none() {
            failures.push(format!(
                "{} {}: jira_accepts {}",
                r.name, r.kind, got.jira_accepts
            ));
        }
        if r.kind == "spki-pem" {
            *sizes.entry(r.bits).or_default() += 1;
            // The canonical PEM is byte for byte what openssl wrote.
            if got.canonical_pem.as_deref() != Some(r.text.as_str()) {
                failures.push(format!("{}: canonical PEM differs from openssl's", r.name));
            }
        }
    }
    // Every form of a key is the same key as its SPKI PEM.
    for (name, forms) in &keys {
        let Some(spki) = forms.iter().find(|r| r.kind == "spki-pem") else {
            failures.push(format!("{name}: no spki-pem row"));
            continue;
        };
        assert!(forms.len() >= 5, "{name}: only {} forms", forms.len());
        for r in forms.iter().filter(|r| r.kind != "spki-pem") {
            let c = compare_public_keys(&spki.text, &r.text);
            if !c.same {
                failures.push(format!("{name}: spki-pem vs {} not the same", r.kind));
            }
        }
    }
    println!(
        "{} texts of {} keys; sizes {sizes:?}",
        rows.len(),
        keys.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn distinct_keys_never_compare_as_same() {
    let rows = rows();
    let spki: Vec<&Row> = rows.iter().filter(|r| r.kind == "spki-pem").collect();
    for pair in spki.windows(2) {
        let c = compare_public_keys(&pair[0].text, &pair[1].text);
        assert!(!c.same, "{} vs {}", pair[0].name, pair[1].name);
        assert!(c.problems.iter().any(|p| p.code == "keys-differ"), "{c:?}");
    }
}
