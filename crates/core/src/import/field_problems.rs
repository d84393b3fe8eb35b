//! Problems of a row's field, as every kind of import words them.

use crate::{Problem, Text};

/// A problem with `field` (the column's key; the import names the column and row).
pub(super) fn problem(
    field: &'static str,
    code: &'static str,
    ru: impl Into<String>,
    en: impl Into<String>,
) -> Problem {
    Problem::new(code, Text::new(ru, en)).field(field)
}

/// A required field left empty.
pub(super) fn required(field: &'static str) -> Problem {
    problem(
        field,
        "required",
        "обязательное поле не заполнено",
        "required, but empty",
    )
}
