//! The documents' typeface: DejaVu Sans and DejaVu Sans Bold, built into the binary
//! (`crates/core/fonts/`, see its LICENSE), embedded in every PDF as a subset of the
//! glyphs it uses (without the license's full text, see `sfnt`). Measures text with the font's own advance widths, so that lines wrap
//! and numbers right-align where the reader draws them.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFontHandle};

use super::sfnt;
use crate::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSans-Bold.ttf");

/// How far past a line's width a measured text may reach and still fit: the sums of
/// glyph advances round differently from the column widths they were measured for.
const SLACK: f32 = 0.01;

/// What a piece of text is set in: the face and the size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style { size, bold: false }
    }

    pub const fn bold(size: f32) -> Style {
        Style { size, bold: true }
    }

    /// The distance from one line's top to the next one's.
    pub fn line_height(self) -> f32 {
        self.size * 1.25
    }

    /// From a line's top to its baseline: the ascent, centred in the line height.
    pub fn baseline(self) -> f32 {
        self.size * 1.02
    }
}

/// One face, parsed for its metrics and registered with the document.
struct Face {
    parsed: &'static ParsedFont,
    id: FontId,
    units_per_em: f32,
}

/// The faces parsed once per process: parsing a 700 KB font took most of an act's time.
static PARSED: OnceLock<[Option<ParsedFont>; 2]> = OnceLock::new();

fn parse(bytes: &[u8]) -> Option<ParsedFont> {
    let trimmed = sfnt::without_license_text(bytes);
    let bytes = trimmed.as_deref().unwrap_or(bytes);
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
}

impl Face {
    fn load(doc: &mut PdfDocument, index: usize, name: &str) -> Result<Face> {
        let faces = PARSED.get_or_init(|| [parse(REGULAR), parse(BOLD)]);
        let parsed = faces.get(index).and_then(Option::as_ref).ok_or_else(|| {
            Error::Io(std::io::Error::other(format!(
                "the built-in font {name} could not be read"
            )))
        })?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let id = doc.add_font(parsed);
        Ok(Face {
            parsed,
            id,
            units_per_em,
        })
    }

    /// The advance of `text` at 1 pt, in points.
    fn advance(&self, text: &str) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = self.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(self.parsed.get_horizontal_advance(glyph))
            })
            .sum();
        units as f32 / self.units_per_em
    }

    fn has(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(u32::from(c)).is_some()
    }
}

/// Both faces of the documents' typeface.
pub struct Typeface {
    regular: Face,
    bold: Face,
}

impl Typeface {
    /// Parses both faces and adds them to `doc` (embedded, subset at save).
    pub fn load(doc: &mut PdfDocument) -> Result<Typeface> {
        Ok(Typeface {
            regular: Face::load(doc, 0, "DejaVu Sans")?,
            bold: Face::load(doc, 1, "DejaVu Sans Bold")?,
        })
    }

    fn face(&self, style: Style) -> &Face {
        if style.bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    pub fn handle(&self, style: Style) -> PdfFontHandle {
        PdfFontHandle::External(self.face(style).id.clone())
    }

    /// How wide `text` is set in `style`, in points.
    pub fn width(&self, style: Style, text: &str) -> f32 {
        self.face(style).advance(text) * style.size
    }

    /// `text` as it can be drawn: control characters become spaces and a character the
    /// font lacks becomes `?` (rather than an invisible box the reader cannot copy).
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.regular.has(c) {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    }

    /// `text` broken into lines no wider than `width`: at spaces (a no-break space keeps
    /// its neighbours together), and inside a word only when the word alone is too wide.
    /// Line breaks in `text` are kept. Never returns an empty list.
    pub fn wrap(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in numbers_whole(text).split('\n') {
            self.wrap_paragraph(style, paragraph.trim_end(), width, &mut lines);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    fn wrap_paragraph(&self, style: Style, text: &str, width: f32, lines: &mut Vec<String>) {
        let mut line = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(style, &candidate) <= width + SLACK {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = self.break_word(style, word, width, lines);
        }
        lines.push(line);
    }

    /// Pushes the full-width pieces of a word too long for a line; returns the rest.
    fn break_word(&self, style: Style, word: &str, width: f32, lines: &mut Vec<String>) -> String {
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if self.width(style, &piece) > width + SLACK && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        piece
    }
}

/// `text` with the space inside a number written in groups (`12 000,00`) made a no-break
/// one: a line never ends in the middle of a sum.
fn numbers_whole(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let group = i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3);
            if *c == ' ' && group && !digit(i + 4) {
                '\u{a0}'
            } else {
                *c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typeface() -> Typeface {
        Typeface::load(&mut PdfDocument::new("test")).expect("the built-in fonts load")
    }

    #[test]
    fn widths_follow_the_font_metrics() {
        let t = typeface();
        let s = Style::regular(10.0);
        assert!(t.width(s, "") == 0.0);
        let one = t.width(s, "Ш");
        assert!(one > 5.0 && one < 12.0, "Ш at 10 pt is {one} pt");
        assert!((t.width(s, "ШШ") - 2.0 * one).abs() < 0.001);
        assert!(t.width(Style::bold(10.0), "Акт") > t.width(s, "Акт"));
        assert!(t.width(Style::regular(20.0), "Акт") > t.width(s, "Акт") * 1.99);
    }

    #[test]
    fn wraps_at_spaces_and_keeps_no_break_spaces() {
        let t = typeface();
        let s = Style::regular(9.0);
        let text = "194064, г. Санкт-Петербург, Тихорецкий пр-кт, д. 29, корп. 2, кв. 53";
        let lines = t.wrap(s, text, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| t.width(s, l) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);

        let money = "сумма 12\u{a0}345\u{a0}678,00";
        let lines = t.wrap(s, money, t.width(s, "12\u{a0}345\u{a0}678,00 с"));
        assert_eq!(lines, vec!["сумма", "12\u{a0}345\u{a0}678,00"]);
        // A number written with plain spaces between its groups is kept whole too.
        let plain = "из 12 000,00 и 2 000 бонусов";
        let lines = t.wrap(s, plain, t.width(s, "12 000,00 и"));
        assert_eq!(lines[..2], ["из", "12\u{a0}000,00 и"]);
        assert!(lines.iter().any(|l| l.contains("2\u{a0}000")), "{lines:?}");
    }

    #[test]
    fn breaks_a_word_wider_than_the_line() {
        let t = typeface();
        let s = Style::regular(9.0);
        let word = "40702810455000012345407028104550000123454070281045500001234";
        let lines = t.wrap(s, word, 60.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| t.width(s, l) <= 60.0));
        assert_eq!(lines.concat(), word);
        assert_eq!(t.wrap(s, "", 60.0), vec![String::new()]);
        assert_eq!(t.wrap(s, "a\nb", 60.0), vec!["a", "b"]);
    }

    #[test]
    fn unprintable_characters_are_replaced() {
        let t = typeface();
        assert_eq!(t.printable("Итого:\t5 000 ₽"), "Итого: 5 000 ₽");
        assert_eq!(t.printable("a\u{e000}b"), "a?b");
    }
}
