//! Акты as the table shows them: number, day, partner and name (not on a partner's own
//! card), program, the amount in the program's unit, the money owed, the state, the two
//! deadlines and the payment; a totals row per currency.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::words::{count_text, unit_label, word, word_with};
use super::{columns, file_part, Export, ProgramNames};
use crate::acts::{acts_shown, ActQuery, ActRow, ActTotal};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::{Lang, Result};

/// The table's columns (`ui/src/acts/ActsTable.tsx`); a query for one partner leaves out
/// `col.partner` and `col.name`, as the partner card's «Акты» does.
pub const COLUMNS: [(&str, ColumnKind); 11] = [
    ("col.actNumber", ColumnKind::Text),
    ("col.date", ColumnKind::Date),
    ("col.partner", ColumnKind::Text),
    ("col.name", ColumnKind::Text),
    ("col.program", ColumnKind::Text),
    ("col.amount", ColumnKind::Money),
    ("col.money", ColumnKind::Money),
    ("col.status", ColumnKind::Text),
    ("col.signDue", ColumnKind::Date),
    ("col.payDue", ColumnKind::Date),
    ("col.paid", ColumnKind::Date),
];

/// Whether a column is shown: the partner's own ones are not on its card.
fn shown(key: &str, one_partner: bool) -> bool {
    !(one_partner && (key == "col.partner" || key == "col.name"))
}

fn row(r: &ActRow, programs: &ProgramNames, lang: Lang, one_partner: bool) -> Result<Vec<Cell>> {
    let mut cells = Vec::with_capacity(COLUMNS.len());
    for (key, _) in COLUMNS {
        if !shown(key, one_partner) {
            continue;
        }
        cells.push(match key {
            "col.actNumber" => Cell::text(&r.number),
            "col.date" => Cell::day(Some(&r.date))?,
            "col.partner" => Cell::text(&r.partner),
            "col.name" => Cell::text(&r.name),
            "col.program" => Cell::text(programs.of(&r.program)),
            "col.amount" => Cell::money(&r.amount, &r.unit)?,
            "col.money" => Cell::money(&r.money, &r.currency)?,
            "col.status" => Cell::text(word(&format!("actStatus.{}", r.status.key()), lang)),
            "col.signDue" => Cell::day(r.sign_due.as_deref())?,
            "col.payDue" => Cell::day(r.pay_due.as_deref())?,
            _ => Cell::day(r.paid.as_deref())?,
        });
    }
    Ok(cells)
}

/// «Итого, ₽ (актов: 3)» under the columns before the money owed, the money under it.
fn total(t: &ActTotal, lang: Lang, one_partner: bool) -> Result<Vec<Cell>> {
    let n = count_text(u64::from(t.count), lang);
    let label = word_with(
        "acts.total",
        lang,
        &[("unit", unit_label(&t.currency, lang)), ("n", &n)],
    );
    let mut cells = Vec::new();
    for (key, _) in COLUMNS {
        if !shown(key, one_partner) {
            continue;
        }
        cells.push(match key {
            "col.actNumber" => Cell::text(label.as_str()),
            "col.money" => Cell::money(&t.money, &t.currency)?,
            _ => Cell::Blank,
        });
    }
    Ok(cells)
}

pub(super) fn export(db: &Db, query: &ActQuery, lang: Lang, today: NaiveDate) -> Result<Export> {
    let one_partner = query.partner.as_deref().is_some_and(|p| !p.is_empty());
    let programs = ProgramNames::load(db, lang)?;
    let page = acts_shown(db, query, today)?;
    let rows = page
        .rows
        .iter()
        .map(|r| row(r, &programs, lang, one_partner))
        .collect::<Result<_>>()?;
    let totals = page
        .totals
        .iter()
        .map(|t| total(t, lang, one_partner))
        .collect::<Result<_>>()?;
    let spec: Vec<(&str, ColumnKind)> = COLUMNS
        .into_iter()
        .filter(|(key, _)| shown(key, one_partner))
        .collect();
    let partner = match &query.partner {
        Some(p) if one_partner => format!("-{}", file_part(p)),
        _ => String::new(),
    };
    Ok(Export {
        name: format!("acts{partner}-{today}.xlsx"),
        sheets: vec![Sheet {
            name: word("acts.tab.acts", lang).to_owned(),
            columns: columns(&spec, lang),
            rows,
            totals,
        }],
    })
}
