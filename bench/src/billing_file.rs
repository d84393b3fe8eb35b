//! Generating the year's billing in one streaming pass: `billing.csv` (every row, English
//! headers and values, as a billing system exports them) and `billing.xlsx` (the first
//! rows of the same year, Russian headers and values, real date and number cells, written
//! in rust_xlsxwriter's constant-memory mode).
//!
//! Rows are in date order, a few thousand a day (fewer at weekends and on the New Year
//! holidays, more in the first days of a month). A client registered during the year
//! pays first within a week of registering; every other payment is by a client picked at
//! random among those registered by then. About 2 % of the rows are refunds of an earlier
//! payment of the same program (full or partial, never more than was paid, each payment
//! refunded at most once). Memory stays flat: the clients (a few bytes each) and a bounded
//! pool of recent payments that may be refunded.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rand::rngs::StdRng;
use rand::Rng;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use crate::names::csv_field;
use crate::partners_file::{date_between, Issued, ATLANTYS, BITRIX24, PROGRAMS, QUANTOWER, TELE2};
use crate::year::{first_day, last_day, YearClient};

/// The columns of the Billing table (FORMATS.md), in English and in Russian.
pub const HEADER: [&str; 14] = [
    "payment_id",
    "program",
    "date",
    "client_id",
    "amount",
    "list_price",
    "currency",
    "category",
    "direct",
    "type",
    "refund_of",
    "promo_code",
    "promotion",
    "product",
];
const HEADER_RU: [&str; 14] = [
    "ID платежа",
    "Программа",
    "Дата оплаты",
    "ID клиента",
    "Сумма",
    "Цена без скидки",
    "Валюта",
    "Категория",
    "Прямая оплата",
    "Тип операции",
    "Возврат платежа",
    "Промокод",
    "Акция",
    "Продукт",
];

/// Each program's currency (indexed like [`PROGRAMS`]).
pub const CURRENCY: [&str; 5] = ["RUB", "KZT", "USD", "RUB", "RUB"];

/// Share of rows that are refunds.
const REFUND_SHARE: f64 = 0.02;
/// Payments kept per program as candidates for a refund (the oldest give way at random).
const POOL: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Tariff,
    Sms,
    Other,
}

impl Category {
    fn en(self) -> &'static str {
        match self {
            Category::Tariff => "tariff",
            Category::Sms => "sms",
            Category::Other => "other",
        }
    }

    fn ru(self) -> &'static str {
        match self {
            Category::Tariff => "тариф",
            Category::Sms => "смс",
            Category::Other => "прочее",
        }
    }
}

/// A tariff a client subscribes to: its name, the monthly (atlantys: 3-month) list price
/// in minor units (tele2-ats: per user), and how many clients choose it.
struct Tariff {
    name: &'static str,
    price: i64,
    weight: u32,
}

const fn tariff(name: &'static str, price: i64, weight: u32) -> Tariff {
    Tariff {
        name,
        price,
        weight,
    }
}

const TARIFFS: [&[Tariff]; 5] = [
    &[
        tariff("Базовый", 249_000, 35),
        tariff("Стандартный", 699_000, 35),
        tariff("Профессиональный", 1_399_000, 22),
        tariff("Энтерпрайз", 3_399_000, 8),
    ],
    &[
        tariff("Пакет «Старт», 3 мес.", 10_000_000, 50),
        tariff("Пакет «Бизнес», 3 мес.", 20_000_000, 35),
        tariff("Пакет «Про», 3 мес.", 30_000_000, 15),
    ],
    &[
        tariff("All-in-One, monthly", 7_000, 40),
        tariff("Crypto, monthly", 5_000, 35),
        tariff("Stocks & Futures, monthly", 5_500, 25),
    ],
    &[
        tariff("Виртуальная АТС «Базовый»", 35_000, 50),
        tariff("Виртуальная АТС «Бизнес»", 55_000, 35),
        tariff("Виртуальная АТС «Максимум»", 79_000, 15),
    ],
    &[
        tariff("WiFi «Старт»", 149_000, 50),
        tariff("WiFi «Бизнес»", 399_000, 35),
        tariff("WiFi «Сеть», 5 точек", 1_299_000, 15),
    ],
];

