//! Russian tax and registration numbers: ИНН, КПП, ОГРН and ОГРНИП.

use super::{digits, weighted_sum, IdError};

const INN10_WEIGHTS: [u32; 9] = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11TH: [u32; 10] = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12TH: [u32; 11] = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/// ИНН of an organisation (10 digits) or of a person or ИП (12 digits).
pub fn check_inn(value: &str) -> Result<(), IdError> {
    let d = digits(value, "inn_not_digits")?;
    match d.len() {
        10 => inn10(&d),
        12 => inn12(&d),
        n => Err(IdError::digit_count(
            "inn_length",
            "10 или 12",
            "10 or 12",
            n,
        )),
    }
}

/// ИНН of an organisation: exactly 10 digits.
pub fn check_inn_legal(value: &str) -> Result<(), IdError> {
    let d = digits(value, "inn_not_digits")?;
    match d.len() {
        10 => inn10(&d),
        n => Err(IdError::digit_count("inn_length", "10", "10", n)),
    }
}

/// ИНН of a person or ИП: exactly 12 digits.
pub fn check_inn_person(value: &str) -> Result<(), IdError> {
    let d = digits(value, "inn_not_digits")?;
    match d.len() {
        12 => inn12(&d),
        n => Err(IdError::digit_count("inn_length", "12", "12", n)),
    }
}

/// (Σ weight × digit) mod 11 mod 10.
fn inn_control(weights: &[u32], d: &[u8]) -> u32 {
    weighted_sum(weights, d) % 11 % 10
}

fn inn10(d: &[u8]) -> Result<(), IdError> {
    if inn_control(&INN10_WEIGHTS, d) == u32::from(d[9]) {
        Ok(())
    } else {
        Err(IdError::check_digit("inn_checksum"))
    }
}

fn inn12(d: &[u8]) -> Result<(), IdError> {
    for (position, weights) in [(10, &INN12_WEIGHTS_11TH[..]), (11, &INN12_WEIGHTS_12TH[..])] {
        if inn_control(weights, d) != u32::from(d[position]) {
            let nth = position + 1;
            return Err(IdError::new(
                "inn_checksum",
                format!("неверное контрольное число ({nth}-я цифра)"),
                format!("wrong check digit (digit {nth})"),
            ));
        }
    }
    Ok(())
}

/// КПП: 9 characters, `NNNNPPNNN` — 4 digits (the tax office), 2 digits or capital Latin
/// letters (the reason), 3 digits (the sequence number).
pub fn check_kpp(value: &str) -> Result<(), IdError> {
    let count = value.chars().count();
    if count != 9 {
        return Err(IdError::new(
            "kpp_length",
            format!("должен содержать 9 символов, а не {count}"),
            format!("must have 9 characters, not {count}"),
        ));
    }
    for (index, c) in value.chars().enumerate() {
        let position = index + 1;
        let shown = c.escape_debug();
        if matches!(position, 5 | 6) {
            if !(c.is_ascii_digit() || c.is_ascii_uppercase()) {
                return Err(IdError::new(
                    "kpp_format",
                    format!(
                        "символ {position} («{shown}») должен быть цифрой или заглавной латинской буквой"
                    ),
                    format!("character {position} («{shown}») must be a digit or a capital Latin letter"),
                ));
            }
        } else if !c.is_ascii_digit() {
            return Err(IdError::new(
                "kpp_format",
                format!("символ {position} («{shown}») должен быть цифрой"),
                format!("character {position} («{shown}») must be a digit"),
            ));
        }
    }
    Ok(())
}

