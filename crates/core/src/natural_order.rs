//! The order the screens sort text columns in when they sort on the client (balances,
//! what-if) and their exports sort in too: runs of digits compare as numbers (`P-2`
//! before `P-10`), everything else compares letter by letter ignoring case; texts equal
//! that way fall back to their characters, so the order is total. The UI keeps the same
//! rule in `ui/src/format.ts` (`compareNatural`), with the same cases in its tests.

use std::cmp::Ordering;

/// A run of a text: digits (as the number they spell) or anything else.
#[derive(Debug, PartialEq, Eq)]
enum Run<'a> {
    Digits(&'a str),
    Other(&'a str),
}

fn runs(text: &str) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digits: Option<bool> = None;
    for (at, c) in text.char_indices() {
        let is_digit = c.is_ascii_digit();
        if digits.is_some_and(|d| d != is_digit) {
            out.push(run(&text[start..at], digits == Some(true)));
            start = at;
        }
        digits = Some(is_digit);
    }
    if start < text.len() {
        out.push(run(&text[start..], digits == Some(true)));
    }
    out
}

fn run(text: &str, digits: bool) -> Run<'_> {
    if digits {
        Run::Digits(text)
    } else {
        Run::Other(text)
    }
}

/// Two runs of digits by the number they spell: fewer significant digits first, then
/// digit by digit.
fn numbers(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn letters(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
}

/// `a` against `b` in the natural order (see the module's documentation).
pub fn compare_natural(a: &str, b: &str) -> Ordering {
    let (ra, rb) = (runs(a), runs(b));
    for (x, y) in ra.iter().zip(&rb) {
        let order = match (x, y) {
            (Run::Digits(x), Run::Digits(y)) => numbers(x, y),
            (Run::Digits(_), Run::Other(_)) => Ordering::Less,
            (Run::Other(_), Run::Digits(_)) => Ordering::Greater,
            (Run::Other(x), Run::Other(y)) => letters(x, y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    ra.len().cmp(&rb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::compare_natural;

    /// The same cases as `compareNatural` in `ui/src/format.test.ts`.
    const SORTED: [&str; 14] = [
        "",
        "1",
        "2",
        "10",
        "B1",
        "b2",
        "B10",
        "P-2",
        "P-10",
        "P-10a",
        "Zeta",
        "ООО «Альфа»",
        "ООО «Бета»",
        "ооо «бета»",
    ];

    #[test]
    fn digits_count_as_numbers_and_case_is_ignored() {
        for (i, a) in SORTED.iter().enumerate() {
            for (j, b) in SORTED.iter().enumerate() {
                assert_eq!(compare_natural(a, b), i.cmp(&j), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn leading_zeros_do_not_change_the_number() {
        assert!(compare_natural("P-007", "P-10").is_lt());
        assert!(compare_natural("P-007", "P-7").is_lt(), "a total order");
    }
}
