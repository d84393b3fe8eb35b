//! Keys, certificates and signatures made at test time by OpenSSL with the gost engine,
//! the reference EDO signatures are checked against (feature `test-fixtures`: this
//! crate's tests and the book's tests of signed packages use it). Test code: it panics
//! with the reason when OpenSSL fails, and says to run `scripts/setup.sh` when OpenSSL
//! or its GOST engine is missing.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const SETUP_HINT: &str = "these tests need OpenSSL with the GOST engine \
    (Debian's libengine-gost-openssl): run scripts/setup.sh";

/// The key size and the matching Streebog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bits {
    B256,
    B512,
}

impl Bits {
    pub fn algorithm(self) -> &'static str {
        match self {
            Bits::B256 => "gost2012_256",
            Bits::B512 => "gost2012_512",
        }
    }

    pub fn md(self) -> &'static str {
        match self {
            Bits::B256 => "md_gost12_256",
            Bits::B512 => "md_gost12_512",
        }
    }

    /// Bytes of r (and of s).
    pub fn width(self) -> usize {
        match self {
            Bits::B256 => 32,
            Bits::B512 => 64,
        }
    }
}

/// The subject of a certificate, as Russian qualified certificates fill it.
#[derive(Debug, Clone, Default)]
pub struct Dn {
    pub cn: Option<&'static str>,
    pub sn: Option<&'static str>,
    pub gn: Option<&'static str>,
    pub o: Option<&'static str>,
    pub title: Option<&'static str>,
    pub inn: Option<&'static str>,
    pub inn_le: Option<&'static str>,
    pub ogrn: Option<&'static str>,
    pub ogrnip: Option<&'static str>,
    pub snils: Option<&'static str>,
}

impl Dn {
    /// A company's director, as the ФНС issues it.
    pub fn director() -> Self {
        Dn {
            cn: Some("ООО «Ромашка»"),
            sn: Some("Иванов"),
            gn: Some("Иван Иванович"),
            o: Some("ООО «Ромашка»"),
            title: Some("Генеральный директор"),
            inn: Some("771234567890"),
            inn_le: Some("7701234567"),
            ogrn: Some("1027700132195"),
            snils: Some("12345678901"),
            ..Dn::default()
        }
    }

    /// A certification authority.
    pub fn ca() -> Self {
        Dn {
            cn: Some("Тестовый удостоверяющий центр"),
            o: Some("АО «Тестовый УЦ»"),
            inn_le: Some("7707083893"),
            ..Dn::default()
        }
    }

    fn config_lines(&self) -> String {
        let fields = [
            ("CN", self.cn),
            ("SN", self.sn),
            ("GN", self.gn),
            ("O", self.o),
            ("title", self.title),
            ("INN", self.inn),
            ("INNLE", self.inn_le),
            ("OGRN", self.ogrn),
            ("OGRNIP", self.ogrnip),
            ("SNILS", self.snils),
        ];
        fields
            .iter()
            .filter_map(|(name, value)| value.map(|value| format!("{name} = {value}\n")))
            .collect()
    }
}

/// Runs openssl in `dir`; panics with its output if it fails.
pub fn openssl(dir: &Path, args: &[&str]) -> Vec<u8> {
    ensure_openssl();
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("openssl {args:?}: {e}; {SETUP_HINT}"));
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Whether `openssl cms -verify -noverify` (no chain) accepts the signature.
pub fn openssl_accepts(dir: &Path, content: &[u8], signature_der: &[u8]) -> bool {
    ensure_openssl();
    let unique = format!("{:x}", fastrand_name(content, signature_der));
    let content_path = dir.join(format!("verify-{unique}.content"));
    let signature_path = dir.join(format!("verify-{unique}.sig"));
    fs::write(&content_path, content).expect("write");
    fs::write(&signature_path, signature_der).expect("write");
    let output = Command::new("openssl")
        .args(["cms", "-engine", "gost", "-verify", "-noverify", "-binary"])
        .args(["-inform", "DER", "-out", "/dev/null", "-in"])
        .arg(&signature_path)
        .arg("-content")
        .arg(&content_path)
        .output()
        .expect(SETUP_HINT);
    output.status.success()
}

