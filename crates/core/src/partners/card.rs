//! A partner's card: requisites, codes, clients now and before, refused bindings, history.

use crate::store::sql::Db;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Partner, PartnerCode};
use super::registry::get_partner;
use crate::audit::{history, AuditEntry};
use crate::clients::{bindings_of_partner, refused_for_partner, Binding, BindingEvent};
use crate::store::partner_codes::codes_of;
use crate::{Lang, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerCard {
    pub partner: Partner,
    pub codes: Vec<PartnerCode>,
    pub clients_now: Vec<Binding>,
    pub clients_before: Vec<Binding>,
    /// Binding attempts for this partner that the program's rules refused.
    pub refused: Vec<BindingEvent>,
    pub history: Vec<AuditEntry>,
}

pub fn partner_card(db: &Db, id: &str, lang: Lang) -> Result<PartnerCard> {
    let partner = get_partner(db, id)?;
    let codes = codes_of(db, id)?;
    let (clients_now, clients_before) = bindings_of_partner(db, id)?
        .into_iter()
        .partition(|b| b.until.is_none());
    Ok(PartnerCard {
        codes,
        clients_now,
        clients_before,
        refused: refused_for_partner(db, id, lang)?,
        history: history(db, "partner", id)?,
        partner,
    })
}
