//! A fast base-2 Fermat test: the pre-filter of the prime search.
//!
//! Almost every candidate that survives the sieve is composite, and rejecting it costs one
//! modular exponentiation; that is most of key generation. This test does that exponentiation
//! about 1.5-2× faster than the general Miller-Rabin code in wasm, because
//! - its base is 2, so each exponent bit costs a Montgomery squaring and at most a doubling
//!   (a shift), never a multiplication by a table entry;
//! - squarings compute each cross product once (about 1.5 k² word products instead of 2 k²);
//! - limbs are 32 bits on every target, so each product is one native 64-bit multiply in wasm;
//! - it is a pre-filter: the candidate that passes is then tested afresh with the FIPS 186-5
//!   random-base Miller-Rabin rounds (crypto-primes). Base-2 pseudoprimes (341, Carmichael
//!   numbers) pass it; those rounds reject them.
//!
//! What is and is not constant-time (the last candidate is a secret prime):
//! - constant-time: the exponentiation. Every exponent bit costs one squaring and one doubling,
//!   the loops run over all limbs whatever their values, and the two data-dependent choices
//!   (keep the doubling or not; subtract n or not) are masked selects whose mask comes from a
//!   `ctutils` `Choice`, whose optimization barrier keeps the compiler from turning them into
//!   branches (best effort on wasm, which has no conditional-move instruction the source can ask
//!   for; the browser's compiler is not audited);
//! - not constant-time: the checks of the input's shape and length, the choice between the two
//!   ways of computing R mod n (by whether the top bit is set: it always is for a candidate),
//!   and the final comparison with 1, whose outcome the caller acts on openly anyway.
//!
//! It can only make the search faster or slower, never accept a composite on its own.

use ctutils::Choice;

// Natively there is no SIMD to gain from (and the lane emulation is slow in unoptimised test
// builds): the pair goes through the single test there, and the paired code is built for its
// tests, which run the same algorithm as the shipped wasm.
#[cfg(any(target_arch = "wasm32", test))]
mod lanes;
#[cfg(any(target_arch = "wasm32", test))]
mod paired;

/// `2^(n−1) ≡ 1 (mod n)` for an odd `n > 1` given as big-endian bytes (at most 2048 bits;
/// leading zero bytes allowed). `false` for anything else.
pub(crate) fn passes_base_two(n_be: &[u8]) -> bool {
    limbs(n_be).is_some_and(|n| passes(&n))
}

/// [`passes_base_two`] of two numbers. In wasm, two of the same length with the top bit set (as
/// the prime search makes them) are tested together, in the two lanes of [`paired`].
pub(crate) fn passes_base_two_both(a_be: &[u8], b_be: &[u8]) -> (bool, bool) {
    let (a, b) = (limbs(a_be), limbs(b_be));
    #[cfg(target_arch = "wasm32")]
    if let (Some(a), Some(b)) = (&a, &b)
        && pairable(a, b)
    {
        return paired::passes_base_two(a, b);
    }
    (a.is_some_and(|a| passes(&a)), b.is_some_and(|b| passes(&b)))
}

/// Whether [`paired`] takes these two: the same number of limbs, each with its top bit set.
#[cfg(any(target_arch = "wasm32", test))]
fn pairable(a: &[u32], b: &[u32]) -> bool {
    a.len() == b.len()
        && a.last().is_some_and(|w| w >> 31 == 1)
        && b.last().is_some_and(|w| w >> 31 == 1)
}

/// Little-endian 32-bit limbs of an odd `n > 1` of at most 2048 bits, the top one zero-padded;
/// `None` for anything else.
fn limbs(n_be: &[u8]) -> Option<Vec<u32>> {
    let skip = n_be.iter().take_while(|&&b| b == 0).count();
    let n_be = n_be.get(skip..).unwrap_or_default();
    let odd = n_be.last().is_some_and(|b| b & 1 == 1);
    if !odd || n_be.len() > 256 || n_be == [1] {
        return None;
    }
    Some(
        n_be.rchunks(4)
            .map(|c| c.iter().fold(0u32, |w, &b| (w << 8) | u32::from(b)))
            .collect(),
    )
}

