//! Running an import: one streaming pass inside one transaction. Every row is checked;
//! the book keeps the rows only when no row had a problem and it was not a dry run.

use std::path::PathBuf;

use crate::store::imports::{finish_import, start_import};

use super::billing::BillingRows;
use super::clients::ClientRows;
use super::partners::PartnerRows;
use super::preview::columns_of;
use super::report::{ColumnFound, ImportKind, ImportProgress, ImportReport};
use super::rows::{RowImport, RowResult};
use super::table::{ColumnMap, RowReader};
use crate::audit::{self, Actor};
use crate::store::Book;
use crate::{Error, Lang, Problem, ProblemDto, Result, Text};

/// How many problems a report lists before it says "and N more".
const MAX_PROBLEMS: usize = 10_000;
/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 2_000;

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub kind: ImportKind,
    pub path: PathBuf,
    pub sheet: Option<String>,
    /// The program of billing rows whose file has no program column.
    pub program: Option<String>,
    /// Only check: nothing is written even when the file is clean.
    pub dry_run: bool,
    pub lang: Lang,
}

fn place(mut problem: Problem, row: u64, columns: &ColumnMap) -> Problem {
    problem.row = Some(row);
    if problem.column.is_none() {
        problem.column = problem.field.map(|f| columns.header(f).to_owned());
    }
    problem
}

/// Imports (or with `dry_run`, checks) a file. `progress` is called every few thousand
/// rows; returning `false` cancels, and nothing is changed (`Error::Cancelled`).
/// A file with problems is not an `Err`: the report lists them and `committed` is false.
pub fn run_import(
    book: &mut Book,
    options: &ImportOptions,
    actor: &Actor,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportReport> {
    let file = options.path.display().to_string();
    let mut report = ImportReport {
        kind: options.kind,
        file: file.clone(),
        encoding: String::new(),
        columns: vec![],
        ignored: vec![],
        rows: 0,
        added: 0,
        unchanged: 0,
        refused: 0,
        problems: vec![],
        accrued: vec![],
        committed: false,
        import_id: None,
    };
    let specs = columns_of(options.kind);
    let mut reader = match RowReader::open(&options.path, options.sheet.as_deref(), specs) {
        Ok(r) => r,
        Err(Error::Invalid(problems)) => {
            report.problems = problems
                .iter()
                .map(|p| ProblemDto::new(p, options.lang))
                .collect();
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    report.encoding = reader.table().encoding().to_owned();
    report.columns = specs
        .iter()
        .filter(|s| reader.columns().has(s.key))
        .map(|s| ColumnFound {
            key: s.key.to_owned(),
            header: reader.columns().header(s.key).to_owned(),
        })
        .collect();
    report.ignored = reader.columns().ignored().to_vec();
    if options.kind == ImportKind::Billing
        && !reader.columns().has("program")
        && options.program.is_none()
    {
        report.problems = vec![ProblemDto::new(&no_program_column(), options.lang)];
        return Ok(report);
    }
    if !options.dry_run {
        backup_before(book, actor, options.kind)?;
    }
    let tx = book.begin()?;
    let import = start_import(&tx, options.kind, &file, (&actor.stamp(), &actor.operator))?;
    let mut rows: Box<dyn RowImport> = match options.kind {
        ImportKind::Partners => Box::new(PartnerRows::default()),
        ImportKind::Clients => Box::new(ClientRows::new(import, actor)),
        ImportKind::Billing => Box::new(BillingRows::new(options.program.clone(), import, actor)),
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut more_problems = 0usize;
    let mut note = |found: Vec<Problem>, problems: &mut Vec<Problem>| {
        for p in found {
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            } else {
                more_problems += 1;
            }
        }
    };
    while let Some(row) = reader.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(Error::Invalid(found)) => {
                report.rows += 1;
                note(found, &mut problems);
                continue;
            }
            Err(e) => return Err(e),
        };
        report.rows += 1;
        match rows.row(&tx, actor, import, &row, reader.columns())? {
            RowResult::Added => report.added += 1,
            RowResult::Unchanged => report.unchanged += 1,
            RowResult::Refused => report.refused += 1,
            RowResult::Pending => {}
            RowResult::Problems(found) => {
                let found = found
                    .into_iter()
                    .map(|p| place(p, row.number, reader.columns()))
                    .collect();
                note(found, &mut problems);
            }
        }
        if report.rows.is_multiple_of(PROGRESS_EVERY) {
            let table = reader.table();
            let go_on = progress(ImportProgress {
                rows: report.rows,
                bytes: table.bytes_read(),
                total_bytes: table.total_bytes(),
            });
            if !go_on {
                return Err(Error::Cancelled);
            }
        }
    }
    let finished = rows.finish(&tx, problems.is_empty())?;
    report.accrued = finished.accrued;
    for result in finished.pending {
        match result {
            RowResult::Unchanged => report.unchanged += 1,
            RowResult::Refused => report.refused += 1,
            _ => report.added += 1,
        }
    }
    if report.rows == 0 && problems.is_empty() {
        problems.push(Problem::new(
            "no_rows",
            Text::new(
                "в файле нет ни одной строки данных",
                "the file has no data rows",
            ),
        ));
    }
    if more_problems > 0 {
        problems.push(Problem::new(
            "more_problems",
            Text::new(
                format!("и ещё {more_problems} ошибок"),
                format!("and {more_problems} more problems"),
            ),
        ));
    }
    let table = reader.table();
    progress(ImportProgress {
        rows: report.rows,
        bytes: table.total_bytes(),
        total_bytes: table.total_bytes(),
    });
    report.problems = problems
        .iter()
        .map(|p| ProblemDto::new(p, options.lang))
        .collect();
    if options.dry_run || !problems.is_empty() {
        return Ok(report);
    }
    finish_import(&tx, import, &report)?;
    audit::record(
        &tx,
        actor,
        "import",
        "import",
        &import.to_string(),
        Some(&format!(
            "{}: {file}; rows {}, added {}, unchanged {}, refused {}",
            options.kind.key(),
            report.rows,
            report.added,
            report.unchanged,
            report.refused
        )),
    )?;
    tx.commit()?;
    report.committed = true;
    report.import_id = Some(import);
    Ok(report)
}

fn no_program_column() -> Problem {
    Problem::new(
        "program_column_missing",
        Text::new(
            "в файле нет колонки «Программа» (program); укажите программу (--program) или добавьте колонку",
            "the file has no “program” column; give the program (--program) or add the column",
        ),
    )
}

fn backup_before(book: &Book, actor: &Actor, kind: ImportKind) -> Result<()> {
    book.backup(&format!("before-import-{}", kind.key()), actor.now)?;
    Ok(())
}
