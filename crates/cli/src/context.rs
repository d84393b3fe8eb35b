//! What every command needs: the open book, the language, who acts and when. Only here
//! (and in the desktop shell) are the clock, the environment and the OS user read.

use std::path::PathBuf;
use std::time::Duration;

use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::store::Book;
use partnerbook_core::user_settings::user_settings_path;
use partnerbook_core::{Lang, Result, Text};

use crate::args::{Cli, Command, ImportArgs};

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
        let mut book = if cli.read_only {
            Book::open_read_only(&path)?
        } else {
            Book::open(&path)?
        };
        let operator = match &cli.operator {
            Some(name) => name.clone(),
            None => api::user_settings(&book, &user_settings_path(|k| std::env::var(k).ok()))
                .operator
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "operator".into()),
        };
        book.set_doing(&operator, doing(&cli.command));
        if let Some(seconds) = std::env::var("PARTNERBOOK_WAIT_SECONDS")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
        {
            book.set_wait(Duration::from_secs(seconds))?;
        }
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

/// What this run does, as another writer waiting for the book is told.
fn doing(command: &Command) -> Text {
    match command {
        Command::Import(ImportArgs { kind, file, .. }) => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match kind.table() {
                Some(kind) => kind.doing(&name),
                None => Text::new(
                    format!("проводит банковскую выписку {name}"),
                    format!("is applying the bank statement {name}"),
                ),
            }
        }
        Command::Demo => Text::new(
            "заполняет книгу примером",
            "is filling the book with the sample",
        ),
        _ => {
            // The command's words, without the global options and their values.
            let mut args = std::env::args().skip(1);
            let mut words = Vec::new();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--read-only" => {}
                    "--book" | "--lang" | "--operator" => {
                        args.next();
                    }
                    a if a.starts_with("--") => break,
                    _ => words.push(arg),
                }
            }
            let line = format!("partnerbook {}", words.join(" "));
            Text::new(
                format!("выполняет «{line}»"),
                format!("is running “{line}”"),
            )
        }
    }
}
