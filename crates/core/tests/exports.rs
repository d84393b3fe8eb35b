//! Every table exported as it is shown, read back with calamine as a spreadsheet reads it:
//! the screen's headers (checked against the UI's own dictionaries), every row the filters
//! and the search find in the screen's order, money as number cells, days as date cells,
//! the words the screen writes. The cases live in `exports_cases/`; here: the book they
//! export from, the export call and the reader.

mod common;
mod exports_cases;

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::str::FromStr;

use calamine::{Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use common::*;
use partnerbook_core::acts::{act_step, convert, ActStep, ConvertRequest};
use partnerbook_core::exports::{export_table, ExportRequest, TableQuery};
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use rust_decimal::Decimal;

/// The day the exports are made on.
pub fn today() -> NaiveDate {
    day(2026, 3, 20)
}

pub fn named(input: PartnerInput, name: &str) -> PartnerInput {
    PartnerInput {
        name: s(name),
        ..input
    }
}

/// Five partners in three programs; P-1 (two paying clients, a contract) has two acts, one
/// of them sent; P-2 (suspended) one paying client; a payment of an unbound client that
/// earned nothing.
pub fn book_of_every_table() -> Book {
    let mut book = book();
    set_vendor(&mut book);
    let alfa = PartnerInput {
        contract_no: s("Д-1"),
        contract_date: s("2025-01-15"),
        ..named(ooo("P-1", "bitrix24", INN_SBER, "ALFA"), "ООО «Альфа»")
    };
    add_partner(&mut book, alfa);
    add_partner_with_status(
        &mut book,
        named(ooo("P-2", "bitrix24", INN_YANDEX, "BETA"), "ООО «Бета»"),
        "suspended",
    );
    add_partner(
        &mut book,
        named(ooo("P-10", "bitrix24", INN_TBANK, "GAMMA"), "ООО «Гамма»"),
    );
    add_partner(
        &mut book,
        named(foreign("Q-1", "quantower", "QONE"), "Quant One Ltd"),
    );
    add_partner(&mut book, kz_partner("K-1", BIN_HALYK, "ASEL"));
    bitrix_client_paying(&mut book, "B-1", "ALFA", "40000");
    bitrix_client_paying(&mut book, "B-2", "BETA", "10000");
    bitrix_client_paying(&mut book, "B-3", "ALFA", "4000.50");
    billing_ok(
        &mut book,
        &format!("{BILLING_HEADER}U-1,bitrix24,2026-03-05,U-1,700,,,,,,,\n"),
    );
    let actor = actor();
    for (date, amount) in [(day(2026, 3, 10), "5000"), (day(2026, 3, 11), "6000")] {
        let request = ConvertRequest {
            partner: "P-1".into(),
            date,
            amount: Some(amount.parse().expect("an amount")),
            payout_kind: None,
            key: None,
        };
        book.write(|tx| convert(tx, &actor, &request))
            .expect("converted");
    }
    book.write(|tx| act_step(tx, &actor, "2026-0001", &ActStep::Send(day(2026, 3, 12))))
        .expect("sent");
    book
}

/// The table exported from `book` in `lang`: its suggested name and the workbook read back.
pub fn export(book: &Book, table: TableQuery, lang: Lang) -> (String, Workbook) {
    let request = ExportRequest { lang, table };
    let file = export_table(book.db(), &request, today()).expect("the export");
    (file.name, Workbook::read(file.bytes))
}

/// A workbook read back: each sheet's cells, the raw XML of each sheet, and the styles
/// (number formats).
pub struct Workbook {
    pub sheets: Vec<(String, Range<Data>)>,
    pub xml: Vec<String>,
    pub styles: String,
}

impl Workbook {
    pub fn read(bytes: Vec<u8>) -> Workbook {
        let mut xlsx = Xlsx::new(Cursor::new(bytes.clone())).expect("an xlsx workbook");
        let sheets = xlsx
            .sheet_names()
            .into_iter()
            .map(|name| {
                let range = xlsx.worksheet_range(&name).expect("the sheet");
                (name, range)
            })
            .collect::<Vec<_>>();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut part = |name: &str| {
            let mut text = String::new();
            zip.by_name(name)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .read_to_string(&mut text)
                .expect("UTF-8 XML");
            text
        };
        let xml = (1..=sheets.len())
            .map(|n| part(&format!("xl/worksheets/sheet{n}.xml")))
            .collect();
        let styles = part("xl/styles.xml");
        Workbook {
            sheets,
            xml,
            styles,
        }
    }

    pub fn sheet(&self, index: usize) -> Sheet<'_> {
        let (name, range) = &self.sheets[index];
        Sheet { name, range }
    }
}

