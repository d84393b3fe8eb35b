//! What the verifier refuses, each with its code, and the signatures it accepts that are
//! shaped differently (a chain, a key identifier, encapsulated or streamed content, a
//! GeneralizedTime). Where OpenSSL's `cms -verify -noverify` judges the same thing, the
//! two must agree.

mod fixtures;

use chrono::{Duration, TimeZone, Utc};
use partnerbook_signature::{verify_detached, SignatureError};

use fixtures::der::{self, attribute_oid, children, tlv, with_signer_info, Node};
use fixtures::{document, openssl, openssl_accepts, path, Bits, Dn, Identity};

fn code(result: Result<partnerbook_signature::Signed, SignatureError>) -> &'static str {
    result.expect_err("refused").code()
}

fn signer(dir: &std::path::Path, bits: Bits) -> Identity {
    let paramset = match bits {
        Bits::B256 => "A",
        Bits::B512 => "C",
    };
    Identity::self_signed(dir, "signer", bits, paramset, &Dn::director())
}

/// Re-signs the signed attributes after `edit` with `openssl dgst -sign` and puts the
/// new signature value in place.
fn resigned(identity: &Identity, cms: &[u8], edit: impl FnOnce(&mut Vec<Node>)) -> Vec<u8> {
    with_signer_info(cms, |fields| {
        let at = fields
            .iter()
            .position(|(tag, _)| *tag == 0xA0)
            .expect("signed attributes");
        let mut attributes = children(&fields[at].1);
        edit(&mut attributes);
        fields[at].1 = der::join(&attributes);
        let signature = identity.sign_raw(&tlv(0x31, &fields[at].1));
        assert_eq!(signature.len(), 2 * identity.bits.width());
        fields[at + 2] = (0x04, signature);
    })
}

#[test]
fn a_changed_byte_of_the_document_is_a_digest_error() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &[]);
    for at in [0, content.len() / 2, content.len() - 1] {
        let mut tampered = content.clone();
        tampered[at] ^= 0x20;
        assert_eq!(
            code(verify_detached(&tampered, &signature)),
            "signature_digest"
        );
        assert!(!openssl_accepts(dir.path(), &tampered, &signature));
    }
    let mut longer = content.clone();
    longer.push(b'\n');
    assert_eq!(
        code(verify_detached(&longer, &signature)),
        "signature_digest"
    );
    assert_eq!(code(verify_detached(b"", &signature)), "signature_digest");
}

#[test]
fn a_signature_of_other_bytes_is_a_digest_error() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B512);
    let content = document();
    let other = identity.sign(b"<another act/>", &[]);
    let error = verify_detached(&content, &other).expect_err("other bytes");
    assert_eq!(error, SignatureError::Digest);
    assert!(
        error.ru().contains("Подпись сделана не под этим файлом"),
        "{}",
        error.ru()
    );
    assert!(!openssl_accepts(dir.path(), &content, &other));
}

#[test]
fn an_altered_signature_value_is_invalid() {
    for bits in [Bits::B256, Bits::B512] {
        let dir = tempfile::tempdir().expect("dir");
        let identity = signer(dir.path(), bits);
        let content = document();
        let signature = identity.sign(&content, &[]);
        // The signature value, s‖r, ends the encoding (no unsigned attributes).
        let width = bits.width();
        for from_end in [1, width, width + 1, 2 * width] {
            let mut altered = signature.clone();
            let at = altered.len() - from_end;
            altered[at] ^= 0x01;
            assert_eq!(
                code(verify_detached(&content, &altered)),
                "signature_invalid"
            );
            assert!(!openssl_accepts(dir.path(), &content, &altered));
        }
        // Swapping s and r (the ECDSA habit) is not the GOST packing.
        let swapped = with_signer_info(&signature, |fields| {
            let value = &mut fields.last_mut().expect("signature").1;
            let (s, r) = value.split_at(width);
            *value = [r, s].concat();
        });
        assert_eq!(
            code(verify_detached(&content, &swapped)),
            "signature_invalid"
        );
        let short = with_signer_info(&signature, |fields| {
            fields.last_mut().expect("signature").1.pop();
        });
        assert_eq!(code(verify_detached(&content, &short)), "signature_invalid");
    }
}

