//! A client's card: the client, its binding history and every attempt to bind it.

use crate::store::sql::Db;

use super::model::ClientCard;
use crate::store::bindings::{bindings_of_client, events_of_client};
use crate::store::clients::{client_shown, find_client};
use crate::{Error, Lang, Result};

pub fn client_card(db: &Db, program: &str, client: &str, lang: Lang) -> Result<ClientCard> {
    let (Some(row), Some(stored)) = (
        client_shown(db, program, client)?,
        find_client(db, program, client)?,
    ) else {
        return Err(Error::not_found(
            format!("нет клиента «{client}» в программе {program}"),
            format!("no client “{client}” in program {program}"),
        ));
    };
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    Ok(ClientCard {
        client: row,
        users: stored.users,
        active_since: day(stored.active_since),
        promo_ends: day(stored.promo_ends),
        bindings: bindings_of_client(db, stored.id)?,
        events: events_of_client(db, stored.id, lang)?,
    })
}
