//! The base-2 Fermat test of two candidates at once, one in each lane of [`Lanes`]: the same
//! steps as [`super::passes_base_two`], where wasm SIMD does both candidates' 32×32→64-bit
//! products in one instruction. The search tests candidates two by two, so it pays about what
//! one test costs with scalar products for each pair.
//!
//! Constant-time as the single test is: every exponent bit of each candidate costs one squaring
//! and one doubling of both lanes, the loops run over all limbs, and the choices (keep the
//! doubling or not; subtract n or not) are lane masks from a `ctutils` `Choice` or from SIMD
//! comparisons, never branches. Not constant-time: the final comparisons with 1.

use ctutils::Choice;

use super::lanes::{Lanes, Packed};

/// `(2^(a−1) ≡ 1 (mod a), 2^(b−1) ≡ 1 (mod b))` for odd a and b of the same number k of
/// little-endian 32-bit limbs (at most 64), each with its top bit set.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub(super) fn passes_base_two(a: &[u32], b: &[u32]) -> (bool, bool) {
    let k = a.len();
    debug_assert!(k == b.len() && (1..=64).contains(&k) && a[k - 1] >> 31 == 1);
    debug_assert!(b[k - 1] >> 31 == 1 && a[0] & b[0] & 1 == 1);
    let n: Vec<Lanes> = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| Lanes::new(x.into(), y.into()))
        .collect();
    let n_packed: Vec<Packed> = n.iter().map(|w| w.pack()).collect();
    let n0_inv = Packed::new(super::neg_inverse(a[0]), super::neg_inverse(b[0]));
    // R mod n = R − n (n > R/2): the two's complement of n, lane by lane.
    let mut one = vec![Lanes::ZERO; k];
    let mut borrow = Lanes::ZERO;
    for (o, &w) in one.iter_mut().zip(&n) {
        let d = Lanes::ZERO.sub(w).sub(borrow);
        *o = d.low();
        borrow = d.shr(63);
    }
    let mut x = one.clone();
    let mut packed = vec![Lanes::ZERO.pack(); k];
    let mut wide = vec![Lanes::ZERO; 2 * k + 1];
    let mut doubled = vec![Lanes::ZERO; k];
    for bit in (0..32 * k).rev() {
        for (p, w) in packed.iter_mut().zip(&x) {
            *p = w.pack();
        }
        square_mont(&mut x, &packed, &n, &n_packed, n0_inv, &mut wide);
        // Exponent n − 1: n's bits, except bit 0 (n is odd) is 0.
        let set = |n: &[u32]| {
            let bit = u32::from(bit != 0) & (n[bit / 32] >> (bit % 32)) & 1;
            Choice::from_u32_lsb(bit).to_u64_mask()
        };
        let keep = Lanes::new(set(a), set(b));
        double_mod(&x, &n, &mut doubled);
        for (w, &d) in x.iter_mut().zip(&doubled) {
            *w = w.select(d, keep);
        }
    }
    let diff = x
        .iter()
        .zip(&one)
        .fold(Lanes::ZERO, |acc, (&w, &o)| acc.or(w.xor(o)));
    (diff.lane0() == 0, diff.lane1() == 0)
}

/// x ← x² · R⁻¹ mod n in both lanes (x < n in and out), `packed` being x packed for the
/// multiplies: [`super::square_mont`] lane by lane.
#[inline(always)]
fn square_mont(
    x: &mut [Lanes],
    packed: &[Packed],
    n: &[Lanes],
    n_packed: &[Packed],
    n0_inv: Packed,
    t: &mut [Lanes],
) {
    let k = n.len();
    t.fill(Lanes::ZERO);
    for i in 0..k {
        let xi = packed[i];
        let mut c = Lanes::ZERO;
        for (tw, &xj) in t[2 * i + 1..i + k].iter_mut().zip(&packed[i + 1..]) {
            let s = tw.add(xi.mul(xj)).add(c);
            *tw = s.low();
            c = s.shr(32);
        }
        t[i + k] = c;
    }
    let mut top = Lanes::ZERO;
    for w in t[..2 * k].iter_mut() {
        let v = w.shl(1).or(top);
        *w = v.low();
        top = v.shr(32);
    }
    let mut c = Lanes::ZERO;
    for (pair, &xi) in t[..2 * k].chunks_exact_mut(2).zip(packed) {
        let s = pair[0].add(xi.mul(xi)).add(c);
        pair[0] = s.low();
        let s = pair[1].add(s.shr(32));
        pair[1] = s.low();
        c = s.shr(32);
    }
    t[2 * k] = c;
    let mut extra = Lanes::ZERO;
    for i in 0..k {
        let m = t[i].pack().mul_low(n0_inv);
        let mut c = Lanes::ZERO;
        for (tw, &nj) in t[i..i + k].iter_mut().zip(n_packed) {
            let s = tw.add(m.mul(nj)).add(c);
            *tw = s.low();
            c = s.shr(32);
        }
        let s = t[i + k].add(c).add(extra);
        t[i + k] = s.low();
        extra = s.shr(32);
    }
    let carry = extra.or(t[2 * k]);
    x.copy_from_slice(&t[k..2 * k]);
    reduce_once(x, carry, n);
}

/// out ← 2x mod n in both lanes (x < n).
#[inline(always)]
fn double_mod(x: &[Lanes], n: &[Lanes], out: &mut [Lanes]) {
    let mut top = Lanes::ZERO;
    for (o, &v) in out.iter_mut().zip(x) {
        let w = v.shl(1).or(top);
        *o = w.low();
        top = w.shr(32);
    }
    reduce_once(out, top, n);
}

/// x ← x − n in each lane where (carry·2^(32k) + x) ≥ n, through lane masks.
#[inline(always)]
fn reduce_once(x: &mut [Lanes], carry: Lanes, n: &[Lanes]) {
    let mut diff = [Lanes::ZERO; 64];
    let diff = &mut diff[..x.len()];
    let mut borrow = Lanes::ZERO;
    for ((d, &a), &b) in diff.iter_mut().zip(x.iter()).zip(n) {
        let v = a.sub(b).sub(borrow);
        *d = v.low();
        borrow = v.shr(63);
    }
    // Subtract where there was a carry out, or where x − n did not borrow.
    let take = carry
        .mask_nonzero()
        .or(borrow.xor(Lanes::new(1, 1)).mask_nonzero());
    for (a, &d) in x.iter_mut().zip(diff.iter()) {
        *a = a.select(d, take);
    }
}