fn passes(n: &[u32]) -> bool {
    let k = n.len();
    let n0_inv = neg_inverse(n[0]);
    let one = montgomery_one(n);
    let mut x = one.clone();
    let mut wide = vec![0u32; 2 * k + 1];
    let bits = 32 * k;
    // Exponent n − 1: n's bits, except bit 0 (n is odd) is 0.
    let mut doubled = vec![0u32; k];
    for bit in (0..bits).rev() {
        square_mont(&mut x, n, n0_inv, &mut wide);
        // The exponent's bits are the candidate's: always double, then keep the result or not.
        let set = u32::from(bit != 0) & (n[bit / 32] >> (bit % 32)) & 1;
        double_mod(&x, n, &mut doubled);
        select(&mut x, &doubled, Choice::from_u32_lsb(set));
    }
    x == one
}

/// R mod n with R = 2^(32k), for odd n of k limbs.
fn montgomery_one(n: &[u32]) -> Vec<u32> {
    let k = n.len();
    let mut one = vec![0u32; k];
    if n[k - 1] >> 31 == 1 {
        // n > R/2, so R mod n = R − n: the two's complement of n.
        let mut borrow = 0u64;
        for (o, &w) in one.iter_mut().zip(n) {
            let d = 0u64.wrapping_sub(u64::from(w)).wrapping_sub(borrow);
            *o = d as u32;
            borrow = (d >> 63) & 1;
        }
    } else {
        // A smaller n (only tests and the checks of handed-over primes meet one): 1 doubled
        // 32k times.
        one[0] = 1;
        let mut next = vec![0u32; k];
        for _ in 0..32 * k {
            double_mod(&one, n, &mut next);
            one.copy_from_slice(&next);
        }
    }
    one
}

/// −n⁻¹ mod 2^32 for odd n (Newton's iteration doubles the correct bits each step).
fn neg_inverse(n0: u32) -> u32 {
    let mut inv = 1u32;
    for _ in 0..5 {
        inv = inv.wrapping_mul(2u32.wrapping_sub(n0.wrapping_mul(inv)));
    }
    inv.wrapping_neg()
}

/// x ← x² · R⁻¹ mod n (x < n in and out). The inner loops walk zipped slices so that the
/// compiler can drop the bounds checks, which otherwise cost a third of the time in wasm.
fn square_mont(x: &mut [u32], n: &[u32], n0_inv: u32, t: &mut [u32]) {
    let k = n.len();
    t.fill(0);
    // Cross products x[i]·x[j], i < j, once each.
    for i in 0..k {
        let xi = u64::from(x[i]);
        let mut c = 0u64;
        for (tw, &xj) in t[2 * i + 1..i + k].iter_mut().zip(&x[i + 1..]) {
            let s = u64::from(*tw) + xi * u64::from(xj) + c;
            *tw = s as u32;
            c = s >> 32;
        }
        t[i + k] = c as u32;
    }
    // Double them, then add the squares on the diagonal.
    let mut top = 0u32;
    for w in t[..2 * k].iter_mut() {
        let v = *w;
        *w = (v << 1) | top;
        top = v >> 31;
    }
    let mut c = 0u64;
    for (pair, &xi) in t[..2 * k].chunks_exact_mut(2).zip(x.iter()) {
        let xi = u64::from(xi);
        let s = u64::from(pair[0]) + xi * xi + c;
        pair[0] = s as u32;
        let s = u64::from(pair[1]) + (s >> 32);
        pair[1] = s as u32;
        c = s >> 32;
    }
    t[2 * k] = c as u32;
    // Montgomery reduction, one word at a time; the carry out of word i + k is held in `extra`
    // and added with the next row's carry, so no loop depends on the data.
    let mut extra = 0u64;
    for i in 0..k {
        let m = u64::from(t[i].wrapping_mul(n0_inv));
        let mut c = 0u64;
        for (tw, &nj) in t[i..i + k].iter_mut().zip(n) {
            let s = u64::from(*tw) + m * u64::from(nj) + c;
            *tw = s as u32;
            c = s >> 32;
        }
        let s = u64::from(t[i + k]) + c + extra;
        t[i + k] = s as u32;
        extra = s >> 32;
    }
    let carry = (extra as u32) | t[2 * k];
    x.copy_from_slice(&t[k..2 * k]);
    reduce_once(x, carry, n);
}

/// out ← 2x mod n (x < n).
fn double_mod(x: &[u32], n: &[u32], out: &mut [u32]) {
    let mut top = 0u32;
    for (o, &v) in out.iter_mut().zip(x) {
        *o = (v << 1) | top;
        top = v >> 31;
    }
    reduce_once(out, top, n);
}

