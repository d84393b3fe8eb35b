//! The clients of the billing benchmark's realistic year (2025-12-01..2026-11-30):
//! registered over the years before it and during it, most bound to a partner through a
//! channel their program accepts on that date (bitrix24: only the Migrator app from
//! 2026), a few with a later binding attempt of their own (a promo code moving the
//! binding, a Migrator install, a late invitation or link the rules refuse). Written as
//! `clients.csv` (one row per client, then the later attempts in date order), and kept
//! — a few bytes a client — for the billing rows.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::rngs::StdRng;
use rand::Rng;

use crate::clients_file::{client_id, partner_code_index};
use crate::ids::{self, CLIENT_OFFICES};
use crate::names::{self, csv_field};
use crate::partners_file::{
    date_between, day, show_date, Issued, ATLANTYS, BITRIX24, PROGRAMS, QUANTOWER, TELE2,
};

pub const HEADER: &str = "client_id,program,name,inn,registered,partner_code,channel,bound_at,\
users,active_since,promo_ends";

/// Share of each program's clients, in percent (indexed like [`PROGRAMS`]).
const CLIENT_SHARE: [u32; 5] = [40, 10, 15, 20, 15];

/// The first day of the year.
pub fn first_day() -> NaiveDate {
    day(2025, 12, 1)
}

/// The last day of the year (the `balances --as-of` date).
pub fn last_day() -> NaiveDate {
    day(2026, 11, 30)
}

/// The last day bitrix24's first rule set binds through every channel.
fn bitrix24_old_rules_end() -> NaiveDate {
    day(2025, 12, 31)
}

/// One client, as the billing rows need it.
#[derive(Debug, Clone)]
pub struct YearClient {
    pub program: usize,
    /// The client's number in its program (its `client_id` is made of it).
    pub serial: u32,
    pub registered: NaiveDate,
    /// The partner code (an index into its program's issued codes) the client enters at
    /// each purchase: atlantys clients bound by a promo code, or given one at purchase.
    pub code_at_purchase: Option<u32>,
    /// The tariff the client pays for (an index into its program's tariffs), once chosen.
    pub tariff: Option<u8>,
    /// Whether a payment of this client was already written.
    pub has_paid: bool,
}

impl YearClient {
    pub fn id(&self) -> String {
        client_id(self.program, u64::from(self.serial))
    }
}

fn program_of(rng: &mut StdRng) -> usize {
    let mut r = rng.random_range(0..100);
    for (p, share) in CLIENT_SHARE.iter().enumerate() {
        if r < *share {
            return p;
        }
        r -= share;
    }
    BITRIX24
}

/// Registration: about 70 % before the year (bitrix24 portals from 2023, the others from
/// 2024), the rest during it.
fn registration(rng: &mut StdRng, program: usize) -> NaiveDate {
    if rng.random_bool(0.3) {
        date_between(rng, first_day(), last_day())
    } else if program == BITRIX24 {
        date_between(rng, day(2023, 1, 1), first_day() - Days::new(1))
    } else {
        date_between(rng, day(2024, 1, 1), first_day() - Days::new(1))
    }
}

/// A binding attempt: the code's index in its program, the channel, the date.
#[derive(Debug, Clone, Copy)]
struct Attempt {
    code: u32,
    channel: &'static str,
    at: NaiveDate,
}

/// The client's binding at registration (or, for bitrix24 from 2026, its Migrator
/// install), through a channel its program accepts on that date; `None` for about 30 %.
fn first_binding(
    rng: &mut StdRng,
    program: usize,
    registered: NaiveDate,
    codes: usize,
) -> Option<Attempt> {
    let new_bitrix24 = program == BITRIX24 && registered > bitrix24_old_rules_end();
    let share = if new_bitrix24 { 0.35 } else { 0.7 };
    if codes == 0 || !rng.random_bool(share) {
        return None;
    }
    let code = partner_code_index(rng, codes) as u32;
    let within = |rng: &mut StdRng, days: u64, cap: NaiveDate| {
        date_between(rng, registered, registered + Days::new(days)).min(cap)
    };
    let (channel, at) = match program {
        BITRIX24 if new_bitrix24 => ("migrator", within(rng, 20, last_day())),
        BITRIX24 if rng.random_bool(0.6) => ("link", registered),
        BITRIX24 => ("promo", within(rng, 45, bitrix24_old_rules_end())),
        ATLANTYS if rng.random_bool(0.8) => ("promo", registered),
        // An invitation code can be entered within a month of registration.
        TELE2 => ("invite", within(rng, 28, last_day())),
        _ => ("link", registered),
    };
    Some(Attempt { code, channel, at })
}

/// A later attempt of about 8 % of bitrix24 clients (a promo code before 2026, a Migrator
/// install during it) and 1 % of quantower and tele2-ats clients (a link after
/// registration, an invitation after the month: both refused by the rules).
fn later_attempt(
    rng: &mut StdRng,
    program: usize,
    registered: NaiveDate,
    codes: usize,
) -> Option<Attempt> {
    if codes == 0 {
        return None;
    }
    let (channel, at) = match program {
        BITRIX24 if rng.random_bool(0.08) => {
            if registered < first_day() && rng.random_bool(0.5) {
                (
                    "promo",
                    date_between(rng, first_day(), bitrix24_old_rules_end()),
                )
            } else {
                let from = (registered + Days::new(1)).max(day(2026, 1, 1));
                ("migrator", date_between(rng, from, last_day().max(from)))
            }
        }
        QUANTOWER if rng.random_bool(0.01) => (
            "link",
            date_between(rng, registered + Days::new(1), registered + Days::new(90)),
        ),
        TELE2 if rng.random_bool(0.01) => (
            "invite",
            date_between(rng, registered + Days::new(35), registered + Days::new(60)),
        ),
        _ => return None,
    };
    if at > last_day() {
        return None;
    }
    let code = partner_code_index(rng, codes) as u32;
    Some(Attempt { code, channel, at })
}

