//! Fingerprints over the SubjectPublicKeyInfo DER, in the two spellings people compare.

use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256 of the SPKI DER: 64 characters, no colons.
pub fn sha256_hex(spki_der: &[u8]) -> String {
    let digest = Sha256::digest(spki_der);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The line `openssl pkey -pubin -outform DER | openssl dgst -sha256` prints (OpenSSL 3.x), so
/// an admin can compare it with their terminal character for character.
pub fn openssl_line(sha256_hex: &str) -> String {
    format!("SHA2-256(stdin)= {sha256_hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_like_openssl() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(openssl_line("ab"), "SHA2-256(stdin)= ab");
    }
}
