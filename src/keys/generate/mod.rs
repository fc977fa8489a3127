//! Making an RSA key pair for Jira's Incoming Authentication (OAuth 1.0a, RSA-SHA1).

use core::fmt;

use crypto_bigint::{BitOps, Integer, RandomBits, RandomBitsError};
use pkcs1::EncodeRsaPrivateKey;
use pkcs8::{EncodePrivateKey, EncodePublicKey};
use rsa::rand_core::TryCryptoRng;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BoxedUint, PrivateKey};
use serde::Serialize;

use super::encoding;
use super::error::{KeyError, SUPPORTED_KEY_SIZES};
use super::fingerprint;

mod primality;
use primality::first_probable_prime;

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
///
/// The same two steps the panel runs in parallel workers, one after the other: search for two
/// primes ([`PrimeSearch`]), then assemble and check the key ([`key_pair_from_primes`]).
pub fn generate_key_pair_with_rng<R: TryCryptoRng + ?Sized>(
    bits: u32,
    rng: &mut R,
) -> Result<GeneratedKeyPair, KeyError> {
    check_size(bits)?;
    let p = find_prime(bits, rng)?;
    // A second prime too close to the first (FIPS 186-5 A.1.3 step 5.4) or a key whose d is too
    // small is refused by `key_pair_from_primes`; both happen with probability ~2^-100, and the
    // answer is simply another q.
    for _ in 0..8 {
        let q = find_prime(bits, rng)?;
        match key_pair_from_primes(bits, &p, &q) {
            Err(KeyError::Generation(_)) => continue,
            other => return other,
        }
    }
    Err(KeyError::Generation(
        "no suitable second prime was found".to_string(),
    ))
}

fn check_size(bits: u32) -> Result<(), KeyError> {
    if SUPPORTED_KEY_SIZES.contains(&bits) {
        Ok(())
    } else {
        Err(KeyError::UnsupportedSize { bits })
    }
}

fn find_prime<R: TryCryptoRng + ?Sized>(bits: u32, rng: &mut R) -> Result<BoxedUint, KeyError> {
    let mut search = PrimeSearch::new(bits)?;
    loop {
        if let Some(prime) = search.step(rng, u32::MAX)? {
            return Ok(prime);
        }
    }
}

/// Miller-Rabin rounds with random bases after the base-2 pre-test, per FIPS 186-5 Table B.1:
/// the error bound is 2^-112 for 1024-bit primes (2048-bit keys), 2^-128 for 1536-bit primes
/// and 2^-144 for 2048-bit primes. The counts are the standard's formula (Appendix C.1), as
/// `crypto_primes::hazmat::minimum_mr_iterations` computes it; a test checks them against it
/// (computing them here would ship that function's float code in the wasm).
const MR_ROUNDS_1024: usize = 5;
const MR_ROUNDS_1536: usize = 4;
const MR_ROUNDS_2048: usize = 4;

fn mr_rounds_for(prime_bits: u32) -> usize {
    match prime_bits {
        0..=1024 => MR_ROUNDS_1024,
        1025..=1536 => MR_ROUNDS_1536,
        _ => MR_ROUNDS_2048,
    }
}

/// Every odd prime the sieve uses is below this (and the residue arithmetic in
/// [`residues`] relies on it: a remainder times 2^32 stays below 2^53, exact in an f64).
const SIEVE_LIMIT: u32 = 1 << 21;

/// How far the sieve goes for primes of `prime_bits` bits. Deeper sieving removes more
/// candidates before the expensive Fermat test (the fraction of odd candidates left falls like
/// 1/ln(bound)) but costs one residue per small prime per window. Measured in Chromium, these
/// bounds are about where the two balance: 2^20 leaves 8.1% of odd 1024-bit candidates (10.1%
/// at 2^16) for a ~11 ms window, 2^21 leaves 7.7% of 2048-bit ones (9.5% at 2^17) for ~40 ms.
fn sieve_bound(prime_bits: u32) -> u32 {
    if prime_bits <= 1024 {
        1 << 20
    } else {
        SIEVE_LIMIT
    }
}

