//! Numbers of up to 512 bits and arithmetic modulo an odd modulus in Montgomery form:
//! what the curve needs, on fixed arrays of 64-bit limbs, so a verification costs about
//! a millisecond (a general big-integer crate spent most of its time dividing).
//!
//! Only public values pass through here (a verifier holds no secret), so nothing needs
//! to run in constant time.

use std::cmp::Ordering;

/// The most limbs a number has: 8 × 64 = 512 bits.
const LIMBS: usize = 8;

/// An unsigned number below 2⁵¹², little-endian limbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uint([u64; LIMBS]);

impl Uint {
    pub const ZERO: Uint = Uint([0; LIMBS]);

    pub fn from_u64(value: u64) -> Self {
        let mut limbs = [0; LIMBS];
        limbs[0] = value;
        Uint(limbs)
    }

    /// A big-endian byte string of at most 64 bytes.
    pub fn from_be_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() > 8 * LIMBS {
            return None;
        }
        let mut limbs = [0u64; LIMBS];
        for (index, &byte) in bytes.iter().rev().enumerate() {
            let limb = limbs.get_mut(index / 8)?;
            *limb |= u64::from(byte) << (8 * (index % 8));
        }
        Some(Uint(limbs))
    }

    /// A little-endian byte string of at most 64 bytes.
    pub fn from_le_bytes(bytes: &[u8]) -> Option<Self> {
        let reversed: Vec<u8> = bytes.iter().rev().copied().collect();
        Self::from_be_bytes(&reversed)
    }

    /// Hexadecimal digits, at most 128.
    pub fn from_hex(text: &str) -> Option<Self> {
        if text.is_empty() || text.len() > 16 * LIMBS {
            return None;
        }
        let mut limbs = [0u64; LIMBS];
        for (index, digit) in text.chars().rev().enumerate() {
            let value = u64::from(digit.to_digit(16)?);
            let limb = limbs.get_mut(index / 16)?;
            *limb |= value << (4 * (index % 16));
        }
        Some(Uint(limbs))
    }

    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }

    /// Bit `index` (0 is the lowest); false past the top.
    pub fn bit(&self, index: usize) -> bool {
        self.0
            .get(index / 64)
            .is_some_and(|limb| (limb >> (index % 64)) & 1 == 1)
    }

    /// The number of significant bits.
    pub fn bits(&self) -> usize {
        for (index, &limb) in self.0.iter().enumerate().rev() {
            if limb != 0 {
                return 64 * index + (64 - limb.leading_zeros() as usize);
            }
        }
        0
    }

    /// The number of significant limbs.
    fn limbs(&self) -> usize {
        self.bits().div_ceil(64)
    }

    /// self + other and the carry out of 512 bits.
    fn overflowing_add(&self, other: &Uint) -> (Uint, bool) {
        let mut out = [0u64; LIMBS];
        let mut carry = false;
        for ((sum, &a), &b) in out.iter_mut().zip(&self.0).zip(&other.0) {
            let (partial, carry1) = a.overflowing_add(b);
            let (total, carry2) = partial.overflowing_add(u64::from(carry));
            *sum = total;
            carry = carry1 || carry2;
        }
        (Uint(out), carry)
    }

    /// self − other and whether it borrowed (other > self).
    pub fn overflowing_sub(&self, other: &Uint) -> (Uint, bool) {
        let mut out = [0u64; LIMBS];
        let mut borrow = false;
        for ((difference, &a), &b) in out.iter_mut().zip(&self.0).zip(&other.0) {
            let (partial, borrow1) = a.overflowing_sub(b);
            let (total, borrow2) = partial.overflowing_sub(u64::from(borrow));
            *difference = total;
            borrow = borrow1 || borrow2;
        }
        (Uint(out), borrow)
    }
}

impl Ord for Uint {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.iter().rev().cmp(other.0.iter().rev())
    }
}

impl PartialOrd for Uint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// An odd modulus m > 1 with what Montgomery multiplication needs: R = 2^(64·n) for
/// its n limbs, −m⁻¹ mod 2⁶⁴, R mod m and R² mod m. Values "in Montgomery form" are
/// a·R mod m; `mul` keeps them so.
#[derive(Debug, Clone)]
pub struct Modulus {
    m: Uint,
    n: usize,
    inverse: u64,
    r: Uint,
    r2: Uint,
}

