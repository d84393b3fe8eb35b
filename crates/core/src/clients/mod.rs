//! Clients and bindings: who belongs to whom, since when, and why an attempt was refused.

mod binder;
mod binding;
mod card;
mod model;
mod query;
mod record;

pub use binder::{bind, Attempt, BindOutcome};
pub use binding::{
    decide, AttemptPartner, BindingAttempt, ClientFacts, CurrentBinding, Decision, Refusal,
};
pub use card::client_card;
pub use model::*;
pub use query::{bindings_of_partner, client_page, clients_of, clients_shown, refused_for_partner};
pub use record::{record_client, ClientRecord, Recorded};
