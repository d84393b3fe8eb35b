//! The report of an acts run: the results against their targets (each with LibreOffice
//! beside it), what the run did, and where our time went.

use std::path::Path;
use std::time::Duration;

use crate::acts::{BookFacts, Cli, Figures, Made, CLI_RUNS};
use crate::office::{Office, OfficeRun};
use crate::report::{self, mb, ms, secs, Line};

/// Ours per act may be at most this share of LibreOffice's (≥ 50× faster).
const SPEED_RATIO_TARGET: f64 = 1.0 / 50.0;
/// An act's PDF at most this many kilobytes (1 KB = 1 000 bytes).
const PDF_SIZE_TARGET_KB: f64 = 30.0;

/// `line` with its peer and the ratio ours / peer; a small ratio also as a fraction, so
/// that «≥ 50× faster» can be read off it.
fn with_peer(line: Line, peer: String, ratio: Option<f64>) -> Line {
    let mut line = line.peer(peer, ratio);
    if let Some(r) = ratio.filter(|r| *r > 0.0 && *r < 0.1) {
        line.ratio = format!("{r:.4}× (1/{:.0})", 1.0 / r);
    }
    line
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

fn mean(sizes: &[u64]) -> Option<f64> {
    (!sizes.is_empty()).then(|| sizes.iter().sum::<u64>() as f64 / sizes.len() as f64)
}

fn per(total: Duration, n: usize) -> Duration {
    total / u32::try_from(n.max(1)).unwrap_or(u32::MAX)
}

pub fn print_book(b: &BookFacts, book: &Path, docs: usize, office_dir: &Path) {
    let size = crate::file_size(book)
        + crate::file_size(&std::path::PathBuf::from(format!("{}-wal", book.display())));
    println!(
        "  {}: {} bitrix24 partners (legal entities; {} VAT payers at 22 %, {} without VAT), \
         one client each bound by the Migrator, {} payments imported; {:.1} MB",
        crate::file_name(book),
        b.partners,
        b.vat_payers,
        b.partners - b.vat_payers,
        b.payments,
        size as f64 / 1e6
    );
    println!(
        "  acts converted on {}: {} ({} .. {})",
        crate::acts_book::act_day(),
        b.acts,
        b.first.as_deref().unwrap_or("—"),
        b.last.as_deref().unwrap_or("—")
    );
    if b.acts < b.partners {
        println!(
            "  note: only {} of {} partners had a balance ready to convert",
            b.acts, b.partners
        );
    }
    println!(
        "  the peer's documents: the first {docs} acts as flat ODF text (.fodt) in {}",
        office_dir.join("acts").display()
    );
    println!();
}

/// Whether our PDFs are real PDFs; the PDF figures are judged only then.
fn real_pdfs(m: &Made) -> bool {
    m.not_pdf == 0 && !m.pdf_sizes.is_empty()
}

fn done(m: &Made) -> bool {
    m.failures == 0 && m.not_xml == 0 && real_pdfs(m)
}

/// Ours against LibreOffice's `peer`, with the ratio ours / peer.
fn versus(what: String, ours: Duration, peer: Result<Duration, &str>) -> Line {
    let line = Line::new(what, ms(ours));
    match peer {
        Ok(p) => with_peer(line, ms(p), Some(ours.as_secs_f64() / p.as_secs_f64())),
        Err(why) => line.peer(format!("unavailable: {why}"), None),
    }
}

fn office(run: &OfficeRun) -> Result<&Office, &str> {
    match run {
        OfficeRun::Ran(o) => Ok(o),
        OfficeRun::Unavailable(why) => Err(why.as_str()),
    }
}

fn size_line(what: &str, ours: Option<f64>, peer: Option<f64>, m: &Made) -> Line {
    let target = format!("≤ {PDF_SIZE_TARGET_KB:.0} KB");
    let shown = ours.map_or_else(|| "?".into(), kb);
    if !real_pdfs(m) {
        return Line::new(what, format!("{shown} (not real PDFs)"))
            .peer(peer.map_or_else(|| "—".into(), kb), None)
            .target(target, None);
    }
    let ratio = ours.zip(peer).map(|(a, b)| a / b);
    with_peer(
        Line::new(what, shown),
        peer.map_or_else(|| "—".into(), kb),
        ratio,
    )
    .target(target, ours.map(|s| s / 1000.0 <= PDF_SIZE_TARGET_KB))
}

fn cli_line(what: String, cli: &Cli, peer: Option<Duration>) -> Line {
    if !cli.available() {
        return Line::new(what, "command not available (exit 2)".into());
    }
    let Some(m) = cli.median() else {
        return Line::new(what, "?".into());
    };
    let ours = if cli.ok() {
        ms(m.wall)
    } else {
        format!("{} (failed, {})", ms(m.wall), m.status)
    };
    let line = Line::new(what, ours);
    match peer {
        Some(p) => with_peer(line, ms(p), Some(m.wall.as_secs_f64() / p.as_secs_f64())),
        None => line,
    }
}

fn results(f: &Figures) -> Vec<Line> {
    let m = &f.made;
    let n = m.acts;
    let lo = office(&f.office);
    let lo_per_act = lo.map(Office::per_act);
    let per_act = per(m.total, n);
    let mut total = Line::new(
        format!("{n} acts: PDF + XML made and written, in-process"),
        secs(m.total),
    );
    total = match lo_per_act {
        Ok(p) => with_peer(
            total,
            format!("≈ {} (per act × {n})", secs(p * n as u32)),
            Some(m.total.as_secs_f64() / (p * n as u32).as_secs_f64()),
        ),
        Err(why) => total.peer(format!("unavailable: {why}"), None),
    };
    let mut speed = versus(
        "per act, PDF + XML (LibreOffice: PDF, the better of one run per act and all in one run)"
            .into(),
        per_act,
        lo_per_act,
    );
    let ratio = lo_per_act
        .ok()
        .map(|p| per_act.as_secs_f64() / p.as_secs_f64());
    let met = ratio.filter(|_| done(m)).map(|r| r <= SPEED_RATIO_TARGET);
    if !real_pdfs(m) {
        speed.ours = format!("{} (not real PDFs)", speed.ours);
    }
    speed = speed.target("≥ 50× faster (≤ 0.02×)", met);
    let mut pdf_only = versus("per act, PDF alone".into(), per(m.pdf, n), lo_per_act);
    if !real_pdfs(m) {
        pdf_only.ours = format!("{} (not real PDFs)", pdf_only.ours);
    }
    let lo_mean = lo.ok().and_then(Office::mean_pdf);
    let lo_max = lo.ok().and_then(Office::max_pdf).map(|b| b as f64);
    let rss_kb = m.peak_rss_kb.map(|kb| kb as f64 / 1024.0);
    let lo_rss = lo.ok().and_then(|o| o.batch.peak_rss_mb());
    let mut xml_only = Line::new("per act, EDO XML (УПД 5.03) alone", ms(per(m.xml, n)));
    xml_only.peer = "— (makes no УПД)".into();
    vec![
        total,
        speed,
        pdf_only,
        xml_only,
        size_line("PDF size per act, mean", mean(&m.pdf_sizes), lo_mean, m),
        size_line(
            "PDF size per act, max",
            m.pdf_sizes.iter().max().map(|b| *b as f64),
            lo_max,
            m,
        ),
        Line::new(
            "XML size per act, mean",
            mean(&m.xml_sizes).map_or_else(|| "?".into(), kb),
        ),
        with_peer(
            Line::new(
                format!(
                    "peak RSS while making the {n} acts{}",
                    if m.rss_reset { "" } else { " (whole run)" }
                ),
                mb(rss_kb),
            ),
            format!("{} (all in one run)", mb(lo_rss)),
            rss_kb.zip(lo_rss).map(|(a, b)| a / b),
        ),
        cli_line(
            format!("partnerbook act pdf, one act, start included (median of {CLI_RUNS})"),
            &f.cli_pdf,
            lo.ok().map(Office::median_separate),
        ),
        cli_line(
            format!("partnerbook act xml, one act, start included (median of {CLI_RUNS})"),
            &f.cli_xml,
            None,
        ),
    ]
}

pub fn print(f: &Figures) {
    println!("Acts results (ratio = ours / peer)");
    report::print_table(
        [
            "measurement",
            "ours",
            "peer (LibreOffice)",
            "ratio",
            "target",
            "met?",
        ],
        &results(f),
    );

    let m = &f.made;
    println!("What the acts run did");
    println!(
        "  made {} PDFs and {} XML files for {} acts into {} ({:.1} MB)",
        m.pdf_sizes.len(),
        m.xml_sizes.len(),
        m.acts,
        f.out.display(),
        (m.pdf_sizes.iter().sum::<u64>() + m.xml_sizes.iter().sum::<u64>()) as f64 / 1e6
    );
    if !real_pdfs(m) {
        println!(
            "  note: {} of the {} act PDFs are not PDFs (empty, or not starting with %PDF-): \
             this partnerbook's act PDF renderer is not the real one, so the PDF figures mean \
             nothing and their targets are not judged",
            m.not_pdf,
            m.pdf_sizes.len()
        );
    }
    if m.not_xml > 0 {
        println!("  note: {} XML files do not start with <?xml", m.not_xml);
    }
    if m.failures > 0 {
        println!("  refused: {} documents; the first:", m.failures);
        for (number, format, why) in &m.failed {
            println!("    act {number} {format}: {why}");
        }
    }
    for (name, cli) in [("act pdf", &f.cli_pdf), ("act xml", &f.cli_xml)] {
        if let Some(first) = cli.runs.first() {
            let walls: Vec<String> = cli.runs.iter().map(|r| ms(r.wall)).collect();
            println!(
                "  {:<22} {}; runs {}; peak RSS {}",
                format!("partnerbook {name}"),
                first.status,
                walls.join(", "),
                mb(cli.median().and_then(|r| r.peak_rss_mb()))
            );
        }
    }
    match &f.office {
        OfficeRun::Ran(o) => print_office(o, f.office_docs),
        OfficeRun::Unavailable(why) => println!("  LibreOffice did not run: {why}"),
    }
    println!();

    println!("Where the time goes (in this process, summed over the acts)");
    let total = m.total.as_secs_f64().max(f64::MIN_POSITIVE);
    for (what, d) in [
        (
            "act_file PDF (reading the act and the book, the document, rendering)",
            m.pdf,
        ),
        (
            "act_file XML (the same, and the УПД 5.03 in Windows-1251)",
            m.xml,
        ),
        ("writing the files", m.writes),
    ] {
        println!(
            "  {what:<70} {} ({:.0} %)",
            secs(d),
            d.as_secs_f64() / total * 100.0
        );
    }
    println!(
        "  peak RSS read as {}",
        if m.rss_reset {
            "VmHWM of this process, reset through /proc/self/clear_refs before the acts"
        } else {
            "VmHWM of this process over the whole run (clear_refs could not reset it)"
        }
    );
    println!(
        "  load average at the end: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}

fn print_office(o: &Office, docs: usize) {
    let mut walls: Vec<Duration> = o.separate.iter().map(|m| m.wall).collect();
    walls.sort();
    let max_rss = o
        .separate
        .iter()
        .filter_map(|m| m.peak_rss_mb())
        .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))));
    println!("  LibreOffice: {}", o.version);
    println!(
        "  {:<22} {} (creates the fresh profile; not counted)",
        "warm-up conversion",
        secs(o.warm_up.wall)
    );
    println!(
        "  {:<22} {docs} invocations: mean {}, median {}, min {}, max {}; peak RSS up to {}",
        "one act per run",
        ms(o.per_act_separate()),
        ms(o.median_separate()),
        ms(walls.first().copied().unwrap_or_default()),
        ms(walls.last().copied().unwrap_or_default()),
        mb(max_rss)
    );
    println!(
        "  {:<22} {} for {docs} acts ({} PDFs) = {} per act; peak RSS {}",
        "all in one run",
        secs(o.batch.wall),
        o.batch_pdfs,
        ms(o.per_act_batch()),
        mb(o.batch.peak_rss_mb())
    );
    if let Some(more) = o.marginal() {
        println!(
            "  {:<22} ≈ {} per act beyond the first in one run (all in one − one act's run, \
             over {} acts): start-up left out, shown only",
            "one more act",
            ms(more),
            docs.saturating_sub(1)
        );
    }
    println!(
        "  {:<22} mean {}, max {}",
        "LibreOffice PDF size",
        o.mean_pdf().map_or_else(|| "?".into(), kb),
        o.max_pdf().map_or_else(|| "?".into(), |b| kb(b as f64))
    );
}
