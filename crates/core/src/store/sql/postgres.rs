//! The PostgreSQL engine: a connection to a shared book on a server. SQL is written
//! once for both engines; here its `?1` parameters become `$1`, the few SQLite words
//! become PostgreSQL's, and values cross in the book's terms whatever type the server
//! gave a parameter or a column.
//!
//! Inside a write transaction, bulk writes (`COPY`) are queued ([`CopyQueue`]) and the
//! caller goes on while the server takes the rows; the next statement that is not a bulk
//! write waits for the queue first, so statements reach the server in the order they were
//! made, and a bulk write's error comes with that statement (at the latest `COMMIT`, which
//! then does not commit).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use tokio::runtime::Runtime;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use tokio_postgres::{Client, NoTls};

use super::copy_queue::CopyQueue;
use super::{SqlError, ValueRef};
use crate::{Error, Result};

/// The key of the one advisory lock every writer of a book takes first: writers queue,
/// readers never wait.
const WRITE_LOCK: i64 = 0x5061_7274_6e65_7262; // "Partnerb"

/// A statement the server prepared, with the text it was prepared from.
#[derive(Clone)]
pub(crate) struct Prepared {
    statement: tokio_postgres::Statement,
    sql: Arc<str>,
}

impl Prepared {
    pub(crate) fn column_names(&self) -> Vec<String> {
        self.statement
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect()
    }

    pub(crate) fn column_count(&self) -> usize {
        self.statement.columns().len()
    }
}

pub(crate) struct Pg {
    /// Dropped first: its thread drives `runtime`.
    copies: CopyQueue,
    /// A current-thread runtime: the connection and the bulk writer run wherever it is
    /// driven (the caller's thread for a statement it waits for).
    runtime: Arc<Runtime>,
    client: Arc<Client>,
    statements: RefCell<HashMap<String, Prepared>>,
    wait: Cell<Duration>,
    /// A write transaction is open: its bulk writes need not wait for the server.
    writing: Cell<bool>,
}

impl Pg {
    pub(crate) fn connect(url: &str) -> Result<Pg> {
        let config = super::pgpass::config(url)?;
        let runtime = Arc::new(
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?,
        );
        let (client, connection) = runtime
            .block_on(config.connect(NoTls))
            .map_err(|e| unreachable_server(url, &e))?;
        // The connection's end is told to its client's next call ("connection closed").
        runtime.spawn(async move { connection.await.ok() });
        let client = Arc::new(client);
        let pg = Pg {
            copies: CopyQueue::start(&runtime, Arc::clone(&client))?,
            runtime,
            client,
            statements: RefCell::new(HashMap::new()),
            wait: Cell::new(crate::store::DEFAULT_WAIT),
            writing: Cell::new(false),
        };
        // The fold's set-based reads hash a year's payment ids: room for them in memory
        // rather than a plan that looks them up once per row.
        pg.batch("SET work_mem = '64MB'")?;
        Ok(pg)
    }

    pub(crate) fn set_wait(&self, wait: Duration) {
        self.wait.set(wait);
    }

