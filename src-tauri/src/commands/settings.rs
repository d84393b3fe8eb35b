//! The vendor's requisites and signer.

use partnerbook_core::api;
use partnerbook_core::vendor::Vendor;
use partnerbook_core::{ErrorDto, Text};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn vendor_get(state: State<'_, AppState>) -> Result<Vendor, ErrorDto> {
    state.read(move |book, _| api::vendor(book)).await
}

#[tauri::command]
pub async fn vendor_set(state: State<'_, AppState>, vendor: Vendor) -> Result<Vendor, ErrorDto> {
    state
        .change(
            Text::new(
                "меняет реквизиты поставщика",
                "is changing the vendor's details",
            ),
            move |book, actor, _| api::set_vendor(book, actor, vendor),
        )
        .await
}
