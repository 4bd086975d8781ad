//! Reader for the ANCT "liste des France services" CSV: each row becomes a normalized
//! [`Place`](super::Place) (standard v1.0.2 of mediation places), so that the command-line tool can merge
//! the France Services into the national places index.
//!
//! # The source
//!
//! The Agence nationale de la cohésion des territoires (ANCT) publishes on data.gouv.fr the
//! list of the labelled France Services, fixed and mobile, and of their antennas. The copy
//! this reader was written against is `liste-fs-20221201.csv` (2,683 rows, as kept by
//! `anct-cartographie-nationale/mednum-cli`). It is a comma-separated CSV, UTF-8 without a
//! BOM, with text cells quoted, coordinates unquoted and empty cells left empty; a few hours
//! cells hold line breaks inside their quotes. Its 23 columns are:
//! `id_fs, insee_dep, lib_fs, adresse, complement_adresse, insee_com, code_postal, lib_com,
//! latitude, longitude, mail, telephone, h_lundi, h_mardi, h_mercredi, h_jeudi, h_vendredi,
//! h_samedi, commentaire, itinerance, format_fs, groupe, labellisation`.
//! The file has no per-row update date: the caller passes the list's publication date.
//!
//! # How it is read
//!
//! The list is rewritten, row by row, in the standard's 32 columns ([`Column::V1`]), then read
//! by the standard reader ([`super::parse`]): every rule of that reader applies as to any
//! places file, written once. Size, encoding (a row with bytes that are not UTF-8 is skipped),
//! row limit, required values and their order (id, nom, commune, code postal, adresse: the
//! real file's 26 rows without any address are `missing_commune`), the postal code (4 digits
//! padded), the INSEE code, coordinates (decimal comma, `0`,`0` read as unknown, out of range
//! dropped), phone normalization, e-mails ([`super::clean::safe_email`]), the `date_maj`
//! check, text cleaning and length limits, duplicate ids. Warnings name the standard's
//! columns. The report says [`FileFormat::Csv`] with the list's separator, and lists the
//! list's columns this reader does not use in [`ParseReport::unknown_columns`] (`insee_dep`,
//! `format_fs`, `groupe`, `labellisation` in the real file). Two remarks of the standard reader
//! are left out, being about the list's shape rather than a row: `missing_pivot` (the list has
//! no SIRET) and `phone_normalized` (it always writes national numbers). A day whose hours
//! cannot be read is reported as [`WarningKind::UnknownValue`] on `horaires`, with the day.
//!
//! What this file decides is only the mapping below. Column names are matched trimmed and
//! case-insensitively, in any order; the file is this list when its header has `id_fs` and
//! `lib_fs` ([`is_france_services`]), and reading it needs `adresse`, `code_postal` and
//! `lib_com` too ([`FileError::MissingColumns`] otherwise). A row with not as many fields as
//! the header is skipped ([`SkipReason::WrongColumnCount`]), an unclosed quote ends the file
//! ([`SkipReason::UnterminatedQuote`]). The report says [`SchemaVersion::Legacy`]: the list
//! is mapped onto v1, as v0.1 files are.
//!
//! # Mapping, column by column
//!
//! | France Services | standard column | rule |
//! |---|---|---|
//! | `id_fs` | `id` | `"france-services-"` + `id_fs`: prefixed so that it never collides with an id of another source in the merged index. Some rows have temporary ids (`temp_12`) that may change in a later list. |
//! | `lib_fs` | `nom` | |
//! | `lib_com` | `commune` | |
//! | `code_postal`, `insee_com` | `code_postal`, `code_insee` | |
//! | `adresse`, `complement_adresse` | `adresse`, `complement_adresse` | |
//! | `latitude`, `longitude` | `latitude`, `longitude` | |
//! | `telephone` | `telephone` | |
//! | `mail` | `courriels` | Values separated by `;`, `,`, `\|` or ` - ` (the real file has `a@x.fr - b@x.fr`). |
//! | `h_lundi` … `h_samedi` | `horaires` | Converted to OSM `opening_hours` (below). |
//! | `commentaire` | `presentation_detail` | Often about the hours ("Sur rendez-vous le vendredi") that the OSM hours cannot say. |
//! | `itinerance` | `itinerance` | `Oui` (any case) → `Itinérant`; anything else → `Fixe`. |
//! | `insee_dep`, `format_fs`, `groupe`, `labellisation` | — | Not mapped. The département follows from the postal code; an antenna is a France Services like a main site; `groupe` is an internal label; `labellisation` is the labelling date, not an update date. |
//!
//! # Values every France Services gets
//!
//! These come from what the France Services label itself guarantees (the national charter),
//! not from the row:
//! - `dispositif_programmes_nationaux` = [`Programme::FranceServices`];
//! - `frais_a_charge` = [`Fee::Free`]: the help is free of charge;
//! - `modalites_accompagnement` = [`Accompaniment::Individual`]: an agent helps each person;
//! - `modalites_acces` = [`AccessMode::WalkIn`] (every France Services has public opening
//!   hours at a counter or, for a bus, at its stops), plus [`AccessMode::Phone`] when the row
//!   has a phone number and [`AccessMode::Email`] when it has an e-mail;
//! - `services` = [`Service::Demarches`] (help with administrative procedures, the purpose of
//!   the label) and [`Service::AccesInternetMateriel`] (every France Services must offer free
//!   access to a connected computer, a printer and a scanner). No other service is certainly
//!   true of every one of them: help with job-centre procedures is a procedure (already
//!   `Demarches`), not the digital job-search coaching of `InsertionPro` (which the national
//!   cartography's own import does add); learning everyday digital tools, safe use,
//!   parenting, leisure, understanding the digital world and buying equipment are offered by
//!   some sites, not promised by the label;
//! - `source` = `"France Services (ANCT)"`; `date_maj` = the `date_maj` argument (the list's
//!   publication date; the standard reader checks it).
//!
//! Left empty: `typologie`, `site_web`, `presentation_resume`, `structure_parente`,
//! `publics_specifiquement_adresses` (France Services are for everyone, and the field lists
//! publics a place specifically addresses), `prise_en_charge_specifique`, `formations_labels`,
//! `autres_formations_labels`, `fiche_acces_libre`, `prise_rdv`.
//!
//! # Opening hours
//!
//! Each `h_*` cell is free text. The real file has 971 distinct values; their shapes, most
//! frequent first: `09:00 - 12:00 / 13:30 - 17:00`, `09:00 - 12:00`, empty,
//! `09:00-12:00/13:30-17:00`, `09:00-12:00`, `-`, three to five ranges joined by ` / `, then a
//! handful of one-offs (`09:00-12:00,13:30-17:00`, `09:00-12:00 14:00-16:30`,
//! `09:00-12:30-13:30-17:00`, `08 :30-12:00`, `09:00-12h00`, a line break after the `/`,
//! `07:30:12:30`, `09:00-13:00-/3:00-16:00`). A cell reads as:
//! - closed: empty, `-`, `Fermé`/`Fermée`/`closed` (any case, accents optional);
//! - ranges: times `HH:MM`, `H:MM`, `HHhMM`, `Hh` (a space before the `:` tolerated), each
//!   range two times joined by `-`, `–`, `—` or `à`, ranges separated by `/`, `,`, `;`,
//!   `+`, `&`, `et`, white space or `-` (at most one separator between two ranges);
//! - anything else is unreadable: words (`sur rendez-vous`, `matin`), a time without its
//!   pair, two separators in a row, a lone hour (`9-12`), `07:30:12:30`.
//!
//! Within a day's ranges: `00:00 - 00:00` is dropped (the value the source's form leaves in
//! an untouched slot: "00:00 - 00:00 / 13:30 - 17:00" is an afternoon opening); a range
//! that ends before it starts, or that starts before 06:00 or ends after 22:00, is
//! unreadable (the file has `01:00 - 17:00`, surely a typing slip, but of which digit?);
//! duplicated or overlapping ranges are merged (`09:00-12:00 / 09:00-12:00 / 14:00-17:00`
//! appears).
//!
//! One unreadable day leaves `horaires` empty (never guess): half a week would show the other
//! days as closed. A readable week where no day has a range is empty too: nothing is known.
//! Otherwise an empty day is closed (the list has one column per day and leaves the closed
//! ones empty, typically Saturday), Sunday is closed (no column), and the days are written in
//! order, consecutive days with the same ranges grouped:
//! `Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00`. The text is checked with
//! [`OpeningHours::parse`]; it always passes, but a failure would also leave it empty.
//!
//! Nothing here panics, whatever the bytes: cells are read with `get`, never by index.
//!
//! # On the 2022-12-01 list
//!
//! 2,683 rows read, 2,657 kept, 26 skipped (all `missing_commune`: antennas listed without
//! any address); 2,653 places with coordinates; 2,556 with hours (96 % of those kept: 98
//! have no hours at all, 3 have an unreadable day); 4 invalid e-mails and 1 invalid INSEE
//! code dropped.

