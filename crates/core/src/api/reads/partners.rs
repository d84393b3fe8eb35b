//! Partners and the vendor as the screens and the command line show them.

use crate::partners::{self, Partner, PartnerCard, PartnerPage, PartnerQuery, PartnerRow};
use crate::store::Book;
use crate::vendor::{self, Vendor};
use crate::{Lang, Result};

/// A page of the partners table: its filters, search and sort, and the total.
pub fn partner_page(book: &Book, query: &PartnerQuery) -> Result<PartnerPage> {
    book.read(|db| partners::partner_page(db, query))
}

/// Every partner (of one program, or all), by id.
pub fn partners_of(book: &Book, program: Option<&str>) -> Result<Vec<PartnerRow>> {
    book.read(|db| partners::partners_of(db, program))
}

/// The partner `id`; `not_found` when the book has none.
pub fn partner(book: &Book, id: &str) -> Result<Partner> {
    book.read(|db| partners::get_partner(db, id))
}

/// The partner's card: the partner, its codes, clients and history.
pub fn partner_card(book: &Book, id: &str, lang: Lang) -> Result<PartnerCard> {
    book.read(|db| partners::partner_card(db, id, lang))
}

/// The vendor's requisites and signer.
pub fn vendor(book: &Book) -> Result<Vendor> {
    book.read(vendor::vendor)
}
