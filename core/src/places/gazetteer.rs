//! A tiny postal-code gazetteer: postal code → (commune name, centroid), read from a compact
//! CSV `code_postal;commune;lat;lon` (one row per postal code). It locates a postal code that
//! has no place, so the search can still offer the nearest ones. Latitudes and longitudes are
//! read by [`crate::coordinates::read_degrees`], with a decimal point only; a line whose
//! coordinates do not read or are out of range is left out.
//!
//! [`build_from_communes`] makes that file from an INSEE-style communes table (one row per
//! commune and postal code, with `code_postal`, `lat`, `lng` columns), as `lieux gazetteer`
//! does.

use std::collections::BTreeMap;

use super::search::commune_matches;
use crate::coordinates::{centroid, read_degrees, LatLon};
use crate::csv::{self, LineEnd};
use crate::postal_code::is_postal_code;
use crate::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    pub code_postal: String,
    /// The main commune of the postal code (the most populous when known).
    pub commune: String,
    pub location: LatLon,
}

/// Postal codes sorted for binary search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    /// Folded commune names, parallel to `entries`.
    folded: Vec<String>,
}

/// Why a gazetteer or communes file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    NotUtf8 {
        offset: usize,
    },
    Empty,
    /// The communes table lacks one of these columns.
    MissingColumns(Vec<&'static str>),
}

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GazetteerError::NotUtf8 { offset } => write!(f, "not UTF-8 (byte {offset})"),
            GazetteerError::Empty => f.write_str("empty file"),
            GazetteerError::MissingColumns(c) => write!(f, "missing columns: {}", c.join(", ")),
        }
    }
}

/// A latitude or longitude of the table, written with a decimal point
/// ([`crate::coordinates::read_degrees`]).
fn coordinate(text: &str) -> Option<f64> {
    read_degrees(text).plain()
}

impl Gazetteer {
    /// Reads the compact CSV. A header line is optional; malformed lines are ignored (their
    /// count is returned) so one bad line does not lose the rest.
    pub fn parse(bytes: &[u8]) -> Result<(Gazetteer, usize), GazetteerError> {
        let text = std::str::from_utf8(bytes).map_err(|e| GazetteerError::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(GazetteerError::Empty);
        }
        let mut entries = Vec::new();
        let mut bad = 0;
        for (i, record) in csv::Reader::new(text, b';').enumerate() {
            let entry = match record.fields.as_slice() {
                [code, commune, lat, lon] if is_postal_code(code.trim()) => coordinate(lat)
                    .zip(coordinate(lon))
                    .and_then(|(a, b)| LatLon::new(a, b))
                    .map(|location| GazetteerEntry {
                        code_postal: code.trim().to_string(),
                        commune: super::clean::clean_text(commune),
                        location,
                    }),
                _ => None,
            };
            match entry {
                Some(entry) => entries.push(entry),
                // The header is not a data line.
                None if i == 0 => {}
                None => bad += 1,
            }
        }
        Ok((Gazetteer::from_entries(entries), bad))
    }

    /// Sorts by postal code; a repeated code keeps its first entry.
    pub fn from_entries(mut entries: Vec<GazetteerEntry>) -> Gazetteer {
        entries.sort_by(|a, b| a.code_postal.cmp(&b.code_postal));
        entries.dedup_by(|later, first| later.code_postal == first.code_postal);
        let folded = entries.iter().map(|e| fold(&e.commune)).collect();
        Gazetteer { entries, folded }
    }

    pub fn get(&self, code_postal: &str) -> Option<&GazetteerEntry> {
        let code = code_postal.trim();
        self.entries
            .binary_search_by(|e| e.code_postal.as_str().cmp(code))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Centre of a commune: centroid of the postal codes whose main commune has that name
    /// (folded; "Lyon" also finds "Lyon 1er Arrondissement"…).
    pub fn find_commune(&self, name: &str) -> Option<LatLon> {
        let wanted = fold(name);
        if wanted.is_empty() {
            return None;
        }
        let points: Vec<LatLon> = self
            .folded
            .iter()
            .zip(&self.entries)
            .filter(|(folded, _)| commune_matches(folded, &wanted))
            .map(|(_, e)| e.location)
            .collect();
        centroid(&points)
    }

    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The compact CSV, with a header, coordinates rounded to 4 decimals (about 10 m).
    pub fn to_csv(&self) -> String {
        let mut out = String::from("code_postal;commune;lat;lon\n");
        for e in &self.entries {
            let lat = format!("{:.4}", e.location.lat);
            let lon = format!("{:.4}", e.location.lon);
            csv::write_record(
                &mut out,
                [e.code_postal.as_str(), &e.commune, &lat, &lon],
                ';',
                LineEnd::Lf,
            );
        }
        out
    }
}

/// What [`build_from_communes`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildReport {
    pub rows_read: usize,
    /// Rows used for a centroid.
    pub rows_used: usize,
    pub rows_without_coordinates: usize,
    pub rows_with_invalid_postal_code: usize,
    /// Delegated communes (`COMD`) left out because their postal code had an ordinary commune.
    pub delegated_rows_ignored: usize,
    pub postal_codes: usize,
}

