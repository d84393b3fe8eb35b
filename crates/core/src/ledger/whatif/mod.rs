//! What-if: every payment of a program over a range accrued again, by the accrual fold,
//! as if other rules had been in force — without touching the book — and, on request,
//! the differences posted as correcting entries with the rules recorded as a version.

mod apply;
mod report;

use std::collections::HashMap;

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use apply::{apply_whatif, WhatIfApplied};
pub use report::{Change, DiscountChange, WhatIfReport, WhatIfRow, WhatIfSort, WhatIfTotal};

use super::fold::{BindingEvent, Entry, Fold, Outcome, Sink};
use crate::discounts::program_schedule;
use crate::programs::{check_rules, load_program, Program, ProgramVersion, RuleSet};
use crate::store::{book_net_by_partner, for_each_payment, load_snapshot, program_unit, Scope};
use crate::Result;

/// What to replay, and under which rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfRequest {
    pub program: String,
    /// The first day of the payments replayed; the rules are in force from it.
    pub from: NaiveDate,
    /// The last day of the payments replayed (none: every later payment).
    pub to: Option<NaiveDate>,
    pub rules: RuleSet,
}

/// The program as it would be with `rules` in force from `from`: its versions before
/// that day, then `rules` (as version `id`).
fn replaced(program: &Program, request: &WhatIfRequest, id: i64) -> Program {
    let mut versions: Vec<ProgramVersion> = program
        .versions
        .iter()
        .filter(|v| v.effective_from < request.from)
        .cloned()
        .collect();
    versions.push(ProgramVersion {
        id,
        effective_from: request.from,
        rules: request.rules.clone(),
    });
    Program {
        versions,
        ..program.clone()
    }
}

fn scope(request: &WhatIfRequest) -> Scope {
    Scope::Replay {
        program: request.program.clone(),
        from: request.from,
        to: request.to,
    }
}

/// A sink that keeps only sums: net per partner (and which partners had any entry).
#[derive(Default)]
struct PartnerSums {
    net: HashMap<String, i64>,
    payments: u64,
}

impl Sink for PartnerSums {
    fn entry(&mut self, entry: Entry) -> Result<()> {
        *self.net.entry(entry.partner.clone()).or_default() += entry.net();
        Ok(())
    }

    fn outcome(&mut self, _: Outcome) -> Result<()> {
        Ok(())
    }

    fn event(&mut self, _: BindingEvent) -> Result<()> {
        Ok(())
    }
}

/// Replays the request's payments under its rules and compares them with the book, per
/// partner. The book is not changed (the replay's scope lives in temporary tables).
pub fn whatif(db: &Db, request: &WhatIfRequest) -> Result<WhatIfReport> {
    let program = load_program(db, &request.program)?;
    check_rules(&request.rules)?;
    let under = replaced(&program, request, 0);
    let mut snapshot = load_snapshot(db, &scope(request), std::slice::from_ref(&under))?;
    let mut sums = PartnerSums::default();
    {
        let mut fold = Fold::new(&mut snapshot, &mut sums);
        let mut payments = 0;
        for_each_payment(db, |p| {
            payments += 1;
            fold.payment(&p)
        })?;
        sums.payments = payments;
    }
    let book = book_net_by_partner(db)?;
    let unit = program_unit(db, &program.id)?;
    let discounts = if program.versions.iter().any(|v| v.rules.discounts.is_some())
        || request.rules.discounts.is_some()
    {
        let before = program_schedule(db, &program)?;
        let after = program_schedule(db, &under)?;
        DiscountChange::between(&before, &after)
    } else {
        vec![]
    };
    Ok(WhatIfReport::new(
        request,
        &unit,
        sums.payments,
        &book,
        &sums.net,
        discounts,
    ))
}
