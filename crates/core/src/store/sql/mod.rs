//! The one door to the database: a connection ([`Db`]), its statements, rows and
//! parameters in the book's own terms, whatever the engine underneath. Nothing outside
//! `store` names an engine; SQL is written once, with `?1`-style parameters.

mod bulk;
mod copy_queue;
mod cursor;
mod error;
mod pages;
pub(crate) use pages::copy_file;
mod pgpass;
mod postgres;
mod value;

use std::ops::Deref;

pub use error::SqlError;
pub use pgpass::{is_server_url, keep_password, url_to_keep, with_password, without_password};
pub use value::{params_from_iter, FromColumn, Param, Params, ParamsFromIter, Value, ValueRef};

use crate::{Error, Result};

/// `params![a, b, c]`: a statement's parameters of mixed types.
#[macro_export]
macro_rules! params {
    () => { [] };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::store::sql::Param),+] as &[&dyn $crate::store::sql::Param]
    };
}
pub use crate::params;

/// An open connection to the book.
pub struct Db {
    engine: Engine,
}

enum Engine {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Pg>),
}

/// Which engine a connection speaks to, for the few statements each says its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Db {
    pub(crate) fn sqlite(connection: rusqlite::Connection) -> Db {
        connection.set_prepared_statement_cache_capacity(128);
        Db {
            engine: Engine::Sqlite(connection),
        }
    }

    /// A connection to a book on a PostgreSQL server.
    pub(crate) fn postgres(url: &str) -> Result<Db> {
        Ok(Db {
            engine: Engine::Postgres(Box::new(postgres::Pg::connect(url)?)),
        })
    }

    pub fn dialect(&self) -> Dialect {
        match &self.engine {
            Engine::Sqlite(_) => Dialect::Sqlite,
            Engine::Postgres(_) => Dialect::Postgres,
        }
    }

    /// How long a write waits for another writer before it is refused.
    pub(crate) fn set_wait(&self, wait: std::time::Duration) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(c) => c.busy_timeout(wait).map_err(sqlite),
            Engine::Postgres(p) => {
                p.set_wait(wait);
                Ok(())
            }
        }
    }

    /// Whether this connection has made a temporary table of that name.
    pub(crate) fn temp_table_exists(&self, name: &str) -> Result<bool> {
        match &self.engine {
            Engine::Sqlite(_) => self.query_row(
                "SELECT count(*) > 0 FROM temp.sqlite_master WHERE name = ?1",
                [name],
                |r| r.get(0),
            ),
            Engine::Postgres(p) => p.temp_table_exists(name),
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    /// Runs statements separated by `;`, without parameters.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.engine {
            Engine::Sqlite(c) => c.execute_batch(sql).map_err(sqlite),
            Engine::Postgres(p) => p.batch(sql),
        }
    }

    /// The one row a query returns, read by `read`; [`SqlError::NoRows`] when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.prepare_cached(sql)?.query_row(params, read)
    }

    /// A statement, prepared once per connection and kept.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        match &self.engine {
            Engine::Sqlite(c) => Ok(Statement {
                inner: StatementInner::Sqlite(c.prepare_cached(sql).map_err(sqlite)?),
            }),
            Engine::Postgres(p) => Ok(Statement {
                inner: StatementInner::Postgres(p, p.statement(sql)?),
            }),
        }
    }

    /// Same as [`Db::prepare_cached`].
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }
}

/// A prepared statement.
pub struct Statement<'c> {
    inner: StatementInner<'c>,
}

enum StatementInner<'c> {
    Sqlite(rusqlite::CachedStatement<'c>),
    Postgres(&'c postgres::Pg, postgres::Prepared),
}

impl<'c> Statement<'c> {
    /// The names of the columns each row has.
    pub fn column_names(&self) -> Vec<String> {
        match &self.inner {
            StatementInner::Sqlite(s) => s.column_names().into_iter().map(str::to_owned).collect(),
            StatementInner::Postgres(_, s) => s.column_names(),
        }
    }

    /// How many columns each row has.
    pub fn column_count(&self) -> usize {
        match &self.inner {
            StatementInner::Sqlite(s) => s.column_count(),
            StatementInner::Postgres(_, s) => s.column_count(),
        }
    }

    pub fn execute(&mut self, params: impl Params) -> Result<usize> {
        let values = params.values();
        match &mut self.inner {
            StatementInner::Sqlite(s) => s
                .execute(rusqlite::params_from_iter(values.iter()))
                .map_err(sqlite),
            StatementInner::Postgres(p, s) => p.execute(s, &values),
        }
    }

    /// The rows, one at a time.
    pub fn query(&mut self, params: impl Params) -> Result<Rows<'_>> {
        let values = params.values();
        match &mut self.inner {
            StatementInner::Sqlite(s) => Ok(Rows {
                inner: RowsInner::Sqlite(
                    s.query(rusqlite::params_from_iter(values.iter()))
                        .map_err(sqlite)?,
                ),
            }),
            StatementInner::Postgres(p, s) => Ok(Rows {
                inner: RowsInner::Postgres(p.query(s, &values)?.into_iter()),
            }),
        }
    }

    /// Every row, each read by `read`.
    pub fn query_map<T, F>(&mut self, params: impl Params, read: F) -> Result<MappedRows<'_, F>>
    where
        F: FnMut(&Row<'_>) -> Result<T>,
    {
        Ok(MappedRows {
            rows: self.query(params)?,
            read,
        })
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        read: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => read(&row),
            None => Err(SqlError::NoRows.into()),
        }
    }
}