/// Something else a client buys: its name, category, list price in minor units (0: an
/// amount of the client's choosing or usage), and weight among the program's extras.
struct Extra {
    name: &'static str,
    category: Category,
    price: i64,
    weight: u32,
}

const fn extra(name: &'static str, category: Category, price: i64, weight: u32) -> Extra {
    Extra {
        name,
        category,
        price,
        weight,
    }
}

/// Each program's extras and the share of its payments they make.
const EXTRAS: [(&[Extra], f64); 5] = [
    (
        &[
            extra("Маркет Плюс", Category::Other, 49_900, 5),
            extra("Диск +100 ГБ", Category::Other, 99_000, 3),
            extra("SMS-пакет, 500 сообщений", Category::Sms, 125_000, 4),
        ],
        0.12,
    ),
    (
        &[extra(
            "Дополнительный пользователь, 3 мес.",
            Category::Other,
            1_500_000,
            1,
        )],
        0.05,
    ),
    (
        &[
            extra("All-in-One, lifetime", Category::Tariff, 119_000, 2),
            extra("Crypto, lifetime", Category::Tariff, 59_000, 1),
            extra("Market data: CME bundle", Category::Other, 1_500, 3),
        ],
        0.08,
    ),
    (
        &[
            extra("Исходящие вызовы", Category::Other, 0, 6),
            extra("SMS-пакет, 1000 сообщений", Category::Sms, 150_000, 2),
            extra("Дополнительный номер", Category::Other, 30_000, 2),
        ],
        0.2,
    ),
    (
        &[
            extra("Пополнение баланса", Category::Other, 0, 3),
            extra("SMS-авторизации, 1000 шт.", Category::Sms, 120_000, 1),
        ],
        0.2,
    ),
];

/// One billing row.
#[derive(Debug, Clone)]
struct Line {
    program: usize,
    /// The payment's number in its program (its `payment_id` is made of it).
    serial: u64,
    date: NaiveDate,
    client: u32,
    /// Minor units; negative for a refund.
    amount: i64,
    list_price: Option<i64>,
    category: Category,
    direct: bool,
    refund_of: Option<u64>,
    /// An index into the program's issued codes.
    promo_code: Option<u32>,
    promotion: Option<&'static str>,
    product: String,
}

/// What [`write`] made.
#[derive(Debug, Default)]
pub struct Written {
    pub rows: usize,
    pub refunds: usize,
    pub partial_refunds: usize,
    pub per_program: [usize; 5],
    pub with_promo_code: usize,
    pub with_promotion: usize,
    pub indirect: usize,
    pub not_tariff: usize,
    pub xlsx_rows: usize,
    /// The date of the last row in the XLSX file.
    pub xlsx_until: Option<NaiveDate>,
}