/// One sheet read back: row 0 is the header.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub range: &'a Range<Data>,
}

impl Sheet<'_> {
    pub fn cell(&self, row: usize, column: usize) -> Data {
        self.range
            .get_value((row as u32, column as u32))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    pub fn headers(&self) -> Vec<String> {
        (0..self.range.width())
            .map(|c| self.text(0, c).unwrap_or_default())
            .collect()
    }

    /// Rows under the header (lines and totals).
    pub fn height(&self) -> usize {
        self.range.height().saturating_sub(1)
    }

    pub fn text(&self, row: usize, column: usize) -> Option<String> {
        match self.cell(row, column) {
            Data::String(text) => Some(text),
            Data::Empty => None,
            other => panic!("row {row} column {column}: not text but {other:?}"),
        }
    }

    /// The texts of a column over rows `1..=n`.
    pub fn column(&self, column: usize, n: usize) -> Vec<String> {
        (1..=n)
            .map(|row| self.text(row, column).unwrap_or_default())
            .collect()
    }

    /// The exact amount a number cell holds: the double's shortest round-trip text.
    pub fn amount(&self, row: usize, column: usize) -> Decimal {
        match self.cell(row, column) {
            Data::Float(number) => Decimal::from_str(&number.to_string()).expect("decimal"),
            Data::Int(number) => Decimal::from(number),
            other => panic!("row {row} column {column}: not a number but {other:?}"),
        }
    }

    pub fn date(&self, row: usize, column: usize) -> Option<NaiveDate> {
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
}

/// The UI's dictionary of `lang` (`ui/src/i18n/ru.ts`, `en.ts`, and the words the core
/// owns as the UI has them, `ui/src/bindings/coreWords.ts`): key → text.
pub fn ui_words(lang: Lang) -> HashMap<String, String> {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src");
    let mut words = ui_file_words(&ui.join("i18n").join(format!("{}.ts", lang.key())));
    let (start, end) = match lang {
        Lang::Ru => ("export const coreRu", "export const coreEn"),
        Lang::En => ("export const coreEn", ""),
    };
    let source = std::fs::read_to_string(ui.join("bindings/coreWords.ts")).expect("coreWords.ts");
    let from = source.find(start).expect("the language's words");
    let part = match source[from..].find(end).filter(|_| !end.is_empty()) {
        Some(to) => &source[from..from + to],
        None => &source[from..],
    };
    words.extend(entries(part, "coreWords.ts"));
    words
}

fn ui_file_words(path: &std::path::Path) -> HashMap<String, String> {
    let source = std::fs::read_to_string(path).expect("the UI's dictionary");
    entries(&source, &path.display().to_string())
}

/// Every `"key": "text",` line of `source`.
fn entries(source: &str, name: &str) -> HashMap<String, String> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with('"'))
        .map(|line| {
            let entry = format!("{{{}}}", line.trim_end_matches(','));
            let map: HashMap<String, String> =
                serde_json::from_str(&entry).unwrap_or_else(|e| panic!("{name}: {line}: {e}"));
            map.into_iter().next().expect("one entry")
        })
        .collect()
}

/// The UI's headers for `keys`, in `lang`.
pub fn ui_headers(keys: &[&str], lang: Lang) -> Vec<String> {
    let words = ui_words(lang);
    keys.iter()
        .map(|k| {
            words
                .get(*k)
                .unwrap_or_else(|| panic!("the UI has no {k}"))
                .clone()
        })
        .collect()
}