    pub(crate) fn statement(&self, sql: &str) -> Result<Prepared> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        self.written()?;
        let statement = self
            .runtime
            .block_on(self.client.prepare(&translate(sql)))
            .map_err(pg_at(sql))?;
        let prepared = Prepared {
            statement,
            sql: sql.into(),
        };
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), prepared.clone());
        Ok(prepared)
    }

    pub(crate) fn batch(&self, sql: &str) -> Result<()> {
        let ends = matches!(sql, "COMMIT" | "ROLLBACK");
        let written = self.written();
        if ends {
            self.writing.set(false);
        }
        // A transaction is rolled back whatever its bulk writes came to.
        if sql != "ROLLBACK" {
            written?;
        }
        self.runtime
            .block_on(self.client.batch_execute(&translate(sql)))
            .map_err(pg_at(sql))
    }

    pub(crate) fn execute(&self, stmt: &Prepared, values: &[ValueRef<'_>]) -> Result<usize> {
        self.written()?;
        let params = as_params(values);
        let n = self
            .runtime
            .block_on(self.client.execute(&stmt.statement, &params))
            .map_err(pg_at(&stmt.sql))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    pub(crate) fn query(
        &self,
        stmt: &Prepared,
        values: &[ValueRef<'_>],
    ) -> Result<Vec<tokio_postgres::Row>> {
        self.written()?;
        let params = as_params(values);
        self.runtime
            .block_on(self.client.query(&stmt.statement, &params))
            .map_err(pg_at(&stmt.sql))
    }

    /// Runs `copy` (a `COPY … FROM STDIN`) with `text` as its rows. In a write
    /// transaction it is queued and the caller goes on: its error, if any, comes with the
    /// next statement.
    pub(crate) fn copy_in(&self, copy: String, text: String) -> Result<()> {
        self.copies.push(copy, Bytes::from(text.into_bytes()))?;
        if self.writing.get() {
            Ok(())
        } else {
            self.written()
        }
    }

    /// Waits until every queued bulk write is done; the first that failed, if one did.
    fn written(&self) -> Result<()> {
        self.copies.written()
    }

    /// The next `n` rows of the cursor `cursor` (fewer at its end). Not kept prepared: a
    /// cursor of the same name may next be declared for another query.
    pub(crate) fn fetch(&self, cursor: &str, n: usize) -> Result<Vec<tokio_postgres::Row>> {
        self.written()?;
        let sql = format!("FETCH FORWARD {n} FROM {cursor}");
        self.runtime
            .block_on(self.client.query(sql.as_str(), &[]))
            .map_err(pg_at(&sql))
    }

    /// `BEGIN`, then the book's write lock, waiting at most the book's wait.
    pub(crate) fn begin_write(&self) -> Result<()> {
        self.batch("BEGIN")?;
        let millis = self.wait.get().as_millis().max(1);
        let locked = self
            .batch(&format!("SET LOCAL lock_timeout = {millis}"))
            .and_then(|()| {
                let stmt = self.statement("SELECT pg_advisory_xact_lock(?1)")?;
                self.query(&stmt, &[ValueRef::Integer(WRITE_LOCK)])
                    .map(drop)
            });
        if let Err(e) = locked {
            self.batch("ROLLBACK")?;
            return Err(e);
        }
        self.writing.set(true);
        Ok(())
    }

    /// Whether this session has a temporary table of that name.
    pub(crate) fn temp_table_exists(&self, name: &str) -> Result<bool> {
        let stmt = self.statement("SELECT to_regclass('pg_temp.' || ?1) IS NOT NULL")?;
        let rows = self.query(&stmt, &[ValueRef::Text(name)])?;
        Ok(rows.first().is_some_and(|r| r.get::<_, bool>(0)))
    }
}

fn as_params<'a>(values: &'a [ValueRef<'_>]) -> Vec<&'a (dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

fn pg_at(sql: &str) -> impl FnOnce(tokio_postgres::Error) -> Error + '_ {
    move |error| {
        Error::Database(SqlError::Postgres {
            error,
            sql: Some(sql.to_owned()),
        })
    }
}

fn unreachable_server(url: &str, e: &tokio_postgres::Error) -> Error {
    let shown = super::pgpass::without_password(url);
    let io = StdError::source(e).and_then(|s| s.downcast_ref::<std::io::Error>());
    let (ru, en) = match why_unreachable(e.code(), io.map(std::io::Error::kind)) {
        Some((ru, en)) => (format!("{ru} ({e})"), format!("{en} ({e})")),
        None => (e.to_string(), e.to_string()),
    };
    Error::refused(
        "server_unreachable",
        format!("Не удалось подключиться к книге на сервере {shown}: {ru}"),
        format!("Could not connect to the book on the server {shown}: {en}"),
    )
}

/// What a failed connection means, in both languages, for the failures a person can act
/// on; the server's own words follow it.
fn why_unreachable(
    code: Option<&SqlState>,
    io: Option<std::io::ErrorKind>,
) -> Option<(&'static str, &'static str)> {
    use std::io::ErrorKind;
    if let Some(code) = code {
        return if code == &SqlState::INVALID_PASSWORD
            || code == &SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            Some((
                "сервер не принял имя пользователя или пароль (пароль берётся из PGPASSWORD или ~/.pgpass)",
                "the server did not accept the user name or the password (the password comes from PGPASSWORD or ~/.pgpass)",
            ))
        } else if code == &SqlState::INVALID_CATALOG_NAME {
            Some((
                "на сервере нет такой базы данных",
                "the server has no such database",
            ))
        } else if code == &SqlState::TOO_MANY_CONNECTIONS {
            Some((
                "на сервере заняты все подключения",
                "the server has no free connections",
            ))
        } else {
            None
        };
    }
    match io? {
        ErrorKind::ConnectionRefused => Some((
            "по этому адресу и порту сервер не отвечает",
            "no server answers at this host and port",
        )),
        ErrorKind::TimedOut => Some((
            "сервер не ответил вовремя",
            "the server did not answer in time",
        )),
        _ => None,
    }
}

/// Column `i` of a row in the book's terms.
pub(crate) fn column(
    row: &tokio_postgres::Row,
    i: usize,
) -> std::result::Result<ValueRef<'_>, SqlError> {
    let ty = row
        .columns()
        .get(i)
        .ok_or(SqlError::wrong_type(i, "a column", "none"))?
        .type_()
        .clone();
    let get = |error: tokio_postgres::Error| SqlError::Postgres { error, sql: None };
    Ok(match ty {
        Type::BOOL => match row.try_get::<_, Option<bool>>(i).map_err(get)? {
            Some(b) => ValueRef::Integer(i64::from(b)),
            None => ValueRef::Null,
        },
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, |v| ValueRef::Integer(v.into())),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, |v| ValueRef::Integer(v.into())),
        Type::INT8 => row
            .try_get::<_, Option<i64>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, ValueRef::Integer),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, |v| ValueRef::Real(v.into())),
        Type::FLOAT8 => row
            .try_get::<_, Option<f64>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, ValueRef::Real),
        // sum() of integers: a whole number comes back as one.
        Type::NUMERIC => match row.try_get::<_, Option<Decimal>>(i).map_err(get)? {
            None => ValueRef::Null,
            Some(d) if d.fract().is_zero() => d
                .to_i64()
                .map(ValueRef::Integer)
                .ok_or(SqlError::wrong_type(i, "integer", "a larger number"))?,
            Some(d) => ValueRef::Real(d.to_f64().unwrap_or(f64::NAN)),
        },
        Type::BYTEA => row
            .try_get::<_, Option<&[u8]>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, ValueRef::Blob),
        _ => row
            .try_get::<_, Option<&str>>(i)
            .map_err(get)?
            .map_or(ValueRef::Null, ValueRef::Text),
    })
}

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for ValueRef<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        match *self {
            ValueRef::Null => Ok(IsNull::Yes),
            ValueRef::Integer(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::BOOL => (v != 0).to_sql(ty, out),
                Type::FLOAT8 => (v as f64).to_sql(ty, out),
                Type::NUMERIC => Decimal::from(v).to_sql(ty, out),
                _ => v.to_string().as_str().to_sql(ty, out),
            },
            ValueRef::Real(v) => match *ty {
                Type::FLOAT8 => v.to_sql(ty, out),
                Type::FLOAT4 => (v as f32).to_sql(ty, out),
                Type::NUMERIC => Decimal::try_from(v)?.to_sql(ty, out),
                _ => v.to_string().as_str().to_sql(ty, out),
            },
            ValueRef::Text(v) => match *ty {
                Type::INT8 => v.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => v.parse::<i32>()?.to_sql(ty, out),
                Type::NUMERIC => v.parse::<Decimal>()?.to_sql(ty, out),
                Type::BYTEA => v.as_bytes().to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            ValueRef::Blob(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// SQL as written for both engines, as PostgreSQL reads it: `?1` → `$1` (outside
/// quotes), `instr` → `strpos`, SQLite's row-id key → an identity column.
pub(crate) fn translate(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut quoted = false;
    let mut next = 1;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    digits = next.to_string();
                    next += 1;
                }
                out.push('$');
                out.push_str(&digits);
            }
            _ => out.push(c),
        }
    }
    out.replace("instr(", "strpos(").replace(
        "INTEGER PRIMARY KEY",
        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    )
}

