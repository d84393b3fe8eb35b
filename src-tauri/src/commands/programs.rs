//! The programs screen: every program with its versions, and a new version from a day.

use partnerbook_core::api;
use partnerbook_core::ledger::{WhatIfApplied, WhatIfReport, WhatIfRequest};
use partnerbook_core::programs::{Program, ProgramVersion, RuleSet};
use partnerbook_core::{ErrorDto, Text};
use tauri::State;

use super::days::day;
use crate::state::AppState;

/// Every program of the book with all its versions, oldest version first.
#[tauri::command]
pub async fn program_versions(state: State<'_, AppState>) -> Result<Vec<Program>, ErrorDto> {
    state.read(move |book, _| api::program_versions(book)).await
}

/// Adds a version of `program` in force from `from` with `rules`. Problems name the
/// field they concern (`effective_from`, `rewards`, `hold_days`, `conversion`).
#[tauri::command]
pub async fn program_add_version(
    state: State<'_, AppState>,
    program: String,
    from: String,
    rules: RuleSet,
) -> Result<ProgramVersion, ErrorDto> {
    state
        .change(
            Text::new("добавляет версию программы", "is adding a program version"),
            move |book, actor, _| {
                let from = day("effective_from", &from)?;
                api::add_version(book, actor, &program, from, &rules)
            },
        )
        .await
}

/// Every payment of the request's program over its range accrued again under its rules,
/// per partner beside what the book holds. Nothing is changed.
#[tauri::command]
pub async fn whatif(
    state: State<'_, AppState>,
    request: WhatIfRequest,
) -> Result<WhatIfReport, ErrorDto> {
    state.read(move |book, _| api::whatif(book, &request)).await
}

/// Posts the differences as correcting entries dated `date` and records the rules as a
/// version from the request's first day (after a backup of the book).
#[tauri::command]
pub async fn whatif_apply(
    state: State<'_, AppState>,
    request: WhatIfRequest,
    date: String,
) -> Result<WhatIfApplied, ErrorDto> {
    state
        .change(
            Text::new("применяет изменение правил", "is applying a rule change"),
            move |book, actor, _| {
                let date = day("date", &date)?;
                api::whatif_apply(book, actor, &request, date)
            },
        )
        .await
}
