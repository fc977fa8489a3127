//! Property tests over the 200 openssl-made keys of tests/keys/differential (every size, every
//! public form), filling what tests/keys_props.rs does with one 2048-bit fixture:
//! - a key compared with itself in any other form, after the harmless edits mail, chat and
//!   consoles make (CRLF, re-wrapping, surrounding white space, armour dropped), is the same key;
//! - flipping any one Base64 character of any form never yields the same key silently;
//! - inspecting is stable: the canonical PEM inspects to the same fingerprint and is a fixed point.

use linksmith::keys::{compare_public_keys, inspect_public_key};
use proptest::prelude::*;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
struct Form {
    name: String,
    kind: String,
    text: String,
}

fn forms() -> &'static Vec<Form> {
    static FORMS: OnceLock<Vec<Form>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/keys/differential/keys.tsv");
        let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("name\t") && !l.is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                Some(Form {
                    name: cols.first()?.to_string(),
                    kind: cols.get(1)?.to_string(),
                    text: cols.get(5)?.replace("\\n", "\n"),
                })
            })
            .collect()
    })
}

fn form_of(name: &str, kind: &str) -> Option<&'static Form> {
    forms().iter().find(|f| f.name == name && f.kind == kind)
}

const KINDS: [&str; 6] = [
    "spki-pem",
    "pkcs1-public-pem",
    "certificate-pem",
    "spki-base64",
    "openssh-public",
    "ssh2-public",
];

/// Harmless edits a key text goes through on its way from one admin page to another.
#[derive(Debug, Clone)]
enum Edit {
    Crlf,
    Pad(&'static str, &'static str),
    /// Re-wrap the Base64 body at this width (PEM forms and bare Base64 only).
    Rewrap(usize),
    /// Drop the BEGIN/END lines (PEM forms only).
    Headerless,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::Crlf),
        (
            prop::sample::select(vec!["", " ", "\n", "\n\n", "\t", "\u{a0}"]),
            prop::sample::select(vec!["", " ", "\n", "\r\n", "  \n"])
        )
            .prop_map(|(a, b)| Edit::Pad(a, b)),
        (16usize..120).prop_map(Edit::Rewrap),
        Just(Edit::Headerless),
    ]
}

fn apply(kind: &str, text: &str, edit: &Edit) -> String {
    let pem = kind.ends_with("-pem");
    // Earlier edits may have padded or CRLF-ended the lines: look at them trimmed.
    let body: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    let armour = |text: &str, at_start: bool| {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("-----"))
            .collect();
        (if at_start {
            lines.first()
        } else {
            lines.last()
        })
        .map(|l| l.to_string())
        .unwrap_or_default()
    };
    match edit {
        Edit::Crlf => text.replace('\n', "\r\n"),
        Edit::Pad(a, b) => format!("{a}{}{b}", text.trim_end()),
        Edit::Rewrap(width) if pem || kind == "spki-base64" => {
            let wrapped: Vec<String> = body
                .as_bytes()
                .chunks(*width)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            if pem {
                format!(
                    "{}\n{}\n{}\n",
                    armour(text, true),
                    wrapped.join("\n"),
                    armour(text, false)
                )
            } else {
                wrapped.join("\n")
            }
        }
        Edit::Headerless if pem && kind != "certificate-pem" => body,
        _ => text.to_string(),
    }
}

/// Byte offsets of the Base64 characters that carry key data in a text of this kind.
fn base64_positions(kind: &str, text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let data = match kind {
            _ if line.starts_with("---") || line.contains(':') || line.starts_with(' ') => None,
            "openssh-public" => {
                // "ssh-rsa BLOB [comment]": only the blob.
                let start = line.find(' ').map_or(0, |i| i + 1);
                let end = line[start..]
                    .find([' ', '\n'])
                    .map_or(line.len(), |i| start + i);
                Some(start..end)
            }
            _ => Some(0..line.trim_end().len()),
        };
        if let Some(range) = data {
            for i in range {
                if line
                    .as_bytes()
                    .get(i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
                {
                    out.push(offset + i);
                }
            }
        }
        offset += line.len();
    }
    out
}