/// The odd primes below [`SIEVE_LIMIT`], for sieving candidates. Computed once per worker
/// (tens of ms in wasm) rather than shipped: a table of them would cost ~600 KB of wasm.
fn small_primes() -> &'static [u32] {
    static PRIMES: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    PRIMES.get_or_init(|| {
        const LIMIT: usize = SIEVE_LIMIT as usize;
        // composite[i] is for the odd number 2i + 1.
        let mut composite = vec![false; LIMIT / 2];
        let mut primes = Vec::with_capacity(155_610);
        for i in 1..LIMIT / 2 {
            if composite[i] {
                continue;
            }
            let n = 2 * i + 1;
            primes.push(n as u32);
            // n² overflows a 32-bit usize (wasm32) for n ≥ 2^16; such n strike nothing here.
            let Some(mut m) = n.checked_mul(n) else {
                continue;
            };
            while m < LIMIT {
                composite[m / 2] = true;
                m += 2 * n;
            }
        }
        primes
    })
}

/// The public exponent every generated key uses.
const E: u32 = 65537;

/// A resumable search for one prime factor of an RSA key, so that a worker can report progress
/// between steps and several workers can race each other for primes.
///
/// Each window starts at a random odd number with its top two bits set (so p·q has exactly the
/// key's bit length and p, q > √2·2^(nlen/2−1), FIPS 186-5 A.1.3), sieves the next `window`
/// odd numbers against every odd prime below [`sieve_bound`] at once (an incremental sieve:
/// one remainder per small prime per window instead of trial division of every candidate),
/// also drops the candidates with gcd(p−1, e) ≠ 1, and runs Miller-Rabin only on the
/// survivors: a fast base-2 Fermat test first, on two survivors at a time (it rejects almost
/// every composite), then the random-base rounds FIPS 186-5 asks for. The deep sieve is the
/// main saving: with primes up to 2^20 about 8% of odd 1024-bit candidates reach the Fermat
/// test, against 11.5% with the 2048 primes of the `rsa` crate's own search.
pub struct PrimeSearch {
    bits: u32,
    /// The odd primes below [`sieve_bound`] for this size.
    sieve_primes: &'static [u32],
    window: Option<Window>,
    tested: u64,
}

struct Window {
    start: BoxedUint,
    /// `alive[k]`: start + 2k survived the sieve and was not tested yet.
    alive: Vec<bool>,
    next: usize,
}

impl PrimeSearch {
    /// A search for one prime of `key_bits / 2` bits.
    ///
    /// The first search in a process also computes the sieve's table of small primes (tens of
    /// ms in wasm), so the panel's workers make one while idle, before any key is asked for.
    pub fn new(key_bits: u32) -> Result<Self, KeyError> {
        check_size(key_bits)?;
        let bits = key_bits / 2;
        let bound = sieve_bound(bits);
        let primes = small_primes();
        Ok(Self {
            bits,
            sieve_primes: &primes[..primes.partition_point(|&p| p < bound)],
            window: None,
            tested: 0,
        })
    }

    /// Candidates that reached the primality tests so far (for progress reports).
    pub fn tested(&self) -> u64 {
        self.tested
    }

    /// Tests at most `budget` candidates (rounded up to an even number: they are tested two at
    /// a time); `Ok(None)` means "not yet, call again".
    pub fn step<R: TryCryptoRng + ?Sized>(
        &mut self,
        rng: &mut R,
        budget: u32,
    ) -> Result<Option<BoxedUint>, KeyError> {
        let mut left = budget.max(1);
        while left > 0 {
            let mut window = match self.window.take() {
                Some(w) => w,
                None => self.sieve(rng)?,
            };
            // The window's next two survivors, for the paired Fermat test.
            let mut pair = Vec::with_capacity(2);
            while pair.len() < 2 && window.next < window.alive.len() {
                let k = window.next;
                window.next += 1;
                if !window.alive[k] {
                    continue;
                }
                let candidate = window.start.wrapping_add(BoxedUint::from(2 * k as u64));
                // Adding to a start near 2^bits could carry into an extra bit.
                if candidate.bit_width_vartime() != self.bits {
                    window.next = window.alive.len();
                    break;
                }
                pair.push(candidate);
            }
            left = left.saturating_sub(pair.len() as u32);
            self.tested += pair.len() as u64;
            if let Some(prime) = first_probable_prime(&pair, mr_rounds_for(self.bits), rng)? {
                return Ok(Some(prime));
            }
            if window.next < window.alive.len() {
                self.window = Some(window);
            }
        }
        Ok(None)
    }

