//! Helpers shared by the key tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keys")
}

/// A key fixture made by tests/keys/regenerate.sh.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_dir().join(name))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The same 2048-bit key in every public form the fixtures hold.
pub const RSA_2048_FORMS: [&str; 8] = [
    "rsa-2048.pub.pem",
    "rsa-2048.oneline.b64",
    "rsa-2048.wrapped.b64",
    "rsa-2048.pkcs1.pub.pem",
    "rsa-2048.pkcs1.b64",
    "rsa-2048.ssh.pub",
    "rsa-2048.ssh2.pub",
    "cert-rsa-2048.pem",
];

/// A deterministic "CSPRNG" for repeatable keygen tests: SHA-256 in counter mode over a seed.
/// Never use outside tests.
pub struct TestRng {
    pub seed: u64,
    pub counter: u64,
}

impl rsa::rand_core::TryRng for TestRng {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        use sha2::Digest;
        for chunk in dst.chunks_mut(32) {
            self.counter += 1;
            let mut h = sha2::Sha256::new();
            h.update(self.seed.to_le_bytes());
            h.update(self.counter.to_le_bytes());
            let block = h.finalize();
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
        Ok(())
    }
}

impl rsa::rand_core::TryCryptoRng for TestRng {}
