//! A small reader of DER (and the BER that CMS writers use for streaming): one
//! tag-length-value at a time, every length and offset checked, nesting bounded, so no
//! input can make it panic or recurse without end.

use chrono::{DateTime, NaiveDate, Utc};

/// Universal and context tags the verifier meets.
pub const BOOLEAN: u8 = 0x01;
pub const INTEGER: u8 = 0x02;
pub const BIT_STRING: u8 = 0x03;
pub const OCTET_STRING: u8 = 0x04;
pub const OCTET_STRING_CONSTRUCTED: u8 = 0x24;
pub const OID: u8 = 0x06;
pub const UTC_TIME: u8 = 0x17;
pub const GENERALIZED_TIME: u8 = 0x18;
pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;
/// `[0]` constructed (EXPLICIT, or IMPLICIT over a SET/SEQUENCE).
pub const CONTEXT_0: u8 = 0xA0;
pub const CONTEXT_1: u8 = 0xA1;
pub const CONTEXT_3: u8 = 0xA3;
/// `[0]` primitive (an IMPLICIT OCTET STRING: the subject key identifier of a signer).
pub const CONTEXT_0_PRIMITIVE: u8 = 0x80;

/// How deep indefinite-length BER may nest before the input is refused.
const MAX_DEPTH: usize = 32;

/// A malformed encoding; the caller decides which error it is (the CMS or a certificate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed(pub &'static str);

/// One tag-length-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    pub tag: u8,
    /// The contents (for indefinite length: without the end-of-contents octets).
    pub value: &'a [u8],
    /// The whole encoding: tag, length and contents.
    pub raw: &'a [u8],
    /// Whether the length was definite (the only form DER has).
    pub definite: bool,
}

/// Reads TLVs one after another from a slice.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The next TLV, whatever its tag.
    pub fn next_any(&mut self) -> Result<Tlv<'a>, Malformed> {
        let (tlv, rest) = read_tlv(self.rest, 0)?;
        self.rest = rest;
        Ok(tlv)
    }

    /// The next TLV, which must have `tag`.
    pub fn next(&mut self, tag: u8) -> Result<Tlv<'a>, Malformed> {
        let tlv = self.next_any()?;
        if tlv.tag == tag {
            Ok(tlv)
        } else {
            Err(Malformed("unexpected tag"))
        }
    }

    /// The next TLV if it has `tag`; nothing is consumed otherwise.
    pub fn next_if(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Malformed> {
        match self.rest.first() {
            Some(&t) if t == tag => self.next(tag).map(Some),
            _ => Ok(None),
        }
    }

    /// Fails unless every byte was read.
    pub fn finish(&self) -> Result<(), Malformed> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Malformed("trailing bytes"))
        }
    }
}

impl<'a> Tlv<'a> {
    /// Reads exactly one TLV from `bytes` (nothing may follow it).
    pub fn parse(bytes: &'a [u8]) -> Result<Self, Malformed> {
        let mut reader = Reader::new(bytes);
        let tlv = reader.next_any()?;
        reader.finish()?;
        Ok(tlv)
    }

