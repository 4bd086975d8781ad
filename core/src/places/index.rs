//! The national places index: the places of all of France in small static files, so that a
//! widget anywhere reads only the few kilobytes near the person.
//!
//! `lieux index` ([`build`]) writes, into one folder:
//! - one compact CSV per département (`29.csv`, `2A.csv`, `974.csv`…), standard v1.0.2 columns
//!   limited to what the widget shows, filters on and ranks by ([`INDEX_COLUMNS`]), coordinates
//!   rounded to 5 decimals (about a metre). The widget reads them with the same reader as any
//!   places file, so a file edited by hand is checked again;
//! - `manifest.json` ([`Manifest`]): the index format, the build date, each source file with
//!   its date, row counts and SHA-256, the oldest and newest `date_maj`, and for each
//!   département its file, place count, the file's `sha384` (checked by the browser when it
//!   fetches it) and the cells of a coarse grid that hold its places.
//!
//! A place's département is that of its postal code ([`departement_of`]): the widget finds the
//! person's file from the postal code typed, so both sides use the same rule (a commune of the
//! Alpes-de-Haute-Provence with a 05 postal code is in `05.csv`).
//!
//! **Near a border.** [`Manifest::files_near`] lists the files with a cell within the search
//! radius of the centre, nearest first, the person's own département first, at most
//! [`MAX_FILES`]. A cell is 0.2° of latitude by 0.25° of longitude (about 22 × 19 km in
//! mainland France): the distance to a cell is never more than the distance to the places in
//! it, so no file with a place in the radius is missed except by the cap. The cap keeps a
//! phone's download small; the test on a generated national file checks that, for every
//! postal code, the results read from at most 3 files are the results read from all of them
//! at the default radius.
//!
//! **Duplicates.** The same place often comes from two producers (a CNFS list and a regional
//! hub). Two rows are the same place when they have the same SIRET/RNA (`pivot`) and
//! coordinates within [`SAME_PLACE_METRES`], or the same name and address in the same postal
//! code (compared [`fold`]ed). The row with the newest `date_maj` is kept; [`Built::merged`]
//! counts the others. A shared SIRET alone is not enough: a town's libraries and its town hall
//! often share the commune's SIRET.

use sha2::{Digest, Sha256, Sha384};

use super::model::Place;
use super::schema::Column;
use super::search::Centre;
use super::write;
use crate::coordinates::{distance_km, LatLon};
use crate::json::{self, Json};
use crate::postal_code::departement_of;
use crate::text::fold;

/// Version of the index's layout; the widget refuses a manifest of another version.
pub const FORMAT: i64 = 1;

/// The manifest's file name, in the index folder.
pub const MANIFEST: &str = "manifest.json";

/// Most département files one search reads.
pub const MAX_FILES: usize = 3;

/// Two rows with the same pivot closer than this are the same place.
pub const SAME_PLACE_METRES: f64 = 100.0;

/// Cell size of the manifest's grid, in degrees.
const CELL_LAT: f64 = 0.2;
const CELL_LON: f64 = 0.25;

/// The columns of a département file: what the widget shows, filters on and ranks by.
pub const INDEX_COLUMNS: [Column; 21] = [
    Column::Id,
    Column::Nom,
    Column::Commune,
    Column::CodePostal,
    Column::Adresse,
    Column::ComplementAdresse,
    Column::Latitude,
    Column::Longitude,
    Column::Telephone,
    Column::SiteWeb,
    Column::Horaires,
    Column::DateMaj,
    Column::Services,
    Column::PublicsSpecifiquementAdresses,
    Column::PriseEnChargeSpecifique,
    Column::FraisACharge,
    Column::DispositifProgrammesNationaux,
    Column::ModalitesAcces,
    Column::ModalitesAccompagnement,
    Column::FicheAccesLibre,
    Column::PriseRdv,
];

/// One file the index was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The file's name, without its folder.
    pub name: String,
    /// Publication date of the file (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Rows read and places kept by the reader (before duplicates are merged).
    pub rows: usize,
    pub kept: usize,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
}

