//! Making an RSA key pair for Jira's Incoming Authentication (OAuth 1.0a, RSA-SHA1).

use core::fmt;

use pkcs1::EncodeRsaPrivateKey;
use pkcs8::{EncodePrivateKey, EncodePublicKey};
use rsa::rand_core::TryCryptoRng;
use rsa::{BoxedUint, PrivateKey};
use serde::Serialize;

use super::encoding;
use super::error::{KeyError, SUPPORTED_KEY_SIZES};
use super::fingerprint;

/// A fresh key pair, already in the text forms the admin copies.
///
/// `Debug` leaves the private keys out so that a stray `{:?}` in a log cannot leak them.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedKeyPair {
    pub bits: u32,
    /// `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo), LF line endings, 64 columns.
    pub public_key_pem: String,
    /// `-----BEGIN PRIVATE KEY-----` (PKCS#8, unencrypted).
    pub private_key_pkcs8_pem: String,
    /// `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1), for tools that still want it.
    pub private_key_pkcs1_pem: String,
    /// Lowercase hex SHA-256 of the public key's SPKI DER.
    pub fingerprint_sha256: String,
}

impl fmt::Debug for GeneratedKeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratedKeyPair")
            .field("bits", &self.bits)
            .field("public_key_pem", &self.public_key_pem)
            .field("private_key_pkcs8_pem", &"<redacted>")
            .field("private_key_pkcs1_pem", &"<redacted>")
            .field("fingerprint_sha256", &self.fingerprint_sha256)
            .finish()
    }
}

/// Generates a key pair with e = 65537 from the operating system's (or, in wasm, the
/// browser's) random source.
pub fn generate_key_pair(bits: u32) -> Result<GeneratedKeyPair, KeyError> {
    let mut rng = getrandom::SysRng;
    generate_key_pair_with_rng(bits, &mut rng)
}

/// Generates a key pair with e = 65537 from the given cryptographically secure rng (a seeded
/// one makes tests repeatable).
pub fn generate_key_pair_with_rng<R: TryCryptoRng + ?Sized>(
    bits: u32,
    rng: &mut R,
) -> Result<GeneratedKeyPair, KeyError> {
    if !SUPPORTED_KEY_SIZES.contains(&bits) {
        return Err(KeyError::UnsupportedSize { bits });
    }
    let size = usize::try_from(bits).map_err(|_| KeyError::UnsupportedSize { bits })?;
    let key =
        PrivateKey::new_with_exp(rng, size, BoxedUint::from(65537u32)).map_err(|e| match e {
            rsa::Error::Rng => KeyError::Random(e.to_string()),
            other => KeyError::Generation(other.to_string()),
        })?;
    let encode = |e: &dyn fmt::Display| KeyError::Encoding(e.to_string());
    let public_der = key
        .as_public_key()
        .to_public_key_der()
        .map_err(|e| encode(&e))?;
    let public_key_pem =
        encoding::pem("PUBLIC KEY", public_der.as_bytes()).map_err(|e| encode(&e))?;
    let private_key_pkcs8_pem = key
        .to_pkcs8_pem(pkcs8::LineEnding::LF)
        .map_err(|e| encode(&e))?
        .to_string();
    let private_key_pkcs1_pem = key
        .to_pkcs1_pem(pkcs1::LineEnding::LF)
        .map_err(|e| encode(&e))?
        .to_string();
    Ok(GeneratedKeyPair {
        bits,
        public_key_pem,
        private_key_pkcs8_pem,
        private_key_pkcs1_pem,
        fingerprint_sha256: fingerprint::sha256_hex(public_der.as_bytes()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_other_sizes_with_the_allowed_ones_named() {
        for bits in [0, 512, 1024, 2047, 8192] {
            let err = generate_key_pair(bits).err();
            assert_eq!(
                err.as_ref().map(KeyError::code),
                Some("key-size-unsupported")
            );
            let text = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(text.contains("2048") && text.contains("3072") && text.contains("4096"));
        }
    }
}