    /// A reader over the contents (for a constructed value).
    pub fn children(&self) -> Reader<'a> {
        Reader::new(self.value)
    }

    /// The contents of an OCTET STRING, primitive or (BER) constructed from segments.
    pub fn octets(&self) -> Result<Vec<u8>, Malformed> {
        let mut out = Vec::new();
        self.append_octets(&mut out, 0)?;
        Ok(out)
    }

    fn append_octets(&self, out: &mut Vec<u8>, depth: usize) -> Result<(), Malformed> {
        if depth > MAX_DEPTH {
            return Err(Malformed("nested too deep"));
        }
        match self.tag {
            OCTET_STRING => out.extend_from_slice(self.value),
            OCTET_STRING_CONSTRUCTED => {
                let mut segments = self.children();
                while !segments.is_empty() {
                    segments.next_any()?.append_octets(out, depth + 1)?;
                }
            }
            _ => return Err(Malformed("expected an OCTET STRING")),
        }
        Ok(())
    }

    /// A UTCTime or GeneralizedTime in UTC (`Z`), as DER writes them; a GeneralizedTime
    /// may carry fractional seconds, which are dropped.
    pub fn time(&self) -> Result<DateTime<Utc>, Malformed> {
        let text = std::str::from_utf8(self.value).map_err(|_| Malformed("time is not ASCII"))?;
        let digits = text
            .strip_suffix('Z')
            .ok_or(Malformed("time is not in UTC"))?;
        let (year, rest) = match self.tag {
            UTC_TIME => {
                let (yy, rest) = split_number(digits, 2)?;
                // RFC 5280: YY < 50 is 20YY, otherwise 19YY.
                (if yy < 50 { 2000 + yy } else { 1900 + yy }, rest)
            }
            GENERALIZED_TIME => split_number(digits, 4)?,
            _ => return Err(Malformed("expected a time")),
        };
        let (month, rest) = split_number(rest, 2)?;
        let (day, rest) = split_number(rest, 2)?;
        let (hour, rest) = split_number(rest, 2)?;
        let (minute, rest) = split_number(rest, 2)?;
        let (second, rest) = split_number(rest, 2)?;
        let fraction_ok = match self.tag {
            GENERALIZED_TIME => match rest.strip_prefix('.') {
                Some(fraction) => {
                    !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
                }
                None => rest.is_empty(),
            },
            _ => rest.is_empty(),
        };
        if !fraction_ok {
            return Err(Malformed("bad time"));
        }
        let year = i32::try_from(year).map_err(|_| Malformed("bad time"))?;
        NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|date| date.and_hms_opt(hour, minute, second))
            .map(|naive| naive.and_utc())
            .ok_or(Malformed("bad time"))
    }
}

/// Splits off `width` ASCII digits as a number.
fn split_number(text: &str, width: usize) -> Result<(u32, &str), Malformed> {
    let head = text.get(..width).ok_or(Malformed("bad time"))?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Malformed("bad time"));
    }
    let value = head.parse().map_err(|_| Malformed("bad time"))?;
    Ok((value, text.get(width..).unwrap_or("")))
}

