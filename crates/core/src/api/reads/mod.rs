//! The reads both shells make, one function each: the book (`&Book`, never its
//! connection) and typed arguments in, the typed answer out. Each reads one snapshot of
//! the book ([`Book::read`](crate::store::Book)), so a page and its total agree while
//! another connection writes, and none waits for a writer.

mod acts;
mod book;
mod clients;
mod discounts;
mod documents;
mod ledger;
mod partners;
mod programs;

pub use acts::{
    act_document, act_signatures, act_state, acts_page, deadlines, overview, payout_register,
    ready_list, ready_to_convert, register_view, statement_preview,
};
pub use book::{check_book, import_history, user_settings};
pub use clients::{client_card, client_page, clients_of};
pub use discounts::{client_discounts, discount_history, discount_schedule, invited_clients};
pub use documents::{export_table, register_file, signed_act_files, statement_file};
pub use ledger::{
    balance_table, balances, monthly_accruals, partner_entries, partner_ledger, unearned_page,
};
pub use partners::{partner, partner_card, partner_page, partners_of, vendor};
pub use programs::{program, program_versions, programs, whatif};

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::audit::Actor;
    use crate::partners::{self, PartnerInput, PartnerQuery};
    use crate::store::{test_books_server, Book, Throwaway};

    /// What keeps the book until the test ends (dropped after its connections), and the
    /// book opened twice as the app opens it, a writer and a reader: a file here, or a
    /// database of its own on the test server.
    fn opened_twice() -> (Box<dyn std::any::Any>, Book, Book) {
        if let Some(server) = test_books_server() {
            let made = Throwaway::make(&server).expect("a database on the test server");
            let writer = Book::open_server(&made.url).expect("the writer");
            let reader = Book::open_server(&made.url).expect("the reader");
            return (Box::new(made), writer, reader);
        }
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("book.sqlite");
        let writer = Book::open(&path).expect("the writer");
        let reader = Book::open(&path).expect("the reader");
        (Box::new(dir), writer, reader)
    }

    fn partner(id: &str) -> PartnerInput {
        PartnerInput {
            partner_id: Some(id.to_owned()),
            program: Some("quantower".into()),
            name: Some(format!("Partner {id}")),
            kind: Some("foreign".into()),
            ..PartnerInput::default()
        }
    }

    fn actor() -> Actor {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a real time");
        Actor::new("tester", now)
    }

    fn partners(book: &Book) -> u32 {
        super::partner_page(book, &PartnerQuery::default())
            .expect("the partners")
            .total
    }

    #[test]
    fn a_read_waits_for_no_writer_and_sees_the_last_commit() {
        let (_kept, mut writer, mut reader) = opened_twice();
        // A read that waited for the writer would be refused at once, not hang.
        reader
            .set_wait(Duration::from_millis(50))
            .expect("a short wait");
        let tx = writer.begin().expect("the writer holds the book");
        partners::create_partner(&tx, &actor(), partner("P-1")).expect("written");
        assert_eq!(partners(&reader), 0, "not committed yet");
        tx.commit().expect("committed");
        assert_eq!(partners(&reader), 1);
    }

    #[test]
    fn a_read_sees_one_snapshot_while_another_connection_commits() {
        let (_kept, mut writer, reader) = opened_twice();
        let query = PartnerQuery::default();
        let (first, second) = reader
            .read(|db| {
                let first = partners::partner_page(db, &query)?.total;
                writer.write(|tx| partners::create_partner(tx, &actor(), partner("P-1")))?;
                let second = partners::partner_page(db, &query)?.total;
                Ok((first, second))
            })
            .expect("read");
        assert_eq!((first, second), (0, 0), "one snapshot throughout the read");
        assert_eq!(partners(&reader), 1, "the next read sees the commit");
    }
}
