//! Why a signature is refused: a stable code for machines, a message in Russian and in
//! English for the person who brought the file.

use chrono::{DateTime, FixedOffset, Offset, Utc};

/// A refused signature. [`SignatureError::code`] is stable; the messages may be reworded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// Not a CMS SignedData in DER or Base64, or damaged (the detail says where).
    #[error("the signature is malformed: {0}")]
    Malformed(&'static str),
    /// Not GOST R 34.10-2012 with Streebog, an unknown curve, or a digest that does not
    /// match the key size (the detail names what was found).
    #[error("unsupported signature algorithm: {0}")]
    Algorithm(String),
    /// Not exactly one signer.
    #[error("the signature has {0} signers, one is expected")]
    Signers(usize),
    /// No signed attributes, or no messageDigest among them.
    #[error("the signature has no signed attributes with the message digest")]
    AttributesMissing,
    /// No signingTime signed attribute.
    #[error("the signature has no signing time")]
    SigningTimeMissing,
    /// The signed digest is not the digest of the given content (or the encapsulated
    /// content differs from it).
    #[error("the signature was made over other bytes than the given content")]
    Digest,
    /// The signature value does not verify with the certificate's key.
    #[error("the signature value does not verify with the signer's key")]
    Invalid,
    /// The signer's certificate is not in the signature.
    #[error("the signer's certificate is not in the signature")]
    CertificateMissing,
    /// The signer's certificate does not parse, or its key is not a point of its curve.
    #[error("the signer's certificate is malformed: {0}")]
    CertificateMalformed(&'static str),
    /// The certificate was not valid at the signing time (expired or not yet valid).
    #[error("the certificate (valid {valid_from} to {valid_to}) was not valid at the signing time {signed_at}")]
    CertificateExpired {
        signed_at: DateTime<Utc>,
        valid_from: DateTime<Utc>,
        valid_to: DateTime<Utc>,
    },
}

impl SignatureError {
    /// Every code [`SignatureError::code`] returns.
    pub const CODES: [&'static str; 10] = [
        "signature_malformed",
        "signature_algorithm",
        "signature_signers",
        "signature_attributes",
        "signing_time_missing",
        "signature_digest",
        "signature_invalid",
        "certificate_missing",
        "certificate_malformed",
        "certificate_expired",
    ];

    /// The stable, machine-checkable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "signature_malformed",
            Self::Algorithm(_) => "signature_algorithm",
            Self::Signers(_) => "signature_signers",
            Self::AttributesMissing => "signature_attributes",
            Self::SigningTimeMissing => "signing_time_missing",
            Self::Digest => "signature_digest",
            Self::Invalid => "signature_invalid",
            Self::CertificateMissing => "certificate_missing",
            Self::CertificateMalformed(_) => "certificate_malformed",
            Self::CertificateExpired { .. } => "certificate_expired",
        }
    }

    /// The message in Russian.
    pub fn ru(&self) -> String {
        match self {
            Self::Malformed(_) => "Файл подписи повреждён или это не подпись: ожидается \
                открепленная подпись CMS (DER или Base64)"
                .to_string(),
            Self::Algorithm(found) => format!(
                "Подпись сделана не по ГОСТ Р 34.10-2012 с хэшем ГОСТ Р 34.11-2012 \
                 или с неизвестными параметрами ({found}): такую подпись проверить нельзя"
            ),
            Self::Signers(0) => "В файле подписи нет ни одной подписи".to_string(),
            Self::Signers(count) => {
                format!("В файле {count} подписи(-ей), а ожидается одна подпись одного лица")
            }
            Self::AttributesMissing => "В подписи нет подписанного хэша документа \
                (подписанных атрибутов): такой формат подписи не принимается"
                .to_string(),
            Self::SigningTimeMissing => "В подписи не указано время подписания".to_string(),
            Self::Digest => "Подпись сделана не под этим файлом: файл изменён после \
                подписания или подпись относится к другому документу"
                .to_string(),
            Self::Invalid => "Подпись недействительна: она не сходится с ключом сертификата \
                подписанта (подпись повреждена или подделана)"
                .to_string(),
            Self::CertificateMissing => "В подписи нет сертификата подписанта".to_string(),
            Self::CertificateMalformed(_) => "Сертификат подписанта повреждён".to_string(),
            Self::CertificateExpired {
                signed_at,
                valid_from,
                valid_to,
            } => format!(
                "Сертификат подписанта не действовал в момент подписания ({}): \
                 он действителен с {} по {}",
                moscow_ru(signed_at),
                moscow_ru(valid_from),
                moscow_ru(valid_to)
            ),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            Self::Malformed(_) => "The signature file is damaged or is not a signature: \
                a detached CMS signature (DER or Base64) is expected"
                .to_string(),
            Self::Algorithm(found) => format!(
                "The signature is not GOST R 34.10-2012 with a GOST R 34.11-2012 digest, \
                 or uses unknown parameters ({found}): it cannot be checked"
            ),
            Self::Signers(0) => "The signature file holds no signature".to_string(),
            Self::Signers(count) => {
                format!(
                    "The file holds {count} signatures; one signature by one person is expected"
                )
            }
            Self::AttributesMissing => "The signature carries no signed digest of the document \
                (signed attributes): this signature format is not accepted"
                .to_string(),
            Self::SigningTimeMissing => "The signature does not state when it was made".to_string(),
            Self::Digest => "The signature was not made over this file: the file was changed \
                after signing or the signature belongs to another document"
                .to_string(),
            Self::Invalid => "The signature is invalid: it does not match the key of the \
                signer's certificate (damaged or forged)"
                .to_string(),
            Self::CertificateMissing => {
                "The signature does not include the signer's certificate".to_string()
            }
            Self::CertificateMalformed(_) => "The signer's certificate is damaged".to_string(),
            Self::CertificateExpired {
                signed_at,
                valid_from,
                valid_to,
            } => format!(
                "The signer's certificate was not valid when the document was signed ({}): \
                 it is valid from {} to {}",
                moscow_en(signed_at),
                moscow_en(valid_from),
                moscow_en(valid_to)
            ),
        }
    }
}

