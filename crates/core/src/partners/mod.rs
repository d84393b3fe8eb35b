//! Partners: the registry, their contracts and codes.

mod card;
mod codes;
mod model;
mod query;
mod rates;
mod registry;
mod status;
mod validate;

pub use crate::store::MAX_PAGE;
pub use card::{partner_card, PartnerCard};
pub use codes::generate_code;
pub use model::*;
pub use query::{partner_page, partners_of, partners_shown};
pub(crate) use registry::import_partner;
pub use registry::{create_partner, find_partner, get_partner, update_partner, ImportedRow};
pub use status::{set_partner_rate, set_partner_status};
pub use validate::{validate_partner, ValidPartner};
