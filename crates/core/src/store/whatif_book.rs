//! What the book holds for the payments a what-if replays (the scope a snapshot was just
//! loaded for): their net accruals per partner, and per payment and partner with the
//! credit a correction points at.

use std::collections::HashMap;

use crate::store::sql::Db;

use crate::Result;

const NET: &str =
    "sum(CASE l.kind WHEN 'credit' THEN l.amount WHEN 'reversal' THEN -l.amount ELSE 0 END)";

/// Net accruals (credits − reversals) of the scope's payments, per partner.
pub fn book_net_by_partner(db: &Db) -> Result<HashMap<String, i64>> {
    let sql = format!(
        "SELECT l.partner, {NET} FROM ledger l JOIN fold_scope s ON s.id = l.payment GROUP BY l.partner"
    );
    let mut stmt = db.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect::<crate::Result<_>>()
}

/// What the book holds for one payment and partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BookNet {
    pub net: i64,
    pub client: Option<i64>,
    /// The first credit, which a correction points at.
    pub credit: Option<i64>,
}

/// Net accruals of the scope's payments, per (payment, partner).
pub fn book_net_by_payment(db: &Db) -> Result<HashMap<(i64, String), BookNet>> {
    let sql = format!(
        "SELECT l.payment, l.partner, {NET}, min(CASE l.kind WHEN 'credit' THEN l.id END), min(l.client)
         FROM ledger l JOIN fold_scope s ON s.id = l.payment GROUP BY l.payment, l.partner"
    );
    let mut stmt = db.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get(0)?, r.get(1)?),
            BookNet {
                net: r.get(2)?,
                credit: r.get(3)?,
                client: r.get(4)?,
            },
        ))
    })?;
    rows.collect::<crate::Result<_>>()
}

/// The program's unit.
pub fn program_unit(db: &Db, program: &str) -> Result<String> {
    db.query_row("SELECT unit FROM programs WHERE id = ?1", [program], |r| {
        r.get(0)
    })
}

/// The reasons of the scope's payments that earn nothing, replaced by `outcomes` (what
/// earns nothing under the rules now in force).
pub fn replace_outcomes(db: &Db, outcomes: &[crate::ledger::fold::Outcome]) -> Result<()> {
    db.execute(
        "DELETE FROM payment_outcomes WHERE EXISTS (SELECT 1 FROM fold_scope s WHERE s.id = payment_outcomes.payment)",
        [],
    )?;
    let mut stmt = db.prepare(
        "INSERT INTO payment_outcomes (payment, partner, reason, detail) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for o in outcomes {
        let detail = o.reason.detail();
        stmt.execute(crate::params![
            o.payment,
            o.partner,
            o.reason.code(),
            Some(detail).filter(|d| !d.is_empty()),
        ])?;
    }
    Ok(())
}
