//! The PDF documents: the act, the счёт-фактура, the partner's statement and the payout
//! register, drawn from their plain models with printpdf. Text is set in DejaVu Sans,
//! embedded as a subset, so that it prints the same everywhere and `pdftotext` (or a
//! reader's copy) gives the words back.

mod act;
mod fonts;
mod invoice;
mod layout;
mod register;
mod sfnt;
mod stamp;
mod statement;
mod table;

pub use act::act_pdf;
pub use invoice::invoice_pdf;
pub use register::register_pdf;
pub use statement::statement_pdf;