/// A name for temporary files that differs with the bytes.
fn fastrand_name(a: &[u8], b: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    a.hash(&mut hasher);
    b.hash(&mut hasher);
    std::thread::current().id().hash(&mut hasher);
    hasher.finish()
}

/// Fails the test with the setup hint unless openssl runs and has the gost engine.
fn ensure_openssl() {
    static CHECKED: OnceLock<Result<(), String>> = OnceLock::new();
    let checked = CHECKED.get_or_init(|| {
        let output = Command::new("openssl")
            .args(["genpkey", "-engine", "gost", "-algorithm", "gost2012_256"])
            .args(["-pkeyopt", "paramset:A"])
            .output()
            .map_err(|e| format!("openssl does not run ({e})"))?;
        if output.status.success() && !output.stdout.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "openssl has no GOST engine ({})",
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    });
    if let Err(why) = checked {
        panic!("{why}: {SETUP_HINT}");
    }
}

/// A key and its certificate in a directory of their own.
#[derive(Debug)]
pub struct Identity {
    pub dir: PathBuf,
    pub bits: Bits,
    pub key: PathBuf,
    pub cert: PathBuf,
}

impl Identity {
    /// A fresh key on `paramset` and a self-signed certificate valid from now for a month.
    pub fn self_signed(dir: &Path, name: &str, bits: Bits, paramset: &str, dn: &Dn) -> Self {
        let identity = Self::key(dir, name, bits, paramset);
        let config = identity.write_request_config(dn);
        openssl(
            dir,
            &[
                "req",
                "-engine",
                "gost",
                "-config",
                &config,
                "-x509",
                "-new",
                "-key",
                &path(&identity.key),
                "-out",
                &path(&identity.cert),
                "-days",
                "30",
                &format!("-{}", bits.md()),
            ],
        );
        identity
    }

    /// A fresh key whose certificate `ca` issues with the given validity
    /// (`YYYYMMDDHHMMSSZ`), through `openssl ca`.
    pub fn issued(
        ca: &Identity,
        name: &str,
        bits: Bits,
        paramset: &str,
        dn: &Dn,
        valid: (&str, &str),
    ) -> Self {
        let dir = &ca.dir;
        let identity = Self::key(dir, name, bits, paramset);
        let config = identity.write_request_config(dn);
        let csr = format!("{name}.csr");
        openssl(
            dir,
            &[
                "req",
                "-engine",
                "gost",
                "-config",
                &config,
                "-new",
                "-key",
                &path(&identity.key),
                "-out",
                &csr,
            ],
        );
        let ca_config = ca.write_ca_config();
        openssl(
            dir,
            &[
                "ca",
                "-engine",
                "gost",
                "-batch",
                "-config",
                &ca_config,
                "-cert",
                &path(&ca.cert),
                "-keyfile",
                &path(&ca.key),
                "-in",
                &csr,
                "-out",
                &path(&identity.cert),
                "-startdate",
                valid.0,
                "-enddate",
                valid.1,
                "-preserveDN",
                "-notext",
            ],
        );
        identity
    }

    fn key(dir: &Path, name: &str, bits: Bits, paramset: &str) -> Self {
        let key = dir.join(format!("{name}.key"));
        let cert = dir.join(format!("{name}.pem"));
        openssl(
            dir,
            &[
                "genpkey",
                "-engine",
                "gost",
                "-algorithm",
                bits.algorithm(),
                "-pkeyopt",
                &format!("paramset:{paramset}"),
                "-out",
                &path(&key),
            ],
        );
        Self {
            dir: dir.to_path_buf(),
            bits,
            key,
            cert,
        }
    }

    fn write_request_config(&self, dn: &Dn) -> String {
        let name = self.key.with_extension("req.cnf");
        let config = format!(
            "oid_section = new_oids\n\
             [new_oids]\n\
             INNLE = 1.2.643.100.4\n\
             [req]\n\
             distinguished_name = dn\n\
             prompt = no\n\
             string_mask = utf8only\n\
             utf8 = yes\n\
             x509_extensions = ext\n\
             [ext]\n\
             subjectKeyIdentifier = hash\n\
             basicConstraints = CA:true\n\
             keyUsage = digitalSignature, nonRepudiation, keyCertSign\n\
             [dn]\n{}",
            dn.config_lines()
        );
        fs::write(&name, config).expect("write config");
        path(&name)
    }

