//! Errors from making keys. Inspecting and comparing never fail: they report problems instead.

use core::fmt;

use crate::vocabulary::ErrorCode;

/// The key sizes Linksmith generates; Jira Align's own keys are likely 2048 bits.
pub const SUPPORTED_KEY_SIZES: [u32; 3] = [2048, 3072, 4096];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// A key size other than [`SUPPORTED_KEY_SIZES`] was asked for.
    UnsupportedSize { bits: u32 },
    /// The random number source failed (in a browser: `crypto.getRandomValues`).
    Random(String),
    /// Key generation itself failed.
    Generation(String),
    /// A generated key could not be written out as PEM.
    Encoding(String),
}

impl KeyError {
    /// A stable machine-readable code for the panel, tests and docs.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::UnsupportedSize { .. } => ErrorCode::KeySizeUnsupported,
            Self::Random(_) => ErrorCode::KeyRandomFailed,
            Self::Generation(_) => ErrorCode::KeyGenerationFailed,
            Self::Encoding(_) => ErrorCode::KeyEncodingFailed,
        }
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsupportedSize { bits } => write!(
                f,
                "Cannot generate a {bits}-bit RSA key: choose 2048 (recommended), 3072 or 4096 bits."
            ),
            Self::Random(why) => write!(
                f,
                "Cannot generate an RSA key: the system's random number source failed ({why})."
            ),
            Self::Generation(why) => write!(f, "Generating the RSA key failed ({why})."),
            Self::Encoding(why) => write!(f, "Writing the new RSA key as PEM failed ({why})."),
        }
    }
}

impl std::error::Error for KeyError {}
