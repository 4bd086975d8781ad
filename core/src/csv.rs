//! CSV (RFC 4180): the one reader and the one writer of the project, kept small because they
//! are compiled to wasm.
//!
//! [`Reader`] reads places files ([`crate::places::parse`]), the ANCT list of France services
//! and the postal-code table. Reading is lenient where it cannot mislead: `,`, `;` or tab
//! separators ([`detect_separator`]), CRLF, LF or CR line ends, blank lines skipped, a stray
//! quote inside an unquoted field kept as text. An unterminated quoted field is reported on its
//! record (it would swallow the rest of the file).
//!
//! [`write_record`] writes the v1 places files of `lieux` and the national index
//! ([`crate::places::write`]), the postal-code table, and the staff's activity counts export
//! ([`crate::stats`]). A field is quoted only when it has to be: when it holds the separator, a
//! quote (doubled inside), a line break, or starts or ends with a space (which some readers
//! trim). Each record ends with the caller's [`LineEnd`]: `\n` for data files, `\r\n` for the
//! export opened in a spreadsheet.
//!
//! [`spreadsheet_safe`] is a separate step, for files staff open in a spreadsheet: a cell that
//! would be read as a formula is prefixed with `'`. Only the activity counts export takes it:
//! places files are data for other programs, and keep their values as they are.

use std::borrow::Cow;

/// One record and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub fields: Vec<String>,
    /// 1-based line of the file where the record starts.
    pub line: usize,
    /// A quoted field ran to the end of the input without its closing quote.
    pub unterminated: bool,
}

/// Iterates over the records of a CSV text (BOM already removed).
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    separator: u8,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, separator: u8) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            line: 1,
            separator,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Consumes a line end at `pos` if there is one.
    fn line_end(&mut self) -> bool {
        match self.peek() {
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    fn quoted_field(&mut self, field: &mut String) -> bool {
        // Opening quote.
        self.pos += 1;
        loop {
            let rest = &self.text[self.pos..];
            let Some(quote) = rest.find('"') else {
                field.push_str(rest);
                self.line += count_lines(rest);
                self.pos = self.text.len();
                return false;
            };
            let chunk = &rest[..quote];
            field.push_str(chunk);
            self.line += count_lines(chunk);
            self.pos += quote + 1;
            if self.peek() == Some(b'"') {
                field.push('"');
                self.pos += 1;
            } else {
                return true;
            }
        }
    }

    fn unquoted_until_separator(&mut self, field: &mut String) {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        while let Some(&b) = bytes.get(self.pos) {
            if b == self.separator || b == b'\n' || b == b'\r' {
                break;
            }
            self.pos += 1;
        }
        // Stopped on an ASCII byte or at the end: both are char boundaries.
        field.push_str(&self.text[start..self.pos]);
    }
}

fn count_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

impl Iterator for Reader<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while self.line_end() {}
        self.peek()?;
        let line = self.line;
        let mut fields = Vec::new();
        let mut unterminated = false;
        loop {
            let mut field = String::new();
            if self.peek() == Some(b'"') {
                unterminated = !self.quoted_field(&mut field);
            }
            // Unquoted text, or text after a closing quote, kept as it is.
            self.unquoted_until_separator(&mut field);
            fields.push(field);
            if self.peek() == Some(self.separator) {
                self.pos += 1;
                continue;
            }
            self.line_end();
            return Some(Record {
                fields,
                line,
                unterminated,
            });
        }
    }
}

/// Picks the separator of the header line: whichever of `,`, `;` and tab appears most
/// outside quotes. Ties and no separator give `,`.
pub fn detect_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// How each written record ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// `\n`: data files (places, postal-code table).
    Lf,
    /// `\r\n`, as RFC 4180 says: files opened in a spreadsheet.
    CrLf,
}

