//! CMS (RFC 5652): ContentInfo with SignedData, its certificates and signer infos, and
//! the signed attributes a verifier needs (messageDigest, signingTime, contentType).

use chrono::{DateTime, Utc};

use crate::der::{
    Malformed, Reader, Tlv, CONTEXT_0, CONTEXT_0_PRIMITIVE, CONTEXT_1, INTEGER, OID, SEQUENCE, SET,
};
use crate::error::SignatureError;
use crate::oid;

impl From<Malformed> for SignatureError {
    fn from(malformed: Malformed) -> Self {
        SignatureError::Malformed(malformed.0)
    }
}

/// A SignedData, parsed.
#[derive(Debug, Clone)]
pub struct SignedData<'a> {
    /// eContentType (id-data for documents).
    pub content_type: String,
    /// The encapsulated content, if the signature is not detached.
    pub content: Option<Vec<u8>>,
    /// Every certificate carried (the DER of each; other certificate choices skipped).
    pub certificates: Vec<&'a [u8]>,
    pub signers: Vec<SignerInfo<'a>>,
}

/// How a signer names its certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerId<'a> {
    /// The issuer's encoded Name and the serial's INTEGER contents.
    IssuerSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The subject key identifier.
    KeyId(&'a [u8]),
}

/// One SignerInfo.
#[derive(Debug, Clone)]
pub struct SignerInfo<'a> {
    pub id: SignerId<'a>,
    pub digest_algorithm: String,
    /// The `[0] IMPLICIT` signed attributes, as encoded.
    pub signed_attributes: Option<Tlv<'a>>,
    pub signature_algorithm: String,
    pub signature: Vec<u8>,
}

/// The signed attributes the verifier reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignedAttributes {
    pub content_type: Option<String>,
    pub message_digest: Option<Vec<u8>>,
    pub signing_time: Option<DateTime<Utc>>,
}

impl<'a> SignedData<'a> {
    /// Reads a ContentInfo that holds a SignedData.
    pub fn parse(der: &'a [u8]) -> Result<Self, SignatureError> {
        let content_info = Tlv::parse(der)?;
        if content_info.tag != SEQUENCE {
            return Err(SignatureError::Malformed("not a ContentInfo"));
        }
        let mut parts = content_info.children();
        if oid::read(&parts.next(OID)?)? != oid::SIGNED_DATA {
            return Err(SignatureError::Malformed("not a SignedData"));
        }
        let explicit = parts.next(CONTEXT_0)?;
        parts.finish()?;
        let mut wrapper = explicit.children();
        let signed_data = wrapper.next(SEQUENCE)?;
        wrapper.finish()?;

        let mut fields = signed_data.children();
        fields.next(INTEGER)?; // version
        fields.next(SET)?; // digestAlgorithms
        let encapsulated = fields.next(SEQUENCE)?;
        let mut encapsulated = encapsulated.children();
        let content_type = oid::read(&encapsulated.next(OID)?)?;
        let content = match encapsulated.next_if(CONTEXT_0)? {
            Some(explicit) => {
                let mut inner = explicit.children();
                let octets = inner.next_any()?.octets()?;
                inner.finish()?;
                Some(octets)
            }
            None => None,
        };
        encapsulated.finish()?;
        let certificates = match fields.next_if(CONTEXT_0)? {
            Some(set) => read_certificates(set)?,
            None => Vec::new(),
        };
        fields.next_if(CONTEXT_1)?; // crls
        let signer_set = fields.next(SET)?;
        fields.finish()?;
        let mut signers = Vec::new();
        let mut items = signer_set.children();
        while !items.is_empty() {
            signers.push(SignerInfo::parse(items.next(SEQUENCE)?)?);
        }
        Ok(Self {
            content_type,
            content,
            certificates,
            signers,
        })
    }
}

fn read_certificates(set: Tlv<'_>) -> Result<Vec<&[u8]>, Malformed> {
    let mut certificates = Vec::new();
    let mut items = set.children();
    while !items.is_empty() {
        let choice = items.next_any()?;
        if choice.tag == SEQUENCE {
            certificates.push(choice.raw);
        }
    }
    Ok(certificates)
}

impl<'a> SignerInfo<'a> {
    fn parse(info: Tlv<'a>) -> Result<Self, SignatureError> {
        let mut fields = info.children();
        fields.next(INTEGER)?; // version
        let sid = fields.next_any()?;
        let id = match sid.tag {
            SEQUENCE => {
                let mut parts = sid.children();
                let issuer = parts.next(SEQUENCE)?.raw;
                let serial = parts.next(INTEGER)?.value;
                parts.finish()?;
                SignerId::IssuerSerial { issuer, serial }
            }
            CONTEXT_0_PRIMITIVE => SignerId::KeyId(sid.value),
            _ => return Err(SignatureError::Malformed("unknown signer identifier")),
        };
        let digest_algorithm = algorithm(fields.next(SEQUENCE)?)?;
        let signed_attributes = fields.next_if(CONTEXT_0)?;
        let signature_algorithm = algorithm(fields.next(SEQUENCE)?)?;
        let signature = fields.next_any()?.octets()?;
        fields.next_if(CONTEXT_1)?; // unsigned attributes
        fields.finish()?;
        Ok(Self {
            id,
            digest_algorithm,
            signed_attributes,
            signature_algorithm,
            signature,
        })
    }
}

/// The OID of an AlgorithmIdentifier.
fn algorithm(identifier: Tlv<'_>) -> Result<String, Malformed> {
    oid::read(&identifier.children().next(OID)?)
}

/// The bytes the signature covers: the signed attributes' DER with the `[0]` tag made
/// the SET OF tag again (RFC 5652, 5.4).
pub fn signed_bytes(attributes: &Tlv<'_>) -> Result<Vec<u8>, SignatureError> {
    if !attributes.definite {
        return Err(SignatureError::Malformed(
            "signed attributes are not in DER (indefinite length)",
        ));
    }
    let mut bytes = attributes.raw.to_vec();
    if let Some(tag) = bytes.first_mut() {
        *tag = SET;
    }
    Ok(bytes)
}

/// Reads contentType, messageDigest and signingTime; each may appear once, with one value.
pub fn read_attributes(attributes: &Tlv<'_>) -> Result<SignedAttributes, SignatureError> {
    let mut read = SignedAttributes::default();
    let mut items = attributes.children();
    while !items.is_empty() {
        let attribute = items.next(SEQUENCE)?;
        let mut parts = attribute.children();
        let id = oid::read(&parts.next(OID)?)?;
        let values = parts.next(SET)?;
        parts.finish()?;
        let known = matches!(
            id.as_str(),
            oid::CONTENT_TYPE | oid::MESSAGE_DIGEST | oid::SIGNING_TIME
        );
        if !known {
            continue;
        }
        let value = single(values.children())?;
        let duplicate = match id.as_str() {
            oid::CONTENT_TYPE => read.content_type.replace(oid::read(&value)?).is_some(),
            oid::MESSAGE_DIGEST => read.message_digest.replace(value.octets()?).is_some(),
            _ => read.signing_time.replace(value.time()?).is_some(),
        };
        if duplicate {
            return Err(SignatureError::Malformed(
                "a signed attribute appears twice",
            ));
        }
    }
    Ok(read)
}

/// The one value of an attribute's SET.
fn single<'a>(mut values: Reader<'a>) -> Result<Tlv<'a>, Malformed> {
    let value = values.next_any()?;
    if values.is_empty() {
        Ok(value)
    } else {
        Err(Malformed("a signed attribute has several values"))
    }
}
