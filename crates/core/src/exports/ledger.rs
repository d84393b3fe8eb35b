//! A partner's ledger as its table shows it: day, entry, amount in the program's unit, the
//! day a credit becomes available, and the reason in words.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::words::{known_word, word};
use super::{columns, file_part, Export};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::ledger::{partner_entries, LedgerEntry};
use crate::partners::get_partner;
use crate::{Lang, Result};

/// The table's columns (`ui/src/accruals/PartnerLedgerView.tsx`).
pub const COLUMNS: [(&str, ColumnKind); 5] = [
    ("col.date", ColumnKind::Date),
    ("col.entryKind", ColumnKind::Text),
    ("col.amount", ColumnKind::Money),
    ("col.availableOn", ColumnKind::Date),
    ("col.reason", ColumnKind::Text),
];

fn row(e: &LedgerEntry, lang: Lang) -> Result<Vec<Cell>> {
    // An entry kind the screen has no word for is shown as the book names it.
    let kind = known_word(&format!("entry.{}", e.kind), lang).unwrap_or(&e.kind);
    let available = (e.kind == "credit").then_some(e.available_on.as_str());
    Ok(vec![
        Cell::day(Some(&e.date))?,
        Cell::text(kind),
        Cell::money(&e.amount, &e.unit)?,
        Cell::day(available)?,
        Cell::text(&e.reason),
    ])
}

pub(super) fn export(db: &Db, partner: &str, lang: Lang, today: NaiveDate) -> Result<Export> {
    get_partner(db, partner)?;
    let rows = partner_entries(db, partner, lang)?
        .iter()
        .map(|e| row(e, lang))
        .collect::<Result<_>>()?;
    Ok(Export {
        name: format!("ledger-{}-{today}.xlsx", file_part(partner)),
        sheets: vec![Sheet {
            name: word("accruals.tab.ledger", lang).to_owned(),
            columns: columns(&COLUMNS, lang),
            rows,
            totals: vec![],
        }],
    })
}
