//! The clients table and a client's card.

use partnerbook_core::api;
use partnerbook_core::clients::{ClientCard, ClientPage, ClientQuery};
use partnerbook_core::ErrorDto;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn clients_page(
    state: State<'_, AppState>,
    query: ClientQuery,
) -> Result<ClientPage, ErrorDto> {
    state
        .read(move |book, _| api::client_page(book, &query))
        .await
}

#[tauri::command]
pub async fn client_card(
    state: State<'_, AppState>,
    program: String,
    client: String,
) -> Result<ClientCard, ErrorDto> {
    state
        .read(move |book, lang| api::client_card(book, &program, &client, lang))
        .await
}