/// x ← x − n if (carry·2^(32k) + x) ≥ n, else x; without branching on the values.
fn reduce_once(x: &mut [u32], carry: u32, n: &[u32]) {
    let mut diff = [0u32; 64];
    let diff = &mut diff[..x.len()];
    let mut borrow = 0u64;
    for ((d, &a), &b) in diff.iter_mut().zip(x.iter()).zip(n) {
        let v = u64::from(a).wrapping_sub(u64::from(b)).wrapping_sub(borrow);
        *d = v as u32;
        borrow = (v >> 63) & 1;
    }
    // Subtract when there was a carry out, or when x − n did not borrow.
    let take = Choice::from_u32_nz(carry).or(Choice::from_u32_lsb(1 ^ borrow as u32));
    select(x, diff, take);
}

/// x ← src if `choice`, else x unchanged, through one all-ones-or-zero mask. `ctutils`' slice
/// assignment (through `cmov`) would take an optimization barrier per limb, out of line: in wasm
/// two function calls per limb, twice for every exponent bit. Here the barrier is taken once,
/// where the mask is made from the `Choice`, and the loop is plain bitwise arithmetic on it.
fn select(x: &mut [u32], src: &[u32], choice: Choice) {
    let mask = choice.to_u32_mask();
    for (a, &b) in x.iter_mut().zip(src) {
        *a ^= mask & (*a ^ b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crypto_bigint::{BoxedUint, RandomBits};

    fn be(n: &BoxedUint, bits: u32) -> Vec<u8> {
        let bytes = n.to_be_bytes();
        bytes[bytes.len() - (bits as usize / 8)..].to_vec()
    }

    #[test]
    fn agrees_with_crypto_primes_on_random_odd_numbers_and_primes() {
        let mut rng = getrandom::SysRng;
        // (Few 1024-bit cases: unoptimised test builds make each one slow.)
        for (bits, want) in [(64u32, 3), (256, 3), (1024, 1)] {
            let mut primes = 0;
            let mut tried = 0;
            while primes < want && tried < 20_000 {
                tried += 1;
                let mut n = BoxedUint::try_random_bits(&mut rng, bits).unwrap_or_default();
                n = n.bitor(&BoxedUint::one_with_precision(n.bits_precision()));
                let mut top = BoxedUint::zero_with_precision(n.bits_precision());
                crypto_bigint::BitOps::set_bit_vartime(&mut top, bits - 1, true);
                n = n.bitor(&top);
                let prime = crypto_primes::is_prime(crypto_primes::Flavor::Any, &n);
                let fermat = passes_base_two(&be(&n, bits));
                // A base-2 pseudoprime of this size turning up at random is out of reach.
                assert_eq!(fermat, prime, "{n}");
                primes += usize::from(prime);
            }
            assert_eq!(primes, want, "{bits}-bit primes found");
        }
    }

    /// RFC 3526's 2048-bit MODP group prime (a safe prime).
    const MODP_2048: &str = "\
        FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879\
        8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B\
        0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA4836\
        1C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804\
        F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6\
        955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF";

    fn from_hex(hex: &str) -> Vec<u8> {
        let digits: Vec<u8> = hex
            .bytes()
            .filter(u8::is_ascii_hexdigit)
            .map(|d| char::from(d).to_digit(16).unwrap_or_default() as u8)
            .collect();
        digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect()
    }

    fn is_prime(n_be: &[u8]) -> bool {
        let n = BoxedUint::from_be_slice_vartime(n_be);
        crypto_primes::is_prime(crypto_primes::Flavor::Any, &n)
    }

    #[test]
    fn agrees_with_crypto_primes_at_2048_bits() {
        let modp = from_hex(MODP_2048);
        assert_eq!(modp.len(), 256);
        assert!(is_prime(&modp) && passes_base_two(&modp));
        // Random odd 2048-bit numbers with the top bit set, as the 4096-bit key's search makes
        // them: composite (a prime turns up about once in 700) and refused by both tests.
        let mut rng = getrandom::SysRng;
        for _ in 0..4 {
            let mut n = BoxedUint::try_random_bits(&mut rng, 2048).unwrap_or_default();
            crypto_bigint::BitOps::set_bit_vartime(&mut n, 0, true);
            crypto_bigint::BitOps::set_bit_vartime(&mut n, 2047, true);
            let n = be(&n, 2048);
            assert_eq!(passes_base_two(&n), is_prime(&n), "{n:02x?}");
        }
        // The odd number just below the prime.
        let mut near = modp.clone();
        near[255] -= 2;
        assert_eq!(passes_base_two(&near), is_prime(&near));
    }

    #[test]
    fn base_two_pseudoprimes_pass_and_miller_rabin_rejects_them() {
        // Composites n with 2^(n−1) ≡ 1 (mod n); 561, 1105 and 1729 are Carmichael numbers.
        for n in [341u32, 561, 645, 1105, 1387, 1729, 1905, 2047, 2465] {
            let n = n.to_be_bytes();
            assert!(passes_base_two(&n), "{n:?}");
            assert!(!is_prime(&n), "{n:?}");
        }
        // 2^p − 1 for a prime p is a base-2 pseudoprime whenever it is composite (2^p ≡ 1 and
        // p divides 2^p − 2); for p = 1021 and 2039 it is (no Mersenne prime has them).
        for p in [1021usize, 2039] {
            let mut n = vec![0xffu8; p.div_ceil(8)];
            n[0] = 0xff >> (8 * n.len() - p);
            assert!(passes_base_two(&n), "2^{p} − 1");
            assert!(!is_prime(&n), "2^{p} − 1");
        }
    }

    #[test]
    fn refuses_what_it_cannot_test() {
        assert!(!passes_base_two(&[]));
        assert!(!passes_base_two(&[0, 0]));
        assert!(!passes_base_two(&[1]));
        assert!(!passes_base_two(&[0x80, 0, 0, 2])); // even
        assert!(!passes_base_two(&[0xff; 257])); // over 2048 bits
        // 2^31 + 11 = 2147483659 is prime; 2^32 − 1 = 3·5·17·257·65537 is not.
        assert!(passes_base_two(&[0x80, 0, 0, 0x0b]));
        assert!(!passes_base_two(&[0xff, 0xff, 0xff, 0xff]));
        // Small primes, with and without leading zero bytes; 9 and 15 are composite.
        for p in [3u32, 5, 7, 11, 13, 65537, 2_147_483_647] {
            assert!(passes_base_two(&p.to_be_bytes()), "{p}");
            assert!(
                passes_base_two(&[&[0, 0], &p.to_be_bytes()[..]].concat()),
                "{p}"
            );
        }
        assert!(!passes_base_two(&[9]) && !passes_base_two(&[0, 15]));
    }

    /// Random odd numbers of `bits` bits with the top bit set, as big-endian bytes.
    fn random_candidate(bits: u32) -> Vec<u8> {
        let mut n = BoxedUint::try_random_bits(&mut getrandom::SysRng, bits).unwrap_or_default();
        crypto_bigint::BitOps::set_bit_vartime(&mut n, 0, true);
        crypto_bigint::BitOps::set_bit_vartime(&mut n, bits - 1, true);
        be(&n, bits)
    }

    /// The paired test itself, as wasm runs it (natively, `passes_base_two_both` does not use it).
    fn paired(a_be: &[u8], b_be: &[u8]) -> (bool, bool) {
        match (limbs(a_be), limbs(b_be)) {
            (Some(a), Some(b)) if pairable(&a, &b) => paired::passes_base_two(&a, &b),
            _ => passes_base_two_both(a_be, b_be),
        }
    }

    #[test]
    fn paired_test_agrees_with_the_single_one_in_each_lane() {
        // 64-bit candidates: primes are common (about one odd number in 22), so both lanes
        // see primes and composites, together and apart.
        let (mut primes, mut composites) = (0, 0);
        for _ in 0..300 {
            let (a, b) = (random_candidate(64), random_candidate(64));
            let want = (passes_base_two(&a), passes_base_two(&b));
            assert_eq!(paired(&a, &b), want, "{a:02x?} {b:02x?}");
            primes += usize::from(want.0) + usize::from(want.1);
            composites += usize::from(!want.0) + usize::from(!want.1);
        }
        assert!(
            primes > 5 && composites > 5,
            "{primes} primes, {composites} composites"
        );
        // A 2048-bit prime beside a composite, in either lane.
        let modp = from_hex(MODP_2048);
        let composite = random_candidate(2048);
        assert_eq!(passes_base_two_both(&modp, &composite), (true, false));
        assert_eq!(passes_base_two_both(&composite, &modp), (false, true));
        assert_eq!(passes_base_two_both(&modp, &modp), (true, true));
        // Numbers of different lengths or without the top bit go one by one.
        assert_eq!(passes_base_two_both(&modp, &[0x0b]), (true, true));
        assert_eq!(
            passes_base_two_both(&[], &[0x80, 0, 0, 0x0b]),
            (false, true)
        );
    }

    #[test]
    fn negative_inverse() {
        for n0 in [1u32, 3, 0xffff_ffff, 0x1234_5679] {
            assert_eq!(n0.wrapping_mul(neg_inverse(n0)), u32::MAX);
        }
    }
}
