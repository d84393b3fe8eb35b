//! Generating `clients.csv`: one row per client; about 70 % carry a binding event through
//! a channel their program accepts on that date, the rest no code at all.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::rngs::StdRng;
use rand::Rng;

use crate::ids::{self, CLIENT_OFFICES};
use crate::names::{self, csv_field};
use crate::partners_file::{
    date_between, day, show_date, Issued, ATLANTYS, BITRIX24, CIAWIFI, PROGRAMS, QUANTOWER, TELE2,
};

const HEADER: &str = "client_id,program,name,inn,registered,partner_code,channel,bound_at";

/// Share of each program's clients, in percent (indexed like [`PROGRAMS`]).
const CLIENT_SHARE: [u32; 5] = [40, 10, 15, 20, 15];

/// Share of rows that carry a binding event.
const BOUND_SHARE: f64 = 0.7;

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

pub fn client_id(program: usize, serial: u64) -> String {
    match program {
        BITRIX24 => format!("portal{serial:07}.bitrix24.ru"),
        ATLANTYS => format!("ATL-{serial:08}"),
        QUANTOWER => format!("QT-{serial:08}"),
        TELE2 => format!("7{}", 9_160_000_000 + serial),
        _ => format!("cw-{serial:07}"),
    }
}

/// A partner's code, a few partners bringing most clients (as in life).
fn partner_code<'a>(rng: &mut StdRng, codes: &'a [String]) -> &'a str {
    &codes[partner_code_index(rng, codes.len())]
}

/// The index of a partner's code among `codes` (not 0) issued ones, a few partners
/// bringing most clients.
pub fn partner_code_index(rng: &mut StdRng, codes: usize) -> usize {
    let u: f64 = rng.random();
    let index = ((u.powf(2.5)) * codes as f64) as usize;
    index.min(codes - 1)
}

/// The channel and date of a binding the program accepts for a client registered on
/// `registered`.
fn binding(rng: &mut StdRng, program: usize, registered: NaiveDate) -> (&'static str, NaiveDate) {
    match program {
        // Until 2026 a link binds at registration, a promo code any time later.
        BITRIX24 if rng.random_bool(0.6) => ("link", registered),
        BITRIX24 => {
            let later = date_between(rng, registered, registered + Days::new(45));
            ("promo", later.min(day(2025, 12, 31)))
        }
        ATLANTYS if rng.random_bool(0.8) => ("promo", registered),
        ATLANTYS | QUANTOWER | CIAWIFI => ("link", registered),
        // An invitation code can be entered within a month of registration.
        _ => (
            "invite",
            date_between(rng, registered, registered + Days::new(28)),
        ),
    }
}

/// Writes `total` clients of the partners in `issued` to `path`.
pub fn write(path: &Path, total: usize, issued: &Issued, rng: &mut StdRng) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{HEADER}")?;
    let mut serials = [0u64; 5];
    for j in 0..total as u64 {
        let program = program_of(rng);
        let serial = serials[program];
        serials[program] += 1;
        let kazakh = program == ATLANTYS;
        let registered = if program == BITRIX24 {
            date_between(rng, day(2023, 1, 1), day(2025, 12, 31))
        } else {
            date_between(rng, day(2024, 1, 1), day(2026, 10, 31))
        };
        let ip = rng.random_bool(0.2);
        let name = match rng.random_range(0..100) {
            0..15 => String::new(),
            _ if ip => format!("ИП {}", names::person(rng, kazakh)),
            _ => {
                let form = if kazakh { "ТОО" } else { "ООО" };
                names::company(rng, form).0
            }
        };
        let inn = match (rng.random_bool(0.6), kazakh, ip) {
            (false, _, _) => String::new(),
            (true, true, _) => ids::kz_bin(2020, 1 + (j % 12) as u32, j % 100_000),
            (true, false, false) => ids::inn10(&CLIENT_OFFICES, j),
            (true, false, true) => ids::inn12(&CLIENT_OFFICES, j),
        };
        let codes = &issued.codes[program];
        let (code, channel, bound_at) = if !codes.is_empty() && rng.random_bool(BOUND_SHARE) {
            let code = partner_code(rng, codes);
            let (channel, at) = binding(rng, program, registered);
            (code, channel, show_date(rng, at))
        } else {
            ("", "", String::new())
        };
        let fields: [&str; 8] = [
            &client_id(program, serial),
            PROGRAMS[program],
            &name,
            &inn,
            &show_date(rng, registered),
            code,
            channel,
            &bound_at,
        ];
        let line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>();
        writeln!(out, "{}", line.join(","))?;
    }
    out.flush()?;
    Ok(())
}
