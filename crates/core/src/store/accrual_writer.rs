//! Writing what the accrual fold gives out: ledger entries (their ids chosen by the
//! fold), the reasons of payments that earned nothing, binding events, and the partners'
//! client counts once at the end. Entries, reasons and events gather into batches of a
//! thousand rows, each written by [`Db::insert_rows`] (multi-row `INSERT`s on SQLite, a
//! `COPY` on a server); what is still pending is written by [`AccrualWriter::finish`].
//! Nothing written through the sink is guaranteed in the book before `finish`.

use std::collections::HashMap;

use crate::store::sql::{params, params_from_iter, Db, Statement, Value};

use crate::ledger::fold::{BindingEvent, Entry, Outcome, Sink};
use crate::Result;

/// Rows gathered before they are written.
const BATCH: usize = 1_000;

/// A ledger entry's columns, in the order of [`entry_values`].
const ENTRY_COLUMNS: [&str; 16] = [
    "id",
    "partner",
    "kind",
    "date",
    "available_on",
    "amount",
    "payment",
    "client",
    "corrects",
    "rule",
    "version",
    "base",
    "rate",
    "detail",
    "import",
    "at",
];
const OUTCOME_COLUMNS: [&str; 4] = ["payment", "partner", "reason", "detail"];
/// A binding event's columns, in the order `event` gives their values.
const EVENT_COLUMNS: [&str; 12] = [
    "id", "client", "date", "code", "partner", "channel", "outcome", "reason", "detail", "version",
    "import", "until",
];
/// Where `until` is among an event's values.
const EVENT_UNTIL: usize = 11;

/// The index the fold's writes need not keep up to date as they go (nothing reads it
/// during a fold); exactly as `003_ledger.sql` makes it.
const LEDGER_BY_PARTNER: &str =
    "CREATE INDEX ledger_by_partner ON ledger (partner, date, kind, available_on, amount);";

/// Payments in a fold's scope from which building `ledger_by_partner` once, after the
/// fold, costs less than keeping it up to date entry by entry (random inserts, one place
/// per partner).
const LARGE_FOLD: i64 = 50_000;

/// Whether the fold about to be written is large: at least [`LARGE_FOLD`] payments, and
/// at least half as many as the ledger's entries (so that building the index again does
/// not cost more than the fold saves).
fn large_fold(db: &Db) -> Result<bool> {
    if !db.temp_table_exists("fold_scope")? {
        return Ok(false);
    }
    let payments: i64 = db.query_row("SELECT count(*) FROM fold_scope", [], |r| r.get(0))?;
    let entries: i64 = db.query_row("SELECT coalesce(max(id), 0) FROM ledger", [], |r| r.get(0))?;
    Ok(payments >= LARGE_FOLD && payments * 2 >= entries)
}

pub struct AccrualWriter<'c> {
    db: &'c Db,
    /// `ledger_by_partner` was dropped for a large fold: `finish` builds it again.
    rebuild: bool,
    moved: Statement<'c>,
    /// Entries and reasons not written yet, as their statements' parameters.
    pending_entries: Vec<Value>,
    pending_outcomes: Vec<Value>,
    pending_events: Vec<Value>,
    /// Pending events that bind a client and have not ended: where their `until` is in
    /// `pending_events`, by client.
    open_bindings: HashMap<i64, usize>,
    import: Option<i64>,
    at: String,
    /// Partners' current clients gained (or lost) by the fold's bindings.
    counts: HashMap<String, i64>,
}

