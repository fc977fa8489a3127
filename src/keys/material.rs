//! An RSA public key as its two numbers, and the canonical encodings Jira and OpenSSL use.
//!
//! Kept as big-endian bytes rather than `rsa::PublicKey` because `rsa` refuses keys under 1024
//! bits, and the inspector must still say "this is a 512-bit RSA key" rather than "malformed".

use der::{Decode, Encode, asn1::BitStringRef};
use pkcs1::{RsaPublicKeyRef, UintRef};
use spki::SubjectPublicKeyInfoRef;

use super::der as sniff;

/// Modulus and exponent, big-endian without leading zero bytes. Equality is key equality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RsaPublic {
    n: Vec<u8>,
    e: Vec<u8>,
}

/// Why bytes that looked like a key did not give an RSA public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// A well-formed key for another algorithm; the name is for messages.
    NotRsa(String),
    /// The data ends before the key does (a copy that lost its end); the text is for messages.
    CutOff(String),
    Malformed(String),
}

fn trim_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

impl RsaPublic {
    pub(crate) fn from_components(n: &[u8], e: &[u8]) -> Result<Self, ParseError> {
        let n = trim_zeros(n);
        let e = trim_zeros(e);
        if n.is_empty() {
            return Err(ParseError::Malformed("the modulus is zero".into()));
        }
        if e.is_empty() {
            return Err(ParseError::Malformed("the public exponent is zero".into()));
        }
        Ok(Self {
            n: n.to_vec(),
            e: e.to_vec(),
        })
    }

    pub(crate) fn from_pkcs1_der(bytes: &[u8]) -> Result<Self, ParseError> {
        let key = RsaPublicKeyRef::from_der(bytes)
            .map_err(|e| ParseError::Malformed(format!("its RSA numbers do not decode ({e})")))?;
        Self::from_components(key.modulus.as_bytes(), key.public_exponent.as_bytes())
    }

    pub(crate) fn from_spki_der(bytes: &[u8]) -> Result<Self, ParseError> {
        let info = SubjectPublicKeyInfoRef::from_der(bytes).map_err(|e| {
            ParseError::Malformed(format!("its SubjectPublicKeyInfo does not decode ({e})"))
        })?;
        let oid = info.algorithm.oid.as_bytes();
        if !sniff::is_rsa_encryption(oid) {
            let parameter = info
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<spki::ObjectIdentifier>().ok());
            return Err(ParseError::NotRsa(sniff::algorithm_name(
                oid,
                parameter.as_ref().map(|p| p.as_bytes()),
            )));
        }
        let key_bytes = info
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| ParseError::Malformed("its key bit string is not whole bytes".into()))?;
        Self::from_pkcs1_der(key_bytes)
    }

    /// Bit length of the modulus, which is what "a 2048-bit key" means.
    pub(crate) fn bits(&self) -> u32 {
        let Some(first) = self.n.first() else {
            return 0;
        };
        let whole = u32::try_from(self.n.len().saturating_sub(1))
            .unwrap_or(u32::MAX / 16)
            .saturating_mul(8);
        whole.saturating_add(8 - first.leading_zeros())
    }

    /// The exponent when it fits in 64 bits (every real key's does).
    pub(crate) fn exponent(&self) -> Option<u64> {
        if self.e.len() > 8 {
            return None;
        }
        Some(
            self.e
                .iter()
                .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)),
        )
    }

    pub(crate) fn modulus_is_odd(&self) -> bool {
        self.n.last().is_some_and(|b| b & 1 == 1)
    }

    pub(crate) fn exponent_is_odd(&self) -> bool {
        self.e.last().is_some_and(|b| b & 1 == 1)
    }

    pub(crate) fn pkcs1_der(&self) -> Result<Vec<u8>, der::Error> {
        RsaPublicKeyRef {
            modulus: UintRef::new(&self.n)?,
            public_exponent: UintRef::new(&self.e)?,
        }
        .to_der()
    }

    /// The SubjectPublicKeyInfo DER: what `BEGIN PUBLIC KEY` holds, what Jira stores and what
    /// fingerprints are taken over.
    pub(crate) fn spki_der(&self) -> Result<Vec<u8>, der::Error> {
        let pkcs1 = self.pkcs1_der()?;
        SubjectPublicKeyInfoRef {
            algorithm: pkcs1::ALGORITHM_ID,
            subject_public_key: BitStringRef::new(0, &pkcs1)?,
        }
        .to_der()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bits_from_the_top_byte() {
        let k = RsaPublic::from_components(&[0, 0x01, 0xff], &[3]);
        assert_eq!(k.map(|k| k.bits()), Ok(9));
        let k = RsaPublic::from_components(&[0x80; 256], &[1, 0, 1]);
        assert_eq!(k.as_ref().map(RsaPublic::bits), Ok(2048));
        assert_eq!(k.map(|k| k.exponent()), Ok(Some(65537)));
    }

    #[test]
    fn round_trips_spki() {
        let k = RsaPublic::from_components(&[0xc5; 128], &[1, 0, 1]).ok();
        let der = k.as_ref().and_then(|k| k.spki_der().ok());
        let back = der.as_deref().map(RsaPublic::from_spki_der);
        assert_eq!(back.and_then(Result::ok), k);
    }
}
