//! What every command needs: the open book, the language, who acts and when. Only here
//! (and in the desktop shell) are the clock, the environment and the OS user read.

use std::path::PathBuf;

use partnerbook_core::audit::Actor;
use partnerbook_core::store::Book;
use partnerbook_core::{settings, Lang, Result};

use crate::args::Cli;

pub struct Context {
    pub book: Book,
    pub lang: Lang,
    pub operator: String,
}

/// `--lang`, else `$PARTNERBOOK_LANG`, `$LC_ALL`, `$LC_MESSAGES`, `$LANG`, else Russian.
pub fn lang(flag: Option<&str>) -> Lang {
    flag.and_then(Lang::parse)
        .or_else(|| {
            ["PARTNERBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

pub fn default_book() -> PathBuf {
    if let Some(path) = std::env::var_os("PARTNERBOOK_BOOK").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("partnerbook").join("book.sqlite")
}

impl Context {
    pub fn open(cli: &Cli, lang: Lang) -> Result<Context> {
        let path = cli.book.clone().unwrap_or_else(default_book);
        let book = Book::open(&path)?;
        let operator = match &cli.operator {
            Some(name) => name.clone(),
            None => settings::get(book.db(), "operator")?
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "operator".into()),
        };
        Ok(Context {
            book,
            lang,
            operator,
        })
    }

    pub fn actor(&self) -> Actor {
        Actor::new(self.operator.clone(), chrono::Local::now().naive_local())
    }

    /// The message in the chosen language.
    pub fn say<'a>(&self, ru: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}
