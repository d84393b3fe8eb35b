//! Many rows into one table at once, each engine its fastest way: SQLite by multi-row
//! `INSERT`s (statements of a thousand rows, then of halving sizes, so a handful of
//! statements is prepared however many rows come), a server by one `COPY … FROM STDIN`
//! (no statement to parse, no parameters to bind: the rows stream as text).

use std::fmt::Write as _;

use super::{params_from_iter, Db, Engine, Value};
use crate::Result;

/// Rows per statement on SQLite.
const ROWS: usize = 1_000;

/// Parameters per statement at most, under SQLite's limit of 32 766.
const PARAMETERS: usize = 30_000;

impl Db {
    /// Appends rows to `table`: `values` holds them one after another, a value for each
    /// of `columns` in turn, and is left empty. Triggers and constraints apply as to any
    /// insert; the rows go in the order given.
    pub fn insert_rows(
        &self,
        table: &str,
        columns: &[&str],
        values: &mut Vec<Value>,
    ) -> Result<()> {
        let width = columns.len().max(1);
        if values.is_empty() {
            return Ok(());
        }
        match &self.engine {
            Engine::Postgres(pg) => {
                let text = copy_text(values, width);
                values.clear();
                pg.copy_in(
                    format!("COPY {table} ({}) FROM STDIN", columns.join(", ")),
                    text,
                )
            }
            Engine::Sqlite(_) => {
                let head = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
                let row = format!("({})", vec!["?"; width].join(", "));
                let mut rows = values.len() / width;
                let mut pending = values.drain(..);
                let mut size = ROWS.min(PARAMETERS / width).max(1);
                while rows > 0 {
                    while size > rows {
                        size = (size / 2).max(1);
                    }
                    self.prepare_cached(&multi_row(&head, &row, size))?
                        .execute(params_from_iter(pending.by_ref().take(size * width)))?;
                    rows -= size;
                }
                Ok(())
            }
        }
    }
}

impl Db {
    /// Rows of `table` were given their `id` by the book's code (under the write lock):
    /// the table's own counter moves past them, for rows that take it. SQLite takes the
    /// largest id; a server keeps a sequence.
    pub(crate) fn ids_given(&self, table: &str) -> Result<()> {
        if let Engine::Postgres(_) = &self.engine {
            self.query_row(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) IS NULL FROM {table}"
                ),
                [],
                |r| r.get::<_, bool>(0),
            )?;
        }
        Ok(())
    }
}

/// `INSERT … VALUES (row), (row), …` with `rows` rows.
fn multi_row(head: &str, row: &str, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 2));
    sql.push_str(head);
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql
}

