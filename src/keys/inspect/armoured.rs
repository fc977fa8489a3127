//! The PEM path: armour lines, the key inside, certificates, and what trails or repeats. What
//! it finds are [`ArmourFinding`]s, worded by `armour_messages`.

use super::*;
use crate::vocabulary::ProblemCode;

pub(super) fn armoured_path(mut f: Findings<'_>, lines: &[Line]) -> Analysis {
    let Layout {
        blocks,
        stray,
        extra_armour,
    } = layout(lines);
    let mut blocks = blocks.into_iter();
    let Some(block) = blocks.next() else {
        // Only armour lines, or only characters the scanner threw away.
        report_notes(&mut f, lines.iter());
        f.found_in_layout(ArmourFinding::NoData { armoured: false });
        return finish(f, KeyKind::Unknown, None);
    };
    let others: Vec<Block> = blocks.collect();
    // A private key pasted after (or around) a public one must be refused as loudly as one
    // pasted alone, and never quoted as "extra text".
    let stray_chars: Vec<u8> = stray
        .iter()
        .flat_map(|l| l.body.iter().map(|(b, _)| *b))
        .collect();
    for chars in std::iter::once(stray_chars).chain(others.iter().map(Block::chars)) {
        let bytes = zeroize::Zeroizing::new(encoding::decode_lenient(&chars).bytes);
        if let Some(kind) = private_shape(&sniff::shape(&bytes)) {
            return private_key(f, kind, true);
        }
    }

    let armour_lines = lines.iter().filter(|l| {
        [block.begin, block.end]
            .iter()
            .flatten()
            .any(|(_, start)| *start == l.start)
    });
    report_notes(&mut f, armour_lines.chain(block.lines.iter().copied()));
    report_stray_text(&mut f, &stray);
    report_armour(&mut f, &block, &extra_armour);

    let chars = block.chars();
    let body = block.body();
    let end_offset = body.last().map_or(0, |(_, o)| o + 1);
    let decoded = encoding::decode_lenient(&chars);
    let armoured = block.begin.is_some() || block.end.is_some();
    let label = block
        .begin
        .or(block.end)
        .map(|(a, _)| a.label.as_str())
        .unwrap_or_default();

    if chars.is_empty() {
        f.found_in_layout(ArmourFinding::NoData { armoured: true });
        return finish(f, kind_for_label(label), None);
    }
    if block.begin.is_some_and(|(a, _)| a.is_ssh2()) {
        report_other_blocks(&mut f, &others, &decoded.bytes);
        return ssh_blob(f, &decoded, None, KeyKind::Ssh2Public, end_offset);
    }

    // Bytes after the first object: a second Base64 text after padding, or DER that goes on.
    let mut trailing: Vec<u8> = decoded
        .continues_at
        .and_then(|i| chars.get(i..))
        .map(|rest| encoding::decode_lenient(rest).bytes)
        .unwrap_or_default();
    let der: &[u8] = match sniff::outer(&decoded.bytes) {
        Outer::NotDer => {
            report_other_blocks(&mut f, &others, &decoded.bytes);
            if decoded.bytes.starts_with(b"openssh-key-v1\0") {
                return private_key(f, KeyKind::PrivateKeyOpenssh, !armoured);
            }
            if ssh::looks_like_wire(&decoded.bytes) {
                let declared = ssh::wire_algorithm(&decoded.bytes);
                return ssh_blob(
                    f,
                    &decoded,
                    declared.as_deref(),
                    KeyKind::OpensshPublic,
                    end_offset,
                );
            }
            f.found_in_layout(ArmourFinding::NotDer {
                bytes: decoded.bytes.len(),
            });
            return finish(f, kind_for_label(label), None);
        }
        Outer::Truncated {
            declared,
            available,
        } => {
            let shape = sniff::shape(&decoded.bytes);
            if let Some(kind) = private_shape(&shape) {
                return private_key(f, kind, !armoured);
            }
            f.found_in_layout(ArmourFinding::Truncated {
                declared,
                available,
                end: end_offset,
            });
            report_other_blocks(&mut f, &others, &decoded.bytes);
            return finish(f, kind_for_shape(&shape, label, armoured), None);
        }
        Outer::Complete { len } => {
            let (object, rest) = decoded
                .bytes
                .split_at_checked(len)
                .unwrap_or((&decoded.bytes, &[]));
            let mut all_rest = rest.to_vec();
            all_rest.append(&mut trailing);
            trailing = all_rest;
            object
        }
    };

    let shape = sniff::shape(der);
    if let Some(kind) = private_shape(&shape) {
        return private_key(f, kind, !armoured);
    }
    report_loose_bits(&mut f, decoded.loose_bits, end_offset);
    report_trailing(&mut f, der, &trailing, decoded.dangling, end_offset);
    report_other_blocks(&mut f, &others, der);

    let kind = kind_for_shape(&shape, label, armoured);
    let parsed = match &shape {
        Shape::Spki { .. } => RsaPublic::from_spki_der(der),
        Shape::Pkcs1Public => RsaPublic::from_pkcs1_der(der),
        Shape::Certificate => certificate_key(der),
        _ => Err(ParseError::Malformed(String::new())),
    };
    let key = match parsed {
        Ok(key) => key,
        Err(ParseError::NotRsa(name)) => {
            not_rsa(&mut f, &name);
            return finish(f, KeyKind::NotRsa, None);
        }
        Err(ParseError::CutOff(why) | ParseError::Malformed(why)) => {
            if kind == KeyKind::Unknown {
                f.found_in_layout(ArmourFinding::NotAPublicKey);
            } else {
                f.found_in_layout(ArmourFinding::Malformed { kind, why: &why });
            }
            return finish(f, kind, None);
        }
    };

    let canonical = match shape {
        Shape::Spki { .. } => key.spki_der().ok(),
        Shape::Pkcs1Public => key.pkcs1_der().ok(),
        _ => None,
    };
    if canonical.is_some_and(|c| c != der) {
        f.found_in_layout(ArmourFinding::Noncanonical);
    }

    match kind {
        KeyKind::SpkiPem | KeyKind::SpkiBase64 => {
            if label == "CERTIFICATE" {
                f.found_in_layout(ArmourFinding::CertificateLabel);
            } else if armoured && label != "PUBLIC KEY" {
                f.found_in_layout(ArmourFinding::UnusualLabel { label });
            }
        }
        KeyKind::Pkcs1PublicPem | KeyKind::Pkcs1PublicBase64 => {
            f.found_in_layout(ArmourFinding::Pkcs1Public { kind });
        }
        KeyKind::CertificatePem => {
            if f.text
                .trim_start()
                .starts_with("-----BEGIN CERTIFICATE-----")
            {
                f.found_in_layout(ArmourFinding::Certificate);
            } else {
                f.found_in_layout(ArmourFinding::CertificateNotFirst);
            }
        }
        KeyKind::CertificateBase64 => f.found_in_layout(ArmourFinding::CertificateHeaderless),
        _ => {}
    }
    finish(f, kind, Some(key))
}

