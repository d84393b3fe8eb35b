//! A signed act's package as one `.zip` (the titles and their signature files as they came
//! from EDO), saved beside its PDF as the archive copy.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use crate::{Error, Result};

fn zip_error(e: impl std::fmt::Display) -> Error {
    Error::refused(
        "zip_write",
        format!("Не записать архив пакета: {e}"),
        format!("Cannot write the package archive: {e}"),
    )
}

/// The files (name, bytes), in this order, as a `.zip`.
pub fn zip_files(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).map_err(zip_error)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