impl Modulus {
    pub fn new(m: Uint) -> Option<Self> {
        if m.0[0] & 1 == 0 || m <= Uint::from_u64(1) {
            return None;
        }
        let n = m.limbs();
        // m⁻¹ mod 2⁶⁴ by Newton's iteration (each step doubles the correct bits).
        let m0 = m.0[0];
        let mut inverse: u64 = 1;
        for _ in 0..6 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(inverse)));
        }
        let mut modulus = Self {
            m,
            n,
            inverse: inverse.wrapping_neg(),
            r: Uint::ZERO,
            r2: Uint::ZERO,
        };
        // R mod m and R² mod m by doubling 1 (64·n and 128·n times).
        let mut value = Uint::from_u64(1);
        for _ in 0..64 * n {
            value = modulus.add(&value, &value);
        }
        modulus.r = value;
        for _ in 0..64 * n {
            value = modulus.add(&value, &value);
        }
        modulus.r2 = value;
        Some(modulus)
    }

    pub fn value(&self) -> &Uint {
        &self.m
    }

    /// a + b mod m, for a, b < m.
    pub fn add(&self, a: &Uint, b: &Uint) -> Uint {
        let (sum, carry) = a.overflowing_add(b);
        let (reduced, borrow) = sum.overflowing_sub(&self.m);
        if carry || !borrow {
            reduced
        } else {
            sum
        }
    }

    /// a − b mod m, for a, b < m.
    pub fn sub(&self, a: &Uint, b: &Uint) -> Uint {
        let (difference, borrow) = a.overflowing_sub(b);
        if borrow {
            difference.overflowing_add(&self.m).0
        } else {
            difference
        }
    }

    /// a·b·R⁻¹ mod m (CIOS Montgomery multiplication), for a < 2^(64·n) and b < m.
    pub fn mul(&self, a: &Uint, b: &Uint) -> Uint {
        let n = self.n;
        let m = &self.m.0;
        let mut t = [0u64; LIMBS + 2];
        for &b_i in b.0.iter().take(n) {
            let mut carry: u64 = 0;
            for (t_j, &a_j) in t.iter_mut().zip(&a.0).take(n) {
                (*t_j, carry) = mac(*t_j, a_j, b_i, carry);
            }
            let (sum, overflow) = t[n].overflowing_add(carry);
            t[n] = sum;
            t[n + 1] = u64::from(overflow);

            let factor = t[0].wrapping_mul(self.inverse);
            let (_, mut carry) = mac(t[0], factor, m[0], 0);
            for j in 1..n {
                (t[j - 1], carry) = mac(t[j], factor, m[j], carry);
            }
            let (sum, overflow) = t[n].overflowing_add(carry);
            t[n - 1] = sum;
            t[n] = t[n + 1] + u64::from(overflow);
        }
        let mut out = [0u64; LIMBS];
        out[..n].copy_from_slice(&t[..n]);
        let out = Uint(out);
        // t < 2m: one subtraction at most (t[n] is the bit above n limbs; then the
        // difference wrapped past 2⁵¹², not 2^(64·n): the limbs above n are cleared).
        let (mut reduced, borrow) = out.overflowing_sub(&self.m);
        if t[n] != 0 || !borrow {
            reduced.0[n..].fill(0);
            reduced
        } else {
            out
        }
    }

    /// a in Montgomery form, for any a < 2^(64·n) (it need not be below m).
    pub fn montgomery(&self, a: &Uint) -> Uint {
        self.mul(a, &self.r2)
    }

    /// a out of Montgomery form (a·R⁻¹ mod m).
    pub fn plain(&self, a: &Uint) -> Uint {
        self.mul(a, &Uint::from_u64(1))
    }

    /// 1 in Montgomery form.
    pub fn one(&self) -> Uint {
        self.r
    }

    /// a^e for a in Montgomery form (the result in Montgomery form).
    pub fn pow(&self, a: &Uint, e: &Uint) -> Uint {
        let mut result = self.r;
        for index in (0..e.bits()).rev() {
            result = self.mul(&result, &result);
            if e.bit(index) {
                result = self.mul(&result, a);
            }
        }
        result
    }

    /// a⁻¹ for a in Montgomery form, when m is prime (a^(m−2)); 0 stays 0.
    pub fn invert(&self, a: &Uint) -> Uint {
        let exponent = self.m.overflowing_sub(&Uint::from_u64(2)).0;
        self.pow(a, &exponent)
    }

    /// a mod m, for any a < 2^(64·n).
    pub fn reduce(&self, a: &Uint) -> Uint {
        self.plain(&self.montgomery(a))
    }
}

