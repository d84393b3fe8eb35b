//! What the app holds while it runs: the open book (switchable), the person's own
//! settings (their config file, not the book), and the cancel flag of the running import.
//!
//! The book is reached only through [`AppState::read`] and [`AppState::change`], which
//! run on Tauri's blocking pool, never on an async worker: a server book's client (the
//! sync `postgres` crate) runs a runtime of its own, and using or dropping it inside
//! another runtime's async context panics. A book is opened and closed there too.
//! The book is open twice: changes go one at a time through the writer, reads through a
//! second connection of their own, so a table is read (as last committed) while an import
//! runs — SQLite's WAL and PostgreSQL's MVCC let a reader see the last committed state
//! while a writer works.
//! Switching books replaces the book new commands use; a task already running (an
//! import, a batch of acts) keeps the book it began on until it ends.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use partnerbook_core::api;
use partnerbook_core::audit::Actor;
use partnerbook_core::store::sql::is_server_url;
use partnerbook_core::store::Book;
use partnerbook_core::user_settings::UserSettings;
use partnerbook_core::{ErrorDto, Lang, Result, Text};

use crate::book_location::{BookLocation, StartFallback};
use crate::error::{shell_error, to_dto};
use crate::user;
use tauri::{AppHandle, Emitter};

pub struct AppState {
    open: Mutex<OpenBook>,
    settings: Mutex<UserSettings>,
    settings_path: PathBuf,
    /// The last book used, when it did not open as the app started (cleared when another
    /// book is opened).
    fallback: Mutex<Option<StartFallback>>,
    /// Set by `import_cancel`; the running import sees it at its next progress report.
    pub cancel: Arc<AtomicBool>,
    /// The app, to tell the window the book changed ([`BOOK_CHANGED`]), once it runs.
    app: OnceLock<AppHandle>,
}

/// The event the window gets after every change made through [`AppState::change`]: its
/// screens read the book again.
pub const BOOK_CHANGED: &str = "book-changed";

/// The book new commands use, and where it is.
#[derive(Clone)]
struct OpenBook {
    /// The connection every change goes through, one at a time.
    writer: Arc<Mutex<Book>>,
    /// The connection reads go through: never queued behind a change.
    reader: Arc<Mutex<Book>>,
    location: BookLocation,
    read_only: bool,
}

impl OpenBook {
    /// The book at `location` (a file's path or a server's URL, with the `password` typed
    /// for this session), opened for changes and again for reads; the password is not kept.
    fn open(location: &str, password: Option<&str>) -> Result<OpenBook> {
        let connection = connection(location, password);
        let path = Path::new(&connection);
        let writer = Book::open(path)?;
        let reader = Book::open(path)?;
        Ok(OpenBook {
            read_only: writer.is_read_only(),
            writer: Arc::new(Mutex::new(writer)),
            reader: Arc::new(Mutex::new(reader)),
            location: BookLocation::of(location),
        })
    }
}

impl AppState {
    /// Opens (or creates) the book the app starts on, with the person's settings from
    /// their file at `settings_path`. Runs before Tauri starts, outside any async runtime.
    pub fn open(location: &str, settings_path: PathBuf) -> Result<AppState> {
        Ok(AppState::new(
            OpenBook::open(location, None)?,
            settings_path,
        ))
    }

