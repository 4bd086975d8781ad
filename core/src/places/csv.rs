//! A small CSV reader and writer (RFC 4180), kept small because it is compiled to wasm.
//!
//! Reading is lenient where it cannot mislead: `,`, `;` or tab separators, CRLF, LF or CR
//! line ends, blank lines skipped, a stray quote inside an unquoted field kept as text. An
//! unterminated quoted field is reported on its record (it would swallow the rest of the file).

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

/// Appends one record and a `\n`.
pub fn write_record<'a>(
    out: &mut String,
    fields: impl IntoIterator<Item = &'a str>,
    separator: char,
) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        write_field(out, field, separator);
    }
    out.push('\n');
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
}
