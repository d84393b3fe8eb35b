//! The Python peers of the billing benchmark: `pandas.read_csv` + `DataFrame.to_sql`, the
//! usual spreadsheet-to-database route, `openpyxl.load_workbook(read_only=True)`, and
//! python-calamine's `CalamineWorkbook` (Rust's calamine, the XLSX reader we use, from Python).
//! Their scripts are `bench/peers/*.py`, built into this binary and written out beside
//! the generated files when run; they run as children under the same measurement as
//! `partnerbook` (wall time, CPU, peak RSS). A peer that cannot run is reported as such,
//! never given a number.

use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::child::{self, Measured};

pub const PANDAS_SCRIPT: (&str, &str) = (
    "pandas_import.py",
    include_str!("../peers/pandas_import.py"),
);
pub const CALAMINE_SCRIPT: (&str, &str) = (
    "calamine_load.py",
    include_str!("../peers/calamine_load.py"),
);
pub const OPENPYXL_SCRIPT: (&str, &str) = (
    "openpyxl_load.py",
    include_str!("../peers/openpyxl_load.py"),
);

/// A peer's run, or why there is none.
pub enum PeerRun {
    Ran {
        measured: Measured,
        /// What the script printed: the rows it wrote or read.
        rows: Option<u64>,
    },
    Unavailable(String),
}

/// `python -c "import MODULE; print(MODULE.__version__)"`: the version, or why not.
pub fn module_version(python: &Path, module: &str) -> Result<String, String> {
    // python-calamine has no `__version__`: its distribution's metadata says.
    let dist = module.replace('_', "-");
    let code = format!(
        "import importlib.metadata, {module}; \
         print(getattr({module}, '__version__', None) or importlib.metadata.version('{dist}'))"
    );
    match Command::new(python).arg("-c").arg(&code).output() {
        Err(e) => Err(format!("{} cannot run: {e}", python.display())),
        Ok(out) if out.status.success() => {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        }
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().last().unwrap_or("").trim().to_owned();
            Err(format!(
                "{module} not importable by {}: {last}",
                python.display()
            ))
        }
    }
}

/// `python --version`.
pub fn python_version(python: &Path) -> String {
    Command::new(python)
        .arg("--version")
        .output()
        .map(|o| {
            let text = [o.stdout, o.stderr].concat();
            String::from_utf8_lossy(&text).trim().to_owned()
        })
        .unwrap_or_else(|e| format!("{} cannot run: {e}", python.display()))
}

/// Runs `script` (name, text) with `args` under `python`, if `module` is importable.
pub fn run(
    python: &Path,
    module: &str,
    script: (&str, &str),
    args: &[&OsStr],
    scratch: &Path,
    limit: Option<Duration>,
) -> io::Result<PeerRun> {
    if let Err(why) = module_version(python, module) {
        return Ok(PeerRun::Unavailable(why));
    }
    let path = scratch.join(script.0);
    std::fs::write(&path, script.1)?;
    let mut all: Vec<&OsStr> = vec![path.as_os_str()];
    all.extend_from_slice(args);
    let measured = child::run(python, &all, scratch, limit)?;
    if measured.timed_out {
        return Ok(PeerRun::Unavailable(format!(
            "{} killed after {:.0} s (--timeout)",
            script.0,
            measured.wall.as_secs_f64()
        )));
    }
    if !measured.status.success() {
        let tail: Vec<&str> = measured.stderr.lines().rev().take(3).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Ok(PeerRun::Unavailable(format!(
            "{} exited with {}: {}",
            script.0,
            measured.status,
            tail.join(" / ")
        )));
    }
    let rows = measured.stdout.trim().parse().ok();
    Ok(PeerRun::Ran { measured, rows })
}
