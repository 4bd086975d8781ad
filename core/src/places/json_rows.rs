//! Reads the rows of a JSON places file with serde_json, streaming: each object becomes a
//! small [`RawRow`] of known columns, handed over one at a time, without building a
//! `serde_json::Value` tree or a list of all rows (a national file has tens of thousands of
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

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::schema::Column;

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

/// Parse error: where and why, from serde_json.
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

fn error(e: serde_json::Error) -> JsonFileError {
    JsonFileError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

fn run(text: &str, rows: &mut dyn Rows) -> Result<(), JsonFileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut context = Context {
        rows,
        key_cache: Vec::new(),
    };
    TopLevel {
        context: &mut context,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end())
    .map_err(error)
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

struct TopLevel<'c, 'r> {
    context: &'c mut Context<'r>,
}

impl<'de> DeserializeSeed<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of places, or an object holding one")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(RowSeed {
                context: self.context,
                array: 0,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut member = 0;
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Member {
                context: self.context,
                array: member,
            })?;
            member += 1;
        }
        Ok(())
    }
}

/// A member of a top-level object: a candidate rows array if it is an array, else ignored.
struct Member<'c, 'r> {
    context: &'c mut Context<'r>,
    array: usize,
}

impl<'de> DeserializeSeed<'de> for Member<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

macro_rules! scalar_visits {
    ($self:ident => $body:expr) => {
        fn visit_bool<E: de::Error>($self, _: bool) -> Result<(), E> {
            $body
        }
        fn visit_i64<E: de::Error>($self, _: i64) -> Result<(), E> {
            $body
        }
        fn visit_u64<E: de::Error>($self, _: u64) -> Result<(), E> {
            $body
        }
        fn visit_f64<E: de::Error>($self, _: f64) -> Result<(), E> {
            $body
        }
        fn visit_str<E: de::Error>($self, _: &str) -> Result<(), E> {
            $body
        }
        fn visit_unit<E: de::Error>($self) -> Result<(), E> {
            $body
        }
    };
}

impl<'de> Visitor<'de> for Member<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    scalar_visits!(self => Ok(()));

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(RowSeed {
                context: self.context,
                array: self.array,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// One element of a candidate rows array.
struct RowSeed<'c, 'r> {
    context: &'c mut Context<'r>,
    array: usize,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl RowSeed<'_, '_> {
    fn not_an_object(self) {
        self.context.rows.element(self.array, JsonRow::NotAnObject);
    }
}

impl<'de> Visitor<'de> for RowSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a place object")
    }

    scalar_visits!(self => {
        self.not_an_object();
        Ok(())
    });

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.not_an_object();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut raw = RawRow::default();
        let mut seen = 0u64;
        let mut unknown = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match self.context.column(&key) {
                Some(column) => {
                    seen |= 1 << column.index();
                    if let Some(value) = map.next_value::<Cell>()?.0 {
                        raw.set(column, value);
                    }
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                    unknown.push(key);
                }
            }
        }
        self.context
            .rows
            .element(self.array, JsonRow::Object { raw, seen, unknown });
        Ok(())
    }
}

/// A cell value as text; `None` for null and nested objects.
struct Cell(Option<String>);

impl<'de> de::Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, number, boolean or list")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell(Some(v.to_string())))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell(Some(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell(Some(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell(Some(v.to_string())))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell(Some(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
        Ok(Cell(Some(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
        let mut parts: Vec<String> = Vec::new();
        while let Some(Cell(part)) = seq.next_element::<Cell>()? {
            parts.extend(part);
        }
        Ok(Cell((!parts.is_empty()).then(|| parts.join("|"))))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Cell(None))
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
