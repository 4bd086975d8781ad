//! What reading a file reports: the places kept, the rows skipped and why, the repairs made
//! on kept rows. Every reason has a stable code and a French and English message, for the
//! partner CLI and the UI.

use std::collections::{BTreeMap, HashSet};

use super::json_rows::JsonFileError;
use super::model::Place;
use super::parse::MAX_FILE_BYTES;
use super::schema::Column;

/// What the file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv { separator: char },
    Json,
}

/// Which version of the standard the columns say the file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaVersion {
    V1,
    /// v0.1: mapped onto v1 (see [`super::legacy`]).
    Legacy,
}

/// Why the whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    /// Not UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        offset: usize,
    },
    TooLarge {
        bytes: usize,
    },
    Json(JsonFileError),
    /// The header (CSV) or the keys (JSON) lack columns every place needs.
    MissingColumns(Vec<&'static str>),
}

impl FileError {
    pub fn message_fr(&self) -> String {
        match self {
            FileError::Empty => "le fichier est vide".into(),
            FileError::NotUtf8 { offset } => format!(
                "le fichier n'est pas encodé en UTF-8 (octet {offset}) ; réenregistrez-le en UTF-8"
            ),
            FileError::TooLarge { bytes } => {
                format!("le fichier est trop gros ({bytes} octets, maximum {MAX_FILE_BYTES})")
            }
            FileError::Json(e) => format!(
                "JSON illisible ligne {}, colonne {} : {}",
                e.line, e.column, e.message
            ),
            FileError::MissingColumns(columns) => {
                format!("colonnes obligatoires absentes : {}", columns.join(", "))
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            FileError::Empty => "the file is empty".into(),
            FileError::NotUtf8 { offset } => {
                format!("the file is not UTF-8 (byte {offset}); save it again as UTF-8")
            }
            FileError::TooLarge { bytes } => {
                format!("the file is too large ({bytes} bytes, at most {MAX_FILE_BYTES})")
            }
            FileError::Json(e) => format!(
                "unreadable JSON at line {}, column {}: {}",
                e.line, e.column, e.message
            ),
            FileError::MissingColumns(columns) => {
                format!("required columns missing: {}", columns.join(", "))
            }
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// Why a row was left out. Every other problem is repaired and reported as a [`RowWarning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    MissingId,
    MissingNom,
    MissingCommune,
    MissingAdresse,
    /// Missing, or not 5 digits.
    InvalidCodePostal,
    /// Latitude or longitude present but not a number.
    UnparseableCoordinates,
    /// Same `id` as an earlier row.
    DuplicateId,
    /// CSV: not as many fields as the header.
    WrongColumnCount,
    /// CSV: a quoted field never closed.
    UnterminatedQuote,
    /// JSON: an element of the array that is not an object.
    NotAnObject,
    /// Bytes that are not UTF-8 in one of the row's values.
    NotUtf8,
    /// Past [`MAX_ROWS`](super::parse::MAX_ROWS).
    TooManyRows,
}

impl SkipReason {
    /// Stable code for scripts and logs.
    pub fn code(self) -> &'static str {
        match self {
            SkipReason::MissingId => "missing_id",
            SkipReason::MissingNom => "missing_nom",
            SkipReason::MissingCommune => "missing_commune",
            SkipReason::MissingAdresse => "missing_adresse",
            SkipReason::InvalidCodePostal => "invalid_code_postal",
            SkipReason::UnparseableCoordinates => "unparseable_coordinates",
            SkipReason::DuplicateId => "duplicate_id",
            SkipReason::WrongColumnCount => "wrong_column_count",
            SkipReason::UnterminatedQuote => "unterminated_quote",
            SkipReason::NotAnObject => "not_an_object",
            SkipReason::NotUtf8 => "not_utf8",
            SkipReason::TooManyRows => "too_many_rows",
        }
    }

    pub fn message_fr(self) -> &'static str {
        match self {
            SkipReason::MissingId => "identifiant (id) manquant",
            SkipReason::MissingNom => "nom manquant",
            SkipReason::MissingCommune => "commune manquante",
            SkipReason::MissingAdresse => "adresse manquante",
            SkipReason::InvalidCodePostal => "code postal manquant ou pas à 5 chiffres",
            SkipReason::UnparseableCoordinates => "latitude ou longitude illisible",
            SkipReason::DuplicateId => "identifiant déjà utilisé par une ligne précédente",
            SkipReason::WrongColumnCount => "nombre de colonnes différent de l'en-tête",
            SkipReason::UnterminatedQuote => "guillemet ouvert jamais refermé",
            SkipReason::NotAnObject => "élément JSON qui n'est pas un objet",
            SkipReason::NotUtf8 => "caractères illisibles (pas en UTF-8)",
            SkipReason::TooManyRows => "trop de lignes, fin du fichier ignorée",
        }
    }

    pub fn message_en(self) -> &'static str {
        match self {
            SkipReason::MissingId => "missing id",
            SkipReason::MissingNom => "missing name (nom)",
            SkipReason::MissingCommune => "missing commune",
            SkipReason::MissingAdresse => "missing address (adresse)",
            SkipReason::InvalidCodePostal => "postal code missing or not 5 digits",
            SkipReason::UnparseableCoordinates => "latitude or longitude is not a number",
            SkipReason::DuplicateId => "id already used by an earlier row",
            SkipReason::WrongColumnCount => "not as many fields as the header",
            SkipReason::UnterminatedQuote => "quoted field never closed",
            SkipReason::NotAnObject => "JSON element that is not an object",
            SkipReason::NotUtf8 => "unreadable characters (not UTF-8)",
            SkipReason::TooManyRows => "too many rows, end of file ignored",
        }
    }
}

