//! Throwaway server books for tests. `PARTNERBOOK_TEST_POSTGRES` names the server tests
//! may use (`postgres://partnerbook@127.0.0.1:54329/partnerbook`, as `scripts/pg.sh
//! start` prints); with `PARTNERBOOK_TEST_ENGINE=postgres` too, every test book is a
//! database of its own there, cloned from a template made once per schema, and dropped
//! with the book.

use std::sync::atomic::{AtomicU64, Ordering};

use super::migrations::{self, SCHEMA_VERSION};
use super::sql::{Db, Dialect};
use crate::Result;

/// The variable naming the PostgreSQL server tests may use.
pub const TEST_SERVER: &str = "PARTNERBOOK_TEST_POSTGRES";

/// The variable choosing the engine of every test book (`postgres`; SQLite otherwise).
pub const TEST_ENGINE: &str = "PARTNERBOOK_TEST_ENGINE";

/// The test server, if `PARTNERBOOK_TEST_POSTGRES` names one.
pub fn test_server() -> Option<String> {
    std::env::var(TEST_SERVER).ok().filter(|s| !s.is_empty())
}

/// The server every test book goes on, when `PARTNERBOOK_TEST_ENGINE=postgres`; a
/// missing server then is an error, never a quiet fall-back to SQLite.
pub fn test_books_server() -> Option<String> {
    let engine = std::env::var(TEST_ENGINE).ok()?;
    assert!(
        engine == "postgres" || engine == "sqlite",
        "{TEST_ENGINE} is postgres or sqlite, not {engine}"
    );
    (engine == "postgres").then(|| {
        test_server().unwrap_or_else(|| {
            panic!("{TEST_ENGINE}=postgres needs {TEST_SERVER} (bash scripts/pg.sh start DIR prints one)")
        })
    })
}

/// A database of its own on the test server, dropped with this value.
pub struct Throwaway {
    pub url: String,
    server: String,
    name: String,
}

impl Throwaway {
    pub fn make(server: &str) -> Result<Throwaway> {
        static MADE: AtomicU64 = AtomicU64::new(0);
        let admin = Db::postgres(server)?;
        let template = template(&admin, server)?;
        let name = format!(
            "pb_test_{}_{}",
            std::process::id(),
            MADE.fetch_add(1, Ordering::Relaxed)
        );
        // One statement per call: neither runs inside a transaction.
        admin.execute_batch(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
        admin.execute_batch(&format!("CREATE DATABASE {name} TEMPLATE {template}"))?;
        Ok(Throwaway {
            url: with_database(server, &name),
            server: server.to_owned(),
            name,
        })
    }
}

impl Drop for Throwaway {
    fn drop(&mut self) {
        // A database left behind by a failed drop is removed by the next run's cluster.
        if let Ok(admin) = Db::postgres(&self.server) {
            let _ = admin.execute_batch(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The template of this build's schema, made once (under a lock, by whichever test
/// comes first).
fn template(admin: &Db, server: &str) -> Result<String> {
    let name = format!("pb_template_{SCHEMA_VERSION}_{:x}", schema_hash());
    admin.execute_batch("SELECT pg_advisory_lock(7340)")?;
    let made = (|| -> Result<()> {
        let exists: bool = admin.query_row(
            "SELECT count(*) > 0 FROM pg_database WHERE datname = ?1",
            [name.as_str()],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(());
        }
        let building = format!("{name}_building");
        admin.execute_batch(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))?;
        admin.execute_batch(&format!("CREATE DATABASE {building}"))?;
        {
            let db = Db::postgres(&with_database(server, &building))?;
            migrations::migrate(&db, SCHEMA_VERSION)?;
        }
        admin.execute_batch(&format!("ALTER DATABASE {building} RENAME TO {name}"))
    })();
    admin.execute_batch("SELECT pg_advisory_unlock(7340)")?;
    made?;
    Ok(name)
}

/// Tells one build's migrations from another's with the same number.
fn schema_hash() -> u64 {
    migrations::texts(Dialect::Postgres)
        .iter()
        .flat_map(|t| t.bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// `url` with its database replaced by `database`.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, ""), |(b, q)| (b, q));
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|i| start + i))
        .unwrap_or(base.len());
    let mut out = format!("{}/{database}", &base[..authority_end]);
    if !query.is_empty() {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_of_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://a@h:1/book?sslmode=disable", "t1"),
            "postgres://a@h:1/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://a@h:1", "t1"),
            "postgres://a@h:1/t1"
        );
    }
}
