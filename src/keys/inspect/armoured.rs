//! The PEM path: armour lines, the key inside, certificates, and what trails or repeats.

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
        f.blocking(
            ProblemCode::KeyNoData,
            "has no key data (no Base64 between or around the BEGIN/END lines).".into(),
            "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
        );
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
        f.blocking(
            ProblemCode::KeyNoData,
            "has BEGIN/END lines but no key data between them.".into(),
            "Copy the whole key, including the lines of Base64 between BEGIN and END.",
        );
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
            f.blocking(
                ProblemCode::KeyNotAKey,
                format!(
                    "the Base64 decodes to {} bytes that are not a key (no DER structure).",
                    decoded.bytes.len()
                ),
                "Paste the public key from Jira Align (BEGIN PUBLIC KEY … END PUBLIC KEY).",
            );
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
            let missing = declared.saturating_sub(available);
            let at = f.at(end_offset);
            f.blocking(
                ProblemCode::KeyTruncated,
                format!(
                    "the key is cut off: its data says {declared} bytes but only {available} are there, so about {} Base64 characters are missing after {at}.",
                    missing.saturating_mul(4).div_ceil(3)
                ),
                "Copy the whole key again; the end is missing (select everything up to and including -----END PUBLIC KEY-----).",
            );
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
                f.blocking(
                    ProblemCode::KeyNotAKey,
                    "the Base64 decodes to data that is not a public key or certificate.".into(),
                    "Paste the public key from Jira Align (BEGIN PUBLIC KEY … END PUBLIC KEY).",
                );
            } else {
                f.blocking(
                    ProblemCode::KeyMalformed,
                    format!("this looks like {} but {why}.", kind.describe()),
                    RECOPY,
                );
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
        f.blocking(
            ProblemCode::KeyNoncanonical,
            "the key decodes to RSA numbers, but its bytes are not encoded the way any tool writes them (for example, the algorithm's NULL parameter is missing or changed): the text was probably altered.".into(),
            RECOPY,
        );
    }

    match kind {
        KeyKind::SpkiPem | KeyKind::SpkiBase64 => {
            if label == "CERTIFICATE" {
                f.blocking(
                    ProblemCode::KeyLabelMismatch,
                    "the BEGIN line says CERTIFICATE but the data is a public key, so Jira would try to read a certificate and fail.".into(),
                    "Use -----BEGIN PUBLIC KEY----- and -----END PUBLIC KEY----- (or paste the key below).",
                );
            } else if armoured && label != "PUBLIC KEY" {
                f.warning(
                    ProblemCode::KeyLabelMismatch,
                    format!(
                        "the BEGIN/END lines say '{label}' but the data is a public key (BEGIN PUBLIC KEY). Jira ignores the label, other tools may not."
                    ),
                    "Paste the key Linksmith shows below, with the right label.",
                );
            }
        }
        KeyKind::Pkcs1PublicPem | KeyKind::Pkcs1PublicBase64 => f.blocking(
            ProblemCode::KeyPkcs1Public,
            format!(
                "this is {}, a valid RSA key, but Jira only reads the X.509 form (BEGIN PUBLIC KEY).",
                kind.describe()
            ),
            "Paste this instead: the same key as BEGIN PUBLIC KEY, which Linksmith shows below. From a terminal: `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.",
        ),
        KeyKind::CertificatePem => {
            if f.text.trim_start().starts_with("-----BEGIN CERTIFICATE-----") {
                f.info(
                    ProblemCode::KeyCertificate,
                    "this is an X.509 certificate. Jira's Incoming Authentication form accepts it and keeps the public key inside it.".into(),
                    "Nothing to do on the form. Where only a public key is accepted, paste the key Linksmith shows below.",
                );
            } else {
                f.blocking(
                    ProblemCode::KeyCertificateNotFirst,
                    "this is an X.509 certificate, but Jira reads a certificate only when the text starts with -----BEGIN CERTIFICATE-----.".into(),
                    "Remove everything before -----BEGIN CERTIFICATE-----, or paste the public key Linksmith shows below.",
                );
            }
        }
        KeyKind::CertificateBase64 => f.blocking(
            ProblemCode::KeyCertificateHeaderless,
            "this is an X.509 certificate without its BEGIN/END lines; Jira reads a certificate only with -----BEGIN CERTIFICATE----- in front.".into(),
            "Paste the public key Linksmith shows below, or add the BEGIN CERTIFICATE / END CERTIFICATE lines.",
        ),
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
            let line = f.line_of(start);
            let want = if armour.is_ssh2() {
                "four hyphens and a space on each side"
            } else {
                "exactly five hyphens on each side and no spaces"
            };
            f.blocking(
                ProblemCode::KeyArmourMalformed,
                format!(
                    "the {} line (line {line}) has {} hyphen(s) before and {} after the label; it needs {want}.",
                    if armour.begin { "BEGIN" } else { "END" },
                    armour.lead,
                    armour.trail
                ),
                "Fix the line to read -----BEGIN PUBLIC KEY----- / -----END PUBLIC KEY-----, or paste the key Linksmith shows below.",
            );
        }
    }
    match (block.begin, block.end) {
        (None, Some((_, start))) => {
            let line = f.line_of(start);
            f.warning(
                ProblemCode::KeyMissingBegin,
                format!("there is an END line (line {line}) but no BEGIN line; the start of the key may be missing too."),
                "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
            );
        }
        (Some((_, start)), None) => {
            let line = f.line_of(start);
            f.warning(
                ProblemCode::KeyMissingEnd,
                format!("the BEGIN line (line {line}) has no matching END line; the end of the key may be missing too."),
                "Copy the whole key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----.",
            );
        }
        (Some((begin, _)), Some((end, start))) if begin.label != end.label => {
            let line = f.line_of(start);
            f.warning(
                ProblemCode::KeyLabelMismatch,
                format!(
                    "the BEGIN line says '{}' but the END line (line {line}) says '{}'.",
                    begin.label, end.label
                ),
                "Copy the key again unchanged; BEGIN and END must name the same thing.",
            );
        }
        _ => {}
    }
    if let Some(first) = extra.first() {
        let line = f.line_of(*first);
        f.warning(
            ProblemCode::KeyExtraArmour,
            format!(
                "line {line} is an extra BEGIN/END line{}.",
                match extra.len() {
                    1 => String::new(),
                    n => format!(" ({} more after it)", n - 1),
                }
            ),
            "Delete the repeated BEGIN/END lines; a key has exactly one of each.",
        );
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
            let at = f.at(end_offset);
            f.blocking(
                ProblemCode::KeyTrailingData,
                format!("there is one Base64 character too many (the text ends at {at})."),
                RECOPY,
            );
        }
        return;
    }
    if trailing == der {
        f.blocking(
            ProblemCode::KeyDoubled,
            "the key is pasted twice, back to back.".into(),
            "Delete the second copy; paste the key exactly once.",
        );
    } else if trailing.starts_with(&[0x30]) {
        f.blocking(
            ProblemCode::KeyConcatenated,
            "a second key or certificate follows the first one.".into(),
            "Paste exactly one key.",
        );
    } else {
        let at = f.at(end_offset);
        f.blocking(
            ProblemCode::KeyTrailingData,
            format!(
                "{} bytes of extra data follow the key (the text ends at {at}).",
                trailing.len()
            ),
            RECOPY,
        );
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
    let line = f.line_of(start);
    let decoded = encoding::decode_lenient(&second.chars());
    let object = match sniff::outer(&decoded.bytes) {
        Outer::Complete { len } => decoded.bytes.get(..len).unwrap_or_default(),
        _ => &decoded.bytes,
    };
    if others.len() == 1 && object == first {
        f.blocking(
            ProblemCode::KeyDoubled,
            format!("the key is pasted twice (the second copy starts on line {line})."),
            "Delete the second copy; paste the key exactly once.",
        );
    } else {
        f.blocking(
            ProblemCode::KeyMultipleBlocks,
            format!(
                "holds {} keys or certificates (the second starts on line {line}); Jira reads exactly one.",
                others.len() + 1
            ),
            "Paste only the public key Jira Align generated. For a certificate chain, paste only the first certificate.",
        );
    }
}
