//! Balances ready for conversion, and converting them all at once (a month's acts as a
//! batch). The batch is one transaction: cancelled or refused, it changes nothing.

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::convert::{convert, last_conversion, may_convert, ConvertRequest};
use super::model::Conversion;
use crate::audit::Actor;
use crate::ledger::balances;
use crate::money::{minor_text, to_minor};
use crate::partners::get_partner;
use crate::programs::ProgramCache;
use crate::{Error, Result};

/// A partner whose available balance may be converted now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadyBalance {
    pub partner: String,
    pub name: String,
    pub program: String,
    pub unit: String,
    pub available: String,
    /// The program's threshold.
    pub min_amount: String,
}

/// What is ready in one unit: how many partners and their available sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadyTotal {
    pub unit: String,
    pub count: u32,
    pub available: String,
}

/// The balances ready for conversion and their totals per unit (units in the order they
/// first appear): what the month's batch dialog shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadyList {
    pub rows: Vec<ReadyBalance>,
    pub totals: Vec<ReadyTotal>,
}

/// [`ready_to_convert`] with the totals per unit.
pub fn ready_list(db: &Db, as_of: NaiveDate, program: Option<&str>) -> Result<ReadyList> {
    let rows = ready_to_convert(db, as_of, program)?;
    let mut sums: Vec<(String, u32, i64)> = Vec::new();
    for row in &rows {
        let minor = row.available.parse().ok().and_then(to_minor).unwrap_or(0);
        match sums.iter_mut().find(|(unit, _, _)| *unit == row.unit) {
            Some((_, count, sum)) => {
                *count += 1;
                *sum += minor;
            }
            None => sums.push((row.unit.clone(), 1, minor)),
        }
    }
    let totals = sums
        .into_iter()
        .map(|(unit, count, sum)| ReadyTotal {
            unit,
            count,
            available: minor_text(sum),
        })
        .collect();
    Ok(ReadyList { rows, totals })
}

/// How far a batch has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchProgress {
    pub done: u32,
    pub total: u32,
}

/// Partners (of one program, or all) whose available balance on `as_of` reaches their
/// program's threshold and who may convert (active, with a contract where one is needed).
pub fn ready_to_convert(
    db: &Db,
    as_of: NaiveDate,
    program: Option<&str>,
) -> Result<Vec<ReadyBalance>> {
    let mut programs = ProgramCache::default();
    let mut ready = Vec::new();
    for row in balances(db, as_of, program)? {
        let available = row.available.parse().ok().and_then(to_minor).unwrap_or(0);
        if available <= 0 || row.status != "active" {
            continue;
        }
        let Some(program) = programs.get(db, &row.program)? else {
            continue;
        };
        let Some(rules) = program
            .version_on(as_of)
            .and_then(|v| v.rules.conversion.clone())
        else {
            continue;
        };
        let min = to_minor(rules.min_amount).unwrap_or(0);
        if available < min.max(1) {
            continue;
        }
        if may_convert(&get_partner(db, &row.partner)?, &rules, as_of).is_err()
            || last_conversion(db, &row.partner)?.is_some_and(|last| last > as_of)
        {
            continue;
        }
        ready.push(ReadyBalance {
            partner: row.partner,
            name: row.name,
            program: row.program,
            unit: row.unit,
            available: row.available,
            min_amount: minor_text(min),
        });
    }
    Ok(ready)
}

/// Converts every ready balance on `date` (everything available), reporting progress;
/// `progress` returning `false` cancels the batch.
pub fn convert_ready(
    db: &Db,
    actor: &Actor,
    date: NaiveDate,
    program: Option<&str>,
    progress: &mut dyn FnMut(BatchProgress) -> bool,
) -> Result<Vec<Conversion>> {
    let ready = ready_to_convert(db, date, program)?;
    let total = u32::try_from(ready.len()).unwrap_or(u32::MAX);
    let mut done = Vec::with_capacity(ready.len());
    if !progress(BatchProgress { done: 0, total }) {
        return Err(Error::Cancelled);
    }
    for (i, balance) in ready.iter().enumerate() {
        let request = ConvertRequest {
            partner: balance.partner.clone(),
            date,
            amount: None,
            payout_kind: None,
            key: None,
        };
        done.push(convert(db, actor, &request)?);
        let step = BatchProgress {
            done: u32::try_from(i + 1).unwrap_or(u32::MAX),
            total,
        };
        if !progress(step) {
            return Err(Error::Cancelled);
        }
    }
    Ok(done)
}
