//! `import clients`: one row per client, or per binding event (FORMATS.md).

use rusqlite::Connection;

use super::field_problems::{problem, required};
use super::rows::{RowImport, RowResult};
use super::table::{col, date, text, ColumnMap, ColumnSpec, Row};
use crate::audit::Actor;
use crate::clients::{fresh_facts, record_client, BindOutcome, Binder, ClientRecord, Recorded};
use crate::ledger::fold::Activity;
use crate::ledger::{accrue_activity, AccrualTotal};
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
    binder: Binder,
    /// Clients that became active: their one-off reward is accrued at the end.
    activities: Vec<Activity>,
    import: i64,
    at: String,
}

impl ClientRows {
    pub fn new(import: i64, actor: &Actor) -> ClientRows {
        ClientRows {
            programs: ProgramCache::default(),
            binder: Binder::default(),
            activities: Vec::new(),
            import,
            at: actor.stamp(),
        }
    }
}

impl RowImport for ClientRows {
    fn finish(&mut self, db: &Connection, clean: bool) -> Result<Vec<AccrualTotal>> {
        std::mem::take(&mut self.binder).finish(db)?;
        if !clean {
            return Ok(vec![]);
        }
        let activities = std::mem::take(&mut self.activities);
        accrue_activity(db, self.import, self.at.clone(), &activities)
    }

    fn row(
        &mut self,
        db: &Connection,
        _actor: &Actor,
        import: i64,
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
        let (client, recorded) = match record_client(db, &record)? {
            Ok(done) => done,
            Err(problems) => return Ok(RowResult::Problems(problems)),
        };
        let outcome = match (code, channel, bound_at) {
            (Some(code), Some(channel), Some(at)) => {
                let known = (recorded == Recorded::Added).then(|| fresh_facts(&record));
                Some(self.binder.bind(
                    db,
                    &program,
                    client,
                    (&code, channel, at),
                    Some(import),
                    known,
                )?)
            }
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
        Ok(match (recorded, outcome) {
            (_, Some(BindOutcome::Refused(_))) => RowResult::Refused,
            (_, Some(BindOutcome::Bound { .. } | BindOutcome::Kept)) => RowResult::Added,
            (Recorded::Added | Recorded::Updated, _) => RowResult::Added,
            (Recorded::Unchanged, _) => RowResult::Unchanged,
        })
    }
}
