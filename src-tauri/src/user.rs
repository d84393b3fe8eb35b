//! The person at this desktop: their own settings (the user's config file, see
//! `partnerbook_core::user_settings`) and who acts when they change the book.

use partnerbook_core::audit::Actor;
use partnerbook_core::user_settings::UserSettings;
use partnerbook_core::Lang;

/// The operator named in the settings, else the OS user.
pub fn operator(settings: &UserSettings) -> String {
    settings
        .operator
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .or_else(os_user)
        .unwrap_or_else(|| "operator".to_owned())
}

fn os_user() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
}

/// The language chosen (Russian unless set).
pub fn lang(settings: &UserSettings) -> Lang {
    settings.lang.unwrap_or_default()
}

/// Who acts now: the operator and the local wall-clock time.
pub fn actor(settings: &UserSettings) -> Actor {
    Actor::new(operator(settings), chrono::Local::now().naive_local())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operator_is_the_settings_one_else_the_os_user_and_russian_by_default() {
        let mine = UserSettings {
            operator: Some(" Анна ".into()),
            ..UserSettings::default()
        };
        assert_eq!(actor(&mine).operator, "Анна");
        assert!(!operator(&UserSettings::default()).is_empty());
        assert_eq!(lang(&UserSettings::default()), Lang::Ru);
    }
}