    fn sieve<R: TryCryptoRng + ?Sized>(&self, rng: &mut R) -> Result<Window, KeyError> {
        let bits = self.bits;
        let mut start = BoxedUint::try_random_bits(rng, bits).map_err(|e| match e {
            RandomBitsError::RandCore(e) => KeyError::Random(e.to_string()),
            other => KeyError::Generation(other.to_string()),
        })?;
        start.set_bit_vartime(0, true);
        start.set_bit_vartime(bits - 1, true);
        start.set_bit_vartime(bits - 2, true);
        // About 3× the expected gap between primes of this size in odd numbers (ln 2^bits / 2),
        // so a window almost always holds a prime.
        let len = (bits as usize) * 2;
        let mut alive = vec![true; len];
        let words = be_words(&start.to_be_bytes());
        let primes = self.sieve_primes;
        for (&p, r) in primes.iter().zip(residues(&words, primes)) {
            strike(&mut alive, r, p, 0);
        }
        // gcd(p − 1, 65537) = 1 ⟺ p ≢ 1 (mod 65537), since e is prime.
        strike(&mut alive, residues(&words, &[E])[0], E, 1);
        Ok(Window {
            start,
            alive,
            next: 0,
        })
    }
}

/// Big-endian 32-bit words of a big-endian byte string (a short first word if the length is
/// not a multiple of 4).
fn be_words(bytes: &[u8]) -> Vec<u32> {
    let head = bytes.len() % 4;
    let mut words = Vec::with_capacity(bytes.len() / 4 + 1);
    if head > 0 {
        words.push(
            bytes[..head]
                .iter()
                .fold(0, |w, &b| (w << 8) | u32::from(b)),
        );
    }
    for chunk in bytes[head..].chunks_exact(4) {
        words.push(u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
    }
    words
}

/// `n mod p` for each odd prime p below [`SIEVE_LIMIT`], n given as big-endian 32-bit words.
///
/// One remainder per small prime per window is the sieve's whole cost, so this avoids integer
/// division (a slow instruction, in a dependency chain word after word) and works in f64,
/// where every value here is an integer below 2^53 and so exact: the quotient of r·2^32 + w by
/// p comes from a multiplication by 1/p, off by at most one (its relative error is about
/// 2^-52 and the quotient is below 2^32), and one correction each way fixes the remainder.
fn residues(words: &[u32], primes: &[u32]) -> Vec<u32> {
    #[inline(always)]
    fn step(r: f64, w: f64, p: f64, inv: f64) -> f64 {
        let x = r * 4_294_967_296.0 + w;
        let r = x - (x * inv).floor() * p;
        let r = if r < 0.0 { r + p } else { r };
        if r >= p { r - p } else { r }
    }
    debug_assert!(primes.iter().all(|&p| p % 2 == 1 && p < SIEVE_LIMIT));
    let words: Vec<f64> = words.iter().map(|&w| f64::from(w)).collect();
    let mut out = Vec::with_capacity(primes.len());
    // Blocks of primes, word by word: the remainders of one block are independent, so the
    // processor overlaps their dependency chains (as fast as unrolled groups of four, measured
    // in Chromium, and smaller).
    let mut r = [0.0; 64];
    let mut p = [0.0; 64];
    let mut inv = [0.0; 64];
    for block in primes.chunks(64) {
        let n = block.len();
        for ((r, p), (inv, &q)) in r.iter_mut().zip(&mut p).zip(inv.iter_mut().zip(block)) {
            *r = 0.0;
            *p = f64::from(q);
            *inv = 1.0 / *p;
        }
        for &w in &words {
            for ((r, &p), &inv) in r[..n].iter_mut().zip(&p[..n]).zip(&inv[..n]) {
                *r = step(*r, w, p, inv);
            }
        }
        out.extend(r[..n].iter().map(|&r| r as u32));
    }
    out
}

/// Marks every k with start + 2k ≡ `bad` (mod p), given r = start mod p.
fn strike(alive: &mut [bool], r: u32, p: u32, bad: u32) {
    let p64 = u64::from(p);
    // 2k ≡ bad − r (mod p)  ⟹  k ≡ (bad − r)·(p + 1)/2 (mod p), p odd.
    let diff = (u64::from(bad) + p64 - u64::from(r)) % p64;
    let mut k = (diff * p64.div_ceil(2) % p64) as usize;
    let step = p as usize;
    while k < alive.len() {
        alive[k] = false;
        k += step;
    }
}

/// Big-endian bytes of a prime found by a [`PrimeSearch`], for handing between workers.
pub fn prime_to_bytes(prime: &BoxedUint) -> Vec<u8> {
    prime.to_be_bytes_trimmed_vartime().into_vec()
}

/// [`key_pair_from_primes`] for primes given as big-endian bytes (from [`prime_to_bytes`],
/// possibly found by another worker).
pub fn key_pair_from_prime_bytes(
    bits: u32,
    p: &[u8],
    q: &[u8],
) -> Result<GeneratedKeyPair, KeyError> {
    check_size(bits)?;
    let expected = (bits / 16) as usize;
    if p.len() != expected || q.len() != expected {
        return Err(KeyError::Generation(
            "a prime factor does not have the size the key needs".to_string(),
        ));
    }
    key_pair_from_primes(
        bits,
        &BoxedUint::from_be_slice_vartime(p),
        &BoxedUint::from_be_slice_vartime(q),
    )
}

/// Builds the key pair from two primes through the `rsa` crate (`PrivateKey::from_p_q`, which
/// computes d = e⁻¹ mod lcm(p−1, q−1) as FIPS 186-5 asks), after checking what the primes must
/// be: odd, exactly `bits/2` bits with the top two set, distinct by more than 2^(nlen/2−100)
/// (FIPS 186-5 A.1.3), and each passing a base-2 Fermat test, so that bytes from a
/// confused caller cannot become a broken key. The d > 2^(nlen/2) condition is checked on the
/// result. A `Generation` error means "try another q".
pub fn key_pair_from_primes(
    bits: u32,
    p: &BoxedUint,
    q: &BoxedUint,
) -> Result<GeneratedKeyPair, KeyError> {
    check_size(bits)?;
    let half = bits / 2;
    let refuse = |why: &str| Err(KeyError::Generation(why.to_string()));
    for prime in [p, q] {
        if prime.bit_width_vartime() != half
            || !prime.bit_vartime(half - 2)
            || !bool::from(prime.is_odd())
        {
            return refuse("a prime factor does not have the size the key needs");
        }
    }
    let bytes = |n: &BoxedUint| n.to_be_bytes_trimmed_vartime();
    if super::fermat::passes_base_two_both(&bytes(p), &bytes(q)) != (true, true) {
        return refuse("a factor is not prime");
    }
    let diff = if p > q {
        p.wrapping_sub(q)
    } else {
        q.wrapping_sub(p)
    };
    if diff <= power_of_two(half - 100) {
        return refuse("the two primes are too close together");
    }
    let key =
        PrivateKey::from_p_q(p.clone(), q.clone(), BoxedUint::from(E)).map_err(|e| match e {
            rsa::Error::Rng => KeyError::Random(e.to_string()),
            other => KeyError::Generation(other.to_string()),
        })?;
    if key.as_public_key().n().bit_width_vartime() != bits {
        return refuse("the modulus does not have the requested size");
    }
    if *key.d() <= power_of_two(half) {
        return refuse("the private exponent is too small");
    }
    encode(bits, &key)
}

fn power_of_two(exp: u32) -> BoxedUint {
    let mut x = BoxedUint::zero_with_precision(exp + 1);
    x.set_bit_vartime(exp, true);
    x
}

fn encode(bits: u32, key: &PrivateKey) -> Result<GeneratedKeyPair, KeyError> {
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
mod tests;
