//! Books the tests start from, filled through the core as a user's imports would.

use std::path::Path;

use chrono::NaiveDate;
use partnerbook_core::audit::Actor;
use partnerbook_core::import::{run_import, ImportKind, ImportOptions};
use partnerbook_core::store::Book;
use partnerbook_core::Lang;

use crate::locate::fixture;

/// Imports fixtures (kind, file name) into the book at `path`, as the operator `e2e`
/// acting on `day`.
pub fn imported(path: &Path, day: NaiveDate, files: &[(ImportKind, &str)]) {
    let mut book = Book::open(path).expect("a new book");
    let now = day.and_hms_opt(10, 0, 0).expect("a time");
    let actor = Actor::new("e2e", now);
    for (kind, file) in files {
        let options = ImportOptions {
            kind: *kind,
            path: fixture(file),
            sheet: None,
            program: None,
            dry_run: false,
            lang: Lang::Ru,
        };
        let report = run_import(&mut book, &options, &actor, &mut |_| true).expect("imported");
        assert!(report.committed, "{file}: {:?}", report.problems);
    }
}

/// The partners and clients of `partners_ok.csv` and `clients_ok.csv`.
pub fn partners_and_clients(path: &Path) {
    let day = NaiveDate::from_ymd_opt(2025, 7, 1).expect("a day");
    imported(
        path,
        day,
        &[
            (ImportKind::Partners, "partners_ok.csv"),
            (ImportKind::Clients, "clients_ok.csv"),
        ],
    );
}
