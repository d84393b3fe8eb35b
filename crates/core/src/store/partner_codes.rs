//! The `partner_codes` table: every code issued in a program, to whom, and when it was
//! retired (a code is never issued twice).

use chrono::NaiveDate;

use crate::clients::AttemptPartner;
use crate::partners::PartnerCode;
use crate::store::sql::{params, Db, OptionalExtension};
use crate::store::values::{optional_day, optional_text, status, text};
use crate::Result;

/// Who holds (or held) `code` in `program`, and whether it is retired.
pub(crate) fn holder(db: &Db, program: &str, code: &str) -> Result<Option<(String, bool)>> {
    db.prepare_cached(
        "SELECT partner, retired IS NOT NULL FROM partner_codes WHERE program = ?1 AND code = ?2",
    )?
    .query_row(params![program, code], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
}

/// Issues `code` of `program` to `partner` on `day`.
pub(crate) fn issue(
    db: &Db,
    program: &str,
    code: &str,
    partner: &str,
    day: NaiveDate,
) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO partner_codes (program, code, partner, issued) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![program, code, partner, day.to_string()])?;
    Ok(())
}

/// Retires `code` of `program` on `day` (a code already retired keeps its day).
pub(crate) fn retire(db: &Db, program: &str, code: &str, day: NaiveDate) -> Result<()> {
    db.prepare_cached(
        "UPDATE partner_codes SET retired = ?3 WHERE program = ?1 AND code = ?2 AND retired IS NULL",
    )?
    .execute(params![program, code, day.to_string()])?;
    Ok(())
}

/// The codes the partner holds or held, oldest first.
pub(crate) fn codes_of(db: &Db, partner: &str) -> Result<Vec<PartnerCode>> {
    let mut stmt = db.prepare_cached(
        "SELECT code, issued, retired FROM partner_codes WHERE partner = ?1 ORDER BY issued, code",
    )?;
    let rows = stmt.query_map([partner], |r| {
        Ok(PartnerCode {
            code: r.get(0)?,
            issued: r.get(1)?,
            retired: r.get(2)?,
        })
    })?;
    rows.collect::<Result<_>>()
}

/// The partner who holds `code` in `program` now (a retired code names no one), as a
/// binding attempt sees it.
pub(crate) fn attempt_partner(
    db: &Db,
    program: &str,
    code: &str,
) -> Result<Option<AttemptPartner>> {
    db.prepare_cached(
        "SELECT p.id, p.status, p.inn, p.status_since, p.client_id FROM partner_codes c JOIN partners p ON p.id = c.partner
         WHERE c.program = ?1 AND c.code = ?2 AND c.retired IS NULL",
    )?
    .query_row(params![program, code], |r| {
        Ok(AttemptPartner {
            id: r.get(0)?,
            status: status("partners.status", text(r, 1)?)?,
            inn: r.get(2)?,
            status_since: optional_day("partners.status_since", optional_text(r, 3)?)?,
            client_id: r.get(4)?,
        })
    })
    .optional()
}
