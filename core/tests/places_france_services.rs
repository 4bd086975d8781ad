//! The ANCT list of France Services read into places: mapping, hours, quirks of the real file
//! (quoted text, unquoted coordinates, empty cells, line breaks in hours), hostile input.

use autonomie_core::places::france_services::{is_france_services, parse_france_services};
use autonomie_core::places::{
    AccessMode, Accompaniment, Column, Fee, FileError, FileFormat, Mobility, OpeningHours,
    ParseReport, Place, Programme, SchemaVersion, SkipReason, WarningKind,
};
use autonomie_core::Service;
use proptest::prelude::*;

/// The real file's header, as written (every name quoted).
const HEADER: &str = "\"id_fs\",\"insee_dep\",\"lib_fs\",\"adresse\",\"complement_adresse\",\"insee_com\",\"code_postal\",\"lib_com\",\"latitude\",\"longitude\",\"mail\",\"telephone\",\"h_lundi\",\"h_mardi\",\"h_mercredi\",\"h_jeudi\",\"h_vendredi\",\"h_samedi\",\"commentaire\",\"itinerance\",\"format_fs\",\"groupe\",\"labellisation\"";

/// Row 1 of the 2022-12-01 list, verbatim but for the comment.
const VALSERHONE: &str = "\"1\",\"01\",\"France services de Valserhône\",\"5-9 Rue des Papetiers\",,\"01033\",\"01200\",\"Valserhône\",46.1060711578546,5.8260084241619,\"franceservices@ccpb01.fr\",\"04 50 56 87 49\",\"09:00 - 12:00 / 13:30 - 17:00\",\"09:00 - 12:00 / 13:30 - 17:00\",\"09:00 - 12:00 / 13:30 - 17:00\",\"09:00 - 12:00 / 13:30 - 17:00\",\"09:00 - 12:00 / 13:30 - 16:00\",,\"Prise de rendez-vous conseillée\",\"Non\",\"Site principal\",,\"Espace labellisé 01/01/2020\"";

const DATE: &str = "2022-12-01";

fn file(rows: &[String]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn parse(text: &str) -> ParseReport {
    match parse_france_services(text.as_bytes(), DATE) {
        Ok(report) => report,
        Err(e) => panic!("should parse: {e}"),
    }
}

fn place<'a>(report: &'a ParseReport, id: &str) -> &'a Place {
    match report.places.iter().find(|p| p.id == id) {
        Some(place) => place,
        None => panic!("{id} should be kept: {:?}", report.skipped),
    }
}

/// A cell as the real file writes text: quoted, empty when empty.
fn q(value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!("\"{}\"", value.replace('"', "\"\""))
    }
}

/// The cells of one row, with the values of an ordinary France Services.
struct Row {
    id: &'static str,
    insee_dep: &'static str,
    nom: &'static str,
    adresse: &'static str,
    insee_com: &'static str,
    code_postal: &'static str,
    commune: &'static str,
    /// Written unquoted, as the real file does.
    latitude: &'static str,
    longitude: &'static str,
    mail: &'static str,
    telephone: &'static str,
    hours: [&'static str; 6],
    itinerance: &'static str,
}

impl Row {
    fn new(id: &'static str) -> Row {
        Row {
            id,
            insee_dep: "69",
            nom: "France services de Test",
            adresse: "1 place de la Mairie",
            insee_com: "69123",
            code_postal: "69001",
            commune: "Lyon",
            latitude: "45.767",
            longitude: "4.834",
            mail: "test@france-services.gouv.fr",
            telephone: "04 72 00 00 00",
            hours: ["09:00 - 12:00", "", "", "", "", ""],
            itinerance: "Non",
        }
    }

    fn hours(id: &'static str, hours: [&'static str; 6]) -> String {
        Row {
            hours,
            ..Row::new(id)
        }
        .line()
    }

    fn line(&self) -> String {
        let mut cells = vec![
            q(self.id),
            q(self.insee_dep),
            q(self.nom),
            q(self.adresse),
            String::new(),
            q(self.insee_com),
            q(self.code_postal),
            q(self.commune),
            self.latitude.to_string(),
            self.longitude.to_string(),
            q(self.mail),
            q(self.telephone),
        ];
        cells.extend(self.hours.iter().map(|h| q(h)));
        cells.extend([
            String::new(),
            q(self.itinerance),
            q("Site principal"),
            String::new(),
            q("Espace labellisé 01/01/2022"),
        ]);
        cells.join(",")
    }
}

