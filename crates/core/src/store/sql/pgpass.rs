//! Where a server book's password comes from: never the book or its URL as kept, but
//! `PGPASSWORD` or `~/.pgpass` (`host:port:database:user:password`, `*` for any,
//! `\:` and `\\` escaped), as every PostgreSQL tool reads them; and the line a person
//! asks the app to keep there.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use tokio_postgres::config::Host;
use tokio_postgres::Config;

use crate::{Error, Result};

/// Whether a book's location is a server's URL rather than a file.
pub fn is_server_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

pub(crate) fn config(url: &str) -> Result<Config> {
    let mut config = Config::from_str(url).map_err(|e| bad_url(url, &e))?;
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

fn bad_url(url: &str, e: &tokio_postgres::Error) -> Error {
    Error::refused(
        "bad_book_url",
        format!(
            "Неверный адрес книги на сервере «{}»: {e}",
            without_password(url)
        ),
        format!("Bad server book URL “{}”: {e}", without_password(url)),
    )
}

fn password_for(config: &Config) -> Option<String> {
    if let Ok(p) = std::env::var("PGPASSWORD") {
        return Some(p);
    }
    let text = std::fs::read_to_string(pgpass_file()?).ok()?;
    let [host, port, database, user] = pgpass_key(config);
    lookup(&text, [&host, &port, &database, &user])
}

/// The person's password file: `$PGPASSFILE`, else `~/.pgpass`.
fn pgpass_file() -> Option<PathBuf> {
    std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))
}

/// The host, port, database and user a `.pgpass` line of the connection names (libpq's
/// defaults where the URL gives none).
fn pgpass_key(config: &Config) -> [String; 4] {
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
    [host, port, database, user]
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

/// The `url` of a server book with `password` for this session's connections: as a
/// `password=` parameter, percent-encoded, which the recent books and the shown location
/// drop (see [`url_to_keep`], [`without_password`]).
pub fn with_password(url: &str, password: &str) -> String {
    let joint = if url.contains('?') { '&' } else { '?' };
    format!("{url}{joint}password={}", percent_encoded(password))
}

/// Every byte but the unreserved ones (`A–Z a–z 0–9 - . _ ~`) as `%XX`.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Keeps `password` for the server book at `url` in the person's password file
/// (`$PGPASSFILE`, else `~/.pgpass`), where every PostgreSQL tool finds it; answers the
/// file's path.
pub fn keep_password(url: &str, password: &str) -> Result<PathBuf> {
    let file = pgpass_file().ok_or_else(|| {
        Error::refused(
            "no_home",
            "Пароль не сохранить: не задан домашний каталог (HOME) и PGPASSFILE",
            "Cannot keep the password: neither HOME nor PGPASSFILE is set",
        )
    })?;
    keep_password_in(&file, url, password)?;
    Ok(file)
}

/// Writes the line `host:port:database:user:password` of the server book at `url` into
/// the password file `file` (`:` and `\` escaped), first, in place of any line for the
/// same host, port, database and user; the file readable by its owner only (0600), as
/// libpq requires.
fn keep_password_in(file: &Path, url: &str, password: &str) -> Result<()> {
    let config = Config::from_str(url).map_err(|e| bad_url(url, &e))?;
    let key = pgpass_key(&config);
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    write_private(file, &with_line(&text, &key, password))?;
    Ok(())
}

/// `text` with the line of `key` and `password` first and no other line for that key.
fn with_line(text: &str, key: &[String; 4], password: &str) -> String {
    let line = key
        .iter()
        .map(String::as_str)
        .chain([password])
        .map(escaped)
        .collect::<Vec<_>>()
        .join(":");
    let others = text.lines().filter(|l| {
        let fields = split(l);
        l.trim_start().starts_with('#') || fields.len() < 4 || fields[..4] != key[..]
    });
    let mut out = line;
    out.push('\n');
    for l in others {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// A `.pgpass` field: `\` and `:` escaped with `\`.
fn escaped(field: &str) -> String {
    field.replace('\\', "\\\\").replace(':', "\\:")
}

/// Writes `text` into a file beside `path` made readable by its owner only, then renames
/// it over `path`.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let partial = path.with_extension(format!("partial.{}", std::process::id()));
    let _ = std::fs::remove_file(&partial);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&partial)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
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

    #[test]
    fn a_kept_password_is_escaped_replaces_its_line_and_is_found_again() {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join(".pgpass");
        std::fs::write(
            &file,
            "# mine\ndb.local:5432:book:anna:old\nother:5432:*:boris:keep\n",
        )
        .expect("a password file");
        let url = "postgres://anna@db.local/book?sslmode=disable";
        keep_password_in(&file, url, "se:cr\\et").expect("kept");
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(
            text,
            "db.local:5432:book:anna:se\\:cr\\\\et\n# mine\nother:5432:*:boris:keep\n"
        );
        assert_eq!(
            lookup(&text, ["db.local", "5432", "book", "anna"]).as_deref(),
            Some("se:cr\\et")
        );
        assert_eq!(
            lookup(&text, ["other", "5432", "book", "boris"]).as_deref(),
            Some("keep")
        );
        keep_password_in(&file, url, "new").expect("kept again");
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(text.matches(":anna:").count(), 1, "{text}");
        assert_eq!(
            lookup(&text, ["db.local", "5432", "book", "anna"]).as_deref(),
            Some("new")
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_password_file_is_its_owners_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join(".pgpass");
        std::fs::write(&file, "").expect("a file anyone may read");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("0644");
        keep_password_in(&file, "postgres://anna@db.local:5433/book", "x").expect("kept");
        let mode = std::fs::metadata(&file)
            .expect("the file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_session_password_goes_into_the_url_and_never_out_of_it() {
        let url = with_password("postgres://anna@db.local/book", "p@ss:w/rd&x=1");
        assert_eq!(
            url,
            "postgres://anna@db.local/book?password=p%40ss%3Aw%2Frd%26x%3D1"
        );
        let config = Config::from_str(&url).expect("a URL");
        assert_eq!(config.get_password(), Some(&b"p@ss:w/rd&x=1"[..]));
        assert_eq!(url_to_keep(&url), "postgres://anna@db.local/book");
        assert!(!without_password(&url).contains("p%40ss"));
        let more = with_password("postgres://anna@db.local/book?sslmode=disable", "s");
        assert_eq!(
            more,
            "postgres://anna@db.local/book?sslmode=disable&password=s"
        );
    }
}
