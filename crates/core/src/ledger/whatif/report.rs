//! What a what-if shows: one row per partner (in the book, under the rules, the
//! difference), totals per unit, and for a discount program the periods that would be
//! added or removed.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::WhatIfRequest;
use crate::discounts::DiscountPeriod;
use crate::money::{minor_text, to_minor};
use crate::natural_order::compare_natural;

/// One partner (FORMATS.md, `whatif --json`): net accruals of the payments replayed, as
/// the book holds them and under the rules. Money as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfRow {
    pub partner: String,
    pub program: String,
    pub unit: String,
    pub book: String,
    pub whatif: String,
    pub difference: String,
}

/// A column the what-if table sorts by (on screen, and so in its export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WhatIfSort {
    #[default]
    Partner,
    Book,
    Whatif,
    Difference,
}

/// The sums of every row of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfTotal {
    pub unit: String,
    pub book: String,
    pub whatif: String,
    pub difference: String,
    /// Partners whose difference is not zero.
    #[ts(type = "number")]
    pub partners_changed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Change {
    Added,
    Removed,
}

/// A discount period or package the rules would add or remove (the shape of
/// `discounts --json`, with `change`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiscountChange {
    #[serde(flatten)]
    pub period: DiscountPeriod,
    pub change: Change,
}

impl DiscountChange {
    /// The periods of `after` that `before` lacks (added) and the other way (removed).
    pub fn between(before: &[DiscountPeriod], after: &[DiscountPeriod]) -> Vec<DiscountChange> {
        let (was, is): (HashSet<_>, HashSet<_>) = (before.iter().collect(), after.iter().collect());
        let removed = before
            .iter()
            .filter(|p| !is.contains(p))
            .map(|p| (p, Change::Removed));
        let added = after
            .iter()
            .filter(|p| !was.contains(p))
            .map(|p| (p, Change::Added));
        let mut changes: Vec<DiscountChange> = removed
            .chain(added)
            .map(|(period, change)| DiscountChange {
                period: period.clone(),
                change,
            })
            .collect();
        changes.sort_by(|a, b| {
            (a.period.start, &a.period.client, a.change as u8).cmp(&(
                b.period.start,
                &b.period.client,
                b.change as u8,
            ))
        });
        changes
    }
}

/// The whole answer of a what-if.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfReport {
    pub program: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// Payments (and refunds) replayed.
    #[ts(type = "number")]
    pub payments: u64,
    /// Every partner with an entry in either result, by partner id.
    pub rows: Vec<WhatIfRow>,
    pub totals: Vec<WhatIfTotal>,
    /// Discount programs: the periods that would be added or removed.
    pub discounts: Vec<DiscountChange>,
}

impl WhatIfReport {
    pub(super) fn new(
        request: &WhatIfRequest,
        unit: &str,
        payments: u64,
        book: &HashMap<String, i64>,
        whatif: &HashMap<String, i64>,
        discounts: Vec<DiscountChange>,
    ) -> WhatIfReport {
        let partners: BTreeSet<&String> = book.keys().chain(whatif.keys()).collect();
        let (mut book_sum, mut whatif_sum, mut changed) = (0i64, 0i64, 0u64);
        let rows = partners
            .into_iter()
            .map(|partner| {
                let b = book.get(partner).copied().unwrap_or(0);
                let w = whatif.get(partner).copied().unwrap_or(0);
                book_sum += b;
                whatif_sum += w;
                changed += u64::from(b != w);
                WhatIfRow {
                    partner: partner.clone(),
                    program: request.program.clone(),
                    unit: unit.to_owned(),
                    book: minor_text(b),
                    whatif: minor_text(w),
                    difference: minor_text(w - b),
                }
            })
            .collect();
        WhatIfReport {
            program: request.program.clone(),
            from: request.from,
            to: request.to,
            payments,
            rows,
            totals: vec![WhatIfTotal {
                unit: unit.to_owned(),
                book: minor_text(book_sum),
                whatif: minor_text(whatif_sum),
                difference: minor_text(whatif_sum - book_sum),
                partners_changed: changed,
            }],
            discounts,
        }
    }

    /// The rows as the table shows them sorted by `sort`: by partner in the natural order,
    /// or by an amount and then the partner; `descending` turns the comparison round, so
    /// rows equal either way keep the report's order (as the screen's stable sort does).
    pub fn sorted_rows(&self, sort: WhatIfSort, descending: bool) -> Vec<&WhatIfRow> {
        let minor = |text: &str| text.parse().ok().and_then(to_minor).unwrap_or(0);
        let money = |a: &WhatIfRow, b: &WhatIfRow, pick: fn(&WhatIfRow) -> &str| {
            minor(pick(a))
                .cmp(&minor(pick(b)))
                .then_with(|| compare_natural(&a.partner, &b.partner))
        };
        let mut rows: Vec<&WhatIfRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| {
            let order = match sort {
                WhatIfSort::Partner => compare_natural(&a.partner, &b.partner),
                WhatIfSort::Book => money(a, b, |r| &r.book),
                WhatIfSort::Whatif => money(a, b, |r| &r.whatif),
                WhatIfSort::Difference => money(a, b, |r| &r.difference),
            };
            if descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    }

    /// Partners whose difference is not zero.
    pub fn partners_changed(&self) -> u64 {
        self.totals.iter().map(|t| t.partners_changed).sum()
    }
}
