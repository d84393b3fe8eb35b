//! The demo's acts: every month-end of the last five months, the balances ready then are
//! converted (a month's batch, as staff do it), and the acts go their way: the older
//! ones signed and paid (one rejected), the last month's spread over every state, with
//! deadlines overdue, due this week and later, so the overview has something to show.

use chrono::{Datelike, Days, NaiveDate};

use crate::acts::document::vendor_party;
use crate::acts::{act_step, convert_ready, ActStep};
use crate::audit::Actor;
use crate::calendar::{add_business_days, on_or_after_business_day};
use crate::store::Book;
use crate::vendor::vendor;
use crate::Result;

/// The last day of the month `back` months before `today`'s.
fn month_end(today: NaiveDate, back: u32) -> Option<NaiveDate> {
    let first = today.with_day(1)?;
    let first = first.checked_sub_months(chrono::Months::new(back.saturating_sub(1)))?;
    first.pred_opt()
}

fn days_before(today: NaiveDate, days: u64, not_before: NaiveDate) -> NaiveDate {
    today
        .checked_sub_days(Days::new(days))
        .unwrap_or(today)
        .max(not_before)
}

/// Converts and moves the demo's acts as of `actor.today()`; returns how many were made.
/// When the user's own vendor requisites are incomplete, the acts stay drafts.
pub(super) fn make_acts(book: &mut Book, actor: &Actor) -> Result<u64> {
    let today = actor.today();
    let can_send = vendor_party(vendor(book.db())?).is_ok();
    let mut made = 0;
    for back in (1..=5).rev() {
        let Some(date) = month_end(today, back) else {
            continue;
        };
        let acts = book.write(|tx| convert_ready(tx, actor, date, None, &mut |_| true))?;
        for (i, act) in acts.iter().enumerate() {
            let steps = if !can_send {
                vec![]
            } else if back > 1 {
                older(date, i)
            } else {
                last_month(date, today, i)
            };
            for step in &steps {
                book.write(|tx| act_step(tx, actor, &act.act, step))?;
            }
            made += 1;
        }
    }
    Ok(made)
}

/// An act of an earlier month: sent the next business day, signed two later, paid a
/// week after; every seventh is rejected instead.
fn older(date: NaiveDate, i: usize) -> Vec<ActStep> {
    let sent = on_or_after_business_day(date.succ_opt().unwrap_or(date));
    if i % 7 == 3 {
        return vec![
            ActStep::Send(sent),
            ActStep::Reject(
                add_business_days(sent, 1),
                "Неверные банковские реквизиты партнёра".into(),
            ),
        ];
    }
    let signed = add_business_days(sent, 2);
    vec![
        ActStep::Send(sent),
        ActStep::Sign(signed),
        ActStep::Pay(add_business_days(signed, 7)),
    ]
}

/// An act of last month: a draft, sent (its signature overdue, or still due), signed
/// (its payout due soon), or paid, in turn.
fn last_month(date: NaiveDate, today: NaiveDate, i: usize) -> Vec<ActStep> {
    let ago = |days| days_before(today, days, date);
    match i % 5 {
        0 => vec![],
        1 => vec![ActStep::Send(ago(8))],
        2 => vec![ActStep::Send(ago(1))],
        3 => vec![ActStep::Send(ago(12)), ActStep::Sign(ago(9))],
        _ => vec![
            ActStep::Send(ago(14)),
            ActStep::Sign(ago(12)),
            ActStep::Pay(ago(2)),
        ],
    }
}
