//! Properties of the ledger over random billing: a balance equals the sum of its
//! entries; a full refund nets to zero; partial refunds are pro rata; rounding never
//! creates money; re-importing a file changes nothing.

mod common;

use common::*;
use partnerbook_core::ledger::{balances, partner_entries, BalanceRow};
use partnerbook_core::partners::PartnerInput;
use partnerbook_core::programs::Channel;
use partnerbook_core::store::Book;
use partnerbook_core::Lang;
use proptest::prelude::*;
use rust_decimal::prelude::*;

/// One purchase (minor units) and the refunds made of it (minor units, each > 0).
#[derive(Debug, Clone)]
struct Sale {
    paid: i64,
    refunds: Vec<i64>,
}

fn sale() -> impl Strategy<Value = Sale> {
    (1i64..5_000_000, prop::collection::vec(1u32..100, 0..4)).prop_map(|(paid, shares)| {
        // each refund takes a share (in %) of what is left, the last may take all of it
        let mut left = paid;
        let mut refunds = Vec::new();
        for share in shares {
            let part = (left * i64::from(share) / 100).max(1).min(left);
            if left == 0 {
                break;
            }
            refunds.push(part);
            left -= part;
        }
        Sale { paid, refunds }
    })
}

fn money(minor: i64) -> String {
    Decimal::new(minor, 2).to_string()
}

fn minor(text: &str) -> i64 {
    (Decimal::from_str(text).expect("a decimal") * Decimal::ONE_HUNDRED)
        .to_i64()
        .expect("fits")
}

/// A ciawifi book with one partner at `rate` % and one bound client.
fn book_at(rate: &str) -> Book {
    let mut book = book();
    add_partner(
        &mut book,
        PartnerInput {
            rate: s(rate),
            ..ciawifi_partner("P-W", "54321")
        },
    );
    let program = program(&book, "ciawifi");
    let client = add_client(&book, "ciawifi", "W-1", None, day(2025, 1, 1));
    attempt(
        &book,
        &program,
        client,
        "54321",
        Channel::Link,
        day(2025, 1, 1),
    );
    book
}

fn file(sales: &[Sale]) -> String {
    let mut csv = BILLING_HEADER.to_owned();
    for (i, sale) in sales.iter().enumerate() {
        let date = day(2025, 2, 1) + chrono::Days::new(i as u64);
        csv += &format!("S-{i},ciawifi,{date},W-1,{},,,,,,,\n", money(sale.paid));
        for (j, refund) in sale.refunds.iter().enumerate() {
            let date = date + chrono::Days::new(j as u64 + 1);
            csv += &format!(
                "R-{i}-{j},ciawifi,{date},W-1,-{},,,,refund,S-{i},,\n",
                money(*refund)
            );
        }
    }
    csv
}

fn the_balance(book: &Book) -> BalanceRow {
    balances(book.db(), day(2030, 1, 1), None)
        .expect("balances")
        .into_iter()
        .find(|b| b.partner == "P-W")
        .expect("listed")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn balances_credits_and_refunds_add_up(
        rate in prop::sample::select(vec!["20", "12.5", "33.33", "7", "99.99"]),
        sales in prop::collection::vec(sale(), 1..8),
    ) {
        let mut book = book_at(rate);
        let csv = file(&sales);
        billing_ok(&mut book, &csv);
        let entries = partner_entries(book.db(), "P-W", Lang::En).expect("ledger");
        let rate = Decimal::from_str(rate).expect("rate");

        // a balance equals the sum of its entries
        let b = the_balance(&book);
        let credits: i64 = entries.iter().filter(|e| e.kind == "credit").map(|e| minor(&e.amount)).sum();
        let reversals: i64 = entries.iter().filter(|e| e.kind == "reversal").map(|e| minor(&e.amount)).sum();
        prop_assert_eq!(minor(&b.accrued), credits);
        prop_assert_eq!(minor(&b.reversed), reversals);
        prop_assert_eq!(minor(&b.available), credits - reversals);

        for (i, sale) in sales.iter().enumerate() {
            let payment = format!("S-{i}");
            let credit: i64 = entries.iter().filter(|e| e.kind == "credit" && e.payment.as_deref() == Some(&payment)).map(|e| minor(&e.amount)).sum();
            let reversed: i64 = entries
                .iter()
                .filter(|e| e.kind == "reversal" && e.payment.as_deref().is_some_and(|p| p.starts_with(&format!("R-{i}-"))))
                .map(|e| minor(&e.amount))
                .sum();
            // rounding never creates money: the credit is the exact share rounded to the kopeck
            let exact = Decimal::from(sale.paid) * rate / Decimal::ONE_HUNDRED;
            prop_assert!((Decimal::from(credit) - exact).abs() <= Decimal::new(5, 1), "credit {} for exact {}", credit, exact);
            prop_assert!(reversed <= credit);
            let refunded: i64 = sale.refunds.iter().sum();
            if refunded == sale.paid {
                // a full refund nets to zero
                prop_assert_eq!(reversed, credit);
            } else {
                // partial refunds are pro rata (rounded half-up once, on the running total)
                let share = Decimal::from(credit) * Decimal::from(refunded) / Decimal::from(sale.paid);
                let expected = share.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i64().expect("fits");
                prop_assert_eq!(reversed, expected);
            }
        }

        // re-importing the file changes nothing
        let again = billing_ok(&mut book, &csv);
        prop_assert_eq!(again.added, 0);
        prop_assert_eq!(the_balance(&book), b);
        prop_assert_eq!(partner_entries(book.db(), "P-W", Lang::En).expect("ledger").len(), entries.len());
    }
}
