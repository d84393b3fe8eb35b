//! The parts of an X.509 certificate the verifier reads: serial, issuer, validity,
//! subject (with the Russian qualified certificate's ИНН/ОГРН/СНИЛС fields), subject key
//! identifier and the GOST R 34.10-2012 public key.

use chrono::{DateTime, Utc};

use crate::curve::{Curve, Point};
use crate::der::{
    Malformed, Tlv, BIT_STRING, BOOLEAN, CONTEXT_0, CONTEXT_3, INTEGER, OCTET_STRING, OID,
    SEQUENCE, SET,
};
use crate::error::SignatureError;
use crate::field::Uint;
use crate::oid;
use crate::params::{self, Size};

/// A certificate, parsed enough to be matched to a signer; the subject and the key are
/// read on demand (a chain may hold certificates of other algorithms).
#[derive(Debug, Clone)]
pub struct Certificate<'a> {
    pub der: &'a [u8],
    /// The serial number's INTEGER contents.
    pub serial: &'a [u8],
    /// The issuer Name, as encoded.
    pub issuer: &'a [u8],
    pub valid_from: DateTime<Utc>,
    pub valid_to: DateTime<Utc>,
    subject: Tlv<'a>,
    spki: Tlv<'a>,
    extensions: Option<Tlv<'a>>,
}

/// A GOST R 34.10-2012 public key with its curve.
#[derive(Debug, Clone)]
pub struct PublicKey {
    pub size: Size,
    pub curve: Curve,
    pub point: Point,
}

/// The subject's fields a signature stamp shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    pub common_name: Option<String>,
    pub surname: Option<String>,
    pub given_name: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    pub inn: Option<String>,
    pub inn_le: Option<String>,
    pub ogrn: Option<String>,
    pub ogrnip: Option<String>,
    pub snils: Option<String>,
}

impl<'a> Certificate<'a> {
    /// Reads a Certificate (RFC 5280) from its DER.
    pub fn parse(der: &'a [u8]) -> Result<Self, Malformed> {
        let certificate = Tlv::parse(der)?;
        if certificate.tag != SEQUENCE {
            return Err(Malformed("a certificate is not a SEQUENCE"));
        }
        let tbs = certificate.children().next(SEQUENCE)?;
        let mut fields = tbs.children();
        fields.next_if(CONTEXT_0)?; // version
        let serial = fields.next(INTEGER)?.value;
        fields.next(SEQUENCE)?; // signature algorithm
        let issuer = fields.next(SEQUENCE)?.raw;
        let validity = fields.next(SEQUENCE)?;
        let mut times = validity.children();
        let valid_from = times.next_any()?.time()?;
        let valid_to = times.next_any()?.time()?;
        times.finish()?;
        let subject = fields.next(SEQUENCE)?;
        let spki = fields.next(SEQUENCE)?;
        let mut extensions = None;
        while !fields.is_empty() {
            let field = fields.next_any()?;
            if field.tag == CONTEXT_3 {
                extensions = Some(field);
            }
        }
        Ok(Self {
            der: certificate.raw,
            serial,
            issuer,
            valid_from,
            valid_to,
            subject,
            spki,
            extensions,
        })
    }

    /// The serial number in uppercase hexadecimal, as `openssl x509 -serial` prints it
    /// (without the sign octet DER adds before a high bit).
    pub fn serial_hex(&self) -> String {
        let bytes = match self.serial {
            [0, rest @ ..] if !rest.is_empty() => rest,
            all => all,
        };
        bytes.iter().map(|b| format!("{b:02X}")).collect()
    }

