//! New payments of a billing import, written many per statement: on a server every
//! statement is a round trip, and one per row would make a year's import wait on the
//! network. Which keys the book holds is read once per program, so a row is known to be
//! new without asking; anything that reads back a waiting payment (a refund of it, or
//! another refund of its original; a key seen before) writes the waiting rows first.

use std::collections::{HashMap, HashSet};

use crate::store::sql::{Db, Value};
use crate::Result;

/// The columns of a payment, in the order of a row's values.
const COLUMNS: [&str; WIDTH] = [
    "program",
    "payment_id",
    "client",
    "date",
    "amount",
    "list_price",
    "category",
    "direct",
    "refund_of",
    "promo_code",
    "promotion",
    "product",
    "content",
    "import",
];
pub(super) const WIDTH: usize = 14;

/// Rows per statement: well inside both engines' limits on parameters.
const BATCH: usize = 1_000;

#[derive(Default)]
pub(super) struct PaymentBatch {
    waiting: Vec<Value>,
    /// Per program: the payment ids in the book or waiting to go in.
    keys: HashMap<String, HashSet<String>>,
    /// The payments waiting, and those that waiting refunds refund.
    waiting_keys: HashSet<(String, String)>,
}

impl PaymentBatch {
    /// Whether the book (or this batch) has a payment with this key already.
    pub(super) fn is_known(&mut self, db: &Db, program: &str, payment_id: &str) -> Result<bool> {
        if !self.keys.contains_key(program) {
            let loaded = db
                .prepare("SELECT payment_id FROM payments WHERE program = ?1")?
                .query_map([program], |r| r.get::<_, String>(0))?
                .collect::<Result<HashSet<_>>>()?;
            self.keys.insert(program.to_owned(), loaded);
        }
        Ok(self
            .keys
            .get(program)
            .is_some_and(|k| k.contains(payment_id)))
    }

    /// Queues a new payment's values (in the order of `COLUMNS`); `refund_of`, the
    /// payment a refund refunds.
    pub(super) fn push(
        &mut self,
        db: &Db,
        program: &str,
        payment_id: &str,
        refund_of: Option<&str>,
        row: [Value; WIDTH],
    ) -> Result<()> {
        self.keys
            .entry(program.to_owned())
            .or_default()
            .insert(payment_id.to_owned());
        self.waiting_keys
            .insert((program.to_owned(), payment_id.to_owned()));
        if let Some(original) = refund_of {
            self.waiting_keys
                .insert((program.to_owned(), original.to_owned()));
        }
        self.waiting.extend(row);
        if self.waiting.len() >= BATCH * WIDTH {
            self.flush(db)?;
        }
        Ok(())
    }

    /// Whether a refund of `payment_id` must wait for the batch to be written: its
    /// original, or another refund of it, is waiting.
    pub(super) fn holds(&self, program: &str, payment_id: &str) -> bool {
        self.waiting_keys
            .contains(&(program.to_owned(), payment_id.to_owned()))
    }

    /// Writes every waiting payment.
    pub(super) fn flush(&mut self, db: &Db) -> Result<()> {
        db.insert_rows("payments", &COLUMNS, &mut self.waiting)?;
        self.waiting_keys.clear();
        Ok(())
    }

    /// The memory of the keys goes once the rows are in.
    pub(super) fn forget_keys(&mut self) {
        self.keys = HashMap::new();
    }
}
