//! Accruals per month per program: the chart on the overview and accruals screens.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

pub use crate::store::ledger::monthly_accruals;
