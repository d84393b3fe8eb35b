//! Stand-ins for the core functions the commands call that are not on `main` yet.
//! Their signatures are the contract; each answers `not_ready`. When the core lands,
//! this file goes and the commands' `use crate::core_pending::…` lines become
//! `use partnerbook_core::…`.

pub mod partners {
    use partnerbook_core::audit::Actor;
    use partnerbook_core::partners::{Partner, PartnerInput, PartnerPage, PartnerQuery};
    use partnerbook_core::{Lang, Result};
    use rusqlite::Connection;
    use serde::Serialize;

    /// A partner's card (the core's will have tabs of contract, clients, accruals …).
    #[derive(Debug, Clone, Serialize)]
    pub struct PartnerCard {
        pub partner: Partner,
    }

    pub fn partner_page(_db: &Connection, _query: &PartnerQuery) -> Result<PartnerPage> {
        Err(super::not_ready())
    }

    pub fn partner_card(_db: &Connection, _partner: &str, _lang: Lang) -> Result<PartnerCard> {
        Err(super::not_ready())
    }

    pub fn create_partner(
        _tx: &Connection,
        _actor: &Actor,
        _input: PartnerInput,
    ) -> Result<Partner> {
        Err(super::not_ready())
    }

    pub fn update_partner(
        _tx: &Connection,
        _actor: &Actor,
        _partner: &str,
        _input: PartnerInput,
    ) -> Result<Partner> {
        Err(super::not_ready())
    }
}

pub mod clients {
    use partnerbook_core::clients::{ClientCard, ClientPage, ClientQuery};
    use partnerbook_core::{Lang, Result};
    use rusqlite::Connection;

    pub fn client_page(_db: &Connection, _query: &ClientQuery) -> Result<ClientPage> {
        Err(super::not_ready())
    }

    pub fn client_card(
        _db: &Connection,
        _program: &str,
        _client: &str,
        _lang: Lang,
    ) -> Result<ClientCard> {
        Err(super::not_ready())
    }
}

pub mod import {
    use std::path::PathBuf;

    use partnerbook_core::audit::Actor;
    use partnerbook_core::import::{ImportKind, ImportProgress, ImportRecord, ImportReport};
    use partnerbook_core::store::Book;
    use partnerbook_core::{Lang, Result};
    use rusqlite::Connection;

    // The core's `run_import` reads these; the stand-in does not.
    #[allow(dead_code)]
    pub struct ImportOptions {
        pub kind: ImportKind,
        pub path: PathBuf,
        pub sheet: Option<String>,
        pub dry_run: bool,
        pub lang: Lang,
    }

    pub fn run_import(
        _book: &mut Book,
        _options: &ImportOptions,
        _actor: &Actor,
        _progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        Err(super::not_ready())
    }

    pub fn import_history(_db: &Connection) -> Result<Vec<ImportRecord>> {
        Err(super::not_ready())
    }
}

fn not_ready() -> partnerbook_core::Error {
    partnerbook_core::Error::refused(
        "not_ready",
        "Эта функция ещё не готова в этой сборке.",
        "This function is not ready in this build yet.",
    )
}