/// What [`write`] made.
pub struct Clients {
    /// Every client, by registration date.
    pub clients: Vec<YearClient>,
    /// Rows written (clients and later attempts).
    pub rows: usize,
    /// Rows with a binding attempt.
    pub attempts: usize,
}

/// Writes `total` clients of the partners in `issued` to `path`, one row each, then the
/// later binding attempts of some of them in date order.
pub fn write(path: &Path, total: usize, issued: &Issued, rng: &mut StdRng) -> io::Result<Clients> {
    let mut clients: Vec<YearClient> = (0..total)
        .map(|_| {
            let program = program_of(rng);
            YearClient {
                program,
                serial: 0,
                registered: registration(rng, program),
                code_at_purchase: None,
                tariff: None,
                has_paid: false,
            }
        })
        .collect();
    clients.sort_by_key(|c| c.registered);
    let mut serials = [0u32; 5];
    for c in &mut clients {
        c.serial = serials[c.program];
        serials[c.program] += 1;
    }

    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{HEADER}")?;
    let mut later: Vec<(NaiveDate, usize, Attempt)> = Vec::new();
    let mut attempts = 0;
    for (j, c) in clients.iter_mut().enumerate() {
        let codes = &issued.codes[c.program];
        let first = first_binding(rng, c.program, c.registered, codes.len());
        if let Some(a) = first {
            attempts += 1;
            if c.program == ATLANTYS && a.channel == "promo" {
                c.code_at_purchase = Some(a.code);
            }
        }
        if let Some(a) = later_attempt(rng, c.program, c.registered, codes.len()) {
            later.push((a.at, j, a));
        }
        let line = client_row(
            rng,
            c,
            j as u64,
            first.map(|a| (&codes[a.code as usize], a)),
        );
        writeln!(out, "{line}")?;
    }
    // The later attempts, in date order: the client's id, program and registration, and
    // the attempt; its other cells empty (they change nothing).
    later.sort_by_key(|(at, j, _)| (*at, *j));
    for (_, j, a) in &later {
        let c = &clients[*j];
        let code = &issued.codes[c.program][a.code as usize];
        let fields: [&str; 8] = [
            &c.id(),
            PROGRAMS[c.program],
            "",
            "",
            &c.registered.to_string(),
            code,
            a.channel,
            &a.at.to_string(),
        ];
        writeln!(out, "{},,,", fields.map(csv_field).join(","))?;
    }
    out.flush()?;
    Ok(Clients {
        rows: clients.len() + later.len(),
        attempts: attempts + later.len(),
        clients,
    })
}

/// One client's row, with its binding attempt if any.
fn client_row(
    rng: &mut StdRng,
    c: &YearClient,
    j: u64,
    attempt: Option<(&String, Attempt)>,
) -> String {
    let kazakh = c.program == ATLANTYS;
    let ip = rng.random_bool(0.2);
    let name = match rng.random_range(0..100) {
        0..15 => String::new(),
        _ if ip => format!("ИП {}", names::person(rng, kazakh)),
        _ => names::company(rng, if kazakh { "ТОО" } else { "ООО" }).0,
    };
    let inn = match (rng.random_bool(0.6), kazakh, ip) {
        (false, _, _) => String::new(),
        (true, true, _) => ids::kz_bin(2020, 1 + (j % 12) as u32, j % 100_000),
        (true, false, false) => ids::inn10(&CLIENT_OFFICES, j),
        (true, false, true) => ids::inn12(&CLIENT_OFFICES, j),
    };
    let (users, active_since) = if c.program == BITRIX24 {
        let users: u32 = if rng.random_bool(0.5) {
            rng.random_range(1..=3)
        } else {
            rng.random_range(4..=120)
        };
        let active = (users > 3)
            .then(|| {
                date_between(
                    rng,
                    c.registered + Days::new(32),
                    c.registered + Days::new(90),
                )
            })
            .filter(|d| *d <= last_day());
        (
            users.to_string(),
            active.map_or_else(String::new, |d| show_date(rng, d)),
        )
    } else {
        (String::new(), String::new())
    };
    let promo_ends = if c.program == TELE2 && rng.random_bool(0.7) {
        show_date(rng, c.registered + Days::new(30))
    } else {
        String::new()
    };
    let (code, channel, bound_at) = match attempt {
        Some((code, a)) => (code.as_str(), a.channel, show_date(rng, a.at)),
        None => ("", "", String::new()),
    };
    let fields: [&str; 11] = [
        &c.id(),
        PROGRAMS[c.program],
        &name,
        &inn,
        &c.registered.to_string(),
        code,
        channel,
        &bound_at,
        &users,
        &active_since,
        &promo_ends,
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}
