//! Where a server book's password comes from: never the book or its URL as kept, but
//! `PGPASSWORD` or `~/.pgpass` (`host:port:database:user:password`, `*` for any,
//! `\:` and `\\` escaped), as every PostgreSQL tool reads them.

use std::path::PathBuf;
use std::str::FromStr;

use postgres::config::Host;
use postgres::Config;

use crate::{Error, Result};

/// Whether a book's location is a server's URL rather than a file.
pub fn is_server_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

pub(crate) fn config(url: &str) -> Result<Config> {
    let mut config = Config::from_str(url).map_err(|e| {
        Error::refused(
            "bad_book_url",
            format!(
                "Неверный адрес книги на сервере «{}»: {e}",
                without_password(url)
            ),
            format!("Bad server book URL “{}”: {e}", without_password(url)),
        )
    })?;
    if config.get_password().is_none() {
        if let Some(password) = password_for(&config) {
            config.password(password);
        }
    }
    if config.get_application_name().is_none() {
        config.application_name("partnerbook");
    }
    Ok(config)
}

fn password_for(config: &Config) -> Option<String> {
    if let Ok(p) = std::env::var("PGPASSWORD") {
        return Some(p);
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| dirs_home().map(|h| h.join(".pgpass")))?;
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default().to_owned();
    let database = config.get_dbname().unwrap_or(&user).to_owned();
    lookup(&text, [&host, &port, &database, &user])
}

fn dirs_home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// The password of the first line of a `.pgpass` text matching host, port, database, user.
fn lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .find_map(|line| {
            let fields = split(line);
            let [host, port, database, user, password] = fields.as_slice() else {
                return None;
            };
            let matches = [host, port, database, user]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field.as_str() == "*" || field.as_str() == want);
            matches.then(|| password.clone())
        })
}

fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// The URL as it may be shown: a password in it (`user:secret@`, `?password=secret`)
/// replaced by `***`.
pub fn without_password(url: &str) -> String {
    password_replaced(url, Some("***"))
}

/// The URL as it may be kept (a person's recent books): a password in it dropped, so the
/// next connection reads `PGPASSWORD` or `~/.pgpass` as every other one does.
pub fn url_to_keep(url: &str) -> String {
    password_replaced(url, None)
}

/// `url` with the password of its user and of its query replaced by `with`, or dropped.
fn password_replaced(url: &str, with: Option<&str>) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (base, query) = match rest.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = base.split_at(base.find('/').unwrap_or(base.len()));
    let authority = match authority.rsplit_once('@') {
        Some((credentials, host)) => match (credentials.split_once(':'), with) {
            (Some((user, _)), Some(with)) => format!("{user}:{with}@{host}"),
            (Some((user, _)), None) => format!("{user}@{host}"),
            (None, _) => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let mut out = format!("{scheme}://{authority}{path}");
    let pairs: Vec<String> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| match (pair.split_once('='), with) {
            (Some(("password", _)), Some(with)) => Some(format!("password={with}")),
            (Some(("password", _)), None) => None,
            _ => Some(pair.to_owned()),
        })
        .collect();
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pgpass_line_matches_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:anna:no\n127.0.0.1:*:book:anna:se\\:cret\n";
        assert_eq!(
            lookup(text, ["127.0.0.1", "5433", "book", "anna"]).as_deref(),
            Some("se:cret")
        );
        assert_eq!(lookup(text, ["127.0.0.1", "5433", "book", "boris"]), None);
    }

    #[test]
    fn a_password_in_a_url_is_never_shown() {
        assert_eq!(
            without_password("postgres://anna:secret@db.local:5432/book"),
            "postgres://anna:***@db.local:5432/book"
        );
        assert_eq!(
            without_password("postgres://anna@db.local/book"),
            "postgres://anna@db.local/book"
        );
        assert_eq!(
            without_password("postgresql://anna@db.local/book?sslmode=disable&password=secret"),
            "postgresql://anna@db.local/book?sslmode=disable&password=***"
        );
    }

    #[test]
    fn a_url_is_kept_without_its_password() {
        assert_eq!(
            url_to_keep("postgres://anna:secret@db.local:5432/book"),
            "postgres://anna@db.local:5432/book"
        );
        assert_eq!(
            url_to_keep("postgres://anna@db.local/book?password=secret&sslmode=disable"),
            "postgres://anna@db.local/book?sslmode=disable"
        );
        assert_eq!(
            url_to_keep("postgres://anna@db.local:5432/book"),
            "postgres://anna@db.local:5432/book"
        );
        assert_eq!(
            url_to_keep("/home/anna/book.sqlite"),
            "/home/anna/book.sqlite"
        );
    }
}