use std::iter::Peekable;
use std::str::Chars;

use super::clean::{clean_text, normalize_phone, safe_email, truncate_chars};
use super::hours::OpeningHours;
use super::model::{AccessMode, Accompaniment, Fee, Mobility, Programme};
use super::parse::MAX_FILE_BYTES;
use super::report::{
    FileError, FileFormat, ParseReport, RowWarning, SchemaVersion, SkipReason, SkippedRow,
    WarningKind,
};
use super::schema::Column;
use crate::csv::{self, LineEnd};
use crate::text::fold;
use crate::Service;

/// Prefix of every place id: `france-services-` + `id_fs`.
pub const ID_PREFIX: &str = "france-services-";
/// The `source` of every place.
pub const SOURCE: &str = "France Services (ANCT)";

/// Earliest opening and latest closing believed (minutes since midnight).
const EARLIEST_OPENING: u16 = 6 * 60;
const LATEST_CLOSING: u16 = 22 * 60;

/// The columns this reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    IdFs,
    LibFs,
    Adresse,
    ComplementAdresse,
    InseeCom,
    CodePostal,
    LibCom,
    Latitude,
    Longitude,
    Mail,
    Telephone,
    HLundi,
    HMardi,
    HMercredi,
    HJeudi,
    HVendredi,
    HSamedi,
    Commentaire,
    Itinerance,
}

