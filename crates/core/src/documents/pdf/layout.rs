//! A sheet of A4 pages written top to bottom: a cursor that moves down as text is set,
//! wrapped paragraphs, labelled lines, rules and page breaks. Positions are in points
//! from the page's top-left corner; the PDF's own bottom-up coordinates stay in here.

use chrono::NaiveDate;
use printpdf::{
    Color, Greyscale, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, PdfDocument, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::fonts::{Style, Typeface};
use crate::{Error, Result};

/// A4 in points.
const A4_SHORT: f32 = 595.28;
const A4_LONG: f32 = 841.89;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// The document being laid out, page by page.
pub struct Sheet {
    doc: PdfDocument,
    typeface: Typeface,
    width: f32,
    height: f32,
    margin: f32,
    /// The pages finished so far, as drawing operations.
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The cursor: how far down the current page the next thing goes.
    y: f32,
}

impl Sheet {
    /// An empty first page. `made` becomes the PDF's creation date (no clock is read).
    pub fn new(title: &str, orientation: Orientation, made: NaiveDate) -> Result<Sheet> {
        let mut doc = PdfDocument::new(title);
        let typeface = Typeface::load(&mut doc)?;
        if let Some(when) = made
            .and_hms_opt(0, 0, 0)
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t.and_utc().timestamp()).ok())
        {
            doc.metadata.info.creation_date = when;
            doc.metadata.info.modification_date = when;
            doc.metadata.info.metadata_date = when;
        }
        doc.metadata.info.creator = "Partnerbook".into();
        doc.metadata.info.producer = "Partnerbook".into();
        // 15 mm around a portrait page; 10 mm for the wide tables of a landscape one.
        let (width, height, margin) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG, 42.5),
            Orientation::Landscape => (A4_LONG, A4_SHORT, 28.35),
        };
        Ok(Sheet {
            doc,
            typeface,
            width,
            height,
            margin,
            pages: Vec::new(),
            ops: Vec::new(),
            y: margin,
        })
    }

    pub fn typeface(&self) -> &Typeface {
        &self.typeface
    }

    /// The left edge of the writing area.
    pub fn left(&self) -> f32 {
        self.margin
    }

    /// The width of the writing area.
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the cursor down by `dy` points.
    pub fn gap(&mut self, dy: f32) {
        self.y += dy;
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// How much room is left on this page below the cursor (a footer line is kept free).
    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    /// The room a fresh page has.
    pub fn page_room(&self) -> f32 {
        self.bottom() - self.margin
    }

    fn bottom(&self) -> f32 {
        self.height - self.margin
    }

    /// Starts a new page when less than `height` is left on this one.
    pub fn keep(&mut self, height: f32) {
        if self.room() < height {
            self.break_page();
        }
    }

    pub fn break_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.y = self.margin;
    }

    /// One line of text whose top is at `top`, starting at `x`.
    pub fn text_at(&mut self, x: f32, top: f32, style: Style, text: &str) {
        let text = self.typeface.printable(text);
        if text.trim().is_empty() {
            return;
        }
        let pos = Point {
            x: Pt(x),
            y: Pt(self.height - top - style.baseline()),
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: self.typeface.handle(style),
                size: Pt(style.size),
            },
            Op::SetTextCursor { pos },
            Op::ShowText {
                items: vec![TextItem::Text(text)],
            },
            Op::EndTextSection,
        ]);
    }

    /// One line of text in the box `x..x + width` at `top`, aligned in it.
    pub fn text_in(
        &mut self,
        x: f32,
        width: f32,
        top: f32,
        style: Style,
        align: Align,
        text: &str,
    ) {
        let shift = match align {
            Align::Left => 0.0,
            Align::Center => (width - self.typeface.width(style, text)) / 2.0,
            Align::Right => width - self.typeface.width(style, text),
        };
        self.text_at(x + shift.max(0.0), top, style, text);
    }

    /// `text` wrapped to the writing area at the cursor, aligned; the cursor moves below
    /// it, onto the next page when a line does not fit.
    pub fn paragraph(&mut self, style: Style, align: Align, text: &str) {
        let (x, width) = (self.left(), self.content_width());
        self.paragraph_in(x, width, style, align, text);
    }

    /// `text` wrapped into the column `x..x + width` at the cursor.
    pub fn paragraph_in(&mut self, x: f32, width: f32, style: Style, align: Align, text: &str) {
        for line in self.typeface.wrap(style, text, width) {
            self.keep(style.line_height());
            let top = self.y;
            self.text_in(x, width, top, style, align, &line);
            self.y += style.line_height();
        }
    }

    /// `label` in bold, then `text` wrapped beside it with a hanging indent: «Продавец:
    /// ООО "Облачные решения"». `indent` is where the text starts, from the left edge.
    pub fn labelled(&mut self, label: &str, indent: f32, style: Style, text: &str) {
        let bold = Style::bold(style.size);
        let label_width = self.typeface.width(bold, label) + style.size * 0.5;
        let indent = indent.max(label_width);
        let lines = self
            .typeface
            .wrap(style, text, self.content_width() - indent);
        self.keep(style.line_height());
        let (x, top) = (self.left(), self.y);
        self.text_at(x, top, bold, label);
        for line in lines {
            self.keep(style.line_height());
            let top = self.y;
            self.text_at(x + indent, top, style, &line);
            self.y += style.line_height();
        }
    }

    /// A straight line from `(x1, y1)` to `(x2, y2)`, 0.5 pt black.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(self.height - y),
            },
            bezier: false,
        };
        let line = Line {
            points: vec![point(x1, y1), point(x2, y2)],
            is_closed: false,
        };
        self.ops.push(Op::DrawLine { line });
    }

    /// A light grey box (a table's head) with its top-left at `(x, top)`.
    pub fn shade(&mut self, x: f32, top: f32, width: f32, height: f32) {
        let grey = |percent| Color::Greyscale(Greyscale::new(percent, None));
        let mut rectangle =
            Rect::from_xywh(Pt(x), Pt(self.height - top - height), Pt(width), Pt(height));
        rectangle.mode = Some(PaintMode::Fill);
        self.ops.extend([
            Op::SetFillColor { col: grey(0.92) },
            Op::DrawRectangle { rectangle },
            Op::SetFillColor { col: grey(0.0) },
        ]);
    }

    /// The PDF's bytes. `footer` gives each page's footer line from its number and the
    /// page count (`None`: no footer).
    pub fn finish(mut self, footer: impl Fn(usize, usize) -> Option<String>) -> Result<Vec<u8>> {
        self.pages.push(std::mem::take(&mut self.ops));
        let count = self.pages.len();
        let style = Style::regular(7.0);
        let pages = std::mem::take(&mut self.pages);
        let mut out = Vec::with_capacity(count);
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            if let Some(text) = footer(i + 1, count) {
                let (x, width, top) = (self.left(), self.content_width(), self.bottom() + 8.0);
                self.text_in(x, width, top, style, Align::Right, &text);
            }
            let mut ops = vec![
                Op::SetOutlineThickness { pt: Pt(0.5) },
                Op::SetOutlineColor {
                    col: Color::Greyscale(Greyscale::new(0.0, None)),
                },
            ];
            ops.append(&mut self.ops);
            out.push(PdfPage::new(
                Mm::from(Pt(self.width)),
                Mm::from(Pt(self.height)),
                ops,
            ));
        }
        let mut warnings = Vec::new();
        let bytes = self
            .doc
            .with_pages(out)
            .save(&PdfSaveOptions::default(), &mut warnings);
        let errors: Vec<String> = warnings
            .into_iter()
            .filter(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
            .map(|w| w.msg)
            .collect();
        if !errors.is_empty() {
            return Err(Error::Io(std::io::Error::other(format!(
                "the PDF could not be written: {}",
                errors.join("; ")
            ))));
        }
        Ok(bytes)
    }
}
