//! Running the built `partnerbook` binary on a book in a temporary folder, with the
//! environment cleared of anything that would change its language or book.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use partnerbook_core::store::{test_books_server, test_server, Throwaway};
use tempfile::TempDir;

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }
}

/// A temporary folder with a book in it (the book is created by the first command) —
/// or, with `PARTNERBOOK_TEST_ENGINE=postgres`, a database of its own on the test server.
pub struct Scene {
    pub dir: TempDir,
    pub book: PathBuf,
    server: Option<Throwaway>,
}

impl Scene {
    pub fn new() -> Scene {
        let dir = tempfile::tempdir().expect("a temporary folder");
        match test_books_server() {
            Some(server) => {
                let made = Throwaway::make(&server).expect("a database on the test server");
                let book = PathBuf::from(&made.url);
                Scene {
                    dir,
                    book,
                    server: Some(made),
                }
            }
            None => Scene::with_file(dir),
        }
    }

    /// A book in a file whatever the test server (what only a file has: its backups,
    /// the note beside it, copies of it).
    pub fn in_file() -> Scene {
        Scene::with_file(tempfile::tempdir().expect("a temporary folder"))
    }

    fn with_file(dir: TempDir) -> Scene {
        let book = dir.path().join("book.sqlite");
        Scene {
            dir,
            book,
            server: None,
        }
    }

    /// A scene on the book at `book` (a file or a server's URL) made elsewhere.
    pub fn at(book: PathBuf) -> Scene {
        Scene {
            dir: tempfile::tempdir().expect("a temporary folder"),
            book,
            server: None,
        }
    }

    /// A database of its own on the test server, whatever the engine of test books (a
    /// test that needs a server fails without one: it is never skipped).
    pub fn server_book(&self) -> Throwaway {
        let server = test_server().expect(
            "PARTNERBOOK_TEST_POSTGRES names the PostgreSQL server for tests (bash scripts/pg.sh start DIR prints one)",
        );
        Throwaway::make(&server).expect("a database on the test server")
    }

    /// Whether the book is on a server.
    pub fn on_server(&self) -> bool {
        self.server.is_some()
    }

    /// `partnerbook --book BOOK ARGS…` with no language in the environment.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// The same, with extra environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_partnerbook"));
        command.arg("--book").arg(&self.book).args(args);
        for var in [
            "PARTNERBOOK_LANG",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
            "PARTNERBOOK_BOOK",
        ] {
            command.env_remove(var);
        }
        command
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path())
            .env("USER", "tester");
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command.output().expect("the binary runs");
        Run {
            code: out.status.code().expect("an exit code"),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
        }
    }

    /// Runs and expects exit status 0.
    pub fn ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        run
    }

    /// A file written into the scene's folder.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        path
    }
}

/// A file under the repository's `tests/fixtures/`, as a string for the command line.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A scene whose book holds the partners and clients of the fixtures.
pub fn scene_with_clients() -> Scene {
    let scene = Scene::new();
    scene.ok(&["import", "partners", &fixture("partners_ok.csv")]);
    scene.ok(&["import", "clients", &fixture("clients_ok.csv")]);
    scene
}

/// The vendor's requisites every document needs.
pub fn set_vendor(scene: &Scene) {
    scene.ok(&[
        "vendor",
        "set",
        "--name",
        "ООО «Вендор»",
        "--inn",
        "7736207543",
        "--kpp",
        "773601001",
        "--address",
        "Москва, ул. Льва Толстого, 16",
        "--edo-id",
        "2BE-VENDOR",
        "--signer",
        "Иванов Иван Иванович",
        "--signer-position",
        "Генеральный директор",
    ]);
}

/// The vendor's account at the bank: the payment orders' payer, the statements' debtor.
pub const VENDOR_ACCOUNT: &str = "40702810000000000777";

/// The fixtures' book with both billing files, the vendor's requisites and bank:
/// balances ready to convert on 2026-03-31.
pub fn scene_with_balances() -> Scene {
    let scene = scene_with_clients();
    scene.ok(&["import", "billing", &fixture("billing_preview.csv")]);
    scene.ok(&["import", "billing", &fixture("billing_ok.csv")]);
    set_vendor(&scene);
    scene.ok(&[
        "vendor",
        "set",
        "--bik",
        "044525225",
        "--account",
        VENDOR_ACCOUNT,
    ]);
    scene
}

/// P-1's signer, EDO id and address: what its EDO titles need.
pub fn set_edo_partner_p1(scene: &Scene) {
    scene.ok(&[
        "partner",
        "set",
        "P-1",
        "--signer",
        "Петров Пётр Петрович",
        "--edo-id",
        "2BE-ALFA",
        "--address",
        "Москва, ул. Вавилова, 19",
    ]);
}

/// The keys of a JSON object, sorted.
pub fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}
