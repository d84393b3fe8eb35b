//! The application's operations, one function each, as both shells (the command line and
//! the desktop app) call them: each owns its transaction and its backup policy, so the two
//! cannot differ in what they do around the rules, and neither opens a transaction of its
//! own. Reads are here too (`reads`): the shells never hold the book's connection.

mod acts;
mod backups;
mod imports;
mod ledger;
mod partners;
mod programs;
mod reads;
mod server;

pub use acts::{act_file, act_step, acts_batch, convert, import_signed};
pub use backups::{backup_now, list_backups, restore_backup};
pub use imports::{fill_demo, import, statement_apply};
pub use ledger::{adjust, annul_for_breach};
pub use partners::{
    create_partner, set_partner_fields, set_partner_rate, set_partner_status, set_vendor,
    update_partner,
};
pub use programs::{add_version, whatif_apply};
pub use reads::*;
pub use server::{keep_password, with_password};