#[test]
fn a_signature_made_after_the_certificate_expired_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let ca = Identity::self_signed(dir.path(), "ca", Bits::B256, "A", &Dn::ca());
    let expired = Identity::issued(
        &ca,
        "expired",
        Bits::B256,
        "B",
        &Dn::director(),
        ("20200101000000Z", "20210101000000Z"),
    );
    let content = document();
    let signature = expired.sign(&content, &[]);
    let error = verify_detached(&content, &signature).expect_err("expired");
    assert_eq!(error.code(), "certificate_expired");
    let SignatureError::CertificateExpired {
        signed_at,
        valid_from,
        valid_to,
    } = error.clone()
    else {
        panic!("{error:?}");
    };
    assert_eq!(
        valid_from,
        Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
            .single()
            .expect("date")
    );
    assert_eq!(
        valid_to,
        Utc.with_ymd_and_hms(2021, 1, 1, 0, 0, 0)
            .single()
            .expect("date")
    );
    assert!((Utc::now() - signed_at).num_minutes() < 5);
    assert!(
        error.ru().contains("по 01.01.2021 03:00 МСК"),
        "{}",
        error.ru()
    );
    assert!(
        error.en().contains("to 2021-01-01 03:00 Moscow time"),
        "{}",
        error.en()
    );
    // OpenSSL without chain checks does not look at the dates; this verifier does.
    assert!(openssl_accepts(dir.path(), &content, &signature));

    let future = (Utc::now() + Duration::days(10))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let later = (Utc::now() + Duration::days(40))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let not_yet = Identity::issued(
        &ca,
        "not-yet",
        Bits::B512,
        "B",
        &Dn::director(),
        (&future, &later),
    );
    let signature = not_yet.sign(&content, &[]);
    assert_eq!(
        code(verify_detached(&content, &signature)),
        "certificate_expired"
    );
}

#[test]
fn the_signer_is_found_among_the_chain_by_serial_or_key_identifier() {
    let dir = tempfile::tempdir().expect("dir");
    let ca = Identity::self_signed(dir.path(), "ca", Bits::B512, "A", &Dn::ca());
    let from = (Utc::now() - Duration::days(1))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let to = (Utc::now() + Duration::days(365))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let employee = Identity::issued(
        &ca,
        "employee",
        Bits::B256,
        "TCB",
        &Dn::director(),
        (&from, &to),
    );
    let content = document();
    let ca_cert = path(&ca.cert);
    for extra in [
        vec!["-certfile", ca_cert.as_str()],
        vec!["-certfile", ca_cert.as_str(), "-keyid"],
        vec!["-keyid"],
    ] {
        let signature = employee.sign(&content, &extra);
        let signed = verify_detached(&content, &signature).expect("verifies");
        assert_eq!(signed.serial, "1000");
        assert_eq!(signed.serial, employee.serial());
        assert_eq!(signed.certificate, employee.cert_der());
        assert!(openssl_accepts(dir.path(), &content, &signature));
    }
}

#[test]
fn a_signature_without_the_certificate_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &["-nocerts"]);
    assert_eq!(
        code(verify_detached(&content, &signature)),
        "certificate_missing"
    );
    assert!(!openssl_accepts(dir.path(), &content, &signature));
}

#[test]
fn two_signers_in_one_file_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let first = signer(dir.path(), Bits::B256);
    let second = Identity::self_signed(dir.path(), "second", Bits::B256, "B", &Dn::director());
    let content = document();
    let (cert, key) = (path(&second.cert), path(&second.key));
    let signature = first.sign(&content, &["-signer", &cert, "-inkey", &key]);
    assert!(openssl_accepts(dir.path(), &content, &signature));
    assert_eq!(
        verify_detached(&content, &signature),
        Err(SignatureError::Signers(2))
    );
}

#[test]
fn a_signature_without_signed_attributes_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &["-noattr"]);
    assert_eq!(
        code(verify_detached(&content, &signature)),
        "signature_attributes"
    );
    // OpenSSL takes a signature straight over the content; an EDO signature (CAdES-BES)
    // always has signed attributes, and without them there is no signing time.
    assert!(openssl_accepts(dir.path(), &content, &signature));
}

#[test]
fn a_signature_without_signing_time_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B512);
    let content = document();
    let signature = identity.sign(&content, &[]);
    // Re-signed as it was, the signature still verifies (OpenSSL's dgst packs it alike).
    let same = resigned(&identity, &signature, |_| {});
    assert_ne!(same, signature);
    assert!(verify_detached(&content, &same).is_ok());
    assert!(openssl_accepts(dir.path(), &content, &same));

    let untimed = resigned(&identity, &signature, |attributes| {
        attributes.retain(|attribute| attribute_oid(attribute) != der::SIGNING_TIME);
    });
    assert_eq!(
        code(verify_detached(&content, &untimed)),
        "signing_time_missing"
    );
    // OpenSSL does not require a signing time; this verifier does (the act's dates).
    assert!(openssl_accepts(dir.path(), &content, &untimed));

    let undigested = resigned(&identity, &signature, |attributes| {
        attributes.retain(|attribute| attribute_oid(attribute) != der::MESSAGE_DIGEST);
    });
    assert_eq!(
        code(verify_detached(&content, &undigested)),
        "signature_attributes"
    );
    assert!(!openssl_accepts(dir.path(), &content, &undigested));
}