impl Field {
    const ALL: [Field; 19] = [
        Field::IdFs,
        Field::LibFs,
        Field::Adresse,
        Field::ComplementAdresse,
        Field::InseeCom,
        Field::CodePostal,
        Field::LibCom,
        Field::Latitude,
        Field::Longitude,
        Field::Mail,
        Field::Telephone,
        Field::HLundi,
        Field::HMardi,
        Field::HMercredi,
        Field::HJeudi,
        Field::HVendredi,
        Field::HSamedi,
        Field::Commentaire,
        Field::Itinerance,
    ];

    /// Columns without which the file cannot be read.
    const REQUIRED: [Field; 5] = [
        Field::IdFs,
        Field::LibFs,
        Field::Adresse,
        Field::CodePostal,
        Field::LibCom,
    ];

    /// Monday to Saturday; the list has no Sunday.
    const DAYS: [Field; 6] = [
        Field::HLundi,
        Field::HMardi,
        Field::HMercredi,
        Field::HJeudi,
        Field::HVendredi,
        Field::HSamedi,
    ];

    fn name(self) -> &'static str {
        match self {
            Field::IdFs => "id_fs",
            Field::LibFs => "lib_fs",
            Field::Adresse => "adresse",
            Field::ComplementAdresse => "complement_adresse",
            Field::InseeCom => "insee_com",
            Field::CodePostal => "code_postal",
            Field::LibCom => "lib_com",
            Field::Latitude => "latitude",
            Field::Longitude => "longitude",
            Field::Mail => "mail",
            Field::Telephone => "telephone",
            Field::HLundi => "h_lundi",
            Field::HMardi => "h_mardi",
            Field::HMercredi => "h_mercredi",
            Field::HJeudi => "h_jeudi",
            Field::HVendredi => "h_vendredi",
            Field::HSamedi => "h_samedi",
            Field::Commentaire => "commentaire",
            Field::Itinerance => "itinerance",
        }
    }
}

