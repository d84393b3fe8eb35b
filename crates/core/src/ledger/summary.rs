//! What an import accrued, per program: the summary the import screen shows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::minor_text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AccrualTotal {
    pub program: String,
    pub unit: String,
    /// Payments (and refunds) accrued over.
    #[ts(type = "number")]
    pub payments: u64,
    /// Payments that earned a credit.
    #[ts(type = "number")]
    pub earned: u64,
    /// Payments that earned nothing (each keeps its reason).
    #[ts(type = "number")]
    pub unearned: u64,
    pub credited: String,
    pub reversed: String,
    pub annulled: String,
}

/// Running totals in minor units while an import accrues.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub unit: String,
    pub payments: u64,
    pub earned: u64,
    pub unearned: u64,
    pub credited: i64,
    pub reversed: i64,
    pub annulled: i64,
}

impl Tally {
    pub fn total(&self, program: &str) -> AccrualTotal {
        AccrualTotal {
            program: program.to_owned(),
            unit: self.unit.clone(),
            payments: self.payments,
            earned: self.earned,
            unearned: self.unearned,
            credited: minor_text(self.credited),
            reversed: minor_text(self.reversed),
            annulled: minor_text(self.annulled),
        }
    }
}
