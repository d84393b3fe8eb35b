//! How much the book holds: its partners, clients, binding attempts and bindings, ledger
//! entries — what the demo reports and whether a book is still empty.

use crate::store::sql::Db;
use crate::Result;

/// What the book holds, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BookCounts {
    pub partners: u64,
    pub clients: u64,
    /// Binding attempts recorded, accepted or refused.
    pub events: u64,
    /// Attempts the programs' rules refused.
    pub refused: u64,
    /// Clients bound to a partner now.
    pub bound: u64,
    /// Bindings that moved on to another partner.
    pub moved: u64,
    pub entries: u64,
}

/// Counts what the book holds.
pub(crate) fn book_counts(db: &Db) -> Result<BookCounts> {
    db.query_row(
        "SELECT (SELECT count(*) FROM partners), (SELECT count(*) FROM clients),
                (SELECT count(*) FROM binding_events),
                (SELECT count(*) FROM binding_events WHERE outcome = 'refused'),
                (SELECT count(*) FROM bindings WHERE until IS NULL),
                (SELECT count(*) FROM bindings WHERE until IS NOT NULL),
                (SELECT count(*) FROM ledger)",
        [],
        |r| {
            Ok(BookCounts {
                partners: r.get(0)?,
                clients: r.get(1)?,
                events: r.get(2)?,
                refused: r.get(3)?,
                bound: r.get(4)?,
                moved: r.get(5)?,
                entries: r.get(6)?,
            })
        },
    )
}

/// The book has a partner, a client or an import.
pub(crate) fn has_data(db: &Db) -> Result<bool> {
    db.query_row(
        "SELECT EXISTS (SELECT 1 FROM partners) OR EXISTS (SELECT 1 FROM clients)
             OR EXISTS (SELECT 1 FROM imports)",
        [],
        |r| r.get(0),
    )
}
