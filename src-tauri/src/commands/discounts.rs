//! tele2-ats's discounts on the screens: the partner card's «История скидок» and
//! «Приведенные клиенты» tabs, the client card's «Скидки», and the whole schedule.

use partnerbook_core::api;
use partnerbook_core::discounts::{DiscountPeriod, InvitedClient};
use partnerbook_core::ErrorDto;
use tauri::State;

use crate::state::AppState;

/// The inviter's discount periods and SMS packages, oldest first (empty for a partner of
/// a program without discounts).
#[tauri::command]
pub async fn discount_history(
    state: State<'_, AppState>,
    partner: String,
) -> Result<Vec<DiscountPeriod>, ErrorDto> {
    state
        .read(move |book, _| api::discount_history(book, &partner))
        .await
}

/// The clients that registered the partner's code, with the day each did, oldest first.
#[tauri::command]
pub async fn invited_clients(
    state: State<'_, AppState>,
    partner: String,
) -> Result<Vec<InvitedClient>, ErrorDto> {
    state
        .read(move |book, _| api::invited_clients(book, &partner))
        .await
}

/// The client's own (invitee) discount periods.
#[tauri::command]
pub async fn client_discounts(
    state: State<'_, AppState>,
    program: String,
    client: String,
) -> Result<Vec<DiscountPeriod>, ErrorDto> {
    state
        .read(move |book, _| api::client_discounts(book, &program, &client))
        .await
}

/// Every period and package of `program`, or of every program that grants discounts.
#[tauri::command]
pub async fn discount_schedule(
    state: State<'_, AppState>,
    program: Option<String>,
) -> Result<Vec<DiscountPeriod>, ErrorDto> {
    state
        .read(move |book, _| api::discount_schedule(book, program.as_deref()))
        .await
}
