//! Conversions and acts: a balance becomes money owed (a conversion and its act), the act
//! goes draft → sent → signed or rejected → paid with its deadlines on the production
//! calendar, and the month's payouts make the register for the bank; the bank's statement
//! marks them paid.

mod batch;
mod convert;
pub(crate) mod document;
pub mod due;
mod files;
mod import_signed;
mod model;
mod query;
mod register;
mod signed_package;
mod statement_import;
mod statement_match;
mod statement_report;
mod stored;
mod workflow;

pub use crate::store::act_signatures::{signatures_of, signing_by_entry, ActSigning};
pub use batch::{
    convert_ready, ready_list, ready_to_convert, BatchProgress, ReadyBalance, ReadyList, ReadyTotal,
};
pub use convert::{convert, ConvertRequest};
pub use document::act_document;
pub use files::{
    act_file, register_file, signed_act_files, statement_file, ActFormat, DocumentFile,
    RegisterFormat,
};
pub use import_signed::{import_signed, moscow, SignedImport};
pub use model::*;
pub use query::{acts_page, acts_shown, deadlines};
pub use register::payout_register;
pub use signed_package::{read_package, read_package_bytes, Package, SignedFile};
pub use statement_import::{statement_apply, statement_preview};
pub use statement_report::{StatementPaid, StatementReport, StatementUnmatched};
pub use stored::{find_act, get_act, StoredAct};
pub use workflow::{act_step, ActStep};
