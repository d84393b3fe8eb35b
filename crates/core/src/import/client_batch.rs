//! New clients of a clients import, written many at a time ([`Db::insert_rows`]: a
//! `COPY` on a server) instead of a statement per row. The batch numbers them itself
//! (after the book's largest id, under the write lock); which clients a program holds is
//! read once. A client the book already has is confirmed or filled in as before, row by
//! row (a file imported again); one added by this import and met again in it writes the
//! batch first.

use std::collections::{HashMap, HashSet};

use crate::clients::{record_client, ClientRecord, Recorded};
use crate::store::clients::{client_ids, client_values, insert_clients, next_client_id};
use crate::store::sql::{Db, Value};
use crate::{Problem, Result};

/// Rows gathered before they are written.
const BATCH: usize = 1_000;

#[derive(Default)]
pub(super) struct ClientBatch {
    waiting: Vec<Value>,
    waiting_rows: usize,
    /// The id the next new client takes; read from the book at the first one.
    next_id: Option<i64>,
    /// Per program: its clients (in the book or waiting), row id by `client_id`.
    known: HashMap<String, HashMap<String, i64>>,
    /// The waiting clients' keys.
    waiting_keys: HashSet<(String, String)>,
}

impl ClientBatch {
    /// Adds the client, or confirms it (see [`record_client`]): its row id and what was
    /// done, or the row's problems.
    pub(super) fn record(
        &mut self,
        db: &Db,
        c: &ClientRecord,
    ) -> Result<std::result::Result<(i64, Recorded), Vec<Problem>>> {
        if !self.known.contains_key(&c.program) {
            self.known
                .insert(c.program.clone(), client_ids(db, &c.program)?);
        }
        let known = self.known.entry(c.program.clone()).or_default();
        if !known.contains_key(&c.client_id) {
            let id = match self.next_id {
                Some(id) => id,
                None => next_client_id(db)?,
            };
            self.next_id = Some(id + 1);
            known.insert(c.client_id.clone(), id);
            self.waiting_keys
                .insert((c.program.clone(), c.client_id.clone()));
            self.waiting.extend(client_values(id, c));
            self.waiting_rows += 1;
            if self.waiting_rows >= BATCH {
                self.flush(db)?;
            }
            return Ok(Ok((id, Recorded::Added)));
        }
        if self
            .waiting_keys
            .contains(&(c.program.clone(), c.client_id.clone()))
        {
            self.flush(db)?;
        }
        record_client(db, c)
    }

    /// Writes every waiting client.
    pub(super) fn flush(&mut self, db: &Db) -> Result<()> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        insert_clients(db, &mut self.waiting)?;
        self.waiting_rows = 0;
        self.waiting_keys.clear();
        Ok(())
    }
}
