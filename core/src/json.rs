//! A small JSON reader and writer for the widget's own data: the question bank, the
//! translation catalogs and what it stores in the browser.
//!
//! Why not serde_json: in the widget bundle, serde_json and the derive code it drives cost
//! about 37 KB brotli of a 160 KB budget (measured 2026-11-22: 154 KB with it, 118 KB without).
//! This reader is a few kilobytes. Partner places files stream through the same [`Reader`]
//! (see `places::json_rows`), which keeps their numbers as written.
//!
//! Why not serde with serde-wasm-bindgen either, which the design names (the browser's own
//! `JSON.parse`, no serde_json in the wasm): measured on 2026-12-01 (`cargo run -p budget`),
//! deriving `Serialize` and `Deserialize` on the stored values (session, history, preferences,
//! device settings, activity counts, staff PIN) and reading them and the translation catalogs
//! that way took the first question from 151.5 KB to 168.8 KB brotli (+17.3 KB) and the whole
//! flow from 342.2 KB to 369.6 KB (+27.5 KB). The catalogs alone cost 8.5 KB: serde's error
//! messages bring in the float formatter (about 4 KB), and each derived type adds its own
//! code. The project adopts a package only at 5 KB or less, so this reader stays. It would stay
//! in the main module anyway, for the compiled-in question bank and the contract with the
//! lazily loaded modules; its own functions weigh about 2 KB brotli there, and the stored-value
//! code serde would have replaced about 2 KB more (estimated from the wasm name section). The
//! reader keeps its fuzz target (`fuzz/`).
//!
//! It never panics: every input, however hostile, gives a value or an error. Nesting is
//! limited so a deeply nested input cannot exhaust the stack. [`Json`] numbers are whole
//! numbers only: our data has no fractions, and float parsing and printing would add about
//! 10 KB.

use std::fmt::Write as _;

