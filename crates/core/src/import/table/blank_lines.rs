//! Keeping a CSV file's blank lines countable.
//!
//! `csv` skips empty lines without a trace, yet a spreadsheet shows each as a row, and a
//! problem's row number must be the one the spreadsheet shows. This reader puts a space on
//! every empty line outside quotes, so `csv` hands it over as a record of one blank field:
//! one record is then one row, and the reading skips it as blank.

use std::io::{self, Read};

const CHUNK: usize = 8 * 1024;

/// Where in the CSV syntax the last byte left us, the way `csv` reads it (RFC 4180: a quote
/// opens a field only at its start; a doubled quote inside quotes is a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a line (and so of a field).
    LineStart,
    /// At the start of a field that is not the first.
    FieldStart,
    /// Inside an unquoted field.
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of a doubled quote.
    QuoteInQuoted,
    /// Right after a `\r` outside quotes: a line has ended (a lone `\r` ends one for `csv`
    /// too); a `\n` now only completes a `\r\n`, another `\r` ends an empty line.
    AfterCr,
}

pub(super) struct KeepBlankLines<R> {
    inner: R,
    separator: u8,
    state: State,
    /// Transformed bytes not yet handed out, from `at` on.
    out: Vec<u8>,
    at: usize,
    chunk: Vec<u8>,
}

impl<R: Read> KeepBlankLines<R> {
    pub(super) fn new(inner: R, separator: u8) -> KeepBlankLines<R> {
        KeepBlankLines {
            inner,
            separator,
            state: State::LineStart,
            out: Vec::with_capacity(2 * CHUNK),
            at: 0,
            chunk: vec![0; CHUNK],
        }
    }

    pub(super) fn get_ref(&self) -> &R {
        &self.inner
    }

    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.at = 0;
        let read = self.inner.read(&mut self.chunk)?;
        for &byte in &self.chunk[..read] {
            let empty_line = match self.state {
                State::LineStart => byte == b'\n' || byte == b'\r',
                State::AfterCr => byte == b'\r',
                _ => false,
            };
            if empty_line {
                self.out.push(b' ');
            }
            self.out.push(byte);
            self.state = self.next_state(byte);
        }
        Ok(())
    }

    fn next_state(&self, byte: u8) -> State {
        match (self.state, byte) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) | (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::LineStart | State::FieldStart | State::AfterCr, b'"') => State::Quoted,
            (_, b'\n') => State::LineStart,
            (_, b'\r') => State::AfterCr,
            (_, byte) if byte == self.separator => State::FieldStart,
            _ => State::Unquoted,
        }
    }
}

impl<R: Read> Read for KeepBlankLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.out.len() {
            self.refill()?;
        }
        let ready = &self.out[self.at..];
        let count = ready.len().min(buf.len());
        buf[..count].copy_from_slice(&ready[..count]);
        self.at += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(input: &[u8]) -> String {
        let mut out = String::new();
        KeepBlankLines::new(input, b',')
            .read_to_string(&mut out)
            .expect("read");
        out
    }

    #[test]
    fn empty_lines_outside_quotes_get_a_space() {
        assert_eq!(
            kept(b"\na,b\n\n1,2\r\n\r\n3\n"),
            " \na,b\n \n1,2\r\n \r\n3\n"
        );
        assert_eq!(kept(b"a\n"), "a\n");
        // Lone `\r` line ends (old Mac), and a `\n\r` pair: two line ends.
        assert_eq!(kept(b"a\r\rb\r\r\r"), "a\r \rb\r \r \r");
        assert_eq!(kept(b"\r\na\n\rb"), " \r\na\n \rb");
        assert_eq!(kept(b""), "");
    }

    #[test]
    fn empty_lines_inside_quotes_are_data() {
        assert_eq!(
            kept(b"\"a\n\nb\",\"x\"\"\n\ny\"\n\n"),
            "\"a\n\nb\",\"x\"\"\n\ny\"\n \n"
        );
        // A quote inside an unquoted field is just a character.
        assert_eq!(kept(b"a\"b\n\n"), "a\"b\n \n");
    }
}