impl LineEnd {
    fn as_str(self) -> &'static str {
        match self {
            LineEnd::Lf => "\n",
            LineEnd::CrLf => "\r\n",
        }
    }
}

/// Appends one field, quoted only when it has to be.
pub fn write_field(out: &mut String, field: &str, separator: char) {
    let needs_quotes = field.contains([separator, '"', '\n', '\r'])
        || field.starts_with(' ')
        || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one record and its line end.
pub fn write_record<S: AsRef<str>>(
    out: &mut String,
    fields: impl IntoIterator<Item = S>,
    separator: char,
    line_end: LineEnd,
) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        write_field(out, field.as_ref(), separator);
    }
    out.push_str(line_end.as_str());
}

/// A cell a spreadsheet will not run (OWASP "CSV injection"): a value starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is prefixed with `'`; others are unchanged. Applied
/// before [`write_record`], to the staff's export only.
pub fn spreadsheet_safe(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, sep: u8) -> Vec<Record> {
        Reader::new(text, sep).collect()
    }

    #[test]
    fn reads_quotes_escapes_and_line_ends() {
        let records = read(
            "a,\"b,1\",\"c \"\"q\"\"\"\r\n\r\n1,\"multi\nline\",3\n4,5,6",
            b',',
        );
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].fields, ["a", "b,1", "c \"q\""]);
        assert_eq!(records[1].fields, ["1", "multi\nline", "3"]);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[2].line, 5);
        assert!(!records[2].unterminated);
    }

    #[test]
    fn empty_fields_and_trailing_separator() {
        let records = read("a;;b;\n", b';');
        assert_eq!(records[0].fields, ["a", "", "b", ""]);
    }

    #[test]
    fn unterminated_quote_is_flagged() {
        let records = read("a,\"b\nc,d", b',');
        assert_eq!(records.len(), 1);
        assert!(records[0].unterminated);
        assert_eq!(records[0].fields, ["a", "b\nc,d"]);
    }

    #[test]
    fn stray_quotes_are_kept_as_text() {
        let records = read("ab\"c,\"x\"y,z", b',');
        assert_eq!(records[0].fields, ["ab\"c", "xy", "z"]);
    }

    #[test]
    fn separator_is_detected_outside_quotes() {
        assert_eq!(detect_separator("a;b;c\n1,2"), b';');
        assert_eq!(detect_separator("\"a;b\",c,d"), b',');
        assert_eq!(detect_separator("a\tb\tc"), b'\t');
        assert_eq!(detect_separator("single"), b',');
    }

    #[test]
    fn writes_what_it_reads() {
        let mut out = String::new();
        write_record(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", " pad"],
            ',',
            LineEnd::Lf,
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\"\n"
        );
        let back = read(&out, b',');
        assert_eq!(
            back[0].fields,
            ["plain", "a,b", "say \"hi\"", "two\nlines", " pad"]
        );
    }

    #[test]
    fn records_end_with_the_line_end_asked_and_quote_only_when_needed() {
        let mut out = String::new();
        write_record(&mut out, ["a;b", "c,d", "pad ", ""], ';', LineEnd::Lf);
        write_record(&mut out, ["x", "2026-11"], ',', LineEnd::CrLf);
        assert_eq!(out, "\"a;b\";c,d;\"pad \";\nx,2026-11\r\n");
        let mut empty = String::new();
        write_record(&mut empty, Vec::<String>::new(), ',', LineEnd::CrLf);
        assert_eq!(empty, "\r\n");
    }

    #[test]
    fn spreadsheet_cells_are_never_formulas() {
        let cell = |value: &str| {
            let mut out = String::new();
            write_field(&mut out, &spreadsheet_safe(value), ',');
            out
        };
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+33 1 23"), "'+33 1 23");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("2026-11-21"), "2026-11-21");
        assert_eq!(cell("< 5"), "< 5");
        assert!(matches!(spreadsheet_safe("12"), Cow::Borrowed("12")));
    }
}