/// t + a·b + carry as (low, high) words. It never overflows 128 bits ((2⁶⁴−1)² +
/// 2·(2⁶⁴−1) = 2¹²⁸−1); the wrapping operations only spare the overflow checks of a
/// debug build, which made 128-bit products several times slower.
fn mac(t: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
    let wide = u128::from(a)
        .wrapping_mul(u128::from(b))
        .wrapping_add(u128::from(t))
        .wrapping_add(u128::from(carry));
    (wide as u64, (wide >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::PARAMSETS;

    /// a·b mod m by shifts and additions: slow, independent of Montgomery.
    fn slow_mul(modulus: &Modulus, a: &Uint, b: &Uint) -> Uint {
        let mut result = Uint::ZERO;
        for index in (0..b.bits()).rev() {
            result = modulus.add(&result, &result);
            if b.bit(index) {
                result = modulus.add(&result, a);
            }
        }
        result
    }

    fn numbers(seed: u64, modulus: &Modulus, count: usize) -> Vec<Uint> {
        let mut state = seed;
        let mut values = vec![
            Uint::ZERO,
            Uint::from_u64(1),
            modulus.value().overflowing_sub(&Uint::from_u64(1)).0,
        ];
        while values.len() < count {
            let mut limbs = [0u64; LIMBS];
            for limb in limbs.iter_mut().take(modulus.n) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *limb = state;
            }
            values.push(modulus.reduce(&Uint(limbs)));
        }
        values
    }

    #[test]
    fn montgomery_products_equal_schoolbook_ones_for_every_curve() {
        for (oid, params) in PARAMSETS {
            for hex in [params.p, params.q] {
                let modulus = Modulus::new(Uint::from_hex(hex).expect(oid)).expect(oid);
                let values = numbers(0x1234_5678 ^ hex.len() as u64, &modulus, 12);
                for a in &values {
                    assert!(a < modulus.value(), "{oid}");
                    for b in &values {
                        let fast = modulus
                            .plain(&modulus.mul(&modulus.montgomery(a), &modulus.montgomery(b)));
                        assert_eq!(fast, slow_mul(&modulus, a, b), "{oid}: {a:?}·{b:?}");
                    }
                }
                let three = modulus.montgomery(&Uint::from_u64(3));
                let product = modulus.mul(&three, &modulus.invert(&three));
                assert_eq!(product, modulus.one(), "{oid}: 3·3⁻¹");
            }
        }
    }

    #[test]
    fn reduces_values_above_the_modulus() {
        let modulus = Modulus::new(Uint::from_u64(1_000_003)).expect("odd");
        let big = Uint::from_u64(u64::MAX);
        assert_eq!(modulus.reduce(&big), Uint::from_u64(u64::MAX % 1_000_003));
        assert!(Modulus::new(Uint::from_u64(10)).is_none());
        assert!(Modulus::new(Uint::from_u64(1)).is_none());
    }

    #[test]
    fn reads_bytes_and_hex() {
        let be = Uint::from_be_bytes(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09])
            .expect("9 bytes");
        assert_eq!(be.0[0], 0x0203_0405_0607_0809);
        assert_eq!(be.0[1], 0x01);
        assert_eq!(
            Uint::from_le_bytes(&[0x09, 0x08]),
            Some(Uint::from_u64(0x0809))
        );
        assert_eq!(Uint::from_hex("1fF"), Some(Uint::from_u64(0x1FF)));
        assert_eq!(be.bits(), 65);
        assert!(Uint::from_be_bytes(&[0; 65]).is_none());
        assert!(Uint::from_hex("xyz").is_none());
        assert!(Uint::from_hex("").is_none());
    }
}