impl SourceFile {
    pub fn new(name: &str, date: Option<String>, bytes: &[u8], rows: usize, kept: usize) -> Self {
        SourceFile {
            name: name.to_string(),
            date,
            rows,
            kept,
            sha256: hex(&Sha256::digest(bytes)),
        }
    }
}

/// One département's file, as the manifest lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartementFile {
    /// As [`crate::share_code::DEPARTEMENTS`] writes it: `01`, `2A`, `974`.
    pub code: String,
    /// File name in the index folder (`<code>.csv`).
    pub file: String,
    pub places: usize,
    /// `sha384-…` of the file, for the browser's integrity check.
    pub integrity: String,
    /// Grid cells (latitude index, longitude index) holding at least one located place.
    pub cells: Vec<(i32, i32)>,
}

impl DepartementFile {
    /// Distance in km from `point` to the nearest cell of this file; `None` without cells.
    pub fn distance_km(&self, point: LatLon) -> Option<f64> {
        self.cells
            .iter()
            .map(|&cell| cell_distance_km(point, cell))
            .min_by(f64::total_cmp)
    }
}

/// What `manifest.json` says.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub format: i64,
    /// Date the index was built (`YYYY-MM-DD`).
    pub built: String,
    pub sources: Vec<SourceFile>,
    /// Oldest and newest `date_maj` of the places kept.
    pub oldest: Option<String>,
    pub newest: Option<String>,
    /// Places in all files, and rows merged as duplicates.
    pub places: usize,
    pub merged: usize,
    pub departements: Vec<DepartementFile>,
}

/// Why a manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    Json(String),
    /// Another index format (the widget is older or newer than the index).
    Format(i64),
    /// A required member is missing or of the wrong type.
    Missing(&'static str),
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestError::Json(e) => write!(f, "the places index manifest is not JSON: {e}"),
            ManifestError::Format(v) => write!(
                f,
                "the places index has format {v}; this widget reads format {FORMAT}"
            ),
            ManifestError::Missing(what) => {
                write!(f, "the places index manifest has no valid `{what}`")
            }
        }
    }
}

impl Manifest {
    pub fn get(&self, code: &str) -> Option<&DepartementFile> {
        self.departements.iter().find(|d| d.code == code)
    }