/// Deepest nesting accepted; our documents need 6.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number. Fractions and exponents are rejected when reading.
    Number(i64),
    String(String),
    Array(Vec<Json>),
    /// Members in document order. Lookups take the first member of a name.
    Object(Vec<(String, Json)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset where reading stopped.
    pub offset: usize,
    pub message: &'static str,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl Json {
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        let mut reader = Reader::new(text);
        reader.skip_space();
        let value = reader.value(0)?;
        reader.skip_space();
        if !reader.at_end() {
            return Err(reader.error("unexpected text after the value"));
        }
        Ok(value)
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        self.as_i64().and_then(|n| u64::try_from(n).ok())
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Compact JSON text.
    pub fn write(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out);
        out
    }

    fn write_into(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_into(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write_into(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Builds an object from members, skipping `None` values.
pub fn object<const N: usize>(members: [(&str, Option<Json>); N]) -> Json {
    Json::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

pub fn string(s: &str) -> Json {
    Json::String(s.to_string())
}

pub fn strings(items: &[String]) -> Json {
    Json::Array(items.iter().map(|s| string(s)).collect())
}

/// Reads an array of strings; `None` if it is not one.
pub fn read_strings(json: Option<&Json>) -> Option<Vec<String>> {
    json?
        .as_array()?
        .iter()
        .map(|item| item.as_str().map(str::to_string))
        .collect()
}

/// A cursor over JSON text. [`Json::parse`] builds a tree with it; the places reader streams
/// rows with it without building one.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        Reader {
            bytes: text.as_bytes(),
            text,
            pos: 0,
        }
    }

    pub(crate) fn error(&self, message: &'static str) -> JsonError {
        JsonError {
            offset: self.pos,
            message,
        }
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    pub(crate) fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'{') => {
                let mut members = Vec::new();
                self.each_member(|reader, key| {
                    members.push((key, reader.value(depth + 1)?));
                    Ok(())
                })?;
                Ok(Json::Object(members))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.each_item(|reader| {
                    items.push(reader.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                let number = self.number_text()?;
                if number.contains(['.', 'e', 'E']) {
                    self.pos = start;
                    return Err(self.error("only whole numbers are supported"));
                }
                number
                    .parse::<i64>()
                    .map(Json::Number)
                    .map_err(|_| self.error("number out of range"))
            }
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// Passes over one value of any kind, checking its syntax.
    pub(crate) fn skip_value(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        match self.peek() {
            Some(b'{') => self.each_member(|reader, _| reader.skip_value(depth + 1)),
            Some(b'[') => self.each_item(|reader| reader.skip_value(depth + 1)),
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number_text().map(drop),
            _ => self.scalar_literal().map(drop),
        }
    }

    /// `true`, `false` or `null`, as written.
    pub(crate) fn scalar_literal(&mut self) -> Result<&'static str, JsonError> {
        for word in ["true", "false", "null"] {
            if self.bytes[self.pos..].starts_with(word.as_bytes()) {
                self.pos += word.len();
                return Ok(word);
            }
        }
        Err(self.error(if self.at_end() {
            "unexpected end"
        } else {
            "unexpected character"
        }))
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, JsonError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unknown literal"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number as written, fraction and exponent included, checked against JSON's grammar.
    pub(crate) fn number_text(&mut self) -> Result<&'a str, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.error("a number needs digits")),
            n if n > 1 && leading_zero => return Err(self.error("a number cannot start with 0")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("digits expected after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("digits expected in the exponent"));
            }
        }
        Ok(&self.text[start..self.pos])
    }

    /// Calls `item` on each element of the array that starts here, the reader on the element.
    pub(crate) fn each_item(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.pos += 1;
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_space();
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected , or ]")),
            }
        }
    }

    /// Calls `member` with each name of the object that starts here, the reader on its value.
    pub(crate) fn each_member(
        &mut self,
        mut member: impl FnMut(&mut Self, String) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.pos += 1;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected :"));
            }
            self.pos += 1;
            self.skip_space();
            member(self, key)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected , or }")),
            }
        }
    }

    pub(crate) fn string(&mut self) -> Result<String, JsonError> {
        // Opening quote.
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Safe slicing: we stopped on an ASCII byte or at the end, both char boundaries.
            out.push_str(&self.text[run_start..self.pos]);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.pos += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("short unicode escape"))?;
        let mut value = 0u32;
        for &d in digits {
            let nibble = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid unicode escape"))?;
            value = value * 16 + nibble;
        }
        self.pos += 4;
        Ok(value)
    }

    /// After `\u`: one code unit, or a surrogate pair. Lone surrogates become U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let json = Json::parse(
            r#" {"a": [1, -25, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#,
        )
        .unwrap();
        assert_eq!(
            json.get("a").and_then(Json::as_array).map(<[Json]>::len),
            Some(5)
        );
        assert_eq!(
            json.get("a").unwrap().as_array().unwrap()[1],
            Json::Number(-25)
        );
        assert_eq!(json.get("b").and_then(Json::as_str), Some("x\"\\/\né😀"));
        assert_eq!(json.get("c"), Some(&Json::Object(vec![])));
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"k":["é",1,-7,true,null,{"n":"a\"b\n\u0001"}]}"#;
        let json = Json::parse(text).unwrap();
        assert_eq!(Json::parse(&json.write()).unwrap(), json);
        assert_eq!(json.write(), text);
    }

    #[test]
    fn rejects_malformed_input_without_panicking() {
        for bad in [
            "",
            "{",
            "[1,",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "01x",
            "-",
            "1.",
            "1e",
            "tru",
            "nul",
            "[]]",
            "{\"a\":1,}",
            "\"a\u{1}\"",
            "\u{feff}{}",
            "2.5",
            "1e3",
            "99999999999999999999",
        ] {
            assert!(Json::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        let deep = "[".repeat(MAX_DEPTH + 5) + &"]".repeat(MAX_DEPTH + 5);
        assert!(Json::parse(&deep).is_err());
        let fine = "[".repeat(10) + &"]".repeat(10);
        assert!(Json::parse(&fine).is_ok());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            Json::parse(r#""\ud800x""#).unwrap(),
            Json::String("\u{FFFD}x".into())
        );
    }

    #[test]
    fn unsigned_only_when_not_negative() {
        assert_eq!(Json::Number(3).as_u64(), Some(3));
        assert_eq!(Json::Number(-1).as_u64(), None);
    }
}
