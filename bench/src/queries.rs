//! Timing the partners table (`partner_page`) over the imported book, in several shapes.

use std::time::{Duration, Instant};

use partnerbook_core::partners::{partner_page, PartnerQuery, PartnerSort, PartnerStatus};
use partnerbook_core::store::Book;
use partnerbook_core::Result;

/// Timed runs per shape (after one warm-up run).
pub const RUNS: usize = 50;

/// One query shape and its timings.
pub struct QueryTiming {
    pub name: String,
    /// Matching partners (the page's `total`).
    pub total: u32,
    pub rows: usize,
    pub median: Duration,
    pub p95: Duration,
}

/// The shapes: what a user does with the table.
fn shapes(partners: usize) -> Vec<(String, PartnerQuery)> {
    let search = |s: &str| Some(s.to_owned());
    let deep = (partners as u32 * 9 / 10).saturating_sub(100);
    vec![
        ("first page, sort by name".into(), PartnerQuery::default()),
        (
            "search only «ромашка»".into(),
            PartnerQuery {
                search: search("ромашка"),
                ..PartnerQuery::default()
            },
        ),
        (
            "search ИНН digits «77070»".into(),
            PartnerQuery {
                search: search("77070"),
                ..PartnerQuery::default()
            },
        ),
        (
            "filter only bitrix24+active".into(),
            PartnerQuery {
                program: search("bitrix24"),
                status: Some(PartnerStatus::Active),
                ..PartnerQuery::default()
            },
        ),
        (
            "search+filter, by name, offset 200".into(),
            PartnerQuery {
                search: search("ромашка"),
                program: search("bitrix24"),
                status: Some(PartnerStatus::Active),
                sort: Some(PartnerSort::Name),
                offset: Some(200),
                limit: Some(100),
                ..PartnerQuery::default()
            },
        ),
        (
            format!("all, by clients desc, offset {deep}"),
            PartnerQuery {
                sort: Some(PartnerSort::Clients),
                descending: Some(true),
                offset: Some(deep),
                limit: Some(100),
                ..PartnerQuery::default()
            },
        ),
    ]
}

/// The `q`-quantile of sorted timings, nearest rank.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Runs every shape [`RUNS`] times over the book.
pub fn time_queries(book: &Book, partners: usize) -> Result<Vec<QueryTiming>> {
    let mut out = Vec::new();
    for (name, query) in shapes(partners) {
        let first = partner_page(book.db(), &query)?;
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let start = Instant::now();
            let page = partner_page(book.db(), &query)?;
            times.push(start.elapsed());
            std::hint::black_box(page);
        }
        times.sort();
        out.push(QueryTiming {
            name,
            total: first.total,
            rows: first.rows.len(),
            median: quantile(&times, 0.5),
            p95: quantile(&times, 0.95),
        });
    }
    Ok(out)
}