    /// Why the book at `location` did not open, in the user's language (`$LANG`), for the
    /// app's last words.
    pub fn not_opened(location: &str, e: &partnerbook_core::Error) -> String {
        let lang = std::env::var("LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default();
        let shown = BookLocation::of(location);
        let shown = shown.shown();
        match lang {
            Lang::Ru => format!("Не открыть книгу {shown}:\n{}", e.message(lang)),
            Lang::En => format!("Cannot open the book {shown}:\n{}", e.message(lang)),
        }
    }

    /// Says that the last book used, at `location`, did not open as the app started
    /// (`error`), until another book is opened.
    pub fn fell_back_from(&self, location: &str, error: &partnerbook_core::Error) {
        let fallback = StartFallback {
            book: BookLocation::of(location),
            error: ErrorDto::new(error, self.lang()),
        };
        *self
            .fallback
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(fallback);
    }

    /// The last book used, when it did not open as the app started, and why.
    pub fn fallback(&self) -> Option<StartFallback> {
        self.fallback
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The app on the book `open`, with the person's settings from their config file.
    fn new(open: OpenBook, settings_path: PathBuf) -> AppState {
        let settings = api::user_settings(&lock(&open.reader), &settings_path);
        AppState {
            open: Mutex::new(open),
            settings: Mutex::new(settings),
            settings_path,
            fallback: Mutex::new(None),
            cancel: Arc::new(AtomicBool::new(false)),
            app: OnceLock::new(),
        }
    }

    /// The running app, which [`BOOK_CHANGED`] goes to.
    pub fn attach(&self, app: AppHandle) {
        // Set once, as the app starts; a second call changes nothing.
        let _ = self.app.set(app);
    }

    /// Tells the window that the book changed (its screens read it again).
    pub fn book_changed(&self) {
        if let Some(app) = self.app.get() {
            if let Err(e) = app.emit(BOOK_CHANGED, ()) {
                eprintln!("Partnerbook: {BOOK_CHANGED}: {e}");
            }
        }
    }

    /// Whether the book new commands use is open to be read only.
    pub fn read_only(&self) -> bool {
        self.current().read_only
    }

    /// Where the book new commands use is.
    pub fn location(&self) -> BookLocation {
        self.current().location
    }

    fn current(&self) -> OpenBook {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The person's settings as they are now.
    pub fn settings(&self) -> UserSettings {
        self.settings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Changes the person's settings and writes them to their config file.
    pub fn change_settings(
        &self,
        change: impl FnOnce(&mut UserSettings),
    ) -> std::result::Result<(), ErrorDto> {
        self.change_settings_if(|s| {
            change(s);
            true
        })
    }

    /// Changes the person's settings and writes them when `change` says it changed them.
    fn change_settings_if(
        &self,
        change: impl FnOnce(&mut UserSettings) -> bool,
    ) -> std::result::Result<(), ErrorDto> {
        let mut settings = self
            .settings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !change(&mut settings) {
            return Ok(());
        }
        let lang = user::lang(&settings);
        settings
            .save(&self.settings_path)
            .map_err(|e| to_dto(e, lang))
    }

    /// Puts the book at `location` first among the person's recent books.
    pub fn remember_book(&self, location: &str) -> std::result::Result<(), ErrorDto> {
        self.change_settings_if(|s| s.remember_book(location))
    }

    pub fn lang(&self) -> Lang {
        user::lang(&self.settings())
    }

    /// Who acts now.
    pub fn actor(&self) -> Actor {
        user::actor(&self.settings())
    }

    /// Runs a read on the book's reader, on the blocking pool: it sees the book as last
    /// committed and does not wait for a change running meanwhile. Errors come back in the
    /// person's language.
    pub async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Book, Lang) -> Result<T> + Send + 'static,
    ) -> std::result::Result<T, ErrorDto> {
        let (book, lang) = (self.current().reader, self.lang());
        blocking(lang, move || {
            let book = lock(&book);
            f(&book, lang).map_err(|e| to_dto(e, lang))
        })
        .await?
    }

    /// Runs a change on the book as the current operator, now, on the blocking pool; the
    /// window hears [`BOOK_CHANGED`] when it is made. `doing` names it to another writer
    /// waiting for the book, and in the refusal of a book open read-only.
    pub async fn change<T: Send + 'static>(
        &self,
        doing: Text,
        f: impl FnOnce(&mut Book, &Actor, Lang) -> Result<T> + Send + 'static,
    ) -> std::result::Result<T, ErrorDto> {
        let (book, lang, actor) = (self.current().writer, self.lang(), self.actor());
        let done = blocking(lang, move || {
            let mut book = lock(&book);
            book.set_doing(&actor.operator, doing);
            f(&mut book, &actor, lang).map_err(|e| to_dto(e, lang))
        })
        .await?;
        if done.is_ok() {
            self.book_changed();
        }
        done
    }

    /// Opens the book at `location` (a file's path or a server's URL, with the `password`
    /// typed for this session), runs `f` on it and closes it again; the open book stays as
    /// it is.
    pub async fn try_book<T: Send + 'static>(
        &self,
        location: String,
        password: Option<String>,
        f: impl FnOnce(&Book, Lang) -> Result<T> + Send + 'static,
    ) -> std::result::Result<T, ErrorDto> {
        let lang = self.lang();
        blocking(lang, move || {
            let connection = connection(&location, password.as_deref());
            let book = Book::open(Path::new(&connection)).map_err(|e| to_dto(e, lang))?;
            f(&book, lang).map_err(|e| to_dto(e, lang))
        })
        .await?
    }

