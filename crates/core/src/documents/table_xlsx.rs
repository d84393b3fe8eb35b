//! A table of the app as an Excel workbook: one sheet per table, the header in bold on the
//! first row (frozen, with an autofilter over the rows), one row per line, then the totals
//! rows (bold, outside the filter). Cells are typed: a text (neutralised, see
//! [`neutral_text`]), money as a number shown in its unit, a day as a date, a count as a
//! number. Column widths follow what the column holds.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::spreadsheet_cells::{
    date_format, excel_date, money_format, neutral_text, spreadsheet_number, SheetNumber,
    COUNT_FORMAT,
};
use crate::{Error, Lang, Result};

/// What a column holds; sets its default width and how a blank cell in it is formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Money,
    Date,
    Count,
}

/// A column: its header (the screen's, in the user's language) and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(header: impl Into<String>, kind: ColumnKind) -> Column {
        Column {
            header: header.into(),
            kind,
        }
    }
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Blank,
    Text(String),
    /// An amount in a unit (`RUB`, `KZT`, `USD`, `bonus`, …).
    Money {
        amount: Decimal,
        unit: String,
    },
    Date(NaiveDate),
    Count(u64),
}

impl Cell {
    /// A text, or a blank cell for an empty one.
    pub fn text(value: impl Into<String>) -> Cell {
        let value = value.into();
        if value.is_empty() {
            Cell::Blank
        } else {
            Cell::Text(value)
        }
    }

    /// A text that may be missing.
    pub fn maybe(value: Option<&str>) -> Cell {
        value.map_or(Cell::Blank, Cell::text)
    }

    /// Money from the book's decimal text (`"12345.67"`) in `unit`.
    pub fn money(amount: &str, unit: &str) -> Result<Cell> {
        let parsed = amount.parse::<Decimal>().map_err(|_| {
            Error::refused(
                "xlsx_bad_amount",
                format!("«{amount}» — не сумма"),
                format!("«{amount}» is not an amount"),
            )
        })?;
        Ok(Cell::Money {
            amount: parsed,
            unit: unit.to_owned(),
        })
    }

    /// A day from the book's `YYYY-MM-DD`, or a blank cell when there is none.
    pub fn day(value: Option<&str>) -> Result<Cell> {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return Ok(Cell::Blank);
        };
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(Cell::Date)
            .map_err(|_| {
                Error::refused(
                    "xlsx_bad_date",
                    format!("«{value}» — не дата"),
                    format!("«{value}» is not a date"),
                )
            })
    }

    /// How many characters the cell shows, about: for the column's width.
    fn shown_width(&self) -> usize {
        match self {
            Cell::Blank => 0,
            Cell::Text(text) => text.chars().count(),
            Cell::Money { amount, unit } => {
                let digits = amount.trunc().abs().to_string().len();
                digits + digits / 3 + 4 + unit.chars().count().min(8)
            }
            Cell::Date(_) => 10,
            Cell::Count(n) => {
                let digits = n.to_string().len();
                digits + digits / 3
            }
        }
    }
}

/// One table: its sheet's name, columns, rows and totals rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Rows under the lines (a total per currency or unit), bold, outside the filter.
    pub totals: Vec<Vec<Cell>>,
}

/// The widest a column gets, in characters; longer texts are cut off on screen only.
const MAX_WIDTH: usize = 60;
const MIN_WIDTH: usize = 6;

/// The sheets as one `.xlsx` workbook; `lang` decides how days and bonuses are shown.
pub fn table_xlsx(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>> {
    let numbers = Numbers::of(sheets)?;
    let mut formats = Formats::new(lang);
    let mut workbook = Workbook::new();
    for (index, sheet) in sheets.iter().enumerate() {
        let page = workbook.add_worksheet();
        write_sheet(page, index, sheet, &numbers, &mut formats).map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(e))
}

/// Every amount of every sheet as a spreadsheet number, checked before anything is
/// written.
struct Numbers(HashMap<Decimal, SheetNumber>);

impl Numbers {
    fn of(sheets: &[Sheet]) -> Result<Numbers> {
        let mut numbers = HashMap::new();
        let cells = sheets
            .iter()
            .flat_map(|s| s.rows.iter().chain(&s.totals))
            .flatten();
        for cell in cells {
            if let Cell::Money { amount, .. } = cell {
                if !numbers.contains_key(amount) {
                    numbers.insert(*amount, spreadsheet_number(*amount)?);
                }
            }
        }
        Ok(Numbers(numbers))
    }

    fn get(&self, amount: &Decimal) -> f64 {
        self.0.get(amount).copied().map_or(0.0, f64::from)
    }
}

/// The cell formats, made once each; money's by unit and weight.
struct Formats {
    lang: Lang,
    header: Format,
    text: Format,
    date: Format,
    count: Format,
    bold: Format,
    money: HashMap<(String, bool), Format>,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let text = Format::new().set_align(FormatAlign::Top);
        Formats {
            lang,
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#D9E1F2")
                .set_border_bottom(FormatBorder::Thin),
            date: text.clone().set_num_format(date_format(lang)),
            count: text.clone().set_num_format(COUNT_FORMAT),
            bold: text.clone().set_bold(),
            text,
            money: HashMap::new(),
        }
    }

    fn money(&mut self, unit: &str, bold: bool) -> &Format {
        let lang = self.lang;
        self.money
            .entry((unit.to_owned(), bold))
            .or_insert_with(|| {
                let format = Format::new()
                    .set_align(FormatAlign::Top)
                    .set_num_format(money_format(unit, lang));
                if bold {
                    format.set_bold()
                } else {
                    format
                }
            })
    }

    fn blank(&self, kind: ColumnKind) -> &Format {
        match kind {
            ColumnKind::Date => &self.date,
            ColumnKind::Count => &self.count,
            ColumnKind::Text | ColumnKind::Money => &self.text,
        }
    }
}

