//! The signatures part: verifying EDO signatures (GOST R 34.10-2012 over Streebog) the
//! way `act import-signed` does, in-process, against the field's reference — `openssl cms
//! -verify` with Debian's gost engine — on the same documents and signatures, all made by
//! OpenSSL at the start (not timed). Both verdicts must agree on every signature.

use std::error::Error;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use partnerbook_signature::openssl_fixtures::{path, Bits, Dn, Identity};
use partnerbook_signature::verify_detached;

use crate::report::ms;

pub struct Options<'a> {
    pub dir: &'a Path,
    /// Signatures of each key size.
    pub count: usize,
}

/// An EDO title of about six kilobytes, different for each `n`.
fn title(n: usize) -> Vec<u8> {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<Файл ИдФайл=\"ON_NSCHFDOPPR_2BE_2BE_20261205_{n:08}\">\n"
    );
    for line in 0..40 {
        xml.push_str(&format!(
            "<СведТов НомСтр=\"{line}\" НаимТов=\"Партнёрское вознаграждение {n}-{line}\" СтТовУчНал=\"{}.00\"/>\n",
            1000 + n * 7 + line
        ));
    }
    xml.push_str("</Файл>\n");
    xml.into_bytes()
}

fn per(total: Duration, count: usize) -> Duration {
    total / u32::try_from(count.max(1)).unwrap_or(u32::MAX)
}

pub fn run(o: &Options) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(o.dir)?;
    println!(
        "Signatures: {} per key size, made by OpenSSL (not timed)",
        o.count
    );
    println!(
        "  {:<34} {:>16} {:>26} {:>8}",
        "verify one signature", "ours, in-process", "openssl cms -verify, each", "ratio"
    );
    for (bits, name) in [(Bits::B256, "GOST 2012-256"), (Bits::B512, "GOST 2012-512")] {
        let key = Identity::self_signed(
            o.dir,
            &format!("{name}-key").replace(' ', ""),
            bits,
            "A",
            &Dn::director(),
        );
        let mut files = Vec::with_capacity(o.count);
        for n in 0..o.count {
            let doc = title(n);
            let sig = key.sign(&doc, &[]);
            let doc_path = o.dir.join(format!("{}-{n}.xml", bits.algorithm()));
            let sig_path = o.dir.join(format!("{}-{n}.xml.sig", bits.algorithm()));
            std::fs::write(&doc_path, &doc)?;
            std::fs::write(&sig_path, &sig)?;
            files.push((doc, sig, doc_path, sig_path));
        }
        let start = Instant::now();
        for (doc, sig, ..) in &files {
            verify_detached(doc, sig)
                .map_err(|e| format!("ours refused a good signature: {}", e.en()))?;
        }
        let ours = per(start.elapsed(), files.len());
        let start = Instant::now();
        for (.., doc_path, sig_path) in &files {
            let status = Command::new("openssl")
                .args(["cms", "-engine", "gost", "-verify", "-noverify", "-binary"])
                .args([
                    "-inform",
                    "DER",
                    "-out",
                    "/dev/null",
                    "-in",
                    &path(sig_path),
                ])
                .args(["-content", &path(doc_path)])
                .output()?
                .status;
            if !status.success() {
                return Err("openssl refused a good signature".into());
            }
        }
        let peer = per(start.elapsed(), files.len());
        println!(
            "  {:<34} {:>16} {:>26} {:>7.0}×",
            name,
            ms(ours),
            ms(peer),
            peer.as_secs_f64() / ours.as_secs_f64().max(1e-9)
        );
        // The same verdict on a changed document.
        let mut changed = files[0].0.clone();
        let at = changed.len() / 2;
        changed[at] ^= 1;
        if verify_detached(&changed, &files[0].1).is_ok() {
            return Err("ours accepted a changed document".into());
        }
    }
    println!("  (openssl's figure includes starting a process and loading the engine, as a script verifying files would)");
    Ok(())
}