fn warnings(report: &ParseReport, row: usize) -> Vec<(Column, WarningKind)> {
    report
        .warnings
        .iter()
        .filter(|w| w.row == row)
        .map(|w| (w.column, w.kind))
        .collect()
}

#[test]
fn a_normal_row_is_fully_mapped() {
    let report = parse(&file(&[VALSERHONE.to_string()]));
    assert_eq!(report.format, FileFormat::Csv { separator: ',' });
    assert_eq!(report.version, SchemaVersion::Legacy);
    assert_eq!(report.rows_read, 1);
    assert!(report.skipped.is_empty());
    assert_eq!(report.warnings, []);
    assert_eq!(
        report.unknown_columns,
        ["insee_dep", "format_fs", "groupe", "labellisation"]
    );
    assert_eq!(report.missing_v1_columns, []);
    let expected = Place {
        id: "france-services-1".into(),
        pivot: None,
        nom: "France services de Valserhône".into(),
        commune: "Valserhône".into(),
        code_postal: "01200".into(),
        code_insee: Some("01033".into()),
        adresse: "5-9 Rue des Papetiers".into(),
        complement_adresse: None,
        latitude: Some(46.1060711578546),
        longitude: Some(5.8260084241619),
        telephone: Some("+33450568749".into()),
        courriels: vec!["franceservices@ccpb01.fr".into()],
        horaires: Some("Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00".into()),
        presentation_detail: Some("Prise de rendez-vous conseillée".into()),
        source: Some("France Services (ANCT)".into()),
        itinerance: vec![Mobility::Fixed],
        date_maj: Some(DATE.into()),
        services: vec![Service::Demarches, Service::AccesInternetMateriel],
        frais_a_charge: vec![Fee::Free],
        dispositif_programmes_nationaux: vec![Programme::FranceServices],
        modalites_acces: vec![AccessMode::WalkIn, AccessMode::Phone, AccessMode::Email],
        modalites_accompagnement: vec![Accompaniment::Individual],
        ..Place::default()
    };
    assert_eq!(report.places, [expected]);
    let place = &report.places[0];
    assert!(place.is_free());
    assert!(place.offers(Service::Demarches));
    let hours = OpeningHours::parse(place.horaires.as_deref().unwrap_or_default());
    let hours = hours.expect("the hours built should read");
    assert_eq!(hours.day_text(4), "09:00–12:00, 13:30–16:00");
    assert_eq!(hours.day_text(5), "", "an empty Saturday is closed");
    assert_eq!(hours.day_text(6), "", "no Sunday column: closed");
}