fn key_names() -> Vec<String> {
    let mut names: Vec<String> = forms().iter().map(|f| f.name.clone()).collect();
    names.dedup();
    names
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_key_in_any_other_form_is_the_same_key(
        name in prop::sample::select(key_names()),
        a in prop::sample::select(KINDS.to_vec()),
        b in prop::sample::select(KINDS.to_vec()),
        edits in prop::collection::vec(edit(), 0..3),
    ) {
        let (Some(fa), Some(fb)) = (form_of(&name, a), form_of(&name, b)) else {
            return Err(TestCaseError::fail(format!("{name}: missing {a} or {b}")));
        };
        let mut text_b = fb.text.clone();
        for e in &edits {
            text_b = apply(b, &text_b, e);
        }
        let c = compare_public_keys(&fa.text, &text_b);
        prop_assert!(c.same, "{} {} vs {} after {:?}: {:?}", name, a, b, edits, c.problems);
        prop_assert!(!c.problems.iter().any(|p| p.code == "keys-differ"));
    }

    #[test]
    fn flipping_one_base64_character_never_yields_the_same_key_silently(
        name in prop::sample::select(key_names()),
        kind in prop::sample::select(vec!["spki-pem", "pkcs1-public-pem", "spki-base64", "openssh-public", "ssh2-public"]),
        at in any::<prop::sample::Index>(),
        to in "[A-Za-z0-9+/]",
    ) {
        let (Some(original), Some(spki)) = (form_of(&name, kind), form_of(&name, "spki-pem")) else {
            return Err(TestCaseError::fail(format!("{name}: missing {kind}")));
        };
        let positions = base64_positions(kind, &original.text);
        prop_assert!(!positions.is_empty());
        let pos = positions[at.index(positions.len())];
        prop_assume!(original.text.as_bytes()[pos] != to.as_bytes()[0]);
        let mut flipped = original.text.clone();
        flipped.replace_range(pos..pos + 1, &to);
        let c = compare_public_keys(&spki.text, &flipped);
        if c.same {
            prop_assert!(
                c.problems.iter().any(|p| p.code == "key-altered-base64" || p.code == "key-noncanonical"),
                "{} {}: flip at {} silently the same: {:?}", name, kind, pos, c.problems
            );
        }
        let r = inspect_public_key(&flipped);
        if r.fingerprint_sha256.as_deref() == inspect_public_key(&spki.text).fingerprint_sha256.as_deref() {
            prop_assert!(
                r.problems.iter().any(|p| p.code == "key-altered-base64" || p.code == "key-noncanonical"),
                "{} {}: flip at {} inspects clean: {:?}", name, kind, pos, r.problems
            );
        }
    }

    #[test]
    fn canonical_pem_is_a_fixed_point(
        name in prop::sample::select(key_names()),
        kind in prop::sample::select(KINDS.to_vec()),
    ) {
        let Some(f) = form_of(&name, kind) else {
            return Err(TestCaseError::fail(format!("{name}: missing {kind}")));
        };
        let r = inspect_public_key(&f.text);
        let Some(pem) = r.canonical_pem.clone() else {
            return Err(TestCaseError::fail(format!("{name} {kind}: no canonical PEM")));
        };
        let again = inspect_public_key(&pem);
        prop_assert!(again.ok && again.jira_accepts && !again.problems.iter().any(|p| p.is_error()), "{:?}", again.problems);
        prop_assert_eq!(again.canonical_pem.as_deref(), Some(pem.as_str()));
        prop_assert_eq!(again.fingerprint_sha256, r.fingerprint_sha256);
        let one_line = again.jira_base64.unwrap_or_default();
        prop_assert_eq!(inspect_public_key(&one_line).canonical_pem, Some(pem));
    }
}
