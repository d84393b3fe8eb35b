//! Generating `partners.csv`: partners of the five programs with valid identifiers and an
//! explicit code each, unique in its program.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;

use crate::ids::{self, PARTNER_OFFICES};
use crate::names::{self, csv_field, pick};

pub const PROGRAMS: [&str; 5] = ["bitrix24", "atlantys", "quantower", "tele2-ats", "ciawifi"];
pub const BITRIX24: usize = 0;
pub const ATLANTYS: usize = 1;
pub const QUANTOWER: usize = 2;
pub const TELE2: usize = 3;
pub const CIAWIFI: usize = 4;

/// Only 90 000 five-digit codes exist; a realistic program uses a fraction of them.
pub const CIAWIFI_MAX: usize = 20_000;

pub const HEADER: &str = "partner_id,program,name,kind,inn,kpp,ogrn,vat_payer,vat_rate,code,rate,\
contract_no,contract_date,registered,status,bik,account,address,signer,signer_position,email,edo_id";

/// The codes issued in each program (indexed like [`PROGRAMS`]), for the clients file.
pub struct Issued {
    pub codes: [Vec<String>; 5],
}

/// How many partners each program gets out of `total`.
pub fn program_counts(total: usize) -> [usize; 5] {
    let share = |percent: usize| total * percent / 100;
    let ciawifi = share(15).min(CIAWIFI_MAX);
    let atlantys = share(10);
    let quantower = share(15);
    let tele2 = share(20);
    let bitrix24 = total - ciawifi - atlantys - quantower - tele2;
    [bitrix24, atlantys, quantower, tele2, ciawifi]
}

const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// The `serial`-th code of an alphabet of 2^`bits` letters, `len` long: a bijection of the
/// serial (odd multiplier modulo a power of two), so codes are unique and look random.
fn spread(serial: u64, len: u32, bits: u32, alphabet: &[u8], salt: u64) -> String {
    let mask = (1u64 << (len * bits)) - 1;
    let mut x = serial
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt)
        & mask;
    let mut code = Vec::with_capacity(len as usize);
    for _ in 0..len {
        code.push(alphabet[(x & ((1 << bits) - 1)) as usize]);
        x >>= bits;
    }
    String::from_utf8(code).unwrap_or_default()
}

