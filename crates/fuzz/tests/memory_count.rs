//! The counting allocator sees what an execution makes the heap grow by, and only that.

use partnerbook_fuzz::memory::{self, Counting};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: u64 = 1024 * 1024;

#[test]
fn an_execution_is_charged_with_its_peak_not_with_what_it_freed_before() {
    memory::watch(1);
    let before = vec![7u8; 8 * MB as usize];
    drop(before);

    let base = memory::start(0);
    let mut grown_in_steps = Vec::new();
    for _ in 0..4 {
        grown_in_steps.push(vec![1u8; 16 * MB as usize]);
    }
    drop(grown_in_steps);
    let small = vec![0u8; 1024];
    let grown = memory::grown(0, base).expect("installed and watched");
    assert!(
        (64 * MB..70 * MB).contains(&grown),
        "4 × 16 MB held at once: {grown} bytes ({})",
        small.len()
    );

    let base = memory::start(0);
    let once = vec![2u8; 2 * MB as usize];
    drop(once);
    let grown = memory::grown(0, base).expect("installed and watched");
    assert!(
        (2 * MB..3 * MB).contains(&grown),
        "a fresh start forgets the earlier peak: {grown} bytes"
    );
    memory::watch(0);
    assert_eq!(memory::grown(0, base), None, "no worker watched");
}
