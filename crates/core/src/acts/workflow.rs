//! An act's way: draft → sent → signed or rejected; signed → paid. Sending fixes the
//! parties' requisites on the act and starts the signing deadline; signing starts the
//! payment deadline; a rejection returns the amount to the partner's balance (a
//! conversion reversal keeping the reason); a payment is the ledger's payout entry.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::document::parties_json;
use super::due::{pay_due, sign_due};
use super::model::{ActState, ActStatus};
use super::stored::{get_act, StoredAct};
use crate::audit::{self, Actor};
use crate::ledger::fold::Entry;
use crate::ledger::Kind;
use crate::programs::{load_program, ConversionRules};
use crate::store::acts::save_state;
use crate::store::append_entry;
use crate::{Error, Problem, Result, Text};

/// A step of the workflow, with its day (and a rejection's reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActStep {
    Send(NaiveDate),
    Sign(NaiveDate),
    Reject(NaiveDate, String),
    Pay(NaiveDate),
}

impl ActStep {
    fn key(&self) -> &'static str {
        match self {
            ActStep::Send(_) => "send",
            ActStep::Sign(_) => "sign",
            ActStep::Reject(..) => "reject",
            ActStep::Pay(_) => "pay",
        }
    }

    fn day(&self) -> NaiveDate {
        match self {
            ActStep::Send(d) | ActStep::Sign(d) | ActStep::Reject(d, _) | ActStep::Pay(d) => *d,
        }
    }

    /// The states the step may start from.
    fn from(&self) -> &'static [ActStatus] {
        match self {
            ActStep::Send(_) => &[ActStatus::Draft],
            ActStep::Sign(_) => &[ActStatus::Sent],
            ActStep::Reject(..) => &[ActStatus::Draft, ActStatus::Sent],
            ActStep::Pay(_) => &[ActStatus::Signed],
        }
    }
}

/// Takes the act `id` (number or row id) one step; returns its new state.
pub fn act_step(db: &Db, actor: &Actor, id: &str, step: &ActStep) -> Result<ActState> {
    let mut act = get_act(db, id)?;
    if !step.from().contains(&act.status) {
        return Err(wrong_state(&act, step));
    }
    let day = step.day();
    let earliest = [Some(act.date), act.sent, act.signed]
        .into_iter()
        .flatten()
        .max();
    if let Some(earliest) = earliest.filter(|e| day < *e) {
        return Err(Error::refused(
            "act_date_order",
            format!(
                "Дата {} раньше, чем предыдущий шаг акта № {} ({})",
                day.format("%d.%m.%Y"),
                act.number,
                earliest.format("%d.%m.%Y")
            ),
            format!(
                "{day} is before the act {}'s previous step ({earliest})",
                act.number
            ),
        ));
    }
    let program = load_program(db, &act.program)?;
    let rules: Option<&ConversionRules> = program
        .version_on(act.date)
        .and_then(|v| v.rules.conversion.as_ref());
    let mut settled_by = None;
    match step {
        ActStep::Send(d) => {
            act.status = ActStatus::Sent;
            act.sent = Some(*d);
            act.sign_due = Some(sign_due(*d, rules));
            act.parties = Some(parties_json(db, &act)?);
        }
        ActStep::Sign(d) => {
            act.status = ActStatus::Signed;
            act.signed = Some(*d);
            act.pay_due = Some(pay_due(act.date, *d, rules));
        }
        ActStep::Reject(d, reason) => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(Error::Invalid(vec![Problem::new(
                    "reason_required",
                    Text::new(
                        "укажите причину отклонения акта",
                        "give the reason for rejecting the act",
                    ),
                )
                .field("reason")]));
            }
            settled_by = Some(entry(
                db,
                actor,
                &act,
                Kind::ConversionReversal,
                *d,
                reason,
            )?);
            act.status = ActStatus::Rejected;
            act.rejected = Some(*d);
            act.reason = Some(reason.to_owned());
        }
        ActStep::Pay(d) => {
            settled_by = Some(entry(db, actor, &act, Kind::Payout, *d, &act.number)?);
            act.status = ActStatus::Paid;
            act.paid = Some(*d);
        }
    }
    save_state(db, &act, settled_by)?;
    let detail = match step {
        ActStep::Reject(_, reason) => format!("{day}: {}", reason.trim()),
        _ => day.to_string(),
    };
    audit::record(db, actor, step.key(), "act", &act.number, Some(&detail))?;
    Ok(act.state())
}

fn entry(
    db: &Db,
    actor: &Actor,
    act: &StoredAct,
    kind: Kind,
    date: NaiveDate,
    detail: &str,
) -> Result<i64> {
    let at = actor.stamp();
    let entry = Entry {
        id: 0,
        partner: act.partner.clone(),
        kind,
        date,
        available_on: date,
        amount: act.amount,
        payment: None,
        client: None,
        corrects: Some(act.conversion),
        rule: kind.key(),
        version: None,
        base: None,
        rate: None,
        detail: Some(format!("{}: {detail}", act.number)),
    };
    append_entry(db, entry, &at)
}

fn wrong_state(act: &StoredAct, step: &ActStep) -> Error {
    let (ru, en) = match step {
        ActStep::Send(_) => (
            "отправить можно только черновик",
            "only a draft can be sent",
        ),
        ActStep::Sign(_) => (
            "подписать можно только отправленный акт",
            "only a sent act can be signed",
        ),
        ActStep::Reject(..) => (
            "отклонить можно только черновик или отправленный акт",
            "only a draft or a sent act can be rejected",
        ),
        ActStep::Pay(_) => (
            "оплатить можно только подписанный акт",
            "only a signed act can be paid",
        ),
    };
    Error::refused(
        "act_wrong_state",
        format!("Акт № {} — {}: {ru}", act.number, act.status.name_ru()),
        format!("Act {} is {}: {en}", act.number, act.status.key()),
    )
}
