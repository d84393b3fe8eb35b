//! Object identifiers the verifier knows, in dotted form, and the decoding of an
//! encoded OBJECT IDENTIFIER into that form.

use crate::der::{Malformed, Tlv, OID};

// CMS (RFC 5652).
pub const SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
pub const CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
pub const MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
pub const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";

// GOST R 34.10-2012 keys and signatures, GOST R 34.11-2012 digests (RFC 7091, RFC 9215).
pub const GOST_2012_256_KEY: &str = "1.2.643.7.1.1.1.1";
pub const GOST_2012_512_KEY: &str = "1.2.643.7.1.1.1.2";
pub const STREEBOG_256: &str = "1.2.643.7.1.1.2.2";
pub const STREEBOG_512: &str = "1.2.643.7.1.1.2.3";
pub const GOST_2012_256_WITH_STREEBOG: &str = "1.2.643.7.1.1.3.2";
pub const GOST_2012_512_WITH_STREEBOG: &str = "1.2.643.7.1.1.3.3";

// X.520 names and the Russian qualified certificate's fields (Приказ ФСБ № 795).
pub const COMMON_NAME: &str = "2.5.4.3";
pub const SURNAME: &str = "2.5.4.4";
pub const ORGANIZATION: &str = "2.5.4.10";
pub const TITLE: &str = "2.5.4.12";
pub const GIVEN_NAME: &str = "2.5.4.42";
pub const INN: &str = "1.2.643.3.131.1.1";
pub const OGRN: &str = "1.2.643.100.1";
pub const SNILS: &str = "1.2.643.100.3";
pub const INN_LE: &str = "1.2.643.100.4";
pub const OGRNIP: &str = "1.2.643.100.5";

// X.509 extensions.
pub const SUBJECT_KEY_IDENTIFIER: &str = "2.5.29.14";

/// Reads an OBJECT IDENTIFIER TLV as a dotted string.
pub fn read(tlv: &Tlv<'_>) -> Result<String, Malformed> {
    if tlv.tag != OID {
        return Err(Malformed("expected an OBJECT IDENTIFIER"));
    }
    dotted(tlv.value)
}

/// The dotted form of an OBJECT IDENTIFIER's contents.
pub fn dotted(contents: &[u8]) -> Result<String, Malformed> {
    let bad = Malformed("bad OBJECT IDENTIFIER");
    if contents.is_empty() || contents.last().is_some_and(|b| b & 0x80 != 0) {
        return Err(bad);
    }
    let mut arcs: Vec<u64> = Vec::new();
    let mut arc: u64 = 0;
    let mut arc_started = false;
    for &byte in contents {
        if !arc_started && byte == 0x80 {
            return Err(bad); // a leading 0x80 is not minimal
        }
        arc = arc
            .checked_mul(128)
            .and_then(|a| a.checked_add(u64::from(byte & 0x7F)))
            .ok_or(bad)?;
        arc_started = true;
        if byte & 0x80 == 0 {
            arcs.push(arc);
            arc = 0;
            arc_started = false;
        }
    }
    let mut text = String::new();
    for (index, arc) in arcs.iter().enumerate() {
        if index == 0 {
            let (first, second) = match arc {
                0..=39 => (0, *arc),
                40..=79 => (1, arc - 40),
                _ => (2, arc - 80),
            };
            text.push_str(&format!("{first}.{second}"));
        } else {
            text.push_str(&format!(".{arc}"));
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_gost_and_pkcs_identifiers() {
        let key = [0x2A, 0x85, 0x03, 0x07, 0x01, 0x01, 0x01, 0x01];
        assert_eq!(dotted(&key).expect("ok"), GOST_2012_256_KEY);
        let signed_data = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
        assert_eq!(dotted(&signed_data).expect("ok"), SIGNED_DATA);
        assert_eq!(dotted(&[0x55, 0x04, 0x03]).expect("ok"), COMMON_NAME);
    }

    #[test]
    fn refuses_bad_encodings() {
        assert!(dotted(&[]).is_err());
        assert!(dotted(&[0x2A, 0x85]).is_err());
        assert!(dotted(&[0x2A, 0x80, 0x01]).is_err());
        assert!(dotted(&[0xFF; 40]).is_err());
        let mut huge = vec![0xFF; 20];
        huge.push(0x7F);
        assert!(dotted(&huge).is_err());
    }
}
