//! A what-if as an Excel workbook: one row per partner (in the book, under the rules, the
//! difference) as number cells, then the totals per unit as values.

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::ledger::WhatIfReport;
use crate::{Error, Result};

const MONEY_FORMAT: &str = "#,##0.00";

/// The header of the partners' rows.
pub const WHATIF_COLUMNS: [&str; 5] = [
    "Партнёр",
    "Единица",
    "В книге",
    "По новым правилам",
    "Разница",
];

/// The report as `.xlsx` bytes.
pub fn whatif_xlsx(report: &WhatIfReport) -> Result<Vec<u8>> {
    workbook(report).map_err(|e| Error::Io(std::io::Error::other(e)))
}

fn number(text: &str) -> f64 {
    // a cell of a spreadsheet is a float; the money itself stays Decimal in the book
    Decimal::from_str(text)
        .ok()
        .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
        .unwrap_or_default()
}

fn workbook(report: &WhatIfReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Что если")?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format(MONEY_FORMAT);
    let to = report
        .to
        .map(|d| format!(" по {}", d.format("%d.%m.%Y")))
        .unwrap_or_default();
    sheet.write_string_with_format(
        0,
        0,
        format!(
            "Что если: {} с {}{to}",
            report.program,
            report.from.format("%d.%m.%Y")
        ),
        &bold,
    )?;
    for (col, title) in WHATIF_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *title, &bold)?;
    }
    let mut row = 3;
    for r in &report.rows {
        sheet.write_string(row, 0, &r.partner)?;
        sheet.write_string(row, 1, &r.unit)?;
        for (col, value) in [(2, &r.book), (3, &r.whatif), (4, &r.difference)] {
            sheet.write_number_with_format(row, col, number(value), &money)?;
        }
        row += 1;
    }
    for t in &report.totals {
        sheet.write_string_with_format(row, 0, format!("Итого {}", t.unit), &bold)?;
        sheet.write_string(row, 1, &t.unit)?;
        for (col, value) in [(2, &t.book), (3, &t.whatif), (4, &t.difference)] {
            sheet.write_number_with_format(row, col, number(value), &money)?;
        }
        row += 1;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 10)?;
    for col in 2..5 {
        sheet.set_column_width(col, 18)?;
    }
    book.save_to_buffer()
}