/// A row left out of the places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// 1-based number of the data row (the CSV header is not counted).
    pub row: usize,
    /// CSV: 1-based line where the row starts, as a spreadsheet numbers it.
    pub line: Option<usize>,
    /// The row's id, when it had a usable one.
    pub id: Option<String>,
    pub reason: SkipReason,
    /// Extra detail (the bad value, the field counts…), plain text, possibly empty.
    pub detail: String,
}

/// A problem repaired on a kept row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    MissingPivot,
    InvalidPivot,
    MissingDateMaj,
    InvalidDateMaj,
    /// Dropped.
    InvalidCodeInsee,
    /// A 4-digit postal code (leading zero lost by a spreadsheet) padded to 5 digits.
    CodePostalPadded,
    /// Outside -90..90 / -180..180 or not finite: the place has no coordinates.
    CoordinatesOutOfRange,
    /// Written 0, 0 (the national export's way of saying "unknown"): the place has no
    /// coordinates.
    ZeroCoordinates,
    /// Only one of latitude and longitude: the place has no coordinates.
    HalfCoordinates,
    /// A decimal comma (`45,76`) read as a decimal point.
    DecimalComma,
    /// Dropped: not a phone number.
    InvalidPhone,
    /// Kept, normalized: the value was a phone number but not in the standard's `+33…` form.
    PhoneNormalized,
    /// Dropped: not an `http(s)` URL, or unsafe.
    UnsafeUrl,
    /// Dropped.
    InvalidEmail,
    /// Dropped: not a value of the column's closed list.
    UnknownValue,
    /// Kept: recognized, but not spelled as the standard writes it (or a v0.1 value).
    NonStandardValue,
    /// Cut to the column's maximum length.
    Truncated,
    /// Longer than [`MAX_FIELD_CHARS`](super::parse::MAX_FIELD_CHARS): cut there (a link that
    /// long is dropped).
    FieldTooLong,
    /// Not readable as OSM opening hours; kept as text (not a schema violation).
    HorairesNotParsed,
}

