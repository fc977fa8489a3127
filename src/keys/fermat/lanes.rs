//! Two 64-bit lanes for the paired Fermat test ([`super::paired`]): wasm SIMD's `v128` in wasm
//! (built with the `simd128` feature, which every browser Linksmith supports has), a plain
//! array in native builds, which use it only in tests: they run the same algorithm as the
//! shipped wasm.
//!
//! A lane holds a 32-bit limb (or a 64-bit sum of products); [`Packed`] holds one 32-bit limb
//! of each candidate where the 32×32→64-bit multiply wants them (wasm's `extmul_low` takes
//! 32-bit lanes 0 and 1).

#[cfg(target_arch = "wasm32")]
pub(super) use simd::{Lanes, Packed};

#[cfg(not(target_arch = "wasm32"))]
pub(super) use portable::{Lanes, Packed};

#[cfg(target_arch = "wasm32")]
mod simd {
    use core::arch::wasm32::*;

    macro_rules! lanewise {
        ($($name:ident: $op:ident),*) => {$(
            #[inline(always)]
            pub fn $name(self, o: Self) -> Self {
                Self($op(self.0, o.0))
            }
        )*};
    }

    macro_rules! shifts {
        ($($name:ident: $op:ident),*) => {$(
            #[inline(always)]
            pub fn $name(self, n: u32) -> Self {
                Self($op(self.0, n))
            }
        )*};
    }

    #[derive(Clone, Copy)]
    pub struct Lanes(v128);

    /// `[a, b, a, b]` as 32-bit lanes.
    #[derive(Clone, Copy)]
    pub struct Packed(v128);

    impl Lanes {
        pub const ZERO: Self = Self(u64x2(0, 0));

        #[inline(always)]
        pub fn new(a: u64, b: u64) -> Self {
            Self(u64x2(a, b))
        }
        #[inline(always)]
        pub fn lane0(self) -> u64 {
            u64x2_extract_lane::<0>(self.0)
        }
        #[inline(always)]
        pub fn lane1(self) -> u64 {
            u64x2_extract_lane::<1>(self.0)
        }
        // Lane by lane, one SIMD instruction each.
        lanewise!(add: u64x2_add, sub: u64x2_sub, or: v128_or, xor: v128_xor);
        shifts!(shr: u64x2_shr, shl: u64x2_shl);
        /// The low 32 bits of each lane.
        #[inline(always)]
        pub fn low(self) -> Self {
            Self(v128_and(self.0, u64x2(0xffff_ffff, 0xffff_ffff)))
        }
        /// All ones in each lane that is not zero, else zero.
        #[inline(always)]
        pub fn mask_nonzero(self) -> Self {
            Self(i64x2_ne(self.0, u64x2(0, 0)))
        }
        /// `on` in the lanes where `mask` is all ones, `self` where it is zero.
        #[inline(always)]
        pub fn select(self, on: Self, mask: Self) -> Self {
            Self(v128_bitselect(on.0, self.0, mask.0))
        }
        /// The low 32 bits of each lane, packed for a multiply.
        #[inline(always)]
        pub fn pack(self) -> Packed {
            Packed(i32x4_shuffle::<0, 2, 0, 2>(self.0, self.0))
        }
    }

    impl Packed {
        #[inline(always)]
        pub fn new(a: u32, b: u32) -> Self {
            Self(u32x4(a, b, a, b))
        }
        /// The full 64-bit products, lane by lane.
        #[inline(always)]
        pub fn mul(self, o: Self) -> Lanes {
            Lanes(u64x2_extmul_low_u32x4(self.0, o.0))
        }
        /// The products mod 2^32, lane by lane.
        #[inline(always)]
        pub fn mul_low(self, o: Self) -> Self {
            Self(i32x4_mul(self.0, o.0))
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod portable {
    #[derive(Clone, Copy)]
    pub struct Lanes([u64; 2]);

    #[derive(Clone, Copy)]
    pub struct Packed([u32; 2]);

    impl Lanes {
        pub const ZERO: Self = Self([0; 2]);

        #[inline(always)]
        fn map(self, o: Self, f: impl Fn(u64, u64) -> u64) -> Self {
            Self([f(self.0[0], o.0[0]), f(self.0[1], o.0[1])])
        }
        pub fn new(a: u64, b: u64) -> Self {
            Self([a, b])
        }
        pub fn lane0(self) -> u64 {
            self.0[0]
        }
        pub fn lane1(self) -> u64 {
            self.0[1]
        }
        pub fn add(self, o: Self) -> Self {
            self.map(o, u64::wrapping_add)
        }
        pub fn sub(self, o: Self) -> Self {
            self.map(o, u64::wrapping_sub)
        }
        pub fn or(self, o: Self) -> Self {
            self.map(o, |a, b| a | b)
        }
        pub fn xor(self, o: Self) -> Self {
            self.map(o, |a, b| a ^ b)
        }
        pub fn low(self) -> Self {
            self.map(self, |a, _| a & 0xffff_ffff)
        }
        pub fn shr(self, n: u32) -> Self {
            self.map(self, |a, _| a >> n)
        }
        pub fn shl(self, n: u32) -> Self {
            self.map(self, |a, _| a << n)
        }
        pub fn mask_nonzero(self) -> Self {
            self.map(self, |a, _| u64::from(a != 0).wrapping_neg())
        }
        pub fn select(self, on: Self, mask: Self) -> Self {
            Self([0, 1].map(|i| self.0[i] ^ (mask.0[i] & (self.0[i] ^ on.0[i]))))
        }
        pub fn pack(self) -> Packed {
            Packed(self.0.map(|a| a as u32))
        }
    }

    impl Packed {
        pub fn new(a: u32, b: u32) -> Self {
            Self([a, b])
        }
        pub fn mul(self, o: Self) -> Lanes {
            Lanes([0, 1].map(|i| u64::from(self.0[i]) * u64::from(o.0[i])))
        }
        pub fn mul_low(self, o: Self) -> Self {
            Self([0, 1].map(|i| self.0[i].wrapping_mul(o.0[i])))
        }
    }
}
