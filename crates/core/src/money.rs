//! Money: `rust_decimal` amounts with two decimal places (kopecks, tiyn, cents, hundredths
//! of a bonus), stored as integer minor units so that sums in SQL stay exact.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of every unit the programs use.
pub const SCALE: u32 = 2;

/// `amount` in minor units, when it has at most two decimal places and fits.
pub fn to_minor(amount: Decimal) -> Option<i64> {
    let normal = amount.normalize();
    if normal.scale() > SCALE {
        return None;
    }
    // A huge amount (up to 28 digits parse) overflows the multiplication itself.
    let minor = normal.checked_mul(Decimal::ONE_HUNDRED)?;
    i64::try_from(minor).ok()
}

/// Minor units back as a decimal with two places (`1234550` → `12345.50`).
pub fn from_minor(minor: i64) -> Decimal {
    Decimal::new(minor, SCALE)
}

/// `base × percent / 100`, rounded half-up to the minor unit (PROGRAMS.md: "Accrual =
/// base × rate, rounded half-up to the minor unit").
pub fn percent_of(base_minor: i64, percent: Decimal) -> i64 {
    let exact = Decimal::from(base_minor) * percent / Decimal::ONE_HUNDRED;
    round_minor(exact)
}

/// `whole × part / of`, rounded half-up: the share of an accrual a partial refund takes.
/// `of` must not be zero.
pub fn share(whole_minor: i64, part_minor: i64, of_minor: i64) -> i64 {
    if of_minor == 0 {
        return 0;
    }
    let exact = Decimal::from(whole_minor) * Decimal::from(part_minor) / Decimal::from(of_minor);
    round_minor(exact)
}

fn round_minor(exact: Decimal) -> i64 {
    let rounded = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(rounded).unwrap_or(if rounded.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// A JSON-friendly decimal text of minor units: `"1234.50"`.
pub fn minor_text(minor: i64) -> String {
    from_minor(minor).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("decimal")
    }

    #[test]
    fn two_places_at_most() {
        assert_eq!(to_minor(d("12345.67")), Some(1_234_567));
        assert_eq!(to_minor(d("12345.670")), Some(1_234_567));
        assert_eq!(to_minor(d("-5")), Some(-500));
        assert_eq!(to_minor(d("0.005")), None);
        assert_eq!(to_minor(d("100000000000000000000")), None);
        assert_eq!(to_minor(d("9999999999999999999999999999")), None);
        assert_eq!(minor_text(1_234_550), "12345.50");
        assert_eq!(minor_text(-5), "-0.05");
    }

    #[test]
    fn percent_rounds_half_up_to_the_minor_unit() {
        assert_eq!(percent_of(10_000_000, d("25")), 2_500_000);
        // 0.05 × 50 % = 0.025 → 0.03
        assert_eq!(percent_of(5, d("50")), 3);
        // 0.01 × 20 % = 0.002 → 0.00
        assert_eq!(percent_of(1, d("20")), 0);
        assert_eq!(percent_of(333, d("33.3333")), 111);
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share(2_500_000, 3_750_000, 7_500_000), 1_250_000);
        assert_eq!(share(1, 1, 2), 1);
        assert_eq!(share(3, 1, 3), 1);
        assert_eq!(share(100, 0, 0), 0);
    }
}
