//! FORMATS.md, "Exports": a text a spreadsheet would run as a formula gets a leading `'`,
//! numbers stay numbers, and no sheet holds a formula.

use calamine::Data;
use partnerbook_core::clients::{record_client, ClientQuery, ClientRecord};
use partnerbook_core::documents::{register_xlsx, sample};
use partnerbook_core::exports::TableQuery;
use partnerbook_core::partners::{PartnerQuery, PartnerSort};
use partnerbook_core::Lang;

use crate::common::*;
use crate::{export, named, Workbook};

/// What a partner's name may be made to start with (the form trims a leading tab or CR:
/// those are a client's, below).
const HOSTILE: [&str; 4] = ["=HYPERLINK(\"http://x\",\"y\")", "+7 999", "-1", "@SUM(A1)"];

fn no_formula_in(workbook: &Workbook) {
    for (n, xml) in workbook.xml.iter().enumerate() {
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "sheet {}: a formula element",
            n + 1
        );
    }
}

#[test]
fn a_partner_named_like_a_formula_is_exported_as_quoted_text() {
    let mut book = book();
    for (i, name) in HOSTILE.iter().enumerate() {
        let id = format!("F-{i}");
        add_partner(
            &mut book,
            named(foreign(&id, "quantower", &format!("Q{i}")), name),
        );
    }
    // An id and a code that start like formulas too.
    add_partner(
        &mut book,
        named(foreign("=1+2", "quantower", "-1"), "Plain Name"),
    );
    let query = PartnerQuery {
        sort: Some(PartnerSort::Partner),
        ..PartnerQuery::default()
    };
    let (_, workbook) = export(&book, TableQuery::Partners { query }, Lang::Ru);
    no_formula_in(&workbook);
    let sheet = workbook.sheet(0);
    assert_eq!(sheet.height(), HOSTILE.len() + 1);
    // Sorted by id: "=1+2" first, then F-0 … F-5.
    assert_eq!(sheet.text(1, 0).as_deref(), Some("'=1+2"));
    assert_eq!(sheet.text(1, 1).as_deref(), Some("Plain Name"));
    assert_eq!(sheet.text(1, 5).as_deref(), Some("'-1"), "the code");
    for (i, name) in HOSTILE.iter().enumerate() {
        let row = i + 2;
        assert_eq!(sheet.text(row, 0), Some(format!("F-{i}")));
        let cell = sheet.text(row, 1).expect("the name as text");
        assert!(cell.starts_with('\''), "{cell:?}");
        assert_eq!(cell, format!("'{name}"));
        assert_eq!(
            sheet.cell(row, 7),
            Data::Float(0.0),
            "a count stays a number"
        );
    }
}

#[test]
fn a_client_named_like_a_formula_is_exported_as_quoted_text() {
    let book = book();
    let names = [
        ("@C-1", "=cmd|' /C calc'!A0"),
        ("C-2", "\tcmd"),
        ("C-3", "\r=1+1"),
    ];
    for (client, name) in names {
        let record = ClientRecord {
            program: "bitrix24".into(),
            client_id: client.into(),
            name: Some(name.into()),
            inn: None,
            registered: Some(day(2026, 2, 1)),
            users: None,
            active_since: None,
            promo_ends: None,
        };
        record_client(book.db(), &record)
            .expect("the database answers")
            .expect("a valid client");
    }
    let (_, workbook) = export(
        &book,
        TableQuery::Clients {
            query: ClientQuery::default(),
        },
        Lang::Ru,
    );
    no_formula_in(&workbook);
    let sheet = workbook.sheet(0);
    // By client id: "@C-1" before "C-2".
    assert_eq!(sheet.text(1, 0).as_deref(), Some("'@C-1"));
    assert_eq!(sheet.text(1, 1).as_deref(), Some("'=cmd|' /C calc'!A0"));
    assert_eq!(
        sheet.date(1, 3),
        Some(day(2026, 2, 1)),
        "a date stays a date"
    );
    assert_eq!(sheet.text(2, 1).as_deref(), Some("'\tcmd"));
    assert_eq!(sheet.text(3, 1).as_deref(), Some("'\r=1+1"));
}

#[test]
fn the_payout_register_quotes_a_name_like_a_formula_too() {
    let mut register = sample::register();
    register.lines[0].name = "=HYPERLINK(\"http://x\",\"y\")".into();
    register.lines[0].purpose = "+7 999".into();
    let workbook = Workbook::read(register_xlsx(&register).expect("xlsx"));
    let sheet = workbook.sheet(0);
    let first = 3;
    assert_eq!(
        sheet.text(first, 1).as_deref(),
        Some("'=HYPERLINK(\"http://x\",\"y\")")
    );
    assert_eq!(sheet.text(first, 16).as_deref(), Some("'+7 999"));
    assert!(matches!(sheet.cell(first, 9), Data::Float(_)), "the amount");
    // The register's own totals are formulas (SUMIF); nothing a person typed is.
    let formulas: Vec<&str> = workbook.xml[0]
        .split("<f>")
        .skip(1)
        .map(|rest| rest.split("</f>").next().unwrap_or_default())
        .collect();
    assert_eq!(formulas.len(), 2, "a total per currency: {formulas:?}");
    assert!(
        formulas.iter().all(|f| f.starts_with("SUMIF(")),
        "{formulas:?}"
    );
}
