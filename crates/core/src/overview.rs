//! Сводка: what the department must do today and this week (acts to sign, payouts to
//! make, what is overdue), the balances ready for conversion and the last import.

use crate::store::sql::Db;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::{deadlines, ready_list, Deadline, ReadyBalance, ReadyTotal};
use crate::import::{import_history, ImportRecord};
use crate::store::acts::count_drafts;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Overview {
    pub as_of: String,
    /// Due before `as_of` and not done.
    pub overdue: Vec<Deadline>,
    /// Due on `as_of`.
    pub today: Vec<Deadline>,
    /// Due in the seven days after `as_of`.
    pub week: Vec<Deadline>,
    pub ready: Vec<ReadyBalance>,
    /// What is ready, summed per unit.
    pub ready_totals: Vec<ReadyTotal>,
    /// Acts drafted and not yet sent.
    pub drafts: u32,
    pub last_import: Option<ImportRecord>,
}

pub fn overview(db: &Db, as_of: NaiveDate) -> Result<Overview> {
    let week_end = as_of.checked_add_days(Days::new(7)).unwrap_or(as_of);
    let (mut overdue, mut today, mut week) = (Vec::new(), Vec::new(), Vec::new());
    for d in deadlines(db, as_of)? {
        let due = NaiveDate::parse_from_str(&d.due, "%Y-%m-%d").unwrap_or(as_of);
        if due < as_of {
            overdue.push(d);
        } else if due == as_of {
            today.push(d);
        } else if due <= week_end {
            week.push(d);
        }
    }
    let drafts = count_drafts(db)?;
    let ready = ready_list(db, as_of, None)?;
    Ok(Overview {
        as_of: as_of.to_string(),
        overdue,
        today,
        week,
        ready: ready.rows,
        ready_totals: ready.totals,
        drafts,
        last_import: import_history(db)?.into_iter().next(),
    })
}
