//! The words the exports write are the UI's: every entry of the exports' table of words
//! equals the UI's dictionary, in both languages.

use partnerbook_core::exports::words::WORDS;
use partnerbook_core::Lang;

use crate::ui_words;

#[test]
fn every_word_of_the_exports_is_the_uis() {
    let (ru, en) = (ui_words(Lang::Ru), ui_words(Lang::En));
    assert!(ru.len() > 300, "the dictionary was read: {}", ru.len());
    for (key, ru_text, en_text) in WORDS {
        assert_eq!(ru.get(*key).map(String::as_str), Some(*ru_text), "ru {key}");
        assert_eq!(en.get(*key).map(String::as_str), Some(*en_text), "en {key}");
    }
}
