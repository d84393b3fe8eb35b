//! Tests of reading tables, on small fixture files written at test time.

mod columns;
mod csv_files;
mod values;
mod xlsx_files;

use std::path::PathBuf;

use tempfile::TempDir;

use super::{Cell, Row, TableReader};
use crate::error::{Error, Problem};

/// Writes `bytes` as `name` in a fresh temporary folder (kept alive by the returned guard).
fn fixture(name: &str, bytes: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("fixture written");
    (dir, path)
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

/// All the rows, each expected to read right.
fn all_rows(table: &mut TableReader) -> Vec<Row> {
    let mut rows = Vec::new();
    while let Some(row) = table.next_row() {
        rows.push(row.expect("a readable row"));
    }
    rows
}

/// The problems of an `Error::Invalid`.
fn problems(result: Result<Row, Error>) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(problems)) => problems,
        other => panic!("expected invalid input, got {other:?}"),
    }
}
