//! The arithmetic of a GOST R 34.10-2012 curve and the signature check itself:
//! Jacobian coordinates over GF(p) in Montgomery form, one inversion at the end.

use crate::field::{Modulus, Uint};
use crate::params::CurveParams;

/// A point of the curve (never the point at infinity), coordinates in Montgomery form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    x: Uint,
    y: Uint,
}

/// A point in Jacobian coordinates (X/Z², Y/Z³); Z = 0 is the point at infinity.
#[derive(Debug, Clone)]
struct Jacobian {
    x: Uint,
    y: Uint,
    z: Uint,
}

impl Jacobian {
    fn is_infinity(&self) -> bool {
        self.z.is_zero()
    }
}

/// A curve y² = x³ + ax + b over GF(p) with a base point of prime order q.
#[derive(Debug, Clone)]
pub struct Curve {
    p: Modulus,
    q: Modulus,
    /// a and b in Montgomery form.
    a: Uint,
    b: Uint,
    base: Point,
}

impl Curve {
    /// The curve of a parameter set (`None` only if its numbers did not parse).
    pub fn new(params: &CurveParams) -> Option<Self> {
        let p = Modulus::new(Uint::from_hex(params.p)?)?;
        let q = Modulus::new(Uint::from_hex(params.q)?)?;
        let a = p.montgomery(&Uint::from_hex(params.a)?);
        let b = p.montgomery(&Uint::from_hex(params.b)?);
        let mut curve = Self {
            p,
            q,
            a,
            b,
            base: Point {
                x: Uint::ZERO,
                y: Uint::ZERO,
            },
        };
        curve.base = curve.point(&Uint::from_hex(params.x)?, &Uint::from_hex(params.y)?)?;
        Some(curve)
    }

    /// The point (x, y) if both coordinates are below p and it lies on the curve.
    pub fn point(&self, x: &Uint, y: &Uint) -> Option<Point> {
        let p = &self.p;
        if x >= p.value() || y >= p.value() {
            return None;
        }
        let (x, y) = (p.montgomery(x), p.montgomery(y));
        let left = p.mul(&y, &y);
        let x3 = p.mul(&p.mul(&x, &x), &x);
        let right = p.add(&p.add(&x3, &p.mul(&self.a, &x)), &self.b);
        (left == right).then_some(Point { x, y })
    }

    /// GOST R 34.10-2012 verification: `digest` is the Streebog hash as the bytes it
    /// produced, read as a little-endian number (the convention of GOST implementations);
    /// `r` and `s` are the signature's halves.
    pub fn verify(&self, public: &Point, digest: &[u8], r: &Uint, s: &Uint) -> bool {
        let q = &self.q;
        if r.is_zero() || s.is_zero() || r >= q.value() || s >= q.value() {
            return false;
        }
        // The digest has the key's size: no more bytes than the modulus' limbs hold.
        if digest.len() > 8 * q.value().bits().div_ceil(64) {
            return false;
        }
        let Some(e) = Uint::from_le_bytes(digest) else {
            return false;
        };
        let mut e = q.reduce(&e);
        if e.is_zero() {
            e = Uint::from_u64(1);
        }
        // v = e⁻¹, z1 = s·v, z2 = −r·v (mod q).
        let v = q.invert(&q.montgomery(&e));
        let z1 = q.plain(&q.mul(&q.montgomery(s), &v));
        let minus_r = q.sub(&Uint::ZERO, r);
        let z2 = q.plain(&q.mul(&q.montgomery(&minus_r), &v));
        let c = self.twofold(&z1, &self.base, &z2, public);
        match self.to_affine(&c) {
            Some((x, _)) => q.reduce(&x) == *r,
            None => false,
        }
    }

    /// k1·P1 + k2·P2 by one pass over the bits (Shamir's trick).
    fn twofold(&self, k1: &Uint, p1: &Point, k2: &Uint, p2: &Point) -> Jacobian {
        let j1 = self.jacobian(p1);
        let j2 = self.jacobian(p2);
        let both = self.sum(&j1, &j2);
        let mut acc = self.infinity();
        for index in (0..k1.bits().max(k2.bits())).rev() {
            acc = self.double(&acc);
            acc = match (k1.bit(index), k2.bit(index)) {
                (true, true) => self.sum(&acc, &both),
                (true, false) => self.sum(&acc, &j1),
                (false, true) => self.sum(&acc, &j2),
                (false, false) => acc,
            };
        }
        acc
    }

    fn infinity(&self) -> Jacobian {
        Jacobian {
            x: self.p.one(),
            y: self.p.one(),
            z: Uint::ZERO,
        }
    }

    fn jacobian(&self, point: &Point) -> Jacobian {
        Jacobian {
            x: point.x,
            y: point.y,
            z: self.p.one(),
        }
    }

    /// The affine coordinates, out of Montgomery form; `None` for infinity.
    fn to_affine(&self, point: &Jacobian) -> Option<(Uint, Uint)> {
        if point.is_infinity() {
            return None;
        }
        let p = &self.p;
        let z_inv = p.invert(&point.z);
        let z_inv2 = p.mul(&z_inv, &z_inv);
        let z_inv3 = p.mul(&z_inv2, &z_inv);
        let x = p.plain(&p.mul(&point.x, &z_inv2));
        let y = p.plain(&p.mul(&point.y, &z_inv3));
        Some((x, y))
    }

