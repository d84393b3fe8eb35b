//! The acts benchmark: a generated book with a thousand acts (not timed), then in one run
//! the acts' documents made in this process — for each act `acts::act_file` as PDF and as
//! the EDO XML, each written to a folder — against LibreOffice converting the same acts,
//! written as office documents, to PDF; and `partnerbook act pdf` / `act xml` for one act
//! end to end (process start included).

use std::error::Error;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use partnerbook_core::acts::{act_document, act_file, get_act, ActFormat};
use partnerbook_core::store::Book;

use crate::act_fodt::act_fodt;
use crate::acts_book::{self, made_at};
use crate::acts_report;
use crate::child::{self, Measured};
use crate::office::{self, OfficeRun};
use crate::report::secs;

/// Runs of each CLI command for one act; the median counts.
pub const CLI_RUNS: usize = 5;
/// A LibreOffice invocation still running after this long is killed (unless --timeout).
const OFFICE_LIMIT: Duration = Duration::from_secs(300);

pub struct Options<'a> {
    pub partnerbook: &'a Path,
    pub soffice: &'a Path,
    pub dir: &'a Path,
    pub seed: u64,
    /// Partners, so acts, to generate.
    pub acts: usize,
    /// Acts LibreOffice converts.
    pub office_acts: usize,
    pub limit: Option<Duration>,
    pub generate_only: bool,
}

/// The documents of every act, made in this process.
#[derive(Default)]
pub struct Made {
    pub acts: usize,
    pub total: Duration,
    pub pdf: Duration,
    pub xml: Duration,
    pub writes: Duration,
    pub pdf_sizes: Vec<u64>,
    pub xml_sizes: Vec<u64>,
    /// PDFs that are not PDFs (empty, or not starting with `%PDF-`).
    pub not_pdf: usize,
    /// XML files not starting with `<?xml`.
    pub not_xml: usize,
    /// Acts whose document was refused: number, format, why (the first few).
    pub failed: Vec<(String, &'static str, String)>,
    pub failures: usize,
    /// Peak RSS of this process while making them (VmHWM after resetting it), kB, and
    /// whether the reset worked (else it is the whole run's peak).
    pub peak_rss_kb: Option<u64>,
    pub rss_reset: bool,
}

/// One CLI command over one act, [`CLI_RUNS`] times.
pub struct Cli {
    pub runs: Vec<Measured>,
}

impl Cli {
    pub fn available(&self) -> bool {
        self.runs
            .first()
            .is_some_and(|m| m.status.code() != Some(2) && !m.timed_out)
    }

    pub fn ok(&self) -> bool {
        !self.runs.is_empty() && self.runs.iter().all(|m| m.status.success())
    }

    pub fn median(&self) -> Option<&Measured> {
        let mut runs: Vec<&Measured> = self.runs.iter().collect();
        runs.sort_by_key(|m| m.wall);
        runs.get(runs.len() / 2).copied()
    }
}

/// Every figure of an acts run.
pub struct Figures {
    pub made: Made,
    pub cli_pdf: Cli,
    pub cli_xml: Cli,
    pub office: OfficeRun,
    pub office_docs: usize,
    pub out: PathBuf,
}

/// What the generated book holds.
pub struct BookFacts {
    pub partners: usize,
    pub vat_payers: usize,
    pub payments: usize,
    pub acts: usize,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// The peak resident set size of this process so far, kB.
fn vm_hwm() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        line.strip_prefix("VmHWM:")?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    })
}

/// Makes and writes every act's PDF and XML into `out`, timing each part.
fn make_documents(book: &Book, acts: &[String], out: &Path) -> std::io::Result<Made> {
    let db = book.db();
    // Writing 5 resets the process's peak RSS (Linux 4.0 and later).
    let rss_reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let now = made_at();
    let mut made = Made {
        acts: acts.len(),
        rss_reset,
        ..Made::default()
    };
    let start = Instant::now();
    for number in acts {
        for format in [ActFormat::Pdf, ActFormat::Xml] {
            let t = Instant::now();
            let file = act_file(db, number, format, now);
            let took = t.elapsed();
            match format {
                ActFormat::Xml => made.xml += took,
                _ => made.pdf += took,
            }
            let file = match file {
                Ok(file) => file,
                Err(e) => {
                    made.failures += 1;
                    if made.failed.len() < 3 {
                        made.failed
                            .push((number.clone(), name(format), e.to_string()));
                    }
                    continue;
                }
            };
            let t = Instant::now();
            std::fs::write(out.join(&file.name), &file.bytes)?;
            made.writes += t.elapsed();
            let size = file.bytes.len() as u64;
            match format {
                ActFormat::Xml => {
                    made.xml_sizes.push(size);
                    made.not_xml += usize::from(!file.bytes.starts_with(b"<?xml"));
                }
                _ => {
                    made.pdf_sizes.push(size);
                    made.not_pdf += usize::from(!file.bytes.starts_with(b"%PDF-"));
                }
            }
        }
    }
    made.total = start.elapsed();
    made.peak_rss_kb = vm_hwm();
    Ok(made)
}

