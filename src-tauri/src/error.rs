//! Errors as they cross IPC: always the core's `{code, message, problems}` in the
//! book's language, never a bare string.

use partnerbook_core::{Error, ErrorDto, Lang};

/// The core's error, rendered for the UI.
pub fn to_dto(error: Error, lang: Lang) -> ErrorDto {
    ErrorDto::new(&error, lang)
}

/// A failure of the shell itself (a background task died, a dialog failed to open).
pub fn shell_error(code: &'static str, ru: String, en: String, lang: Lang) -> ErrorDto {
    ErrorDto::new(&Error::refused(code, ru, en), lang)
}

/// Tells the person why the app cannot start (the book cannot be opened, the window
/// cannot be created): on stderr and in a native message box.
pub fn report_fatal(message: &str) {
    eprintln!("{message}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Partnerbook")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
