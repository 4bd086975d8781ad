//! Reading a places file: format and version detection, then each row normalized to v1.0.2
//! (what is kept, repaired or skipped is described in [`super::report`]).

use std::collections::HashSet;

use super::clean::{
    clean_text, normalize_phone, safe_email, safe_url, truncate_chars, MAX_URL_LEN,
};
use super::hours::OpeningHours;
use super::json_rows::{self, JsonRow, RawRow};
use super::legacy::{self, LabelTarget};
use super::model::{
    formation_label, service_from_folded, AccessMode, Accompaniment, Audience, Fee, Mobility,
    Place, Programme, Support,
};
use super::report::{
    FileError, FileFormat, ParseReport, RowWarning, SchemaVersion, SkipReason, SkippedRow,
    WarningKind,
};
use super::schema::Column;
use crate::coordinates::{self, read_degrees, Pair, Reading};
use crate::csv;
use crate::text::fold;
use crate::Service;

/// Biggest file accepted (a national file is a few tens of megabytes).
pub const MAX_FILE_BYTES: usize = 128 * 1024 * 1024;
/// Most rows read; the rest of a bigger file is ignored and reported.
pub const MAX_ROWS: usize = 200_000;
/// A value longer than this (in characters) is absurd: it is cut here before anything else
/// (then to its column's limit), with a warning. A row is never skipped for a long value.
pub const MAX_FIELD_CHARS: usize = 10_000;
/// Longest name kept; longer names are cut with an ellipsis.
pub const MAX_NAME_CHARS: usize = 200;

/// Reads a places file: CSV (`,` `;` or tab separated, RFC 4180 quoting, BOM and CRLF
/// tolerated) or JSON (an array of objects, or an object holding one), standard v1.0.2 or
/// legacy v0.1. Bad rows are skipped and reported, never fatal; only an unreadable file is an
/// error. Never panics, whatever the bytes.
///
/// ```
/// use autonomie_core::places::parse_places;
/// let csv = "id,nom,commune,code_postal,adresse\n1,Médiathèque,Lyon,69001,1 rue X\n2,,Lyon,69001,2 rue Y\n";
/// let report = parse_places(csv.as_bytes()).unwrap();
/// assert_eq!(report.places.len(), 1);
/// assert_eq!(report.skipped[0].row, 2);
/// ```
///
/// Text is decoded row by row: bytes that are not UTF-8 make their row skipped
/// ([`SkipReason::NotUtf8`]), not the whole file. A file where no row survives that (a file
/// saved in Latin-1, say) is [`FileError::NotUtf8`].
pub fn parse_places(bytes: &[u8]) -> Result<ParseReport, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_places_str(text),
        Err(error) => {
            // Each bad sequence becomes U+FFFD; the rows holding one are skipped.
            let text = String::from_utf8_lossy(bytes);
            let report = parse_text(&text, true)?;
            let not_utf8 = |s: &SkippedRow| s.reason == SkipReason::NotUtf8;
            if report.places.is_empty() && report.skipped.iter().any(not_utf8) {
                return Err(FileError::NotUtf8 {
                    offset: error.valid_up_to(),
                });
            }
            Ok(report)
        }
    }
}

/// [`parse_places`] on text already decoded.
pub fn parse_places_str(text: &str) -> Result<ParseReport, FileError> {
    parse_text(text, false)
}

/// `lossy`: the text was decoded with U+FFFD for bytes that were not UTF-8. The France services
/// reader gives it the list's rows in the standard's columns ([`super::france_services`]).
pub(crate) fn parse_text(text: &str, lossy: bool) -> Result<ParseReport, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.trim_end().is_empty() {
        return Err(FileError::Empty);
    }
    if trimmed.starts_with(['[', '{']) {
        read_json(trimmed, lossy)
    } else {
        read_csv(text, lossy)
    }
}

/// Builds the report row by row, so that memory follows the places kept, not the file.
struct Collector {
    report: ParseReport,
    seen_ids: HashSet<String>,
    data_rows: usize,
    /// The text had bytes that were not UTF-8, now U+FFFD (see [`parse_places`]).
    lossy: bool,
}

