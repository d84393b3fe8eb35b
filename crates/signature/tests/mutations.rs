//! Damaged signatures never make the verifier panic: every truncation, a bit flipped in
//! every byte, and seeded random damage, of real 256- and 512-bit signatures. What the
//! signature covers (the signed attributes' digest of the content, the signature value)
//! is never accepted damaged.

mod fixtures;

use partnerbook_signature::verify_detached;

use fixtures::{document, Bits, Dn, Identity};

struct Case {
    content: Vec<u8>,
    der: Vec<u8>,
    pem: Vec<u8>,
    width: usize,
    /// Where the messageDigest value lies in the DER.
    digest_at: std::ops::Range<usize>,
}

/// A signature on TC26-256-A or TC26-512-C (the twisted Edwards curves, cofactor 4).
fn case(dir: &std::path::Path, bits: Bits) -> Case {
    let paramset = match bits {
        Bits::B256 => "TCA",
        Bits::B512 => "C",
    };
    let identity = Identity::self_signed(dir, paramset, bits, paramset, &Dn::director());
    let content = document();
    let der = identity.sign(&content, &[]);
    let pem = identity.sign(&content, &["-outform", "PEM"]);
    let width = bits.width();
    // messageDigest: its OID, then SET { OCTET STRING }, both with short lengths.
    let marker = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04];
    let at = der
        .windows(marker.len())
        .position(|w| w == marker)
        .expect("messageDigest attribute");
    let start = at + marker.len() + 4;
    Case {
        content,
        der,
        pem,
        width,
        digest_at: start..start + width,
    }
}

#[test]
fn every_truncation_is_refused_without_panic() {
    let dir = tempfile::tempdir().expect("dir");
    for bits in [Bits::B256, Bits::B512] {
        let case = case(dir.path(), bits);
        assert!(verify_detached(&case.content, &case.der).is_ok());
        for len in 0..case.der.len() {
            let result = verify_detached(&case.content, &case.der[..len]);
            assert!(
                result.is_err(),
                "{bits:?}: accepted {len} of {} bytes",
                case.der.len()
            );
        }
        let body_end = case
            .pem
            .windows(8)
            .position(|w| w == b"-----END")
            .expect("PEM end");
        let last_data = case.pem[..body_end]
            .iter()
            .rposition(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
            .expect("Base64 data");
        for len in 0..case.pem.len() {
            let result = verify_detached(&case.content, &case.pem[..len]);
            // Only cuts after the last data character leave the Base64 whole (the
            // padding may go: it carries nothing).
            assert!(
                result.is_err() || len > last_data,
                "{bits:?}: accepted PEM cut at {len}"
            );
        }
    }
}

#[test]
fn a_bit_flipped_anywhere_never_panics_and_never_passes_where_it_is_signed() {
    let dir = tempfile::tempdir().expect("dir");
    for bits in [Bits::B256, Bits::B512] {
        let case = case(dir.path(), bits);
        let signature_at = case.der.len() - 2 * case.width..case.der.len();
        assert_eq!(case.der[case.digest_at.start - 2], 0x04);
        let mut accepted = 0;
        for at in 0..case.der.len() {
            let mut flipped = case.der.clone();
            flipped[at] ^= 1 << (at % 8);
            match verify_detached(&case.content, &flipped) {
                Ok(_) => {
                    accepted += 1;
                    assert!(
                        !signature_at.contains(&at) && !case.digest_at.contains(&at),
                        "{bits:?}: accepted a flip at {at}, inside what is signed"
                    );
                }
                Err(error) => assert!(!error.code().is_empty()),
            }
        }
        // Flips in the certificate's own signature, say, are not checked (no chain):
        // some are accepted, but far from all.
        assert!(
            accepted < case.der.len() / 2,
            "{bits:?}: {accepted} flips accepted"
        );
    }
}

#[test]
fn seeded_random_damage_never_panics() {
    let dir = tempfile::tempdir().expect("dir");
    let case = case(dir.path(), Bits::B256);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for round in 0..400 {
        let mut damaged = if round % 2 == 0 {
            case.der.clone()
        } else {
            case.pem.clone()
        };
        let edits = 1 + next() % 6;
        for _ in 0..edits {
            let len = damaged.len().max(1) as u64;
            let at = (next() % len) as usize;
            match next() % 4 {
                0 if !damaged.is_empty() => damaged[at] = next() as u8,
                1 if !damaged.is_empty() => {
                    damaged.remove(at);
                }
                2 => damaged.insert(at.min(damaged.len()), next() as u8),
                _ => damaged.truncate(at),
            }
        }
        let _ = verify_detached(&case.content, &damaged);
    }
}