    /// The subject key identifier extension's key identifier, if present.
    pub fn subject_key_id(&self) -> Result<Option<&'a [u8]>, Malformed> {
        let Some(extensions) = self.extensions else {
            return Ok(None);
        };
        let list = extensions.children().next(SEQUENCE)?;
        let mut items = list.children();
        while !items.is_empty() {
            let extension = items.next(SEQUENCE)?;
            let mut parts = extension.children();
            let id = oid::read(&parts.next(OID)?)?;
            parts.next_if(BOOLEAN)?;
            let value = parts.next(OCTET_STRING)?;
            if id == oid::SUBJECT_KEY_IDENTIFIER {
                let key_id = Tlv::parse(value.value)?;
                if key_id.tag != OCTET_STRING {
                    return Err(Malformed("subject key identifier is not an OCTET STRING"));
                }
                return Ok(Some(key_id.value));
            }
        }
        Ok(None)
    }

    /// The subject's fields (the first value of each; unknown attributes skipped).
    pub fn subject(&self) -> Result<Subject, Malformed> {
        let mut subject = Subject::default();
        let mut rdns = self.subject.children();
        while !rdns.is_empty() {
            let rdn = rdns.next(SET)?;
            let mut attributes = rdn.children();
            while !attributes.is_empty() {
                let attribute = attributes.next(SEQUENCE)?;
                let mut parts = attribute.children();
                let id = oid::read(&parts.next(OID)?)?;
                let value = parts.next_any()?;
                let slot = match id.as_str() {
                    oid::COMMON_NAME => &mut subject.common_name,
                    oid::SURNAME => &mut subject.surname,
                    oid::GIVEN_NAME => &mut subject.given_name,
                    oid::ORGANIZATION => &mut subject.organization,
                    oid::TITLE => &mut subject.title,
                    oid::INN => &mut subject.inn,
                    oid::INN_LE => &mut subject.inn_le,
                    oid::OGRN => &mut subject.ogrn,
                    oid::OGRNIP => &mut subject.ogrnip,
                    oid::SNILS => &mut subject.snils,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = text(&value).filter(|text| !text.is_empty());
                }
            }
        }
        Ok(subject)
    }

    /// The GOST R 34.10-2012 public key: an OCTET STRING of x‖y, each little-endian,
    /// inside the BIT STRING (RFC 4491, RFC 9215).
    pub fn public_key(&self) -> Result<PublicKey, SignatureError> {
        let bad = |m: Malformed| SignatureError::CertificateMalformed(m.0);
        let mut parts = self.spki.children();
        let algorithm = parts.next(SEQUENCE).map_err(bad)?;
        let bits = parts.next(BIT_STRING).map_err(bad)?;
        let mut algorithm = algorithm.children();
        let key_oid = oid::read(&algorithm.next(OID).map_err(bad)?).map_err(bad)?;
        let size = match key_oid.as_str() {
            oid::GOST_2012_256_KEY => Size::Bits256,
            oid::GOST_2012_512_KEY => Size::Bits512,
            _ => return Err(SignatureError::Algorithm(key_oid)),
        };
        let key_params = algorithm.next(SEQUENCE).map_err(bad)?;
        let paramset = oid::read(&key_params.children().next(OID).map_err(bad)?).map_err(bad)?;
        let params = params::by_oid(&paramset)
            .filter(|params| params.size == size)
            .ok_or_else(|| SignatureError::Algorithm(format!("{key_oid} / {paramset}")))?;
        let curve = Curve::new(params).ok_or(SignatureError::Algorithm(paramset))?;
        let encoded = match bits.value {
            [0, encoded @ ..] => encoded,
            _ => return Err(bad(Malformed("public key BIT STRING has unused bits"))),
        };
        let octets = Tlv::parse(encoded).map_err(bad)?;
        let width = size.bytes();
        if octets.tag != OCTET_STRING || octets.value.len() != 2 * width {
            return Err(bad(Malformed("public key has the wrong length")));
        }
        let (x, y) = octets.value.split_at(width);
        let le = |bytes: &[u8]| {
            Uint::from_le_bytes(bytes).ok_or(bad(Malformed("public key is too long")))
        };
        let point = curve
            .point(&le(x)?, &le(y)?)
            .ok_or(bad(Malformed("public key is not a point of its curve")))?;
        Ok(PublicKey { size, curve, point })
    }
}

impl Subject {
    /// The owner as a person reads it: surname and given names when the certificate has
    /// them (Russian qualified certificates do), else the common name, else the
    /// organization, else empty.
    pub fn owner(&self) -> String {
        let person: Vec<&str> = [&self.surname, &self.given_name]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !person.is_empty() {
            return person.join(" ");
        }
        self.common_name
            .clone()
            .or_else(|| self.organization.clone())
            .unwrap_or_default()
    }
}

/// The text of a directory string in any of its ASN.1 encodings (None for other types).
fn text(value: &Tlv<'_>) -> Option<String> {
    let bytes = value.value;
    let decoded = match value.tag {
        // UTF8String, NumericString, PrintableString, IA5String, VisibleString
        0x0C | 0x12 | 0x13 | 0x16 | 0x1A => String::from_utf8_lossy(bytes).into_owned(),
        // TeletexString: read as Latin-1
        0x14 => bytes.iter().map(|&b| char::from(b)).collect(),
        // BMPString: UTF-16BE
        0x1E => char::decode_utf16(
            bytes
                .chunks(2)
                .map(|pair| u16::from_be_bytes([byte(pair, 0), byte(pair, 1)])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        // UniversalString: UTF-32BE
        0x1C => bytes
            .chunks(4)
            .map(|quad| {
                let word = [byte(quad, 0), byte(quad, 1), byte(quad, 2), byte(quad, 3)];
                char::from_u32(u32::from_be_bytes(word)).unwrap_or(char::REPLACEMENT_CHARACTER)
            })
            .collect(),
        _ => return None,
    };
    Some(decoded.trim().to_string())
}

/// The byte at `index`, or 0 past the end (a short last code unit).
fn byte(bytes: &[u8], index: usize) -> u8 {
    bytes.get(index).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_directory_strings_in_every_encoding() {
        let read = |bytes: &[u8]| text(&Tlv::parse(bytes).expect("ok"));
        assert_eq!(read(b"\x0c\x04\xd0\x98\xd0\x98").as_deref(), Some("ИИ"));
        assert_eq!(read(b"\x12\x03123").as_deref(), Some("123"));
        assert_eq!(read(b"\x1e\x04\x04\x18\x04\x18").as_deref(), Some("ИИ"));
        assert_eq!(read(b"\x1e\x03\x04\x18\x04").as_deref(), Some("И\u{400}"));
        assert_eq!(read(b"\x1c\x04\x00\x00\x04\x18").as_deref(), Some("И"));
        assert_eq!(read(b"\x1c\x02\x04\x18").as_deref(), Some("\u{FFFD}"));
        assert_eq!(read(b"\x14\x01\xe9").as_deref(), Some("é"));
        assert_eq!(read(b"\x04\x01\x00"), None);
    }

    #[test]
    fn owner_prefers_surname_and_given_names() {
        let mut subject = Subject {
            common_name: Some("ООО Ромашка".into()),
            ..Subject::default()
        };
        assert_eq!(subject.owner(), "ООО Ромашка");
        subject.surname = Some("Иванов".into());
        subject.given_name = Some("Иван Иванович".into());
        assert_eq!(subject.owner(), "Иванов Иван Иванович");
        assert_eq!(Subject::default().owner(), "");
    }
}
