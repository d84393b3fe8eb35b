//! Lists of acts: a page filtered by state, partner, program, month or overdue, and the
//! deadlines (acts awaiting signature, payouts due).

use crate::store::sql::{params, Db};
use chrono::NaiveDate;

use super::model::{ActPage, ActQuery, ActRow, ActStatus, ActTotal, Deadline, DeadlineKind};
use super::store::{stored_act, StoredAct, COLUMNS};
use crate::money::minor_text;
use crate::store::{Rows, MAX_PAGE};
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
    let filter = "(CAST(?1 AS TEXT) IS NULL OR a.status = ?1) AND (CAST(?2 AS TEXT) IS NULL OR a.partner = ?2)
         AND (CAST(?3 AS TEXT) IS NULL OR a.program = ?3) AND (CAST(?4 AS TEXT) IS NULL OR substr(a.date, 1, 7) = ?4)
         AND (?5 = 0 OR (a.status = 'sent' AND a.sign_due < ?6) OR (a.status = 'signed' AND a.pay_due < ?6))
         AND (CAST(?7 AS TEXT) IS NULL OR a.number = ?7 OR CAST(a.id AS TEXT) = ?7)";
    let args = params![
        query.status.map(ActStatus::key),
        query.partner,
        query.program,
        query.month,
        query.overdue.unwrap_or(false),
        as_of.to_string(),
        query.act.as_deref().map(str::trim),
    ];
    let total: u32 = db
        .prepare_cached(&format!("SELECT count(*) FROM acts a WHERE {filter}"))?
        .query_row(args, |r| r.get(0))?;
    let (window, offset) = rows.sql(MAX_PAGE);
    let sql = format!(
        "SELECT {COLUMNS}, p.name, g.unit FROM acts a
         JOIN partners p ON p.id = a.partner JOIN programs g ON g.id = a.program
         WHERE {filter} ORDER BY a.date DESC, a.id DESC {window}"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(args, |r| Ok((stored_act(r)?, r.get(24)?, r.get(25)?)))?
        .map(|row| {
            row.map(|(act, name, unit): (StoredAct, String, String)| act.row(name, unit, as_of))
        })
        .collect::<crate::Result<Vec<ActRow>>>()?;
    let totals = db
        .prepare_cached(&format!(
            "SELECT a.currency, count(*), sum(a.money) FROM acts a WHERE {filter}
             GROUP BY a.currency ORDER BY a.currency"
        ))?
        .query_map(args, |r| {
            Ok(ActTotal {
                currency: r.get(0)?,
                count: r.get(1)?,
                money: minor_text(r.get(2)?),
            })
        })?
        .collect::<crate::Result<Vec<ActTotal>>>()?;
    Ok(ActPage {
        total,
        offset,
        rows,
        totals,
    })
}

/// Acts sent and not yet signed or rejected, and acts signed and not yet paid, soonest
/// due first.
pub fn deadlines(db: &Db, as_of: NaiveDate) -> Result<Vec<Deadline>> {
    let sql = format!(
        "SELECT {COLUMNS}, p.name FROM acts a JOIN partners p ON p.id = a.partner
         WHERE a.status IN ('sent', 'signed')
         ORDER BY CASE a.status WHEN 'sent' THEN a.sign_due ELSE a.pay_due END, a.id"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok((stored_act(r)?, r.get::<_, String>(24)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (act, name) = row?;
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