/// Where each used column is in the header.
struct Header {
    index: [Option<usize>; Field::ALL.len()],
    /// Header fields that are not a used column (cleaned, non-empty).
    unused: Vec<String>,
}

impl Header {
    fn new(fields: &[String]) -> Header {
        let mut index = [None; Field::ALL.len()];
        let mut unused = Vec::new();
        for (i, raw) in fields.iter().enumerate() {
            let name = raw
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            match Field::ALL.iter().position(|f| f.name() == name) {
                Some(f) => {
                    if let Some(slot) = index.get_mut(f) {
                        // A repeated column: the first one is read.
                        slot.get_or_insert(i);
                    }
                }
                None => {
                    let cleaned = clean_text(raw);
                    if !cleaned.is_empty() {
                        unused.push(excerpt(&cleaned));
                    }
                }
            }
        }
        Header { index, unused }
    }

    fn has(&self, field: Field) -> bool {
        self.index.get(field as usize).copied().flatten().is_some()
    }

    fn missing_required(&self) -> Vec<&'static str> {
        Field::REQUIRED
            .into_iter()
            .filter(|&f| !self.has(f))
            .map(Field::name)
            .collect()
    }

    /// The cell of `field` in a record, empty when the column is absent.
    fn cell<'r>(&self, fields: &'r [String], field: Field) -> &'r str {
        self.index
            .get(field as usize)
            .copied()
            .flatten()
            .and_then(|i| fields.get(i))
            .map_or("", String::as_str)
    }
}

/// Whether a CSV's header row is the France Services list's (has `id_fs` and `lib_fs`).
/// Reads only the start of the file; never panics.
pub fn is_france_services(bytes: &[u8]) -> bool {
    // The header is at the start; 64 KiB is far more than any header.
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    let decoded = String::from_utf8_lossy(head);
    let text: &str = &decoded;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = csv::detect_separator(text.trim_start());
    let Some(header) = csv::Reader::new(text, separator).next() else {
        return false;
    };
    let header = Header::new(&header.fields);
    header.has(Field::IdFs) && header.has(Field::LibFs)
}

/// Reads the list. `date_maj` (YYYY-MM-DD) is the list's publication date: the file has no
/// per-row date. Bad rows are skipped and reported; only a file that is not this list (or not
/// readable at all) is an error. Never panics. See the module documentation for every rule.
pub fn parse_france_services(bytes: &[u8], date_maj: &str) -> Result<ParseReport, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    // Bytes that are not UTF-8 become U+FFFD; the standard reader skips their rows.
    let (text, not_utf8_at) = match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(error) => (String::from_utf8_lossy(bytes), Some(error.valid_up_to())),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let separator = csv::detect_separator(text.trim_start());
    let header = csv::Reader::new(text, separator)
        .next()
        .map(|record| Header::new(&record.fields))
        .ok_or(FileError::Empty)?;
    let missing = header.missing_required();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns(missing));
    }
    let rewritten = to_standard(text, separator, &header, date_maj);
    let mut report = super::parse::parse_text(&rewritten.text, not_utf8_at.is_some())?;
    // Lines are the list's, not those of the rewritten text.
    let line_of = |row: usize| {
        row.checked_sub(1)
            .and_then(|i| rewritten.lines.get(i))
            .copied()
    };
    for skipped in &mut report.skipped {
        skipped.line = line_of(skipped.row).or(skipped.line);
    }
    for warning in &mut report.warnings {
        warning.line = line_of(warning.row).or(warning.line);
    }
    // Remarks about the list's shape rather than its rows: it has no SIRET, and always writes
    // national phone numbers; one per row would hide the rest.
    report.warnings.retain(|w| {
        !matches!(
            w.kind,
            WarningKind::MissingPivot | WarningKind::PhoneNormalized
        )
    });
    for (row, line, day) in rewritten.unreadable_hours {
        if report.skipped.iter().all(|s| s.row != row) {
            report.warnings.push(RowWarning {
                row,
                line: Some(line),
                column: Column::Horaires,
                kind: WarningKind::UnknownValue,
                detail: excerpt(&day),
            });
        }
    }
    report.warnings.sort_by_key(|w| w.row);
    if let Some(offset) = not_utf8_at {
        let not_utf8 = |s: &SkippedRow| s.reason == SkipReason::NotUtf8;
        if report.places.is_empty() && report.skipped.iter().any(not_utf8) {
            return Err(FileError::NotUtf8 { offset });
        }
    }
    report.format = FileFormat::Csv {
        separator: char::from(separator),
    };
    report.unknown_columns = header.unused;
    // Not the standard's shape: mapped onto v1, as the v0.1 files are.
    report.version = SchemaVersion::Legacy;
    Ok(report)
}

