//! Reads the rows of a JSON places file, streaming: each object becomes a
//! small [`RawRow`] of known columns, handed over one at a time, without building a
//! [`Json`](crate::json::Json) tree or a list of all rows (a national file has tens of thousands of
//! rows; a hostile one could have millions of tiny ones).
//!
//! Accepted shapes, as found in real files: an array of objects (the CNFS and Hinaura
//! exports), or an object one of whose members is that array (`{"meta": …, "data": [...]}`:
//! the first array holding an object with a column of the standard). Values may be strings,
//! numbers (coordinates, sometimes postal codes), booleans, null, or arrays of those (joined
//! with `|`). Nested objects are not a value of the standard: the cell is kept as missing.
//!
//! Two passes over the text: [`scan`] finds the rows array and the columns used (which the
//! version detection needs before any row is normalized), [`for_each_row`] hands the rows over.

use super::schema::Column;
use crate::json::{JsonError, Reader};

/// The non-empty cells of one row, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawRow {
    cells: Vec<(Column, String)>,
}

impl RawRow {
    pub fn get(&self, column: Column) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a cell holds `c` (U+FFFD marks bytes that were not UTF-8).
    pub fn has_char(&self, c: char) -> bool {
        self.cells.iter().any(|(_, value)| value.contains(c))
    }

    /// Sets a cell; an empty value is the same as no value. A repeated column keeps the last.
    pub fn set(&mut self, column: Column, value: String) {
        self.cells.retain(|(c, _)| *c != column);
        if !value.is_empty() {
            self.cells.push((column, value));
        }
    }
}

/// A JSON element that should have been a row.
#[derive(Debug)]
pub(crate) enum JsonRow {
    Object {
        raw: RawRow,
        /// Bit `i` set for each key of `Column` index `i`.
        seen: u64,
        /// Keys that are not columns of the standard.
        unknown: Vec<String>,
    },
    NotAnObject,
}

/// What [`scan`] learnt about the rows array.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Scan {
    /// Which array holds the rows; `None` when the file has none.
    array: Option<usize>,
    /// Bit `i` set when some row had the key of `Column` index `i`.
    pub columns_seen: u64,
    /// Keys that are not columns of the standard (at most [`MAX_UNKNOWN_KEYS`]).
    pub unknown_keys: Vec<String>,
    /// The first `services` values, for version detection.
    pub services_samples: Vec<String>,
    /// Objects in the rows array.
    pub objects: usize,
}

const MAX_UNKNOWN_KEYS: usize = 50;
const MAX_SERVICES_SAMPLES: usize = 20;

/// Parse error: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonFileError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Receives the elements of candidate arrays. `array` is 0 for a top-level array, the member
/// index for an array inside a top-level object.
trait Rows {
    fn element(&mut self, array: usize, row: JsonRow);
}

/// First pass: per candidate array, what its rows look like.
#[derive(Default)]
struct Scanner {
    arrays: Vec<(usize, Scan, bool)>,
}

impl Rows for Scanner {
    fn element(&mut self, array: usize, row: JsonRow) {
        let JsonRow::Object { raw, seen, unknown } = row else {
            return;
        };
        if !self.arrays.iter().any(|(a, _, _)| *a == array) {
            self.arrays.push((array, Scan::default(), false));
        }
        let Some((_, scan, has_place)) = self.arrays.iter_mut().find(|(a, _, _)| *a == array)
        else {
            return;
        };
        *has_place |= seen != 0;
        scan.objects += 1;
        scan.columns_seen |= seen;
        for key in unknown {
            if scan.unknown_keys.len() < MAX_UNKNOWN_KEYS && !scan.unknown_keys.contains(&key) {
                scan.unknown_keys.push(key);
            }
        }
        if let Some(services) = raw.get(Column::Services) {
            if scan.services_samples.len() < MAX_SERVICES_SAMPLES {
                scan.services_samples.push(services.to_string());
            }
        }
    }
}

/// Second pass: the rows of the chosen array, numbered from 1.
struct Emitter<'f> {
    array: usize,
    row: usize,
    sink: &'f mut dyn FnMut(usize, JsonRow),
}

