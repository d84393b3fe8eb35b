//! Clients and their bindings.

use crate::clients::{self, ClientCard, ClientPage, ClientQuery, ClientRow};
use crate::store::Book;
use crate::{Lang, Result};

/// A page of the clients table: its filters, search and sort, and the total.
pub fn client_page(book: &Book, query: &ClientQuery) -> Result<ClientPage> {
    book.read(|db| clients::client_page(db, query))
}

/// Every client (of one program, or all), by id.
pub fn clients_of(book: &Book, program: Option<&str>) -> Result<Vec<ClientRow>> {
    book.read(|db| clients::clients_of(db, program))
}

/// The client's card: its bindings and the binding events.
pub fn client_card(book: &Book, program: &str, client: &str, lang: Lang) -> Result<ClientCard> {
    book.read(|db| clients::client_card(db, program, client, lang))
}
