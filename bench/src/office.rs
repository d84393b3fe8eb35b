//! The acts benchmark's peer: LibreOffice (Writer, headless) converting acts written as
//! office documents to PDF — the route a partner department takes today, an act template
//! filled in and exported. `soffice --headless --convert-to pdf --outdir DIR FILE…`,
//! measured like every child (wall time, CPU, peak RSS), with a fresh user profile made
//! by a warm-up conversion that is not timed. Timed twice: one invocation per act (as a
//! person or a script does it act by act) and one invocation for all of them (start-up
//! paid once). A LibreOffice that cannot run is reported as such, never given a number.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::child::{self, Measured};

/// What LibreOffice did, or why it did not.
pub enum OfficeRun {
    Ran(Box<Office>),
    Unavailable(String),
}

pub struct Office {
    pub version: String,
    /// The first conversion, which creates the profile (not counted).
    pub warm_up: Measured,
    /// One invocation per document.
    pub separate: Vec<Measured>,
    /// One invocation converting every document.
    pub batch: Measured,
    /// Sizes of the PDFs the per-document invocations made, bytes.
    pub pdf_sizes: Vec<u64>,
    /// PDFs the batch made.
    pub batch_pdfs: usize,
}

impl Office {
    fn docs(&self) -> usize {
        self.separate.len().max(1)
    }

    /// Wall time per act, one invocation per act (the mean).
    pub fn per_act_separate(&self) -> Duration {
        self.separate.iter().map(|m| m.wall).sum::<Duration>() / self.docs() as u32
    }

    /// Wall time per act, all in one invocation.
    pub fn per_act_batch(&self) -> Duration {
        self.batch.wall / self.docs() as u32
    }

    /// The better of the two: the peer's figure.
    pub fn per_act(&self) -> Duration {
        self.per_act_separate().min(self.per_act_batch())
    }

    /// What one more act costs inside one run, start-up left out: (all in one run − one
    /// act's run) / (acts − 1). Shown, not used as the peer's figure.
    pub fn marginal(&self) -> Option<Duration> {
        let more = u32::try_from(self.separate.len().checked_sub(1)?).ok()?;
        (more > 0)
            .then(|| self.batch.wall.checked_sub(self.median_separate()))
            .flatten()
            .map(|d| d / more)
    }

    pub fn median_separate(&self) -> Duration {
        let mut walls: Vec<Duration> = self.separate.iter().map(|m| m.wall).collect();
        walls.sort();
        walls.get(walls.len() / 2).copied().unwrap_or_default()
    }

    pub fn mean_pdf(&self) -> Option<f64> {
        (!self.pdf_sizes.is_empty())
            .then(|| self.pdf_sizes.iter().sum::<u64>() as f64 / self.pdf_sizes.len() as f64)
    }

    pub fn max_pdf(&self) -> Option<u64> {
        self.pdf_sizes.iter().max().copied()
    }
}

/// `file://` URL of an absolute path, for `-env:UserInstallation`.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(b))
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// `soffice --version`, or why it cannot run.
fn version(soffice: &Path, profile: &OsStr) -> Result<String, String> {
    match Command::new(soffice).arg(profile).arg("--version").output() {
        Err(e) => Err(format!("{} cannot run: {e}", soffice.display())),
        Ok(out) if out.status.success() => {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        }
        Ok(out) => Err(format!(
            "{} --version exited with {}",
            soffice.display(),
            out.status
        )),
    }
}

/// PDFs in `dir` and their sizes.
fn pdfs(dir: &Path) -> io::Result<Vec<u64>> {
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "pdf") {
            sizes.push(entry.metadata()?.len());
        }
    }
    Ok(sizes)
}

/// Why a conversion failed, or `None` when it made its `expected` PDFs in `out`.
fn failure(m: &Measured, out: &Path, expected: usize) -> io::Result<Option<String>> {
    if m.timed_out {
        return Ok(Some(format!(
            "soffice killed after {:.0} s",
            m.wall.as_secs_f64()
        )));
    }
    let made = pdfs(out)?.len();
    if m.status.success() && made == expected {
        return Ok(None);
    }
    let tail: Vec<&str> = m.stderr.lines().rev().take(3).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    Ok(Some(format!(
        "soffice exited with {}, {made} of {expected} PDFs made: {}",
        m.status,
        tail.join(" / ")
    )))
}

/// A fresh empty directory.
fn fresh(dir: &Path) -> io::Result<PathBuf> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(dir.to_owned())
}

/// Converts `docs` to PDF under `dir` as described above; `limit` per invocation.
pub fn run(
    soffice: &Path,
    docs: &[PathBuf],
    dir: &Path,
    scratch: &Path,
    limit: Duration,
) -> io::Result<OfficeRun> {
    let Some(first) = docs.first() else {
        return Ok(OfficeRun::Unavailable("no documents to convert".into()));
    };
    let profile_dir = fresh(&std::path::absolute(dir.join("profile"))?)?;
    let profile = OsString::from(format!("-env:UserInstallation={}", file_url(&profile_dir)));
    let version = match version(soffice, &profile) {
        Ok(v) => v,
        Err(why) => return Ok(OfficeRun::Unavailable(why)),
    };
    let convert = |out: &Path, files: &[&Path]| -> io::Result<Measured> {
        let mut args: Vec<&OsStr> = vec![
            profile.as_os_str(),
            "--headless".as_ref(),
            "--norestore".as_ref(),
            "--convert-to".as_ref(),
            "pdf".as_ref(),
            "--outdir".as_ref(),
            out.as_os_str(),
        ];
        args.extend(files.iter().map(|f| f.as_os_str()));
        child::run(soffice, &args, scratch, Some(limit))
    };

    let warm_dir = fresh(&dir.join("warm-up"))?;
    let warm_up = convert(&warm_dir, &[first])?;
    if let Some(why) = failure(&warm_up, &warm_dir, 1)? {
        return Ok(OfficeRun::Unavailable(format!("warm-up: {why}")));
    }

    let separate_dir = fresh(&dir.join("one-per-invocation"))?;
    let mut separate = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let m = convert(&separate_dir, &[doc])?;
        if m.timed_out || !m.status.success() {
            let why = failure(&m, &separate_dir, i + 1)?.unwrap_or_default();
            return Ok(OfficeRun::Unavailable(format!("act {}: {why}", i + 1)));
        }
        separate.push(m);
    }
    if let Some(why) = failure(
        separate.last().unwrap_or(&warm_up),
        &separate_dir,
        docs.len(),
    )? {
        return Ok(OfficeRun::Unavailable(why));
    }
    let pdf_sizes = pdfs(&separate_dir)?;

    let batch_dir = fresh(&dir.join("all-in-one-invocation"))?;
    let all: Vec<&Path> = docs.iter().map(PathBuf::as_path).collect();
    let batch = convert(&batch_dir, &all)?;
    if let Some(why) = failure(&batch, &batch_dir, docs.len())? {
        return Ok(OfficeRun::Unavailable(format!("batch: {why}")));
    }
    let batch_pdfs = pdfs(&batch_dir)?.len();
    Ok(OfficeRun::Ran(Box::new(Office {
        version,
        warm_up,
        separate,
        batch,
        pdf_sizes,
        batch_pdfs,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_escaped() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/профиль")),
            "file:///tmp/a%20b/%D0%BF%D1%80%D0%BE%D1%84%D0%B8%D0%BB%D1%8C"
        );
    }
}
