//! Whether a sieved candidate is a probable prime: the base-2 Fermat pre-filter
//! (`keys::fermat`), then crypto-primes' Miller-Rabin with random bases.

use crypto_bigint::Odd;
use crypto_primes::hazmat::MillerRabin;
use rsa::BoxedUint;
use rsa::rand_core::{TryCryptoRng, TryRng};

use crate::keys::error::KeyError;
use crate::keys::fermat;

/// The first of `candidates` (one or two) that passes a base-2 Fermat pre-test and then
/// Miller-Rabin with `rounds` random bases (FIPS 186-5 B.3.1, C.3.1).
pub(super) fn first_probable_prime<R: TryCryptoRng + ?Sized>(
    candidates: &[BoxedUint],
    rounds: usize,
    rng: &mut R,
) -> Result<Option<BoxedUint>, KeyError> {
    let bytes: Vec<_> = candidates
        .iter()
        .map(|c| c.to_be_bytes_trimmed_vartime())
        .collect();
    // The fast pre-filter (see `keys::fermat` for what of it is constant-time) rejects nearly
    // every composite, two candidates at a time; a candidate that passes gets the full
    // random-base rounds below from crypto-primes' constant-time code.
    let fermat = match bytes.as_slice() {
        [a, b] => {
            let (a, b) = fermat::passes_base_two_both(a, b);
            [a, b]
        }
        [a] => [fermat::passes_base_two(a), false],
        _ => [false; 2],
    };
    for (candidate, _) in candidates.iter().zip(fermat).filter(|(_, passed)| *passed) {
        if miller_rabin(candidate, rounds, rng)? {
            return Ok(Some(candidate.clone()));
        }
    }
    Ok(None)
}

/// Miller-Rabin with `rounds` random bases.
fn miller_rabin<R: TryCryptoRng + ?Sized>(
    candidate: &BoxedUint,
    rounds: usize,
    rng: &mut R,
) -> Result<bool, KeyError> {
    let Some(odd) = Option::<Odd<BoxedUint>>::from(Odd::new(candidate.clone())) else {
        return Ok(false);
    };
    if candidate.bit_width_vartime() < 8 {
        return Ok(false);
    }
    let mr = MillerRabin::new(odd);
    let mut rng = KeepError { rng, error: None };
    for _ in 0..rounds {
        // crypto-primes draws the base uniformly from [2, candidate − 2].
        let verdict = mr.test_random_base(&mut rng);
        if let Some(e) = rng.error.take() {
            return Err(KeyError::Random(e.to_string()));
        }
        if verdict.is_composite() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// An infallible view of a fallible rng, as crypto-primes' random-base test wants one: the first
/// error is kept (and zeros handed out in place of the bytes), and the caller throws the round's
/// verdict away when there is one, so no answer ever rests on bytes that were not random.
struct KeepError<'a, R: TryCryptoRng + ?Sized> {
    rng: &'a mut R,
    error: Option<R::Error>,
}

impl<R: TryCryptoRng + ?Sized> KeepError<'_, R> {
    fn keep<T: Default>(&mut self, got: Result<T, R::Error>) -> T {
        got.unwrap_or_else(|e| {
            self.error.get_or_insert(e);
            T::default()
        })
    }
}

impl<R: TryCryptoRng + ?Sized> TryRng for KeepError<'_, R> {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let got = self.rng.try_next_u32();
        Ok(self.keep(got))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let got = self.rng.try_next_u64();
        Ok(self.keep(got))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        let got = self.rng.try_fill_bytes(dst);
        if got.is_err() {
            dst.fill(0);
        }
        self.keep(got);
        Ok(())
    }
}

impl<R: TryCryptoRng + ?Sized> TryCryptoRng for KeepError<'_, R> {}
