//! Lists of acts: a page filtered by state, partner, program, month or overdue, and the
//! deadlines (acts awaiting signature, payouts due).

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::model::{ActPage, ActQuery, ActStatus, Deadline, DeadlineKind};
use crate::money::minor_text;
use crate::store::acts::{act_page, awaiting};
use crate::store::Rows;
use crate::Result;

/// The acts matching `query`, newest first; `today` judges "overdue" when the query has
/// no `as_of`. One page of them.
pub fn acts_page(db: &Db, query: &ActQuery, today: NaiveDate) -> Result<ActPage> {
    let rows = Rows::Page {
        offset: query.offset,
        limit: query.limit,
    };
    act_rows(db, query, today, rows)
}

/// Every act the acts table shows for `query` (its paging aside), newest first, with the
/// totals per currency: what an export of the table holds (`offset` is 0).
pub fn acts_shown(db: &Db, query: &ActQuery, today: NaiveDate) -> Result<ActPage> {
    act_rows(db, query, today, Rows::All)
}

fn act_rows(db: &Db, query: &ActQuery, today: NaiveDate, rows: Rows) -> Result<ActPage> {
    let as_of = query
        .as_of
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(today);
    act_page(db, query, as_of, rows)
}

/// Acts sent and not yet signed or rejected, and acts signed and not yet paid, soonest
/// due first.
pub fn deadlines(db: &Db, as_of: NaiveDate) -> Result<Vec<Deadline>> {
    let mut out = Vec::new();
    for (act, name) in awaiting(db)? {
        let (what, due) = match act.status {
            ActStatus::Sent => (DeadlineKind::Sign, act.sign_due),
            _ => (DeadlineKind::Pay, act.pay_due),
        };
        let Some(due) = due else { continue };
        out.push(Deadline {
            act: act.id.to_string(),
            number: act.number.clone(),
            partner: act.partner.clone(),
            name,
            program: act.program.clone(),
            what,
            due: due.to_string(),
            days_left: i32::try_from((due - as_of).num_days()).unwrap_or(i32::MIN),
            overdue: due < as_of,
            money: minor_text(act.money),
            currency: act.currency.clone(),
        });
    }
    Ok(out)
}