/// The `payment_id` of a program's `serial`-th row: unique in its program.
fn payment_id(program: usize, serial: u64) -> String {
    let n = serial + 1;
    match program {
        BITRIX24 => format!("B24-{n:09}"),
        ATLANTYS => format!("ATL-PAY-{n:08}"),
        // An odd multiplier is a bijection of u64: distinct serials, distinct ids.
        QUANTOWER => format!("pi_{:016x}", n.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        TELE2 => format!("{}", 5_000_000_000 + n),
        _ => format!("CW-{n:08}"),
    }
}

/// Minor units as `1234.50`, `-75000.00`.
fn money(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// `amount` less `percent` %, rounded half-up to the minor unit.
fn less(amount: i64, percent: i64) -> i64 {
    (amount * (100 - percent) + 50) / 100
}

/// How busy a day is, relative to an ordinary weekday.
fn day_weight(d: NaiveDate) -> f64 {
    let weekday = match d.weekday() {
        Weekday::Sat => 0.5,
        Weekday::Sun => 0.4,
        _ => 1.0,
    };
    let month_start = if d.day() <= 5 { 1.4 } else { 1.0 };
    let holidays = if d.month() == 1 && d.day() <= 8 {
        0.35
    } else {
        1.0
    };
    // The programs grow over the year.
    let growth = 0.9 + 0.2 * (d - first_day()).num_days() as f64 / 365.0;
    weekday * month_start * holidays * growth
}

/// Rows per day of the year, summing to exactly `total`.
fn rows_per_day(total: usize) -> Vec<(NaiveDate, usize)> {
    let days: Vec<NaiveDate> = first_day()
        .iter_days()
        .take_while(|d| *d <= last_day())
        .collect();
    let weights: Vec<f64> = days.iter().map(|d| day_weight(*d)).collect();
    let sum: f64 = weights.iter().sum();
    let mut out = Vec::with_capacity(days.len());
    let mut cumulative = 0.0;
    let mut done = 0;
    for (i, (d, w)) in days.iter().zip(&weights).enumerate() {
        cumulative += w;
        let upto = if i + 1 == days.len() {
            total
        } else {
            ((cumulative / sum) * total as f64).round() as usize
        };
        out.push((*d, upto.saturating_sub(done)));
        done = done.max(upto);
    }
    out
}

fn weighted<T>(rng: &mut StdRng, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
    let total: u32 = items.iter().map(&weight).sum();
    let mut r = rng.random_range(0..total.max(1));
    for (i, item) in items.iter().enumerate() {
        let w = weight(item);
        if r < w {
            return i;
        }
        r -= w;
    }
    0
}

/// A promotion running on `d`, if any: its name and discount in percent.
fn promotion(program: usize, d: NaiveDate) -> (&'static str, i64) {
    match (program, d.month()) {
        (_, 11) if d.day() >= 20 => ("Чёрная пятница", 20),
        (_, 12 | 1) => ("Новогодняя распродажа", 15),
        (ATLANTYS, 3) => ("Наурыз", 10),
        (QUANTOWER, _) => ("Trader's Week", 25),
        _ => ("Весенняя скидка", 10),
    }
}

/// A payment of client `index` on `d`.
fn payment(
    rng: &mut StdRng,
    c: &mut YearClient,
    index: u32,
    d: NaiveDate,
    codes: usize,
    serial: u64,
) -> Line {
    let program = c.program;
    let tariffs = TARIFFS[program];
    let first = !c.has_paid;
    c.has_paid = true;
    let t = usize::from(
        *c.tariff
            .get_or_insert_with(|| weighted(rng, tariffs, |t| t.weight) as u8),
    );
    let tariff = &tariffs[t.min(tariffs.len() - 1)];
    let (extras, extra_share) = EXTRAS[program];
    let mut line = Line {
        program,
        serial,
        date: d,
        client: index,
        amount: tariff.price,
        list_price: None,
        category: Category::Tariff,
        direct: true,
        refund_of: None,
        promo_code: None,
        promotion: None,
        product: tariff.name.to_owned(),
    };
    if !first && rng.random_bool(extra_share) {
        let e = &extras[weighted(rng, extras, |e| e.weight)];
        line.category = e.category;
        line.product = e.name.to_owned();
        line.amount = match (program, e.price) {
            // Calls: usage, to the kopeck.
            (TELE2, 0) => rng.random_range(5_000..600_000),
            // A balance top-up, in whole hundreds.
            (_, 0) => rng.random_range(5..200) * 10_000,
            (_, price) => price,
        };
    } else {
        match program {
            BITRIX24 if rng.random_bool(0.15) => {
                // A year ahead, 20 % off the monthly price.
                line.product = format!("{}, 12 мес.", tariff.name);
                line.list_price = Some(tariff.price * 12);
                line.amount = less(tariff.price * 12, 20);
            }
            ATLANTYS => {
                if c.code_at_purchase.is_none()
                    && first
                    && c.registered >= first_day()
                    && codes > 0
                    && rng.random_bool(0.35)
                {
                    // A new client enters a partner's code at its first purchase.
                    c.code_at_purchase = Some(rng.random_range(0..codes) as u32);
                }
                if c.code_at_purchase.is_some() && rng.random_bool(0.85) {
                    line.promo_code = c.code_at_purchase;
                    line.list_price = Some(tariff.price);
                    line.amount = less(tariff.price, 25);
                }
            }
            QUANTOWER if rng.random_bool(0.25) => {
                // A coupon.
                let off = [10, 15, 20, 30][rng.random_range(0..4)];
                line.list_price = Some(tariff.price);
                line.amount = less(tariff.price, off);
            }
            TELE2 => {
                let users = 1 + (index as i64 * 7_919) % 25;
                line.product = format!("{}, {users} польз.", tariff.name);
                let full = tariff.price * users;
                line.amount = full;
                if rng.random_bool(0.12) {
                    // An invitation discount.
                    let off = [20, 40, 60, 80][rng.random_range(0..4)];
                    line.list_price = Some(full);
                    line.amount = less(full, off);
                }
            }
            _ => {}
        }
        if program == BITRIX24 && rng.random_bool(0.1) {
            // Bought through a partner, not directly from the vendor.
            line.direct = false;
        }
    }
    if program != BITRIX24 && rng.random_bool(0.02) {
        line.direct = false;
    }
    let promotion_share = if program == ATLANTYS { 0.03 } else { 0.01 };
    if rng.random_bool(promotion_share) {
        let (name, off) = promotion(program, d);
        line.list_price = Some(line.list_price.unwrap_or(line.amount));
        line.amount = less(line.amount, off);
        line.promotion = Some(name);
    }
    line.amount = line.amount.max(1);
    line.list_price = Some(line.list_price.unwrap_or(line.amount));
    line
}

/// A refund of `paid` on `d`: full (60 %) or partial, never more than was paid.
fn refund(rng: &mut StdRng, paid: &Line, d: NaiveDate, serial: u64) -> (Line, bool) {
    let partial = paid.amount > 1 && rng.random_bool(0.4);
    let amount = if partial {
        let share = rng.random_range(10..=90);
        ((paid.amount * share + 50) / 100).clamp(1, paid.amount - 1)
    } else {
        paid.amount
    };
    let line = Line {
        program: paid.program,
        serial,
        date: d,
        client: paid.client,
        amount: -amount,
        list_price: None,
        category: paid.category,
        direct: paid.direct,
        refund_of: Some(paid.serial),
        promo_code: None,
        promotion: None,
        product: paid.product.clone(),
    };
    (line, partial)
}

/// The XLSX file being written: the first `limit` rows.
struct Xlsx {
    workbook: Workbook,
    path: PathBuf,
    limit: usize,
    rows: usize,
    date: Format,
    money: Format,
}

impl Xlsx {
    fn new(path: &Path, limit: usize) -> Result<Xlsx, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet_with_constant_memory();
        sheet.set_name("Платежи")?;
        for (col, width) in [18, 11, 12, 28, 12, 14, 8, 10, 8, 10, 18, 12, 22, 36]
            .iter()
            .enumerate()
        {
            sheet.set_column_width(col as u16, *width)?;
        }
        let bold = Format::new().set_bold();
        for (col, name) in HEADER_RU.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        }
        Ok(Xlsx {
            workbook,
            path: path.to_owned(),
            limit,
            rows: 0,
            date: Format::new().set_num_format("dd.mm.yyyy"),
            money: Format::new().set_num_format("#,##0.00"),
        })
    }

    fn row(&mut self, line: &Line, client_id: &str, codes: &Issued) -> Result<(), XlsxError> {
        if self.rows >= self.limit {
            return Ok(());
        }
        self.rows += 1;
        let r = self.rows as u32;
        let sheet = self.workbook.worksheet_from_index(0)?;
        let p = line.program;
        sheet.write_string(r, 0, payment_id(p, line.serial))?;
        sheet.write_string(r, 1, PROGRAMS[p])?;
        let d = &line.date;
        let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        sheet.write_datetime_with_format(r, 2, &date, &self.date)?;
        sheet.write_string(r, 3, client_id)?;
        sheet.write_number_with_format(r, 4, line.amount as f64 / 100.0, &self.money)?;
        if let Some(list) = line.list_price {
            sheet.write_number_with_format(r, 5, list as f64 / 100.0, &self.money)?;
        }
        sheet.write_string(r, 6, CURRENCY[p])?;
        sheet.write_string(r, 7, line.category.ru())?;
        sheet.write_string(r, 8, if line.direct { "да" } else { "нет" })?;
        let kind = if line.refund_of.is_some() {
            "возврат"
        } else {
            "оплата"
        };
        sheet.write_string(r, 9, kind)?;
        if let Some(of) = line.refund_of {
            sheet.write_string(r, 10, payment_id(p, of))?;
        }
        if let Some(code) = line.promo_code {
            sheet.write_string(r, 11, &codes.codes[p][code as usize])?;
        }
        if let Some(promotion) = line.promotion {
            sheet.write_string(r, 12, promotion)?;
        }
        sheet.write_string(r, 13, &line.product)?;
        Ok(())
    }

    fn save(mut self) -> Result<usize, XlsxError> {
        self.workbook.save(&self.path)?;
        Ok(self.rows)
    }
}

