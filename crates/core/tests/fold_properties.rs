//! Properties of the accrual fold: file order does not matter, a full refund nets to
//! zero, and no sequence of refunds creates money by rounding.

mod fold;

use fold::*;
use partnerbook_core::ledger::fold::{Collected, Paid};
use partnerbook_core::programs::Channel;
use proptest::prelude::*;

/// Two bitrix24 partners, four clients (two bound to each, one moved), as a book might
/// have them.
fn book_snapshot() -> partnerbook_core::ledger::fold::Snapshot {
    let mut s = snapshot();
    partner(&mut s, "B1", "bitrix24", "BONE");
    partner(&mut s, "B2", "bitrix24", "BTWO");
    for client_id in 1..=4 {
        let owner = if client_id % 2 == 0 { "B2" } else { "B1" };
        bound(&mut s, client_id, owner, Channel::Link, day(2024, 1, 1));
    }
    s
}

/// What an entry says, without the id the fold chose.
fn facts(c: &Collected) -> Vec<(String, &'static str, i64, &'static str, Option<i64>)> {
    let mut all: Vec<_> = c
        .entries
        .iter()
        .map(|e| (e.partner.clone(), e.kind.key(), e.amount, e.rule, e.payment))
        .collect();
    all.sort();
    all
}

/// Payments on distinct days per client (days 1..=200 of 2025), with some refunds after.
fn payments() -> impl Strategy<Value = Vec<Paid>> {
    prop::collection::vec((1i64..=4, 0u64..200, 1i64..1_000_000, 0u8..4), 1..40).prop_map(|rows| {
        let start = day(2025, 1, 1);
        let mut used = std::collections::HashSet::new();
        let mut out = Vec::new();
        let mut id = 0;
        for (client, offset, amount, refund_kind) in rows {
            if !used.insert((client, offset)) {
                continue;
            }
            id += 1;
            let date = start + chrono::Days::new(offset);
            let paid = pay(id, "bitrix24", client, date, amount);
            out.push(paid.clone());
            if refund_kind > 0 {
                id += 1;
                let part = amount * i64::from(refund_kind) / 3;
                out.push(refund(id, &paid, date + chrono::Days::new(10), part.max(1)));
            }
        }
        out
    })
}

proptest! {
    #[test]
    fn the_same_facts_in_any_file_order_give_the_same_entries(
        rows in payments(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = rows.clone();
        // a deterministic shuffle from the seed
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let a = fold(book_snapshot(), rows);
        let b = fold(book_snapshot(), shuffled);
        prop_assert_eq!(facts(&a), facts(&b));
        prop_assert_eq!(a.totals, b.totals);
    }

    #[test]
    fn refunds_never_reverse_more_than_was_credited(rows in payments()) {
        let out = fold(book_snapshot(), rows.clone());
        for p in rows.iter().filter(|p| p.refund_of.is_none()) {
            let refunds: Vec<i64> = rows.iter().filter(|r| r.refund_of == Some(p.id)).map(|r| r.id).collect();
            let credited: i64 = out.entries.iter().filter(|e| e.payment == Some(p.id)).map(|e| e.net()).sum();
            let reversed: i64 = out.entries.iter().filter(|e| e.payment.is_some_and(|id| refunds.contains(&id))).map(|e| -e.net()).sum();
            prop_assert!(reversed >= 0 && reversed <= credited, "payment {}: credited {credited}, reversed {reversed}", p.id);
        }
    }

    #[test]
    fn a_refund_in_parts_of_the_whole_payment_nets_to_zero(
        amount in 1i64..10_000_000,
        cuts in prop::collection::vec(1i64..1000, 0..6),
    ) {
        let paid = pay(1, "bitrix24", 1, day(2025, 3, 1), amount);
        let mut rows = vec![paid.clone()];
        // split the amount into parts by the cuts' proportions
        let total: i64 = cuts.iter().sum::<i64>() + 1;
        let mut left = amount;
        for (i, cut) in cuts.iter().enumerate() {
            let part = amount * cut / total;
            if part == 0 || part >= left {
                continue;
            }
            left -= part;
            rows.push(refund(10 + i as i64, &paid, day(2025, 3, 2) + chrono::Days::new(i as u64), part));
        }
        rows.push(refund(99, &paid, day(2025, 4, 1), left));
        let out = fold(book_snapshot(), rows);
        prop_assert_eq!(net(&out, "B1"), 0);
    }
}