impl Collector {
    fn new(
        format: FileFormat,
        version: SchemaVersion,
        unknown_columns: Vec<String>,
        lossy: bool,
    ) -> Collector {
        Collector {
            report: ParseReport {
                format,
                version,
                rows_read: 0,
                places: Vec::new(),
                skipped: Vec::new(),
                warnings: Vec::new(),
                unknown_columns,
                missing_v1_columns: Vec::new(),
            },
            seen_ids: HashSet::new(),
            data_rows: 0,
            lossy,
        }
    }

    /// Counts a new data row; `false` once past [`MAX_ROWS`] (reported once).
    fn next_row(&mut self, line: Option<usize>) -> Option<usize> {
        self.data_rows += 1;
        let row = self.data_rows;
        if row > MAX_ROWS {
            if row == MAX_ROWS + 1 {
                self.report.rows_read += 1;
                self.skip(row, line, SkipReason::TooManyRows, String::new());
            }
            return None;
        }
        self.report.rows_read += 1;
        Some(row)
    }

    fn skip(&mut self, row: usize, line: Option<usize>, reason: SkipReason, detail: String) {
        self.report.skipped.push(SkippedRow {
            row,
            line,
            id: None,
            reason,
            detail,
        });
    }

    fn row(&mut self, row: usize, line: Option<usize>, raw: &RawRow) {
        if self.lossy && raw.has_char(char::REPLACEMENT_CHARACTER) {
            self.skip(row, line, SkipReason::NotUtf8, String::new());
            return;
        }
        let mut builder = RowBuilder {
            raw,
            row,
            line,
            version: self.report.version,
            warnings: Vec::new(),
        };
        match builder.build() {
            Ok(place) => {
                if self.seen_ids.contains(&place.id) {
                    self.report.skipped.push(SkippedRow {
                        row,
                        line,
                        id: Some(excerpt(&place.id)),
                        reason: SkipReason::DuplicateId,
                        detail: String::new(),
                    });
                    return;
                }
                self.seen_ids.insert(place.id.clone());
                self.report.warnings.append(&mut builder.warnings);
                self.report.places.push(place);
            }
            Err((reason, detail)) => self.report.skipped.push(SkippedRow {
                row,
                line,
                id: raw
                    .get(Column::Id)
                    .map(|id| excerpt(&clean_text(id)))
                    .filter(|id| !id.is_empty()),
                reason,
                detail,
            }),
        }
    }
}

fn has(columns_seen: u64, column: Column) -> bool {
    columns_seen & (1 << column.index()) != 0
}

fn check_required(columns_seen: u64) -> Result<(), FileError> {
    let missing: Vec<&'static str> = Column::REQUIRED_TO_IMPORT
        .into_iter()
        .filter(|&c| !has(columns_seen, c))
        .map(Column::name)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(FileError::MissingColumns(missing))
    }
}

fn read_csv(text: &str, lossy: bool) -> Result<ParseReport, FileError> {
    let separator = csv::detect_separator(text);
    let mut records = csv::Reader::new(text, separator);
    let header = records.next().ok_or(FileError::Empty)?;
    let columns: Vec<Option<Column>> = header
        .fields
        .iter()
        .map(|h| Column::from_header(h))
        .collect();
    let mut columns_seen = 0u64;
    let mut unknown_columns = Vec::new();
    for (name, column) in header.fields.iter().zip(&columns) {
        match column {
            Some(c) => columns_seen |= 1 << c.index(),
            None if !name.trim().is_empty() => unknown_columns.push(excerpt(&clean_text(name))),
            None => {}
        }
    }
    check_required(columns_seen)?;
    let version = detect_version(columns_seen, || {
        // Only when the columns do not tell: look at the first service values.
        let index = columns.iter().position(|c| *c == Some(Column::Services));
        let samples = csv::Reader::new(text, separator)
            .skip(1)
            .take(1000)
            .filter_map(move |record| index.and_then(|i| record.fields.get(i).cloned()));
        services_hint(samples)
    });
    let format = FileFormat::Csv {
        separator: char::from(separator),
    };
    let mut collector = Collector::new(format, version, unknown_columns, lossy);
    if version == SchemaVersion::V1 {
        collector.report.missing_v1_columns = Column::V1
            .into_iter()
            .filter(|&c| !has(columns_seen, c))
            .collect();
    }
    for record in records {
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = Some(record.line);
        let Some(row) = collector.next_row(line) else {
            break;
        };
        if record.unterminated {
            collector.skip(row, line, SkipReason::UnterminatedQuote, String::new());
            continue;
        }
        if record.fields.len() != columns.len() {
            let detail = format!("{} au lieu de {}", record.fields.len(), columns.len());
            collector.skip(row, line, SkipReason::WrongColumnCount, detail);
            continue;
        }
        let mut raw = RawRow::default();
        for (value, column) in record.fields.into_iter().zip(&columns) {
            if let Some(column) = column {
                raw.set(*column, value);
            }
        }
        collector.row(row, line, &raw);
    }
    Ok(collector.report)
}

