//! A mutation builds no more than it keeps: an input already at the size limit, its one
//! line repeated or a chunk of it repeated, makes the heap grow by a few inputs' worth,
//! not by gigabytes (a 4 MB line repeated a thousand times made a 4 GB process).

use partnerbook_fuzz::memory::{self, Counting};
use partnerbook_fuzz::mutate::{duplicate_row, mutate, repeat_chunk, MAX_INPUT};
use rand::rngs::StdRng;
use rand::SeedableRng;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn mutating_an_input_at_the_limit_stays_near_the_limit() {
    let line = vec![b'x'; MAX_INPUT - 1];
    let input = [line.as_slice(), b"\n"].concat();
    memory::watch(1);
    for seed in 0..200 {
        let mut rng = StdRng::seed_from_u64(seed);
        let base = memory::start(0);
        let rows = duplicate_row(&input, &mut rng);
        let chunks = repeat_chunk(input.clone(), &mut rng);
        let mutated = mutate(&input, &input, true, &mut rng);
        let grown = memory::grown(0, base).expect("counted");
        assert!(
            grown < 16 * MAX_INPUT as u64,
            "seed {seed}: the heap grew by {grown} bytes for inputs of {}, {} and {} bytes",
            rows.len(),
            chunks.len(),
            mutated.len()
        );
        assert!(mutated.len() <= MAX_INPUT);
    }
    memory::watch(0);
}
