//! Accruals per month per program: the chart on the overview and accruals screens.

use crate::store::sql::Db;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::minor_text;
use crate::Result;

/// Credits net of reversals in one month of one program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthlyAccrual {
    /// `YYYY-MM`.
    pub month: String,
    pub program: String,
    pub unit: String,
    pub credited: String,
    pub reversed: String,
    pub net: String,
}

/// Every month with entries, oldest first.
pub fn monthly_accruals(db: &Db) -> Result<Vec<MonthlyAccrual>> {
    let mut stmt = db.prepare_cached(
        "SELECT substr(l.date, 1, 7) AS month, p.program, g.unit,
                coalesce(sum(CASE l.kind WHEN 'credit' THEN l.amount END), 0),
                coalesce(sum(CASE l.kind WHEN 'reversal' THEN l.amount END), 0)
         FROM ledger l JOIN partners p ON p.id = l.partner JOIN programs g ON g.id = p.program
         WHERE l.kind IN ('credit', 'reversal')
         GROUP BY month, p.program, g.unit ORDER BY month, p.program",
    )?;
    let rows = stmt.query_map([], |r| {
        let credited: i64 = r.get(3)?;
        let reversed: i64 = r.get(4)?;
        Ok(MonthlyAccrual {
            month: r.get(0)?,
            program: r.get(1)?,
            unit: r.get(2)?,
            credited: minor_text(credited),
            reversed: minor_text(reversed),
            net: minor_text(credited - reversed),
        })
    })?;
    rows.collect::<crate::Result<_>>()
}
