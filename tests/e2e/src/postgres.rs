//! A PostgreSQL server for the tests of a shared book: the one `PARTNERBOOK_TEST_POSTGRES`
//! names (CI starts one cluster for the whole run), else a throwaway cluster of the test's
//! own (`scripts/pg.sh start`), stopped when dropped. Each test works in databases of its
//! own there, dropped with it. Nothing here skips: no server, no test.
//!
//! Spoken to through `psql` (Debian's `postgresql-client`, which `scripts/setup.sh`
//! installs), never through the sync `postgres` client, which must not run inside the
//! tests' async runtime.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The variable naming a server every test may use.
pub const TEST_SERVER_ENV: &str = "PARTNERBOOK_TEST_POSTGRES";

pub struct Server {
    /// `postgres://user@host:port/database` of the server's own database.
    url: String,
    /// The cluster's folder when this test started it.
    cluster: Option<PathBuf>,
    databases: Vec<String>,
}

impl Server {
    /// The server of `PARTNERBOOK_TEST_POSTGRES`, else a cluster started for the test
    /// `name` under `/tmp`.
    pub fn start(name: &str) -> Server {
        if let Some(url) = std::env::var(TEST_SERVER_ENV)
            .ok()
            .filter(|u| !u.trim().is_empty())
        {
            return Server {
                url: url.trim().to_owned(),
                cluster: None,
                databases: Vec::new(),
            };
        }
        let dir = PathBuf::from(format!("/tmp/pb-e2e-{name}-{}", std::process::id()));
        let out = Command::new("bash")
            .arg(pg_sh())
            .arg("start")
            .arg(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run scripts/pg.sh: {e}"));
        assert!(
            out.status.success(),
            "scripts/pg.sh start {} failed (set {TEST_SERVER_ENV} to a server instead):\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        assert!(url.starts_with("postgres://"), "pg.sh printed {url:?}");
        Server {
            url,
            cluster: Some(dir),
            databases: Vec::new(),
        }
    }

    /// A new, empty database `pb_e2e_<name>_<pid>` on the server; its URL.
    pub fn new_database(&mut self, name: &str) -> String {
        let database = format!("pb_e2e_{name}_{}", std::process::id());
        self.psql(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"));
        self.psql(&format!("CREATE DATABASE {database}"));
        self.databases.push(database.clone());
        self.url_of(&database)
    }

    /// The URL of `database` on this server (which may not exist).
    pub fn url_of(&self, database: &str) -> String {
        let (base, _) = self.url.rsplit_once('/').expect("a URL with a database");
        format!("{base}/{database}")
    }

    fn psql(&self, sql: &str) {
        let out = Command::new("psql")
            .args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                &self.url,
                "-c",
                sql,
            ])
            .output()
            .unwrap_or_else(|e| panic!("cannot run psql (apt-get install postgresql-client): {e}"));
        assert!(
            out.status.success(),
            "psql -c {sql:?} on {}: {}",
            self.url,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(dir) = &self.cluster {
            // The whole cluster goes, its databases with it.
            let stopped = Command::new("bash")
                .arg(pg_sh())
                .arg("stop")
                .arg(dir)
                .status();
            if !matches!(stopped, Ok(s) if s.success()) {
                eprintln!("scripts/pg.sh stop {} failed: {stopped:?}", dir.display());
            }
            return;
        }
        for database in std::mem::take(&mut self.databases) {
            let dropped = Command::new("psql")
                .args(["-X", "-q", "-d", &self.url, "-c"])
                .arg(format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                .status();
            if !matches!(dropped, Ok(s) if s.success()) {
                eprintln!("dropping {database} failed: {dropped:?}");
            }
        }
    }
}

fn pg_sh() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/pg.sh")
}
