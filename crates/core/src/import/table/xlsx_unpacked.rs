//! A guard against an `.xlsx` that unpacks into far more than it weighs (a zip bomb):
//! calamine reads the shared strings, styles and the workbook's other parts whole, so
//! each is unpacked once here, counting, and the file is refused when one is larger than
//! a billing spreadsheet ever needs. The sheets themselves are streamed row by row and
//! are not counted. The sizes the zip declares are not trusted: they can lie.

use std::io::{self, Read, Seek, SeekFrom};

use crate::error::{Error, Result};

/// The most a part read whole may unpack to.
const PART_LIMIT: u64 = 256 * 1024 * 1024;

/// Refuses the workbook when a part read whole unpacks beyond [`PART_LIMIT`]; leaves the
/// stream at its start. A file that is not a zip is left for calamine to say so.
pub(super) fn check_unpacked_parts<R: Read + Seek>(file: &mut R) -> Result<()> {
    let checked = check_parts(file, PART_LIMIT);
    file.seek(SeekFrom::Start(0))?;
    checked
}

fn check_parts<R: Read + Seek>(file: &mut R, limit: u64) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(&mut *file) else {
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            continue;
        };
        let name = part.name().to_owned();
        if name.starts_with("xl/worksheets/") {
            continue;
        }
        let unpacked = match io::copy(&mut (&mut part).take(limit + 1), &mut io::sink()) {
            Ok(n) => n,
            // A damaged part: calamine says what is wrong with it, if it reads it at all.
            Err(_) => continue,
        };
        if unpacked > limit {
            let mib = limit / (1024 * 1024);
            return Err(Error::refused(
                "xlsx_too_large",
                format!(
                    "файл XLSX не похож на таблицу: его часть {name} распаковывается больше чем в {mib} МБ"
                ),
                format!("the XLSX file is not a plain spreadsheet: its part {name} unpacks to more than {mib} MB"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    fn zip_of(parts: &[(&str, usize)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, size) in parts {
            out.start_file(*name, deflated).expect("a part");
            out.write_all(&vec![b'a'; *size]).expect("written");
        }
        out.finish().expect("a zip").into_inner()
    }

    #[test]
    fn a_part_read_whole_that_unpacks_beyond_the_limit_is_refused_by_name() {
        let bytes = zip_of(&[("xl/workbook.xml", 10), ("xl/sharedStrings.xml", 4096)]);
        let mut file = Cursor::new(bytes);
        let refused = check_parts(&mut file, 1024).expect_err("refused");
        assert_eq!(refused.code(), "xlsx_too_large");
        assert!(
            refused.to_string().contains("xl/sharedStrings.xml"),
            "{refused}"
        );
    }

    #[test]
    fn sheets_are_streamed_and_not_counted_and_small_parts_pass() {
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", 4096), ("xl/styles.xml", 512)]);
        let mut file = Cursor::new(bytes);
        check_parts(&mut file, 1024).expect("passes");
        check_unpacked_parts(&mut file).expect("passes");
        assert_eq!(file.position(), 0, "left at its start");
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_left_to_the_reader() {
        let mut file = Cursor::new(b"payment_id,program\n".to_vec());
        check_unpacked_parts(&mut file).expect("not ours to refuse");
    }
}
