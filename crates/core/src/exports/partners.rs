//! Партнёры as the table shows them: ID, name, program, kind, ИНН, code, status, clients.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::words::word;
use super::{columns, Export, ProgramNames};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::partners::{partners_shown, PartnerQuery, PartnerRow};
use crate::{Lang, Result};

/// The table's columns (`ui/src/partners/partnerColumns.tsx`).
pub const COLUMNS: [(&str, ColumnKind); 8] = [
    ("col.id", ColumnKind::Text),
    ("col.name", ColumnKind::Text),
    ("col.program", ColumnKind::Text),
    ("col.kind", ColumnKind::Text),
    ("col.inn", ColumnKind::Text),
    ("col.code", ColumnKind::Text),
    ("col.status", ColumnKind::Text),
    ("col.clients", ColumnKind::Count),
];

fn row(r: &PartnerRow, programs: &ProgramNames, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::text(&r.partner),
        Cell::text(&r.name),
        Cell::text(programs.of(&r.program)),
        Cell::text(word(&format!("kind.{}", r.kind.key()), lang)),
        Cell::maybe(r.inn.as_deref()),
        Cell::maybe(r.code.as_deref()),
        Cell::text(word(&format!("status.{}", r.status.key()), lang)),
        Cell::Count(u64::from(r.clients)),
    ]
}

pub(super) fn export(
    db: &Db,
    query: &PartnerQuery,
    lang: Lang,
    today: NaiveDate,
) -> Result<Export> {
    let programs = ProgramNames::load(db, lang)?;
    let rows = partners_shown(db, query)?
        .iter()
        .map(|r| row(r, &programs, lang))
        .collect();
    Ok(Export {
        name: format!("partners-{today}.xlsx"),
        sheets: vec![Sheet {
            name: word("nav.partners", lang).to_owned(),
            columns: columns(&COLUMNS, lang),
            rows,
            totals: vec![],
        }],
    })
}