#[test]
fn hours_in_the_shapes_of_the_file_become_osm() {
    let cases: [([&str; 6], &str); 5] = [
        (
            [
                "",
                "09:00-12:00/14:00-17:00",
                "09:00-12:00/14:00-17:00",
                "09:00-12:00/14:00-17:00",
                "09:00-12:00/14:00-17:00",
                "09:00-12:00",
            ],
            "Tu-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
        ),
        (
            [
                "9h-12h",
                "9h30 - 12h",
                "14h00-17h30",
                "Fermé",
                "-",
                "fermée",
            ],
            "Mo 09:00-12:00; Tu 09:30-12:00; We 14:00-17:30",
        ),
        (
            // The form's untouched slot, duplicated and overlapping ranges, a space before ':'.
            [
                "00:00 - 00:00 / 13:30 - 17:00",
                "00:00 - 00:00",
                "09:00 - 12:00 / 09:00 - 12:00 / 14:00 - 17:00",
                "09:00 - 16:00 / 13:00 - 16:00",
                "08 :30-12:00",
                "",
            ],
            "Mo 13:30-17:00; We 09:00-12:00,14:00-17:00; Th 09:00-16:00; Fr 08:30-12:00",
        ),
        (
            [
                "09:00-12:30-13:30-17:00",
                "09:00-12:00 14:00-16:30",
                "09:00-12:00,13:00-17:00",
                "09:30-12:30/\n\n 13:30-18:00",
                "09:00-12h00",
                "9h à 12h et 14h à 16h",
            ],
            "Mo 09:00-12:30,13:30-17:00; Tu 09:00-12:00,14:00-16:30; \
             We 09:00-12:00,13:00-17:00; Th 09:30-12:30,13:30-18:00; Fr 09:00-12:00; \
             Sa 09:00-12:00,14:00-16:00",
        ),
        (
            // Same hours on Monday and Wednesday but not Tuesday: not grouped.
            [
                "08:45 - 12:00",
                "13:30 - 17:45",
                "08:45 - 12:00",
                "08:45 - 12:00 / 13:30 - 17:45",
                "08:45 - 12:00 / 13:30 - 17:45",
                "",
            ],
            "Mo 08:45-12:00; Tu 13:30-17:45; We 08:45-12:00; Th-Fr 08:45-12:00,13:30-17:45",
        ),
    ];
    let ids = ["h1", "h2", "h3", "h4", "h5"];
    let rows: Vec<String> = cases
        .iter()
        .zip(ids)
        .map(|((hours, _), id)| Row::hours(id, *hours))
        .collect();
    let report = parse(&file(&rows));
    assert_eq!(report.places.len(), cases.len());
    for ((_, expected), id) in cases.iter().zip(ids) {
        let place = place(&report, &format!("france-services-{id}"));
        assert_eq!(place.horaires.as_deref(), Some(*expected), "{id}");
        assert!(OpeningHours::parse(expected).is_ok(), "{expected}");
    }
    assert_eq!(report.warnings, [], "readable hours need no warning");
}

#[test]
fn one_unreadable_day_leaves_the_whole_week_without_hours() {
    let bad = [
        "sur rendez-vous",
        "07:30:12:30",
        "01:00 - 17:00",
        "14:00 - 12:00",
        "09:00-13:00-/3:00-16:00",
        "9-12",
        "09:00",
        "09:00 - 12:00 / / 14:00 - 17:00",
        "matin",
        "09:00 - 12:00 /",
        "25:00 - 26:00",
    ];
    let ids = [
        "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11",
    ];
    let mut rows: Vec<String> = bad
        .iter()
        .zip(ids)
        .map(|(cell, id)| {
            Row::hours(
                id,
                [
                    "09:00 - 12:00",
                    "09:00 - 12:00",
                    cell,
                    "09:00 - 12:00",
                    "",
                    "",
                ],
            )
        })
        .collect();
    rows.push(Row::hours("empty", ["", "", "", "", "", ""]));
    rows.push(Row::hours(
        "placeholders",
        ["00:00 - 00:00", "-", "00:00 - 00:00", "", "-", ""],
    ));
    let report = parse(&file(&rows));
    assert_eq!(report.places.len(), bad.len() + 2, "{:?}", report.skipped);
    for (row, (cell, id)) in bad.iter().zip(ids).enumerate() {
        let place = place(&report, &format!("france-services-{id}"));
        assert_eq!(place.horaires, None, "{cell:?}");
        let found = report.warnings.iter().find(|w| w.row == row + 1);
        let warning = found.unwrap_or_else(|| panic!("{cell:?} should be reported"));
        assert_eq!(
            (warning.column, warning.kind),
            (Column::Horaires, WarningKind::UnknownValue)
        );
        assert!(
            warning.detail.starts_with("h_mercredi"),
            "{}",
            warning.detail
        );
    }
    // No opening on any day: nothing known, and nothing to report.
    assert_eq!(place(&report, "france-services-empty").horaires, None);
    assert_eq!(
        place(&report, "france-services-placeholders").horaires,
        None
    );
    assert_eq!(warnings(&report, bad.len() + 1), []);
    assert_eq!(warnings(&report, bad.len() + 2), []);
}

