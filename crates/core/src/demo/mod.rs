//! A realistic sample book (filled by the demo module).
use crate::audit::Actor;
use crate::store::Book;
use crate::Result;

/// What `demo` put into the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoSummary {
    pub partners: u64,
    pub clients: u64,
    pub events: u64,
}

pub fn fill_demo(_book: &mut Book, _actor: &Actor) -> Result<DemoSummary> {
    Ok(DemoSummary::default())
}
