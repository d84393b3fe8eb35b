//! The payout register's two files: the XLSX people read (checked by reading it back with
//! calamine, in `payout_register_cases/xlsx.rs`) and the 1CClientBankExchange file the bank
//! imports (checked by decoding it, in `payout_register_cases/bank_file.rs`). Here: the
//! registers they are made from.

mod payout_register_cases;

use chrono::{NaiveDate, NaiveDateTime};
use partnerbook_core::documents::{sample, PayoutRegister, Vat};
use partnerbook_core::ids::{check_account, check_bik, check_inn, check_kpp};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

pub(crate) fn money(text: &str) -> Decimal {
    text.parse().expect("an amount")
}

pub(crate) fn created_at() -> NaiveDateTime {
    day(2026, 12, 1).and_hms_opt(10, 15, 0).expect("a time")
}

/// The sample, with a RUB line already paid and an unpaid KZT line added: neither goes to
/// the bank.
pub(crate) fn register_with_paid_and_kzt() -> PayoutRegister {
    let mut register = sample::register();
    let mut paid = register.lines[0].clone();
    paid.act_number = "2026-0004".into();
    paid.amount = money("777.00");
    paid.paid = Some(day(2026, 11, 20));
    let mut kzt = register.lines[0].clone();
    kzt.partner_id = "K-1".into();
    kzt.act_number = "2026-0009".into();
    kzt.amount = money("150000.00");
    kzt.currency = "KZT".into();
    register.lines[1].vat = Some(Vat {
        rate: Decimal::from(22),
        amount: money("2226.26"),
    });
    register.lines.push(paid);
    register.lines.push(kzt);
    register
}

/// 300 lines of the sample's partners with random amounts (a fixed seed), in RUB, KZT and
/// USD, some paid.
pub(crate) fn generated_register(lines: usize) -> PayoutRegister {
    let mut rng = StdRng::seed_from_u64(20_261_130);
    let mut register = sample::register();
    let templates = register.lines.clone();
    register.lines = (0..lines)
        .map(|index| {
            let mut line = templates[index % 2].clone();
            line.partner_id = format!("G-{index}");
            line.act_number = format!("2026-{:04}", 100 + index);
            line.amount = Decimal::new(rng.random_range(1..=100_000_000_i64), 2);
            line.currency = ["RUB", "RUB", "KZT", "USD"][rng.random_range(0..4_usize)].into();
            if rng.random_bool(0.2) {
                line.paid = Some(day(2026, 11, 25));
            }
            line
        })
        .collect();
    register
}

// ---------------------------------------------------------------- the sample's requisites

#[test]
fn the_samples_requisites_pass_their_checks() {
    let register = sample::register();
    let vendor = &register.vendor;
    let parties = std::iter::once((
        vendor.inn.clone(),
        vendor.kpp.clone(),
        vendor.bik.clone(),
        vendor.account.clone(),
    ))
    .chain(register.lines.iter().map(|l| {
        (
            l.inn.clone(),
            l.kpp.clone(),
            l.bik.clone(),
            l.account.clone(),
        )
    }));
    for (inn, kpp, bik, account) in parties {
        let inn = inn.expect("ИНН");
        let bik = bik.expect("БИК");
        let account = account.expect("account");
        assert_eq!(check_inn(&inn), Ok(()), "{inn}");
        if let Some(kpp) = kpp {
            assert_eq!(check_kpp(&kpp), Ok(()), "{kpp}");
        }
        assert_eq!(check_bik(&bik), Ok(()), "{bik}");
        assert_eq!(check_account(&bik, &account), Ok(()), "{bik} {account}");
    }
}
