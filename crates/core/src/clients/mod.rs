//! Clients and bindings: who belongs to whom, since when, and why an attempt was refused.

mod binding;
mod card;
mod model;
mod query;
mod store;

pub use binding::{decide, BindingAttempt, ClientFacts, CurrentBinding, Decision, Refusal};
pub use card::client_card;
pub use model::*;
pub use query::client_page;
pub use store::{bind, record_client, ClientRecord, Recorded};
