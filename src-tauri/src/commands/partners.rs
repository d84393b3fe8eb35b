//! The partners table, a partner's card, the partner form.

use partnerbook_core::api;
use partnerbook_core::partners::{Partner, PartnerCard, PartnerInput, PartnerPage, PartnerQuery};
use partnerbook_core::{ErrorDto, Text};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn partners_page(
    state: State<'_, AppState>,
    query: PartnerQuery,
) -> Result<PartnerPage, ErrorDto> {
    state
        .read(move |book, _| api::partner_page(book, &query))
        .await
}

#[tauri::command]
pub async fn partner_card(
    state: State<'_, AppState>,
    partner: String,
) -> Result<PartnerCard, ErrorDto> {
    state
        .read(move |book, lang| api::partner_card(book, &partner, lang))
        .await
}

#[tauri::command]
pub async fn partner_create(
    state: State<'_, AppState>,
    input: PartnerInput,
) -> Result<Partner, ErrorDto> {
    state
        .change(
            Text::new("добавляет партнёра", "is adding a partner"),
            move |book, actor, _| api::create_partner(book, actor, input),
        )
        .await
}

#[tauri::command]
pub async fn partner_update(
    state: State<'_, AppState>,
    partner: String,
    input: PartnerInput,
) -> Result<Partner, ErrorDto> {
    state
        .change(
            Text::new("изменяет карточку партнёра", "is changing a partner's card"),
            move |book, actor, _| api::update_partner(book, actor, &partner, input),
        )
        .await
}