/// The rows in `COPY`'s text format: a line per row, values parted by tabs, `\N` for
/// NULL, backslash escapes for the characters the format uses, bytes as `\x` hex.
fn copy_text(values: &[Value], width: usize) -> String {
    let mut out = String::with_capacity(values.len() * 12);
    for row in values.chunks(width) {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            match value {
                Value::Null => out.push_str("\\N"),
                Value::Integer(v) => {
                    let _ = write!(out, "{v}");
                }
                Value::Real(v) => {
                    let _ = write!(out, "{v}");
                }
                Value::Text(s) => escape_into(&mut out, s),
                Value::Blob(bytes) => {
                    out.push_str("\\\\x");
                    for b in bytes {
                        let _ = write!(out, "{b:02x}");
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_copy_lines_with_the_format_s_escapes() {
        let values = vec![
            Value::Integer(-7),
            Value::Text("a\tb\\c\nd\re".into()),
            Value::Null,
            Value::Blob(vec![0, 255]),
            Value::Real(1.5),
            Value::Text("Иванов".into()),
            Value::Null,
            Value::Blob(vec![]),
        ];
        assert_eq!(
            copy_text(&values, 4),
            "-7\ta\\tb\\\\c\\nd\\re\t\\N\t\\\\x00ff\n1.5\tИванов\t\\N\t\\\\x\n"
        );
    }

    /// 2 500 rows: statements of a thousand, then of 500 on SQLite; one COPY on a server.
    #[test]
    fn rows_read_back_as_written_on_either_engine() -> Result<()> {
        let book = crate::store::Book::open_in_memory()?;
        let db = book.db();
        let odd = [
            "таб\tнет ",
            "a\\tb",
            "line\nbreak\r",
            "back\\slash",
            "",
            "Ё",
        ];
        let mut values = Vec::new();
        let mut expected = Vec::new();
        for (i, odd) in (1_i64..).zip(odd.iter().cycle()).take(2_500) {
            let detail = (i % 7 != 0).then(|| format!("{odd}{i}"));
            values.extend([
                Value::Integer(i),
                Value::Text("2026-12-05T10:00:00".into()),
                Value::Text(format!("{odd}оператор")),
                Value::Text("bulk".into()),
                Value::Text("test".into()),
                Value::Text(i.to_string()),
                detail.clone().map_or(Value::Null, Value::Text),
            ]);
            expected.push((i, format!("{odd}оператор"), detail));
        }
        let columns = [
            "id",
            "at",
            "operator",
            "action",
            "entity",
            "entity_id",
            "detail",
        ];
        db.insert_rows("audit", &columns, &mut values)?;
        assert!(values.is_empty());
        let read: Vec<(i64, String, Option<String>)> = db
            .prepare("SELECT id, operator, detail FROM audit WHERE action = 'bulk' ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_>>()?;
        assert_eq!(read, expected);
        Ok(())
    }

    /// Inside a write transaction a server's bulk write goes on while the caller does, so
    /// its failure may come with a later statement, at the latest the commit: either way
    /// the transaction does not commit, nothing of it stays, and the next write goes in.
    #[test]
    fn a_failed_bulk_write_fails_its_transaction_on_either_engine() -> Result<()> {
        let book = crate::store::Book::open_in_memory()?;
        let db = book.db();
        let audit = ["at", "operator", "action", "entity", "entity_id"];
        let row = |entity_id: &str| {
            vec![
                Value::Text("2026-12-05T10:00:00".into()),
                Value::Text("оператор".into()),
                Value::Text("bulk-failed".into()),
                Value::Text("test".into()),
                Value::Text(entity_id.into()),
            ]
        };
        let tx = crate::store::sql::Tx::begin_write(db)?;
        tx.insert_rows("audit", &audit, &mut row("before"))?;
        // The reason of a payment the book does not have: its foreign key refuses it.
        let mut orphan = vec![
            Value::Integer(424_242),
            Value::Null,
            Value::Text("no_partner".into()),
            Value::Null,
        ];
        let outcome = ["payment", "partner", "reason", "detail"];
        let result = tx
            .insert_rows("payment_outcomes", &outcome, &mut orphan)
            .and_then(|()| tx.insert_rows("audit", &audit, &mut row("after")))
            .and_then(|()| tx.commit());
        let error = result.expect_err("the transaction is refused");
        assert!(
            matches!(error, crate::Error::Database(_)),
            "the database's refusal: {error:?}"
        );
        let kept = |action: &str| -> Result<i64> {
            db.query_row(
                "SELECT count(*) FROM audit WHERE action = ?1",
                [action],
                |r| r.get(0),
            )
        };
        assert_eq!(kept("bulk-failed")?, 0, "nothing of the transaction stays");
        let outcomes: i64 =
            db.query_row("SELECT count(*) FROM payment_outcomes", [], |r| r.get(0))?;
        assert_eq!(outcomes, 0);
        let tx = crate::store::sql::Tx::begin_write(db)?;
        tx.insert_rows("audit", &audit, &mut row("next"))?;
        tx.commit()?;
        assert_eq!(kept("bulk-failed")?, 1, "the next write goes in");
        Ok(())
    }

    #[test]
    fn sqlite_statements_take_a_thousand_rows_then_halving_sizes() {
        assert_eq!(
            multi_row("INSERT INTO t (a) VALUES ", "(?)", 3),
            "INSERT INTO t (a) VALUES (?), (?), (?)"
        );
    }
}