fn read_json(text: &str, lossy: bool) -> Result<ParseReport, FileError> {
    let scan = json_rows::scan(text).map_err(FileError::Json)?;
    // An array of no objects has no keys: an empty list of places, not a wrong file.
    if scan.objects > 0 {
        check_required(scan.columns_seen)?;
    }
    let version = detect_version(scan.columns_seen, || {
        services_hint(scan.services_samples.iter().cloned())
    });
    let unknown = scan
        .unknown_keys
        .iter()
        .map(|k| excerpt(&clean_text(k)))
        .collect();
    let mut collector = Collector::new(FileFormat::Json, version, unknown, lossy);
    let outcome = json_rows::for_each_row(text, &scan, &mut |_, element| {
        let Some(row) = collector.next_row(None) else {
            return;
        };
        match element {
            JsonRow::Object { raw, .. } => collector.row(row, None, &raw),
            JsonRow::NotAnObject => {
                collector.skip(row, None, SkipReason::NotAnObject, String::new())
            }
        }
    });
    outcome.map_err(FileError::Json)?;
    Ok(collector.report)
}

/// The version the first recognizable service value suggests.
fn services_hint(samples: impl Iterator<Item = String>) -> Option<SchemaVersion> {
    for services in samples {
        for value in services.split(['|', ';']) {
            let folded = fold(value);
            if service_from_folded(&folded).is_some() {
                return Some(SchemaVersion::V1);
            }
            if legacy::services(&folded).is_some() {
                return Some(SchemaVersion::Legacy);
            }
        }
    }
    None
}

/// v1 if a v1-only column is present, legacy if a v0.1-only column is; otherwise the
/// service values decide (`hint` is only called then), and v1 by default.
fn detect_version(
    columns_seen: u64,
    hint: impl FnOnce() -> Option<SchemaVersion>,
) -> SchemaVersion {
    let any = |test: fn(Column) -> bool| {
        (0..Column::COUNT)
            .filter(|&i| columns_seen & (1 << i) != 0)
            .filter_map(|i| Column::V1.get(i).copied().or_else(|| legacy_column(i)))
            .any(test)
    };
    if any(Column::is_v1_only) {
        SchemaVersion::V1
    } else if any(Column::is_legacy_only) {
        SchemaVersion::Legacy
    } else {
        hint().unwrap_or(SchemaVersion::V1)
    }
}

/// The legacy-only column of index `i` (they follow the 32 v1 columns).
fn legacy_column(i: usize) -> Option<Column> {
    [
        Column::Courriel,
        Column::ConditionsAcces,
        Column::PublicsAccueillis,
        Column::LabelsNationaux,
        Column::LabelsAutres,
        Column::Accessibilite,
    ]
    .into_iter()
    .find(|c| c.index() == i)
}

/// At most 80 characters of a value, for reports.
fn excerpt(value: &str) -> String {
    let mut text = value.to_string();
    truncate_chars(&mut text, 80);
    text
}

