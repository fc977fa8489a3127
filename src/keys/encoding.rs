//! Base64 in both directions: a forgiving decoder for what people paste, and the exact
//! encodings (64-column PEM, one-line Base64) that Jira and OpenSSL produce.

use base64ct::{Base64, Encoding};
use pem_rfc7468::LineEnding;

/// Outcome of decoding a run of Base64 characters.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub bytes: Vec<u8>,
    /// Index (into the input characters) of the first character after a padding run that is
    /// not itself padding: the place where a second Base64 text starts.
    pub continues_at: Option<usize>,
    /// The count of characters before `continues_at` (or in all) is 1 modulo 4, which no
    /// whole Base64 text ever is: a character is missing or extra.
    pub dangling: bool,
    /// The last character before the end or the padding has low bits set that no encoder
    /// writes. Decoders ignore them, so the text was altered without changing the bytes; a
    /// comparison must not call such a text "the same" silently.
    pub loose_bits: bool,
}

fn sextet(b: u8) -> Option<u32> {
    Some(u32::from(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    }))
}

/// Decodes standard Base64, tolerating missing padding and non-zero trailing bits as Java's
/// decoders do. The input holds only alphabet characters and `=`; anything else was already
/// reported and removed by the scanner.
pub(crate) fn decode_lenient(chars: &[u8]) -> Decoded {
    let mut out = Decoded {
        bytes: Vec::with_capacity(chars.len() / 4 * 3 + 3),
        ..Decoded::default()
    };
    let mut acc: u32 = 0;
    let mut nbits = 0u32;
    let mut count = 0usize;
    let mut padded = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == b'=' {
            padded = true;
            continue;
        }
        if padded {
            out.continues_at = Some(i);
            break;
        }
        let Some(v) = sextet(c) else {
            continue;
        };
        count += 1;
        acc = ((acc << 6) | v) & 0x00ff_ffff;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.bytes.push(((acc >> nbits) & 0xff) as u8);
        }
    }
    out.dangling = count % 4 == 1;
    out.loose_bits = !out.dangling && nbits > 0 && acc & ((1 << nbits) - 1) != 0;
    out
}

pub(crate) fn one_line(der: &[u8]) -> String {
    Base64::encode_string(der)
}

/// PEM with LF line endings and 64-column lines, as OpenSSL writes it.
pub(crate) fn pem(label: &str, der: &[u8]) -> Result<String, pem_rfc7468::Error> {
    pem_rfc7468::encode_string(label, LineEnding::LF, der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_the_strict_decoder_on_clean_input() {
        for len in 0..40u8 {
            let data: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37)).collect();
            let text = one_line(&data);
            let d = decode_lenient(text.as_bytes());
            assert_eq!(d.bytes, data);
            assert_eq!(d.continues_at, None);
            assert!(!d.dangling);
        }
    }

    #[test]
    fn notices_joined_texts_and_missing_padding() {
        let d = decode_lenient(b"QQ==QQ==");
        assert_eq!((d.bytes, d.continues_at), (vec![b'A'], Some(4)));
        assert_eq!(decode_lenient(b"QUI").bytes, b"AB");
        assert!(decode_lenient(b"QUJDR").dangling);
        assert!(!decode_lenient(b"QQ==").loose_bits);
        assert!(decode_lenient(b"QR==").loose_bits);
    }
}
