//! Russian bank identifiers: БИК and the settlement account checked against it with the
//! Bank of Russia control key.

use super::{digits, weighted_sum, IdError};

/// БИК of a Russian bank: 9 digits starting with `04` (the country code of Russia).
pub fn check_bik(value: &str) -> Result<(), IdError> {
    bik_digits(value).map(|_| ())
}

fn bik_digits(value: &str) -> Result<Vec<u8>, IdError> {
    let d = digits(value, "bik_not_digits")?;
    if d.len() != 9 {
        return Err(IdError::digit_count("bik_length", "9", "9", d.len()));
    }
    if d[..2] != [0, 4] {
        return Err(IdError::new(
            "bik_format",
            "должен начинаться с 04 — кода России",
            "must start with 04, the code of Russia",
        ));
    }
    Ok(d)
}

/// A settlement account (20 digits) at the bank `bik`, checked with the Bank of Russia
/// control key: the bank's 3-digit number followed by the account, weighted 7, 1, 3, 7, 1,
/// 3, …, must sum to a multiple of 10. The bank's number is the last 3 digits of the БИК;
/// for a Bank of Russia unit (БИК ending in `000`, `001` or `002`) it is `0` followed by
/// digits 5–6 of the БИК.
///
/// The account's own problems come first (`account_not_digits`, `account_length`); then, if
/// `bik` itself is invalid, its `bik_*` error is returned unchanged, since there is nothing
/// to check the key against; then `account_checksum`.
///
/// Not for correspondent accounts (`30101…`) of banks: their key is computed with the
/// Bank of Russia unit's number instead.
pub fn check_account(bik: &str, account: &str) -> Result<(), IdError> {
    let acc = digits(account, "account_not_digits")?;
    if acc.len() != 20 {
        return Err(IdError::digit_count(
            "account_length",
            "20",
            "20",
            acc.len(),
        ));
    }
    let bik_d = bik_digits(bik)?;
    let bank = if matches!(bik_d[6..], [0, 0, 0..=2]) {
        [0, bik_d[4], bik_d[5]]
    } else {
        [bik_d[6], bik_d[7], bik_d[8]]
    };
    if control_key_holds(bank, &acc) {
        Ok(())
    } else {
        Err(IdError::new(
            "account_checksum",
            format!("не сходится с БИК {bik} по контрольному ключу"),
            format!("does not match BIK {bik} (wrong control key)"),
        ))
    }
}

