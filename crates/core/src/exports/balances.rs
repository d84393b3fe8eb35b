//! Балансы as the table shows them: the partner, its name and program, the seven money
//! columns in the program's unit, and a totals row per unit.

use crate::store::sql::Db;

use super::words::{unit_label, word, word_with};
use super::{columns, file_part, Export};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::ledger::{balance_money, balances_shown, BalanceQuery, BalanceRow, BalanceTotal};
use crate::{Lang, Result};

/// The table's columns (`ui/src/accruals/BalancesTable.tsx`): the program as its id, as the
/// screen writes it.
pub const COLUMNS: [(&str, ColumnKind); 10] = [
    ("col.partner", ColumnKind::Text),
    ("col.name", ColumnKind::Text),
    ("col.program", ColumnKind::Text),
    ("balance.accrued", ColumnKind::Money),
    ("balance.reversed", ColumnKind::Money),
    ("balance.annulled", ColumnKind::Money),
    ("balance.on_hold", ColumnKind::Money),
    ("balance.available", ColumnKind::Money),
    ("balance.converted", ColumnKind::Money),
    ("balance.paid", ColumnKind::Money),
];

fn row(r: &BalanceRow) -> Result<Vec<Cell>> {
    let mut cells = vec![
        Cell::text(&r.partner),
        Cell::text(&r.name),
        Cell::text(&r.program),
    ];
    for amount in balance_money(r) {
        cells.push(Cell::money(amount, &r.unit)?);
    }
    Ok(cells)
}

/// «Итого, ₽ (партнёров: 2)» and the sums.
fn total(t: &BalanceTotal, lang: Lang) -> Vec<Cell> {
    let n = t.count.to_string();
    let label = word_with(
        "accruals.total",
        lang,
        &[("unit", unit_label(&t.unit, lang)), ("n", &n)],
    );
    let mut cells = vec![Cell::text(label), Cell::Blank, Cell::Blank];
    cells.extend(t.sums.iter().map(|sum| Cell::Money {
        amount: *sum,
        unit: t.unit.clone(),
    }));
    cells
}

pub(super) fn export(db: &Db, query: &BalanceQuery, lang: Lang) -> Result<Export> {
    let (found, totals) = balances_shown(db, query)?;
    let rows = found.iter().map(row).collect::<Result<_>>()?;
    let program = query
        .program
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| format!("-{}", file_part(p)))
        .unwrap_or_default();
    Ok(Export {
        name: format!("balances{program}-{}.xlsx", query.as_of),
        sheets: vec![Sheet {
            name: word("accruals.tab.balances", lang).to_owned(),
            columns: columns(&COLUMNS, lang),
            rows,
            totals: totals.iter().map(|t| total(t, lang)).collect(),
        }],
    })
}
