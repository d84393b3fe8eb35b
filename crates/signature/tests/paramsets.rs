//! Every curve EDO certificates use: a key and certificate made by OpenSSL's gost engine,
//! a detached signature of a document (DER and Base64), read back field by field and
//! judged the same way OpenSSL judges it.

mod fixtures;

use chrono::{SubsecRound, Utc};
use partnerbook_signature::{verify_detached, Algorithm};

use fixtures::{document, openssl, openssl_accepts, path, Bits, Dn, Identity};

fn signs_and_verifies(bits: Bits, paramset: &str) {
    let dir = tempfile::tempdir().expect("dir");
    let identity = Identity::self_signed(dir.path(), "signer", bits, paramset, &Dn::director());
    let content = document();

    let before = Utc::now().trunc_subsecs(0);
    let der = identity.sign(&content, &[]);
    let after = Utc::now();

    let signed = verify_detached(&content, &der).expect("a fresh signature verifies");
    assert_eq!(signed.signer, "Иванов Иван Иванович");
    assert_eq!(signed.organization.as_deref(), Some("ООО «Ромашка»"));
    assert_eq!(signed.inn.as_deref(), Some("771234567890"));
    assert_eq!(signed.inn_le.as_deref(), Some("7701234567"));
    assert_eq!(signed.ogrn.as_deref(), Some("1027700132195"));
    assert_eq!(signed.snils.as_deref(), Some("12345678901"));
    assert_eq!(signed.title.as_deref(), Some("Генеральный директор"));
    assert_eq!(signed.serial, identity.serial());
    assert_eq!(signed.certificate, identity.cert_der());
    assert!(
        before <= signed.signed_at && signed.signed_at <= after,
        "signed at {} outside the run {before}..{after}",
        signed.signed_at
    );
    assert!(signed.valid_from <= signed.signed_at && signed.signed_at < signed.valid_to);
    assert_eq!((signed.valid_to - signed.valid_from).num_days(), 30);
    let algorithm = match bits {
        Bits::B256 => Algorithm::Gost2012_256,
        Bits::B512 => Algorithm::Gost2012_512,
    };
    assert_eq!(signed.algorithm, algorithm);
    assert!(openssl_accepts(dir.path(), &content, &der));

    // The same signature as Base64, PEM-armoured by OpenSSL.
    let pem = identity.sign(&content, &["-outform", "PEM"]);
    assert!(pem.starts_with(b"-----BEGIN CMS-----"));
    let from_pem = verify_detached(&content, &pem).expect("PEM verifies");
    assert_eq!(from_pem.serial, signed.serial);
    assert_eq!(from_pem.signer, signed.signer);

    // Bare Base64 with CRLF line breaks, and under a PKCS7 armour.
    let signature_file = dir.path().join("signature.der");
    std::fs::write(&signature_file, &der).expect("write");
    let base64 = openssl(dir.path(), &["base64", "-in", &path(&signature_file)]);
    let crlf = String::from_utf8(base64)
        .expect("ascii")
        .replace('\n', "\r\n");
    assert_eq!(
        verify_detached(&content, crlf.as_bytes()),
        Ok(signed.clone())
    );
    let pkcs7 = format!("-----BEGIN PKCS7-----\r\n{crlf}-----END PKCS7-----\r\n");
    assert_eq!(verify_detached(&content, pkcs7.as_bytes()), Ok(signed));

    // One byte of the document changed: both refuse.
    let mut tampered = content.clone();
    tampered[60] ^= 0x01;
    let error = verify_detached(&tampered, &der).expect_err("tampered content");
    assert_eq!(error.code(), "signature_digest");
    assert!(!openssl_accepts(dir.path(), &tampered, &der));
}

macro_rules! paramset_tests {
    ($($name:ident: $bits:expr, $paramset:literal;)*) => {
        $(
            #[test]
            fn $name() {
                signs_and_verifies($bits, $paramset);
            }
        )*
    };
}

paramset_tests! {
    gost2012_256_cryptopro_a: Bits::B256, "A";
    gost2012_256_cryptopro_b: Bits::B256, "B";
    gost2012_256_cryptopro_c: Bits::B256, "C";
    gost2012_256_cryptopro_xch_a: Bits::B256, "XA";
    gost2012_256_cryptopro_xch_b: Bits::B256, "XB";
    gost2012_256_tc26_a: Bits::B256, "TCA";
    gost2012_256_tc26_b: Bits::B256, "TCB";
    gost2012_256_tc26_c: Bits::B256, "TCC";
    gost2012_256_tc26_d: Bits::B256, "TCD";
    gost2012_512_tc26_a: Bits::B512, "A";
    gost2012_512_tc26_b: Bits::B512, "B";
    gost2012_512_tc26_c: Bits::B512, "C";
}

#[test]
fn a_certificate_without_surname_names_the_owner_by_common_name() {
    let dir = tempfile::tempdir().expect("dir");
    let dn = Dn {
        cn: Some("Петров Пётр Петрович"),
        inn: Some("500100732259"),
        ogrnip: Some("304500116000157"),
        ..Dn::default()
    };
    let identity = Identity::self_signed(dir.path(), "ip", Bits::B256, "TCA", &dn);
    let content = document();
    let signed = verify_detached(&content, &identity.sign(&content, &[])).expect("verifies");
    assert_eq!(signed.signer, "Петров Пётр Петрович");
    assert_eq!(signed.inn.as_deref(), Some("500100732259"));
    assert_eq!(signed.inn_le, None);
    assert_eq!(signed.ogrn.as_deref(), Some("304500116000157"));
    assert_eq!(
        (signed.organization, signed.title, signed.snils),
        (None, None, None)
    );
}

#[test]
fn a_company_certificate_without_a_person_inn_gives_the_company_inn() {
    let dir = tempfile::tempdir().expect("dir");
    let dn = Dn {
        cn: Some("ООО «Ромашка»"),
        o: Some("ООО «Ромашка»"),
        inn_le: Some("7701234567"),
        ogrn: Some("1027700132195"),
        ..Dn::default()
    };
    let identity = Identity::self_signed(dir.path(), "le", Bits::B512, "A", &dn);
    let content = document();
    let signed = verify_detached(&content, &identity.sign(&content, &[])).expect("verifies");
    assert_eq!(signed.signer, "ООО «Ромашка»");
    assert_eq!(signed.inn.as_deref(), Some("7701234567"));
    assert_eq!(signed.inn_le.as_deref(), Some("7701234567"));
}
