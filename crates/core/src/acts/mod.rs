//! Conversions and acts: a balance becomes money owed (a conversion and its act), the act
//! goes draft → sent → signed or rejected → paid with its deadlines on the production
//! calendar, and the month's payouts make the register for the bank.

mod batch;
mod convert;
pub(crate) mod document;
pub mod due;
mod files;
mod model;
mod query;
mod register;
mod store;
mod workflow;

pub use batch::{convert_ready, ready_to_convert, BatchProgress, ReadyBalance};
pub use convert::{convert, ConvertRequest};
pub use document::act_document;
pub use files::{act_file, register_file, statement_file, ActFormat, DocumentFile, RegisterFormat};
pub use model::*;
pub use query::{acts_page, acts_shown, deadlines};
pub use register::payout_register;
pub use store::{find_act, get_act, StoredAct};
pub use workflow::{act_step, ActStep};
