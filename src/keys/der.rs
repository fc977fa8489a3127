//! Just enough DER to tell what a blob of bytes is before handing it to a strict parser.
//!
//! The `spki`/`pkcs1`/`x509-cert` parsers only say "malformed"; a person who pasted half a key or
//! two keys back to back needs to hear "cut off" or "doubled", and a private key must be
//! recognised without parsing its secret fields. So this reads tag-length-value headers only,
//! never panics, and treats indefinite or absurd lengths as "not DER".

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;

/// How the outermost element relates to the bytes that were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outer {
    /// A complete element of `len` bytes (there may be bytes after it).
    Complete { len: usize },
    /// The header promises `declared` bytes but only `available` are there.
    Truncated { declared: usize, available: usize },
    /// The bytes do not start with a SEQUENCE header.
    NotDer,
}

/// What a DER object looks like from its outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape {
    /// SubjectPublicKeyInfo; `algorithm` is the raw OID body, `parameter` the raw OID body of
    /// an OID parameter (the curve of an EC key) when there is one.
    Spki {
        algorithm: Vec<u8>,
        parameter: Option<Vec<u8>>,
    },
    Pkcs1Public,
    Pkcs1Private,
    Pkcs8Private,
    EncryptedPkcs8,
    Sec1Private,
    Certificate,
    Unknown,
}

struct Element<'a> {
    tag: u8,
    /// The value bytes that are present (fewer than declared when `complete` is false).
    value: &'a [u8],
    complete: bool,
}

/// Reads one header; returns (tag, header length, declared value length).
fn header(bytes: &[u8]) -> Option<(u8, usize, usize)> {
    let tag = *bytes.first()?;
    // High-tag-number form never occurs in the structures we look for.
    if tag & 0x1f == 0x1f {
        return None;
    }
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some((tag, 2, usize::from(first)));
    }
    let count = usize::from(first & 0x7f);
    // 0x80 is BER's indefinite length; more than 4 length bytes is no key anyone pastes.
    if count == 0 || count > 4 {
        return None;
    }
    let len_bytes = bytes.get(2..2 + count)?;
    let len = len_bytes
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Some((tag, 2 + count, len))
}

pub(crate) fn outer(bytes: &[u8]) -> Outer {
    match header(bytes) {
        Some((SEQUENCE, head, len)) => {
            let declared = head.saturating_add(len);
            if declared <= bytes.len() {
                Outer::Complete { len: declared }
            } else {
                Outer::Truncated {
                    declared,
                    available: bytes.len(),
                }
            }
        }
        _ => Outer::NotDer,
    }
}

/// Reads the elements inside `content`; the last one may be cut short.
fn elements(mut content: &[u8], max: usize) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    while !content.is_empty() && out.len() < max {
        let Some((tag, head, len)) = header(content) else {
            break;
        };
        let rest = content.get(head..).unwrap_or_default();
        match rest.split_at_checked(len) {
            Some((value, after)) => {
                out.push(Element {
                    tag,
                    value,
                    complete: true,
                });
                content = after;
            }
            None => {
                out.push(Element {
                    tag,
                    value: rest,
                    complete: false,
                });
                break;
            }
        }
    }
    out
}

fn first_oid(sequence_value: &[u8]) -> Option<Vec<u8>> {
    let inner = elements(sequence_value, 2);
    match inner.first() {
        Some(e) if e.tag == OID && e.complete => Some(e.value.to_vec()),
        _ => None,
    }
}

fn second_oid(sequence_value: &[u8]) -> Option<Vec<u8>> {
    let inner = elements(sequence_value, 2);
    match inner.get(1) {
        Some(e) if e.tag == OID && e.complete => Some(e.value.to_vec()),
        _ => None,
    }
}

