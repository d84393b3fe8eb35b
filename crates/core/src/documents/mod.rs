//! Documents: the act (PDF, and the ФНС УПД 5.03 XML for EDO), the счёт-фактура, the
//! partner's statement, the payout register (PDF, XLSX, 1CClientBankExchange) and the
//! amount in words. Each document is drawn from a plain model (`model`) the book fills;
//! nothing here reads the book.

pub mod edo;
pub mod figures;
pub mod model;
#[doc(hidden)]
pub mod sample;
pub mod words;

pub use edo::{edo_xml, EdoFile};
pub use model::{ActDocument, Party, PayoutRegister, RegisterLine, Statement, StatementLine, Vat};
pub use words::amount_in_words;
