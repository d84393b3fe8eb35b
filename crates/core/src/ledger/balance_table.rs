//! The balances table the accruals screen shows: the rows the query finds, in its order,
//! and the totals per unit under them — summed here, so the screen adds no money.

use crate::store::sql::Db;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::balance_query::{balances_shown, BalanceQuery, BalanceTotal};
use super::balances::BalanceRow;
use crate::Result;

/// Every money column of one unit's rows summed, as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BalanceUnitTotal {
    pub unit: String,
    /// Partners summed.
    pub count: u32,
    pub accrued: String,
    pub reversed: String,
    pub annulled: String,
    pub on_hold: String,
    pub available: String,
    pub converted: String,
    pub paid: String,
}

/// The balances table: its rows and a totals line per unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BalanceTable {
    pub rows: Vec<BalanceRow>,
    pub totals: Vec<BalanceUnitTotal>,
}

fn unit_total(total: BalanceTotal) -> BalanceUnitTotal {
    let [accrued, reversed, annulled, on_hold, available, converted, paid] =
        total.sums.map(|d| format!("{:.2}", d));
    BalanceUnitTotal {
        unit: total.unit,
        count: u32::try_from(total.count).unwrap_or(u32::MAX),
        accrued,
        reversed,
        annulled,
        on_hold,
        available,
        converted,
        paid,
    }
}

/// The balances `q` finds (day, program, search), in its order, with the totals per unit.
pub fn balance_table(db: &Db, q: &BalanceQuery) -> Result<BalanceTable> {
    let (rows, totals) = balances_shown(db, q)?;
    Ok(BalanceTable {
        rows,
        totals: totals.into_iter().map(unit_total).collect(),
    })
}