#[cfg(test)]
mod tests {
    use super::{translate, why_unreachable, SqlState};
    use std::io::ErrorKind;

    #[test]
    fn a_failed_connection_says_what_it_means() {
        let said = why_unreachable;
        let (ru, en) = said(Some(&SqlState::INVALID_PASSWORD), None).expect("a password");
        assert!(
            ru.contains("PGPASSWORD") && en.contains("~/.pgpass"),
            "{ru} / {en}"
        );
        let (ru, _) = said(Some(&SqlState::INVALID_CATALOG_NAME), None).expect("a database");
        assert_eq!(ru, "на сервере нет такой базы данных");
        let (_, en) = said(None, Some(ErrorKind::ConnectionRefused)).expect("refused");
        assert_eq!(en, "no server answers at this host and port");
        assert_eq!(said(Some(&SqlState::SYNTAX_ERROR), None), None);
        assert_eq!(said(None, Some(ErrorKind::Other)), None);
    }

    #[test]
    fn parameters_become_numbered_dollars_outside_quotes() {
        assert_eq!(
            translate("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12 AND instr(e, ?2) > 0"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12 AND strpos(e, $2) > 0"
        );
        assert_eq!(translate("VALUES (?, ?)"), "VALUES ($1, $2)");
        assert_eq!(translate("SELECT 'it''s ?'"), "SELECT 'it''s ?'");
    }
}
