//! A large query's rows one at a time, without holding all of them: SQLite steps through
//! them as it always does; a server hands them over through a cursor, a chunk at a time,
//! so that a year's payments are never one answer in memory.

use super::{Db, Engine, Row, RowInner};
use crate::Result;

/// Rows a server hands over at a time.
const CHUNK: usize = 10_000;

/// The cursor's name: one at a time per connection.
const CURSOR: &str = "book_rows";

impl Db {
    /// Reads every row of `sql` (a query without parameters) with `each`, in order. The
    /// connection may run other statements from `each`.
    pub(crate) fn for_each_row(
        &self,
        sql: &str,
        mut each: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let pg = match &self.engine {
            Engine::Postgres(pg) => pg,
            Engine::Sqlite(_) => {
                let mut stmt = self.prepare(sql)?;
                let mut rows = stmt.query([])?;
                while let Some(row) = rows.next()? {
                    each(&row)?;
                }
                return Ok(());
            }
        };
        // One left open by a read that failed outside a transaction goes first.
        let open: bool = self.query_row(
            "SELECT count(*) > 0 FROM pg_cursors WHERE name = ?1",
            [CURSOR],
            |r| r.get(0),
        )?;
        if open {
            self.execute_batch(&format!("CLOSE {CURSOR}"))?;
        }
        // WITH HOLD: what-if reads outside a transaction, where a cursor needs it.
        self.execute_batch(&format!(
            "DECLARE {CURSOR} NO SCROLL CURSOR WITH HOLD FOR {sql}"
        ))?;
        loop {
            let rows = pg.fetch(CURSOR, CHUNK)?;
            let last = rows.len() < CHUNK;
            for row in rows {
                each(&Row {
                    inner: RowInner::Owned(row),
                })?;
            }
            if last {
                break;
            }
        }
        self.execute_batch(&format!("CLOSE {CURSOR}"))
    }
}

#[cfg(test)]
mod tests {
    use super::CHUNK;
    use crate::store::sql::{Tx, Value};
    use crate::store::Book;
    use crate::{Error, Result};

    /// More rows than a server hands over at once, every one in order; outside a
    /// transaction and inside one, writing as it reads; a read that stopped halfway is no
    /// obstacle to the next.
    #[test]
    fn every_row_in_order_on_either_engine() -> Result<()> {
        let book = Book::open_in_memory()?;
        let db = book.db();
        db.execute_batch(
            "CREATE TEMP TABLE cursor_rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
             CREATE TEMP TABLE cursor_seen (id INTEGER PRIMARY KEY);",
        )?;
        let n = CHUNK * 2 + 7;
        let mut values = Vec::new();
        for id in 1..=n as i64 {
            values.extend([Value::Integer(id), Value::Text(format!("r{id}"))]);
        }
        db.insert_rows("cursor_rows", &["id", "label"], &mut values)?;
        let all = "SELECT id, label FROM cursor_rows ORDER BY id";
        let stopped = db.for_each_row(all, |r| match r.get::<_, i64>(0)? {
            5 => Err(Error::Cancelled),
            _ => Ok(()),
        });
        assert!(matches!(stopped, Err(Error::Cancelled)), "{stopped:?}");
        let mut read = Vec::new();
        db.for_each_row(all, |r| {
            read.push((r.get::<_, i64>(0)?, r.get::<_, String>(1)?));
            Ok(())
        })?;
        assert_eq!(read.len(), n);
        for (i, (id, label)) in read.iter().enumerate() {
            assert_eq!(
                (*id, label.as_str()),
                (i as i64 + 1, format!("r{}", i + 1).as_str())
            );
        }
        let tx = Tx::begin_write(db)?;
        let mut order = Vec::new();
        tx.for_each_row(
            "SELECT id FROM cursor_rows WHERE id % 1000 = 0 ORDER BY id DESC",
            |r| {
                let id: i64 = r.get(0)?;
                order.push(id);
                tx.execute("INSERT INTO cursor_seen (id) VALUES (?1)", [id])?;
                Ok(())
            },
        )?;
        tx.commit()?;
        let expected: Vec<i64> = (1..=(n as i64 / 1000)).rev().map(|k| k * 1000).collect();
        assert_eq!(order, expected);
        let seen: i64 = db.query_row("SELECT count(*) FROM cursor_seen", [], |r| r.get(0))?;
        assert_eq!(seen, expected.len() as i64);
        Ok(())
    }
}
