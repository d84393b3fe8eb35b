//! `import clients`: one row per client, or per binding event (FORMATS.md).

use crate::store::sql::Db;

use super::client_batch::ClientBatch;
use super::field_problems::{problem, required};
use super::rows::{Finished, RowImport, RowResult};
use super::table::{col, date, text, ColumnMap, ColumnSpec, Row};
use crate::audit::Actor;
use crate::clients::{ClientRecord, Decision, Recorded};
use crate::ledger::fold::{Activity, Attempt, Attempted};
use crate::ledger::fold_clients;
use crate::programs::{Channel, ProgramCache};
use crate::Result;

pub const CLIENT_COLUMNS: &[ColumnSpec] = &[
    col("client_id", &["client_id", "ID клиента"], true),
    col("program", &["program", "Программа"], true),
    col("name", &["name", "Наименование"], false),
    col("inn", &["inn", "ИНН"], false),
    col("registered", &["registered", "Дата регистрации"], true),
    col(
        "partner_code",
        &["partner_code", "Код партнёра", "Код партнера"],
        false,
    ),
    col("channel", &["channel", "Канал"], false),
    col("bound_at", &["bound_at", "Дата привязки"], false),
    col("users", &["users", "Пользователей"], false),
    col("active_since", &["active_since", "Активен с"], false),
    col(
        "promo_ends",
        &["promo_ends", "Окончание промо-периода"],
        false,
    ),
];

pub struct ClientRows {
    programs: ProgramCache,
    /// The rows' binding attempts, decided by the fold once every row is stored, in the
    /// file's order.
    attempts: Vec<(Attempt, Recorded)>,
    /// Clients that became active: their one-off reward is accrued at the end.
    activities: Vec<Activity>,
    /// New clients waiting to be written, many at a time.
    batch: ClientBatch,
    import: i64,
    at: String,
}

impl ClientRows {
    pub fn new(import: i64, actor: &Actor) -> ClientRows {
        ClientRows {
            programs: ProgramCache::default(),
            attempts: Vec::new(),
            activities: Vec::new(),
            batch: ClientBatch::default(),
            import,
            at: actor.stamp(),
        }
    }
}

/// What a row with a binding attempt comes to.
fn settled(attempted: &Attempted, recorded: Recorded) -> RowResult {
    match (attempted, recorded) {
        (Attempted::Decided(Decision::Refuse(_)), _) => RowResult::Refused,
        (Attempted::Decided(_), _) => RowResult::Added,
        (Attempted::AlreadyRecorded, Recorded::Added | Recorded::Updated) => RowResult::Added,
        (Attempted::AlreadyRecorded, Recorded::Unchanged) => RowResult::Unchanged,
    }
}

impl RowImport for ClientRows {
    /// Folds the rows' binding attempts and the activities over the clients as stored,
    /// and writes the events and rewards. A file with problems is folded too (its rows
    /// are counted right), and rolled back by the caller.
    fn finish(&mut self, db: &Db, _clean: bool) -> Result<Finished> {
        self.batch.flush(db)?;
        let attempts = std::mem::take(&mut self.attempts);
        let activities = std::mem::take(&mut self.activities);
        let (accrued, attempted) = fold_clients(
            db,
            self.import,
            self.at.clone(),
            attempts.iter().map(|(a, _)| a),
            &activities,
        )?;
        let pending = attempts
            .iter()
            .zip(&attempted)
            .map(|((_, recorded), attempted)| settled(attempted, *recorded))
            .collect();
        Ok(Finished { accrued, pending })
    }

    fn row(
        &mut self,
        db: &Db,
        _actor: &Actor,
        _import: i64,
        row: &Row,
        columns: &ColumnMap,
    ) -> Result<RowResult> {
        let cell = |key| columns.cell(row, key);
        let mut problems = Vec::new();
        let mut parse_date = |key: &'static str| match date(cell(key)) {
            Ok(d) => d,
            Err(p) => {
                problems.push(p.field(key));
                None
            }
        };
        let registered = parse_date("registered");
        let active_since = parse_date("active_since");
        let promo_ends = parse_date("promo_ends");
        let bound_at = parse_date("bound_at");
        let client_id = text(cell("client_id"));
        if client_id.is_none() {
            problems.push(required("client_id"));
        }
        if registered.is_none() && text(cell("registered")).is_none() {
            problems.push(required("registered"));
        }
        let program = match text(cell("program")) {
            None => {
                problems.push(required("program"));
                None
            }
            Some(id) => {
                let found = self.programs.get(db, &id)?;
                if found.is_none() {
                    problems.push(problem(
                        "program",
                        "unknown_program",
                        format!("нет программы «{id}»"),
                        format!("no program “{id}”"),
                    ));
                }
                found
            }
        };
        let inn = text(cell("inn"));
        if let Some(inn) = &inn {
            if !(inn.len() == 10 || inn.len() == 12) || !inn.bytes().all(|b| b.is_ascii_digit()) {
                problems.push(problem(
                    "inn",
                    "inn_length",
                    format!("ИНН — 10 или 12 цифр, а не «{inn}»"),
                    format!("an ИНН has 10 or 12 digits, not “{inn}”"),
                ));
            }
        }
        let users = text(cell("users")).and_then(|u| match u.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push(problem(
                    "users",
                    "bad_number",
                    format!("не целое неотрицательное число: «{u}»"),
                    format!("not a whole non-negative number: “{u}”"),
                ));
                None
            }
        });
        let code = text(cell("partner_code"));
        let channel = text(cell("channel"));
        let channel = match (&code, channel) {
            (Some(_), None) => {
                problems.push(problem(
                    "channel",
                    "channel_required",
                    "с кодом партнёра нужен канал привязки",
                    "a partner code needs a binding channel",
                ));
                None
            }
            (_, Some(c)) => match Channel::parse(&c) {
                Some(ch) => Some(ch),
                None => {
                    problems.push(problem("channel", "bad_channel", format!("канал «{c}» неизвестен (link, promo, purchase_link, invoice, nfr, migrator, invite)"), format!("unknown channel “{c}” (link, promo, purchase_link, invoice, nfr, migrator, invite)")));
                    None
                }
            },
            (None, None) => None,
        };
        if code.is_some() && bound_at.is_none() && text(cell("bound_at")).is_none() {
            problems.push(problem(
                "bound_at",
                "bound_at_required",
                "с кодом партнёра нужна дата привязки",
                "a partner code needs the binding date",
            ));
        }
        let (Some(client_id), Some(program), true) = (client_id, program, problems.is_empty())
        else {
            return Ok(RowResult::Problems(problems));
        };
        let record = ClientRecord {
            program: program.id.clone(),
            client_id,
            name: text(cell("name")),
            inn,
            registered,
            users,
            active_since,
            promo_ends,
        };
        let (client, recorded) = match self.batch.record(db, &record)? {
            Ok(done) => done,
            Err(problems) => return Ok(RowResult::Problems(problems)),
        };
        let attempt = match (code, channel, bound_at) {
            (Some(code), Some(channel), Some(date)) => Some(Attempt {
                program: program.id.clone(),
                client,
                code,
                channel,
                date,
            }),
            _ => None,
        };
        if let (Some(users), Some(since)) = (users, active_since) {
            self.activities.push(Activity {
                program: program.id.clone(),
                client,
                users,
                active_since: since,
            });
        }
        Ok(match attempt {
            Some(attempt) => {
                self.attempts.push((attempt, recorded));
                RowResult::Pending
            }
            None => match recorded {
                Recorded::Added | Recorded::Updated => RowResult::Added,
                Recorded::Unchanged => RowResult::Unchanged,
            },
        })
    }
}