/// The list's rows written in the standard's 32 columns (see the module documentation), for
/// the standard reader. A row the list itself cannot hold (an unclosed quote, not as many
/// fields as the header) is written as a one-field row, which the standard reader skips as
/// [`SkipReason::WrongColumnCount`].
///
/// Also gives the rows whose hours could not be read: (row, line, the unreadable day), for a
/// warning.
fn to_standard(text: &str, separator: u8, header: &Header, date_maj: &str) -> Rewritten {
    let mut out = String::new();
    let mut lines = Vec::new();
    let mut unreadable_hours = Vec::new();
    let mut row = 0;
    csv::write_record(
        &mut out,
        Column::V1.iter().map(|c| c.name()),
        ',',
        LineEnd::Lf,
    );
    let mut records = csv::Reader::new(text, separator);
    let columns = records.next().map_or(0, |h| h.fields.len());
    for record in records {
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        row += 1;
        lines.push(record.line);
        if record.unterminated {
            // The rest of the file is in this record: the standard reader says so too.
            out.push_str("\"?");
            break;
        }
        if record.fields.len() != columns {
            out.push_str("?\n");
            continue;
        }
        let values = row_values(header, &record.fields, date_maj);
        if let Some(day) = unreadable_day(header, &record.fields) {
            unreadable_hours.push((row, record.line, day));
        }
        csv::write_record(
            &mut out,
            values.iter().map(String::as_str),
            ',',
            LineEnd::Lf,
        );
    }
    Rewritten {
        text: out,
        lines,
        unreadable_hours,
    }
}

/// The list in the standard's columns, with what its report needs from the original.
struct Rewritten {
    text: String,
    /// The list's line of each row (rows count from 1).
    lines: Vec<usize>,
    /// (row, line, the day) of each row whose hours could not be read.
    unreadable_hours: Vec<(usize, usize, String)>,
}

/// The first day whose hours cannot be read, as `h_mardi : 9-12`.
fn unreadable_day(header: &Header, fields: &[String]) -> Option<String> {
    Field::DAYS.into_iter().find_map(|field| {
        let cell = header.cell(fields, field);
        day_ranges(cell)
            .is_none()
            .then(|| format!("{} : {}", field.name(), clean_text(cell)))
    })
}

