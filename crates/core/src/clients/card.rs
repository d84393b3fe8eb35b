//! A client's card: the client, its binding history and every attempt to bind it.

use crate::store::sql::{params, Db, OptionalExtension};

use super::model::ClientCard;
use super::query::{binding_row, client_row, event_row, BINDING_ROW, CLIENT_ROW, EVENT_ROW};
use crate::{Error, Lang, Result};

pub fn client_card(db: &Db, program: &str, client: &str, lang: Lang) -> Result<ClientCard> {
    let found = db
        .prepare_cached(&format!(
            "{CLIENT_ROW} WHERE c.program = ?1 AND c.client_id = ?2"
        ))?
        .query_row(params![program, client], client_row)
        .optional()?;
    let Some(row) = found else {
        return Err(Error::not_found(
            format!("нет клиента «{client}» в программе {program}"),
            format!("no client “{client}” in program {program}"),
        ));
    };
    let (id, users, active_since, promo_ends): (i64, Option<u32>, Option<String>, Option<String>) = db
        .prepare_cached("SELECT id, users, active_since, promo_ends FROM clients WHERE program = ?1 AND client_id = ?2")?
        .query_row(params![program, client], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let bindings = db
        .prepare_cached(&format!(
            "{BINDING_ROW} WHERE b.client = ?1 ORDER BY b.since, b.id"
        ))?
        .query_map([id], binding_row)?
        .collect::<crate::Result<Vec<_>>>()?;
    let events = db
        .prepare_cached(&format!(
            "{EVENT_ROW} WHERE e.client = ?1 ORDER BY e.date, e.id"
        ))?
        .query_map([id], |r| event_row(r, lang))?
        .collect::<crate::Result<Vec<_>>>()?;
    Ok(ClientCard {
        client: row,
        users,
        active_since,
        promo_ends,
        bindings,
        events,
    })
}
