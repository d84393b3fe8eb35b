//! Clients, their bindings to partners and the binding attempts the book refused.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::programs::Channel;

/// One line of the clients table: the client with its current partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientRow {
    pub client: String,
    pub program: String,
    pub name: Option<String>,
    pub inn: Option<String>,
    pub registered: Option<String>,
    pub partner: Option<String>,
    pub partner_name: Option<String>,
    pub channel: Option<Channel>,
    pub since: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClientSort {
    #[default]
    Client,
    Name,
    Program,
    Registered,
    Partner,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, optional_fields)]
pub struct ClientQuery {
    /// Client id, name or ИНН.
    pub search: Option<String>,
    pub program: Option<String>,
    /// Only the clients bound to this partner now.
    pub partner: Option<String>,
    /// `Some(false)`: only clients bound to nobody.
    pub bound: Option<bool>,
    pub sort: Option<ClientSort>,
    pub descending: Option<bool>,
    pub offset: Option<u32>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ClientRow>,
}

/// A period during which a client belonged to a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Binding {
    pub client: String,
    pub client_name: Option<String>,
    pub partner: String,
    pub partner_name: String,
    pub channel: Channel,
    pub since: String,
    /// The day the binding moved to another partner; `None` while current.
    pub until: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Outcome {
    /// The client was bound (or moved) to the partner.
    Bound,
    /// The client already belonged to that partner; nothing changed.
    Kept,
    /// The program's rules refused the binding; the reason says why.
    Refused,
}

/// An attempt to bind a client, whatever came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BindingEvent {
    pub client: String,
    pub program: String,
    pub date: String,
    pub code: Option<String>,
    pub partner: Option<String>,
    pub channel: Channel,
    pub outcome: Outcome,
    /// Stable code of the refusal or of a note on an accepted binding.
    pub reason_code: Option<String>,
    /// The reason in the book's language.
    pub reason: Option<String>,
}

/// A client's card: who it is, whom it belongs to, and every attempt to bind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientCard {
    pub client: ClientRow,
    pub users: Option<u32>,
    pub active_since: Option<String>,
    pub promo_ends: Option<String>,
    pub bindings: Vec<Binding>,
    pub events: Vec<BindingEvent>,
}
