//! Running the `partnerbook` binary on a book: to the end, or started and killed.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How often a started command is looked at while the trial waits to kill it.
const POLL: Duration = Duration::from_millis(1);

/// The binary, the environment it runs in, and the reading commands whose output is the
/// book's fingerprint.
pub struct Runner {
    pub bin: PathBuf,
    /// Set for every run (HOME, USER, a language…).
    pub env: Vec<(OsString, OsString)>,
    /// Removed from every run's environment.
    pub env_removed: Vec<OsString>,
    /// Each a reading command (`balances --as-of … --json`); their outputs together are
    /// the fingerprint of a book.
    pub reads: Vec<Vec<String>>,
    /// Keys of the reads' (pretty-printed) JSON whose values are left out of the
    /// fingerprint: on PostgreSQL a killed transaction's sequence numbers are not given
    /// back, so a row made again gets a later id — a gap, not a part of the write.
    pub masked: Vec<String>,
}

/// What a run to the end gave.
#[derive(Debug)]
pub struct Ran {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

impl Runner {
    fn command<S: AsRef<OsStr>>(&self, book: &OsStr, args: &[S]) -> Command {
        let mut command = Command::new(&self.bin);
        command.arg("--book").arg(book).args(args);
        for var in &self.env_removed {
            command.env_remove(var);
        }
        for (key, value) in &self.env {
            command.env(key, value);
        }
        command
    }

    /// `partnerbook --book BOOK ARGS…` run to its end.
    pub fn run<S: AsRef<OsStr>>(&self, book: &OsStr, args: &[S]) -> Result<Ran, String> {
        let start = Instant::now();
        let out = self
            .command(book, args)
            .output()
            .map_err(|e| format!("{} does not start: {e}", self.bin.display()))?;
        Ok(Ran {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            took: start.elapsed(),
        })
    }

    /// The same, which must exit 0.
    pub fn ok<S: AsRef<OsStr>>(&self, book: &OsStr, args: &[S]) -> Result<Ran, String> {
        let ran = self.run(book, args)?;
        if ran.code == Some(0) {
            Ok(ran)
        } else {
            Err(format!(
                "{:?} exits {:?}: {}{}",
                args.iter().map(|a| a.as_ref()).collect::<Vec<_>>(),
                ran.code,
                ran.stdout,
                ran.stderr
            ))
        }
    }

    /// Starts the command and kills it (SIGKILL) after `delay`; answers whether it was
    /// killed (or had ended, with its exit code and its time, before the moment came).
    pub fn kill_after<S: AsRef<OsStr>>(
        &self,
        book: &OsStr,
        args: &[S],
        delay: Duration,
    ) -> Result<Option<(i32, Duration)>, String> {
        let mut child = self
            .command(book, args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{} does not start: {e}", self.bin.display()))?;
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
                return Ok(Some((status.code().unwrap_or(-1), start.elapsed())));
            }
            let left = delay.saturating_sub(start.elapsed());
            if left.is_zero() {
                break;
            }
            sleep(left.min(POLL));
        }
        // Child::kill is SIGKILL on Unix: no handler runs, nothing is flushed.
        child.kill().map_err(|e| format!("not killed: {e}"))?;
        child.wait().map_err(|e| e.to_string())?;
        Ok(None)
    }

    /// The outputs of the reading commands on `book`.
    pub fn fingerprint(&self, book: &OsStr) -> Result<String, String> {
        let mut print = String::new();
        for read in &self.reads {
            let ran = self.ok(book, read)?;
            print.push_str(&read.join(" "));
            print.push('\n');
            for line in ran.stdout.lines() {
                let key = line.trim_start();
                match self
                    .masked
                    .iter()
                    .find(|k| key.starts_with(&format!("\"{k}\":")))
                {
                    Some(k) => print.push_str(&format!("\"{k}\": (masked)")),
                    None => print.push_str(line),
                }
                print.push('\n');
            }
        }
        Ok(print)
    }

    /// What `book check` finds in `book`: nothing when it passes (exit 0), else its
    /// findings (exit 1); any other exit is an error.
    pub fn findings(&self, book: &OsStr) -> Result<String, String> {
        let ran = self.run(book, &["book", "check"])?;
        match ran.code {
            Some(0) => Ok(String::new()),
            Some(1) => Ok(format!("book check fails: {}{}\n", ran.stdout, ran.stderr)),
            code => Err(format!("book check exits {code:?}: {}", ran.stderr)),
        }
    }
}
