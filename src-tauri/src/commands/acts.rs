//! Acts and payouts: convert a balance, take an act through its workflow, list acts and
//! deadlines, preview an act and a month's payout register, convert every ready balance
//! as a batch (with progress and cancel), and the overview (Сводка).

use std::sync::atomic::Ordering;

use partnerbook_core::acts::{
    ActPage, ActQuery, ActState, ActStep, BatchProgress, Conversion, ConvertRequest, Deadline,
    ReadyList,
};
use partnerbook_core::api;
use partnerbook_core::documents::{ActDocument, RegisterView};
use partnerbook_core::overview::Overview;
use partnerbook_core::programs::PayoutKind;
use partnerbook_core::{ErrorDto, Text};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, State};

use super::days::{amount as typed_amount, day, day_or_today};
use crate::state::AppState;

/// The event a running batch reports on; its payload is `BatchProgress`.
pub const BATCH_EVENT: &str = "acts-batch-progress";

/// A step the UI asks for.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Send,
    Sign,
    Reject,
    Pay,
}

/// Converts a partner's available balance (all of it when no amount is given). `key` is
/// the dialog's own: the same key again answers the act it made.
#[tauri::command]
pub async fn convert_balance(
    state: State<'_, AppState>,
    partner: String,
    date: String,
    amount: Option<String>,
    payout_kind: Option<PayoutKind>,
    key: Option<String>,
) -> Result<Conversion, ErrorDto> {
    state
        .change(
            Text::new("оформляет акт", "is making an act"),
            move |book, actor, _| {
                let amount = amount.filter(|a| !a.trim().is_empty());
                let request = ConvertRequest {
                    partner,
                    date: day("date", &date)?,
                    amount: amount.map(|a| typed_amount("amount", &a)).transpose()?,
                    payout_kind,
                    key,
                };
                api::convert(book, actor, &request)
            },
        )
        .await
}

/// Sends, signs, rejects (with a reason) or pays the act.
#[tauri::command]
pub async fn act_step(
    state: State<'_, AppState>,
    act: String,
    step: StepKind,
    date: String,
    reason: Option<String>,
) -> Result<ActState, ErrorDto> {
    state
        .change(
            Text::new("отмечает шаг акта", "is recording an act's step"),
            move |book, actor, _| {
                let date = day("date", &date)?;
                let step = match step {
                    StepKind::Send => ActStep::Send(date),
                    StepKind::Sign => ActStep::Sign(date),
                    StepKind::Reject => ActStep::Reject(date, reason.unwrap_or_default()),
                    StepKind::Pay => ActStep::Pay(date),
                };
                api::act_step(book, actor, &act, &step)
            },
        )
        .await
}

#[tauri::command]
pub async fn acts_page(state: State<'_, AppState>, query: ActQuery) -> Result<ActPage, ErrorDto> {
    state
        .read(move |book, _| api::acts_page(book, &query, chrono::Local::now().date_naive()))
        .await
}

/// The act as its documents show it, for the preview.
#[tauri::command]
pub async fn act_preview(state: State<'_, AppState>, act: String) -> Result<ActDocument, ErrorDto> {
    state
        .read(move |book, _| api::act_document(book, &act))
        .await
}

/// The month's payout register (`YYYY-MM`) as the saved files show it, for the preview.
#[tauri::command]
pub async fn payout_register(
    state: State<'_, AppState>,
    month: String,
) -> Result<RegisterView, ErrorDto> {
    state
        .read(move |book, _| api::register_view(book, &month, chrono::Local::now().date_naive()))
        .await
}

#[tauri::command]
pub async fn deadlines(
    state: State<'_, AppState>,
    as_of: Option<String>,
) -> Result<Vec<Deadline>, ErrorDto> {
    state
        .read(move |book, _| api::deadlines(book, day_or_today("as_of", as_of.as_deref())?))
        .await
}

#[tauri::command]
pub async fn ready_balances(
    state: State<'_, AppState>,
    as_of: Option<String>,
    program: Option<String>,
) -> Result<ReadyList, ErrorDto> {
    state
        .read(move |book, _| {
            api::ready_list(
                book,
                day_or_today("as_of", as_of.as_deref())?,
                program.as_deref(),
            )
        })
        .await
}

#[tauri::command]
pub async fn overview(
    state: State<'_, AppState>,
    as_of: Option<String>,
) -> Result<Overview, ErrorDto> {
    state
        .read(move |book, _| api::overview(book, day_or_today("as_of", as_of.as_deref())?))
        .await
}

/// Converts every ready balance on `date` in one transaction, after a backup of the book;
/// reports `acts-batch-progress` and stops, changing nothing, on `acts_batch_cancel`.
#[tauri::command]
pub async fn acts_batch(
    app: AppHandle,
    state: State<'_, AppState>,
    date: String,
    program: Option<String>,
) -> Result<Vec<Conversion>, ErrorDto> {
    let cancel = state.cancel.clone();
    cancel.store(false, Ordering::SeqCst);
    state
        .change(
            Text::new("оформляет акты за месяц", "is making the month's acts"),
            move |book, actor, _| {
                let date = day("date", &date)?;
                let mut progress = |p: BatchProgress| -> bool {
                    // A window that is gone cannot listen; the batch goes on regardless.
                    let _ = app.emit(BATCH_EVENT, p);
                    !cancel.load(Ordering::SeqCst)
                };
                api::acts_batch(book, actor, date, program.as_deref(), &mut progress)
            },
        )
        .await
}

#[tauri::command]
pub fn acts_batch_cancel(state: State<'_, AppState>) -> Result<(), ErrorDto> {
    state.cancel.store(true, Ordering::SeqCst);
    Ok(())
}
