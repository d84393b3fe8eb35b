//! Reading the schedule out of the book: the accepted invitations are the binding events
//! (channel `invite`, outcome `bound`); the periods are derived from them each time, so
//! nothing is stored that could drift from the events or the program's rules.

use crate::store::sql::{Db, OptionalExtension, Param, Row};
use chrono::NaiveDate;

use super::model::{DiscountPeriod, DiscountRole, Invitation, InvitedClient};
use super::schedule::schedule;
use crate::programs::{load_program, load_programs, Program};
use crate::{Error, Result};

/// Each invitee's first accepted invitation (by date, then event id). Only that one
/// counts: an invitee is discounted once, and is one inviter's invited client. (The
/// tele2-ats rules never move an invitee, so a second accepted one cannot happen there;
/// a program copied with takeover would otherwise discount the invitee twice.)
const INVITATIONS: &str = "SELECT e.partner, c.client_id, e.date, c.promo_ends, c.name
     FROM binding_events e JOIN clients c ON c.id = e.client
     WHERE e.outcome = 'bound' AND e.channel = 'invite' AND e.partner IS NOT NULL
       AND e.id = (SELECT f.id FROM binding_events f
                   WHERE f.client = e.client AND f.outcome = 'bound' AND f.channel = 'invite'
                   ORDER BY f.date, f.id LIMIT 1)";

fn day(r: &Row, i: usize) -> crate::Result<Option<NaiveDate>> {
    crate::store::values::optional_day("invitation date", r.get::<_, Option<String>>(i)?.as_deref())
}

/// The invitations matching `filter` (SQL over `e` and `c`), with each invitee's name.
fn invitations(
    db: &Db,
    filter: &str,
    args: &[&dyn Param],
) -> Result<Vec<(Invitation, Option<String>)>> {
    let sql = format!("{INVITATIONS} AND {filter} ORDER BY e.date, c.client_id");
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(args, |r| {
        let date = crate::store::values::day("invitation date", &r.get::<_, String>(2)?)?;
        let invitation = Invitation {
            inviter: r.get(0)?,
            invitee: r.get(1)?,
            date,
            promo_ends: day(r, 3)?,
        };
        Ok((invitation, r.get(4)?))
    })?;
    rows.collect::<crate::Result<_>>()
}

fn gives_discounts(program: &Program) -> bool {
    program.versions.iter().any(|v| v.rules.discounts.is_some())
}

/// The programs that grant discounts (tele2-ats and its copies): those with a version
/// that has discount rules. Not only the newest version counts: a program that later
/// dropped its discounts still owes the periods granted while they were in force.
pub fn discount_programs(db: &Db) -> Result<Vec<Program>> {
    let mut out = Vec::new();
    for summary in load_programs(db)? {
        let program = load_program(db, &summary.id)?;
        if gives_discounts(&program) {
            out.push(program);
        }
    }
    Ok(out)
}

/// The schedule the book's invitations give under `program`'s rules (the book's own, or
/// what-if's).
pub fn program_schedule(db: &Db, program: &Program) -> Result<Vec<DiscountPeriod>> {
    let found = invitations(db, "c.program = ?1", &[&program.id])?;
    let found: Vec<Invitation> = found.into_iter().map(|(i, _)| i).collect();
    Ok(schedule(program, &found))
}

/// Every discount period and SMS package of `program`, or of every program that grants
/// discounts when `None` (programs in the book's order, each in the schedule's order —
/// see [`schedule`]). A program without discount rules is refused.
pub fn discount_schedule(db: &Db, program: Option<&str>) -> Result<Vec<DiscountPeriod>> {
    let programs = match program {
        Some(id) => {
            let program = load_program(db, id)?;
            if !gives_discounts(&program) {
                return Err(Error::refused(
                    "no_discounts",
                    format!("программа «{id}» не даёт скидок (скидки — в tele2-ats)"),
                    format!("program “{id}” grants no discounts (tele2-ats does)"),
                ));
            }
            vec![program]
        }
        None => discount_programs(db)?,
    };
    let mut out = Vec::new();
    for program in &programs {
        out.extend(program_schedule(db, program)?);
    }
    Ok(out)
}

/// The partner's program, or not found.
fn partner_program(db: &Db, partner: &str) -> Result<Program> {
    let program: Option<String> = db
        .prepare_cached("SELECT program FROM partners WHERE id = ?1")?
        .query_row([partner], |r| r.get(0))
        .optional()?;
    match program {
        Some(id) => load_program(db, &id),
        None => Err(Error::not_found(
            format!("нет партнёра «{partner}»"),
            format!("no partner “{partner}”"),
        )),
    }
}

/// The inviter's periods and SMS packages ("История скидок"), oldest first; empty for
/// a partner of a program without discounts.
pub fn discount_history(db: &Db, partner: &str) -> Result<Vec<DiscountPeriod>> {
    let program = partner_program(db, partner)?;
    // A chain depends only on its own inviter's invitations.
    let found = invitations(db, "e.partner = ?1", &[&partner])?;
    let found: Vec<Invitation> = found.into_iter().map(|(i, _)| i).collect();
    Ok(schedule(&program, &found)
        .into_iter()
        .filter(|p| p.role == DiscountRole::Inviter)
        .collect())
}

/// The clients the partner invited ("Приведенные клиенты"): client id, name and the day
/// the code was activated, oldest first.
pub fn invited_clients(db: &Db, partner: &str) -> Result<Vec<InvitedClient>> {
    partner_program(db, partner)?;
    let found = invitations(db, "e.partner = ?1", &[&partner])?;
    Ok(found
        .into_iter()
        .map(|(i, name)| InvitedClient {
            client: i.invitee,
            name,
            activated: i.date,
        })
        .collect())
}

/// The client's own (invitee) discount periods, for its card; empty when it registered
/// no code or its program grants no discounts.
pub fn client_discounts(db: &Db, program: &str, client: &str) -> Result<Vec<DiscountPeriod>> {
    let program = load_program(db, program)?;
    let found = invitations(
        db,
        "c.program = ?1 AND c.client_id = ?2",
        &[&program.id, &client],
    )?;
    let found: Vec<Invitation> = found.into_iter().map(|(i, _)| i).collect();
    Ok(schedule(&program, &found)
        .into_iter()
        .filter(|p| p.role == DiscountRole::Invitee)
        .collect())
}