impl Rows for Emitter<'_> {
    fn element(&mut self, array: usize, row: JsonRow) {
        if array == self.array {
            self.row += 1;
            (self.sink)(self.row, row);
        }
    }
}

/// Line and column (from 1, in characters) of a reading error.
fn located(text: &str, error: JsonError) -> JsonFileError {
    let before = text.get(..error.offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    JsonFileError {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: error.message.to_string(),
    }
}

fn run(text: &str, rows: &mut dyn Rows) -> Result<(), JsonFileError> {
    let mut reader = Reader::new(text);
    let mut context = Context {
        rows,
        key_cache: Vec::new(),
    };
    read_file(&mut reader, &mut context).map_err(|e| located(text, e))
}

fn read_file(reader: &mut Reader, context: &mut Context) -> Result<(), JsonError> {
    reader.skip_space();
    match reader.peek() {
        Some(b'[') => reader.each_item(|reader| row(reader, context, 0))?,
        Some(b'{') => {
            let mut member = 0;
            reader.each_member(|reader, _| {
                let array = member;
                member += 1;
                if reader.peek() == Some(b'[') {
                    reader.each_item(|reader| row(reader, context, array))
                } else {
                    reader.skip_value(1)
                }
            })?;
        }
        None => return Err(reader.error("empty file")),
        Some(_) => {
            return Err(reader.error("expected an array of places, or an object holding one"))
        }
    }
    reader.skip_space();
    if reader.at_end() {
        Ok(())
    } else {
        Err(reader.error("unexpected text after the places"))
    }
}

/// One element of a candidate rows array, handed to the context's [`Rows`].
fn row(reader: &mut Reader, context: &mut Context, array: usize) -> Result<(), JsonError> {
    if reader.peek() != Some(b'{') {
        reader.skip_value(2)?;
        context.rows.element(array, JsonRow::NotAnObject);
        return Ok(());
    }
    let mut raw = RawRow::default();
    let mut seen = 0u64;
    let mut unknown = Vec::new();
    reader.each_member(|reader, key| {
        match context.column(&key) {
            Some(column) => {
                seen |= 1 << column.index();
                if let Some(value) = cell(reader, 3)? {
                    raw.set(column, value);
                }
            }
            None => {
                reader.skip_value(3)?;
                unknown.push(key);
            }
        }
        Ok(())
    })?;
    context
        .rows
        .element(array, JsonRow::Object { raw, seen, unknown });
    Ok(())
}

/// A cell value as text: numbers as written, lists joined with `|`; `None` for null and
/// nested objects.
fn cell(reader: &mut Reader, depth: usize) -> Result<Option<String>, JsonError> {
    if depth > crate::json::MAX_DEPTH {
        return Err(reader.error("nested too deep"));
    }
    match reader.peek() {
        Some(b'"') => reader.string().map(Some),
        Some(b'-' | b'0'..=b'9') => reader.number_text().map(|n| Some(n.to_string())),
        Some(b'[') => {
            let mut parts: Vec<String> = Vec::new();
            reader.each_item(|reader| {
                parts.extend(cell(reader, depth + 1)?);
                Ok(())
            })?;
            Ok((!parts.is_empty()).then(|| parts.join("|")))
        }
        Some(b'{') => reader.skip_value(depth).map(|()| None),
        _ => reader
            .scalar_literal()
            .map(|word| (word != "null").then(|| word.to_string())),
    }
}

/// First pass: checks the syntax, finds the rows array and the columns it uses.
pub(crate) fn scan(text: &str) -> Result<Scan, JsonFileError> {
    let mut scanner = Scanner::default();
    run(text, &mut scanner)?;
    let top_level_array = text.trim_start().starts_with('[');
    let chosen = scanner
        .arrays
        .into_iter()
        .find(|(_, _, has_place)| *has_place || top_level_array);
    match chosen {
        Some((array, mut scan, _)) => {
            scan.array = Some(array);
            Ok(scan)
        }
        // An array of non-objects, or an empty one, is still the list of rows.
        None if top_level_array => Ok(Scan {
            array: Some(0),
            ..Scan::default()
        }),
        None => Err(JsonFileError {
            line: 1,
            column: 1,
            message: "no array of places in this object".into(),
        }),
    }
}

/// Second pass: calls `sink(row_number, row)` for each element of the rows array found by
/// [`scan`].
pub(crate) fn for_each_row(
    text: &str,
    scan: &Scan,
    sink: &mut dyn FnMut(usize, JsonRow),
) -> Result<(), JsonFileError> {
    let Some(array) = scan.array else {
        return Ok(());
    };
    let mut emitter = Emitter {
        array,
        row: 0,
        sink,
    };
    run(text, &mut emitter)
}

struct Context<'r> {
    rows: &'r mut dyn Rows,
    /// [`Column::from_header`] results: every row repeats the same keys.
    key_cache: Vec<(String, Option<Column>)>,
}