    /// The person's own département for a search from a postal code (`None` for a position
    /// or a commune name): its file is read first, and its places locate the postal code.
    pub fn home(centre: &Centre) -> Option<&'static str> {
        match centre {
            Centre::PostalCode(code) => departement_of(code),
            _ => None,
        }
    }

    /// The files a search around `centre` within `max_km` reads: `home` (the person's
    /// département) first when the index has it, then the files with a place possibly within
    /// `max_km`, nearest first; at most [`MAX_FILES`].
    pub fn files_near(
        &self,
        centre: Option<LatLon>,
        max_km: f64,
        home: Option<&str>,
    ) -> Vec<&DepartementFile> {
        let mut files: Vec<&DepartementFile> = home.and_then(|h| self.get(h)).into_iter().collect();
        if let Some(centre) = centre {
            let mut near: Vec<(f64, &DepartementFile)> = self
                .departements
                .iter()
                .filter(|d| Some(d.code.as_str()) != home)
                .filter_map(|d| Some((d.distance_km(centre)?, d)))
                .filter(|(km, _)| *km <= max_km)
                .collect();
            // The nearest first, by picking them one by one: a sort would add 4 KB of wasm
            // for a list of a handful (see `crate::small_sort`).
            while files.len() < MAX_FILES {
                let Some(nearest) = (0..near.len()).min_by(|&a, &b| {
                    near[a]
                        .0
                        .total_cmp(&near[b].0)
                        .then_with(|| near[a].1.code.cmp(&near[b].1.code))
                }) else {
                    break;
                };
                files.push(near.swap_remove(nearest).1);
            }
        }
        files.truncate(MAX_FILES);
        files
    }

    pub fn to_json(&self) -> String {
        let opt = |v: &Option<String>| v.as_deref().map(json::string);
        let sources = self
            .sources
            .iter()
            .map(|s| {
                json::object([
                    ("file", Some(json::string(&s.name))),
                    ("date", opt(&s.date)),
                    ("rows", Some(Json::Number(s.rows as i64))),
                    ("kept", Some(Json::Number(s.kept as i64))),
                    ("sha256", Some(json::string(&s.sha256))),
                ])
            })
            .collect();
        let departements = self
            .departements
            .iter()
            .map(|d| {
                let cells = d
                    .cells
                    .iter()
                    .flat_map(|&(lat, lon)| [Json::Number(lat.into()), Json::Number(lon.into())])
                    .collect();
                json::object([
                    ("code", Some(json::string(&d.code))),
                    ("file", Some(json::string(&d.file))),
                    ("places", Some(Json::Number(d.places as i64))),
                    ("integrity", Some(json::string(&d.integrity))),
                    ("cells", Some(Json::Array(cells))),
                ])
            })
            .collect();
        json::object([
            ("format", Some(Json::Number(self.format))),
            ("built", Some(json::string(&self.built))),
            ("oldest", opt(&self.oldest)),
            ("newest", opt(&self.newest)),
            ("places", Some(Json::Number(self.places as i64))),
            ("merged", Some(Json::Number(self.merged as i64))),
            ("sources", Some(Json::Array(sources))),
            ("departements", Some(Json::Array(departements))),
        ])
        .write()
    }

    /// Reads a manifest. Every text is plain text and every file name is checked
    /// ([`safe_file_name`]), so a hostile manifest cannot point the widget elsewhere.
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let root = Json::parse(text).map_err(|e| ManifestError::Json(e.to_string()))?;
        let format = root
            .get("format")
            .and_then(Json::as_i64)
            .ok_or(ManifestError::Missing("format"))?;
        if format != FORMAT {
            return Err(ManifestError::Format(format));
        }
        let text_of = |json: &Json, key: &str| json.get(key).and_then(Json::as_str).map(clean);
        let count = |json: &Json, key: &str| {
            json.get(key)
                .and_then(Json::as_u64)
                .map_or(0, |n| n as usize)
        };
        let date = |json: &Json, key: &str| text_of(json, key).filter(|d| is_iso_date(d));
        let sources = root
            .get("sources")
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(|s| {
                Some(SourceFile {
                    name: text_of(s, "file")?,
                    date: date(s, "date"),
                    rows: count(s, "rows"),
                    kept: count(s, "kept"),
                    sha256: text_of(s, "sha256").unwrap_or_default(),
                })
            })
            .collect();
        let departements = root
            .get("departements")
            .and_then(Json::as_array)
            .ok_or(ManifestError::Missing("departements"))?
            .iter()
            .filter_map(|d| {
                let code = crate::share_code::DEPARTEMENTS
                    .iter()
                    .find(|&&c| Some(c) == d.get("code").and_then(Json::as_str))?;
                let file = text_of(d, "file").filter(|f| safe_file_name(f))?;
                let integrity = text_of(d, "integrity").filter(|i| {
                    i.starts_with("sha384-")
                        && i.len() < 100
                        && i[7..]
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
                })?;
                let numbers: Vec<i64> = d
                    .get("cells")
                    .and_then(Json::as_array)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(Json::as_i64)
                    .collect();
                let cells = numbers
                    .chunks_exact(2)
                    .filter_map(|pair| {
                        Some((i32::try_from(pair[0]).ok()?, i32::try_from(pair[1]).ok()?))
                    })
                    .collect();
                Some(DepartementFile {
                    code: code.to_string(),
                    file,
                    places: count(d, "places"),
                    integrity,
                    cells,
                })
            })
            .collect();
        Ok(Manifest {
            format,
            built: date(&root, "built").ok_or(ManifestError::Missing("built"))?,
            sources,
            oldest: date(&root, "oldest"),
            newest: date(&root, "newest"),
            places: count(&root, "places"),
            merged: count(&root, "merged"),
            departements,
        })
    }
}

