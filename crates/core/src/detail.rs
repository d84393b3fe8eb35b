//! The detail a refusal is stored with beside its code: one value as it is, two values as
//! a JSON object, so a partner id with a space in it reads back whole. Books written
//! before kept two values joined by a space; those still read.

use serde_json::{Map, Value};

/// Two named values as the stored detail: `{"partner":"P 1","since":"2026-01-01"}`.
pub fn pair(first: (&str, &str), second: (&str, &str)) -> String {
    let mut map = Map::new();
    map.insert(first.0.to_owned(), Value::from(first.1));
    map.insert(second.0.to_owned(), Value::from(second.1));
    Value::Object(map).to_string()
}

/// The two values of a stored detail, by their names (or, from an older book, split at
/// the first space).
pub fn read_pair<'a>(detail: &'a str, first: &str, second: &str) -> (String, String) {
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(detail) {
        let get = |key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        return (get(first), get(second));
    }
    let (a, b): (&'a str, &'a str) = detail.split_once(' ').unwrap_or((detail, ""));
    (a.to_owned(), b.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_reads_back_whole_even_with_spaces_and_quotes() {
        let stored = pair(("partner", "ООО \"Альфа\" 1"), ("since", "2026-01-01"));
        assert_eq!(
            read_pair(&stored, "partner", "since"),
            ("ООО \"Альфа\" 1".to_owned(), "2026-01-01".to_owned())
        );
    }

    #[test]
    fn an_older_books_space_joined_detail_still_reads() {
        assert_eq!(
            read_pair("P-1 2026-01-01", "partner", "since"),
            ("P-1".to_owned(), "2026-01-01".to_owned())
        );
    }
}