/// A sheet's name as Excel takes it: at most 31 characters, none of `[]:*?/\`, unique in
/// the workbook (`index` tells the sheets apart when two names come out the same).
fn sheet_name(name: &str, index: usize) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let clean = clean.trim_matches('\'').trim();
    if clean.is_empty() {
        format!("{}", index + 1)
    } else if index == 0 {
        clean.to_owned()
    } else {
        format!("{clean} {}", index + 1)
    }
}

fn write_sheet(
    page: &mut Worksheet,
    index: usize,
    sheet: &Sheet,
    numbers: &Numbers,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    page.set_name(sheet_name(&sheet.name, index))?;
    let last_column = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (column, spec) in (0u16..).zip(&sheet.columns) {
        page.write_string_with_format(0, column, neutral_text(&spec.header), &formats.header)?;
        page.set_column_width(column, width(sheet, usize::from(column), spec) as f64)?;
    }
    let mut row = 1u32;
    for line in &sheet.rows {
        write_row(page, row, line, &sheet.columns, numbers, formats, false)?;
        row += 1;
    }
    let last_line = row - 1;
    for line in &sheet.totals {
        write_row(page, row, line, &sheet.columns, numbers, formats, true)?;
        row += 1;
    }
    page.set_freeze_panes(1, 0)?;
    if !sheet.columns.is_empty() {
        page.autofilter(0, 0, last_line, last_column)?;
    }
    Ok(())
}

fn width(sheet: &Sheet, column: usize, spec: &Column) -> usize {
    let least = match spec.kind {
        ColumnKind::Date => 11,
        ColumnKind::Money => 12,
        ColumnKind::Text | ColumnKind::Count => MIN_WIDTH,
    };
    let widest = sheet
        .rows
        .iter()
        .chain(&sheet.totals)
        .filter_map(|line| line.get(column))
        .map(Cell::shown_width)
        .max()
        .unwrap_or(0);
    // The header's filter button takes about three characters.
    let header = spec.header.chars().count() + 3;
    (widest + 2).max(header).max(least).min(MAX_WIDTH)
}

fn write_row(
    page: &mut Worksheet,
    row: u32,
    line: &[Cell],
    columns: &[Column],
    numbers: &Numbers,
    formats: &mut Formats,
    bold: bool,
) -> Result<(), XlsxError> {
    for (column, cell) in (0u16..).zip(line) {
        let kind = columns
            .get(usize::from(column))
            .map_or(ColumnKind::Text, |c| c.kind);
        match cell {
            Cell::Blank => page.write_blank(row, column, formats.blank(kind))?,
            Cell::Text(text) => {
                let format = if bold { &formats.bold } else { &formats.text };
                page.write_string_with_format(row, column, neutral_text(text), format)?
            }
            Cell::Money { amount, unit } => {
                let number = numbers.get(amount);
                page.write_number_with_format(row, column, number, formats.money(unit, bold))?
            }
            Cell::Date(date) => {
                page.write_datetime_with_format(row, column, excel_date(*date)?, &formats.date)?
            }
            Cell::Count(n) => {
                // A count of rows is far below 2^53: the double holds it exactly.
                page.write_number_with_format(row, column, *n as f64, &formats.count)?
            }
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_takes() {
        assert_eq!(sheet_name("Партнёры", 0), "Партнёры");
        assert_eq!(sheet_name("a/b:c", 0), "a_b_c");
        assert_eq!(sheet_name("Скидки", 1), "Скидки 2");
        assert_eq!(sheet_name("", 0), "1");
        assert!(sheet_name(&"x".repeat(40), 3).chars().count() <= 31);
    }

    #[test]
    fn a_bad_amount_or_day_is_refused() {
        assert_eq!(
            Cell::money("12,5", "RUB").expect_err("a comma").code(),
            "xlsx_bad_amount"
        );
        assert_eq!(
            Cell::day(Some("30.03.2026")).expect_err("not ISO").code(),
            "xlsx_bad_date"
        );
        assert_eq!(Cell::day(None).expect("none"), Cell::Blank);
    }
}
