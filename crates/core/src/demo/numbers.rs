//! Valid-looking requisites: ИНН, КПП, ОГРН/ОГРНИП, settlement accounts, Kazakhstan
//! ИИН/БИН. The check digits are computed with the algorithms `crate::ids` verifies.

use chrono::{Datelike, NaiveDate};

use super::dice::Dice;

const INN10_WEIGHTS: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11TH: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12TH: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const KZ_FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const KZ_SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The banks the demo's partners keep their accounts at: Сбербанк (Москва) and
/// Райффайзенбанк.
pub(super) const BIKS: [&str; 2] = ["044525225", "044525700"];

fn weighted_sum(weights: &[u32], digits: &[u8]) -> u32 {
    weights
        .iter()
        .zip(digits)
        .map(|(w, d)| w * u32::from(*d))
        .sum()
}

/// The last decimal digit of `n`.
fn last_digit(n: u64) -> u8 {
    u8::try_from(n % 10).unwrap_or(0)
}

fn text(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// The digits of `value`, ignoring anything else.
fn digits_of(value: &str) -> Vec<u8> {
    value
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

fn as_number(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |n, d| n * 10 + u64::from(*d))
}

/// Two digits of a year or a month.
fn two(n: u32) -> [u8; 2] {
    [last_digit(u64::from(n / 10)), last_digit(u64::from(n))]
}

fn year2(day: NaiveDate) -> [u8; 2] {
    two(u32::try_from(day.year().rem_euclid(100)).unwrap_or(0))
}

/// (Σ weight × digit) mod 11 mod 10, the ИНН check digit.
fn inn_check(weights: &[u32], digits: &[u8]) -> u8 {
    last_digit(u64::from(weighted_sum(weights, digits) % 11))
}

/// An organisation's 10-digit ИНН issued by the tax office `office` (4 digits).
pub(super) fn inn_legal(dice: &mut Dice, office: &str) -> String {
    let mut d: Vec<u8> = digits_of(office).into_iter().take(4).collect();
    d.resize(4, 0);
    d.extend(dice.digits(5));
    d.push(inn_check(&INN10_WEIGHTS, &d));
    text(&d)
}

/// A person's or an ИП's 12-digit ИНН issued by the tax office `office`.
pub(super) fn inn_person(dice: &mut Dice, office: &str) -> String {
    let mut d: Vec<u8> = digits_of(office).into_iter().take(4).collect();
    d.resize(4, 0);
    d.extend(dice.digits(6));
    d.push(inn_check(&INN12_WEIGHTS_11TH, &d));
    d.push(inn_check(&INN12_WEIGHTS_12TH, &d));
    text(&d)
}

/// The КПП of an organisation at the office that issued its ИНН: reason 01, number 001.
pub(super) fn kpp(inn: &str) -> String {
    format!("{}01001", inn.get(..4).unwrap_or("7700"))
}

/// ОГРН of an organisation registered on `registered` by the office `office` (its region is
/// the office's first two digits): 1, year, region, office, number, check digit.
pub(super) fn ogrn(dice: &mut Dice, registered: NaiveDate, office: &str) -> String {
    let office = digits_of(office);
    let mut d = vec![1];
    d.extend(year2(registered));
    d.extend(office.iter().take(4));
    d.resize(7, 0);
    d.extend(dice.digits(5));
    d.push(last_digit(as_number(&d) % 11));
    text(&d)
}

/// ОГРНИП of an ИП: 3, year, region, number, check digit (the first 14 mod 13).
pub(super) fn ogrnip(dice: &mut Dice, registered: NaiveDate, office: &str) -> String {
    let mut d = vec![3];
    d.extend(year2(registered));
    d.extend(digits_of(office).iter().take(2));
    d.resize(5, 0);
    d.extend(dice.digits(9));
    d.push(last_digit(as_number(&d) % 13));
    text(&d)
}

/// A settlement account at the bank `bik`: `first5` (40702 for an organisation, 40802
/// for an ИП), roubles (810), the control key, the branch and the number. The key makes
/// Σ (bank number ++ account) × 7, 1, 3, … ≡ 0 (mod 10).
pub(super) fn account(dice: &mut Dice, bik: &str, first5: &str) -> String {
    let bank: Vec<u8> = match digits_of(bik).as_slice() {
        [_, _, _, _, d5, d6, 0, 0, 0..=2] => vec![0, *d5, *d6],
        [.., a, b, c] => vec![*a, *b, *c],
        _ => vec![0, 0, 0],
    };
    let mut acc = digits_of(first5);
    acc.resize(5, 0);
    acc.extend([8, 1, 0, 0]);
    acc.extend(dice.digits(11));
    let all: Vec<u8> = bank.iter().chain(&acc).copied().collect();
    let weights: Vec<u32> = (0..all.len()).map(|i| [7, 1, 3][i % 3]).collect();
    let rest = weighted_sum(&weights, &all) % 10;
    // The key (index 8 of the account, 11 of the whole) has weight 3; 3 × 7 ≡ 1 (mod 10).
    let key = (10 - rest) % 10 * 7 % 10;
    if let Some(slot) = acc.get_mut(8) {
        *slot = last_digit(u64::from(key));
    }
    text(&acc)
}

/// The Kazakh check digit of the first 11 digits, or `None` when no number exists.
fn kz_check(d: &[u8]) -> Option<u8> {
    [&KZ_FIRST_WEIGHTS, &KZ_SECOND_WEIGHTS]
        .iter()
        .map(|w| weighted_sum(&w[..], d) % 11)
        .find(|rest| *rest != 10)
        .map(|rest| last_digit(u64::from(rest)))
}

/// `head` followed by random digits up to 11 and the check digit; drawn again in the
/// rare case no check digit exists.
fn kz_number(dice: &mut Dice, head: &[u8]) -> String {
    loop {
        let mut d = head.to_vec();
        let rest = 11usize.saturating_sub(d.len());
        d.extend(dice.digits(rest));
        if let Some(check) = kz_check(&d) {
            d.push(check);
            return text(&d);
        }
    }
}

/// ИИН of a person born on `born`: date, century-and-sex digit, serial, check digit.
pub(super) fn kz_iin(dice: &mut Dice, born: NaiveDate, female: bool) -> String {
    let century = match (born.year() >= 2000, female) {
        (false, false) => 3,
        (false, true) => 4,
        (true, false) => 5,
        (true, true) => 6,
    };
    let mut head = year2(born).to_vec();
    head.extend(two(born.month()));
    head.extend(two(born.day()));
    head.push(century);
    kz_number(dice, &head)
}

/// БИН of a resident legal entity registered in the month of `registered`.
pub(super) fn kz_bin(dice: &mut Dice, registered: NaiveDate) -> String {
    let mut head = year2(registered).to_vec();
    head.extend(two(registered.month()));
    head.extend([4, 0]);
    kz_number(dice, &head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn every_generated_number_passes_the_books_checks() {
        let mut dice = Dice::new(7);
        for i in 0..2000 {
            let office = ["7701", "7842", "6658", "5406", "1655", "0274"][i % 6];
            let inn = inn_legal(&mut dice, office);
            assert_eq!(ids::check_inn_legal(&inn), Ok(()), "{inn}");
            assert!(inn.starts_with(office));
            assert_eq!(ids::check_kpp(&kpp(&inn)), Ok(()));
            let inn12 = inn_person(&mut dice, office);
            assert_eq!(ids::check_inn_person(&inn12), Ok(()), "{inn12}");
            let registered = day(1995 + (i % 30) as i32, 3, 14);
            let o = ogrn(&mut dice, registered, office);
            assert_eq!((o.len(), ids::check_ogrn(&o)), (13, Ok(())), "{o}");
            let o = ogrnip(&mut dice, registered, office);
            assert_eq!((o.len(), ids::check_ogrn(&o)), (15, Ok(())), "{o}");
            for bik in BIKS {
                for first5 in ["40702", "40802"] {
                    let acc = account(&mut dice, bik, first5);
                    assert_eq!(ids::check_account(bik, &acc), Ok(()), "{bik} {acc}");
                    assert!(acc.starts_with(first5) && acc[5..8] == *"810");
                }
            }
            let born = day(
                1960 + (i % 50) as i32,
                1 + (i % 12) as u32,
                1 + (i % 28) as u32,
            );
            let iin = kz_iin(&mut dice, born, i % 2 == 0);
            assert_eq!(ids::check_kz_iin_bin(&iin), Ok(()), "{iin}");
            let bin = kz_bin(&mut dice, registered);
            assert_eq!(ids::check_kz_iin_bin(&bin), Ok(()), "{bin}");
        }
    }

    #[test]
    fn accounts_at_bank_of_russia_units_use_its_rule() {
        let mut dice = Dice::new(1);
        for _ in 0..200 {
            let acc = account(&mut dice, "044525000", "40702");
            assert_eq!(ids::check_account("044525000", &acc), Ok(()), "{acc}");
        }
    }

    #[test]
    fn the_numbers_say_what_they_are() {
        let mut dice = Dice::new(3);
        let iin = kz_iin(&mut dice, day(1990, 1, 1), true);
        assert!(iin.starts_with("9001014"), "{iin}");
        assert!(kz_iin(&mut dice, day(2001, 5, 9), false).starts_with("0105095"));
        assert!(kz_bin(&mut dice, day(2019, 11, 2)).starts_with("191140"));
        assert!(ogrn(&mut dice, day(2016, 2, 1), "7736").starts_with("1167736"));
        assert!(ogrnip(&mut dice, day(2021, 2, 1), "5406").starts_with("32154"));
        assert_eq!(kpp("7736207543"), "773601001");
    }
}
