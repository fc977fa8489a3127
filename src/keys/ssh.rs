//! The SSH public-key wire format (RFC 4253 §6.6), which both `ssh-rsa AAAA… comment` lines and
//! `---- BEGIN SSH2 PUBLIC KEY ----` blocks carry in Base64.
//!
//! Decoded by hand: it is three length-prefixed fields, and the `ssh-key` crate would add
//! weight to the wasm module for no gain.

use super::material::{ParseError, RsaPublic};

/// True when the bytes start like an SSH wire blob (a short length-prefixed algorithm name).
pub(crate) fn looks_like_wire(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    match read_string(&mut rest) {
        Some(name) => {
            !name.is_empty()
                && name.len() < 64
                && name
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'@' | b'.'))
        }
        None => false,
    }
}

fn read_string<'a>(input: &mut &'a [u8]) -> Option<&'a [u8]> {
    let (len, rest) = input.split_at_checked(4)?;
    let len = u32::from_be_bytes(len.try_into().ok()?);
    let (value, rest) = rest.split_at_checked(usize::try_from(len).ok()?)?;
    *input = rest;
    Some(value)
}

/// The algorithm name inside a blob, for naming keys that are not RSA.
pub(crate) fn wire_algorithm(bytes: &[u8]) -> Option<String> {
    let mut rest = bytes;
    read_string(&mut rest).map(|n| String::from_utf8_lossy(n).into_owned())
}

/// Reads an SSH wire blob as an RSA key.
pub(crate) fn parse_wire(bytes: &[u8]) -> Result<RsaPublic, ParseError> {
    let mut rest = bytes;
    let name = read_string(&mut rest)
        .ok_or_else(|| ParseError::CutOff("the SSH key data is cut off".into()))?;
    if name != b"ssh-rsa" {
        return Err(ParseError::NotRsa(format!(
            "SSH {}",
            String::from_utf8_lossy(name)
        )));
    }
    let e = read_string(&mut rest)
        .ok_or_else(|| ParseError::CutOff("the SSH key data ends before the exponent".into()))?;
    let n = read_string(&mut rest)
        .ok_or_else(|| ParseError::CutOff("the SSH key data ends before the modulus".into()))?;
    if !rest.is_empty() {
        return Err(ParseError::Malformed(format!(
            "{} unexpected bytes follow the SSH key data (two keys joined?)",
            rest.len()
        )));
    }
    // mpints are two's complement; a set top bit would make the number negative.
    if e.first().is_some_and(|b| b & 0x80 != 0) || n.first().is_some_and(|b| b & 0x80 != 0) {
        return Err(ParseError::Malformed(
            "the SSH key data holds a negative number".into(),
        ));
    }
    RsaPublic::from_components(n, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(v: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(v.len()).unwrap_or(0).to_be_bytes().to_vec();
        out.extend_from_slice(v);
        out
    }

    #[test]
    fn reads_rsa_and_names_others() {
        let mut blob = string(b"ssh-rsa");
        blob.extend(string(&[1, 0, 1]));
        blob.extend(string(&[0, 0xc3, 0x01]));
        let key = parse_wire(&blob);
        assert_eq!(key.as_ref().map(RsaPublic::bits), Ok(16));
        assert!(looks_like_wire(&blob));
        let ed = string(b"ssh-ed25519");
        assert_eq!(
            parse_wire(&ed),
            Err(ParseError::NotRsa("SSH ssh-ed25519".into()))
        );
        assert!(matches!(
            parse_wire(&blob[..blob.len() - 1]),
            Err(ParseError::CutOff(_))
        ));
    }
}
