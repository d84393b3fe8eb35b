//! The clients table: one page of it, or every row it shows (the SQL is
//! `store::clients`), and a partner's clients (`store::bindings`).

use crate::store::sql::Db;

use super::model::{ClientPage, ClientQuery, ClientRow};
pub use crate::store::bindings::{bindings_of_partner, refused_for_partner};
use crate::store::clients::client_rows;
pub use crate::store::clients::clients_of;
use crate::store::Rows;
use crate::Result;

/// One page of the clients table.
pub fn client_page(db: &Db, q: &ClientQuery) -> Result<ClientPage> {
    let rows = Rows::Page {
        offset: q.offset,
        limit: q.limit,
    };
    let (total, offset, rows) = client_rows(db, q, rows)?;
    Ok(ClientPage {
        total,
        offset,
        rows,
    })
}

/// Every client the clients table shows for `q` (its paging aside), in its order: what an
/// export of the table holds.
pub fn clients_shown(db: &Db, q: &ClientQuery) -> Result<Vec<ClientRow>> {
    Ok(client_rows(db, q, Rows::All)?.2)
}
