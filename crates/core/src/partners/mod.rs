//! Partners: the registry, their contracts and codes.

mod card;
mod codes;
mod model;
mod query;
mod rates;
mod status;
mod store;
mod validate;

pub use crate::store::MAX_PAGE;
pub use card::{partner_card, PartnerCard};
pub use codes::generate_code;
pub use model::*;
pub use query::{partner_page, partners_of, partners_shown};
pub use status::{set_partner_rate, set_partner_status};
pub(crate) use store::import_partner;
pub use store::{create_partner, find_partner, get_partner, update_partner, ImportedRow};
pub use validate::{validate_partner, ValidPartner};
