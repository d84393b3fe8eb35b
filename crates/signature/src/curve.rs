//! The arithmetic of a GOST R 34.10-2012 curve and the signature check itself.
//!
//! Verification handles only public data, so plain big integers in Jacobian coordinates
//! serve (no constant-time concern); one inversion at the end.

use num_bigint::BigUint;
use num_traits::{One, Zero};

use crate::params::CurveParams;

/// A point in affine coordinates (never the point at infinity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub x: BigUint,
    pub y: BigUint,
}

/// A point in Jacobian coordinates (X/Z², Y/Z³); Z = 0 is the point at infinity.
#[derive(Debug, Clone)]
struct Jacobian {
    x: BigUint,
    y: BigUint,
    z: BigUint,
}

impl Jacobian {
    fn infinity() -> Self {
        Self {
            x: BigUint::one(),
            y: BigUint::one(),
            z: BigUint::zero(),
        }
    }

    fn from_affine(point: &Point) -> Self {
        Self {
            x: point.x.clone(),
            y: point.y.clone(),
            z: BigUint::one(),
        }
    }

    fn is_infinity(&self) -> bool {
        self.z.is_zero()
    }
}

/// A curve y² = x³ + ax + b over GF(p) with a base point of prime order q.
#[derive(Debug, Clone)]
pub struct Curve {
    p: BigUint,
    a: BigUint,
    b: BigUint,
    q: BigUint,
    base: Point,
}

fn hex(text: &str) -> Option<BigUint> {
    BigUint::parse_bytes(text.as_bytes(), 16)
}

impl Curve {
    /// The curve of a parameter set (`None` only if its numbers did not parse).
    pub fn new(params: &CurveParams) -> Option<Self> {
        Some(Self {
            p: hex(params.p)?,
            a: hex(params.a)?,
            b: hex(params.b)?,
            q: hex(params.q)?,
            base: Point {
                x: hex(params.x)?,
                y: hex(params.y)?,
            },
        })
    }

    /// The point (x, y) if both coordinates are below p and it lies on the curve.
    pub fn point(&self, x: BigUint, y: BigUint) -> Option<Point> {
        if x >= self.p || y >= self.p {
            return None;
        }
        let left = self.mul(&y, &y);
        let x3 = self.mul(&self.mul(&x, &x), &x);
        let right = self.add(&self.add(&x3, &self.mul(&self.a, &x)), &self.b);
        (left == right).then_some(Point { x, y })
    }

    /// GOST R 34.10-2012 verification: `digest` is the Streebog hash as the bytes it
    /// produced, read as a little-endian number (the convention of GOST implementations);
    /// `r` and `s` are the signature's halves.
    pub fn verify(&self, public: &Point, digest: &[u8], r: &BigUint, s: &BigUint) -> bool {
        let q = &self.q;
        if r.is_zero() || s.is_zero() || r >= q || s >= q {
            return false;
        }
        let mut e = BigUint::from_bytes_le(digest) % q;
        if e.is_zero() {
            e = BigUint::one();
        }
        // q is prime: e⁻¹ = e^(q−2) mod q.
        let v = e.modpow(&(q - 2u32), q);
        let z1 = (s * &v) % q;
        let z2 = ((q - r) * &v) % q;
        let c = self.twofold(&z1, &self.base, &z2, public);
        match self.to_affine(&c) {
            Some(point) => &point.x % q == *r,
            None => false,
        }
    }

    /// k1·P1 + k2·P2 by one pass over the bits (Shamir's trick).
    fn twofold(&self, k1: &BigUint, p1: &Point, k2: &BigUint, p2: &Point) -> Jacobian {
        let j1 = Jacobian::from_affine(p1);
        let j2 = Jacobian::from_affine(p2);
        let both = self.sum(&j1, &j2);
        let mut acc = Jacobian::infinity();
        let bits = k1.bits().max(k2.bits());
        for i in (0..bits).rev() {
            acc = self.double(&acc);
            acc = match (k1.bit(i), k2.bit(i)) {
                (true, true) => self.sum(&acc, &both),
                (true, false) => self.sum(&acc, &j1),
                (false, true) => self.sum(&acc, &j2),
                (false, false) => acc,
            };
        }
        acc
    }

    fn to_affine(&self, point: &Jacobian) -> Option<Point> {
        if point.is_infinity() {
            return None;
        }
        let z_inv = point.z.modpow(&(&self.p - 2u32), &self.p);
        let z_inv2 = self.mul(&z_inv, &z_inv);
        let z_inv3 = self.mul(&z_inv2, &z_inv);
        Some(Point {
            x: self.mul(&point.x, &z_inv2),
            y: self.mul(&point.y, &z_inv3),
        })
    }