/// ОГРН of an organisation (13 digits: the first 12 mod 11, mod 10) or ОГРНИП of an ИП
/// (15 digits: the first 14 mod 13, mod 10).
pub fn check_ogrn(value: &str) -> Result<(), IdError> {
    let d = digits(value, "ogrn_not_digits")?;
    let modulus = match d.len() {
        13 => 11,
        15 => 13,
        n => {
            return Err(IdError::new(
                "ogrn_length",
                format!("должен содержать 13 цифр (ОГРН) или 15 (ОГРНИП), а не {n}"),
                format!("must have 13 digits (OGRN) or 15 (OGRNIP), not {n}"),
            ))
        }
    };
    let (body, check) = d.split_at(d.len() - 1);
    let number = body
        .iter()
        .fold(0u64, |n, digit| n * 10 + u64::from(*digit));
    if number % modulus % 10 == u64::from(check[0]) {
        Ok(())
    } else {
        Err(IdError::check_digit("ogrn_checksum"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Real ИНН of organisations: Сбербанк, Яндекс, ТБанк, Ozon (Интернет Решения).
    const INN10: [&str; 4] = ["7707083893", "7736207543", "7710140679", "7704217370"];
    /// A 12-digit ИНН widely published as an example of a person's ИНН.
    const INN12: &str = "500100732259";

    fn code<T>(result: Result<T, IdError>) -> &'static str {
        result.err().map_or("ok", |e| e.code)
    }

    /// `value` with the digit at `index` replaced by `digit`.
    fn with_digit(value: &str, index: usize, digit: u8) -> String {
        let mut bytes = value.as_bytes().to_vec();
        bytes[index] = b'0' + digit;
        String::from_utf8(bytes).expect("ASCII digits")
    }

    #[test]
    fn real_inns_pass() {
        for inn in INN10 {
            assert_eq!(check_inn(inn), Ok(()), "{inn}");
            assert_eq!(check_inn_legal(inn), Ok(()), "{inn}");
        }
        assert_eq!(check_inn(INN12), Ok(()));
        assert_eq!(check_inn_person(INN12), Ok(()));
    }

    #[test]
    fn a_changed_digit_fails_the_inn_checksum() {
        assert_eq!(code(check_inn("7707083894")), "inn_checksum");
        assert_eq!(code(check_inn("7707083993")), "inn_checksum");
        assert_eq!(code(check_inn_legal("7736207542")), "inn_checksum");
        let err = check_inn("500100732258").expect_err("12th digit changed");
        assert_eq!(err.code, "inn_checksum");
        assert_eq!(err.text.en, "wrong check digit (digit 12)");
        let err = check_inn_person("500101732259").expect_err("4th digit changed");
        assert_eq!(err.text.ru, "неверное контрольное число (11-я цифра)");
        assert_eq!(
            check_inn("7707083894").expect_err("bad").text.ru,
            "неверное контрольное число"
        );
    }

    #[test]
    fn inn_length_is_10_or_12() {
        let err = check_inn("770708389").expect_err("9 digits");
        assert_eq!(err.code, "inn_length");
        assert_eq!(err.text.ru, "должен содержать 10 или 12 цифр, а не 9");
        assert_eq!(err.text.en, "must have 10 or 12 digits, not 9");
        assert_eq!(code(check_inn("77070838931")), "inn_length");
        assert_eq!(code(check_inn("")), "inn_length");
        assert_eq!(code(check_inn("5001007322591")), "inn_length");
    }

    #[test]
    fn legal_and_person_inns_are_not_interchangeable() {
        let err = check_inn_legal(INN12).expect_err("12 digits");
        assert_eq!(
            (err.code, err.text.en.as_str()),
            ("inn_length", "must have 10 digits, not 12")
        );
        let err = check_inn_person("7707083893").expect_err("10 digits");
        assert_eq!(err.text.ru, "должен содержать 12 цифр, а не 10");
    }

    #[test]
    fn letters_in_an_inn_are_not_digits() {
        assert_eq!(code(check_inn("77070838A3")), "inn_not_digits");
        assert_eq!(code(check_inn("7707 083893")), "inn_not_digits");
        assert_eq!(code(check_inn_legal("ИНН")), "inn_not_digits");
        assert_eq!(code(check_inn_person("50010073225O")), "inn_not_digits");
    }

    #[test]
    fn every_single_digit_change_of_an_inn_with_nonzero_check_digit_is_caught() {
        for inn in ["7707083893", "7736207543", "7710140679"] {
            for index in 0..10 {
                for digit in 0..10u8 {
                    let changed = with_digit(inn, index, digit);
                    if changed != inn {
                        assert_eq!(code(check_inn(&changed)), "inn_checksum", "{changed}");
                    }
                }
            }
        }
    }

    /// "mod 11 mod 10" maps both 0 and 10 to the check digit 0, so when the check digit is
    /// 0 a changed digit can move the sum from one to the other unnoticed. Ozon's ИНН has
    /// sum ≡ 10 (mod 11); each of these one-digit changes makes it ≡ 0 and still passes.
    #[test]
    fn some_single_digit_changes_of_an_inn_ending_in_0_go_unnoticed() {
        for changed in [
            "2704217370",
            "7708217370",
            "7704017370",
            "7704267370",
            "7704217570",
            "7704217330",
        ] {
            assert_eq!(check_inn(changed), Ok(()), "{changed}");
        }
    }

    proptest! {
        /// A change of one of the first nine digits changes the weighted sum mod 11 (11 is
        /// prime and no weight is ≡ 0), so it is caught unless the check digit is 0 and the
        /// sum moves between ≡ 0 and ≡ 10. Changing the check digit itself is always caught.
        #[test]
        fn single_digit_changes_of_a_10_digit_inn(
            body in proptest::collection::vec(0..10u8, 9),
            index in 0..10usize,
            shift in 1..10u8,
        ) {
            let check = inn_control(&INN10_WEIGHTS, &body);
            let mut valid = body.clone();
            valid.push(u8::try_from(check).expect("a digit"));
            let valid: String = valid.iter().map(|d| char::from(b'0' + d)).collect();
            prop_assert_eq!(check_inn(&valid), Ok(()));

            let old = valid.as_bytes()[index] - b'0';
            let changed = with_digit(&valid, index, (old + shift) % 10);
            let sum = |s: &str| weighted_sum(&INN10_WEIGHTS, &digits(s, "x").expect("digits")) % 11;
            let unnoticed = index < 9 && check == 0 && sum(&valid) + sum(&changed) == 10;
            prop_assert_eq!(check_inn(&changed).is_ok(), unnoticed, "{} -> {}", valid, changed);
        }
    }

    #[test]
    fn real_kpps_pass() {
        // Сбербанк, ТБанк, Ozon; a КПП with letters in the reason code.
        for kpp in [
            "773601001",
            "773401001",
            "504445002",
            "7736AB001",
            "77365Z001",
        ] {
            assert_eq!(check_kpp(kpp), Ok(()), "{kpp}");
        }
    }

    #[test]
    fn kpp_has_9_characters() {
        let err = check_kpp("77360100").expect_err("8 characters");
        assert_eq!(err.code, "kpp_length");
        assert_eq!(err.text.en, "must have 9 characters, not 8");
        assert_eq!(code(check_kpp("7736010011")), "kpp_length");
        assert_eq!(code(check_kpp("")), "kpp_length");
    }

    #[test]
    fn kpp_letters_only_in_the_reason_code_and_only_capital_latin() {
        assert_eq!(code(check_kpp("7736A1001")), "ok");
        assert_eq!(code(check_kpp("773A01001")), "kpp_format");
        assert_eq!(code(check_kpp("77360100A")), "kpp_format");
        assert_eq!(code(check_kpp("7736ab001")), "kpp_format");
        // A Cyrillic «А» looks like the Latin one but is not allowed.
        let err = check_kpp("7736А1001").expect_err("Cyrillic letter");
        assert_eq!(err.code, "kpp_format");
        assert_eq!(
            err.text.ru,
            "символ 5 («А») должен быть цифрой или заглавной латинской буквой"
        );
        let err = check_kpp("77 601001").expect_err("a space");
        assert_eq!(err.text.en, "character 3 (« ») must be a digit");
    }

    #[test]
    fn real_ogrns_pass() {
        // Сбербанк, ТБанк, Яндекс; an ОГРНИП.
        for ogrn in [
            "1027700132195",
            "1027739642281",
            "1027700229193",
            "304500116000157",
        ] {
            assert_eq!(check_ogrn(ogrn), Ok(()), "{ogrn}");
        }
    }

    #[test]
    fn a_changed_digit_fails_the_ogrn_checksum() {
        assert_eq!(code(check_ogrn("1027700132196")), "ogrn_checksum");
        assert_eq!(code(check_ogrn("1027700132295")), "ogrn_checksum");
        assert_eq!(code(check_ogrn("304500116000158")), "ogrn_checksum");
        assert_eq!(code(check_ogrn("304500116100157")), "ogrn_checksum");
        assert_eq!(
            check_ogrn("1027739642282").expect_err("bad").text.en,
            "wrong check digit"
        );
    }

    #[test]
    fn ogrn_has_13_or_15_digits() {
        let err = check_ogrn("102770013219").expect_err("12 digits");
        assert_eq!(err.code, "ogrn_length");
        assert_eq!(
            err.text.ru,
            "должен содержать 13 цифр (ОГРН) или 15 (ОГРНИП), а не 12"
        );
        assert_eq!(code(check_ogrn("30450011600015")), "ogrn_length");
        assert_eq!(code(check_ogrn("3045001160001570")), "ogrn_length");
        assert_eq!(code(check_ogrn("")), "ogrn_length");
    }

    #[test]
    fn letters_in_an_ogrn_are_not_digits() {
        assert_eq!(code(check_ogrn("10277001321O5")), "ogrn_not_digits");
        assert_eq!(code(check_ogrn("-1027700132195")), "ogrn_not_digits");
    }

    #[test]
    fn the_largest_ogrnip_fits_in_u64() {
        // 99999999999999 mod 13 = 8.
        assert_eq!(check_ogrn("999999999999998"), Ok(()));
        assert_eq!(code(check_ogrn("999999999999999")), "ogrn_checksum");
    }
}
