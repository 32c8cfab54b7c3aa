//! Variable-time modular exponentiation for RSA public-key operations.
//!
//! Verifying a signature only ever handles public values (the modulus, the public exponent
//! and the signature), so the constant-time arithmetic of the `rsa` crate, which must also
//! serve private keys, buys nothing here and costs twice the time (issue #6: RSA was 45% of
//! a receipt's time). This is textbook Montgomery arithmetic (separated operand scanning,
//! HAC 14.32, with a dedicated squaring), on 64-bit limbs, in safe Rust. Its results are
//! checked against num-bigint on random inputs in the tests below, and every sample of the
//! suite verifies through it.
#![deny(clippy::indexing_slicing)]

/// An odd RSA modulus with its Montgomery constants, computed once per key.
#[derive(Debug, Clone)]
pub struct Modulus {
    /// Little-endian 64-bit limbs, the top limb non-zero.
    n: Vec<u64>,
    /// −n⁻¹ mod 2⁶⁴.
    n0_inv: u64,
    /// R² mod n, with R = 2^(64·limbs): converts into Montgomery form with one product.
    r2: Vec<u64>,
    /// The modulus length in bytes (RFC 8017's k).
    len_bytes: usize,
}

/// Limbs (little-endian) of a big-endian byte string, zero-padded to `limbs`.
fn limbs_from_be(bytes: &[u8], limbs: usize) -> Vec<u64> {
    let mut out = vec![0u64; limbs];
    for (limb, chunk) in out.iter_mut().zip(bytes.rchunks(8)) {
        *limb = chunk.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    }
    out
}

/// Whether a ≥ b (same length, little-endian).
fn ge(a: &[u64], b: &[u64]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x > y;
        }
    }
    true
}

/// a −= b (same length), returning the borrow.
fn sub_assign(a: &mut [u64], b: &[u64]) -> bool {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        *x = d2;
        borrow = b1 || b2;
    }
    borrow
}

/// t + a·b + carry as (low, high).
#[inline(always)]
fn mac(t: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
    let v = u128::from(t) + u128::from(a) * u128::from(b) + u128::from(carry);
    (v as u64, (v >> 64) as u64)
}

