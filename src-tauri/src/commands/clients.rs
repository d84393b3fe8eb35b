//! The clients table and a client's card.

use partnerbook_core::clients::{
    client_card as load_client_card, client_page, ClientCard, ClientPage, ClientQuery,
};
use partnerbook_core::ErrorDto;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn clients_page(
    state: State<'_, AppState>,
    query: ClientQuery,
) -> Result<ClientPage, ErrorDto> {
    state
        .read(move |book, _| client_page(book.db(), &query))
        .await
}

#[tauri::command]
pub async fn client_card(
    state: State<'_, AppState>,
    program: String,
    client: String,
) -> Result<ClientCard, ErrorDto> {
    state
        .read(move |book, lang| load_client_card(book.db(), &program, &client, lang))
        .await
}
