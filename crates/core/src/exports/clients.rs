//! Клиенты as the table shows them: the client, its program, registration, and its
//! current partner with the channel and the day it was bound.

use crate::store::sql::Db;
use chrono::NaiveDate;

use super::words::word;
use super::{columns, Export, ProgramNames};
use crate::clients::{clients_shown, ClientQuery, ClientRow};
use crate::documents::{Cell, ColumnKind, Sheet};
use crate::{Lang, Result};

/// The table's columns (`ui/src/clients/clientColumns.tsx`).
pub const COLUMNS: [(&str, ColumnKind); 7] = [
    ("col.client", ColumnKind::Text),
    ("col.name", ColumnKind::Text),
    ("col.program", ColumnKind::Text),
    ("col.registered", ColumnKind::Date),
    ("col.partner", ColumnKind::Text),
    ("col.channel", ColumnKind::Text),
    ("col.since", ColumnKind::Date),
];

fn row(r: &ClientRow, programs: &ProgramNames, lang: Lang) -> Result<Vec<Cell>> {
    // The screen shows the partner's name (its id when it has none), or «без партнёра».
    let partner = match (&r.partner, &r.partner_name) {
        (Some(_), Some(name)) => name.as_str(),
        (Some(id), None) => id.as_str(),
        (None, _) => word("clients.unbound", lang),
    };
    let channel = r
        .channel
        .map(|c| word(&format!("channel.{}", c.key()), lang).to_owned());
    Ok(vec![
        Cell::text(&r.client),
        Cell::maybe(r.name.as_deref()),
        Cell::text(programs.of(&r.program)),
        Cell::day(r.registered.as_deref())?,
        Cell::text(partner),
        Cell::maybe(channel.as_deref()),
        Cell::day(r.since.as_deref())?,
    ])
}

pub(super) fn export(db: &Db, query: &ClientQuery, lang: Lang, today: NaiveDate) -> Result<Export> {
    let programs = ProgramNames::load(db, lang)?;
    let rows = clients_shown(db, query)?
        .iter()
        .map(|r| row(r, &programs, lang))
        .collect::<Result<_>>()?;
    Ok(Export {
        name: format!("clients-{today}.xlsx"),
        sheets: vec![Sheet {
            name: word("nav.clients", lang).to_owned(),
            columns: columns(&COLUMNS, lang),
            rows,
            totals: vec![],
        }],
    })
}