impl WarningKind {
    pub fn code(self) -> &'static str {
        match self {
            WarningKind::MissingPivot => "missing_pivot",
            WarningKind::InvalidPivot => "invalid_pivot",
            WarningKind::MissingDateMaj => "missing_date_maj",
            WarningKind::InvalidDateMaj => "invalid_date_maj",
            WarningKind::InvalidCodeInsee => "invalid_code_insee",
            WarningKind::CodePostalPadded => "code_postal_padded",
            WarningKind::CoordinatesOutOfRange => "coordinates_out_of_range",
            WarningKind::ZeroCoordinates => "zero_coordinates",
            WarningKind::HalfCoordinates => "half_coordinates",
            WarningKind::DecimalComma => "decimal_comma",
            WarningKind::InvalidPhone => "invalid_phone",
            WarningKind::PhoneNormalized => "phone_normalized",
            WarningKind::UnsafeUrl => "unsafe_url",
            WarningKind::InvalidEmail => "invalid_email",
            WarningKind::UnknownValue => "unknown_value",
            WarningKind::NonStandardValue => "non_standard_value",
            WarningKind::Truncated => "truncated",
            WarningKind::FieldTooLong => "field_too_long",
            WarningKind::HorairesNotParsed => "horaires_not_parsed",
        }
    }

    pub fn message_fr(self) -> &'static str {
        match self {
            WarningKind::MissingPivot => "SIRET/RNA (pivot) manquant",
            WarningKind::InvalidPivot => "pivot invalide (9 à 14 lettres ou chiffres attendus)",
            WarningKind::MissingDateMaj => "date de mise à jour manquante",
            WarningKind::InvalidDateMaj => "date de mise à jour invalide (AAAA-MM-JJ attendu)",
            WarningKind::InvalidCodeInsee => "code INSEE invalide, ignoré",
            WarningKind::CodePostalPadded => "code postal à 4 chiffres complété par un 0",
            WarningKind::CoordinatesOutOfRange => "coordonnées hors limites, ignorées",
            WarningKind::ZeroCoordinates => "coordonnées 0, 0 lues comme absentes",
            WarningKind::HalfCoordinates => "latitude sans longitude (ou l'inverse), ignorée",
            WarningKind::DecimalComma => "virgule décimale lue comme un point",
            WarningKind::InvalidPhone => "téléphone illisible, ignoré",
            WarningKind::PhoneNormalized => "téléphone remis au format +33…",
            WarningKind::UnsafeUrl => "adresse web non http(s) ou dangereuse, ignorée",
            WarningKind::InvalidEmail => "courriel invalide, ignoré",
            WarningKind::UnknownValue => "valeur hors de la liste du standard, ignorée",
            WarningKind::NonStandardValue => {
                "valeur reconnue mais pas écrite comme dans le standard"
            }
            WarningKind::Truncated => "texte trop long, coupé",
            WarningKind::FieldTooLong => {
                "valeur démesurément longue, coupée (un lien trop long est ignoré)"
            }
            WarningKind::HorairesNotParsed => {
                "horaires illisibles au format OSM, affichés tels quels"
            }
        }
    }

    pub fn message_en(self) -> &'static str {
        match self {
            WarningKind::MissingPivot => "missing SIRET/RNA (pivot)",
            WarningKind::InvalidPivot => "invalid pivot (9 to 14 letters or digits expected)",
            WarningKind::MissingDateMaj => "missing update date",
            WarningKind::InvalidDateMaj => "invalid update date (YYYY-MM-DD expected)",
            WarningKind::InvalidCodeInsee => "invalid INSEE code, dropped",
            WarningKind::CodePostalPadded => "4-digit postal code padded with a 0",
            WarningKind::CoordinatesOutOfRange => "coordinates out of range, dropped",
            WarningKind::ZeroCoordinates => "coordinates 0, 0 read as missing",
            WarningKind::HalfCoordinates => "latitude without longitude (or the reverse), dropped",
            WarningKind::DecimalComma => "decimal comma read as a point",
            WarningKind::InvalidPhone => "unreadable phone number, dropped",
            WarningKind::PhoneNormalized => "phone number rewritten as +33…",
            WarningKind::UnsafeUrl => "web address not http(s) or unsafe, dropped",
            WarningKind::InvalidEmail => "invalid e-mail, dropped",
            WarningKind::UnknownValue => "value outside the standard's list, dropped",
            WarningKind::NonStandardValue => "value recognized but not spelled as in the standard",
            WarningKind::Truncated => "text too long, cut",
            WarningKind::FieldTooLong => "absurdly long value, cut (a link that long is dropped)",
            WarningKind::HorairesNotParsed => "opening hours not in OSM syntax, shown as text",
        }
    }

    /// Whether the original row broke the standard v1.0.2 (what `lieux validate` counts).
    pub fn breaks_schema(self) -> bool {
        self != WarningKind::HorairesNotParsed
    }
}

/// A problem repaired on a kept row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWarning {
    pub row: usize,
    pub line: Option<usize>,
    pub column: Column,
    pub kind: WarningKind,
    /// The offending value (cleaned, cut to 80 characters), possibly empty.
    pub detail: String,
}

/// The outcome of reading a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseReport {
    pub format: FileFormat,
    pub version: SchemaVersion,
    /// Data rows found (blank CSV lines excluded).
    pub rows_read: usize,
    pub places: Vec<Place>,
    pub skipped: Vec<SkippedRow>,
    pub warnings: Vec<RowWarning>,
    /// Columns or keys that are not part of either version of the standard (ignored).
    pub unknown_columns: Vec<String>,
    /// CSV in v1: columns of the standard missing from the header. A complete v1.0.2 file has
    /// all 32 (JSON files may leave out empty keys: always empty for them).
    pub missing_v1_columns: Vec<Column>,
}

impl ParseReport {
    /// Skipped rows counted by reason, most frequent reasons first.
    pub fn skipped_by_reason(&self) -> Vec<(SkipReason, usize)> {
        count_sorted(self.skipped.iter().map(|s| s.reason))
    }

    /// Warnings counted by kind, most frequent first.
    pub fn warnings_by_kind(&self) -> Vec<(WarningKind, usize)> {
        count_sorted(self.warnings.iter().map(|w| w.kind))
    }

    /// Rows that break the standard v1.0.2: skipped, or kept with a schema warning.
    pub fn invalid_rows(&self) -> usize {
        let mut rows: HashSet<usize> = self.skipped.iter().map(|s| s.row).collect();
        rows.extend(
            self.warnings
                .iter()
                .filter(|w| w.kind.breaks_schema())
                .map(|w| w.row),
        );
        rows.len()
    }
}

fn count_sorted<K: Ord + Copy>(keys: impl Iterator<Item = K>) -> Vec<(K, usize)> {
    let mut counts: BTreeMap<K, usize> = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    let mut sorted: Vec<(K, usize)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}
