//! Tests of key generation and the prime search.

use super::*;
use crate::vocabulary::ErrorCode;

#[test]
fn refuses_other_sizes_with_the_allowed_ones_named() {
    for bits in [0, 512, 1024, 2047, 8192] {
        let err = generate_key_pair(bits).err();
        assert_eq!(
            err.as_ref().map(KeyError::code),
            Some(ErrorCode::KeySizeUnsupported)
        );
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("2048") && text.contains("3072") && text.contains("4096"));
    }
}

#[test]
fn miller_rabin_rounds_are_fips_186_5_table_b1() {
    use crypto_primes::hazmat::minimum_mr_iterations;
    assert_eq!(minimum_mr_iterations(1024, 112), Some(MR_ROUNDS_1024));
    assert_eq!(minimum_mr_iterations(1536, 128), Some(MR_ROUNDS_1536));
    assert_eq!(minimum_mr_iterations(2048, 144), Some(MR_ROUNDS_2048));
}

#[test]
fn small_primes_are_the_odd_primes_below_the_limit() {
    let primes = small_primes();
    assert_eq!(primes.len(), 155_610); // π(2^21) = 155611, less the prime 2
    assert_eq!(&primes[..6], &[3, 5, 7, 11, 13, 17]);
    assert_eq!(primes.last(), Some(&2_097_143));
    assert_eq!(primes.partition_point(|&p| p < 1 << 17), 12_250);
}

#[test]
fn residues_match_big_integer_remainder() {
    use crypto_bigint::{Limb, NonZero};
    let mut rng = getrandom::SysRng;
    let primes = small_primes();
    // The smallest and the largest primes, and a spread between, at every size; their count
    // is not a multiple of the block size, so the last, partial block is exercised too.
    let mut picked: Vec<u32> = primes.iter().step_by(997).copied().collect();
    picked.extend_from_slice(&primes[..5]);
    picked.extend_from_slice(&primes[primes.len() - 6..]);
    picked.push(E);
    for bits in [1024u32, 1536, 2048, 1000, 31, 64] {
        for _ in 0..3 {
            let n = BoxedUint::try_random_bits(&mut rng, bits).unwrap_or_default();
            let words = be_words(&n.to_be_bytes_trimmed_vartime());
            for (&p, r) in picked.iter().zip(residues(&words, &picked)) {
                let want = NonZero::new(Limb::from(p))
                    .into_option()
                    .map(|d| n.rem_limb(d).0);
                assert_eq!(Some(u64::from(r)), want, "{bits} bits mod {p}");
            }
        }
    }
    // All ones, the largest remainders at every step.
    let words = vec![u32::MAX; 64];
    let n = BoxedUint::from_be_slice_vartime(&[0xff; 256]);
    for (&p, r) in primes[primes.len() - 4..]
        .iter()
        .zip(residues(&words, &primes[primes.len() - 4..]))
    {
        let want = NonZero::new(Limb::from(p))
            .into_option()
            .map(|d| n.rem_limb(d).0);
        assert_eq!(Some(u64::from(r)), want);
    }
}

#[test]
fn big_endian_words() {
    assert_eq!(be_words(&[1, 2, 3, 4, 5]), vec![1, 0x0203_0405]);
    assert_eq!(be_words(&[0xaa, 0xbb, 0xcc, 0xdd]), vec![0xaabb_ccdd]);
    assert!(be_words(&[]).is_empty());
}

#[test]
fn the_sieve_strikes_exactly_the_multiples() {
    // start = 1001 (odd): candidates 1001, 1003, …; 1001 = 7·11·13.
    let p = 7u32;
    let mut alive = vec![true; 40];
    strike(&mut alive, 1001 % p, p, 0);
    for (k, a) in alive.iter().enumerate() {
        assert_eq!(!a, (1001 + 2 * k as u32).is_multiple_of(p), "k = {k}");
    }
    let mut alive = vec![true; 40];
    strike(&mut alive, 1001 % 13, 13, 1);
    for (k, a) in alive.iter().enumerate() {
        assert_eq!(!a, (1001 + 2 * k as u32) % 13 == 1, "k = {k}");
    }
}

#[test]
fn found_primes_are_prime_and_have_the_top_two_bits() {
    let mut rng = getrandom::SysRng;
    for key_bits in [2048u32, 3072] {
        let Ok(mut search) = PrimeSearch::new(key_bits) else {
            panic!("size refused");
        };
        let prime = loop {
            match search.step(&mut rng, 4) {
                Ok(Some(p)) => break p,
                Ok(None) => continue,
                Err(e) => panic!("{e}"),
            }
        };
        assert!(search.tested() >= 1);
        let half = key_bits / 2;
        assert_eq!(prime.bit_width_vartime(), half);
        assert!(prime.bit_vartime(half - 2));
        assert!(crypto_primes::is_prime(crypto_primes::Flavor::Any, &prime));
        // gcd(p − 1, e) = 1
        assert_ne!(
            residues(&be_words(&prime.to_be_bytes()), &[E])[0],
            1,
            "p ≡ 1 (mod e) must be sieved out"
        );
    }
}

#[test]
fn assembly_refuses_bad_factors() {
    let mut rng = getrandom::SysRng;
    let p = find_prime(2048, &mut rng).unwrap_or_default();
    // Too close: q = next prime after p would be, here simply p + 2 (also not prime).
    let close = p.wrapping_add(BoxedUint::from(2u32));
    let err = key_pair_from_primes(2048, &p, &close).err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::KeyGenerationFailed));
    // The same prime twice.
    let err = key_pair_from_primes(2048, &p, &p).err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::KeyGenerationFailed));
    // A composite of the right size (p·3 is too big; p+4 is odd and almost surely composite
    // of the right size, but p − 2^600 is far enough away and still 1024 bits).
    let far = p.wrapping_sub(power_of_two(600));
    let err = key_pair_from_primes(2048, &p, &far).err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::KeyGenerationFailed));
    // Wrong byte lengths.
    let bytes = prime_to_bytes(&p);
    let err = key_pair_from_prime_bytes(2048, &bytes, &bytes[1..]).err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::KeyGenerationFailed));
    let err = key_pair_from_prime_bytes(1024, &bytes, &bytes).err();
    assert_eq!(err.map(|e| e.code()), Some(ErrorCode::KeySizeUnsupported));
}
