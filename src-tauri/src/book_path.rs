//! Where the book lives: `$PARTNERBOOK_BOOK`, else `book.sqlite` in the platform's
//! data folder (`~/.local/share/partnerbook/` on Linux).

use std::path::{Path, PathBuf};

pub const BOOK_ENV: &str = "PARTNERBOOK_BOOK";

pub fn book_path() -> PathBuf {
    resolve(
        std::env::var_os(BOOK_ENV).map(PathBuf::from),
        dirs::data_dir(),
    )
}

fn resolve(from_env: Option<PathBuf>, data_dir: Option<PathBuf>) -> PathBuf {
    match from_env {
        Some(path) if !path.as_os_str().is_empty() => path,
        _ => data_dir
            .unwrap_or_else(|| Path::new(".").to_path_buf())
            .join("partnerbook")
            .join("book.sqlite"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_wins() {
        let path = resolve(
            Some("/tmp/x.sqlite".into()),
            Some("/home/a/.local/share".into()),
        );
        assert_eq!(path, PathBuf::from("/tmp/x.sqlite"));
    }

    #[test]
    fn else_the_data_folder() {
        let path = resolve(None, Some("/home/a/.local/share".into()));
        assert_eq!(
            path,
            PathBuf::from("/home/a/.local/share/partnerbook/book.sqlite")
        );
        let empty = resolve(Some(PathBuf::new()), Some("/d".into()));
        assert_eq!(empty, PathBuf::from("/d/partnerbook/book.sqlite"));
    }
}