pub(super) fn certificate_key(der: &[u8]) -> Result<RsaPublic, ParseError> {
    use der::{Decode, Encode};
    let cert = x509_cert::Certificate::from_der(der)
        .map_err(|e| ParseError::Malformed(format!("the certificate does not decode ({e})")))?;
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| ParseError::Malformed(format!("its public key does not encode ({e})")))?;
    RsaPublic::from_spki_der(&spki)
}

pub(super) fn private_shape(shape: &Shape) -> Option<KeyKind> {
    match shape {
        Shape::Pkcs8Private => Some(KeyKind::PrivateKeyPkcs8),
        Shape::Pkcs1Private => Some(KeyKind::PrivateKeyPkcs1),
        Shape::EncryptedPkcs8 => Some(KeyKind::PrivateKeyEncrypted),
        Shape::Sec1Private => Some(KeyKind::PrivateKeyOther),
        _ => None,
    }
}

pub(super) fn kind_for_label(label: &str) -> KeyKind {
    match label {
        "PUBLIC KEY" => KeyKind::SpkiPem,
        "RSA PUBLIC KEY" => KeyKind::Pkcs1PublicPem,
        "CERTIFICATE" => KeyKind::CertificatePem,
        l if l.contains("SSH2") => KeyKind::Ssh2Public,
        _ => KeyKind::Unknown,
    }
}

