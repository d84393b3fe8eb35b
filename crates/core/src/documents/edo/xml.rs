//! A tiny XML writer for the УПД: elements with attributes, escaped values, indentation,
//! and the Windows-1251 bytes the ФНС formats are exchanged in.

/// The declaration every ФНС exchange file starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="windows-1251"?>"#;

/// Writes elements one under another; [`Tag`] gathers an element's attributes.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

impl XmlWriter {
    pub fn new() -> XmlWriter {
        let mut out = String::with_capacity(4096);
        out.push_str(DECLARATION);
        out.push('\n');
        XmlWriter {
            out,
            open: Vec::new(),
        }
    }

    /// An element `name`: add attributes, then `open`, `empty` or `text`.
    pub fn tag(&mut self, name: &'static str) -> Tag<'_> {
        Tag {
            writer: self,
            name,
            attrs: String::new(),
        }
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push('\t');
        }
    }
}

/// An element being written: its attributes so far.
pub struct Tag<'w> {
    writer: &'w mut XmlWriter,
    name: &'static str,
    attrs: String,
}

impl Tag<'_> {
    pub fn attr(mut self, name: &str, value: &str) -> Self {
        self.attrs.push(' ');
        self.attrs.push_str(name);
        self.attrs.push_str("=\"");
        escape_into(&mut self.attrs, value);
        self.attrs.push('"');
        self
    }

    /// The attribute when there is a value; nothing otherwise.
    pub fn attr_opt(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// `<name …>`: what follows goes inside until [`XmlWriter::close`].
    pub fn open(mut self) {
        self.start(">\n");
        self.writer.open.push(self.name);
    }

    /// `<name …/>`.
    pub fn empty(mut self) {
        self.start("/>\n");
    }

    /// `<name …>text</name>`.
    pub fn text(mut self, text: &str) {
        self.start(">");
        let out = &mut self.writer.out;
        escape_into(out, text);
        out.push_str("</");
        out.push_str(self.name);
        out.push_str(">\n");
    }

    fn start(&mut self, end: &str) {
        self.writer.indent();
        let out = &mut self.writer.out;
        out.push('<');
        out.push_str(self.name);
        out.push_str(&self.attrs);
        out.push_str(end);
    }
}

/// `value` escaped for an attribute or text: the five markup characters, line breaks and
/// tabs as character references (an attribute would otherwise fold them to spaces), and
/// the control characters XML 1.0 does not allow replaced by a space.
pub fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// The text in Windows-1251. A character the code page lacks (`₽`, `×`) becomes a
/// numeric character reference (`&#8381;`), which an XML reader turns back into it; the
/// markup itself is all in the code page.
pub fn windows_1251(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    bytes.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_elements_nest() {
        let mut w = XmlWriter::new();
        w.tag("Файл")
            .attr("Наим", "ООО \"Рога & Копыта\" <1>")
            .open();
        w.tag("Строка").attr_opt("Нет", None).text("a'b\nc\u{1}");
        w.tag("Пусто").empty();
        let text = w.finish();
        assert_eq!(
            text,
            concat!(
                r#"<?xml version="1.0" encoding="windows-1251"?>"#,
                "\n<Файл Наим=\"ООО &quot;Рога &amp; Копыта&quot; &lt;1&gt;\">\n",
                "\t<Строка>a&apos;b&#10;c </Строка>\n",
                "\t<Пусто/>\n",
                "</Файл>\n",
            )
        );
    }

    #[test]
    fn the_code_page_lacks_no_markup() {
        let bytes = windows_1251("<Файл Значен=\"1 ₽ × 2\"/>");
        assert_eq!(bytes.first(), Some(&b'<'));
        // «Ф» is 0xD4 in Windows-1251; ₽ and × become character references.
        assert_eq!(bytes.get(1), Some(&0xD4));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        assert!(text.contains("1 &#8381; &#215; 2"), "{text}");
    }
}
