//! The demo's only source of chance: a fixed-seed generator, so the same day always
//! gives the same book.

use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

pub(super) struct Dice(StdRng);

impl Dice {
    pub(super) fn new(seed: u64) -> Dice {
        Dice(StdRng::seed_from_u64(seed))
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.0.random_range(0..n)
        }
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    pub(super) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            self.0.random_range(lo..=hi)
        }
    }

    /// True `percent` times out of a hundred.
    pub(super) fn chance(&mut self, percent: u32) -> bool {
        self.0.random_range(0..100) < percent
    }

    pub(super) fn digit(&mut self) -> u8 {
        self.0.random_range(0..10)
    }

    pub(super) fn digits(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.digit()).collect()
    }

    /// `n` random digits as text.
    pub(super) fn number(&mut self, n: usize) -> String {
        self.digits(n)
            .iter()
            .map(|d| char::from(b'0' + d))
            .collect()
    }

    /// `n` characters drawn from `alphabet` (ASCII).
    pub(super) fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| {
                char::from(
                    alphabet
                        .get(self.below(alphabet.len()))
                        .copied()
                        .unwrap_or(b'0'),
                )
            })
            .collect()
    }

    /// One of the items, or `None` if there are none.
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// One item of a `|`-separated list.
    pub(super) fn word(&mut self, list: &'static str) -> &'static str {
        let words: Vec<&'static str> = list
            .split('|')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        self.pick(&words).copied().unwrap_or_default()
    }

    /// An index drawn in proportion to `weights` (`None` when they sum to 0).
    pub(super) fn weighted(&mut self, weights: &[u32]) -> Option<usize> {
        let total: u32 = weights.iter().sum();
        if total == 0 {
            return None;
        }
        let mut roll = self.0.random_range(0..total);
        for (index, weight) in weights.iter().enumerate() {
            if roll < *weight {
                return Some(index);
            }
            roll -= weight;
        }
        None
    }

    /// A day `lo..=hi` days after `day`.
    pub(super) fn days_after(&mut self, day: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
        day + Duration::days(self.between(lo, hi))
    }
}
