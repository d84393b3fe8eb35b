//! Guessing a CSV file's encoding and separator from its first bytes.

/// How much of a CSV file is looked at to guess its encoding and separator.
pub(super) const SNIFF_LEN: usize = 64 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encodings a CSV file may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    Utf8,
    Windows1251,
}

impl Encoding {
    /// The WHATWG name (`UTF-8`, `windows-1251`).
    pub(super) fn name(self) -> &'static str {
        self.encoding().name()
    }

    pub(super) fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Windows1251 => encoding_rs::WINDOWS_1251,
        }
    }
}

/// What the first bytes of a CSV file tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sniffed {
    pub(super) encoding: Encoding,
    /// The length of the byte order mark to skip (0 or 3).
    pub(super) bom_len: usize,
    pub(super) separator: u8,
}

/// Guesses from `head`, the file's first bytes (at most [`SNIFF_LEN`]); `at_eof` when `head`
/// is the whole file.
///
/// A UTF-8 byte order mark means UTF-8; so do valid UTF-8 bytes (a character cut at the end
/// of `head` is fine unless the file ends there); anything else is Windows-1251. The
/// separator is `;` when the header line has more of them than commas (outside quotes), else
/// `,`.
pub(super) fn sniff(head: &[u8], at_eof: bool) -> Sniffed {
    let (encoding, bom_len) = if head.starts_with(UTF8_BOM) {
        (Encoding::Utf8, UTF8_BOM.len())
    } else if is_utf8(head, at_eof) {
        (Encoding::Utf8, 0)
    } else {
        (Encoding::Windows1251, 0)
    };
    Sniffed {
        encoding,
        bom_len,
        separator: separator(&head[bom_len..]),
    }
}

fn is_utf8(head: &[u8], at_eof: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        // `error_len() == None`: the bytes end inside a character, which only means the
        // look was cut short — unless the file really ends there.
        Err(error) => error.error_len().is_none() && !at_eof,
    }
}

/// Counts `;` and `,` on the header line (the first that is not blank), outside double
/// quotes. Both encodings keep ASCII as is, so the bytes can be looked at before decoding.
fn separator(head: &[u8]) -> u8 {
    let (mut semicolons, mut commas) = (0usize, 0usize);
    let mut quoted = false;
    let start = head
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(head.len());
    for &byte in &head[start..] {
        match byte {
            b'"' => quoted = !quoted,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_means_utf8_and_is_skipped() {
        let sniffed = sniff(b"\xEF\xBB\xBFa;b\n1;2\n", true);
        assert_eq!(sniffed.encoding, Encoding::Utf8);
        assert_eq!(sniffed.bom_len, 3);
        assert_eq!(sniffed.separator, b';');
    }

    #[test]
    fn cut_character_at_the_end_of_the_look_is_still_utf8() {
        let mut head = "Имя,ИНН\n".repeat(10).into_bytes();
        head.extend_from_slice(&"Ж".as_bytes()[..1]);
        assert_eq!(sniff(&head, false).encoding, Encoding::Utf8);
        // The same bytes as the whole file: not UTF-8.
        assert_eq!(sniff(&head, true).encoding, Encoding::Windows1251);
    }

    #[test]
    fn invalid_utf8_is_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Имя;ИНН\n");
        let sniffed = sniff(&bytes, true);
        assert_eq!(sniffed.encoding, Encoding::Windows1251);
        assert_eq!(sniffed.encoding.name(), "windows-1251");
        assert_eq!(sniffed.separator, b';');
    }

    #[test]
    fn separators_inside_quotes_do_not_count() {
        assert_eq!(sniff(b"\"a;b;c\",d\n", true).separator, b',');
        assert_eq!(sniff(b"a;b,c;d\n1,2,3,4,5,6\n", true).separator, b';');
        assert_eq!(sniff(b"a,b;c\n", true).separator, b',');
        assert_eq!(sniff(b"", true).separator, b',');
        assert_eq!(sniff(b"\r\n \na;b\n", true).separator, b';');
    }
}
