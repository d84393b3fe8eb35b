//! Errors and refusals: every one has a stable code and a message in Russian and English.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language a message is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// `ru` or `en`, as settings and the command line write it.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// `ru`/`en` (also `ru_RU.UTF-8`, `en_US` …); anything else is `None`.
    pub fn parse(value: &str) -> Option<Lang> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("ru") {
            Some(Lang::Ru)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A human message in both languages the book speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub ru: String,
    pub en: String,
}

impl Text {
    pub fn new(ru: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ru: ru.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// One thing wrong with the input: what (stable `code` + text) and where (a file's row
/// and column, or a form's field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub text: Text,
    /// The row as a spreadsheet shows it (header = 1).
    pub row: Option<u64>,
    /// The column as the file names it.
    pub column: Option<String>,
    /// The input field (`inn`, `kpp`, …) the problem concerns.
    pub field: Option<&'static str>,
}

impl Problem {
    pub fn new(code: &'static str, text: Text) -> Problem {
        Problem {
            code,
            text,
            row: None,
            column: None,
            field: None,
        }
    }

    pub fn field(mut self, field: &'static str) -> Problem {
        self.field = Some(field);
        self
    }

    pub fn at(mut self, row: u64, column: impl Into<String>) -> Problem {
        self.row = Some(row);
        self.column = Some(column.into());
        self
    }

    pub fn at_row(mut self, row: u64) -> Problem {
        self.row = Some(row);
        self
    }

    /// `row 3, column ИНН: …` (or `строка 3, столбец ИНН: …`; `ИНН: …` for a form's
    /// field), as the CLI prints it.
    pub fn render(&self, lang: Lang) -> String {
        render(
            self.row,
            self.column.as_deref(),
            self.field,
            self.text.get(lang),
            lang,
        )
    }
}

/// A message with where it stands: row and column of a file, or a form's field.
fn render(
    row: Option<u64>,
    column: Option<&str>,
    field: Option<&str>,
    message: &str,
    lang: Lang,
) -> String {
    let mut place = Vec::new();
    if let Some(row) = row {
        place.push(match lang {
            Lang::Ru => format!("строка {row}"),
            Lang::En => format!("row {row}"),
        });
    }
    if let Some(column) = column {
        place.push(match lang {
            Lang::Ru => format!("столбец {column}"),
            Lang::En => format!("column {column}"),
        });
    }
    if place.is_empty() {
        if let Some(field) = field {
            place.push(crate::fields::label(field, lang).to_owned());
        }
    }
    if place.is_empty() {
        message.to_owned()
    } else {
        format!("{}: {message}", place.join(", "))
    }
}

/// What a core call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is invalid; every problem found is listed. Nothing was changed.
    #[error("invalid input: {} problem(s)", .0.len())]
    Invalid(Vec<Problem>),
    /// A rule of the book or a program said no. Nothing was changed.
    #[error("{}", .text.en)]
    Refused { code: &'static str, text: Text },
    /// Something asked for is not in the book.
    #[error("{}", .0.en)]
    NotFound(Text),
    /// The book was written by a newer Partnerbook.
    #[error("the book has schema version {found}; this build knows up to {supported}")]
    BookTooNew { found: i64, supported: i64 },
    /// The user cancelled a long operation; nothing was changed.
    #[error("cancelled")]
    Cancelled,
    #[error("database: {0}")]
    Database(#[from] crate::store::sql::SqlError),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(e.into())
    }
}

impl Error {
    pub fn refused(code: &'static str, ru: impl Into<String>, en: impl Into<String>) -> Error {
        Error::Refused {
            code,
            text: Text::new(ru, en),
        }
    }

    /// A write refused because the book is open read-only (a file without write
    /// permission or opened with `--read-only`, a server role that may only read); `what`
    /// names the operation. Refused before any work: nothing changed.
    pub fn read_only(what: &Text) -> Error {
        Error::refused(
            "read_only",
            format!(
                "Книга открыта только для чтения — отказано: {}; ничего не изменено.",
                what.ru
            ),
            format!(
                "The book is open read-only — refused: {}; nothing changed.",
                what.en
            ),
        )
    }

