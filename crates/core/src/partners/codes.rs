//! Partner codes: issued once, unique in their program, never reused.

use crate::store::partner_codes::holder;
use crate::store::sql::Db;
use rand::Rng;

use crate::programs::CodeFormat;
use crate::{Error, Problem, Result, Text};

const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const HEX: &[u8] = b"0123456789abcdef";

fn draw(format: CodeFormat, rng: &mut impl Rng) -> String {
    let (alphabet, len): (&[u8], u8) = match format {
        CodeFormat::Digits(n) => (b"0123456789", n),
        CodeFormat::Alnum(n) => (ALNUM, n),
        CodeFormat::Hex(n) => (HEX, n),
    };
    let mut code: String = (0..len)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect();
    // A digits-only code never starts with 0, so a spreadsheet cannot eat it.
    if matches!(format, CodeFormat::Digits(_)) && code.starts_with('0') {
        code.replace_range(0..1, &rng.random_range(1..10).to_string());
    }
    code
}

/// The problem with giving `code` to `partner`, if it was ever issued to someone else.
pub(crate) fn taken(db: &Db, program: &str, code: &str, partner: &str) -> Result<Option<Problem>> {
    Ok(match holder(db, program, code)? {
        Some((holder, false)) if holder == partner => None,
        Some((holder, false)) => Some(Problem::new(
            "code_taken",
            Text::new(
                format!("код «{code}» уже выдан партнёру {holder}"),
                format!("code “{code}” is already held by partner {holder}"),
            ),
        )),
        Some((holder, true)) => Some(Problem::new(
            "code_retired",
            Text::new(
                format!("код «{code}» уже использовался (партнёр {holder}) и повторно не выдаётся"),
                format!("code “{code}” was used before (partner {holder}) and is never reissued"),
            ),
        )),
        None => None,
    }
    .map(|p| p.field("code")))
}

/// A fresh code for `program`, never issued before.
pub fn generate_code(db: &Db, program: &str, format: CodeFormat) -> Result<String> {
    let mut rng = rand::rng();
    for _ in 0..1000 {
        let code = draw(format, &mut rng);
        if holder(db, program, &code)?.is_none() {
            return Ok(code);
        }
    }
    Err(Error::refused(
        "codes_exhausted",
        format!("в программе {program} почти не осталось свободных кодов"),
        format!("program {program} has almost no free codes left"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_have_the_program_format() {
        let mut rng = rand::rng();
        for _ in 0..500 {
            let c = draw(CodeFormat::Digits(5), &mut rng);
            assert_eq!(c.len(), 5);
            assert!(
                c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0'),
                "{c}"
            );
            let h = draw(CodeFormat::Hex(9), &mut rng);
            assert!(h.len() == 9 && h.bytes().all(|b| HEX.contains(&b)), "{h}");
        }
    }
}
