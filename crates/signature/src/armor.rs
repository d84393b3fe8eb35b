//! The signature file as EDO operators hand it out: DER, or the same in Base64, with or
//! without PEM armour (`-----BEGIN CMS-----`, `-----BEGIN PKCS7-----`) and line breaks.

use std::borrow::Cow;

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

use crate::der::{Tlv, SEQUENCE};
use crate::error::SignatureError;

/// Base64 as written by hand and by tools: padding optional.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The DER of the signature: the input itself if it is one DER value, else its Base64
/// decoded.
pub fn decode(input: &[u8]) -> Result<Cow<'_, [u8]>, SignatureError> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(SignatureError::Malformed("the signature file is empty"));
    }
    if Tlv::parse(input).is_ok_and(|tlv| tlv.tag == SEQUENCE) {
        return Ok(Cow::Borrowed(input));
    }
    let text = std::str::from_utf8(input)
        .map_err(|_| SignatureError::Malformed("neither DER nor Base64"))?;
    let base64: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("-----"))
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let der = LENIENT
        .decode(base64.as_bytes())
        .map_err(|_| SignatureError::Malformed("neither DER nor Base64"))?;
    if der.first() != Some(&SEQUENCE) {
        return Err(SignatureError::Malformed(
            "Base64 that is not a CMS structure",
        ));
    }
    Ok(Cow::Owned(der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_der_base64_and_pem() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        assert_eq!(&*decode(&der).expect("ok"), &der);
        assert_eq!(&*decode(b"MAMCAQU=").expect("ok"), &der);
        assert_eq!(&*decode(b"\xEF\xBB\xBFMAMC\r\nAQU\n").expect("ok"), &der);
        let pem = b"-----BEGIN CMS-----\nMAMCAQU=\n-----END CMS-----\n";
        assert_eq!(&*decode(pem).expect("ok"), &der);
    }

    #[test]
    fn refuses_empty_and_garbage() {
        for bad in [&b""[..], b" \n", b"\xff\xfe", b"hello world!", b"AAAA"] {
            let error = decode(bad).expect_err("refused");
            assert_eq!(error.code(), "signature_malformed", "{bad:?}");
        }
    }
}