/// Reads one TLV from the start of `bytes`; returns it and what follows.
fn read_tlv(bytes: &[u8], depth: usize) -> Result<(Tlv<'_>, &[u8]), Malformed> {
    if depth > MAX_DEPTH {
        return Err(Malformed("nested too deep"));
    }
    let (&tag, after_tag) = bytes.split_first().ok_or(Malformed("truncated"))?;
    if tag & 0x1F == 0x1F {
        return Err(Malformed("multi-byte tags are not used here"));
    }
    let (&first, mut after_len) = after_tag.split_first().ok_or(Malformed("truncated"))?;
    let header_len = 2;
    if first == 0x80 {
        // Indefinite length (BER): constructed only; the contents are TLVs up to 00 00.
        if tag & 0x20 == 0 {
            return Err(Malformed("indefinite length on a primitive value"));
        }
        let contents = after_len;
        let mut consumed = 0usize;
        loop {
            if after_len.starts_with(&[0, 0]) {
                let value = contents.get(..consumed).ok_or(Malformed("truncated"))?;
                let total = header_len + consumed + 2;
                let raw = bytes.get(..total).ok_or(Malformed("truncated"))?;
                let rest = after_len.get(2..).ok_or(Malformed("truncated"))?;
                let tlv = Tlv {
                    tag,
                    value,
                    raw,
                    definite: false,
                };
                return Ok((tlv, rest));
            }
            let before = after_len.len();
            let (_, rest) = read_tlv(after_len, depth + 1)?;
            consumed += before - rest.len();
            after_len = rest;
        }
    }
    let (len, header_len) = if first < 0x80 {
        (usize::from(first), header_len)
    } else {
        let count = usize::from(first & 0x7F);
        if count > 4 {
            return Err(Malformed("length too long"));
        }
        let len_bytes = after_len.get(..count).ok_or(Malformed("truncated"))?;
        after_len = after_len.get(count..).ok_or(Malformed("truncated"))?;
        let len = len_bytes
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, header_len + count)
    };
    let value = after_len.get(..len).ok_or(Malformed("truncated"))?;
    let rest = after_len.get(len..).ok_or(Malformed("truncated"))?;
    let total = header_len
        .checked_add(len)
        .ok_or(Malformed("length too long"))?;
    let raw = bytes.get(..total).ok_or(Malformed("truncated"))?;
    let tlv = Tlv {
        tag,
        value,
        raw,
        definite: true,
    };
    Ok((tlv, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_long_lengths() {
        let short = [0x04, 0x02, 0xAB, 0xCD];
        let tlv = Tlv::parse(&short).expect("ok");
        assert_eq!(tlv.value, &[0xAB, 0xCD]);
        let mut long = vec![0x04, 0x81, 0x80];
        long.extend([7u8; 0x80]);
        assert_eq!(Tlv::parse(&long).expect("ok").value.len(), 0x80);
    }

    #[test]
    fn refuses_truncation_and_trailing_bytes() {
        assert!(Tlv::parse(&[]).is_err());
        assert!(Tlv::parse(&[0x30]).is_err());
        assert!(Tlv::parse(&[0x30, 0x05, 0x01]).is_err());
        assert!(Tlv::parse(&[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]).is_err());
        assert!(Tlv::parse(&[0x04, 0x00, 0x00]).is_err());
    }

    #[test]
    fn reads_indefinite_length() {
        let ber = [
            0x30, 0x80, 0x04, 0x01, 0x05, 0x24, 0x80, 0x04, 0x01, 0x06, 0, 0, 0, 0,
        ];
        let tlv = Tlv::parse(&ber).expect("ok");
        assert!(!tlv.definite);
        let mut children = tlv.children();
        assert_eq!(children.next(OCTET_STRING).expect("ok").value, &[5]);
        let segmented = children.next(OCTET_STRING_CONSTRUCTED).expect("ok");
        assert_eq!(segmented.octets().expect("ok"), vec![6]);
        assert!(children.is_empty());
    }

    #[test]
    fn bounds_nesting() {
        let mut deep = Vec::new();
        for _ in 0..100 {
            deep.extend([0x30, 0x80]);
        }
        assert!(Tlv::parse(&deep).is_err());
        // Segments within segments of an OCTET STRING, deeper than the bound.
        let mut nested = vec![0x04, 0x00];
        for _ in 0..100 {
            let len = nested.len();
            let mut outer = vec![0x24, 0x84];
            outer.extend(u32::try_from(len).expect("fits").to_be_bytes());
            outer.extend(nested);
            nested = outer;
        }
        let tlv = Tlv::parse(&nested).expect("one TLV");
        assert_eq!(tlv.octets(), Err(Malformed("nested too deep")));
    }

    #[test]
    fn reads_times() {
        let utc = Tlv::parse(b"\x17\x0d261205090352Z").expect("ok");
        assert_eq!(
            utc.time().expect("ok").to_rfc3339(),
            "2026-12-05T09:03:52+00:00"
        );
        let old = Tlv::parse(b"\x17\x0d991231235959Z").expect("ok");
        assert_eq!(
            old.time().expect("ok").to_rfc3339(),
            "1999-12-31T23:59:59+00:00"
        );
        let generalized = Tlv::parse(b"\x18\x1220500101000000.25Z").expect("ok");
        assert_eq!(
            generalized.time().expect("ok").to_rfc3339(),
            "2050-01-01T00:00:00+00:00"
        );
        for bad in [
            &b"\x17\x0b2612050903Z"[..],
            b"\x17\x0d261305090352Z",
            b"\x17\x0d26120509035+Z",
            b"\x17\x0d2612050903520",
            b"\x18\x1020500101000000.Z",
        ] {
            assert!(Tlv::parse(bad).expect("ok").time().is_err(), "{bad:?}");
        }
    }
}
