//! Memory per execution: an allocator that counts the bytes live in the whole process and,
//! for each worker of a round, the most that were live while its current execution ran.
//! A binary that wants the figure installs it (`#[global_allocator] static A: Counting =
//! Counting;`); without it a round measures no memory per input.
//!
//! The count is process-wide (a reader may allocate on a thread of its own, as the XLSX
//! reader does), so an execution's figure also holds what another worker allocated at the
//! same moment: with two workers it can only over-state an input, never hide one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// Workers measured at most (a round with more measures the first ones).
pub const WORKERS: usize = 16;

static LIVE: AtomicU64 = AtomicU64::new(0);
static INSTALLED: AtomicBool = AtomicBool::new(false);
/// How many of [`PEAKS`] are being kept up to date.
static WATCHED: AtomicUsize = AtomicUsize::new(0);
static PEAKS: [AtomicU64; WORKERS] = [const { AtomicU64::new(0) }; WORKERS];

/// The system allocator, counting.
pub struct Counting;

fn grew(bytes: usize) {
    if !INSTALLED.load(Ordering::Relaxed) {
        INSTALLED.store(true, Ordering::Relaxed);
    }
    let live = LIVE.fetch_add(bytes as u64, Ordering::Relaxed) + bytes as u64;
    for peak in &PEAKS[..WATCHED.load(Ordering::Relaxed)] {
        if live > peak.load(Ordering::Relaxed) {
            peak.fetch_max(live, Ordering::Relaxed);
        }
    }
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes as u64, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged, with the caller's own
// guarantees; only counters move, and counting neither allocates nor panics.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

/// Whether the running binary counts (has allocated through [`Counting`]).
pub fn installed() -> bool {
    INSTALLED.load(Ordering::Relaxed)
}

/// Keeps the peaks of workers `0..workers` up to date (0: none, the allocator only counts).
pub fn watch(workers: usize) {
    WATCHED.store(workers.min(WORKERS), Ordering::Relaxed);
}

/// Starts measuring an execution on `worker`: the bytes live now, to give to [`grown`].
pub fn start(worker: usize) -> u64 {
    let live = LIVE.load(Ordering::Relaxed);
    if let Some(peak) = PEAKS.get(worker) {
        peak.store(live, Ordering::Relaxed);
    }
    live
}

/// The most the live bytes grew above `base` since [`start`] on `worker`; none when the
/// allocator is not installed or the worker is not watched.
pub fn grown(worker: usize, base: u64) -> Option<u64> {
    if !installed() || worker >= WATCHED.load(Ordering::Relaxed) {
        return None;
    }
    Some(PEAKS[worker].load(Ordering::Relaxed).saturating_sub(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nothing_without_being_installed() {
        watch(1);
        let base = start(0);
        let big = vec![1u8; 1 << 20];
        assert_eq!(grown(0, base), None, "{}", big.len());
        watch(0);
    }
}
