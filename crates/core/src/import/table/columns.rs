//! Matching a file's header row against the columns a kind of import knows.

use super::cell::{Cell, Row, EMPTY};
use crate::error::{Problem, Text};

/// One column a kind of import knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// What the import calls it (`inn`, `signed_on`, …).
    pub key: &'static str,
    /// The header texts it goes by, English and Russian; the first is the one messages name.
    /// Matched ignoring case, surrounding and repeated white space, and `ё`/`е`.
    pub names: &'static [&'static str],
    pub required: bool,
}

/// A column spec, as the kinds of import list them.
pub const fn col(key: &'static str, names: &'static [&'static str], required: bool) -> ColumnSpec {
    ColumnSpec {
        key,
        names,
        required,
    }
}

impl ColumnSpec {
    fn first_name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.key)
    }

    /// The first English and the first Russian of its names (either may be missing).
    fn english_and_russian(&self) -> (Option<&'static str>, Option<&'static str>) {
        let russian = |name: &str| {
            name.chars()
                .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
        };
        let english = self.names.iter().find(|name| !russian(name)).copied();
        (
            english,
            self.names.iter().find(|name| russian(name)).copied(),
        )
    }
}

/// Which file column holds each known key. File columns no spec knows are kept in
/// [`ColumnMap::ignored`] so the UI can show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    columns: Vec<Column>,
    ignored: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    key: &'static str,
    first_name: &'static str,
    /// Where the file has it: the index and the header text.
    found: Option<(usize, String)>,
}

impl ColumnMap {
    fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.key == key)
    }

    /// The row's cell for `key`; [`Cell::Empty`] when the file has no such column (or the row
    /// is short).
    pub fn cell<'r>(&self, row: &'r Row, key: &str) -> &'r Cell {
        match self.column(key).and_then(|column| column.found.as_ref()) {
            Some((index, _)) => row.get(*index),
            None => &EMPTY,
        }
    }

    /// The file's header text for `key`, for [`Problem::column`]; the spec's first name when
    /// the file has no such column (the key itself for a key no spec has).
    pub fn header<'m>(&'m self, key: &'m str) -> &'m str {
        match self.column(key) {
            Some(Column {
                found: Some((_, header)),
                ..
            }) => header,
            Some(column) => column.first_name,
            None => key,
        }
    }

    /// The file has a column for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.column(key)
            .is_some_and(|column| column.found.is_some())
    }

    /// The file's headers no spec knows, in the file's order (blank headers left out).
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }
}

/// Matches `headers` (the file's, in order) against `specs`.
///
/// Problems: `empty_file` (no header at all), and at row 1 (the header) with the column they
/// concern: `duplicate_column` (two file columns for one key; the second is named) and
/// `missing_column` (a required key no file column has; named by the spec's first name).
pub fn match_columns(headers: &[String], specs: &[ColumnSpec]) -> Result<ColumnMap, Vec<Problem>> {
    if headers.iter().all(|header| header.trim().is_empty()) {
        return Err(vec![Problem::new(
            "empty_file",
            Text::new(
                "файл пуст: нет строки заголовков",
                "the file is empty: there is no header row",
            ),
        )]);
    }
    let (columns, problems) = match_leniently(headers, specs);
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

/// Matches `headers` against `specs` as far as it goes: the map of what was found (the
/// first of duplicate columns wins) together with the problems [`match_columns`] would
/// refuse the header for (`duplicate_column`, `missing_column`). For a preview, which
/// shows a header even when an import would refuse it.
pub fn match_leniently(headers: &[String], specs: &[ColumnSpec]) -> (ColumnMap, Vec<Problem>) {
    let folded: Vec<Vec<String>> = specs
        .iter()
        .map(|spec| spec.names.iter().map(|name| fold(name)).collect())
        .collect();
    let mut columns: Vec<Column> = specs
        .iter()
        .map(|spec| Column {
            key: spec.key,
            first_name: spec.first_name(),
            found: None,
        })
        .collect();
    let mut ignored = Vec::new();
    let mut problems = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let name = fold(header);
        let header = header.trim();
        if name.is_empty() {
            continue;
        }
        let Some(at) = folded.iter().position(|names| names.contains(&name)) else {
            ignored.push(header.to_owned());
            continue;
        };
        match &columns[at].found {
            Some((_, first)) => problems.push(duplicate(&specs[at], first, header)),
            None => columns[at].found = Some((index, header.to_owned())),
        }
    }
    for (spec, column) in specs.iter().zip(&columns) {
        if spec.required && column.found.is_none() {
            problems.push(missing(spec));
        }
    }
    (ColumnMap { columns, ignored }, problems)
}

/// `НДС ёмкий ` → `ндс емкий`: lower case, `ё` as `е`, white space trimmed and squeezed.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

/// `«ИНН» (INN)`-style naming of a spec in each language.
fn both_names(spec: &ColumnSpec) -> (String, String) {
    match spec.english_and_russian() {
        (Some(en), Some(ru)) => (format!("«{ru}» («{en}»)"), format!("“{en}” (“{ru}”)")),
        _ => {
            let name = spec.first_name();
            (format!("«{name}»"), format!("“{name}”"))
        }
    }
}

fn missing(spec: &ColumnSpec) -> Problem {
    let (ru, en) = both_names(spec);
    Problem::new(
        "missing_column",
        Text::new(
            format!("нет обязательного столбца {ru}"),
            format!("a required column is missing: {en}"),
        ),
    )
    .at(1, spec.first_name())
}

fn duplicate(spec: &ColumnSpec, first: &str, second: &str) -> Problem {
    let (ru, en) = both_names(spec);
    Problem::new(
        "duplicate_column",
        Text::new(
            format!("столбцы «{first}» и «{second}» означают одно и то же — {ru}; оставьте один"),
            format!("columns “{first}” and “{second}” mean the same — {en}; keep one"),
        ),
    )
    .at(1, second)
}
