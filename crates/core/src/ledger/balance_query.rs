//! The balances table as the accruals screen shows it: every partner's balance as of a day
//! (of one program, or all), searched by partner id or name and sorted by a column — the
//! screen does both on the rows [`balances`] gives it, the same way as here — and the
//! totals per unit under it.

use crate::store::sql::Db;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::balances::{balances, BalanceRow};
use crate::money::to_minor;
use crate::natural_order::compare_natural;
use crate::{Error, Result};

/// A column the balances table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BalanceSort {
    #[default]
    Partner,
    Name,
    Program,
    Accrued,
    Reversed,
    Annulled,
    OnHold,
    Available,
    Converted,
    Paid,
}

/// What the balances table shows: the day, the program chip, the search box and the sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct BalanceQuery {
    pub as_of: NaiveDate,
    pub program: Option<String>,
    /// Part of the partner's id or name, any case.
    pub search: Option<String>,
    pub sort: Option<BalanceSort>,
    pub descending: Option<bool>,
}

/// The sums of every money column over the rows of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceTotal {
    pub unit: String,
    /// Partners summed.
    pub count: usize,
    /// Accrued, reversed, annulled, on hold, available, converted, paid.
    pub sums: [Decimal; 7],
}

/// The money columns of a row, in the table's order.
pub fn balance_money(row: &BalanceRow) -> [&str; 7] {
    [
        &row.accrued,
        &row.reversed,
        &row.annulled,
        &row.on_hold,
        &row.available,
        &row.converted,
        &row.paid,
    ]
}

fn amount(text: &str) -> Result<Decimal> {
    text.parse().map_err(|_| {
        Error::refused(
            "bad_balance",
            format!("«{text}» — не сумма"),
            format!("«{text}» is not an amount"),
        )
    })
}

/// Every balance the table shows for `q`, in its order, and the totals per unit (units in
/// the order they first appear among the rows found, before sorting, as the screen has it).
pub fn balances_shown(db: &Db, q: &BalanceQuery) -> Result<(Vec<BalanceRow>, Vec<BalanceTotal>)> {
    let program = q.program.as_deref().filter(|p| !p.is_empty());
    let search = q
        .search
        .as_deref()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let mut rows: Vec<BalanceRow> = balances(db, q.as_of, program)?
        .into_iter()
        .filter(|r| {
            search.as_ref().is_none_or(|s| {
                r.partner.to_lowercase().contains(s.as_str())
                    || r.name.to_lowercase().contains(s.as_str())
            })
        })
        .collect();
    let totals = totals_by_unit(&rows)?;
    let sort = q.sort.unwrap_or_default();
    let descending = q.descending.unwrap_or(false);
    // A stable sort on the comparison turned round: equal rows keep the book's order either
    // way, as the screen's `Array.prototype.sort` keeps them.
    rows.sort_by(|a, b| {
        let order = compare(sort, a, b);
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    Ok((rows, totals))
}

fn compare(sort: BalanceSort, a: &BalanceRow, b: &BalanceRow) -> std::cmp::Ordering {
    let money = |pick: fn(&BalanceRow) -> &str| {
        let minor = |r: &BalanceRow| pick(r).parse().ok().and_then(to_minor).unwrap_or(0);
        minor(a).cmp(&minor(b))
    };
    match sort {
        BalanceSort::Partner => compare_natural(&a.partner, &b.partner),
        BalanceSort::Name => compare_natural(&a.name, &b.name),
        BalanceSort::Program => compare_natural(&a.program, &b.program),
        BalanceSort::Accrued => money(|r| &r.accrued),
        BalanceSort::Reversed => money(|r| &r.reversed),
        BalanceSort::Annulled => money(|r| &r.annulled),
        BalanceSort::OnHold => money(|r| &r.on_hold),
        BalanceSort::Available => money(|r| &r.available),
        BalanceSort::Converted => money(|r| &r.converted),
        BalanceSort::Paid => money(|r| &r.paid),
    }
}

fn totals_by_unit(rows: &[BalanceRow]) -> Result<Vec<BalanceTotal>> {
    let mut totals: Vec<BalanceTotal> = Vec::new();
    for row in rows {
        let at = match totals.iter().position(|t| t.unit == row.unit) {
            Some(at) => at,
            None => {
                totals.push(BalanceTotal {
                    unit: row.unit.clone(),
                    count: 0,
                    sums: [Decimal::ZERO; 7],
                });
                totals.len() - 1
            }
        };
        let total = &mut totals[at];
        total.count += 1;
        for (sum, text) in total.sums.iter_mut().zip(balance_money(row)) {
            *sum += amount(text)?;
        }
    }
    Ok(totals)
}
