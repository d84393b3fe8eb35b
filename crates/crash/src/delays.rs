//! Seeded kill moments (SplitMix64: no dependency, the same sequence on every machine).

use std::time::Duration;

/// The delays after which the trials kill the command, drawn from a seed.
pub struct Delays {
    state: u64,
}

impl Delays {
    pub fn new(seed: u64) -> Delays {
        Delays { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A delay in `[0, within)`, to the microsecond.
    pub fn next(&mut self, within: Duration) -> Duration {
        let micros = within.as_micros().max(1) as u64;
        Duration::from_micros(self.next_u64() % micros)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_delays_within_the_bound() {
        let bound = Duration::from_millis(250);
        let a: Vec<Duration> = (0..20)
            .scan(Delays::new(7), |d, _| Some(d.next(bound)))
            .collect();
        let b: Vec<Duration> = (0..20)
            .scan(Delays::new(7), |d, _| Some(d.next(bound)))
            .collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|d| *d < bound));
        assert!(a.windows(2).any(|w| w[0] != w[1]));
    }
}
