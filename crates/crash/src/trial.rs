//! One trial: the write killed at a moment, then the book judged against the reference
//! (its fingerprint before and after an uninterrupted run of the same write).

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::time::Duration;

use crate::Runner;

/// A writing command, and where else it writes (`book copy --to TARGET`: the target).
#[derive(Debug, Clone)]
pub struct Write {
    pub args: Vec<String>,
    /// A second book the command writes (a file), judged as the book is.
    pub target: Option<OsString>,
}

/// The book's states before and after an uninterrupted run (what `book check` finds and
/// the fingerprint), and how long it took.
#[derive(Debug, Clone)]
pub struct Reference {
    pub before: String,
    pub after: String,
    pub took: Duration,
    /// What `book check` finds before and after (empty: the check passes on both). A
    /// trial's book must be found exactly as the reference's, so a finding the write
    /// makes without any kill is told apart from one a kill would make.
    pub findings: String,
}

/// What a trial saw.
#[derive(Debug, Clone)]
pub struct Trial {
    pub delay: Duration,
    /// Killed in the middle (false: it had ended before the moment came).
    pub killed: bool,
    /// How long it ran when it had ended before the moment came.
    pub ended_after: Option<Duration>,
    /// The book held all of the operation after the kill (false: none of it).
    pub all: bool,
    /// The exit code of the same command run again.
    pub again: Option<i32>,
}

impl Trial {
    /// One line for a person: the moment, and what the book held.
    pub fn line(&self) -> String {
        format!(
            "killed at {:>9.3} s: {}, {}, the same again exits {}",
            self.delay.as_secs_f64(),
            if self.killed {
                "killed in the middle"
            } else {
                "had ended"
            },
            if self.all { "all of it" } else { "none of it" },
            self.again
                .map_or("by a signal".to_owned(), |c| c.to_string())
        )
    }
}

/// The book's state: what `book check` finds in it (nothing, when it passes) and its
/// fingerprint, with the target's when the write has one (a target with no book in it
/// yet is "no book").
fn state(runner: &Runner, book: &OsStr, write: &Write) -> Result<String, String> {
    let mut print = runner.findings(book)?;
    print.push_str(&runner.fingerprint(book)?);
    if let Some(target) = &write.target {
        print.push_str("\n== target\n");
        if holds_nothing(target) {
            print.push_str("no book");
        } else {
            print.push_str(&runner.findings(target)?);
            print.push_str(&runner.fingerprint(target)?);
        }
    }
    Ok(print)
}

fn holds_nothing(target: &OsStr) -> bool {
    !std::fs::metadata(Path::new(target)).is_ok_and(|m| m.len() > 0)
}

/// What `book check` finds in the book and in the target when there is one.
fn findings(runner: &Runner, book: &OsStr, write: &Write) -> Result<String, String> {
    let mut found = runner.findings(book)?;
    if let Some(target) = write.target.as_deref().filter(|t| !holds_nothing(t)) {
        found.push_str(&runner.findings(target)?);
    }
    Ok(found)
}

impl Runner {
    /// Runs the write uninterrupted on `book` (a book prepared as the trials' are) and
    /// notes the book's states before and after, and what `book check` finds in them.
    pub fn reference(&self, book: &OsStr, write: &Write) -> Result<Reference, String> {
        let before = state(self, book, write)?;
        let mut found = findings(self, book, write)?;
        let took = self.ok(book, &write.args)?.took;
        found.push_str(&findings(self, book, write)?);
        let after = state(self, book, write)?;
        if after == before {
            return Err(format!("{:?} changes nothing to look at", write.args));
        }
        Ok(Reference {
            before,
            after,
            took,
            findings: found,
        })
    }

    /// Runs the write on `book` (prepared as the reference's was) and kills it after
    /// `delay`; then `book check` must find in it what it finds in the reference's (nothing,
    /// when the reference's passes), the book must hold none or all of the write, and
    /// the same write again must complete it. An error names what went wrong.
    pub fn trial(
        &self,
        book: &OsStr,
        write: &Write,
        reference: &Reference,
        delay: Duration,
    ) -> Result<Trial, String> {
        let ended = self.kill_after(book, &write.args, delay)?;
        if let Some((code, _)) = ended.filter(|(c, _)| *c != 0) {
            return Err(format!("{:?} exits {code} before the kill", write.args));
        }
        let judged = |when: &str| -> Result<bool, String> {
            let print = state(self, book, write)?;
            if print == reference.after {
                Ok(true)
            } else if print == reference.before {
                Ok(false)
            } else {
                Err(format!(
                    "{when}: the book holds part of the write:\n{}",
                    difference(&print, &reference.before, &reference.after)
                ))
            }
        };
        let all = judged("after the kill")?;
        if ended.is_some() && !all {
            return Err("the write ended but the book holds none of it".into());
        }
        let again = self.run(book, &write.args)?;
        // A write whose effect is all there may refuse to be done twice (exit 1: an act
        // already sent, a target no longer empty); one that left nothing must complete.
        let accepted = again.code == Some(0) || (all && again.code == Some(1));
        if !accepted {
            return Err(format!(
                "the same write again exits {:?}: {}{}",
                again.code, again.stdout, again.stderr
            ));
        }
        if !judged("after the same write again")? {
            return Err("the same write again leaves none of it".into());
        }
        Ok(Trial {
            delay,
            killed: ended.is_none(),
            ended_after: ended.map(|(_, took)| took),
            all,
            again: again.code,
        })
    }
}

/// The first line where `print` differs from both fingerprints, with theirs.
fn difference(print: &str, before: &str, after: &str) -> String {
    let (p, b, a): (Vec<&str>, Vec<&str>, Vec<&str>) = (
        print.lines().collect(),
        before.lines().collect(),
        after.lines().collect(),
    );
    let at = (0..p.len().max(a.len()))
        .find(|&i| p.get(i) != a.get(i) && p.get(i) != b.get(i))
        .unwrap_or(0);
    let shown = |lines: &[&str]| {
        lines
            .get(at)
            .map_or("(none)", |l| l)
            .chars()
            .take(300)
            .collect::<String>()
    };
    format!(
        "line {at}: found {}\n  before: {}\n  after:  {}",
        shown(&p),
        shown(&b),
        shown(&a)
    )
}