/// One CSV line.
fn csv_line(line: &Line, client_id: &str, codes: &Issued) -> String {
    let p = line.program;
    let list = line.list_price.map_or_else(String::new, money);
    let refund_of = line
        .refund_of
        .map_or_else(String::new, |of| payment_id(p, of));
    let code = line
        .promo_code
        .map_or("", |c| codes.codes[p][c as usize].as_str());
    let fields: [&str; 14] = [
        &payment_id(p, line.serial),
        PROGRAMS[p],
        &line.date.to_string(),
        client_id,
        &money(line.amount),
        &list,
        CURRENCY[p],
        line.category.en(),
        if line.direct { "yes" } else { "no" },
        if line.refund_of.is_some() {
            "refund"
        } else {
            "payment"
        },
        &refund_of,
        code,
        line.promotion.unwrap_or(""),
        &line.product,
    ];
    fields.map(csv_field).join(",")
}

/// Writes `total` billing rows of `clients` (sorted by registration) to `csv`, the first
/// `xlsx_rows` of them also to `xlsx`.
pub fn write(
    csv: &Path,
    xlsx: &Path,
    xlsx_rows: usize,
    total: usize,
    clients: &mut [YearClient],
    issued: &Issued,
    rng: &mut StdRng,
) -> Result<Written, Box<dyn Error>> {
    if clients.is_empty() {
        return Err("no clients to bill".into());
    }
    let mut out = BufWriter::with_capacity(1 << 20, File::create(csv)?);
    writeln!(out, "{}", HEADER.join(","))?;
    let mut sheet = Some(Xlsx::new(xlsx, xlsx_rows)?);
    let mut written = Written::default();
    let mut serials = [0u64; 5];
    let mut pool: [Vec<Line>; 5] = Default::default();
    let mut today: Vec<Line> = Vec::new();
    // Clients registered by the day being written: a prefix of `clients`.
    let mut registered = 0;
    let mut first_payments: BinaryHeap<Reverse<(NaiveDate, u32)>> = BinaryHeap::new();

    for (d, rows) in rows_per_day(total) {
        while registered < clients.len() && clients[registered].registered <= d {
            let c = &clients[registered];
            if c.registered >= first_day() && rng.random_bool(0.85) {
                let due = date_between(rng, d, d + Days::new(7));
                first_payments.push(Reverse((due, registered as u32)));
            }
            registered += 1;
        }
        for _ in 0..rows {
            let pick = rng.random_range(0..registered.max(1)) as u32;
            let program = clients[pick as usize].program;
            let line = if rng.random_bool(REFUND_SHARE) && !pool[program].is_empty() {
                let at = rng.random_range(0..pool[program].len());
                let paid = pool[program].swap_remove(at);
                let (line, partial) = refund(rng, &paid, d, serials[program]);
                written.refunds += 1;
                written.partial_refunds += usize::from(partial);
                line
            } else {
                let index = match first_payments.peek() {
                    Some(Reverse((due, c))) if *due <= d => {
                        let c = *c;
                        first_payments.pop();
                        c
                    }
                    _ => pick,
                };
                let c = &mut clients[index as usize];
                let codes = issued.codes[c.program].len();
                let line = payment(rng, c, index, d, codes, serials[c.program]);
                today.push(line.clone());
                line
            };
            serials[line.program] += 1;
            let client_id = clients[line.client as usize].id();
            writeln!(out, "{}", csv_line(&line, &client_id, issued))?;
            if let Some(x) = sheet.as_mut() {
                x.row(&line, &client_id, issued)?;
                if x.rows == x.limit {
                    written.xlsx_until = Some(d);
                    if let Some(x) = sheet.take() {
                        written.xlsx_rows = x.save()?;
                    }
                }
            }
            written.rows += 1;
            written.per_program[line.program] += 1;
            written.with_promo_code += usize::from(line.promo_code.is_some());
            written.with_promotion += usize::from(line.promotion.is_some());
            written.indirect += usize::from(!line.direct);
            written.not_tariff += usize::from(line.category != Category::Tariff);
        }
        // Today's payments may be refunded from tomorrow on.
        for line in today.drain(..) {
            let p = &mut pool[line.program];
            if p.len() < POOL {
                p.push(line);
            } else {
                let at = rng.random_range(0..POOL);
                p[at] = line;
            }
        }
    }
    out.flush()?;
    if let Some(x) = sheet.take() {
        written.xlsx_until = Some(last_day());
        written.xlsx_rows = x.save()?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_two_decimals() {
        assert_eq!(money(0), "0.00");
        assert_eq!(money(7_500_000), "75000.00");
        assert_eq!(money(-5), "-0.05");
        assert_eq!(money(-123_456), "-1234.56");
    }

    #[test]
    fn rows_per_day_sum_to_the_total() {
        for total in [1, 10_000, 1_000_000] {
            let days = rows_per_day(total);
            assert_eq!(days.len(), 365);
            assert_eq!(days.iter().map(|(_, n)| n).sum::<usize>(), total);
        }
    }

    #[test]
    fn payment_ids_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in 0..5 {
            for serial in 0..10_000 {
                assert!(seen.insert(payment_id(p, serial)));
            }
        }
    }
}

