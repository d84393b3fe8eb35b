//! The commands the UI calls (`invoke('<name>', {camelCaseArgs})`). Every one answers
//! `Result<T, ErrorDto>`; none runs on the main thread.

pub mod acts;
pub mod app;
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
