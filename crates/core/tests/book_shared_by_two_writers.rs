//! Two programs (the app and the CLI) on one book: every write lands whole, nothing is
//! lost, and the file stays sound.

use chrono::NaiveDate;
use partnerbook_core::audit::Actor;
use partnerbook_core::partners::{create_partner, partner_page, PartnerInput, PartnerQuery};
use partnerbook_core::store::Book;

fn actor(name: &str) -> Actor {
    let now = NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time");
    Actor::new(name, now)
}

fn input(id: String) -> PartnerInput {
    PartnerInput {
        partner_id: Some(id.clone()),
        program: Some("quantower".into()),
        name: Some(format!("Partner {id}")),
        kind: Some("foreign".into()),
        ..PartnerInput::default()
    }
}

#[test]
fn two_writers_on_one_book_lose_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shared.sqlite");
    drop(Book::open(&path).expect("create"));
    let writers: Vec<_> = ["app", "cli"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut book = Book::open(&path).expect("open");
                let actor = actor(who);
                for i in 0..150 {
                    book.write(|tx| create_partner(tx, &actor, input(format!("{who}-{i}"))))
                        .expect("write");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    let book = Book::open(&path).expect("reopen");
    let page = partner_page(book.db(), &PartnerQuery::default()).expect("page");
    assert_eq!(page.total, 300);
    let check: String = book
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let audit: i64 = book
        .db()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'create'",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(audit, 300);
}
