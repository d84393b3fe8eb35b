//! Documents: the act (PDF, and the ФНС УПД 5.03 XML for EDO), the счёт-фактура, the
//! partner's statement, the payout register (PDF, XLSX, 1CClientBankExchange), the bank's
//! statement read back (1CClientBankExchange), any table of the app as XLSX and the amount
//! in words. Each document is drawn from a plain model (`model`, or for a table its
//! [`Sheet`]) the book fills, or read into one; nothing here reads the book.

pub mod bank_exchange;
pub mod bank_statement;
pub mod edo;
pub mod model;
mod package_zip;
pub mod pdf;
pub mod register_month;
pub mod register_xlsx;
pub mod russian;
#[doc(hidden)]
pub mod sample;
#[doc(hidden)]
pub mod sample_statement;
pub mod spreadsheet_cells;
pub mod table_xlsx;
pub mod words;

pub use bank_exchange::{bank_exchange, in_bank_exchange};
pub use bank_statement::{read_bank_statement, BankStatement, Operation, StatementAccount};
pub use edo::{edo_xml, EdoFile};
pub use model::{
    ActDocument, ActSignature, Party, PayoutRegister, RegisterLine, RegisterTotal, RegisterView,
    SignerRole, Statement, StatementLine, Vat,
};
pub use package_zip::zip_files;
pub use pdf::{act_pdf, invoice_pdf, register_pdf, statement_pdf};
pub use register_month::month_days;
pub use register_xlsx::register_xlsx;
pub use table_xlsx::{table_xlsx, Cell, Column, ColumnKind, Sheet};
pub use words::amount_in_words;