/// The code of the `serial`-th partner of `program`, in that program's format.
pub fn code(program: usize, serial: u64) -> String {
    match program {
        BITRIX24 => spread(serial, 8, 5, ALNUM, 0x51),
        ATLANTYS => spread(serial, 6, 5, ALNUM, 0x2A7),
        QUANTOWER => spread(serial, 8, 5, ALNUM, 0xC0FFEE),
        TELE2 => spread(serial, 9, 4, b"0123456789abcdef", 0x7E1E2),
        // 7919 is prime to 90 000: serials below 90 000 give distinct codes.
        _ => (10_000 + (serial * 7_919 + 12_345) % 90_000).to_string(),
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A day from `from` to `to`, both included.
pub fn date_between(rng: &mut StdRng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Days::new(rng.random_range(0..=span))
}

/// `YYYY-MM-DD` mostly, `DD.MM.YYYY` now and then, as people type them.
pub fn show_date(rng: &mut StdRng, d: NaiveDate) -> String {
    if rng.random_bool(0.2) {
        d.format("%d.%m.%Y").to_string()
    } else {
        d.to_string()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ooo,
    Ip,
    Person,
    Foreign,
}

fn kind_for(rng: &mut StdRng, program: usize) -> Kind {
    let r: f64 = rng.random();
    let split = |ooo: f64, ip: f64, person: f64| {
        if r < ooo {
            Kind::Ooo
        } else if r < ooo + ip {
            Kind::Ip
        } else if r < ooo + ip + person {
            Kind::Person
        } else {
            Kind::Foreign
        }
    };
    match program {
        BITRIX24 => split(0.7, 0.3, 0.0),
        ATLANTYS => split(0.6, 0.25, 0.15),
        QUANTOWER => split(0.45, 0.25, 0.2),
        TELE2 => split(0.6, 0.4, 0.0),
        _ => split(0.65, 0.35, 0.0),
    }
}

/// Writes `total` partners to `path`; gives the codes issued per program.
pub fn write(path: &Path, total: usize, rng: &mut StdRng) -> io::Result<Issued> {
    let counts = program_counts(total);
    let mut order: Vec<usize> = (0..5)
        .flat_map(|p| std::iter::repeat_n(p, counts[p]))
        .collect();
    order.shuffle(rng);
    let mut issued = Issued {
        codes: Default::default(),
    };
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    writeln!(out, "{HEADER}")?;
    for (i, &program) in order.iter().enumerate() {
        let serial = issued.codes[program].len() as u64;
        let code = code(program, serial);
        let line = row(rng, i as u64, program, &code);
        writeln!(out, "{line}")?;
        issued.codes[program].push(code);
    }
    out.flush()?;
    Ok(issued)
}

/// One partner's line.
fn row(rng: &mut StdRng, i: u64, program: usize, code: &str) -> String {
    let kazakh = program == ATLANTYS;
    let kind = kind_for(rng, program);
    let registered = date_between(rng, day(2019, 1, 1), day(2026, 10, 31));
    let year = registered.year();
    let region = PARTNER_OFFICES[(i % PARTNER_OFFICES.len() as u64) as usize] / 100;
    let (name, latin) = match (kind, kazakh) {
        (Kind::Ooo, true) => names::company(rng, "ТОО"),
        (Kind::Ooo, false) => {
            let form = *pick(rng, &["ООО", "ООО", "ООО", "АО"]);
            names::company(rng, form)
        }
        (Kind::Ip, _) => (format!("ИП {}", names::person(rng, kazakh)), "ip".into()),
        (Kind::Person, _) => (names::person(rng, kazakh), "mail".into()),
        (Kind::Foreign, _) => {
            let (_, latin) = pick(rng, &names::ROOTS);
            (format!("{latin} Trading Ltd"), (*latin).to_owned())
        }
    };
    let (inn, kpp, ogrn) = match (kind, kazakh) {
        (Kind::Foreign, _) => (String::new(), String::new(), String::new()),
        (Kind::Ooo, true) => (
            ids::kz_bin(year, 1 + (i % 12) as u32, i),
            String::new(),
            String::new(),
        ),
        (_, true) => {
            let born = date_between(rng, day(1960, 1, 1), day(2000, 12, 31));
            (
                ids::kz_iin(born, rng.random_bool(0.5), i),
                String::new(),
                String::new(),
            )
        }
        (Kind::Ooo, false) => {
            let inn = ids::inn10(&PARTNER_OFFICES, i);
            let kpp = ids::kpp(&inn);
            (inn, kpp, ids::ogrn(year, region, i))
        }
        (Kind::Ip, false) => (
            ids::inn12(&PARTNER_OFFICES, i),
            String::new(),
            ids::ogrnip(year, region, i),
        ),
        (Kind::Person, false) => (
            ids::inn12(&PARTNER_OFFICES, i),
            String::new(),
            String::new(),
        ),
    };
    let (vat_payer, vat_rate) = match (kind, kazakh) {
        (_, true) | (Kind::Foreign | Kind::Person, _) => ("", ""),
        (Kind::Ooo, false) if rng.random_bool(0.35) => ("да", "22"),
        (Kind::Ip, false) if rng.random_bool(0.05) => ("да", "5"),
        _ => ("нет", ""),
    };
    let rate = match program {
        CIAWIFI => *pick(rng, &["10", "12,5", "15", "20"]),
        QUANTOWER if rng.random_bool(0.1) => "30",
        _ => "",
    };
    let (contract_no, contract_date) = if rng.random_bool(0.75) {
        let signed =
            date_between(rng, registered, registered + Days::new(30)).min(day(2026, 11, 20));
        (
            format!("ПД-{year}/{:05}", i % 100_000),
            show_date(rng, signed),
        )
    } else {
        (String::new(), String::new())
    };
    let status = match rng.random_range(0..100) {
        0..90 => "active",
        90..94 => "suspended",
        94..99 => "terminated",
        _ => "disqualified",
    };
    let russian_business = !kazakh && matches!(kind, Kind::Ooo | Kind::Ip);
    let (bik, account) = if russian_business && rng.random_bool(0.6) {
        ids::bank_account(kind == Kind::Ip, i)
    } else {
        (String::new(), String::new())
    };
    let address = if rng.random_bool(0.9) {
        names::address(rng, kazakh)
    } else {
        String::new()
    };
    let (signer, position) = match kind {
        Kind::Ooo => (
            names::person(rng, kazakh),
            *pick(rng, &["Генеральный директор", "Директор"]),
        ),
        Kind::Ip => (
            name.trim_start_matches("ИП ").to_owned(),
            "Индивидуальный предприниматель",
        ),
        _ => (String::new(), ""),
    };
    let email = if rng.random_bool(0.8) {
        format!("info@{latin}-{}.ru", rng.random_range(1..1000))
    } else {
        String::new()
    };
    let edo_id = if russian_business && rng.random_bool(0.4) {
        format!("2BM-{inn}-{kpp}{:016x}", rng.random::<u64>())
    } else {
        String::new()
    };
    let fields: [&str; 22] = [
        &format!("P-{:06}", i + 1),
        PROGRAMS[program],
        &name,
        match kind {
            Kind::Ooo => "ooo",
            Kind::Ip => "ip",
            Kind::Person => "person",
            Kind::Foreign => "foreign",
        },
        &inn,
        &kpp,
        &ogrn,
        vat_payer,
        vat_rate,
        code,
        rate,
        &contract_no,
        &contract_date,
        &show_date(rng, registered),
        status,
        &bik,
        &account,
        &address,
        &signer,
        position,
        &email,
        &edo_id,
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}
