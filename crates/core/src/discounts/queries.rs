//! The schedule out of the book: the accepted invitations are the binding events
//! (channel `invite`, outcome `bound`, read by `store::discounts`); the periods are
//! derived from them each time, so nothing is stored that could drift from the events or
//! the program's rules.

use crate::store::discounts::{invitations, Invitations};
use crate::store::partners::find_partner;
use crate::store::sql::Db;

use super::model::{DiscountPeriod, DiscountRole, Invitation, InvitedClient};
use super::schedule::schedule;
use crate::programs::{load_program, load_programs, Program};
use crate::{Error, Result};

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
    let found = invitations(db, Invitations::OfProgram(&program.id))?;
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
    let program = find_partner(db, partner)?.map(|p| p.program);
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
    let found = invitations(db, Invitations::ByPartner(partner))?;
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
    let found = invitations(db, Invitations::ByPartner(partner))?;
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
        Invitations::OfClient {
            program: &program.id,
            client,
        },
    )?;
    let found: Vec<Invitation> = found.into_iter().map(|(i, _)| i).collect();
    Ok(schedule(&program, &found)
        .into_iter()
        .filter(|p| p.role == DiscountRole::Invitee)
        .collect())
}
