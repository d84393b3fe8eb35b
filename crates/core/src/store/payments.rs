//! The `payments` table as a billing import writes it: the keys a program holds, new
//! payments in bulk (numbered by the import), what a refund checks of the payment it
//! refunds, and the index a large import builds once after its rows.

use chrono::NaiveDate;

use crate::store::sql::{params, Db, OptionalExtension, Value};
use crate::store::values::day;
use crate::Result;

/// A payment's columns, in the order of a row's values.
pub(crate) const PAYMENT_COLUMNS: [&str; 15] = [
    "id",
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

/// Exactly as `003_ledger.sql` makes it.
const PAYMENTS_BY_CLIENT: &str = "CREATE INDEX payments_by_client ON payments (client, date);";

/// What a refund checks of the payment it refunds.
#[derive(Debug, Clone)]
pub(crate) struct Original {
    pub id: i64,
    pub client: i64,
    pub amount: i64,
    pub date: NaiveDate,
    /// The payment is itself a refund.
    pub is_refund: bool,
    /// Refunded of it so far (positive minor units).
    pub refunded: i64,
}

/// The keys (`payment_id`) of the program's payments.
pub(crate) fn payment_keys(db: &Db, program: &str) -> Result<Vec<String>> {
    db.prepare("SELECT payment_id FROM payments WHERE program = ?1")?
        .query_map([program], |r| r.get(0))?
        .collect()
}

/// The id after the book's largest payment id (the write lock is held: nobody else
/// takes it meanwhile).
pub(crate) fn next_payment_id(db: &Db) -> Result<i64> {
    db.query_row("SELECT coalesce(max(id), 0) + 1 FROM payments", [], |r| {
        r.get(0)
    })
}

/// Writes payments, `values` holding them one after another (each in the order of
/// [`PAYMENT_COLUMNS`], its id given). The book's own counter stays where it was until
/// [`payments_numbered`].
pub(crate) fn insert_payments(db: &Db, values: &mut Vec<Value>) -> Result<()> {
    db.insert_rows("payments", &PAYMENT_COLUMNS, values)
}

/// The book's own counter of payments moves past the ids an import gave: once, after its
/// last payment (a query per thousand rows made the import wait for each of them).
pub(crate) fn payments_numbered(db: &Db) -> Result<()> {
    db.ids_given("payments")
}

/// The program's payment `payment_id`, with what was refunded of it so far.
pub(crate) fn stored_original(
    db: &Db,
    program: &str,
    payment_id: &str,
) -> Result<Option<Original>> {
    db.prepare_cached(
        "SELECT id, client, amount, date, refund_of,
                (SELECT -coalesce(sum(r.amount), 0) FROM payments r WHERE r.refund_of = p.id)
         FROM payments p WHERE program = ?1 AND payment_id = ?2",
    )?
    .query_row(params![program, payment_id], |r| {
        Ok(Original {
            id: r.get(0)?,
            client: r.get(1)?,
            amount: r.get(2)?,
            date: day("payments.date", &r.get::<_, String>(3)?)?,
            is_refund: r.get::<_, Option<i64>>(4)?.is_some(),
            refunded: r.get(5)?,
        })
    })
    .optional()
}

/// The content of the program's payment `payment_id` as it was imported, if there is one.
pub(crate) fn stored_content(db: &Db, program: &str, payment_id: &str) -> Result<Option<String>> {
    db.prepare_cached("SELECT content FROM payments WHERE program = ?1 AND payment_id = ?2")?
        .query_row(params![program, payment_id], |r| r.get(0))
        .optional()
}

/// Drops `payments_by_client` for a large import (nothing reads it while rows go in).
pub(crate) fn drop_payments_by_client(db: &Db) -> Result<()> {
    db.execute_batch("DROP INDEX payments_by_client")
}

/// Builds `payments_by_client` again after a large import.
pub(crate) fn build_payments_by_client(db: &Db) -> Result<()> {
    db.execute_batch(PAYMENTS_BY_CLIENT)
}
