//! Applying a what-if: the rules recorded as a version from the request's first day, and
//! the difference of every payment and partner posted as a correcting entry on the day
//! given — a credit where the rules give more, a reversal where they give less — each
//! pointing at the payment and the credit it corrects. Applying the same again finds no
//! difference and posts nothing.

use std::collections::{BTreeMap, HashMap};

use crate::store::sql::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{replaced, scope, WhatIfRequest};
use crate::audit::{self, Actor};
use crate::ledger::fold::{BindingEvent, Entry, Fold, Outcome, Sink};
use crate::ledger::write::Kind;
use crate::money::minor_text;
use crate::programs::{add_version, load_program, ProgramVersion};
use crate::store::{
    book_net_by_payment, for_each_payment, load_snapshot, program_unit, replace_outcomes,
    AccrualWriter, BookNet,
};
use crate::{Error, Result};

/// What applying posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhatIfApplied {
    pub program: String,
    /// The version the rules were recorded as.
    #[ts(type = "number")]
    pub version: i64,
    /// Correcting entries posted.
    #[ts(type = "number")]
    pub entries: u64,
    /// Partners they were posted to.
    #[ts(type = "number")]
    pub partners: u64,
    pub unit: String,
    /// Their sum (credits − reversals), as a decimal string.
    pub amount: String,
}

/// What the rules give one payment and partner.
#[derive(Debug, Clone, Default)]
struct Under {
    net: i64,
    client: Option<i64>,
    available_on: Option<NaiveDate>,
    first_purchase: bool,
}

/// Keeps net accruals per (payment, partner), and the reasons of payments that would
/// earn nothing.
#[derive(Default)]
struct PaymentSums {
    by_payment: HashMap<(i64, String), Under>,
    outcomes: Vec<Outcome>,
}

impl Sink for PaymentSums {
    fn entry(&mut self, e: Entry) -> Result<()> {
        let Some(payment) = e.payment else {
            return Ok(());
        };
        let under = self
            .by_payment
            .entry((payment, e.partner.clone()))
            .or_default();
        under.net += e.net();
        under.client = under.client.or(e.client);
        if e.kind == Kind::Credit {
            under.available_on = Some(e.available_on);
            under.first_purchase |= e.rule == "first_purchase";
        }
        Ok(())
    }

    fn outcome(&mut self, o: Outcome) -> Result<()> {
        self.outcomes.push(o);
        Ok(())
    }

    fn event(&mut self, _: BindingEvent) -> Result<()> {
        Ok(())
    }
}

/// The version the rules are recorded as: a new one from the request's first day, or
/// the same rules recorded there before (applying again).
fn record_version(db: &Db, actor: &Actor, request: &WhatIfRequest) -> Result<i64> {
    let program = load_program(db, &request.program)?;
    let existing = program
        .versions
        .iter()
        .find(|v| v.effective_from == request.from);
    match existing {
        Some(v) if v.rules == request.rules => Ok(v.id),
        Some(_) => Err(Error::refused(
            "version_exists",
            format!(
                "с {} уже действует другая версия правил; выберите другую дату",
                request.from.format("%d.%m.%Y")
            ),
            format!(
                "other rules are in force from {} already; choose another day",
                request.from
            ),
        )),
        None => {
            let ProgramVersion { id, .. } =
                add_version(db, actor, &request.program, request.from, &request.rules)?;
            Ok(id)
        }
    }
}

/// Posts the differences of `request` as correcting entries dated `date` and records the
/// rules as a version. Runs in the caller's transaction.
pub fn apply_whatif(
    db: &Db,
    actor: &Actor,
    request: &WhatIfRequest,
    date: NaiveDate,
) -> Result<WhatIfApplied> {
    let program = load_program(db, &request.program)?;
    let version = record_version(db, actor, request)?;
    let under = replaced(&program, request, version);
    let mut snapshot = load_snapshot(db, &scope(request), std::slice::from_ref(&under))?;
    let first_id = snapshot.next_entry;
    let mut sums = PaymentSums::default();
    {
        let mut fold = Fold::new(&mut snapshot, &mut sums);
        for_each_payment(db, |p| fold.payment(&p))?;
    }
    let book = book_net_by_payment(db)?;
    let detail = format!(
        "{{\"program\":\"{}\",\"version\":{version},\"from\":\"{}\"",
        request.program, request.from
    );
    let corrections = corrections(&sums.by_payment, &book, date, version, &detail);
    let mut writer = AccrualWriter::new(db, None, actor.stamp())?;
    let mut partners = BTreeMap::new();
    let mut amount = 0;
    for (i, mut entry) in corrections.into_iter().enumerate() {
        entry.id = first_id + i as i64;
        *partners.entry(entry.partner.clone()).or_insert(0) += 1;
        amount += entry.net();
        writer.entry(entry)?;
    }
    writer.finish(db)?;
    replace_outcomes(db, &sums.outcomes)?;
    let entries: u64 = partners.values().sum();
    audit::record(
        db,
        actor,
        "whatif_apply",
        "program",
        &request.program,
        Some(&format!(
            "rules from {} (version {version}), {entries} correcting entries on {date}",
            request.from
        )),
    )?;
    Ok(WhatIfApplied {
        program: request.program.clone(),
        version,
        entries,
        partners: partners.len() as u64,
        unit: program_unit(db, &request.program)?,
        amount: minor_text(amount),
    })
}

/// One correcting entry per (payment, partner) whose net differs, in that order; ids are
/// given by the caller.
fn corrections(
    under: &HashMap<(i64, String), Under>,
    book: &HashMap<(i64, String), BookNet>,
    date: NaiveDate,
    version: i64,
    detail: &str,
) -> Vec<Entry> {
    let mut keys: Vec<&(i64, String)> = under.keys().chain(book.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        let (payment, partner) = key;
        let new = under.get(key).cloned().unwrap_or_default();
        let old = book.get(key).copied().unwrap_or_default();
        let difference = new.net - old.net;
        if difference == 0 {
            continue;
        }
        let rule = if new.first_purchase {
            ",\"rule\":\"first_purchase\"}"
        } else {
            "}"
        };
        out.push(Entry {
            id: 0,
            partner: partner.clone(),
            kind: if difference > 0 {
                Kind::Credit
            } else {
                Kind::Reversal
            },
            date,
            available_on: new.available_on.map_or(date, |d| d.max(date)),
            amount: difference.abs(),
            payment: Some(*payment),
            client: new.client.or(old.client),
            corrects: old.credit,
            rule: "rule_change",
            version: Some(version),
            base: None,
            rate: None,
            detail: Some(format!("{detail}{rule}")),
        });
    }
    out
}