/// Moscow time (UTC+3 all year since 2014), the time EDO stamps show.
fn moscow(time: &DateTime<Utc>) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(3 * 3600).unwrap_or_else(|| Utc.fix());
    time.with_timezone(&offset)
}

fn moscow_ru(time: &DateTime<Utc>) -> String {
    moscow(time).format("%d.%m.%Y %H:%M МСК").to_string()
}

fn moscow_en(time: &DateTime<Utc>) -> String {
    moscow(time)
        .format("%Y-%m-%d %H:%M Moscow time")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn one_of_each() -> Vec<SignatureError> {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 5, 7, 15, 0)
            .single()
            .expect("ok");
        vec![
            SignatureError::Malformed("truncated"),
            SignatureError::Algorithm("1.2.643.2.2.19".to_string()),
            SignatureError::Signers(2),
            SignatureError::AttributesMissing,
            SignatureError::SigningTimeMissing,
            SignatureError::Digest,
            SignatureError::Invalid,
            SignatureError::CertificateMissing,
            SignatureError::CertificateMalformed("bad key"),
            SignatureError::CertificateExpired {
                signed_at: at,
                valid_from: at,
                valid_to: at,
            },
        ]
    }

    #[test]
    fn every_code_is_listed_once_and_has_both_messages() {
        let errors = one_of_each();
        let codes: Vec<&str> = errors.iter().map(SignatureError::code).collect();
        assert_eq!(codes, SignatureError::CODES);
        for error in &errors {
            assert!(!error.ru().is_empty() && !error.en().is_empty());
            assert!(
                error.ru().chars().any(|c| ('а'..='я').contains(&c)),
                "{}",
                error.ru()
            );
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn expiry_states_the_dates_in_moscow_time() {
        let error = one_of_each().pop().expect("ok");
        assert!(
            error.ru().contains("05.12.2026 10:15 МСК"),
            "{}",
            error.ru()
        );
        assert!(
            error.en().contains("2026-12-05 10:15 Moscow time"),
            "{}",
            error.en()
        );
    }
}
