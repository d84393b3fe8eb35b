//! A round of executions: threads take execution numbers from a shared counter; execution
//! `n` of seed `s` makes its input from an RNG seeded by `(s, n)`, so any one can be made
//! again alone (`--seed s --replay n`). Each runs under `catch_unwind`, with a panic hook
//! that keeps the message instead of printing it; it is timed, and the slowest is kept.
//! A watchdog ends the process when one input runs past the round's `hang` limit (a hung
//! reader would otherwise stall the round for ever), saving the input and naming it.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::corpus::Corpus;
use crate::memory;
use crate::targets::Target;

/// What to run.
#[derive(Debug, Clone)]
pub struct RoundOptions {
    pub executions: u64,
    pub seed: u64,
    pub threads: usize,
    /// An input taking longer is a finding.
    pub slow: Duration,
    /// An input still running after this is a hang: its input is saved and named, and the
    /// process exits with status 3.
    pub hang: Duration,
    /// Where findings' inputs are saved (none: not saved).
    pub findings: Option<PathBuf>,
    /// Print a line of progress to stderr every this often.
    pub progress: Option<Duration>,
    /// Only this target (all by default).
    pub only: Option<Target>,
    /// An input that makes the live heap grow past this many bytes is a finding (measured
    /// only in a binary with [`crate::memory::Counting`] installed).
    pub memory: u64,
}

/// A panic or a slow input.
#[derive(Debug, Clone)]
pub struct Finding {
    pub target: Target,
    /// The execution's number: with the round's seed, it makes the input again.
    pub execution: u64,
    /// The panic's message and place, how long the input took, or how much it allocated.
    pub what: String,
    pub input_len: usize,
    pub saved: Option<PathBuf>,
}

/// What a round did.
#[derive(Debug, Clone)]
pub struct RoundReport {
    pub executions: u64,
    pub per_target: Vec<(Target, u64)>,
    pub elapsed: Duration,
    pub panics: Vec<Finding>,
    pub slow: Vec<Finding>,
    /// Inputs that grew the heap past the round's `memory`.
    pub big: Vec<Finding>,
    /// The slowest input: its time, target and execution.
    pub slowest: (Duration, Target, u64),
    /// The input that grew the heap most: bytes, target and execution (none when the
    /// binary does not count its memory).
    pub largest: Option<(u64, Target, u64)>,
    /// The process's peak resident memory (VmHWM), when the system says.
    pub peak_rss_bytes: Option<u64>,
}

impl RoundReport {
    pub fn per_second(&self) -> f64 {
        self.executions as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// The RNG of execution `n` of a round seeded `seed`.
fn rng_of(seed: u64, n: u64) -> StdRng {
    StdRng::seed_from_u64(seed ^ n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The target and input of execution `n` of a round seeded `seed` (`only` as the round's).
pub fn input_of(corpus: &Corpus, seed: u64, n: u64, only: Option<Target>) -> (Target, Vec<u8>) {
    let mut rng = rng_of(seed, n);
    let target = only.unwrap_or_else(|| Target::pick(&mut rng));
    (target, target.input(corpus, &mut rng))
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn panic_text(info: &panic::PanicHookInfo<'_>) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let place = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!("{message}{place}")
}

/// Which of the round's lists a finding goes to.
type ListOf = fn(&mut Findings) -> &mut Vec<Finding>;

#[derive(Default, Clone)]
struct Findings {
    panics: Vec<Finding>,
    slow: Vec<Finding>,
    big: Vec<Finding>,
}

struct Shared<'a> {
    corpus: &'a Corpus,
    options: &'a RoundOptions,
    next: AtomicU64,
    counts: Vec<AtomicU64>,
    findings: Mutex<Findings>,
    slowest: Mutex<(Duration, Target, u64)>,
    largest: Mutex<Option<(u64, Target, u64)>>,
    /// Each worker's execution in progress: when it started, and its number.
    running: Vec<Mutex<Option<(Instant, u64)>>>,
}

/// Runs the round; the panic hook is ours during it and restored after.
pub fn run_round(corpus: &Corpus, options: &RoundOptions) -> RoundReport {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        // The XLSX reader's own thread catches what calamine throws and says so; one it
        // does not catch ends that thread, which the XLSX target turns into a panic here.
        if std::thread::current().name() != Some("xlsx-reader") {
            let text = panic_text(info);
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(text));
        }
    }));
    let shared = Shared {
        corpus,
        options,
        next: AtomicU64::new(0),
        counts: Target::ALL.iter().map(|_| AtomicU64::new(0)).collect(),
        findings: Mutex::new(Findings::default()),
        slowest: Mutex::new((Duration::ZERO, Target::Cell, 0)),
        largest: Mutex::new(None),
        running: (0..options.threads.max(1))
            .map(|_| Mutex::new(None))
            .collect(),
    };
    memory::watch(options.threads.max(1));
    let start = Instant::now();
    let shared = &shared;
    std::thread::scope(|scope| {
        for worker in 0..options.threads.max(1) {
            scope.spawn(move || work(shared, worker));
        }
        if let Some(every) = options.progress {
            scope.spawn(move || report_progress(shared, start, every));
        }
        scope.spawn(move || watch_for_hangs(shared));
    });
    let elapsed = start.elapsed();
    memory::watch(0);
    panic::set_hook(previous);
    let findings = shared
        .findings
        .lock()
        .map(|f| f.clone())
        .unwrap_or_default();
    RoundReport {
        executions: options.executions,
        per_target: Target::ALL
            .iter()
            .zip(&shared.counts)
            .map(|(t, n)| (*t, n.load(Ordering::Relaxed)))
            .collect(),
        elapsed,
        panics: findings.panics,
        slow: findings.slow,
        big: findings.big,
        slowest: shared
            .slowest
            .lock()
            .map_or((Duration::ZERO, Target::Cell, 0), |s| *s),
        largest: shared.largest.lock().ok().and_then(|l| *l),
        peak_rss_bytes: peak_rss_bytes(),
    }
}

fn report_progress(shared: &Shared<'_>, start: Instant, every: Duration) {
    let total = shared.options.executions;
    let mut last = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let done = shared.next.load(Ordering::Relaxed).min(total);
        if done >= total {
            return;
        }
        if last.elapsed() >= every {
            last = Instant::now();
            let rate = done as f64 / start.elapsed().as_secs_f64().max(1e-9);
            eprintln!("  fuzz: {done} of {total} executions, {rate:.0}/s");
        }
    }
}