    /// Opens the book at `location` (with the `password` typed for this session, never
    /// kept) and makes it the one every later command uses, first among the recent books;
    /// the book before is closed once the last task on it ends.
    pub async fn switch(
        &self,
        location: String,
        password: Option<String>,
    ) -> std::result::Result<BookLocation, ErrorDto> {
        let lang = self.lang();
        let opening = location.clone();
        let next = blocking(lang, move || {
            OpenBook::open(&opening, password.as_deref()).map_err(|e| to_dto(e, lang))
        })
        .await??;
        if let Err(e) = self.remember_book(&location) {
            close(next);
            return Err(e);
        }
        let shown = next.location.clone();
        let before = std::mem::replace(
            &mut *self
                .open
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
            next,
        );
        close(before);
        *self
            .fallback
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        Ok(shown)
    }
}

/// What opens the book at `location`: a server's URL with the password typed for this
/// session, when there is one.
fn connection(location: &str, password: Option<&str>) -> String {
    match password.filter(|p| !p.is_empty()) {
        Some(password) if is_server_url(location) => api::with_password(location, password),
        _ => location.to_owned(),
    }
}

/// Drops `what` (holding a book) on the blocking pool: a server book's client blocks as
/// it closes.
fn close<T: Send + 'static>(what: T) {
    drop(tauri::async_runtime::spawn_blocking(move || drop(what)));
}

/// Runs `f` on the blocking pool and waits for it without blocking an async worker.
async fn blocking<T: Send + 'static>(
    lang: Lang,
    f: impl FnOnce() -> T + Send + 'static,
) -> std::result::Result<T, ErrorDto> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| {
        shell_error(
            "book_task_failed",
            format!("Работа с книгой прервалась: {e}"),
            format!("The work on the book stopped unexpectedly: {e}"),
            lang,
        )
    })
}

