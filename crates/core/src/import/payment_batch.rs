//! New payments of a billing import, written many at a time ([`Db::insert_rows`]: a
//! `COPY` on a server): one statement per row would make a year's import wait on the
//! network. The batch numbers its payments itself (after the book's largest id, under the
//! write lock), so a refund knows its original's id without asking the book; which keys
//! the book holds is read once per program, and what a refund checks of a payment of
//! this same import (its client, amount, day, what was refunded of it) is kept here.

use std::collections::{HashMap, HashSet};

use crate::store::payments::{
    insert_payments, next_payment_id, payment_keys, payments_numbered, Original, PAYMENT_COLUMNS,
};
use crate::store::sql::{Db, Value};
use crate::Result;

/// A payment's values, its id (given by the batch) first.
pub(super) const WIDTH: usize = PAYMENT_COLUMNS.len();

/// Rows gathered before they are written.
const BATCH: usize = 1_000;

/// A payment's key as the batch knows it.
enum Known {
    /// In the book before this import.
    Book,
    /// Added by this import.
    New(Original),
}

#[derive(Default)]
pub(super) struct PaymentBatch {
    waiting: Vec<Value>,
    /// The id the next payment takes; read from the book at the first one.
    next_id: Option<i64>,
    /// Per program: the payments in the book or added by this import, by key.
    keys: HashMap<String, HashMap<String, Known>>,
    /// Payments of the book refunded by waiting refunds: a question about one of them
    /// writes the batch first.
    waiting_refunds_of: HashSet<(String, String)>,
}

impl PaymentBatch {
    fn load_keys(&mut self, db: &Db, program: &str) -> Result<&mut HashMap<String, Known>> {
        if !self.keys.contains_key(program) {
            let loaded = payment_keys(db, program)?
                .into_iter()
                .map(|key| (key, Known::Book))
                .collect();
            self.keys.insert(program.to_owned(), loaded);
        }
        Ok(self.keys.entry(program.to_owned()).or_default())
    }

    /// Whether the book (or this batch) has a payment with this key already.
    pub(super) fn is_known(&mut self, db: &Db, program: &str, payment_id: &str) -> Result<bool> {
        Ok(self.load_keys(db, program)?.contains_key(payment_id))
    }

    /// The payment of this import with that key, if it is one.
    pub(super) fn added(&self, program: &str, payment_id: &str) -> Option<&Original> {
        match self.keys.get(program)?.get(payment_id)? {
            Known::New(original) => Some(original),
            Known::Book => None,
        }
    }

    /// Queues a new payment: `payment` its facts (its id is given here), `refund_of` the
    /// key of the payment it refunds, `row` its values after the id (in the order of
    /// `PAYMENT_COLUMNS`). Returns the id.
    pub(super) fn push(
        &mut self,
        db: &Db,
        (program, payment_id): (&str, &str),
        refund_of: Option<&str>,
        mut payment: Original,
        row: [Value; WIDTH - 1],
    ) -> Result<i64> {
        let id = match self.next_id {
            Some(id) => id,
            None => next_payment_id(db)?,
        };
        self.next_id = Some(id + 1);
        payment.id = id;
        let refunded = -payment.amount;
        let keys = self.keys.entry(program.to_owned()).or_default();
        if let Some(original) = refund_of {
            match keys.get_mut(original) {
                Some(Known::New(o)) => o.refunded += refunded,
                _ => {
                    self.waiting_refunds_of
                        .insert((program.to_owned(), original.to_owned()));
                }
            }
        }
        keys.insert(payment_id.to_owned(), Known::New(payment));
        self.waiting.push(Value::Integer(id));
        self.waiting.extend(row);
        if self.waiting.len() >= BATCH * WIDTH {
            self.flush(db)?;
        }
        Ok(id)
    }

    /// The largest id given so far (0 before the first payment).
    pub(super) fn largest_id(&self) -> i64 {
        self.next_id.map_or(0, |next| next - 1)
    }

    /// Whether a refund of the book's payment `payment_id` must wait for the batch to be
    /// written: another refund of it is waiting.
    pub(super) fn holds(&self, program: &str, payment_id: &str) -> bool {
        self.waiting_refunds_of
            .contains(&(program.to_owned(), payment_id.to_owned()))
    }

    /// Writes every waiting payment, and moves the book's own counter of payments past
    /// every payment the batch numbered.
    pub(super) fn finish(&mut self, db: &Db) -> Result<()> {
        self.flush(db)?;
        if self.next_id.is_some() {
            payments_numbered(db)?;
        }
        Ok(())
    }

    /// Writes every waiting payment.
    pub(super) fn flush(&mut self, db: &Db) -> Result<()> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        insert_payments(db, &mut self.waiting)?;
        self.waiting_refunds_of.clear();
        Ok(())
    }

    /// The memory of the keys goes once the rows are in.
    pub(super) fn forget_keys(&mut self) {
        self.keys = HashMap::new();
    }
}