    /// No room on the disk for `what`; the book is as it was.
    pub fn disk_full(what: &Text) -> Error {
        Error::refused(
            "disk_full",
            format!("На диске нет места: {}; книга не изменилась.", what.ru),
            format!(
                "No space left on the disk: {}; the book is unchanged.",
                what.en
            ),
        )
    }

    pub fn not_found(ru: impl Into<String>, en: impl Into<String>) -> Error {
        Error::NotFound(Text::new(ru, en))
    }

    /// The stable code the UI and the tests branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::Refused { code, .. } => code,
            Error::NotFound(_) => "not_found",
            Error::BookTooNew { .. } => "book_too_new",
            Error::Cancelled => "cancelled",
            Error::Database(e) if e.is_full() || e.is_out_of_resources() => "disk_full",
            Error::Database(e) if e.is_read_only() => "read_only",
            Error::Database(_) => "database",
            Error::Io(_) => "io",
        }
    }

    /// The message for a person, in `lang`. For `Invalid`, one line per problem.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Invalid(problems) => problems
                .iter()
                .map(|p| p.render(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Error::Refused { text, .. } | Error::NotFound(text) => text.get(lang).to_owned(),
            Error::BookTooNew { found, supported } => match lang {
                Lang::Ru => format!(
                    "Книга создана более новой версией Partnerbook (схема {found}, эта версия знает до {supported}). Обновите программу."
                ),
                Lang::En => format!(
                    "The book was made by a newer Partnerbook (schema {found}; this build knows up to {supported}). Please update."
                ),
            },
            Error::Cancelled => match lang {
                Lang::Ru => "Отменено; ничего не изменено.".into(),
                Lang::En => "Cancelled; nothing was changed.".into(),
            },
            Error::Database(e) if e.is_full() => match lang {
                Lang::Ru => "На диске нет места: запись в книгу не поместилась; книга не изменилась.".into(),
                Lang::En => "No space left on the disk: the write did not fit; the book is unchanged.".into(),
            },
            Error::Database(e) if e.is_out_of_resources() => match lang {
                Lang::Ru => format!("Не хватило памяти или места ({e}); книга не изменилась."),
                Lang::En => format!("Out of memory or space ({e}); the book is unchanged."),
            },
            Error::Database(e) if e.is_read_only() => match lang {
                Lang::Ru => format!("Книга открыта только для чтения: запись запрещена ({e}); ничего не изменено."),
                Lang::En => format!("The book is open read-only: writing is not allowed ({e}); nothing changed."),
            },
            Error::Database(e) => match lang {
                Lang::Ru => format!("Ошибка базы данных: {e}"),
                Lang::En => format!("Database error: {e}"),
            },
            Error::Io(e) => match lang {
                Lang::Ru => format!("Ошибка файла: {e}"),
                Lang::En => format!("File error: {e}"),
            },
        }
    }

    /// The problems of an `Invalid` error (empty for the others).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// A problem as it crosses to the UI or JSON: rendered in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProblemDto {
    pub code: String,
    pub message: String,
    #[ts(type = "number | null")]
    pub row: Option<u64>,
    pub column: Option<String>,
    pub field: Option<String>,
}

impl ProblemDto {
    /// As the CLI prints it (see [`Problem::render`]).
    pub fn render(&self, lang: Lang) -> String {
        render(
            self.row,
            self.column.as_deref(),
            self.field.as_deref(),
            &self.message,
            lang,
        )
    }

    pub fn new(problem: &Problem, lang: Lang) -> ProblemDto {
        ProblemDto {
            code: problem.code.to_owned(),
            message: problem.text.get(lang).to_owned(),
            row: problem.row,
            column: problem.column.clone(),
            field: problem.field.map(str::to_owned),
        }
    }
}

/// An error as it crosses IPC: `{code, message}`, and for invalid input every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorDto {
    pub code: String,
    pub message: String,
    pub problems: Vec<ProblemDto>,
}

impl ErrorDto {
    pub fn new(error: &Error, lang: Lang) -> ErrorDto {
        ErrorDto {
            code: error.code().to_owned(),
            message: error.message(lang),
            problems: error
                .problems()
                .iter()
                .map(|p| ProblemDto::new(p, lang))
                .collect(),
        }
    }
}
