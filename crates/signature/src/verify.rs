//! The checks of a detached signature, in the order a refusal is reported: the format,
//! one signer, the signer's certificate and algorithms, the signed attributes, the
//! content's digest, the signature value, the certificate's validity at signing time.

use streebog::{Digest, Streebog256, Streebog512};

use crate::certificate::Certificate;
use crate::cms::{self, SignedData, SignerId, SignerInfo};
use crate::error::SignatureError;
use crate::field::Uint;
use crate::params::Size;
use crate::{armor, oid, Algorithm, Signed};

pub fn verify_detached(content: &[u8], signature: &[u8]) -> Result<Signed, SignatureError> {
    let der = armor::decode(signature)?;
    let signed_data = SignedData::parse(&der)?;
    if let Some(encapsulated) = &signed_data.content {
        if encapsulated.as_slice() != content {
            return Err(SignatureError::Digest);
        }
    }
    let signer = match signed_data.signers.as_slice() {
        [one] => one,
        other => return Err(SignatureError::Signers(other.len())),
    };
    let certificate = find_certificate(&signed_data, signer)?;
    let key = certificate.public_key()?;
    check_algorithms(signer, key.size)?;

    let attributes = signer
        .signed_attributes
        .as_ref()
        .ok_or(SignatureError::AttributesMissing)?;
    let read = cms::read_attributes(attributes)?;
    let message_digest = read
        .message_digest
        .ok_or(SignatureError::AttributesMissing)?;
    let signed_at = read
        .signing_time
        .ok_or(SignatureError::SigningTimeMissing)?;
    if read
        .content_type
        .is_some_and(|content_type| content_type != signed_data.content_type)
    {
        return Err(SignatureError::Malformed(
            "the contentType attribute differs from the content's type",
        ));
    }

    if streebog(key.size, content) != message_digest {
        return Err(SignatureError::Digest);
    }

    // The signature value is s‖r, each big-endian, over Streebog(signed attributes).
    let width = key.size.bytes();
    if signer.signature.len() != 2 * width {
        return Err(SignatureError::Invalid);
    }
    let (s, r) = signer.signature.split_at(width);
    let hash = streebog(key.size, &cms::signed_bytes(attributes)?);
    let (Some(r), Some(s)) = (Uint::from_be_bytes(r), Uint::from_be_bytes(s)) else {
        return Err(SignatureError::Invalid);
    };
    if !key.curve.verify(&key.point, &hash, &r, &s) {
        return Err(SignatureError::Invalid);
    }

    if signed_at < certificate.valid_from || signed_at > certificate.valid_to {
        return Err(SignatureError::CertificateExpired {
            signed_at,
            valid_from: certificate.valid_from,
            valid_to: certificate.valid_to,
        });
    }

    let subject = certificate
        .subject()
        .map_err(|m| SignatureError::CertificateMalformed(m.0))?;
    Ok(Signed {
        signer: subject.owner(),
        organization: subject.organization,
        inn: subject.inn.or_else(|| subject.inn_le.clone()),
        inn_le: subject.inn_le,
        ogrn: subject.ogrn.or(subject.ogrnip),
        snils: subject.snils,
        title: subject.title,
        serial: certificate.serial_hex(),
        valid_from: certificate.valid_from,
        valid_to: certificate.valid_to,
        signed_at,
        algorithm: match key.size {
            Size::Bits256 => Algorithm::Gost2012_256,
            Size::Bits512 => Algorithm::Gost2012_512,
        },
        certificate: certificate.der.to_vec(),
    })
}

/// The certificate the signer names, among those the SignedData carries.
fn find_certificate<'a>(
    signed_data: &SignedData<'a>,
    signer: &SignerInfo<'_>,
) -> Result<Certificate<'a>, SignatureError> {
    // A certificate that does not parse is passed over (a chain may carry anything);
    // if the signer's is not found, such a one may have been it.
    let mut unreadable = None;
    for der in &signed_data.certificates {
        let certificate = match Certificate::parse(der) {
            Ok(certificate) => certificate,
            Err(malformed) => {
                unreadable = Some(malformed);
                continue;
            }
        };
        let matches = match signer.id {
            SignerId::IssuerSerial { issuer, serial } => {
                certificate.issuer == issuer && certificate.serial == serial
            }
            SignerId::KeyId(key_id) => match certificate.subject_key_id() {
                Ok(id) => id == Some(key_id),
                Err(malformed) => {
                    unreadable = Some(malformed);
                    false
                }
            },
        };
        if matches {
            return Ok(certificate);
        }
    }
    Err(match unreadable {
        Some(malformed) => SignatureError::CertificateMalformed(malformed.0),
        None => SignatureError::CertificateMissing,
    })
}

/// The digest must be Streebog of the key's size; the signature algorithm the key's or
/// GOST R 34.10-2012 with that Streebog.
fn check_algorithms(signer: &SignerInfo<'_>, size: Size) -> Result<(), SignatureError> {
    let (digest, key, with_digest) = match size {
        Size::Bits256 => (
            oid::STREEBOG_256,
            oid::GOST_2012_256_KEY,
            oid::GOST_2012_256_WITH_STREEBOG,
        ),
        Size::Bits512 => (
            oid::STREEBOG_512,
            oid::GOST_2012_512_KEY,
            oid::GOST_2012_512_WITH_STREEBOG,
        ),
    };
    if signer.digest_algorithm != digest {
        return Err(SignatureError::Algorithm(signer.digest_algorithm.clone()));
    }
    let signature = signer.signature_algorithm.as_str();
    if signature != key && signature != with_digest {
        return Err(SignatureError::Algorithm(
            signer.signature_algorithm.clone(),
        ));
    }
    Ok(())
}

fn streebog(size: Size, data: &[u8]) -> Vec<u8> {
    match size {
        Size::Bits256 => Streebog256::digest(data).to_vec(),
        Size::Bits512 => Streebog512::digest(data).to_vec(),
    }
}