#[test]
fn a_generalized_signing_time_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &[]);
    let when = Utc::now() + Duration::days(2);
    let generalized = resigned(&identity, &signature, |attributes| {
        for attribute in attributes.iter_mut() {
            if attribute_oid(attribute) == der::SIGNING_TIME {
                let time = when.format("%Y%m%d%H%M%SZ").to_string();
                let value = tlv(0x31, &tlv(0x18, time.as_bytes()));
                attribute.1 = [tlv(0x06, &der::SIGNING_TIME), value].concat();
            }
        }
    });
    let signed = verify_detached(&content, &generalized).expect("verifies");
    assert_eq!(signed.signed_at.timestamp(), when.timestamp());
    assert!(openssl_accepts(dir.path(), &content, &generalized));
}

#[test]
fn a_digest_algorithm_that_does_not_match_the_key_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &[]);
    let mismatched = with_signer_info(&signature, |fields| {
        fields[2].1 = [tlv(0x06, &der::STREEBOG_512), tlv(0x05, &[])].concat();
    });
    let error = verify_detached(&content, &mismatched).expect_err("mismatch");
    assert_eq!(
        error,
        SignatureError::Algorithm("1.2.643.7.1.1.2.3".to_string())
    );
    assert!(!openssl_accepts(dir.path(), &content, &mismatched));
}

#[test]
fn a_signature_not_by_gost_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let d = dir.path();
    openssl(
        d,
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "ec.key",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ec.key",
            "-subj",
            "/CN=ECDSA",
            "-days",
            "2",
            "-out",
            "ec.pem",
        ],
    );
    let content = document();
    std::fs::write(d.join("doc.xml"), &content).expect("write");
    openssl(
        d,
        &[
            "cms", "-sign", "-binary", "-md", "sha256", "-in", "doc.xml", "-signer", "ec.pem",
            "-inkey", "ec.key", "-outform", "DER", "-out", "ec.sig",
        ],
    );
    let signature = std::fs::read(d.join("ec.sig")).expect("read");
    // A valid ECDSA signature, which OpenSSL takes; EDO signatures are GOST only.
    assert!(openssl_accepts(d, &content, &signature));
    let error = verify_detached(&content, &signature).expect_err("ECDSA");
    assert_eq!(
        error,
        SignatureError::Algorithm("1.2.840.10045.2.1".to_string())
    );
    assert!(error.ru().contains("ГОСТ Р 34.10-2012"));
}

#[test]
fn encapsulated_and_streamed_content_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B512);
    let content = document();
    for extra in [
        vec!["-nodetach"],
        vec!["-nodetach", "-stream"],
        vec!["-stream"],
    ] {
        let signature = identity.sign(&content, &extra);
        if extra.contains(&"-stream") {
            assert_eq!(signature[1], 0x80, "{extra:?}: BER with indefinite length");
        }
        let signed = verify_detached(&content, &signature).expect("verifies");
        assert_eq!(signed.signer, "Иванов Иван Иванович");
        assert!(openssl_accepts(dir.path(), &content, &signature));
        let other = b"<another act/>";
        assert_eq!(code(verify_detached(other, &signature)), "signature_digest");
        assert!(!openssl_accepts(dir.path(), other, &signature));
    }
}

#[test]
fn garbage_is_malformed() {
    let dir = tempfile::tempdir().expect("dir");
    let identity = signer(dir.path(), Bits::B256);
    let content = document();
    let signature = identity.sign(&content, &[]);
    let pem = identity.sign(&content, &["-outform", "PEM"]);
    let certificate = identity.cert_der();
    let not_signed_data = tlv(
        0x30,
        &[
            tlv(
                0x06,
                &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01],
            ),
            tlv(0xA0, &tlv(0x04, b"x")),
        ]
        .concat(),
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("whitespace", b" \r\n\t".to_vec()),
        ("text", b"this is not a signature".to_vec()),
        ("binary", (0u8..=255).cycle().take(3000).collect()),
        ("the document itself", content.clone()),
        ("a certificate", certificate),
        ("a ContentInfo of data", not_signed_data),
        ("half the DER", signature[..signature.len() / 2].to_vec()),
        (
            "DER less one byte",
            signature[..signature.len() - 1].to_vec(),
        ),
        ("DER and a byte more", [signature.clone(), vec![0]].concat()),
        ("half the PEM", pem[..pem.len() / 2].to_vec()),
        ("PEM with a bad character", {
            let mut bad = pem.clone();
            bad[100] = b'*';
            bad
        }),
    ];
    for (what, bytes) in cases {
        let error = verify_detached(&content, &bytes).expect_err(what);
        assert_eq!(error.code(), "signature_malformed", "{what}: {error:?}");
        assert!(error.en().contains("damaged"), "{what}");
    }
}