fn clean(text: &str) -> String {
    super::clean::clean_text(text)
}

/// A file name the widget may fetch next to the manifest: letters, digits, `-`, `_`, one
/// `.csv` or `.json` extension; no folder, no scheme.
pub fn safe_file_name(name: &str) -> bool {
    let Some(stem) = name
        .strip_suffix(".csv")
        .or_else(|| name.strip_suffix(".json"))
    else {
        return false;
    };
    !stem.is_empty()
        && stem.len() <= 40
        && stem
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `YYYY-MM-DD` with plausible numbers.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        && (1..=12).contains(&text[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&text[8..10].parse::<u8>().unwrap_or(0))
}

/// Whether information dated `date_maj` is more than a year old on `today` (both
/// `YYYY-MM-DD`). An unknown date is not called old: the screen has nothing to say about it.
pub fn is_stale(date_maj: Option<&str>, today: &str) -> bool {
    let (Some(date), true) = (date_maj, is_iso_date(today)) else {
        return false;
    };
    if !is_iso_date(date) {
        return false;
    }
    let year: u32 = today[..4].parse().unwrap_or(0);
    let a_year_ago = format!("{:04}{}", year.saturating_sub(1), &today[4..]);
    date < a_year_ago.as_str()
}

fn cell_of(point: LatLon) -> (i32, i32) {
    (
        (point.lat / CELL_LAT).floor() as i32,
        (point.lon / CELL_LON).floor() as i32,
    )
}

/// Distance from `point` to the nearest point of `cell` (0 inside it).
fn cell_distance_km(point: LatLon, (lat, lon): (i32, i32)) -> f64 {
    let south = f64::from(lat) * CELL_LAT;
    let west = f64::from(lon) * CELL_LON;
    // `max` then `min` rather than `clamp`, whose panic message would bring the float
    // formatter into the wasm (about 20 KB).
    let nearest = LatLon {
        lat: point.lat.max(south).min(south + CELL_LAT),
        lon: point.lon.max(west).min(west + CELL_LON),
    };
    distance_km(point, nearest)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 with padding (for `sha384-…`).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The `integrity` value of a file's bytes (`sha384-` and base64), as browsers check it.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// Keeps one row per place (see the module's doc); returns the places kept and how many rows
/// were merged into them.
pub fn merge_duplicates(mut places: Vec<Place>) -> (Vec<Place>, usize) {
    // Newest first (an ISO date sorts as text; no date sorts last), then by id so the result
    // does not depend on the order of the input files.
    places.sort_by(|a, b| b.date_maj.cmp(&a.date_maj).then_with(|| a.id.cmp(&b.id)));
    let mut kept: Vec<Place> = Vec::with_capacity(places.len());
    let mut by_pivot: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let mut by_name: std::collections::HashSet<String> = Default::default();
    let mut merged = 0;
    for place in places {
        let name_key = format!(
            "{}\u{1f}{}\u{1f}{}",
            fold(&place.nom),
            fold(&place.adresse),
            place.code_postal
        );
        let pivot = place
            .pivot
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let same_pivot = pivot.is_some_and(|pivot| {
            by_pivot.get(pivot).is_some_and(|seen| {
                seen.iter()
                    .any(|&k| match (kept[k].location(), place.location()) {
                        (Some(a), Some(b)) => distance_km(a, b) * 1000.0 <= SAME_PLACE_METRES,
                        _ => false,
                    })
            })
        });
        if same_pivot || by_name.contains(&name_key) {
            merged += 1;
            continue;
        }
        if let Some(pivot) = pivot {
            by_pivot
                .entry(pivot.to_string())
                .or_default()
                .push(kept.len());
        }
        by_name.insert(name_key);
        kept.push(place);
    }
    (kept, merged)
}

/// The files of an index: names and contents, the manifest last.
#[derive(Debug, Clone)]
pub struct Built {
    pub manifest: Manifest,
    /// (file name, content), département files in code order, then [`MANIFEST`].
    pub files: Vec<(String, String)>,
    /// Rows merged as duplicates of a place kept.
    pub merged: usize,
    /// Places left out because their postal code has no département (e.g. 98xxx, Monaco).
    pub no_departement: usize,
}

/// Builds the index of `places` read from `sources`, dated `built` (`YYYY-MM-DD`).
pub fn build(places: Vec<Place>, sources: Vec<SourceFile>, built: &str) -> Built {
    let (places, merged) = merge_duplicates(places);
    let mut groups: std::collections::BTreeMap<&'static str, Vec<Place>> = Default::default();
    let mut no_departement = 0;
    for mut place in places {
        let Some(code) = departement_of(&place.code_postal) else {
            no_departement += 1;
            continue;
        };
        // About a metre: enough to give directions, and shorter files.
        let round = |v: f64| (v * 1e5).round() / 1e5;
        place.latitude = place.latitude.map(round);
        place.longitude = place.longitude.map(round);
        groups.entry(code).or_default().push(place);
    }
    let mut files = Vec::new();
    let mut departements = Vec::new();
    let mut dates: Vec<&str> = Vec::new();
    let mut total = 0;
    for (code, group) in &mut groups {
        group.sort_by(|a, b| a.id.cmp(&b.id));
        dates.extend(group.iter().filter_map(|p| p.date_maj.as_deref()));
        let text = write::to_compact_csv(group, &INDEX_COLUMNS);
        let mut cells: Vec<(i32, i32)> = group
            .iter()
            .filter_map(Place::location)
            .map(cell_of)
            .collect();
        cells.sort_unstable();
        cells.dedup();
        let file = format!("{code}.csv");
        total += group.len();
        departements.push(DepartementFile {
            code: code.to_string(),
            file: file.clone(),
            places: group.len(),
            integrity: integrity(text.as_bytes()),
            cells,
        });
        files.push((file, text));
    }
    let dates: Vec<&str> = dates.into_iter().filter(|d| is_iso_date(d)).collect();
    let manifest = Manifest {
        format: FORMAT,
        built: built.to_string(),
        sources,
        oldest: dates.iter().min().map(|d| d.to_string()),
        newest: dates.iter().max().map(|d| d.to_string()),
        places: total,
        merged,
        departements,
    };
    files.push((MANIFEST.to_string(), manifest.to_json()));
    Built {
        manifest,
        files,
        merged,
        no_departement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // `printf '' | openssl dgst -sha384 -binary | openssl base64 -A`
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }

    #[test]
    fn a_year_old_is_stale_and_a_day_less_is_not() {
        assert!(is_stale(Some("2025-11-30"), "2026-12-01"));
        assert!(!is_stale(Some("2025-12-01"), "2026-12-01"));
        assert!(!is_stale(Some("2026-06-01"), "2026-12-01"));
        assert!(!is_stale(None, "2026-12-01"));
        assert!(!is_stale(Some("hier"), "2026-12-01"));
        assert!(!is_stale(Some("2020-01-01"), "bientôt"));
    }

    #[test]
    fn file_names_stay_in_the_folder() {
        for ok in ["29.csv", "2A.csv", "974.csv", "manifest.json"] {
            assert!(safe_file_name(ok), "{ok}");
        }
        for bad in [
            "../29.csv",
            "https://x.org/a.csv",
            "a/b.csv",
            ".csv",
            "29.js",
            "29.csv?x",
            "",
        ] {
            assert!(!safe_file_name(bad), "{bad}");
        }
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_iso_date("2026-12-01"));
        for bad in [
            "2026-13-01",
            "2026-12-32",
            "2026/12/01",
            "26-12-01",
            "2026-12-1x",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