const CHUNK: u64 = 256;

fn work(shared: &Shared<'_>, worker: usize) {
    let options = shared.options;
    let slot = &shared.running[worker];
    let mark = |now: Option<(Instant, u64)>| {
        if let Ok(mut running) = slot.lock() {
            *running = now;
        }
    };
    loop {
        let first = shared.next.fetch_add(CHUNK, Ordering::Relaxed);
        if first >= options.executions {
            mark(None);
            return;
        }
        for n in first..(first + CHUNK).min(options.executions) {
            mark(Some((Instant::now(), n)));
            execute(shared, n, worker);
        }
        mark(None);
    }
}

/// Ends the process when an execution runs past the round's `hang` limit: the input is
/// made again from its number, saved and named first.
fn watch_for_hangs(shared: &Shared<'_>) {
    let options = shared.options;
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let mut busy = false;
        for slot in &shared.running {
            let Some((started, n)) = slot.lock().ok().and_then(|s| *s) else {
                continue;
            };
            busy = true;
            if started.elapsed() < options.hang {
                continue;
            }
            let (target, input) = input_of(shared.corpus, options.seed, n, options.only);
            let saved = save(options, target, n, &input)
                .map(|p| format!(", saved to {}", p.display()))
                .unwrap_or_default();
            eprintln!(
                "  fuzz finding: {} execution {n} (seed {}) hangs: still running after {} s ({} bytes){saved}",
                target.name(),
                options.seed,
                options.hang.as_secs(),
                input.len()
            );
            std::process::exit(3);
        }
        if !busy && shared.next.load(Ordering::Relaxed) >= options.executions {
            return;
        }
    }
}

fn execute(shared: &Shared<'_>, n: u64, worker: usize) {
    let options = shared.options;
    let (target, input) = input_of(shared.corpus, options.seed, n, options.only);
    if let Some(i) = Target::ALL.iter().position(|t| *t == target) {
        shared.counts[i].fetch_add(1, Ordering::Relaxed);
    }
    let base = memory::start(worker);
    let start = Instant::now();
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| target.run(&input)));
    let took = start.elapsed();
    let grown = memory::grown(worker, base);
    let panicked = match outcome {
        Ok(()) => None,
        Err(_) => Some(
            LAST_PANIC
                .with(|last| last.borrow_mut().take())
                .unwrap_or_else(|| "a panic without a message".to_owned()),
        ),
    };
    if let Ok(mut slowest) = shared.slowest.lock() {
        if took > slowest.0 {
            *slowest = (took, target, n);
        }
    }
    if let (Some(bytes), Ok(mut largest)) = (grown, shared.largest.lock()) {
        if largest.is_none_or(|(most, _, _)| bytes > most) {
            *largest = Some((bytes, target, n));
        }
    }
    let slow = (took > options.slow).then(|| format!("took {:.2} s", took.as_secs_f64()));
    let big = grown
        .filter(|bytes| *bytes > options.memory)
        .map(|bytes| format!("grew the heap by {:.0} MB", bytes as f64 / 1e6));
    let kinds: [(Option<String>, ListOf); 3] = [
        (panicked, |f| &mut f.panics),
        (slow, |f| &mut f.slow),
        (big, |f| &mut f.big),
    ];
    for (what, list) in kinds {
        let Some(what) = what else { continue };
        let finding = Finding {
            target,
            execution: n,
            what,
            input_len: input.len(),
            saved: save(options, target, n, &input),
        };
        eprintln!(
            "  fuzz finding: {} execution {n} (seed {}): {}",
            target.name(),
            options.seed,
            finding.what
        );
        if let Ok(mut findings) = shared.findings.lock() {
            list(&mut findings).push(finding);
        }
    }
}

fn save(options: &RoundOptions, target: Target, n: u64, input: &[u8]) -> Option<PathBuf> {
    let dir = options.findings.as_ref()?;
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(format!("{}-seed{}-{n}.bin", target.name(), options.seed));
    std::fs::write(&path, input).ok()?;
    Some(path)
}

/// VmHWM of /proc/self/status, in bytes.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