#[test]
fn zero_and_bad_coordinates_are_missing() {
    let rows = [
        Row {
            latitude: "0",
            longitude: "0",
            ..Row::new("zero")
        }
        .line(),
        Row {
            latitude: "",
            longitude: "",
            ..Row::new("empty")
        }
        .line(),
        Row {
            latitude: "\"45,767\"",
            longitude: "\"4,834\"",
            ..Row::new("comma")
        }
        .line(),
        Row {
            latitude: "145.2",
            longitude: "4.8",
            ..Row::new("range")
        }
        .line(),
        Row {
            latitude: "45.767",
            longitude: "",
            ..Row::new("half")
        }
        .line(),
        Row {
            latitude: "nord",
            longitude: "4.8",
            ..Row::new("text")
        }
        .line(),
    ];
    let report = parse(&file(&rows));
    for id in ["zero", "empty", "range", "half"] {
        let place = place(&report, &format!("france-services-{id}"));
        assert_eq!((place.latitude, place.longitude), (None, None), "{id}");
    }
    // 0/0 is the file's way to say unknown: the standard reader's remark, nothing else.
    assert_eq!(
        warnings(&report, 1),
        [(Column::Latitude, WarningKind::ZeroCoordinates)]
    );
    assert_eq!(warnings(&report, 2), []);
    let comma = place(&report, "france-services-comma");
    assert_eq!(
        (comma.latitude, comma.longitude),
        (Some(45.767), Some(4.834))
    );
    assert_eq!(
        warnings(&report, 3),
        [
            (Column::Latitude, WarningKind::DecimalComma),
            (Column::Longitude, WarningKind::DecimalComma)
        ]
    );
    assert_eq!(
        warnings(&report, 4),
        [(Column::Latitude, WarningKind::CoordinatesOutOfRange)]
    );
    assert_eq!(
        warnings(&report, 5),
        [(Column::Latitude, WarningKind::HalfCoordinates)]
    );
    // Not a number: skipped, as the standard reader does.
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].reason, SkipReason::UnparseableCoordinates);
    assert_eq!(
        report.skipped[0].id.as_deref(),
        Some("france-services-text")
    );
}

#[test]
fn a_four_digit_postal_code_is_padded() {
    let row = Row {
        code_postal: "1200",
        insee_com: "01033",
        ..Row::new("1")
    };
    let report = parse(&file(&[row.line()]));
    assert_eq!(place(&report, "france-services-1").code_postal, "01200");
    assert_eq!(
        warnings(&report, 1),
        [(Column::CodePostal, WarningKind::CodePostalPadded)]
    );
}

#[test]
fn rows_missing_what_every_place_needs_are_skipped_and_counted() {
    // The real file's 26 rows without any address look like the last one.
    let rows = [
        Row::new("ok").line(),
        Row {
            nom: "",
            ..Row::new("no-name")
        }
        .line(),
        Row {
            adresse: "   ",
            ..Row::new("no-address")
        }
        .line(),
        Row {
            code_postal: "69 001",
            ..Row::new("bad-code")
        }
        .line(),
        Row {
            code_postal: "",
            ..Row::new("no-code")
        }
        .line(),
        Row {
            adresse: "",
            insee_com: "",
            code_postal: "",
            commune: "",
            latitude: "",
            longitude: "",
            nom: "Antenne d’Anould",
            ..Row::new("2696")
        }
        .line(),
        Row {
            id: "",
            ..Row::new("")
        }
        .line(),
    ];
    let report = parse(&file(&rows));
    assert_eq!(report.rows_read, 7);
    assert_eq!(report.places.len(), 1);
    let skipped: Vec<(usize, Option<&str>, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.id.as_deref(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            (2, Some("france-services-no-name"), SkipReason::MissingNom),
            (
                3,
                Some("france-services-no-address"),
                SkipReason::MissingAdresse
            ),
            (
                4,
                Some("france-services-bad-code"),
                SkipReason::InvalidCodePostal
            ),
            (
                5,
                Some("france-services-no-code"),
                SkipReason::InvalidCodePostal
            ),
            (6, Some("france-services-2696"), SkipReason::MissingCommune),
            (7, None, SkipReason::MissingId),
        ]
    );
    assert_eq!(report.skipped[0].line, Some(3), "the header is line 1");
    assert_eq!(
        report.skipped_by_reason(),
        [
            (SkipReason::InvalidCodePostal, 2),
            (SkipReason::MissingId, 1),
            (SkipReason::MissingNom, 1),
            (SkipReason::MissingCommune, 1),
            (SkipReason::MissingAdresse, 1),
        ]
    );
}

