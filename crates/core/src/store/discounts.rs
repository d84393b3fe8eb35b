//! The accepted invitations the discount schedule is derived from: binding events of
//! the `invite` channel that bound their client.

use crate::discounts::Invitation;
use crate::store::sql::{params_from_iter, Db};
use crate::store::values::{day, optional_day, optional_text, text};
use crate::Result;

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

/// Whose invitations.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Invitations<'a> {
    /// Every invitee of the program.
    OfProgram(&'a str),
    /// The invitees of one inviter.
    ByPartner(&'a str),
    /// One client of a program (its own invitation, if it has one).
    OfClient { program: &'a str, client: &'a str },
}

/// The invitations asked for, by date then invitee, with each invitee's name.
pub(crate) fn invitations(
    db: &Db,
    whose: Invitations<'_>,
) -> Result<Vec<(Invitation, Option<String>)>> {
    let (filter, args): (&str, Vec<&str>) = match whose {
        Invitations::OfProgram(program) => ("c.program = ?1", vec![program]),
        Invitations::ByPartner(partner) => ("e.partner = ?1", vec![partner]),
        Invitations::OfClient { program, client } => {
            ("c.program = ?1 AND c.client_id = ?2", vec![program, client])
        }
    };
    let sql = format!("{INVITATIONS} AND {filter} ORDER BY e.date, c.client_id");
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        let invitation = Invitation {
            inviter: r.get(0)?,
            invitee: r.get(1)?,
            date: day("binding_events.date", text(r, 2)?)?,
            promo_ends: optional_day("clients.promo_ends", optional_text(r, 3)?)?,
        };
        Ok((invitation, r.get(4)?))
    })?;
    rows.collect()
}