/// Classifies a DER object (which may be cut off) by the tags of its top-level fields.
pub(crate) fn shape(bytes: &[u8]) -> Shape {
    let Some((SEQUENCE, head, _)) = header(bytes) else {
        return Shape::Unknown;
    };
    let content = bytes.get(head..).unwrap_or_default();
    let items = elements(content, 10);
    let tags: Vec<u8> = items.iter().map(|e| e.tag).collect();
    let small_int = |i: usize, v: u8| {
        items
            .get(i)
            .is_some_and(|e| e.tag == INTEGER && e.value == [v])
    };
    let spki_or_encrypted = |first: Option<&Element<'_>>| {
        let algorithm = first.and_then(|e| first_oid(e.value))?;
        // PKCS#5 / PKCS#12 encryption schemes: an encrypted private key, not a public one.
        if algorithm.starts_with(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05])
            || algorithm.starts_with(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c])
        {
            return Some(Shape::EncryptedPkcs8);
        }
        Some(Shape::Spki {
            algorithm,
            parameter: first.and_then(|e| second_oid(e.value)),
        })
    };
    // A version INTEGER 0 or 1 first means a private key: a public key's first INTEGER is its
    // modulus, never that small. Checked even on cut-off data so that half a private key is
    // still refused as one.
    let versioned = small_int(0, 0) || small_int(0, 1);
    match tags.as_slice() {
        [SEQUENCE, BIT_STRING] => spki_or_encrypted(items.first()).unwrap_or(Shape::Unknown),
        [SEQUENCE, SEQUENCE, BIT_STRING] => Shape::Certificate,
        [INTEGER, SEQUENCE, ..] if versioned => Shape::Pkcs8Private,
        [INTEGER, OCTET_STRING, ..] if small_int(0, 1) => Shape::Sec1Private,
        [INTEGER, INTEGER, ..] | [INTEGER] if versioned => Shape::Pkcs1Private,
        [INTEGER, INTEGER] => Shape::Pkcs1Public,
        [SEQUENCE, OCTET_STRING] => Shape::EncryptedPkcs8,
        // A cut-off key still shows its first fields: enough to say what it was meant to be.
        [SEQUENCE] | [SEQUENCE, SEQUENCE] => match spki_or_encrypted(items.first()) {
            Some(shape) => shape,
            None if items.iter().any(|e| !e.complete) => Shape::Certificate,
            None => Shape::Unknown,
        },
        [INTEGER] if items.first().is_some_and(|e| !e.complete) => Shape::Pkcs1Public,
        _ => Shape::Unknown,
    }
}

/// Names of the public-key algorithms people are likely to paste, by OID body.
pub(crate) fn algorithm_name(oid: &[u8], parameter: Option<&[u8]>) -> String {
    const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    const RSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
    const EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    const DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];
    const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
    const P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
    match oid {
        RSA => "RSA".into(),
        RSA_PSS => "RSA-PSS (an RSA key restricted to PSS signatures)".into(),
        EC => match parameter {
            Some(P256) => "elliptic-curve (EC P-256)".into(),
            Some(P384) => "elliptic-curve (EC P-384)".into(),
            Some(P521) => "elliptic-curve (EC P-521)".into(),
            _ => "elliptic-curve (EC)".into(),
        },
        [0x2b, 0x65, 0x70] => "Ed25519".into(),
        [0x2b, 0x65, 0x71] => "Ed448".into(),
        [0x2b, 0x65, 0x6e] => "X25519".into(),
        [0x2b, 0x65, 0x6f] => "X448".into(),
        DSA => "DSA".into(),
        _ => format!("unknown (OID {})", oid_text(oid)),
    }
}

pub(crate) fn is_rsa_encryption(oid: &[u8]) -> bool {
    oid == [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]
}

/// Dotted form of an OID body, for messages about algorithms we do not know by name.
fn oid_text(oid: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut value: u64 = 0;
    for b in oid {
        value = value
            .saturating_mul(128)
            .saturating_add(u64::from(b & 0x7f));
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (value / 40).min(2);
                arcs.push(first);
                arcs.push(value.saturating_sub(first * 40));
            } else {
                arcs.push(value);
            }
            value = 0;
        }
    }
    arcs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lengths_and_cut_off_objects() {
        assert_eq!(outer(&[0x30, 0x03, 1, 2, 3]), Outer::Complete { len: 5 });
        assert_eq!(
            outer(&[0x30, 0x82, 0x01, 0x00, 1]),
            Outer::Truncated {
                declared: 260,
                available: 5
            }
        );
        assert_eq!(outer(&[0x30, 0x80]), Outer::NotDer);
        assert_eq!(outer(&[]), Outer::NotDer);
        assert_eq!(outer(&[0x02, 0x01, 0x00]), Outer::NotDer);
    }

    #[test]
    fn names_oids() {
        assert_eq!(
            oid_text(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
            "1.2.840.10045.2.1"
        );
        assert_eq!(algorithm_name(&[0x2b, 0x65, 0x70], None), "Ed25519");
    }
}