impl Modulus {
    /// The constants for a big-endian modulus; `None` when it is even or zero (not RSA).
    pub fn new(modulus_be: &[u8]) -> Option<Modulus> {
        let first = modulus_be.iter().position(|&b| b != 0)?;
        let modulus_be = modulus_be.get(first..)?;
        let len_bytes = modulus_be.len();
        let limbs = len_bytes.div_ceil(8);
        let n = limbs_from_be(modulus_be, limbs);
        let n0 = *n.first()?;
        if n0 & 1 == 0 {
            return None;
        }
        // Newton's iteration doubles the correct low bits each step: 1 → 64 in 6 steps.
        let mut inv = 1u64;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
        }
        let mut m = Modulus { n, n0_inv: inv.wrapping_neg(), r2: Vec::new(), len_bytes };
        m.r2 = m.r_squared();
        Some(m)
    }

    /// R² mod n by doubling 1 modulo n, 2·64·limbs times (once per key).
    fn r_squared(&self) -> Vec<u64> {
        let limbs = self.n.len();
        let mut x = vec![0u64; limbs];
        if let Some(first) = x.first_mut() {
            *first = 1;
        }
        for _ in 0..2 * 64 * limbs {
            let mut carry = 0u64;
            for limb in x.iter_mut() {
                let next = *limb >> 63;
                *limb = (*limb << 1) | carry;
                carry = next;
            }
            if carry != 0 || ge(&x, &self.n) {
                sub_assign(&mut x, &self.n);
            }
        }
        x
    }

    /// The modulus length in bytes.
    pub fn len_bytes(&self) -> usize {
        self.len_bytes
    }

    /// Montgomery reduction of the double-length `t` into `out`: t·R⁻¹ mod n.
    fn reduce(&self, t: &mut [u64], out: &mut [u64]) {
        let n = &self.n;
        let k = n.len();
        let mut extra = 0u64;
        for i in 0..k {
            let Some(&ti) = t.get(i) else { return };
            let m = ti.wrapping_mul(self.n0_inv);
            let mut carry = 0u64;
            for (tj, &nj) in t.iter_mut().skip(i).zip(n) {
                (*tj, carry) = mac(*tj, m, nj, carry);
            }
            if let Some(top) = t.get_mut(i + k) {
                let v = u128::from(*top) + u128::from(carry) + u128::from(extra);
                *top = v as u64;
                extra = (v >> 64) as u64;
            }
        }
        for (o, &v) in out.iter_mut().zip(t.iter().skip(k)) {
            *o = v;
        }
        if extra != 0 || ge(out, n) {
            sub_assign(out, n);
        }
    }

    /// out = a·b·R⁻¹ mod n. `t` is scratch of 2·limbs.
    fn mul(&self, a: &[u64], b: &[u64], t: &mut [u64], out: &mut [u64]) {
        let k = self.n.len();
        t.fill(0);
        for (i, &bi) in b.iter().enumerate() {
            let mut carry = 0u64;
            for (tj, &aj) in t.iter_mut().skip(i).zip(a) {
                (*tj, carry) = mac(*tj, aj, bi, carry);
            }
            if let Some(top) = t.get_mut(i + k) {
                *top = carry;
            }
        }
        self.reduce(t, out);
    }

    /// out = a²·R⁻¹ mod n: each cross product once, doubled, plus the squares.
    fn square(&self, a: &[u64], t: &mut [u64], out: &mut [u64]) {
        let k = self.n.len();
        t.fill(0);
        for (i, &ai) in a.iter().enumerate() {
            let mut carry = 0u64;
            for (tj, &aj) in t.iter_mut().skip(2 * i + 1).zip(a.iter().skip(i + 1)) {
                (*tj, carry) = mac(*tj, aj, ai, carry);
            }
            if let Some(top) = t.get_mut(i + k) {
                *top = carry;
            }
        }
        let mut carry = 0u64;
        for limb in t.iter_mut() {
            let next = *limb >> 63;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
        let mut carry = 0u64;
        for (pair, &ai) in t.chunks_exact_mut(2).zip(a) {
            if let [lo, hi] = pair {
                let sq = u128::from(ai) * u128::from(ai);
                let v = u128::from(*lo) + (sq & u128::from(u64::MAX)) + u128::from(carry);
                *lo = v as u64;
                let v = u128::from(*hi) + (sq >> 64) + (v >> 64);
                *hi = v as u64;
                carry = (v >> 64) as u64;
            }
        }
        self.reduce(t, out);
    }

    /// baseᵉ mod n as a big-endian string of [`Modulus::len_bytes`] bytes; `None` when the
    /// base is not below n or the exponent is zero (callers must reject such signatures).
    pub fn pow(&self, base_be: &[u8], exponent_be: &[u8]) -> Option<Vec<u8>> {
        let k = self.n.len();
        if base_be.len() > k * 8 {
            return None;
        }
        let base = limbs_from_be(base_be, k);
        if ge(&base, &self.n) {
            return None;
        }
        let first = exponent_be.iter().position(|&b| b != 0)?;
        let exponent = exponent_be.get(first..)?;
        let mut t = vec![0u64; 2 * k];
        let mut base_m = vec![0u64; k];
        self.mul(&base, &self.r2, &mut t, &mut base_m);
        let mut acc = base_m.clone();
        let mut tmp = vec![0u64; k];
        let top_bit = exponent.first().map_or(0, |b| 7 - b.leading_zeros() as usize);
        for (i, &byte) in exponent.iter().enumerate() {
            let start = if i == 0 { top_bit } else { 8 };
            for bit in (0..start).rev() {
                self.square(&acc, &mut t, &mut tmp);
                std::mem::swap(&mut acc, &mut tmp);
                if (byte >> bit) & 1 == 1 {
                    self.mul(&acc, &base_m, &mut t, &mut tmp);
                    std::mem::swap(&mut acc, &mut tmp);
                }
            }
        }
        let mut one = vec![0u64; k];
        if let Some(first) = one.first_mut() {
            *first = 1;
        }
        self.mul(&acc, &one, &mut t, &mut tmp);
        let mut out = Vec::with_capacity(k * 8);
        for limb in tmp.iter().rev() {
            out.extend_from_slice(&limb.to_be_bytes());
        }
        let skip = out.len() - self.len_bytes;
        Some(out.split_off(skip))
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;
    use num_bigint::BigUint;
    use proptest::prelude::*;

    /// An independent reference: num-bigint's modpow, padded to the modulus length.
    fn reference(n: &[u8], base: &[u8], e: &[u8]) -> Vec<u8> {
        let r = BigUint::from_bytes_be(base)
            .modpow(&BigUint::from_bytes_be(e), &BigUint::from_bytes_be(n))
            .to_bytes_be();
        let r: Vec<u8> = r.into_iter().skip_while(|&b| b == 0).collect();
        let mut out = vec![0u8; n.len() - r.len()];
        out.extend(r);
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn matches_num_bigint(
            mut n in proptest::collection::vec(any::<u8>(), 1..300),
            base in proptest::collection::vec(any::<u8>(), 1..300),
            e in prop_oneof![Just(vec![1u8, 0, 1]), Just(vec![3u8]), proptest::collection::vec(any::<u8>(), 1..4)],
        ) {
            n[0] |= 0x80;
            let last = n.len() - 1;
            n[last] |= 1;
            prop_assume!(e.iter().any(|&b| b != 0));
            let m = Modulus::new(&n).unwrap();
            let base: Vec<u8> = base.into_iter().take(n.len()).collect();
            let below = BigUint::from_bytes_be(&base) < BigUint::from_bytes_be(&n);
            match m.pow(&base, &e) {
                Some(got) => {
                    prop_assert!(below);
                    prop_assert_eq!(got, reference(&n, &base, &e));
                }
                None => prop_assert!(!below),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// RSA-1024/2048/3072/4096 moduli, which random lengths seldom hit.
        #[test]
        fn usual_key_sizes_match_too(
            size in prop_oneof![Just(128usize), Just(256), Just(384), Just(512)],
            seed in proptest::collection::vec(any::<u8>(), 512),
            e in prop_oneof![Just(vec![1u8, 0, 1]), Just(vec![3u8])],
        ) {
            let mut n: Vec<u8> = seed.iter().take(size).copied().collect();
            n[0] |= 0x80;
            n[size - 1] |= 1;
            let mut base: Vec<u8> = seed.iter().rev().take(size).copied().collect();
            base[0] &= 0x7F;
            let m = Modulus::new(&n).unwrap();
            prop_assert_eq!(m.len_bytes(), size);
            prop_assert_eq!(m.pow(&base, &e).unwrap(), reference(&n, &base, &e));
        }
    }

    #[test]
    fn rejects_even_moduli_and_bases_not_below_n() {
        assert!(Modulus::new(&[0x80, 0x02]).is_none());
        assert!(Modulus::new(&[0, 0]).is_none());
        let m = Modulus::new(&[0xC3, 0x51]).unwrap();
        assert!(m.pow(&[0xC3, 0x51], &[3]).is_none());
        assert!(m.pow(&[0xFF, 0xFF], &[3]).is_none());
        assert!(m.pow(&[1, 0, 0], &[3]).is_none());
        assert_eq!(m.pow(&[2], &[3]), Some(vec![0, 8]));
        assert!(m.pow(&[2], &[0]).is_none());
    }
}
