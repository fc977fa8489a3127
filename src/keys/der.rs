//! Just enough DER to tell what a blob of bytes is before handing it to a strict parser.
//!
//! The `spki`/`pkcs1`/`x509-cert` parsers only say "malformed"; a person who pasted half a key or
//! two keys back to back needs to hear "cut off" or "doubled", and a private key must be
//! recognised without parsing its secret fields. So this reads tag-length-value headers only,
//! never panics, and treats indefinite or absurd lengths as "not DER".

use const_oid::db::{rfc5912, rfc7292, rfc8410};
use const_oid::{ObjectIdentifier, ObjectIdentifierRef};
use der::{Decode, Header, Reader, SliceReader, Tag};

const SEQUENCE: Tag = Tag::Sequence;
const INTEGER: Tag = Tag::Integer;
const BIT_STRING: Tag = Tag::BitString;
const OCTET_STRING: Tag = Tag::OctetString;
const OID: Tag = Tag::ObjectIdentifier;

/// PKCS#5's arc: the password-based encryption schemes of an encrypted private key.
const PKCS_5: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5");

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
    tag: Tag,
    /// The value bytes that are present (fewer than declared when `complete` is false).
    value: &'a [u8],
    complete: bool,
}

/// Reads one header with `der` (DER rules: no indefinite or padded lengths, at most four
/// length bytes); returns (tag, header length, declared value length). The value itself may
/// be cut off: only the header has to be there.
fn header(bytes: &[u8]) -> Option<(Tag, usize, usize)> {
    let mut reader = SliceReader::new(bytes).ok()?;
    let header = Header::decode(&mut reader).ok()?;
    let head = usize::try_from(reader.position()).ok()?;
    let len = usize::try_from(header.length()).ok()?;
    Some((header.tag(), head, len))
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
    let tags: Vec<Tag> = items.iter().map(|e| e.tag).collect();
    let small_int = |i: usize, v: u8| {
        items
            .get(i)
            .is_some_and(|e| e.tag == INTEGER && e.value == [v])
    };
    let spki_or_encrypted = |first: Option<&Element<'_>>| {
        let algorithm = first.and_then(|e| first_oid(e.value))?;
        // PKCS#5 / PKCS#12 encryption schemes: an encrypted private key, not a public one.
        // (An OID body that starts with another's is under it: arcs end on a byte with the
        // top bit clear.)
        if algorithm.starts_with(PKCS_5.as_bytes())
            || algorithm.starts_with(rfc7292::PKCS_12.as_bytes())
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

/// The public-key algorithms people are likely to paste, by OID, with their names.
const ALGORITHMS: [(ObjectIdentifier, &str); 8] = [
    (rfc5912::RSA_ENCRYPTION, "RSA"),
    (
        rfc5912::ID_RSASSA_PSS,
        "RSA-PSS (an RSA key restricted to PSS signatures)",
    ),
    (rfc5912::ID_EC_PUBLIC_KEY, "elliptic-curve (EC)"),
    (rfc8410::ID_ED_25519, "Ed25519"),
    (rfc8410::ID_ED_448, "Ed448"),
    (rfc8410::ID_X_25519, "X25519"),
    (rfc8410::ID_X_448, "X448"),
    (rfc5912::ID_DSA, "DSA"),
];

/// The named curves of an elliptic-curve key (the OID in its algorithm's parameter).
const CURVES: [(ObjectIdentifier, &str); 3] = [
    (rfc5912::SECP_256_R_1, "elliptic-curve (EC P-256)"),
    (rfc5912::SECP_384_R_1, "elliptic-curve (EC P-384)"),
    (rfc5912::SECP_521_R_1, "elliptic-curve (EC P-521)"),
];

/// The name in `table` of the OID whose body is `oid`.
fn named(table: &[(ObjectIdentifier, &'static str)], oid: &[u8]) -> Option<&'static str> {
    table
        .iter()
        .find(|(known, _)| known.as_bytes() == oid)
        .map(|(_, name)| *name)
}

/// The name of a public-key algorithm, by OID body (and, for an EC key, its curve parameter).
pub(crate) fn algorithm_name(oid: &[u8], parameter: Option<&[u8]>) -> String {
    let Some(name) = named(&ALGORITHMS, oid) else {
        return match ObjectIdentifierRef::from_bytes(oid) {
            Ok(oid) => format!("unknown (OID {oid})"),
            Err(_) => "unknown (its OID is malformed)".into(),
        };
    };
    let curve = parameter
        .filter(|_| oid == rfc5912::ID_EC_PUBLIC_KEY.as_bytes())
        .and_then(|p| named(&CURVES, p));
    curve.unwrap_or(name).into()
}

pub(crate) fn is_rsa_encryption(oid: &[u8]) -> bool {
    oid == rfc5912::RSA_ENCRYPTION.as_bytes()
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
    fn refuses_what_der_forbids() {
        // Indefinite length, five length bytes, a length padded with a leading zero byte.
        assert_eq!(outer(&[0x30, 0x80, 0, 0]), Outer::NotDer);
        assert_eq!(outer(&[0x30, 0x85, 0, 0, 0, 0, 1, 0]), Outer::NotDer);
        assert_eq!(outer(&[0x30, 0x81, 0x03, 1, 2, 3]), Outer::NotDer);
    }

    #[test]
    fn names_oids() {
        // 1.2.840.10045.4.3.2 (ecdsa-with-SHA256): known to const-oid, not a key algorithm.
        let ecdsa_sha256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
        assert_eq!(
            algorithm_name(&ecdsa_sha256, None),
            "unknown (OID 1.2.840.10045.4.3.2)"
        );
        assert_eq!(algorithm_name(&[0x2b, 0x65, 0x70], None), "Ed25519");
        let ec = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
        let p384 = [0x2b, 0x81, 0x04, 0x00, 0x22];
        assert_eq!(
            algorithm_name(&ec, Some(&p384)),
            "elliptic-curve (EC P-384)"
        );
        assert_eq!(
            algorithm_name(&[0x2a, 0x86], None),
            "unknown (its OID is malformed)"
        );
        assert!(is_rsa_encryption(&[
            0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01
        ]));
    }
}
