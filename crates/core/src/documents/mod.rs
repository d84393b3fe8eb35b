//! Documents: the act (PDF, and the ФНС УПД 5.03 XML for EDO), the счёт-фактура, the
//! partner's statement, the payout register (PDF, XLSX, 1CClientBankExchange) and the
//! amount in words. Each document is drawn from a plain model (`model`) the book fills;
//! nothing here reads the book.

pub mod model;
pub mod pdf;
#[doc(hidden)]
pub mod sample;

pub use model::{ActDocument, Party, PayoutRegister, RegisterLine, Statement, StatementLine, Vat};
pub use pdf::{act_pdf, invoice_pdf, register_pdf, statement_pdf};