/// One row of the list as the values of [`Column::V1`], in that order.
fn row_values(header: &Header, fields: &[String], date_maj: &str) -> Vec<String> {
    let cell = |field: Field| header.cell(fields, field).trim();
    let id_fs = cell(Field::IdFs);
    let id = if id_fs.is_empty() {
        String::new()
    } else {
        format!("{ID_PREFIX}{id_fs}")
    };
    let phone = cell(Field::Telephone);
    let emails = emails(cell(Field::Mail));
    // The access modes the standard reader will keep a way for.
    let mut access = vec![AccessMode::WalkIn];
    if normalize_phone(phone).is_some() {
        access.push(AccessMode::Phone);
    }
    if emails.iter().any(|e| safe_email(e).is_some()) {
        access.push(AccessMode::Email);
    }
    let mobility = if fold(cell(Field::Itinerance)) == "oui" {
        Mobility::Mobile
    } else {
        Mobility::Fixed
    };
    let labels = |labels: &[&str]| labels.join("|");
    Column::V1
        .iter()
        .map(|&column| match column {
            Column::Id => id.clone(),
            Column::Nom => cell(Field::LibFs).to_string(),
            Column::Commune => cell(Field::LibCom).to_string(),
            Column::CodePostal => cell(Field::CodePostal).to_string(),
            Column::CodeInsee => cell(Field::InseeCom).to_string(),
            Column::Adresse => cell(Field::Adresse).to_string(),
            Column::ComplementAdresse => cell(Field::ComplementAdresse).to_string(),
            Column::Latitude => cell(Field::Latitude).to_string(),
            Column::Longitude => cell(Field::Longitude).to_string(),
            Column::Telephone => phone.to_string(),
            Column::Courriels => emails.join("|"),
            Column::Horaires => horaires(header, fields).unwrap_or_default(),
            Column::PresentationDetail => cell(Field::Commentaire).to_string(),
            Column::Source => SOURCE.to_string(),
            Column::Itinerance => mobility.label().to_string(),
            Column::DateMaj => date_maj.trim().to_string(),
            Column::Services => labels(&SERVICES.map(Service::label)),
            Column::FraisACharge => Fee::Free.label().to_string(),
            Column::DispositifProgrammesNationaux => Programme::FranceServices.label().to_string(),
            Column::ModalitesAcces => labels(&access.iter().map(|a| a.label()).collect::<Vec<_>>()),
            Column::ModalitesAccompagnement => Accompaniment::Individual.label().to_string(),
            _ => String::new(),
        })
        .collect()
}

/// The services every France services offers (see the module documentation).
const SERVICES: [Service; 2] = [Service::Demarches, Service::AccesInternetMateriel];

/// The addresses of a `mail` cell, separated by `;`, `,`, `|` or ` - `: the standard reader
/// then keeps those [`super::clean::safe_email`] accepts.
fn emails(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in cell.split([';', ',', '|']).flat_map(|v| v.split(" - ")) {
        let value = clean_text(value);
        if !value.is_empty() && !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

/// The week's hours as OSM `opening_hours`; `None` when a day cannot be read or no day has a
/// range.
fn horaires(header: &Header, fields: &[String]) -> Option<String> {
    let mut week: [Vec<(u16, u16)>; 6] = Default::default();
    for (day, field) in week.iter_mut().zip(Field::DAYS) {
        *day = day_ranges(header.cell(fields, field))?;
    }
    let text = osm_week(&week)?;
    // Always true of the text built above; never give hours that do not read.
    OpeningHours::parse(&text).ok().map(|_| text)
}

/// One token of an hours cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// Minutes since midnight.
    Time(u16),
    /// Between the two times of a range (`-`, `à`); also seen between two ranges.
    Dash,
    /// Between two ranges (`/`, `,`, `et`…).
    Separator,
}

/// A day's ranges, sorted and merged (empty when closed), `None` when the cell is
/// unreadable. See the module documentation for what is read.
fn day_ranges(cell: &str) -> Option<Vec<(u16, u16)>> {
    let text = cell.trim();
    if text.is_empty() || text == "-" {
        return Some(Vec::new());
    }
    let folded = fold(text);
    if matches!(folded.as_str(), "ferme" | "fermee" | "closed") {
        return Some(Vec::new());
    }
    let tokens = tokenize(text)?;
    let mut ranges: Vec<(u16, u16)> = Vec::new();
    let mut rest = tokens.as_slice();
    loop {
        let [Token::Time(start), Token::Dash, Token::Time(end), after @ ..] = rest else {
            return None;
        };
        if (*start, *end) != (0, 0) {
            if start >= end || *start < EARLIEST_OPENING || *end > LATEST_CLOSING {
                return None;
            }
            ranges.push((*start, *end));
        }
        rest = match after {
            [] => break,
            [Token::Separator | Token::Dash, next @ ..] => next,
            next => next,
        };
    }
    Some(super::hours::merge_ranges(ranges))
}

/// Splits an hours cell into tokens; `None` at the first character that is not part of a
/// time, a dash or a separator.
fn tokenize(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c.is_ascii_digit() {
            tokens.push(Token::Time(time(&mut chars)?));
            continue;
        }
        chars.next();
        let token = match c {
            '-' | '–' | '—' | 'à' => Token::Dash,
            '/' | ',' | ';' | '+' | '&' => Token::Separator,
            'e' | 'E' if chars.next_if(|n| matches!(n, 't' | 'T')).is_some() => {
                // "et" as a word: followed by a space or a digit.
                if chars.peek().is_some_and(|n| n.is_alphabetic()) {
                    return None;
                }
                Token::Separator
            }
            _ => return None,
        };
        tokens.push(token);
    }
    Some(tokens)
}