impl Context<'_> {
    fn column(&mut self, key: &str) -> Option<Column> {
        if let Some((_, column)) = self.key_cache.iter().find(|(k, _)| k == key) {
            return *column;
        }
        let column = Column::from_header(key);
        if self.key_cache.len() < 200 {
            self.key_cache.push((key.to_string(), column));
        }
        column
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both passes: the scan, and the rows in order.
    fn rows(text: &str) -> (Scan, Vec<JsonRow>) {
        let scan = match scan(text) {
            Ok(scan) => scan,
            Err(e) => panic!("{e:?}"),
        };
        let mut rows = Vec::new();
        let outcome = for_each_row(text, &scan, &mut |n, row| {
            assert_eq!(n, rows.len() + 1);
            rows.push(row);
        });
        assert_eq!(outcome, Ok(()));
        (scan, rows)
    }

    #[test]
    fn reads_an_array_of_objects() {
        let (scan, rows) = rows(
            r#"[{"id": "a", "latitude": 45.5, "code_postal": 1000, "services": ["x", "y"], "nom": "", "extra": {"k": 1}}, 3]"#,
        );
        assert_eq!(rows.len(), 2);
        let JsonRow::Object { raw, .. } = &rows[0] else {
            panic!("object expected")
        };
        assert_eq!(raw.get(Column::Id), Some("a"));
        assert_eq!(raw.get(Column::Latitude), Some("45.5"));
        assert_eq!(raw.get(Column::CodePostal), Some("1000"));
        assert_eq!(raw.get(Column::Services), Some("x|y"));
        assert_eq!(raw.get(Column::Nom), None, "empty is missing");
        assert!(matches!(rows[1], JsonRow::NotAnObject));
        assert_eq!(scan.unknown_keys, ["extra"]);
        assert_eq!(scan.services_samples, ["x|y"]);
        assert_ne!(scan.columns_seen & (1 << Column::Nom.index()), 0);
    }

    #[test]
    fn reads_rows_wrapped_in_an_object() {
        let (scan, rows) = rows(
            r#"{"meta": {"n": 1}, "errors": [], "names": ["a"], "log": [{"code": 1}], "data": [{"nom": "X"}, 2], "more": [{"nom": "Y"}]}"#,
        );
        assert_eq!(rows.len(), 2);
        assert!(
            matches!(&rows[0], JsonRow::Object { raw, .. } if raw.get(Column::Nom) == Some("X"))
        );
        assert_eq!(
            scan.unknown_keys,
            Vec::<String>::new(),
            "keys of other arrays are not counted"
        );
        assert!(super::scan(r#"{"a": 1}"#).is_err());
        assert!(super::scan(r#"{"a": [{"x": 1}]}"#).is_err());
        assert_eq!(super::scan("[]").map(|s| s.array), Ok(Some(0)));
    }

    #[test]
    fn reports_where_json_breaks() {
        let error = scan("[\n{\"id\": }]").err();
        assert_eq!(error.map(|e| e.line), Some(2));
        assert!(scan("[1] x").is_err());
        let deep = "[".repeat(10_000);
        assert!(scan(&deep).is_err());
    }
}
