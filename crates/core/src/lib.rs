//! Partnerbook core: the book (one SQLite file), partners, clients and bindings, the
//! programs' rules, imports and documents. No Tauri here: the desktop shell and the
//! `partnerbook` command line are thin layers over this crate.

pub mod acts;
pub mod api;
pub mod audit;
pub mod calendar;
pub mod clients;
pub mod demo;
pub(crate) mod detail;
pub mod discounts;
pub mod documents;
pub mod error;
pub mod exports;
pub mod fields;
pub mod ids;
pub mod import;
pub mod ledger;
pub mod money;
pub mod natural_order;
pub mod overview;
pub mod partners;
pub mod programs;
pub mod store;
pub use store::settings;
pub mod typed;
pub mod user_settings;
pub mod vendor;

pub use error::{Error, ErrorDto, Lang, Problem, ProblemDto, Result, Text};