/// `HH:MM`, `H:MM`, `HHhMM`, `HHh`, `Hh` (a space before `:` or `h` tolerated), hours up to
/// 24, minutes up to 59; the iterator is on the first digit.
fn time(chars: &mut Peekable<Chars<'_>>) -> Option<u16> {
    let (hours, _) = digits(chars).filter(|&(_, n)| n > 0)?;
    while chars.next_if_eq(&' ').is_some() {}
    let minutes = match (chars.next()?, digits(chars)?) {
        (':' | 'h' | 'H', (minutes, 2)) => minutes,
        ('h' | 'H', (_, 0)) => 0,
        _ => return None,
    };
    if hours > 24 || minutes > 59 || (hours == 24 && minutes > 0) {
        return None;
    }
    Some(hours * 60 + minutes)
}

/// The ASCII digits at the iterator: their value and how many (possibly none); `None` when
/// there are more than 2.
fn digits(chars: &mut Peekable<Chars<'_>>) -> Option<(u16, usize)> {
    let mut value: u16 = 0;
    let mut count = 0;
    while let Some(d) = chars.next_if(char::is_ascii_digit) {
        count += 1;
        if count > 2 {
            return None;
        }
        value = value * 10 + u16::try_from(d.to_digit(10)?).ok()?;
    }
    Some((value, count))
}

/// The week as OSM `opening_hours`, consecutive days with the same ranges grouped; `None`
/// when no day has a range.
fn osm_week(week: &[Vec<(u16, u16)>; 6]) -> Option<String> {
    const DAYS: [&str; 6] = ["Mo", "Tu", "We", "Th", "Fr", "Sa"];
    let mut rules: Vec<String> = Vec::new();
    let mut day = 0;
    while let Some(ranges) = week.get(day) {
        let mut last = day;
        while week.get(last + 1) == Some(ranges) {
            last += 1;
        }
        if !ranges.is_empty() {
            let first_name = DAYS.get(day).copied().unwrap_or_default();
            let last_name = DAYS.get(last).copied().unwrap_or_default();
            let mut rule = if last == day {
                first_name.to_string()
            } else {
                format!("{first_name}-{last_name}")
            };
            rule.push(' ');
            for (i, &(start, end)) in ranges.iter().enumerate() {
                if i > 0 {
                    rule.push(',');
                }
                rule.push_str(&format!(
                    "{:02}:{:02}-{:02}:{:02}",
                    start / 60,
                    start % 60,
                    end / 60,
                    end % 60
                ));
            }
            rules.push(rule);
        }
        day = last + 1;
    }
    (!rules.is_empty()).then(|| rules.join("; "))
}

/// At most 80 characters of a value, for reports.
fn excerpt(value: &str) -> String {
    let mut text = value.to_string();
    truncate_chars(&mut text, 80);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_the_shapes_of_the_file() {
        let read = |s: &str| time(&mut s.chars().peekable());
        assert_eq!(read("09:00"), Some(540));
        assert_eq!(read("9:30"), Some(570));
        assert_eq!(read("12h00"), Some(720));
        assert_eq!(read("9h"), Some(540));
        assert_eq!(read("08 :30"), Some(510));
        assert_eq!(read("24:00"), Some(1440));
        assert_eq!(read("24:30"), None);
        assert_eq!(read("9:3"), None);
        assert_eq!(read("123:00"), None);
        assert_eq!(read("09"), None);
    }
}