    /// 2P (dbl-2007-bl, any a).
    fn double(&self, point: &Jacobian) -> Jacobian {
        if point.is_infinity() || point.y.is_zero() {
            return self.infinity();
        }
        let p = &self.p;
        let twice = |v: &Uint| p.add(v, v);
        let xx = p.mul(&point.x, &point.x);
        let yy = p.mul(&point.y, &point.y);
        let yyyy = p.mul(&yy, &yy);
        let zz = p.mul(&point.z, &point.z);
        // S = 4·X·Y², M = 3·X² + a·Z⁴
        let s = twice(&twice(&p.mul(&point.x, &yy)));
        let m = p.add(&p.add(&twice(&xx), &xx), &p.mul(&self.a, &p.mul(&zz, &zz)));
        let x3 = p.sub(&p.mul(&m, &m), &twice(&s));
        let y3 = p.sub(&p.mul(&m, &p.sub(&s, &x3)), &twice(&twice(&twice(&yyyy))));
        let z3 = twice(&p.mul(&point.y, &point.z));
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    /// P1 + P2 (add-2007-bl without the doubling shortcut's squares).
    fn sum(&self, p1: &Jacobian, p2: &Jacobian) -> Jacobian {
        if p1.is_infinity() {
            return p2.clone();
        }
        if p2.is_infinity() {
            return p1.clone();
        }
        let p = &self.p;
        let z1z1 = p.mul(&p1.z, &p1.z);
        let z2z2 = p.mul(&p2.z, &p2.z);
        let u1 = p.mul(&p1.x, &z2z2);
        let u2 = p.mul(&p2.x, &z1z1);
        let s1 = p.mul(&p1.y, &p.mul(&p2.z, &z2z2));
        let s2 = p.mul(&p2.y, &p.mul(&p1.z, &z1z1));
        if u1 == u2 {
            return if s1 == s2 {
                self.double(p1)
            } else {
                self.infinity()
            };
        }
        let h = p.sub(&u2, &u1);
        let r = p.sub(&s2, &s1);
        let hh = p.mul(&h, &h);
        let hhh = p.mul(&h, &hh);
        let v = p.mul(&u1, &hh);
        let x3 = p.sub(&p.sub(&p.mul(&r, &r), &hhh), &p.add(&v, &v));
        let y3 = p.sub(&p.mul(&r, &p.sub(&v, &x3)), &p.mul(&s1, &hhh));
        let z3 = p.mul(&p.mul(&p1.z, &p2.z), &h);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::PARAMSETS;

    fn times(curve: &Curve, k: &Uint, point: &Point) -> Jacobian {
        curve.twofold(k, point, &Uint::ZERO, point)
    }

    #[test]
    fn every_base_point_lies_on_its_curve_and_has_order_q() {
        for (oid, params) in PARAMSETS {
            let curve = Curve::new(params).expect(oid);
            let base = curve.base.clone();
            assert_eq!(curve.p.value().bits(), params.size.bytes() * 8, "{oid}");
            // q·G = ∞ while (q−1)·G = −G = (x, p − y).
            let q = *curve.q.value();
            assert!(times(&curve, &q, &base).is_infinity(), "{oid}: q·G");
            let q_minus_1 = q.overflowing_sub(&Uint::from_u64(1)).0;
            let (x, y) = curve
                .to_affine(&times(&curve, &q_minus_1, &base))
                .expect(oid);
            let (base_x, base_y) = curve.to_affine(&curve.jacobian(&base)).expect(oid);
            assert_eq!(x, base_x, "{oid}");
            assert_eq!(y, curve.p.value().overflowing_sub(&base_y).0, "{oid}");
        }
    }

    #[test]
    fn a_signature_made_here_verifies_and_a_changed_one_does_not() {
        // Sign by the standard's formulas with a known key and nonce, then verify.
        for (oid, params) in PARAMSETS {
            let curve = Curve::new(params).expect(oid);
            let q = &curve.q;
            let base = curve.base.clone();
            let width = params.size.bytes();
            let d = Uint::from_u64(0x1234_5678_9ABC_DEF0);
            let (x, y) = curve.to_affine(&times(&curve, &d, &base)).expect(oid);
            let public = curve.point(&x, &y).expect(oid);
            let digest = vec![0x5Au8; width];
            let e = q.reduce(&Uint::from_le_bytes(&digest).expect(oid));
            let k = Uint::from_u64(0xCAFE_F00D);
            let (cx, _) = curve.to_affine(&times(&curve, &k, &base)).expect(oid);
            let r = q.reduce(&cx);
            let mont = |v: &Uint| q.montgomery(v);
            let s = q.plain(&q.add(&q.mul(&mont(&r), &mont(&d)), &q.mul(&mont(&k), &mont(&e))));
            assert!(curve.verify(&public, &digest, &r, &s), "{oid}");
            assert!(!curve.verify(&public, &vec![0x5B; width], &r, &s), "{oid}");
            let s1 = q.add(&s, &Uint::from_u64(1));
            assert!(!curve.verify(&public, &digest, &r, &s1), "{oid}");
            assert!(!curve.verify(&public, &digest, &s, &r), "{oid}");
            assert!(!curve.verify(&public, &digest, &Uint::ZERO, &s), "{oid}");
            assert!(!curve.verify(&public, &digest, &r, q.value()), "{oid}");
            assert!(!curve.verify(&public, &digest[1..], &r, &s), "{oid}");
        }
    }

    #[test]
    fn refuses_points_off_the_curve() {
        let curve = Curve::new(PARAMSETS[0].1).expect("A");
        let (x, y) = curve.to_affine(&curve.jacobian(&curve.base)).expect("G");
        assert!(curve.point(&x, &y).is_some());
        assert!(curve
            .point(&x, &y.overflowing_sub(&Uint::from_u64(1)).0)
            .is_none());
        assert!(curve.point(curve.p.value(), &y).is_none());
    }
}