/// The content decides the kind (Jira ignores labels); the armour only decides PEM vs Base64.
pub(super) fn kind_for_shape(shape: &Shape, label: &str, armoured: bool) -> KeyKind {
    match (shape, armoured) {
        (Shape::Spki { algorithm, .. }, _) if !sniff::is_rsa_encryption(algorithm) => {
            KeyKind::NotRsa
        }
        (Shape::Spki { .. }, true) => KeyKind::SpkiPem,
        (Shape::Spki { .. }, false) => KeyKind::SpkiBase64,
        (Shape::Pkcs1Public, true) => KeyKind::Pkcs1PublicPem,
        (Shape::Pkcs1Public, false) => KeyKind::Pkcs1PublicBase64,
        (Shape::Certificate, true) => KeyKind::CertificatePem,
        (Shape::Certificate, false) => KeyKind::CertificateBase64,
        (_, true) => kind_for_label(label),
        _ => KeyKind::Unknown,
    }
}

pub(super) fn report_armour(f: &mut Findings<'_>, block: &Block<'_>, extra: &[usize]) {
    let smart_dashes = f
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::KeySmartDash);
    for (armour, start) in [block.begin, block.end].into_iter().flatten() {
        if !armour.well_formed && !smart_dashes {
            f.found_in_layout(ArmourFinding::ArmourMalformed {
                begin: armour.begin,
                ssh2: armour.is_ssh2(),
                start,
                lead: armour.lead,
                trail: armour.trail,
            });
        }
    }
    match (block.begin, block.end) {
        (None, Some((_, end_start))) => {
            f.found_in_layout(ArmourFinding::MissingBegin { end_start });
        }
        (Some((_, begin_start)), None) => {
            f.found_in_layout(ArmourFinding::MissingEnd { begin_start });
        }
        (Some((begin, _)), Some((end, end_start))) if begin.label != end.label => {
            f.found_in_layout(ArmourFinding::LabelsDiffer {
                begin: &begin.label,
                end: &end.label,
                end_start,
            });
        }
        _ => {}
    }
    if let Some(&first) = extra.first() {
        f.found_in_layout(ArmourFinding::ExtraArmour {
            first,
            count: extra.len(),
        });
    }
}

pub(super) fn report_trailing(
    f: &mut Findings<'_>,
    der: &[u8],
    trailing: &[u8],
    dangling: bool,
    end_offset: usize,
) {
    if trailing.is_empty() {
        if dangling {
            f.found_in_layout(ArmourFinding::DanglingChar { end: end_offset });
        }
        return;
    }
    if trailing == der {
        f.found_in_layout(ArmourFinding::DoubledInline);
    } else if trailing.starts_with(&[0x30]) {
        f.found_in_layout(ArmourFinding::Concatenated);
    } else {
        f.found_in_layout(ArmourFinding::TrailingData {
            bytes: trailing.len(),
            end: end_offset,
        });
    }
}

pub(super) fn report_other_blocks(f: &mut Findings<'_>, others: &[Block<'_>], first: &[u8]) {
    let Some(second) = others.first() else {
        return;
    };
    let start = second
        .begin
        .map(|(_, s)| s)
        .or_else(|| second.lines.first().map(|l| l.start))
        .unwrap_or(0);
    let decoded = encoding::decode_lenient(&second.chars());
    let object = match sniff::outer(&decoded.bytes) {
        Outer::Complete { len } => decoded.bytes.get(..len).unwrap_or_default(),
        _ => &decoded.bytes,
    };
    if others.len() == 1 && object == first {
        f.found_in_layout(ArmourFinding::DoubledBlock { second: start });
    } else {
        f.found_in_layout(ArmourFinding::MultipleBlocks {
            blocks: others.len() + 1,
            second: start,
        });
    }
}