#[cfg(test)]
mod year_tests {
    use std::collections::{HashMap, HashSet};

    use partnerbook_core::import::table::{open_table, Cell};
    use rand::SeedableRng;

    use super::*;
    use crate::{partners_file, year};

    fn text(cell: Option<&Cell>) -> String {
        cell.map(ToString::to_string).unwrap_or_default()
    }

    fn minor(text: &str) -> i64 {
        let (whole, cents) = text.split_once('.').unwrap_or((text, "00"));
        assert_eq!(cents.len(), 2, "{text}");
        let sign = if whole.starts_with('-') { -1 } else { 1 };
        let whole: i64 = whole.trim_start_matches('-').parse().expect("digits");
        sign * (whole * 100 + cents.parse::<i64>().expect("digits"))
    }

    /// Rows in date order; ids unique per program; the program's currency; every refund
    /// of an earlier payment of the same program and client, at most what was paid, once.
    #[test]
    fn a_small_year_keeps_its_invariants() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut rng = StdRng::seed_from_u64(7);
        let issued = partners_file::write(&dir.path().join("p.csv"), 200, &mut rng).expect("p");
        let mut clients = year::write(&dir.path().join("c.csv"), 3_000, &issued, &mut rng)
            .expect("clients")
            .clients;
        let csv = dir.path().join("b.csv");
        let xlsx = dir.path().join("b.xlsx");
        let w = write(&csv, &xlsx, 1_000, 20_000, &mut clients, &issued, &mut rng).expect("b");
        assert_eq!((w.rows, w.xlsx_rows), (20_000, 1_000));
        assert!(w.refunds > 200 && w.refunds < 600, "{}", w.refunds);

