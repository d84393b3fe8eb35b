//! The commands the UI calls (`invoke('<name>', {camelCaseArgs})`). Every one answers
//! `Result<T, ErrorDto>`; none runs on the main thread, and none touches the book but
//! through `AppState::read` / `AppState::change` (on the blocking pool, see `state`).

pub mod acts;
pub mod app;
pub mod books;
pub mod clients;
mod days;
pub mod discounts;
pub mod documents;
pub mod import;
pub mod ledger;
pub mod partners;
pub mod programs;
pub mod settings;
pub mod signed_acts;
pub mod statement;