    fn double(&self, point: &Jacobian) -> Jacobian {
        if point.is_infinity() || point.y.is_zero() {
            return Jacobian::infinity();
        }
        let yy = self.mul(&point.y, &point.y);
        let zz = self.mul(&point.z, &point.z);
        let s = self.mul(&BigUint::from(4u32), &self.mul(&point.x, &yy));
        let xx = self.mul(&point.x, &point.x);
        let m = self.add(
            &self.mul(&BigUint::from(3u32), &xx),
            &self.mul(&self.a, &self.mul(&zz, &zz)),
        );
        let x3 = self.sub(&self.mul(&m, &m), &self.add(&s, &s));
        let yyyy8 = self.mul(&BigUint::from(8u32), &self.mul(&yy, &yy));
        let y3 = self.sub(&self.mul(&m, &self.sub(&s, &x3)), &yyyy8);
        let yz = self.mul(&point.y, &point.z);
        let z3 = self.add(&yz, &yz);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    fn sum(&self, p1: &Jacobian, p2: &Jacobian) -> Jacobian {
        if p1.is_infinity() {
            return p2.clone();
        }
        if p2.is_infinity() {
            return p1.clone();
        }
        let z1z1 = self.mul(&p1.z, &p1.z);
        let z2z2 = self.mul(&p2.z, &p2.z);
        let u1 = self.mul(&p1.x, &z2z2);
        let u2 = self.mul(&p2.x, &z1z1);
        let s1 = self.mul(&p1.y, &self.mul(&p2.z, &z2z2));
        let s2 = self.mul(&p2.y, &self.mul(&p1.z, &z1z1));
        if u1 == u2 {
            return if s1 == s2 {
                self.double(p1)
            } else {
                Jacobian::infinity()
            };
        }
        let h = self.sub(&u2, &u1);
        let r = self.sub(&s2, &s1);
        let hh = self.mul(&h, &h);
        let hhh = self.mul(&h, &hh);
        let v = self.mul(&u1, &hh);
        let x3 = self.sub(&self.sub(&self.mul(&r, &r), &hhh), &self.add(&v, &v));
        let y3 = self.sub(&self.mul(&r, &self.sub(&v, &x3)), &self.mul(&s1, &hhh));
        let z3 = self.mul(&self.mul(&p1.z, &p2.z), &h);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    fn add(&self, a: &BigUint, b: &BigUint) -> BigUint {
        (a + b) % &self.p
    }

    fn sub(&self, a: &BigUint, b: &BigUint) -> BigUint {
        ((a + &self.p) - (b % &self.p)) % &self.p
    }

    fn mul(&self, a: &BigUint, b: &BigUint) -> BigUint {
        (a * b) % &self.p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::PARAMSETS;

    #[test]
    fn every_base_point_lies_on_its_curve_and_has_order_q() {
        for (oid, params) in PARAMSETS {
            let curve = Curve::new(params).expect(oid);
            let base = curve.base.clone();
            assert!(
                curve.point(base.x.clone(), base.y.clone()).is_some(),
                "{oid}: base point is not on the curve"
            );
            assert_eq!(curve.p.bits(), (params.size.bytes() * 8) as u64, "{oid}");
            // q·G = ∞ while (q−1)·G = −G.
            let order = curve.twofold(&curve.q, &base, &BigUint::zero(), &base);
            assert!(order.is_infinity(), "{oid}: q·G is not infinity");
            let minus = curve.twofold(&(&curve.q - 1u32), &base, &BigUint::zero(), &base);
            let minus = curve.to_affine(&minus).expect(oid);
            assert_eq!(minus.x, base.x, "{oid}");
            assert_eq!(minus.y, &curve.p - &base.y, "{oid}");
        }
    }

    #[test]
    fn a_signature_made_here_verifies_and_a_changed_one_does_not() {
        // Sign with a known key by the standard's formulas, then verify.
        let curve = Curve::new(PARAMSETS[0].1).expect("ok");
        let q = curve.q.clone();
        let d = BigUint::from(0x1234_5678_9ABC_DEF0u64);
        let base = curve.base.clone();
        let public = curve
            .to_affine(&curve.twofold(&d, &base, &BigUint::zero(), &base))
            .expect("ok");
        let digest = [0x5Au8; 32];
        let e = BigUint::from_bytes_le(&digest) % &q;
        let k = BigUint::from(0xCAFE_F00Du64);
        let c = curve
            .to_affine(&curve.twofold(&k, &base, &BigUint::zero(), &base))
            .expect("ok");
        let r = &c.x % &q;
        let s = (&r * &d + &k * &e) % &q;
        assert!(curve.verify(&public, &digest, &r, &s));
        assert!(!curve.verify(&public, &[0x5B; 32], &r, &s));
        assert!(!curve.verify(&public, &digest, &r, &(&s + 1u32)));
        assert!(!curve.verify(&public, &digest, &BigUint::zero(), &s));
        assert!(!curve.verify(&public, &digest, &r, &q));
    }

    #[test]
    fn refuses_points_off_the_curve() {
        let curve = Curve::new(PARAMSETS[0].1).expect("ok");
        let base = curve.base.clone();
        assert!(curve.point(base.x.clone(), &base.y + 1u32).is_none());
        assert!(curve.point(curve.p.clone(), base.y).is_none());
    }
}