#[test]
fn corsica_and_overseas_rows_are_kept() {
    let rows = [
        Row {
            insee_dep: "2A",
            insee_com: "2A004",
            code_postal: "20000",
            commune: "Ajaccio",
            latitude: "41.9267",
            longitude: "8.7369",
            telephone: "04 95 10 20 30",
            ..Row::new("ajaccio")
        }
        .line(),
        Row {
            insee_dep: "2B",
            insee_com: "2B033",
            code_postal: "20200",
            commune: "Bastia",
            ..Row::new("bastia")
        }
        .line(),
        Row {
            insee_dep: "974",
            insee_com: "97411",
            code_postal: "97400",
            commune: "Saint-Denis",
            latitude: "-20.8789",
            longitude: "55.4481",
            telephone: "02 62 90 00 00",
            ..Row::new("reunion")
        }
        .line(),
        Row {
            insee_dep: "976",
            insee_com: "97611",
            code_postal: "97600",
            commune: "Mamoudzou",
            telephone: "02 69 61 00 00",
            ..Row::new("mayotte")
        }
        .line(),
        Row {
            insee_dep: "973",
            insee_com: "97302",
            code_postal: "97300",
            commune: "Cayenne",
            latitude: "4.9372",
            longitude: "-52.326",
            telephone: "05 94 30 00 00",
            ..Row::new("guyane")
        }
        .line(),
    ];
    let report = parse(&file(&rows));
    assert_eq!(report.skipped, []);
    assert_eq!(report.warnings, []);
    let ajaccio = place(&report, "france-services-ajaccio");
    assert_eq!(
        (ajaccio.code_postal.as_str(), ajaccio.code_insee.as_deref()),
        ("20000", Some("2A004"))
    );
    assert_eq!(ajaccio.telephone.as_deref(), Some("+33495102030"));
    let bastia = place(&report, "france-services-bastia");
    assert_eq!(bastia.code_insee.as_deref(), Some("2B033"));
    let reunion = place(&report, "france-services-reunion");
    assert_eq!(reunion.code_postal, "97400");
    assert_eq!(reunion.latitude, Some(-20.8789));
    assert_eq!(reunion.telephone.as_deref(), Some("+262262900000"));
    let mayotte = place(&report, "france-services-mayotte");
    assert_eq!(mayotte.telephone.as_deref(), Some("+262269610000"));
    let guyane = place(&report, "france-services-guyane");
    assert_eq!(guyane.longitude, Some(-52.326));
    assert_eq!(guyane.telephone.as_deref(), Some("+594594300000"));
}

#[test]
fn only_safe_emails_are_kept() {
    let rows = [
        Row {
            mail: "javascript:alert(1)",
            ..Row::new("js")
        }
        .line(),
        // Real values: a space inside is never cut into another address.
        Row {
            mail: "maisondes services@nogentleroi.fr",
            ..Row::new("space")
        }
        .line(),
        Row {
            mail: "mfs@ville-louvres",
            ..Row::new("nodot")
        }
        .line(),
        Row {
            mail: "france-service@carct.fr - maisondelagglo@carct.fr",
            ..Row::new("two")
        }
        .line(),
        Row {
            mail: "\u{a0}lile-rousse@france-services.gouv.fr",
            ..Row::new("nbsp")
        }
        .line(),
        Row {
            mail: "<script>@evil.fr",
            ..Row::new("markup")
        }
        .line(),
    ];
    let report = parse(&file(&rows));
    for (row, id) in [(1, "js"), (2, "space"), (3, "nodot"), (6, "markup")] {
        let place = place(&report, &format!("france-services-{id}"));
        assert_eq!(place.courriels, Vec::<String>::new(), "{id}");
        assert!(!place.modalites_acces.contains(&AccessMode::Email), "{id}");
        assert_eq!(
            warnings(&report, row),
            [(Column::Courriels, WarningKind::InvalidEmail)],
            "{id}"
        );
    }
    assert_eq!(
        place(&report, "france-services-two").courriels,
        ["france-service@carct.fr", "maisondelagglo@carct.fr"]
    );
    assert_eq!(
        place(&report, "france-services-nbsp").courriels,
        ["lile-rousse@france-services.gouv.fr"]
    );
}

