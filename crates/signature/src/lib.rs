//! Verifies the detached signatures EDO operators hand out with a document: CMS
//! SignedData (RFC 5652) with GOST R 34.10-2012 signatures (256 or 512 bit) over
//! GOST R 34.11-2012 (Streebog) digests, in pure Rust.
//!
//! # What is checked
//!
//! [`verify_detached`] takes the document's bytes and the signature file (DER, or the
//! same in Base64 with or without PEM armour) and checks, refusing at the first failure:
//!
//! 1. the file is a ContentInfo holding a SignedData (BER indefinite lengths, as
//!    streaming writers produce, are read too; the signed attributes must be DER);
//! 2. it has exactly one SignerInfo — a file with more is refused
//!    ([`SignatureError::Signers`]) rather than trusting one of them: an act is signed
//!    once per side, each side in its own file;
//! 3. the content is detached, or the encapsulated content equals the given bytes;
//! 4. the signer's certificate is among the SignedData's certificates (by issuer and
//!    serial number, or by subject key identifier), its key is GOST R 34.10-2012 on one
//!    of the known curves (CryptoPro A/B/C/XchA/XchB, TC26 256 A–D, TC26 512 A/B/C) and
//!    a point of that curve;
//! 5. the digest algorithm is Streebog of the key's size;
//! 6. the signed attributes are present, with messageDigest equal to Streebog(content)
//!    and a signingTime;
//! 7. the signature verifies over the DER of the signed attributes (the `[0]` re-tagged
//!    as SET OF) with the certificate's key;
//! 8. the certificate was valid at the signingTime (notBefore ≤ t ≤ notAfter).
//!
//! **No chain is validated**: the certificate is not checked against a CA, a revocation
//! list or OCSP (the roots of the Russian accredited CAs are not available here), and
//! the signingTime is what the signer's software wrote, not a trusted timestamp. The
//! result says who the certificate names and that this key signed these bytes.
//!
//! # Format conventions
//!
//! GOST implementations (CryptoPro, the OpenSSL gost engine) differ from ECDSA's
//! habits, and this crate follows them: the Streebog digest is read as a little-endian
//! number; the signature OCTET STRING is s‖r, each big-endian, of the key's size; the
//! public key is an OCTET STRING of x‖y, each little-endian, inside the BIT STRING. The
//! tests check every parameter set against OpenSSL with the gost engine.

mod armor;
mod certificate;
mod cms;
mod curve;
mod der;
mod error;
mod field;
mod oid;
#[cfg(feature = "test-fixtures")]
pub mod openssl_fixtures;
mod params;
mod verify;

use chrono::{DateTime, Utc};

pub use error::SignatureError;

/// The signature algorithm of a verified signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
pub enum Algorithm {
    /// GOST R 34.10-2012 with a 256-bit key and Streebog-256.
    Gost2012_256,
    /// GOST R 34.10-2012 with a 512-bit key and Streebog-512.
    Gost2012_512,
}

/// What a verified signature says: who signed (from the certificate), when, and with
/// which certificate. Text fields are the certificate's as written, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// The owner: surname and given names (SN, G) when present, as Russian qualified
    /// certificates have them, else the common name (CN), else the organization.
    pub signer: String,
    /// O.
    pub organization: Option<String>,
    /// ИНН (1.2.643.3.131.1.1, a person's or an ИП's), else the ИНН ЮЛ.
    pub inn: Option<String>,
    /// ИНН ЮЛ (1.2.643.100.4).
    pub inn_le: Option<String>,
    /// ОГРН (1.2.643.100.1), else ОГРНИП (1.2.643.100.5).
    pub ogrn: Option<String>,
    /// СНИЛС (1.2.643.100.3).
    pub snils: Option<String>,
    /// T (the position).
    pub title: Option<String>,
    /// The certificate's serial number, uppercase hexadecimal without separators.
    pub serial: String,
    pub valid_from: DateTime<Utc>,
    pub valid_to: DateTime<Utc>,
    /// The signingTime signed attribute.
    pub signed_at: DateTime<Utc>,
    pub algorithm: Algorithm,
    /// The signer's certificate, DER.
    pub certificate: Vec<u8>,
}

/// Verifies a detached CMS signature of `content` (see the crate documentation for
/// what is checked, and what is not: no certificate chain).
///
/// `signature` is the signature file: DER, or Base64 with or without PEM armour.
/// Never panics, whatever the input.
pub fn verify_detached(content: &[u8], signature: &[u8]) -> Result<Signed, SignatureError> {
    verify::verify_detached(content, signature)
}