    fn write_ca_config(&self) -> String {
        let database = self.key.with_extension("index.txt");
        let serial = self.key.with_extension("serial");
        if !database.exists() {
            fs::write(&database, "").expect("write index");
            fs::write(&serial, "1000\n").expect("write serial");
        }
        let name = self.key.with_extension("ca.cnf");
        let config = format!(
            "[ca]\n\
             default_ca = test_ca\n\
             [test_ca]\n\
             database = {}\n\
             new_certs_dir = {}\n\
             serial = {}\n\
             default_md = {}\n\
             policy = any\n\
             unique_subject = no\n\
             email_in_dn = no\n\
             utf8 = yes\n\
             string_mask = utf8only\n\
             x509_extensions = ext\n\
             [ext]\n\
             subjectKeyIdentifier = hash\n\
             authorityKeyIdentifier = keyid\n\
             [any]\n\
             commonName = optional\n",
            path(&database),
            path(&self.dir),
            path(&serial),
            self.bits.md()
        );
        fs::write(&name, config).expect("write ca config");
        path(&name)
    }

    /// Signs `content` with `openssl cms -sign -binary` (detached unless `extra` says
    /// otherwise); returns the DER (or whatever `-outform` in `extra` asks for).
    pub fn sign(&self, content: &[u8], extra: &[&str]) -> Vec<u8> {
        let unique = format!("{:x}", fastrand_name(content, extra.join(" ").as_bytes()));
        let input = self.dir.join(format!("content-{unique}.xml"));
        let output = self.dir.join(format!("signature-{unique}"));
        fs::write(&input, content).expect("write content");
        let mut args = vec![
            "cms",
            "-engine",
            "gost",
            "-sign",
            "-binary",
            "-md",
            self.bits.md(),
            "-in",
        ];
        let (input, output, key, cert) = (
            path(&input),
            path(&output),
            path(&self.key),
            path(&self.cert),
        );
        args.extend([input.as_str(), "-out", output.as_str()]);
        args.extend(["-signer", cert.as_str(), "-inkey", key.as_str()]);
        if !extra.contains(&"-outform") {
            args.extend(["-outform", "DER"]);
        }
        args.extend(extra);
        openssl(&self.dir, &args);
        fs::read(&output).expect("read signature")
    }

    /// `openssl dgst -sign`: a GOST R 34.10-2012 signature of Streebog(data), as the
    /// engine packs it (s‖r).
    pub fn sign_raw(&self, data: &[u8]) -> Vec<u8> {
        let unique = format!("{:x}", fastrand_name(data, b"raw"));
        let input = self.dir.join(format!("raw-{unique}.bin"));
        let output = self.dir.join(format!("raw-{unique}.sig"));
        fs::write(&input, data).expect("write");
        openssl(
            &self.dir,
            &[
                "dgst",
                "-engine",
                "gost",
                &format!("-{}", self.bits.md()),
                "-sign",
                &path(&self.key),
                "-out",
                &path(&output),
                &path(&input),
            ],
        );
        fs::read(&output).expect("read raw signature")
    }

    /// The serial as `openssl x509 -serial` prints it.
    pub fn serial(&self) -> String {
        let out = openssl(
            &self.dir,
            &["x509", "-noout", "-serial", "-in", &path(&self.cert)],
        );
        String::from_utf8(out)
            .expect("ascii")
            .trim()
            .strip_prefix("serial=")
            .expect("serial=")
            .to_string()
    }

    /// The certificate's DER.
    pub fn cert_der(&self) -> Vec<u8> {
        openssl(
            &self.dir,
            &["x509", "-outform", "DER", "-in", &path(&self.cert)],
        )
    }
}

pub fn path(path: &Path) -> String {
    path.to_str().expect("utf-8 path").to_string()
}

/// An XML-like document, as EDO titles are.
pub fn document() -> Vec<u8> {
    "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n\
     <Файл ИдФайл=\"ON_NSCHFDOPPR_2BM-7701234567-770101001-201801010000000000000_20261205_1\">\n\
     <Документ КНД=\"1115131\"><СвСчФакт НомерДок=\"17\" ДатаДок=\"05.12.2026\"/></Документ>\n\
     </Файл>\n"
        .as_bytes()
        .to_vec()
}