/// Soft length limits (characters) per column: longer values are cut.
fn max_chars(column: Column) -> usize {
    match column {
        Column::Nom => MAX_NAME_CHARS,
        Column::Id | Column::Commune | Column::Source => 200,
        Column::Adresse | Column::ComplementAdresse | Column::StructureParente => 300,
        Column::PresentationResume => 280,
        Column::PresentationDetail => 4000,
        // Horaires, lists, free texts: far above real values, well below absurd ones.
        _ => 1000,
    }
}

struct RowBuilder<'a> {
    raw: &'a RawRow,
    row: usize,
    line: Option<usize>,
    version: SchemaVersion,
    warnings: Vec<RowWarning>,
}

type Skip = (SkipReason, String);

impl<'a> RowBuilder<'a> {
    fn warn(&mut self, column: Column, kind: WarningKind, value: &str) {
        self.warnings.push(RowWarning {
            row: self.row,
            line: self.line,
            column,
            kind,
            detail: excerpt(&clean_text(value)),
        });
    }

    /// The raw value, cut at [`MAX_FIELD_CHARS`] when absurdly long (with a warning).
    fn raw(&mut self, column: Column) -> Option<&'a str> {
        let raw = self.raw.get(column)?;
        Some(match raw.char_indices().nth(MAX_FIELD_CHARS) {
            Some((end, _)) => {
                self.warn(column, WarningKind::FieldTooLong, "");
                &raw[..end]
            }
            None => raw,
        })
    }

    /// The cleaned value cut to its column's limit (with a warning), `None` when empty.
    fn text(&mut self, column: Column) -> Option<String> {
        let raw = self.raw(column)?;
        let mut value = clean_text(raw);
        if value.is_empty() {
            return None;
        }
        if truncate_chars(&mut value, max_chars(column)) {
            self.warn(column, WarningKind::Truncated, "");
        }
        Some(value)
    }

    fn required(&mut self, column: Column, missing: SkipReason) -> Result<String, Skip> {
        self.text(column).ok_or((missing, String::new()))
    }

    /// Splits a multi-valued cell. v1 uses `|`; v0.1 used `;`, accepted everywhere a value
    /// cannot itself contain one.
    fn values(&mut self, column: Column, semicolon_too: bool) -> Vec<String> {
        let Some(raw) = self.raw(column) else {
            return Vec::new();
        };
        raw.split(|c| c == '|' || (semicolon_too && c == ';'))
            .map(clean_text)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Values of a closed list: v1 labels first, then `legacy` for v0.1 values.
    fn closed_list<T: Copy + PartialEq>(
        &mut self,
        column: Column,
        label: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for value in self.values(column, true) {
            match parse(&value) {
                Some(found) => {
                    if label(found) != value {
                        self.warn(column, WarningKind::NonStandardValue, &value);
                    }
                    push_unique(&mut out, found);
                }
                None => self.warn(column, WarningKind::UnknownValue, &value),
            }
        }
        out
    }

    fn url(&mut self, column: Column) -> Option<String> {
        let raw = self.raw.get(column)?.trim();
        if raw.is_empty() {
            return None;
        }
        let url = safe_url(raw);
        if url.is_none() {
            self.warn(column, WarningKind::UnsafeUrl, raw);
        }
        url
    }

    fn build(&mut self) -> Result<Place, Skip> {
        let id = self.required(Column::Id, SkipReason::MissingId)?;
        let nom = self.required(Column::Nom, SkipReason::MissingNom)?;
        let commune = self.required(Column::Commune, SkipReason::MissingCommune)?;
        let code_postal = self.code_postal()?;
        let adresse = self.required(Column::Adresse, SkipReason::MissingAdresse)?;
        let (latitude, longitude) = self.coordinates()?;

        let mut place = Place {
            id,
            nom,
            commune,
            code_postal,
            adresse,
            latitude,
            longitude,
            ..Place::default()
        };
        place.pivot = self.pivot();
        place.code_insee = self.code_insee();
        place.complement_adresse = self.text(Column::ComplementAdresse);
        place.typologie = self.values(Column::Typologie, true);
        place.telephone = self.telephone();
        place.courriels = self.emails();
        place.site_web = self.websites();
        place.horaires = self.horaires();
        place.presentation_resume = self.text(Column::PresentationResume);
        place.presentation_detail = self.text(Column::PresentationDetail);
        place.source = self.text(Column::Source);
        place.itinerance =
            self.closed_list(Column::Itinerance, Mobility::label, Mobility::from_label);
        place.structure_parente = self.text(Column::StructureParente);
        place.date_maj = self.date_maj();
        self.services(&mut place);
        self.publics(&mut place);
        self.fees(&mut place);
        self.labels(&mut place);
        place.modalites_acces = self.closed_list(
            Column::ModalitesAcces,
            AccessMode::label,
            AccessMode::from_label,
        );
        self.accompaniment(&mut place);
        place.fiche_acces_libre = self
            .url(Column::FicheAccesLibre)
            .or_else(|| self.url(Column::Accessibilite));
        place.prise_rdv = self.url(Column::PriseRdv);
        Ok(place)
    }

    fn code_postal(&mut self) -> Result<String, Skip> {
        let raw = self.raw.get(Column::CodePostal).unwrap_or("").trim();
        match crate::postal_code::from_file(raw) {
            Some((code, padded)) => {
                if padded {
                    self.warn(Column::CodePostal, WarningKind::CodePostalPadded, raw);
                }
                Ok(code)
            }
            None => Err((SkipReason::InvalidCodePostal, excerpt(&clean_text(raw)))),
        }
    }

    /// The row's location, by the rules of [`crate::coordinates`]: a decimal comma is read
    /// with a warning, `0`, `0` and out-of-range values are dropped with a warning, text that
    /// is not a number skips the row.
    fn coordinates(&mut self) -> Result<(Option<f64>, Option<f64>), Skip> {
        let lat = self.coordinate(Column::Latitude)?;
        let lon = self.coordinate(Column::Longitude)?;
        match coordinates::pair(lat, lon) {
            Pair::Point(point) => Ok((Some(point.lat), Some(point.lon))),
            Pair::Missing => Ok((None, None)),
            Pair::Zero => {
                self.warn(Column::Latitude, WarningKind::ZeroCoordinates, "");
                Ok((None, None))
            }
            Pair::OutOfRange => {
                // The texts as given: formatting the numbers would carry the float formatter
                // into the wasm (14 KB).
                let given = format!(
                    "{}, {}",
                    self.raw.get(Column::Latitude).unwrap_or("").trim(),
                    self.raw.get(Column::Longitude).unwrap_or("").trim()
                );
                self.warn(Column::Latitude, WarningKind::CoordinatesOutOfRange, &given);
                Ok((None, None))
            }
            Pair::Half => {
                self.warn(Column::Latitude, WarningKind::HalfCoordinates, "");
                Ok((None, None))
            }
        }
    }

    fn coordinate(&mut self, column: Column) -> Result<Option<f64>, Skip> {
        let raw = self.raw.get(column).unwrap_or("");
        match read_degrees(raw) {
            Reading::Empty => Ok(None),
            Reading::Value(value) => Ok(Some(value)),
            Reading::DecimalComma(value) => {
                self.warn(column, WarningKind::DecimalComma, raw.trim());
                Ok(Some(value))
            }
            Reading::Unreadable => Err((
                SkipReason::UnparseableCoordinates,
                excerpt(&clean_text(raw.trim())),
            )),
        }
    }

    fn pivot(&mut self) -> Option<String> {
        let Some(pivot) = self.text(Column::Pivot) else {
            self.warn(Column::Pivot, WarningKind::MissingPivot, "");
            return None;
        };
        let valid =
            (9..=14).contains(&pivot.len()) && pivot.bytes().all(|b| b.is_ascii_alphanumeric());
        if valid {
            Some(pivot)
        } else {
            self.warn(Column::Pivot, WarningKind::InvalidPivot, &pivot);
            None
        }
    }

    fn code_insee(&mut self) -> Option<String> {
        let code = self.text(Column::CodeInsee)?;
        let b = code.as_bytes();
        let department_ok = match (b.first(), b.get(1)) {
            (Some(b'2'), Some(b'A' | b'B' | b'1'..=b'9')) => true,
            (Some(b'0' | b'1' | b'3'..=b'9'), Some(d)) => d.is_ascii_digit(),
            _ => false,
        };
        if b.len() == 5 && department_ok && b[2..].iter().all(u8::is_ascii_digit) {
            Some(code)
        } else {
            self.warn(Column::CodeInsee, WarningKind::InvalidCodeInsee, &code);
            None
        }
    }

    fn telephone(&mut self) -> Option<String> {
        let values = self.values(Column::Telephone, true);
        let first = values.first()?;
        match normalize_phone(first) {
            Some(phone) => {
                if phone != *first || !standard_phone(&phone) {
                    self.warn(Column::Telephone, WarningKind::PhoneNormalized, first);
                }
                Some(phone)
            }
            None => {
                self.warn(Column::Telephone, WarningKind::InvalidPhone, first);
                None
            }
        }
    }

    fn emails(&mut self) -> Vec<String> {
        let mut values = self.values(Column::Courriels, true);
        values.extend(self.values(Column::Courriel, true));
        let mut out = Vec::new();
        for value in values {
            match safe_email(&value) {
                Some(email) => push_unique(&mut out, email),
                None => self.warn(Column::Courriels, WarningKind::InvalidEmail, &value),
            }
        }
        out
    }

    fn websites(&mut self) -> Vec<String> {
        let legacy = self.version == SchemaVersion::Legacy;
        let mut out = Vec::new();
        for value in self.values(Column::SiteWeb, legacy) {
            if value.len() > MAX_URL_LEN {
                self.warn(Column::SiteWeb, WarningKind::FieldTooLong, "");
                continue;
            }
            match safe_url(&value) {
                Some(url) => push_unique(&mut out, url),
                None => self.warn(Column::SiteWeb, WarningKind::UnsafeUrl, &value),
            }
        }
        out
    }

    fn horaires(&mut self) -> Option<String> {
        let text = self.text(Column::Horaires)?;
        if OpeningHours::parse(&text).is_err() {
            self.warn(Column::Horaires, WarningKind::HorairesNotParsed, &text);
        }
        Some(text)
    }

    fn date_maj(&mut self) -> Option<String> {
        let Some(date) = self.text(Column::DateMaj) else {
            self.warn(Column::DateMaj, WarningKind::MissingDateMaj, "");
            return None;
        };
        if valid_date(&date) {
            Some(date)
        } else {
            self.warn(Column::DateMaj, WarningKind::InvalidDateMaj, &date);
            None
        }
    }

    fn services(&mut self, place: &mut Place) {
        for value in self.values(Column::Services, true) {
            if let Some(exact) = Service::ALL.into_iter().find(|s| s.label() == value) {
                push_unique(&mut place.services, exact);
                continue;
            }
            let folded = fold(&value);
            if let Some(service) = service_from_folded(&folded) {
                if service.label() != value {
                    self.warn(Column::Services, WarningKind::NonStandardValue, &value);
                }
                push_unique(&mut place.services, service);
            } else if let Some(services) = legacy::services(&folded) {
                self.legacy_value(Column::Services, &value);
                for &service in services {
                    push_unique(&mut place.services, service);
                }
            } else {
                self.warn(Column::Services, WarningKind::UnknownValue, &value);
            }
        }
    }

    /// A v0.1 value: expected in a legacy file, a schema violation in a v1 file.
    fn legacy_value(&mut self, column: Column, value: &str) {
        if self.version == SchemaVersion::V1 {
            self.warn(column, WarningKind::NonStandardValue, value);
        }
    }

    fn publics(&mut self, place: &mut Place) {
        place.publics_specifiquement_adresses = self.closed_list(
            Column::PublicsSpecifiquementAdresses,
            Audience::label,
            Audience::from_label,
        );
        place.prise_en_charge_specifique = self.closed_list(
            Column::PriseEnChargeSpecifique,
            Support::label,
            Support::from_label,
        );
        let values: Vec<String> = self.values(Column::PublicsAccueillis, true);
        let general_public = values.iter().any(|v| legacy::is_general_public(&fold(v)));
        for value in values {
            match legacy::publics(&fold(&value)) {
                Some((audiences, supports)) => {
                    if !general_public {
                        for &audience in audiences {
                            push_unique(&mut place.publics_specifiquement_adresses, audience);
                        }
                    }
                    for &support in supports {
                        push_unique(&mut place.prise_en_charge_specifique, support);
                    }
                }
                None => self.warn(Column::PublicsAccueillis, WarningKind::UnknownValue, &value),
            }
        }
    }

    fn fees(&mut self, place: &mut Place) {
        place.frais_a_charge = self.closed_list(Column::FraisACharge, Fee::label, Fee::from_label);
        for value in self.values(Column::ConditionsAcces, true) {
            match legacy::condition(&fold(&value)) {
                Some(fee) => push_unique(&mut place.frais_a_charge, fee),
                None => self.warn(Column::ConditionsAcces, WarningKind::UnknownValue, &value),
            }
        }
    }

    fn labels(&mut self, place: &mut Place) {
        place.dispositif_programmes_nationaux = self.closed_list(
            Column::DispositifProgrammesNationaux,
            Programme::label,
            Programme::from_label,
        );
        for value in self.values(Column::FormationsLabels, true) {
            match formation_label(&value) {
                Some(label) => push_unique(&mut place.formations_labels, label.to_string()),
                None => self.warn(Column::FormationsLabels, WarningKind::UnknownValue, &value),
            }
        }
        let mut others: Vec<String> = self
            .text(Column::AutresFormationsLabels)
            .into_iter()
            .collect();
        for value in self.values(Column::LabelsNationaux, true) {
            match legacy::label(&fold(&value)) {
                Some(LabelTarget::Programme(programme)) => {
                    push_unique(&mut place.dispositif_programmes_nationaux, programme)
                }
                Some(LabelTarget::Formation(label)) => {
                    push_unique(&mut place.formations_labels, label.to_string())
                }
                Some(LabelTarget::Other) | None => push_unique(&mut others, value),
            }
        }
        others.extend(self.values(Column::LabelsAutres, true));
        if !others.is_empty() {
            let mut joined = others.join(", ");
            truncate_chars(&mut joined, 1000);
            place.autres_formations_labels = Some(joined);
        }
    }

    fn accompaniment(&mut self, place: &mut Place) {
        for value in self.values(Column::ModalitesAccompagnement, true) {
            if let Some(found) = Accompaniment::from_label(&value) {
                if found.label() != value {
                    self.warn(
                        Column::ModalitesAccompagnement,
                        WarningKind::NonStandardValue,
                        &value,
                    );
                }
                push_unique(&mut place.modalites_accompagnement, found);
            } else if let Some((accompaniment, programme)) = legacy::modalite(&fold(&value)) {
                self.legacy_value(Column::ModalitesAccompagnement, &value);
                if let Some(accompaniment) = accompaniment {
                    push_unique(&mut place.modalites_accompagnement, accompaniment);
                }
                if let Some(programme) = programme {
                    push_unique(&mut place.dispositif_programmes_nationaux, programme);
                }
            } else {
                self.warn(
                    Column::ModalitesAccompagnement,
                    WarningKind::UnknownValue,
                    &value,
                );
            }
        }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// The schema's pattern: `+33`, `+590`, `+594`, `+262`, `+596`, `+269`, `+687`, `+689`,
/// `+508` or `+681`, then 6 to 9 digits.
fn standard_phone(phone: &str) -> bool {
    const CODES: [&str; 10] = [
        "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
    ];
    CODES.into_iter().any(|code| {
        phone.strip_prefix(code).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// `YYYY-MM-DD` with a plausible month and day.
fn valid_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    matches!(
        (number(0..4), number(5..7), number(8..10)),
        (Some(1900..=2100), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_shape_and_range() {
        assert!(valid_date("2024-04-02"));
        assert!(!valid_date("2024-4-2"));
        assert!(!valid_date("2024-13-01"));
        assert!(!valid_date("02/04/2024"));
        assert!(!valid_date("2024-0é-01"));
    }

    #[test]
    fn standard_phone_follows_the_schema_pattern() {
        assert!(standard_phone("+33180059880"));
        assert!(standard_phone("+590590123456"));
        assert!(!standard_phone("+3225551234"));
    }
}
