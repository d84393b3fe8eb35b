//! The register's XLSX, read back with calamine: every line's cells, and each currency's
//! total equal to the sum of its lines.

use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use partnerbook_core::documents::register_xlsx::{
    REGISTER_COLUMNS, REGISTER_HEADER_ROW, REGISTER_SHEET,
};
use partnerbook_core::documents::{register_xlsx, sample, PayoutRegister};
use rust_decimal::Decimal;

use crate::{day, generated_register, money, register_with_paid_and_kzt};

struct Sheet {
    range: calamine::Range<Data>,
    formulas: calamine::Range<String>,
}

impl Sheet {
    fn read(bytes: Vec<u8>) -> Sheet {
        let mut book = Xlsx::new(Cursor::new(bytes)).expect("an xlsx workbook");
        assert_eq!(book.sheet_names(), vec![REGISTER_SHEET.to_owned()]);
        let range = book.worksheet_range(REGISTER_SHEET).expect("the sheet");
        let formulas = book.worksheet_formula(REGISTER_SHEET).expect("formulas");
        Sheet { range, formulas }
    }

    fn cell(&self, row: u32, column: u32) -> Data {
        self.range
            .get_value((row, column))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn text(&self, row: u32, column: u32) -> Option<String> {
        match self.cell(row, column) {
            Data::String(text) => Some(text),
            Data::Empty => None,
            other => panic!("row {row} column {column}: not text but {other:?}"),
        }
    }

    /// The exact amount a number cell holds: the double's shortest round-trip text.
    fn amount(&self, row: u32, column: u32) -> Decimal {
        match self.cell(row, column) {
            Data::Float(number) => Decimal::from_str(&number.to_string()).expect("decimal"),
            Data::Int(number) => Decimal::from(number),
            other => panic!("row {row} column {column}: not a number but {other:?}"),
        }
    }

    fn date(&self, row: u32, column: u32) -> Option<NaiveDate> {
        match self.cell(row, column) {
            Data::DateTime(value) => {
                assert!(value.is_datetime(), "row {row} column {column}");
                let (y, m, d, ..) = value.to_ymd_hms_milli();
                Some(day(i32::from(y), u32::from(m), u32::from(d)))
            }
            Data::Empty => None,
            other => panic!("row {row} column {column}: not a date but {other:?}"),
        }
    }

    fn formula(&self, row: u32, column: u32) -> String {
        self.formulas
            .get_value((row, column))
            .cloned()
            .unwrap_or_default()
    }
}

/// Every line's cells, then one total row per currency equal to the sum of its lines'
/// cells, exactly, and to the register's own total.
fn assert_sheet_holds(register: &PayoutRegister, sheet: &Sheet) {
    let first = REGISTER_HEADER_ROW + 1;
    let mut sums: Vec<(String, Decimal)> = Vec::new();
    for (index, line) in register.lines.iter().enumerate() {
        let row = first + u32::try_from(index).expect("few lines");
        let at = format!("line {} ({})", index + 1, line.act_number);
        assert_eq!(sheet.amount(row, 0), Decimal::from(index + 1), "{at} №");
        assert_eq!(sheet.text(row, 1).as_ref(), Some(&line.name), "{at}");
        assert_eq!(sheet.text(row, 2).as_ref(), Some(&line.partner_id), "{at}");
        assert_eq!(sheet.text(row, 3), line.inn, "{at} ИНН as text");
        assert_eq!(sheet.text(row, 4), line.kpp, "{at} КПП as text");
        assert_eq!(sheet.text(row, 5), line.bik, "{at} БИК as text");
        assert_eq!(sheet.text(row, 6), line.account, "{at} account as text");
        assert_eq!(sheet.text(row, 7).as_ref(), Some(&line.act_number), "{at}");
        assert_eq!(sheet.date(row, 8), Some(line.act_date), "{at} act date");
        let amount = sheet.amount(row, 9);
        assert_eq!(amount, line.amount, "{at} amount");
        assert_eq!(sheet.text(row, 10).as_ref(), Some(&line.currency), "{at}");
        match &line.vat {
            Some(vat) => assert_eq!(sheet.amount(row, 11), vat.amount, "{at} VAT"),
            None => assert_eq!(sheet.text(row, 11).as_deref(), Some("без НДС"), "{at}"),
        }
        assert_eq!(sheet.date(row, 12), line.signed, "{at} signed");
        assert_eq!(
            sheet.text(row, 13).as_deref(),
            line.e_signed.then_some("да"),
            "{at} signed electronically"
        );
        assert_eq!(sheet.date(row, 14), line.pay_due, "{at} due");
        assert_eq!(sheet.date(row, 15), line.paid, "{at} paid");
        assert_eq!(sheet.text(row, 16).as_ref(), Some(&line.purpose), "{at}");
        match sums.iter_mut().find(|(c, _)| *c == line.currency) {
            Some((_, sum)) => *sum += amount,
            None => sums.push((line.currency.clone(), amount)),
        }
    }
    let totals = register.totals();
    assert_eq!(
        totals.iter().map(|(c, _)| c).collect::<Vec<_>>(),
        sums.iter().map(|(c, _)| c).collect::<Vec<_>>()
    );
    let first_total = first + u32::try_from(register.lines.len()).expect("few lines");
    for (offset, ((currency, total), (_, sum))) in (0u32..).zip(totals.iter().zip(&sums)) {
        let row = first_total + offset;
        assert_eq!(sheet.text(row, 1), Some(format!("Итого {currency}")));
        assert_eq!(sheet.text(row, 10).as_ref(), Some(currency));
        let cell = sheet.amount(row, 9);
        assert_eq!(cell, *sum, "Итого {currency}: the sum of its lines' cells");
        assert_eq!(cell, *total, "Итого {currency}: the register's total");
        let formula = sheet.formula(row, 9);
        assert!(
            formula.starts_with("SUMIF(") && formula.contains(&format!("\"{currency}\"")),
            "{formula}"
        );
    }
    let after = first_total + u32::try_from(totals.len()).expect("few currencies");
    assert_eq!(
        sheet.cell(after, 1),
        Data::Empty,
        "nothing below the totals"
    );
}

#[test]
fn the_xlsx_has_a_title_the_payer_and_the_header() {
    let register = sample::register();
    let sheet = Sheet::read(register_xlsx(&register).expect("xlsx"));
    assert_eq!(
        sheet.text(0, 0).as_deref(),
        Some("Реестр выплат за ноябрь 2026")
    );
    let payer = sheet.text(1, 0).expect("the payer row");
    assert!(payer.contains("ООО \"Вендор Софт\""), "{payer}");
    assert!(payer.contains("ИНН 7707083893"), "{payer}");
    assert!(payer.contains("р/с 40702810938000000001"), "{payer}");
    assert!(payer.ends_with("реестр составлен 01.12.2026"), "{payer}");
    for (column, (name, _)) in (0u32..).zip(REGISTER_COLUMNS) {
        assert_eq!(
            sheet.text(REGISTER_HEADER_ROW, column).as_deref(),
            Some(name),
            "column {column}"
        );
    }
    assert_eq!(REGISTER_COLUMNS.len(), 17);
}

#[test]
fn the_xlsx_of_the_sample_reads_back_line_by_line_with_its_totals() {
    let register = sample::register();
    let sheet = Sheet::read(register_xlsx(&register).expect("xlsx"));
    assert_sheet_holds(&register, &sheet);
    // The БИК keeps its leading zero, the account all 20 digits.
    assert_eq!(sheet.text(3, 5).as_deref(), Some("044525225"));
    assert_eq!(sheet.text(4, 6).as_deref(), Some("40702810755000012345"));
    assert_eq!(sheet.amount(4, 9), money("12345.67"));
    assert_eq!(sheet.text(6, 1).as_deref(), Some("Итого RUB"));
    assert_eq!(sheet.amount(6, 9), money("17345.67"));
    assert_eq!(sheet.text(7, 1).as_deref(), Some("Итого USD"));
    assert_eq!(sheet.amount(7, 9), money("80.50"));
}

#[test]
fn the_xlsx_shows_vat_paid_lines_and_other_currencies() {
    let register = register_with_paid_and_kzt();
    let sheet = Sheet::read(register_xlsx(&register).expect("xlsx"));
    assert_sheet_holds(&register, &sheet);
    assert_eq!(sheet.amount(4, 11), money("2226.26"), "VAT");
    assert_eq!(sheet.date(6, 15), Some(day(2026, 11, 20)), "paid");
}

#[test]
fn the_xlsx_of_300_random_lines_totals_each_currency_exactly() {
    let register = generated_register(300);
    let sheet = Sheet::read(register_xlsx(&register).expect("xlsx"));
    assert_sheet_holds(&register, &sheet);
    assert_eq!(register.totals().len(), 3);
}

#[test]
fn an_empty_register_has_its_header_and_no_totals() {
    let mut register = sample::register();
    register.lines.clear();
    let sheet = Sheet::read(register_xlsx(&register).expect("xlsx"));
    assert_eq!(
        sheet.text(REGISTER_HEADER_ROW, 1).as_deref(),
        Some("Партнёр")
    );
    assert_eq!(sheet.cell(REGISTER_HEADER_ROW + 1, 1), Data::Empty);
}

#[test]
fn a_register_month_not_yyyy_mm_is_refused() {
    let mut register = sample::register();
    register.month = "ноябрь".into();
    let err = register_xlsx(&register).expect_err("no month");
    assert_eq!(err.code(), "register_month");
}
