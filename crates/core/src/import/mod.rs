//! Reading spreadsheets and importing them into the book.

mod billing;
mod billing_values;
mod client_batch;
mod clients;
mod field_problems;
mod partners;
mod payment_batch;
mod preview;
mod report;
mod rows;
mod run;
pub mod table;

pub use crate::store::imports::import_history;
pub use billing::BILLING_COLUMNS;
pub use clients::CLIENT_COLUMNS;
pub use partners::{partner_input, PARTNER_COLUMNS};
pub use preview::{columns_of, preview_import, ImportPreview};
pub use report::*;
pub use run::{run_import, ImportOptions};
