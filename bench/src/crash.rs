//! The crash part: the year's billing import killed with SIGKILL at seeded random
//! moments (the trials of `partnerbook-crash`, as the CLI's crash test runs them on tiny
//! books): each trial's book must pass `book check`, hold none or all of the file, and
//! the same import again must complete it. Prints each trial and how many survived.

use std::error::Error;
use std::ffi::OsString;
use std::path::Path;

use partnerbook_crash::{Delays, Runner, Write};

use crate::billing::{self, Sizes};
use crate::report::secs;
use crate::{remove_book, year};

pub struct Options<'a> {
    pub partnerbook: &'a Path,
    pub dir: &'a Path,
    pub seed: u64,
    pub sizes: Sizes,
    pub trials: usize,
}

/// Answers how many trials survived.
pub fn run(o: &Options) -> Result<usize, Box<dyn Error>> {
    std::fs::create_dir_all(o.dir)?;
    let sizes = Sizes {
        xlsx_rows: 1,
        ..o.sizes
    };
    let files = billing::generate(o.dir, sizes, o.seed)?;
    let home: OsString = o.dir.into();
    let runner = Runner {
        bin: o.partnerbook.to_owned(),
        env: vec![
            ("HOME".into(), home.clone()),
            ("XDG_DATA_HOME".into(), home),
        ],
        env_removed: vec!["PARTNERBOOK_BOOK".into()],
        reads: vec![
            strings(&[
                "balances",
                "--as-of",
                &year::last_day().to_string(),
                "--json",
            ]),
            strings(&["clients", "--json"]),
        ],
        masked: Vec::new(),
    };
    let prepared = o.dir.join("prepared.sqlite");
    remove_book(&prepared)?;
    for (what, file) in [("partners", &files.partners), ("clients", &files.clients)] {
        runner.ok(
            prepared.as_os_str(),
            &strings(&["import", what, &text(file)]),
        )?;
    }
    let write = Write {
        args: strings(&["import", "billing", &text(&files.billing)]),
        target: None,
    };
    let book = o.dir.join("trial.sqlite");
    fresh_copy(&prepared, &book)?;
    let reference = runner.reference(book.as_os_str(), &write)?;
    println!(
        "Crash trials: `import billing` of {} rows ({} partners, {} clients in the book), \
         killed with SIGKILL at a moment within its uninterrupted {}; seed {}",
        sizes.rows,
        sizes.partners,
        sizes.clients,
        secs(reference.took),
        o.seed
    );
    if !reference.findings.is_empty() {
        return Err(format!(
            "without any kill, `book check` of the imported year fails (a fault of the import):\n  {}",
            reference.findings.trim_end().replace('\n', "\n  ")
        )
        .into());
    }
    let mut delays = Delays::new(o.seed);
    let mut survived = 0;
    // The moments are drawn within the shortest run seen: a trial that ended before its
    // moment came (the machine is shared; the reference may have run slow) narrows it.
    let mut within = reference.took;
    for n in 1..=o.trials {
        fresh_copy(&prepared, &book)?;
        let delay = delays.next(within);
        match runner.trial(book.as_os_str(), &write, &reference, delay) {
            Ok(trial) => {
                survived += 1;
                within = within.min(trial.ended_after.unwrap_or(within));
                println!("  trial {n:>3}: {}", trial.line());
            }
            Err(e) => println!(
                "  trial {n:>3}: killed at {:>9.3} s: FAILED: {e}",
                delay.as_secs_f64()
            ),
        }
    }
    println!("  survived {survived} of {}", o.trials);
    Ok(survived)
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_owned()).collect()
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// `to` made a copy of the book `from` (its files beside it removed first).
fn fresh_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    remove_book(to)?;
    std::fs::copy(from, to).map(|_| ())
}