#[test]
fn phone_itinerance_and_access_modes() {
    let rows = [
        Row {
            telephone: "appelez la mairie",
            itinerance: "Oui",
            ..Row::new("bus")
        }
        .line(),
        Row {
            telephone: "",
            mail: "",
            itinerance: "",
            ..Row::new("bare")
        }
        .line(),
    ];
    let report = parse(&file(&rows));
    let bus = place(&report, "france-services-bus");
    assert_eq!(bus.itinerance, [Mobility::Mobile]);
    assert_eq!(bus.telephone, None);
    assert_eq!(bus.modalites_acces, [AccessMode::WalkIn, AccessMode::Email]);
    assert_eq!(
        warnings(&report, 1),
        [(Column::Telephone, WarningKind::InvalidPhone)]
    );
    let bare = place(&report, "france-services-bare");
    assert_eq!(bare.itinerance, [Mobility::Fixed]);
    assert_eq!(bare.modalites_acces, [AccessMode::WalkIn]);
    assert_eq!(warnings(&report, 2), []);
}

#[test]
fn the_header_says_whether_it_is_the_list() {
    assert!(is_france_services(file(&[]).as_bytes()));
    assert!(is_france_services(
        b"\xef\xbb\xbfID_FS;Lib_Fs ;adresse\r\n1;X;Y\r\n"
    ));
    assert!(!is_france_services(
        b"id,nom,commune,code_postal,adresse\n1,X,Lyon,69001,1 rue X\n"
    ));
    assert!(!is_france_services(b"id_fs,nom\n1,X\n"), "lib_fs too");
    assert!(!is_france_services(b""));
    assert!(!is_france_services(b"\xff\xfe\x00i\x00d"));
    assert!(!is_france_services(b"[{\"id_fs\": 1, \"lib_fs\": \"X\"}]"));
    // The header is the first record, not any line.
    assert!(!is_france_services(b"id,nom\nid_fs,lib_fs\n"));
}

#[test]
fn a_file_that_is_not_the_list_is_an_error() {
    let standard = "id,nom,commune,code_postal,adresse\n1,Médiathèque,Lyon,69001,1 rue X\n";
    assert_eq!(
        parse_france_services(standard.as_bytes(), DATE),
        Err(FileError::MissingColumns(vec![
            "id_fs", "lib_fs", "lib_com"
        ]))
    );
    assert_eq!(
        parse_france_services(b"id_fs,lib_fs\n1,X\n", DATE),
        Err(FileError::MissingColumns(vec![
            "adresse",
            "code_postal",
            "lib_com"
        ]))
    );
    assert_eq!(parse_france_services(b"", DATE), Err(FileError::Empty));
    assert_eq!(
        parse_france_services(b"\xef\xbb\xbf \r\n\n", DATE),
        Err(FileError::Empty)
    );
    assert!(matches!(
        parse_france_services(b"\x00\x01\x02\xff", DATE),
        Err(FileError::MissingColumns(_))
    ));
}

#[test]
fn every_cell_quoted_semicolons_bom_and_crlf() {
    let text = "\u{feff}\"id_fs\";\"lib_fs\";\"adresse\";\"code_postal\";\"lib_com\";\"insee_com\";\"latitude\";\"longitude\";\"h_lundi\";\"h_mardi\";\"mail\";\"itinerance\"\r\n\
                \"12\";\"France services \"\"Cœur de ville\"\"; mairie\";\"2 rue Haute\";\"38000\";\"Grenoble\";\"38185\";\"45,1885\";\"5,7245\";\"09:30-12:30/\r\n\r\n 13:30-18:00\";\"\";\"\";\"Oui\"\r\n\
                \r\n\
                \"13\";\"Antenne\";\"3 rue Basse\";\"38000\";\"Grenoble\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"\r\n";
    let report = parse(text);
    assert_eq!(report.format, FileFormat::Csv { separator: ';' });
    assert_eq!(report.rows_read, 2, "the blank line is not a row");
    let first = place(&report, "france-services-12");
    assert_eq!(first.nom, "France services \"Cœur de ville\"; mairie");
    assert_eq!(first.code_insee.as_deref(), Some("38185"));
    assert_eq!(
        (first.latitude, first.longitude),
        (Some(45.1885), Some(5.7245))
    );
    assert_eq!(
        first.horaires.as_deref(),
        Some("Mo 09:30-12:30,13:30-18:00")
    );
    assert_eq!(first.itinerance, [Mobility::Mobile]);
    let second = place(&report, "france-services-13");
    assert_eq!(report.skipped, []);
    assert_eq!(second.horaires, None);
    assert_eq!(second.location(), None);
    assert_eq!(
        report
            .places
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["france-services-12", "france-services-13"]
    );
}

