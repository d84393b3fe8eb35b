//! Running a program as a child process and measuring it: wall time, CPU time and peak
//! resident set size.
//!
//! The peak RSS comes from `/usr/bin/time -v` (GNU time reads the child's `ru_maxrss`
//! from `wait4`), which keeps this crate free of `unsafe`. Without GNU time the child's
//! `VmHWM` in `/proc` is sampled every few milliseconds instead (a lower bound).

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const GNU_TIME: &str = "/usr/bin/time";

/// What one run of a child cost.
#[derive(Debug)]
pub struct Measured {
    pub wall: Duration,
    /// User and system CPU time, when GNU time gave them.
    pub cpu: Option<(Duration, Duration)>,
    pub peak_rss_kb: Option<u64>,
    /// How the peak RSS was read.
    pub rss_source: &'static str,
    pub status: ExitStatus,
    /// Killed at the time limit: `wall` is then only how long it was let run.
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Measured {
    pub fn peak_rss_mb(&self) -> Option<f64> {
        self.peak_rss_kb.map(|kb| kb as f64 / 1024.0)
    }
}

/// Runs `program args…` with its output in files under `scratch`, and measures it; kills
/// it after `limit`, if given.
pub fn run(
    program: &Path,
    args: &[&OsStr],
    scratch: &Path,
    limit: Option<Duration>,
) -> io::Result<Measured> {
    let out_path = scratch.join("child.stdout");
    let err_path = scratch.join("child.stderr");
    let time_path = scratch.join("child.time");
    let gnu_time = Path::new(GNU_TIME).exists();
    let mut command = if gnu_time {
        let mut c = Command::new(GNU_TIME);
        c.arg("-v").arg("-o").arg(&time_path).arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path)?)
        .stderr(File::create(&err_path)?);
    let start = Instant::now();
    let mut child = command.spawn()?;
    let deadline = limit.map(|l| start + l);
    let (status, sampled, timed_out) = wait(&mut child, deadline, !gnu_time)?;
    let wall = start.elapsed();
    let read = |p: &PathBuf| fs::read_to_string(p).unwrap_or_default();
    let (cpu, peak_rss_kb, rss_source) = if gnu_time {
        let report = read(&time_path);
        let seconds = |label: &str| {
            field(&report, label)
                .and_then(|v| v.parse::<f64>().ok())
                .map(Duration::from_secs_f64)
        };
        let cpu = seconds("User time (seconds)").zip(seconds("System time (seconds)"));
        let rss = field(&report, "Maximum resident set size (kbytes)").and_then(|v| v.parse().ok());
        (cpu, rss, "ru_maxrss via /usr/bin/time -v")
    } else {
        (None, sampled, "VmHWM sampled from /proc")
    };
    Ok(Measured {
        wall,
        cpu,
        peak_rss_kb,
        rss_source,
        status,
        timed_out,
        stdout: read(&out_path),
        stderr: read(&err_path),
    })
}

/// The value after `label:` in GNU time's verbose report.
fn field<'a>(report: &'a str, label: &str) -> Option<&'a str> {
    report
        .lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix(label)?.strip_prefix(':'))
        .map(str::trim)
}

/// Waits for `child` until `deadline`, then kills it (and, under GNU time, the program
/// GNU time runs). With `sample`, reads the child's peak RSS (`VmHWM`, kB) as it goes.
fn wait(
    child: &mut Child,
    deadline: Option<Instant>,
    sample: bool,
) -> io::Result<(ExitStatus, Option<u64>, bool)> {
    if deadline.is_none() && !sample {
        // Nothing to watch: the wall time is as exact as the wait.
        return Ok((child.wait()?, None, false));
    }
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak = None;
    let mut timed_out = false;
    let start = Instant::now();
    loop {
        if sample {
            let hwm = fs::read_to_string(&status_file).ok().and_then(|s| {
                field(&s, "VmHWM")?
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            });
            peak = peak.max(hwm);
        }
        if let Some(status) = child.try_wait()? {
            return Ok((status, peak, timed_out));
        }
        if !timed_out && deadline.is_some_and(|d| Instant::now() >= d) {
            timed_out = true;
            kill_tree(child)?;
        }
        // Short runs are polled often, so that their wall time stays within a millisecond.
        let nap = if start.elapsed() < Duration::from_secs(1) {
            1
        } else if sample {
            2
        } else {
            20
        };
        std::thread::sleep(Duration::from_millis(nap));
    }
}

/// Kills the child's own children (the program under GNU time), then the child.
fn kill_tree(child: &mut Child) -> io::Result<()> {
    let pid = child.id();
    let tasks = fs::read_dir(format!("/proc/{pid}/task"))?;
    let grandchildren: Vec<String> = tasks
        .filter_map(|t| t.ok())
        .filter_map(|t| fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| c.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    if !grandchildren.is_empty() {
        // GNU time reports (ru_maxrss included) once its child is gone.
        Command::new("kill")
            .arg("-KILL")
            .args(&grandchildren)
            .status()?;
        return Ok(());
    }
    child.kill()
}
