//! The partners table: one page of it, or every row it shows (the SQL is
//! `store::partners`).

use crate::store::sql::Db;

use super::model::{PartnerPage, PartnerQuery, PartnerRow};
use crate::store::partners::partner_rows;
pub use crate::store::partners::partners_of;
use crate::store::Rows;
use crate::Result;

/// One page of the partners table.
pub fn partner_page(db: &Db, q: &PartnerQuery) -> Result<PartnerPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let (total, offset, rows) = partner_rows(db, q, rows)?;
    Ok(PartnerPage {
        total,
        offset,
        rows,
    })
}

/// Every partner the partners table shows for `q` (its paging aside), in its order: what
/// an export of the table holds.
pub fn partners_shown(db: &Db, q: &PartnerQuery) -> Result<Vec<PartnerRow>> {
    Ok(partner_rows(db, q, Rows::All)?.2)
}
