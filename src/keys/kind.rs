//! What a pasted "public key" turned out to be, and the report about it.

use serde::Serialize;

use crate::problem::Problem;

/// What the text in a public-key field is. Serialises as the kebab-case name given per variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// `empty`: nothing, or only white space.
    Empty,
    /// `spki-pem`: `-----BEGIN PUBLIC KEY-----` (X.509 SubjectPublicKeyInfo): what Jira wants.
    SpkiPem,
    /// `spki-base64`: the same without BEGIN/END lines, one line or wrapped; Jira shows a stored
    /// key this way and accepts it.
    SpkiBase64,
    /// `certificate-pem`: `-----BEGIN CERTIFICATE-----`; Jira's form takes the key out of it.
    CertificatePem,
    /// `certificate-base64`: a certificate without BEGIN/END lines; Jira rejects it.
    CertificateBase64,
    /// `pkcs1-public-pem`: `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1); valid RSA, Jira rejects it.
    Pkcs1PublicPem,
    /// `pkcs1-public-base64`: PKCS#1 without BEGIN/END lines; Jira rejects it.
    Pkcs1PublicBase64,
    /// `openssh-public`: `ssh-rsa AAAA… comment` (or just its Base64 field); Jira rejects it.
    OpensshPublic,
    /// `ssh2-public`: `---- BEGIN SSH2 PUBLIC KEY ----` (RFC 4716, `ssh-keygen -e`); Jira
    /// rejects it.
    Ssh2Public,
    /// `private-key-pkcs8`: `-----BEGIN PRIVATE KEY-----`, or headerless Base64 of one.
    PrivateKeyPkcs8,
    /// `private-key-pkcs1`: `-----BEGIN RSA PRIVATE KEY-----`, or headerless Base64 of one.
    PrivateKeyPkcs1,
    /// `private-key-encrypted`: `-----BEGIN ENCRYPTED PRIVATE KEY-----` or a legacy encrypted
    /// PEM (`Proc-Type: 4,ENCRYPTED`).
    PrivateKeyEncrypted,
    /// `private-key-openssh`: `-----BEGIN OPENSSH PRIVATE KEY-----`.
    PrivateKeyOpenssh,
    /// `private-key-other`: any other private key (EC, DSA, PuTTY, PGP…).
    PrivateKeyOther,
    /// `not-rsa`: a public key for another algorithm (EC, Ed25519, DSA…).
    NotRsa,
    /// `unknown`: not recognisable as any key.
    Unknown,
}

impl KeyKind {
    /// The serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::SpkiPem => "spki-pem",
            Self::SpkiBase64 => "spki-base64",
            Self::CertificatePem => "certificate-pem",
            Self::CertificateBase64 => "certificate-base64",
            Self::Pkcs1PublicPem => "pkcs1-public-pem",
            Self::Pkcs1PublicBase64 => "pkcs1-public-base64",
            Self::OpensshPublic => "openssh-public",
            Self::Ssh2Public => "ssh2-public",
            Self::PrivateKeyPkcs8 => "private-key-pkcs8",
            Self::PrivateKeyPkcs1 => "private-key-pkcs1",
            Self::PrivateKeyEncrypted => "private-key-encrypted",
            Self::PrivateKeyOpenssh => "private-key-openssh",
            Self::PrivateKeyOther => "private-key-other",
            Self::NotRsa => "not-rsa",
            Self::Unknown => "unknown",
        }
    }

    pub const ALL: [KeyKind; 16] = [
        Self::Empty,
        Self::SpkiPem,
        Self::SpkiBase64,
        Self::CertificatePem,
        Self::CertificateBase64,
        Self::Pkcs1PublicPem,
        Self::Pkcs1PublicBase64,
        Self::OpensshPublic,
        Self::Ssh2Public,
        Self::PrivateKeyPkcs8,
        Self::PrivateKeyPkcs1,
        Self::PrivateKeyEncrypted,
        Self::PrivateKeyOpenssh,
        Self::PrivateKeyOther,
        Self::NotRsa,
        Self::Unknown,
    ];

    pub fn is_private(self) -> bool {
        matches!(
            self,
            Self::PrivateKeyPkcs8
                | Self::PrivateKeyPkcs1
                | Self::PrivateKeyEncrypted
                | Self::PrivateKeyOpenssh
                | Self::PrivateKeyOther
        )
    }

    /// The forms Jira's public-key reader can take at all (given clean text).
    pub(crate) fn jira_reads(self) -> bool {
        matches!(
            self,
            Self::SpkiPem | Self::SpkiBase64 | Self::CertificatePem
        )
    }

    /// How messages name the form.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::SpkiPem => "a public key (BEGIN PUBLIC KEY)",
            Self::SpkiBase64 => "a public key in Base64 without BEGIN/END lines",
            Self::CertificatePem => "an X.509 certificate (BEGIN CERTIFICATE)",
            Self::CertificateBase64 => "an X.509 certificate in Base64 without BEGIN/END lines",
            Self::Pkcs1PublicPem => "a PKCS#1 RSA public key (BEGIN RSA PUBLIC KEY)",
            Self::Pkcs1PublicBase64 => "a PKCS#1 RSA public key in Base64 without BEGIN/END lines",
            Self::OpensshPublic => "an OpenSSH public key (ssh-rsa …)",
            Self::Ssh2Public => "an SSH2 public key (---- BEGIN SSH2 PUBLIC KEY ----)",
            Self::PrivateKeyPkcs8 => "a PKCS#8 private key (BEGIN PRIVATE KEY)",
            Self::PrivateKeyPkcs1 => "a PKCS#1 RSA private key (BEGIN RSA PRIVATE KEY)",
            Self::PrivateKeyEncrypted => "an encrypted private key",
            Self::PrivateKeyOpenssh => "an OpenSSH private key (BEGIN OPENSSH PRIVATE KEY)",
            Self::PrivateKeyOther => "a private key",
            Self::NotRsa => "a public key for another algorithm",
            Self::Unknown => "not a recognisable key",
        }
    }
}

/// Everything the inspector found out about one pasted key.
///
/// `ok` means "a usable RSA public key with no error-level problem"; `jira_accepts` means "Jira
/// would take this text exactly as pasted". They differ both ways: a 512-bit key is not ok but
/// Jira takes it (it checks no sizes); a `BEGIN RSA PUBLIC KEY` block is valid RSA that Jira
/// refuses, and then `canonical_pem` is what to paste instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyReport {
    pub ok: bool,
    pub kind: KeyKind,
    /// Bit length of the RSA modulus.
    pub bits: Option<u32>,
    /// The public exponent, when it fits in 64 bits.
    pub exponent: Option<u64>,
    /// Lowercase hex SHA-256 of the SubjectPublicKeyInfo DER.
    pub fingerprint_sha256: Option<String>,
    /// What `openssl pkey -pubin -outform DER | openssl dgst -sha256` prints for this key.
    pub fingerprint_openssl: Option<String>,
    /// The key as `-----BEGIN PUBLIC KEY-----` PEM, LF line endings, 64 columns.
    pub canonical_pem: Option<String>,
    /// The SubjectPublicKeyInfo DER as one line of Base64, as Jira displays a stored key.
    pub jira_base64: Option<String>,
    pub jira_accepts: bool,
    pub problems: Vec<Problem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialised_names_match_as_str() {
        for kind in KeyKind::ALL {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