/// Builds the gazetteer from a communes table with at least the columns `code_postal`,
/// `lat` and `lng` (or `lon`/`longitude`, `latitude`), and optionally `commune`,
/// `commune_article`, `commune_type`, `population_2021` (or `population`).
///
/// Each postal code's centre is the mean of its communes' coordinates. Delegated communes
/// (`COMD`) count only for postal codes that have no ordinary commune or arrondissement, so a
/// merged commune is not counted twice. The name kept is the most populous commune's.
pub fn build_from_communes(bytes: &[u8]) -> Result<(Gazetteer, BuildReport), GazetteerError> {
    let text = std::str::from_utf8(bytes).map_err(|e| GazetteerError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = csv::detect_separator(text);
    let mut records = csv::Reader::new(text, separator);
    let header = records.next().ok_or(GazetteerError::Empty)?;
    let find = |names: &[&str]| {
        header
            .fields
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let code_col = find(&["code_postal", "codepostal", "code postal"]);
    let lat_col = find(&["lat", "latitude"]);
    let lon_col = find(&["lng", "lon", "longitude"]);
    let (Some(code_col), Some(lat_col), Some(lon_col)) = (code_col, lat_col, lon_col) else {
        let mut missing = Vec::new();
        if code_col.is_none() {
            missing.push("code_postal");
        }
        if lat_col.is_none() {
            missing.push("lat");
        }
        if lon_col.is_none() {
            missing.push("lng");
        }
        return Err(GazetteerError::MissingColumns(missing));
    };
    let name_col = find(&["commune_article"]).or_else(|| find(&["commune", "nom_commune", "nom"]));
    let type_col = find(&["commune_type", "type"]);
    let population_col = find(&["population_2021", "population"]);

    struct Commune {
        name: String,
        population: u64,
        location: LatLon,
        delegated: bool,
    }
    let mut by_code: BTreeMap<String, Vec<Commune>> = BTreeMap::new();
    let mut report = BuildReport::default();
    for record in records {
        report.rows_read += 1;
        let field = |i: usize| record.fields.get(i).map_or("", |f| f.trim());
        let code = field(code_col);
        if !is_postal_code(code) {
            report.rows_with_invalid_postal_code += 1;
            continue;
        }
        let Some(location) = coordinate(field(lat_col))
            .zip(coordinate(field(lon_col)))
            .and_then(|(lat, lon)| LatLon::new(lat, lon))
        else {
            report.rows_without_coordinates += 1;
            continue;
        };
        by_code.entry(code.to_string()).or_default().push(Commune {
            name: name_col
                .map(|i| super::clean::clean_text(field(i)))
                .unwrap_or_default(),
            population: population_col
                .and_then(|i| field(i).parse().ok())
                .unwrap_or(0),
            location,
            delegated: type_col.is_some_and(|i| field(i).eq_ignore_ascii_case("COMD")),
        });
    }
    let mut entries = Vec::with_capacity(by_code.len());
    for (code, communes) in by_code {
        let has_ordinary = communes.iter().any(|c| !c.delegated);
        let used: Vec<&Commune> = communes
            .iter()
            .filter(|c| !has_ordinary || !c.delegated)
            .collect();
        report.delegated_rows_ignored += communes.len() - used.len();
        report.rows_used += used.len();
        let points: Vec<LatLon> = used.iter().map(|c| c.location).collect();
        let Some(location) = centroid(&points) else {
            continue;
        };
        // Most populous first; ties by name so the output does not depend on row order.
        let main = used.iter().max_by(|a, b| {
            a.population
                .cmp(&b.population)
                .then_with(|| b.name.cmp(&a.name))
        });
        entries.push(GazetteerEntry {
            code_postal: code,
            commune: main.map(|c| c.name.clone()).unwrap_or_default(),
            location,
        });
    }
    report.postal_codes = entries.len();
    Ok((Gazetteer::from_entries(entries), report))
}