impl<'c> AccrualWriter<'c> {
    pub fn new(db: &'c Db, import: Option<i64>, at: String) -> Result<AccrualWriter<'c>> {
        let rebuild = large_fold(db)?;
        if rebuild {
            db.execute_batch("DROP INDEX ledger_by_partner")?;
        }
        Ok(AccrualWriter {
            rebuild,
            db,
            moved: db.prepare(
                "UPDATE binding_events SET until = ?2 WHERE client = ?1 AND outcome = 'bound' AND until IS NULL",
            )?,
            pending_entries: Vec::with_capacity(BATCH * 16),
            pending_outcomes: Vec::with_capacity(BATCH * 4),
            pending_events: Vec::new(),
            open_bindings: HashMap::new(),
            import,
            at,
            counts: HashMap::new(),
        })
    }

    /// Writes the pending entries.
    fn flush_entries(&mut self) -> Result<()> {
        self.db
            .insert_rows("ledger", &ENTRY_COLUMNS, &mut self.pending_entries)
    }

    fn flush_outcomes(&mut self) -> Result<()> {
        self.db.insert_rows(
            "payment_outcomes",
            &OUTCOME_COLUMNS,
            &mut self.pending_outcomes,
        )
    }

    fn flush_events(&mut self) -> Result<()> {
        self.open_bindings.clear();
        self.db
            .insert_rows("binding_events", &EVENT_COLUMNS, &mut self.pending_events)
    }

    /// Writes what is pending, then the partners' client counts.
    pub fn finish(mut self, db: &Db) -> Result<()> {
        self.flush_entries()?;
        self.flush_outcomes()?;
        self.flush_events()?;
        if self.rebuild {
            db.execute_batch(LEDGER_BY_PARTNER)?;
        }
        crate::store::partners::add_bound_clients(db, self.counts)
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn optional<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

/// A ledger entry's columns, in the order of [`ENTRY_COLUMNS`].
fn entry_values(e: Entry, import: Option<i64>, at: &str) -> [Value; 16] {
    [
        Value::Integer(e.id),
        text(e.partner),
        text(e.kind.key()),
        text(e.date.to_string()),
        text(e.available_on.to_string()),
        Value::Integer(e.amount),
        optional(e.payment),
        optional(e.client),
        optional(e.corrects),
        text(e.rule),
        optional(e.version),
        optional(e.base),
        optional(e.rate.map(|r| r.normalize().to_string())),
        optional(e.detail),
        optional(import),
        text(at),
    ]
}

/// Appends one entry outside a fold (a conversion, an act's step, an annulment); the
/// book chooses its id (`entry.id` is not used) and returns it.
pub fn append_entry(db: &Db, entry: Entry, at: &str) -> Result<i64> {
    // The next id after the newest, as the fold numbers its entries (the write lock is
    // held, so no other writer takes it meanwhile).
    let values = entry_values(entry, None, at).into_iter().skip(1);
    db.prepare_cached(&format!(
        "INSERT INTO ledger ({}) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM ledger), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        ENTRY_COLUMNS.join(", ")
    ))?
    .query_row(params_from_iter(values), |r| r.get(0))
}

impl Sink for AccrualWriter<'_> {
    fn entry(&mut self, e: Entry) -> Result<()> {
        // An entry correcting one still pending goes after it, in the same statement or a
        // later one: both engines check a foreign key at the end of its statement.
        self.pending_entries
            .extend(entry_values(e, self.import, &self.at));
        if self.pending_entries.len() >= BATCH * 16 {
            self.flush_entries()?;
        }
        Ok(())
    }

    fn outcome(&mut self, o: Outcome) -> Result<()> {
        let detail = o.reason.detail();
        self.pending_outcomes.extend([
            Value::Integer(o.payment),
            optional(o.partner),
            text(o.reason.code()),
            optional(Some(detail).filter(|d| !d.is_empty())),
        ]);
        if self.pending_outcomes.len() >= BATCH * 4 {
            self.flush_outcomes()?;
        }
        Ok(())
    }

    fn event(&mut self, e: BindingEvent) -> Result<()> {
        let day = e.date.to_string();
        let bound = match (e.outcome, &e.partner) {
            (crate::ledger::fold::EventOutcome::Bound, Some(partner)) => Some(partner.clone()),
            _ => None,
        };
        if let (Some(_), Some(from)) = (&bound, e.moved_from) {
            // The client's binding before this one ends today: still pending, or in the
            // book (a client has one open binding at most).
            match self.open_bindings.remove(&e.client) {
                Some(until) => self.pending_events[until] = text(day.clone()),
                None => {
                    self.moved.execute(params![e.client, day])?;
                }
            }
            *self.counts.entry(from).or_default() -= 1;
        }
        if let Some(partner) = bound {
            let until = self.pending_events.len() + EVENT_UNTIL;
            self.open_bindings.insert(e.client, until);
            *self.counts.entry(partner).or_default() += 1;
        }
        self.pending_events.extend([
            Value::Integer(e.id),
            Value::Integer(e.client),
            text(day),
            text(e.code),
            optional(e.partner),
            text(e.channel.key()),
            text(e.outcome.key()),
            optional(e.reason),
            optional(e.detail),
            optional(e.version),
            optional(self.import),
            Value::Null,
        ]);
        if self.pending_events.len() >= BATCH * EVENT_COLUMNS.len() {
            self.flush_events()?;
        }
        Ok(())
    }
}