fn name(format: ActFormat) -> &'static str {
    match format {
        ActFormat::Pdf => "PDF",
        ActFormat::Invoice => "invoice",
        ActFormat::Xml => "XML",
    }
}

/// `partnerbook --book BOOK --lang en act KIND NUMBER --out OUT`, [`CLI_RUNS`] times.
fn cli(
    o: &Options,
    book: &Path,
    kind: &str,
    number: &str,
    out: &Path,
    scratch: &Path,
) -> std::io::Result<Cli> {
    let args: [&OsStr; 9] = [
        "--book".as_ref(),
        book.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
        "act".as_ref(),
        kind.as_ref(),
        number.as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ];
    let mut runs = Vec::with_capacity(CLI_RUNS);
    for _ in 0..CLI_RUNS {
        let m = child::run(o.partnerbook, &args, scratch, o.limit)?;
        let stop = m.status.code() == Some(2) || !m.status.success();
        if stop {
            eprintln!(
                "warning: partnerbook act {kind} exited with {}: {}",
                m.status,
                m.stderr.lines().take(5).collect::<Vec<_>>().join(" / ")
            );
        }
        runs.push(m);
        if stop {
            break;
        }
    }
    Ok(Cli { runs })
}

/// Writes the first `n` acts as office documents into `dir` (not timed).
fn office_documents(
    book: &Book,
    acts: &[String],
    n: usize,
    dir: &Path,
) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let db = book.db();
    let mut docs = Vec::with_capacity(n);
    for number in acts.iter().take(n) {
        let doc = act_document(db, &get_act(db, number)?)?;
        let path = std::path::absolute(dir.join(format!("act-{number}.fodt")))?;
        std::fs::write(&path, act_fodt(&doc))?;
        docs.push(path);
    }
    Ok(docs)
}

fn fresh_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)
}

pub fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    let dir = o.dir;
    std::fs::create_dir_all(dir)?;
    let scratch = dir.join("scratch");
    std::fs::create_dir_all(&scratch)?;

    // 1. The book and the peer's documents (not timed).
    let generated = acts_book::generate(dir, o.acts, o.seed)?;
    let start = Instant::now();
    let office_dir = dir.join("office");
    let docs = office_documents(
        &generated.book,
        &generated.acts,
        o.office_acts,
        &office_dir.join("acts"),
    )?;
    let book = BookFacts {
        partners: generated.partners,
        vat_payers: generated.vat_payers,
        payments: generated.payments,
        acts: generated.acts.len(),
        first: generated.acts.first().cloned(),
        last: generated.acts.last().cloned(),
    };
    println!(
        "Acts book (generated in {}, not timed) in {}",
        secs(generated.took + start.elapsed()),
        dir.display()
    );
    acts_report::print_book(&book, &generated.path, docs.len(), &office_dir);
    if o.generate_only {
        return Ok(());
    }

    // 2. Ours, in this process: every act's PDF and XML.
    let out = dir.join("documents");
    fresh_dir(&out)?;
    let made = make_documents(&generated.book, &generated.acts, &out)?;
    let book_path = generated.path.clone();
    drop(generated.book);

    // 3. The command line for one act, end to end.
    let cli_dir = dir.join("cli");
    fresh_dir(&cli_dir)?;
    let number = generated.acts.first().cloned().unwrap_or_default();
    let pdf_out = cli_dir.join(format!("act-{number}.pdf"));
    let cli_pdf = cli(o, &book_path, "pdf", &number, &pdf_out, &scratch)?;
    let cli_xml = cli(o, &book_path, "xml", &number, &cli_dir, &scratch)?;

    // 4. The peer.
    let limit = o.limit.unwrap_or(OFFICE_LIMIT);
    let office = office::run(o.soffice, &docs, &office_dir, &scratch, limit)?;

    acts_report::print(&Figures {
        made,
        cli_pdf,
        cli_xml,
        office,
        office_docs: docs.len(),
        out,
    });
    Ok(())
}
