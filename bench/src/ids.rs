//! Valid Russian and Kazakh identifiers for the generated partners and clients: ИНН with
//! their check digits, КПП, ОГРН/ОГРНИП, БИК with a settlement account whose control key
//! holds, and Kazakh ИИН/БИН. Each is built from a serial number, so the same serial gives
//! the same number and different serials (up to each kind's range) different numbers.

/// Tax offices (the first 4 digits of an ИНН or КПП) partners are registered with.
pub const PARTNER_OFFICES: [u32; 12] = [
    7701, 7704, 7707, 7710, 7714, 7725, 7736, 7801, 5003, 5260, 6658, 1655,
];
/// Tax offices of clients: none in common with partners, so no client is its partner.
pub const CLIENT_OFFICES: [u32; 8] = [2310, 5406, 6164, 7447, 3664, 5902, 6315, 7017];

const INN10_WEIGHTS: [u64; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11TH: [u64; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12TH: [u64; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const KZ_FIRST: [u64; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const KZ_SECOND: [u64; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

fn digits_of(text: &str) -> Vec<u64> {
    text.bytes().map(|b| u64::from(b - b'0')).collect()
}

fn weighted(weights: &[u64], digits: &[u64]) -> u64 {
    weights.iter().zip(digits).map(|(w, d)| w * d).sum()
}

fn office(offices: &[u32], serial: u64) -> (u32, u64) {
    let n = offices.len() as u64;
    (offices[(serial % n) as usize], serial / n)
}

/// A legal entity's 10-digit ИНН: office, 5-digit record number, check digit.
pub fn inn10(offices: &[u32], serial: u64) -> String {
    let (office, rest) = office(offices, serial);
    let body = format!("{office:04}{:05}", rest % 100_000);
    let check = weighted(&INN10_WEIGHTS, &digits_of(&body)) % 11 % 10;
    format!("{body}{check}")
}

/// A person's (or ИП's) 12-digit ИНН: office, 6-digit record number, two check digits.
pub fn inn12(offices: &[u32], serial: u64) -> String {
    let (office, rest) = office(offices, serial);
    let mut text = format!("{office:04}{:06}", rest % 1_000_000);
    for weights in [&INN12_WEIGHTS_11TH[..], &INN12_WEIGHTS_12TH[..]] {
        let check = weighted(weights, &digits_of(&text)) % 11 % 10;
        text.push(char::from(b'0' + check as u8));
    }
    text
}

/// The КПП of a legal entity whose ИНН is `inn`: its office, reason `01`, number `001`.
pub fn kpp(inn: &str) -> String {
    format!("{}01001", &inn[..4])
}

/// A legal entity's 13-digit ОГРН: sign 1, year, region, 7-digit record, check digit.
pub fn ogrn(year: i32, region: u32, serial: u64) -> String {
    let body = format!(
        "1{:02}{:02}{:07}",
        year % 100,
        region % 100,
        serial % 10_000_000
    );
    let number: u64 = body.parse().unwrap_or_default();
    format!("{body}{}", number % 11 % 10)
}

/// An ИП's 15-digit ОГРНИП: sign 3, year, region, 9-digit record, check digit.
pub fn ogrnip(year: i32, region: u32, serial: u64) -> String {
    let body = format!(
        "3{:02}{:02}{:09}",
        year % 100,
        region % 100,
        serial % 1_000_000_000
    );
    let number: u64 = body.parse().unwrap_or_default();
    format!("{body}{}", number % 13 % 10)
}

/// Banks' БИК; none is a Bank of Russia unit (ending 000–002).
const BIKS: [&str; 6] = [
    "044525225",
    "044525974",
    "044525593",
    "044030653",
    "046577964",
    "049205603",
];

/// A БИК and a 20-digit settlement account at that bank (`40702` for a company, `40802`
/// for an ИП, in roubles) with the Bank of Russia control key set right.
pub fn bank_account(ip: bool, serial: u64) -> (String, String) {
    let bik = BIKS[(serial % BIKS.len() as u64) as usize];
    let head = if ip { "40802810" } else { "40702810" };
    let tail = format!("{:04}{:07}", (serial / 7) % 10_000, serial % 10_000_000);
    let with_zero_key = format!("{}{head}0{tail}", &bik[6..]);
    let weights = [7u64, 1, 3]
        .iter()
        .cycle()
        .take(23)
        .copied()
        .collect::<Vec<_>>();
    let rest = weighted(&weights, &digits_of(&with_zero_key)) % 10;
    // The key stands 12th of the 23 digits, weight 3; 3 × 7 ≡ 1 (mod 10).
    let key = (10 - rest) % 10 * 7 % 10;
    (bik.to_owned(), format!("{head}{key}{tail}"))
}

/// The Kazakh check digit for 11 digits; `None` when both passes give 10.
fn kz_check(body: &str) -> Option<u64> {
    let d = digits_of(body);
    [&KZ_FIRST, &KZ_SECOND]
        .iter()
        .map(|w| weighted(&w[..], &d) % 11)
        .find(|rest| *rest != 10)
}

/// A Kazakh БИН: year and month of registration, type 4 (a resident legal entity), 0,
/// a 5-digit serial, the check digit. Serials without a check digit are skipped.
pub fn kz_bin(year: i32, month: u32, serial: u64) -> String {
    kz_number(&format!("{:02}{month:02}40", year % 100), serial, 100_000)
}

/// A Kazakh ИИН: birth date, the century-and-sex digit, a 4-digit serial, the check digit.
pub fn kz_iin(born: chrono::NaiveDate, male: bool, serial: u64) -> String {
    use chrono::Datelike;
    let century = match (born.year() >= 2000, male) {
        (false, true) => 3,
        (false, false) => 4,
        (true, true) => 5,
        (true, false) => 6,
    };
    let head = format!(
        "{:02}{:02}{:02}{century}",
        born.year() % 100,
        born.month(),
        born.day()
    );
    kz_number(&head, serial, 10_000)
}

fn kz_number(head: &str, serial: u64, range: u64) -> String {
    let width = 11 - head.len();
    (0..range)
        .map(|step| format!("{head}{:0width$}", (serial + step) % range))
        .find_map(|body| kz_check(&body).map(|check| format!("{body}{check}")))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerbook_core::ids;

    #[test]
    fn generated_ids_pass_the_core_checks() {
        for serial in (0..200_000u64).step_by(997) {
            let inn = inn10(&PARTNER_OFFICES, serial);
            assert_eq!(ids::check_inn_legal(&inn), Ok(()), "{inn}");
            assert_eq!(ids::check_kpp(&kpp(&inn)), Ok(()), "{inn}");
            let inn = inn12(&CLIENT_OFFICES, serial);
            assert_eq!(ids::check_inn_person(&inn), Ok(()), "{inn}");
            let o = ogrn(2015, 77, serial);
            assert_eq!(ids::check_ogrn(&o), Ok(()), "{o}");
            let o = ogrnip(2019, 50, serial);
            assert_eq!(ids::check_ogrn(&o), Ok(()), "{o}");
            for ip in [false, true] {
                let (bik, account) = bank_account(ip, serial);
                assert_eq!(ids::check_account(&bik, &account), Ok(()), "{account}");
            }
            let bin = kz_bin(2018, 3, serial);
            assert_eq!(ids::check_kz_iin_bin(&bin), Ok(()), "{bin}");
            let born = chrono::NaiveDate::from_ymd_opt(1985, 7, 14).expect("a date");
            let iin = kz_iin(born, serial % 2 == 0, serial);
            assert_eq!(ids::check_kz_iin_bin(&iin), Ok(()), "{iin}");
        }
    }

    #[test]
    fn different_serials_give_different_inns() {
        let mut seen = std::collections::HashSet::new();
        for serial in 0..100_000u64 {
            assert!(seen.insert(inn10(&PARTNER_OFFICES, serial)));
        }
    }
}