/// Σ of the 23 digits `bank ++ account` weighted 7, 1, 3 repeated ≡ 0 (mod 10).
fn control_key_holds(bank: [u8; 3], account: &[u8]) -> bool {
    const WEIGHTS: [u32; 23] = [
        7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1,
    ];
    let all: Vec<u8> = bank.iter().chain(account).copied().collect();
    // The last digit of the sum, compared with 0 (the workspace's MSRV 1.85 predates
    // `is_multiple_of`).
    let last_digit = weighted_sum(&WEIGHTS, &all) % 10;
    all.len() == WEIGHTS.len() && last_digit == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T>(result: Result<T, IdError>) -> &'static str {
        result.err().map_or("ok", |e| e.code)
    }

    /// Accounts of organisations published with their bank's БИК: at Сбербанк (Москва),
    /// Райффайзенбанк, Точка (ФК Открытие).
    const REAL: [(&str, &str); 3] = [
        ("044525225", "40702810238720001420"),
        ("044525700", "40702810800001400002"),
        ("044525104", "40702810713500000456"),
    ];

    /// Federal Treasury accounts at Bank of Russia units (before 2021): УФК по г. Москве
    /// at ГУ Банка России по ЦФО and at Отделение 1 Москва, УФК по Санкт-Петербургу.
    const AT_BANK_OF_RUSSIA: [(&str, &str); 3] = [
        ("044525000", "40101810045250010041"),
        ("044583001", "40101810800000010041"),
        ("044030001", "40101810200000010001"),
    ];

    #[test]
    fn real_biks_pass() {
        for bik in [
            "044525225",
            "044525700",
            "044525104",
            "044030653",
            "044525000",
        ] {
            assert_eq!(check_bik(bik), Ok(()), "{bik}");
        }
    }

    #[test]
    fn bik_has_9_digits() {
        let err = check_bik("04452522").expect_err("8 digits");
        assert_eq!(err.code, "bik_length");
        assert_eq!(err.text.ru, "должен содержать 9 цифр, а не 8");
        assert_eq!(code(check_bik("0445252250")), "bik_length");
        assert_eq!(code(check_bik("")), "bik_length");
    }

    #[test]
    fn bik_starts_with_04() {
        let err = check_bik("144525225").expect_err("not Russian");
        assert_eq!(err.code, "bik_format");
        assert_eq!(err.text.en, "must start with 04, the code of Russia");
        // The Treasury's БИК of the unified account system starts with 00.
        assert_eq!(code(check_bik("004525988")), "bik_format");
    }

    #[test]
    fn letters_in_a_bik_are_not_digits() {
        assert_eq!(code(check_bik("O44525225")), "bik_not_digits");
        assert_eq!(code(check_bik("044 525 225")), "bik_not_digits");
    }

    #[test]
    fn real_accounts_pass() {
        for (bik, account) in REAL.into_iter().chain(AT_BANK_OF_RUSSIA) {
            assert_eq!(check_account(bik, account), Ok(()), "{bik} {account}");
        }
    }

    #[test]
    fn an_account_at_another_bank_fails() {
        let err = check_account("044525700", "40702810238720001420").expect_err("wrong bank");
        assert_eq!(err.code, "account_checksum");
        assert_eq!(
            err.text.ru,
            "не сходится с БИК 044525700 по контрольному ключу"
        );
        assert_eq!(
            err.text.en,
            "does not match BIK 044525700 (wrong control key)"
        );
    }

    #[test]
    fn a_changed_digit_fails_the_control_key() {
        // Weights 7, 1, 3 are coprime with 10, so every single-digit change is caught.
        for (bik, account) in REAL.into_iter().chain(AT_BANK_OF_RUSSIA) {
            for index in 0..20 {
                let mut bytes = account.as_bytes().to_vec();
                bytes[index] = b'0' + (bytes[index] - b'0' + 1) % 10;
                let changed = String::from_utf8(bytes).expect("ASCII digits");
                assert_eq!(
                    code(check_account(bik, &changed)),
                    "account_checksum",
                    "{changed}"
                );
            }
        }
    }

    /// For the Moscow accounts the last three digits of the БИК would not do. (For
    /// 044030001 both "030" and "001" happen to give the same key.)
    #[test]
    fn the_bank_of_russia_rule_is_what_makes_treasury_accounts_pass() {
        for (bik, account) in &AT_BANK_OF_RUSSIA[..2] {
            let b = digits(bik, "x").expect("digits");
            let a = digits(account, "x").expect("digits");
            assert!(control_key_holds([0, b[4], b[5]], &a), "{bik} {account}");
            assert!(
                !control_key_holds([b[6], b[7], b[8]], &a),
                "{bik} {account}"
            );
        }
    }

    #[test]
    fn account_has_20_digits() {
        let err = check_account("044525225", "4070281023872000142").expect_err("19 digits");
        assert_eq!(err.code, "account_length");
        assert_eq!(err.text.en, "must have 20 digits, not 19");
        assert_eq!(
            code(check_account("044525225", "407028102387200014200")),
            "account_length"
        );
        assert_eq!(code(check_account("044525225", "")), "account_length");
    }

    #[test]
    fn letters_in_an_account_are_not_digits() {
        assert_eq!(
            code(check_account("044525225", "4070281023872000142O")),
            "account_not_digits"
        );
        assert_eq!(
            code(check_account("044525225", "40702.810.2.3872.0001420")),
            "account_not_digits"
        );
    }

    #[test]
    fn an_invalid_bik_is_reported_as_such() {
        assert_eq!(
            code(check_account("04452522", "40702810238720001420")),
            "bik_length"
        );
        assert_eq!(
            code(check_account("144525225", "40702810238720001420")),
            "bik_format"
        );
        assert_eq!(
            code(check_account("", "40702810238720001420")),
            "bik_length"
        );
        // The account's own problem comes first.
        assert_eq!(code(check_account("", "123")), "account_length");
    }
}
