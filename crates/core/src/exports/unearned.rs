//! «Без начисления» as the table shows it: day, payment, program (its id), client,
//! partner, amount and the reason it earned nothing.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::words::word;
use super::{columns, Export};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::ledger::{unearned_shown, UnearnedPayment, UnearnedQuery};
use crate::{Lang, Result};

/// The table's columns (`ui/src/accruals/UnearnedTab.tsx`).
pub const COLUMNS: [(&str, ColumnKind); 7] = [
    ("col.date", ColumnKind::Date),
    ("col.payment", ColumnKind::Text),
    ("col.program", ColumnKind::Text),
    ("col.client", ColumnKind::Text),
    ("col.partner", ColumnKind::Text),
    ("col.amount", ColumnKind::Money),
    ("col.reason", ColumnKind::Text),
];

fn row(p: &UnearnedPayment) -> Result<Vec<Cell>> {
    Ok(vec![
        Cell::day(Some(&p.date))?,
        Cell::text(&p.payment),
        Cell::text(&p.program),
        Cell::text(&p.client),
        Cell::maybe(p.partner.as_deref()),
        Cell::money(&p.amount, &p.unit)?,
        Cell::text(&p.reason),
    ])
}

pub(super) fn export(
    db: &Db,
    query: &UnearnedQuery,
    lang: Lang,
    today: NaiveDate,
) -> Result<Export> {
    let rows = unearned_shown(db, query, lang)?
        .iter()
        .map(row)
        .collect::<Result<_>>()?;
    Ok(Export {
        name: format!("unearned-{today}.xlsx"),
        sheets: vec![Sheet {
            name: word("accruals.tab.unearned", lang).to_owned(),
            columns: columns(&COLUMNS, lang),
            rows,
            totals: vec![],
        }],
    })
}