#[test]
fn broken_rows_duplicates_and_a_bad_date() {
    let mut text = file(&[
        Row::new("1").line(),
        Row::new("1").line(),
        "\"2\",\"69\",\"Trop court\"".to_string(),
        Row {
            insee_com: "0null",
            ..Row::new("3")
        }
        .line(),
    ]);
    text.push_str("\"4\",\"69\",\"Jamais fermé");
    let report = match parse_france_services(text.as_bytes(), "01/12/2022") {
        Ok(report) => report,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(report.rows_read, 5);
    let reasons: Vec<SkipReason> = report.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            SkipReason::DuplicateId,
            SkipReason::WrongColumnCount,
            SkipReason::UnterminatedQuote
        ]
    );
    assert_eq!(report.places.len(), 2);
    for place in &report.places {
        assert_eq!(place.date_maj, None);
    }
    assert_eq!(
        warnings(&report, 1),
        [(Column::DateMaj, WarningKind::InvalidDateMaj)]
    );
    let third = place(&report, "france-services-3");
    assert_eq!(third.code_insee, None);
    assert!(warnings(&report, 4).contains(&(Column::CodeInsee, WarningKind::InvalidCodeInsee)));
}

#[test]
fn bytes_that_are_not_utf8_skip_their_row_or_the_file() {
    let mut bytes = file(&[Row::new("1").line()]).into_bytes();
    let mut latin1 = Row {
        commune: "Lyon",
        ..Row::new("2")
    }
    .line()
    .into_bytes();
    // "Valserh\xf4ne" in Latin-1 instead of the commune.
    let at = latin1.windows(4).position(|w| w == b"Lyon").unwrap_or(0);
    latin1.splice(at..at + 4, b"Valserh\xf4ne".iter().copied());
    bytes.extend_from_slice(&latin1);
    bytes.push(b'\n');
    let report = match parse_france_services(&bytes, DATE) {
        Ok(report) => report,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(report.places.len(), 1);
    assert_eq!(report.skipped[0].reason, SkipReason::NotUtf8);
    // As the standard reader does: the row's text cannot be trusted, its id included.
    assert_eq!(report.skipped[0].id, None);

    let mut only_latin1 = format!("{HEADER}\n").into_bytes();
    only_latin1.extend_from_slice(&latin1);
    assert!(matches!(
        parse_france_services(&only_latin1, DATE),
        Err(FileError::NotUtf8 { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_after_the_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        bytes.extend_from_slice(&tail);
        if let Ok(report) = parse_france_services(&bytes, DATE) {
            prop_assert_eq!(report.places.len() + report.skipped.len(), report.rows_read);
        }
        let _ = is_france_services(&tail);
        let _ = parse_france_services(&tail, DATE);
    }

    #[test]
    fn hours_built_always_read_back(
        cells in proptest::collection::vec(
            prop_oneof![
                // Shapes of the file, with their variations.
                "((0[0-9]|1[0-9]|2[0-4]) ?[:h]([0-5][0-9])? ?[-à] ?(0[0-9]|1[0-9]|2[0-4]) ?[:h]([0-5][0-9])?( ?[/,-]? ?)){1,3}",
                // Anything made of the same pieces.
                "([0-9]{1,3}|[:h -/,]|à|et|Fermé|00:00|1[0-9]:[0-5][0-9]|0[6-9]:[0-5][0-9]){0,12}",
            ],
            6,
        )
    ) {
        let hours: Vec<String> = cells.iter().map(|c| q(c)).collect();
        let row = format!(
            "\"p\",\"69\",\"X\",\"1 rue X\",,\"69123\",\"69001\",\"Lyon\",45.7,4.8,,,{},,\"Non\",,,",
            hours.join(",")
        );
        let report = parse(&file(&[row]));
        prop_assert_eq!(report.places.len(), 1);
        if let Some(text) = &report.places[0].horaires {
            prop_assert!(OpeningHours::parse(text).is_ok(), "{}", text);
        }
    }
}