        let mut paid: HashMap<(String, String), (String, String, i64)> = HashMap::new();
        let mut refunded = HashSet::new();
        let mut last = String::new();
        let mut rows = 0;
        for row in open_table(&csv, None).expect("the CSV") {
            let cells = row.expect("a row").cells;
            let c = |i: usize| text(cells.get(i));
            let (program, date, client, amount) = (c(1), c(2), c(3), minor(&c(4)));
            let p = PROGRAMS
                .iter()
                .position(|p| *p == program)
                .expect("a program");
            assert_eq!(c(6), CURRENCY[p]);
            assert!(date >= last, "{date} after {last}");
            last.clone_from(&date);
            let key = (program.clone(), c(0));
            assert!(!paid.contains_key(&key), "{key:?} twice");
            if c(9) == "refund" {
                let of = (program, c(10));
                let (when, whose, how_much) = paid.get(&of).expect("the refunded payment");
                assert!(*when < date && *whose == client);
                assert!(amount < 0 && -amount <= *how_much);
                assert!(refunded.insert(of), "refunded twice");
                paid.insert(key, (date, client, 0));
            } else {
                assert_eq!(c(9), "payment");
                assert!(amount > 0 && minor(&c(5)) >= amount);
                paid.insert(key, (date, client, amount));
            }
            rows += 1;
        }
        assert_eq!(rows, 20_000);
        assert_eq!(open_table(&xlsx, None).expect("the XLSX").count(), 1_000);
    }
}