/// Locks the book. A panic in an earlier command cannot leave a half-written change
/// (its transaction rolled back when dropped), so a poisoned lock is still usable.
fn lock(book: &Mutex<Book>) -> MutexGuard<'_, Book> {
    book.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use partnerbook_core::import::{ImportKind, ImportOptions};
    use partnerbook_core::partners::PartnerQuery;
    use partnerbook_core::vendor::Vendor;

    /// What the `postgres` client does on every call: starts a runtime of its own and
    /// blocks on it — which panics inside an async context.
    fn block_as_a_server_client_does() {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
            .block_on(async {});
    }

    /// Makes the book at `path`, told apart by its vendor's name.
    fn make_book(path: &Path, mark: &str) {
        let mut book = Book::open(path).expect("a book");
        let named = Vendor {
            name: Some(mark.to_owned()),
            ..Vendor::default()
        };
        let noon = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("a real time");
        api::set_vendor(&mut book, &Actor::new("tester", noon), named).expect("marked");
    }

    fn mark(book: &Book) -> Result<String> {
        Ok(api::vendor(book)?.name.unwrap_or_default())
    }

    /// The app on the book at `book`, its settings at `settings`.
    fn state_on(book: &Path, settings: PathBuf) -> AppState {
        let open = OpenBook::open(&book.display().to_string(), None).expect("the book opens");
        AppState::new(open, settings)
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a runtime")
    }

    #[test]
    fn the_book_is_used_where_blocking_is_allowed_and_a_running_task_keeps_its_book() {
        let dir = tempfile::tempdir().expect("a folder");
        let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
        make_book(&a, "A");
        make_book(&b, "B");
        let state = Arc::new(state_on(
            &a,
            dir.path().join("config").join("settings.json"),
        ));
        runtime().block_on(async {
            let read = state.read(|book, _| {
                block_as_a_server_client_does();
                mark(book)
            });
            assert_eq!(read.await.map_err(|e| e.message).as_deref(), Ok("A"));

            // A task on book A that runs until told to end.
            let (go_on, wait) = std::sync::mpsc::channel::<()>();
            let (started, has_started) = tokio::sync::oneshot::channel();
            let running = Arc::clone(&state);
            let task = tokio::spawn(async move {
                running
                    .change(
                        Text::new("держит книгу", "holds the book"),
                        move |book, _, _| {
                            let _ = started.send(());
                            let _ = wait.recv();
                            block_as_a_server_client_does();
                            mark(book)
                        },
                    )
                    .await
            });
            has_started.await.expect("the task started");

            let switched = state.switch(b.display().to_string(), None).await;
            assert_eq!(
                switched.map_err(|e| e.message),
                Ok(BookLocation::File {
                    path: b.display().to_string()
                })
            );
            assert_eq!(state.location().shown(), b.display().to_string());
            let read = state.read(|book, _| mark(book)).await;
            assert_eq!(read.map_err(|e| e.message).as_deref(), Ok("B"));

            go_on.send(()).expect("the task waits");
            let finished = task.await.expect("the task ended");
            assert_eq!(finished.map_err(|e| e.message).as_deref(), Ok("A"));
        });
        assert_eq!(
            state.settings().recent_books,
            [b.display().to_string()],
            "the book switched to is remembered"
        );
    }

    #[test]
    fn a_change_to_a_read_only_book_is_refused_naming_what_was_to_be_done() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = dir.path().join("a.sqlite");
        make_book(&a, "A");
        let mut permissions = std::fs::metadata(&a).expect("the book").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&a, permissions).expect("made read-only");
        let state = state_on(&a, dir.path().join("settings.json"));
        assert!(state.read_only());
        runtime().block_on(async {
            let doing = Text::new(
                "меняет реквизиты поставщика",
                "is changing the vendor's details",
            );
            let refused = state
                .change(doing, |book, actor, _| {
                    api::set_vendor(book, actor, Vendor::default())
                })
                .await
                .expect_err("a read-only book is not written");
            assert_eq!(refused.code, "read_only");
            assert!(
                refused
                    .message
                    .contains("меняет реквизиты поставщика; ничего не изменено"),
                "{}",
                refused.message
            );
            let read = state.read(|book, _| mark(book)).await;
            assert_eq!(
                read.map_err(|e| e.message).as_deref(),
                Ok("A"),
                "still read"
            );
        });
    }

    #[test]
    fn a_book_that_does_not_open_leaves_the_open_one() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = dir.path().join("a.sqlite");
        make_book(&a, "A");
        let state = state_on(&a, dir.path().join("settings.json"));
        runtime().block_on(async {
            // Nothing listens on port 1.
            let refused = state
                .switch(
                    "postgres://nobody@127.0.0.1:1/book".to_owned(),
                    Some("secret".to_owned()),
                )
                .await
                .expect_err("no server there");
            assert_eq!(refused.code, "server_unreachable");
            assert!(
                refused
                    .message
                    .contains("по этому адресу и порту сервер не отвечает"),
                "{}",
                refused.message
            );
            let read = state.read(|book, _| mark(book)).await;
            assert_eq!(read.map_err(|e| e.message).as_deref(), Ok("A"));
        });
        assert_eq!(state.location().shown(), a.display().to_string());
        assert!(state.settings().recent_books.is_empty());
    }

    #[test]
    fn a_read_does_not_wait_for_an_import_and_sees_the_book_as_last_committed() {
        let dir = tempfile::tempdir().expect("a folder");
        let a = dir.path().join("a.sqlite");
        make_book(&a, "A");
        let state = Arc::new(state_on(&a, dir.path().join("settings.json")));
        let partners = |book: &Book, _| {
            api::partner_page(book, &PartnerQuery::default()).map(|page| page.total)
        };
        runtime().block_on(async {
            // An import that has written its rows and, before it commits, waits to be told
            // to go on: it holds the writer all that time.
            let (go_on, wait) = std::sync::mpsc::channel::<()>();
            let (written, has_written) = tokio::sync::oneshot::channel();
            let importing = Arc::clone(&state);
            let import = tokio::spawn(async move {
                importing
                    .change(
                        ImportKind::Partners.doing("partners_ok.csv"),
                        move |book, actor, lang| {
                            let options = ImportOptions {
                                kind: ImportKind::Partners,
                                path: Path::new(env!("CARGO_MANIFEST_DIR"))
                                    .join("../tests/fixtures/partners_ok.csv"),
                                sheet: None,
                                program: None,
                                dry_run: false,
                                lang,
                            };
                            let mut written = Some(written);
                            api::import(book, &options, actor, &mut |_| {
                                if let Some(written) = written.take() {
                                    let _ = written.send(());
                                    let _ = wait.recv();
                                }
                                true
                            })
                        },
                    )
                    .await
            });
            has_written.await.expect("the import wrote its rows");

            // A read waiting for the writer would never end: the import waits for us.
            let before = tokio::time::timeout(Duration::from_secs(60), state.read(partners))
                .await
                .expect("the read did not wait for the import");
            assert_eq!(
                before.map_err(|e| e.message),
                Ok(0),
                "the book as it was before the import"
            );

            go_on.send(()).expect("the import waits");
            let report = import.await.expect("the import ended");
            assert_eq!(report.map(|r| r.committed).map_err(|e| e.message), Ok(true));
            let after = state.read(partners).await;
            assert_eq!(after.map_err(|e| e.message), Ok(6), "the import committed");
        });
    }
}