/// The rows of a query, one at a time.
pub struct Rows<'s> {
    inner: RowsInner<'s>,
}

enum RowsInner<'s> {
    Sqlite(rusqlite::Rows<'s>),
    /// The server's rows, read whole: a statement may run while another's rows are read.
    Postgres(std::vec::IntoIter<tokio_postgres::Row>),
}

impl Rows<'_> {
    #[allow(clippy::should_implement_trait)] // a lending iterator: each row borrows the cursor
    pub fn next(&mut self) -> Result<Option<Row<'_>>> {
        match &mut self.inner {
            RowsInner::Sqlite(rows) => Ok(rows.next().map_err(sqlite)?.map(|r| Row {
                inner: RowInner::Sqlite(r),
            })),
            RowsInner::Postgres(rows) => Ok(rows.next().map(|r| Row {
                inner: RowInner::Owned(r),
            })),
        }
    }
}

/// Rows read into values, as an iterator.
pub struct MappedRows<'s, F> {
    rows: Rows<'s>,
    read: F,
}

impl<T, F> Iterator for MappedRows<'_, F>
where
    F: FnMut(&Row<'_>) -> Result<T>,
{
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        match self.rows.next() {
            Ok(Some(row)) => Some((self.read)(&row)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// One row of a query.
pub struct Row<'r> {
    inner: RowInner<'r>,
}

enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Owned(tokio_postgres::Row),
}

/// A column's position (the code reads columns by position).
pub trait ColumnIndex {
    fn index(self) -> usize;
}

impl ColumnIndex for usize {
    fn index(self) -> usize {
        self
    }
}

impl<'r> Row<'r> {
    /// Column `i` as it is stored.
    pub fn get_ref(&self, i: usize) -> Result<ValueRef<'_>> {
        match &self.inner {
            RowInner::Sqlite(r) => Ok(match r.get_ref(i).map_err(sqlite)? {
                rusqlite::types::ValueRef::Null => ValueRef::Null,
                rusqlite::types::ValueRef::Integer(v) => ValueRef::Integer(v),
                rusqlite::types::ValueRef::Real(v) => ValueRef::Real(v),
                rusqlite::types::ValueRef::Text(t) => ValueRef::Text(
                    std::str::from_utf8(t).map_err(|_| SqlError::wrong_type(i, "text", "bytes"))?,
                ),
                rusqlite::types::ValueRef::Blob(b) => ValueRef::Blob(b),
            }),
            RowInner::Owned(r) => Ok(postgres::column(r, i)?),
        }
    }

    /// Column `i` read as `T` (`Option<T>` for a column that may be NULL).
    pub fn get<I: ColumnIndex, T: FromColumn>(&self, i: I) -> Result<T> {
        let i = i.index();
        Ok(T::from_column(self.get_ref(i)?, i)?)
    }
}

/// A transaction: rolled back when dropped unless committed.
pub struct Tx<'c> {
    db: &'c Db,
    done: bool,
}

impl<'c> Tx<'c> {
    /// Begins a transaction that takes the book's write lock at once (another writer
    /// waits for it, or is refused when its wait runs out).
    pub(crate) fn begin_write(db: &'c Db) -> Result<Tx<'c>> {
        match &db.engine {
            Engine::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE").map_err(sqlite)?,
            Engine::Postgres(p) => p.begin_write()?,
        }
        Ok(Tx { db, done: false })
    }

    /// Begins a transaction that reads one snapshot of the book: every statement in it
    /// sees the book as the first one did, whatever another connection commits meanwhile
    /// (SQLite's WAL, PostgreSQL's repeatable read). It takes no lock and waits for no
    /// writer.
    pub(crate) fn begin_read(db: &'c Db) -> Result<Tx<'c>> {
        match &db.engine {
            Engine::Sqlite(c) => c.execute_batch("BEGIN DEFERRED").map_err(sqlite)?,
            Engine::Postgres(p) => p.batch("BEGIN ISOLATION LEVEL REPEATABLE READ")?,
        }
        Ok(Tx { db, done: false })
    }

    pub fn commit(mut self) -> Result<()> {
        self.db.execute_batch("COMMIT")?;
        self.done = true;
        Ok(())
    }
}

impl Deref for Tx<'_> {
    type Target = Db;

    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Nothing to report from a drop: the connection stays usable either way.
            let _ = self.db.execute_batch("ROLLBACK");
        }
    }
}

/// `.optional()`: a query's missing row as `None`.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::Database(SqlError::NoRows)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn sqlite(e: rusqlite::Error) -> Error {
    Error::Database(e.into())
}

impl rusqlite::ToSql for ValueRef<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef as V};
        Ok(ToSqlOutput::Borrowed(match *self {
            ValueRef::Null => V::Null,
            ValueRef::Integer(i) => V::Integer(i),
            ValueRef::Real(r) => V::Real(r),
            ValueRef::Text(s) => V::Text(s.as_bytes()),
            ValueRef::Blob(b) => V::Blob(b),
        }))
    }
}
