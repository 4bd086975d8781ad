//! Reading places files: both formats, both versions, hostile rows and unreadable files.

use autonomie_core::places::parse::{MAX_FILE_BYTES, MAX_ROWS};
use autonomie_core::places::{
    parse_places, parse_places_str, write, AccessMode, Accompaniment, Audience, Column, Fee,
    FileError, FileFormat, Mobility, ParseReport, Place, Programme, SchemaVersion, SkipReason,
    Support, WarningKind,
};
use autonomie_core::Service;

const V1_VALID: &[u8] = include_bytes!("fixtures/places/v1-valid.csv");
const V1_SEMICOLON: &[u8] = include_bytes!("fixtures/places/v1-semicolon-bom-crlf.csv");
const V01_HUB: &[u8] = include_bytes!("fixtures/places/v01-hub.json");
const V01_CNFS: &[u8] = include_bytes!("fixtures/places/v01-cnfs.json");
const V01_CSV: &[u8] = include_bytes!("fixtures/places/v01.csv");
const WRAPPED: &[u8] = include_bytes!("fixtures/places/wrapped.json");
const HOSTILE: &[u8] = include_bytes!("fixtures/places/hostile.csv");
const LATIN1: &[u8] = include_bytes!("fixtures/places/latin1.csv");
const EMPTY: &[u8] = include_bytes!("fixtures/places/empty.csv");

fn parse(bytes: &[u8]) -> ParseReport {
    match parse_places(bytes) {
        Ok(report) => report,
        Err(e) => panic!("fixture should parse: {e}"),
    }
}

fn place<'a>(report: &'a ParseReport, id: &str) -> &'a Place {
    match report.places.iter().find(|p| p.id == id) {
        Some(place) => place,
        None => panic!("place {id} should be kept"),
    }
}

fn warnings_of(report: &ParseReport, row: usize) -> Vec<WarningKind> {
    report
        .warnings
        .iter()
        .filter(|w| w.row == row)
        .map(|w| w.kind)
        .collect()
}

#[test]
fn v1_csv_reads_every_column() {
    let report = parse(V1_VALID);
    assert_eq!(report.format, FileFormat::Csv { separator: ',' });
    assert_eq!(report.version, SchemaVersion::V1);
    assert_eq!(report.rows_read, 4);
    assert_eq!(report.places.len(), 4);
    assert!(report.skipped.is_empty());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(report.missing_v1_columns.is_empty());
    assert_eq!(report.invalid_rows(), 0);

    let p = place(&report, "lyon-partdieu");
    assert_eq!(p.nom, "Médiathèque de la Part-Dieu");
    assert_eq!(p.pivot.as_deref(), Some("21690123100011"));
    assert_eq!(p.code_insee.as_deref(), Some("69383"));
    assert_eq!(
        p.complement_adresse.as_deref(),
        Some("2e étage, espace numérique")
    );
    assert_eq!((p.latitude, p.longitude), (Some(45.7606), Some(4.859)));
    assert_eq!(p.typologie, ["BIB", "MUNI"]);
    assert_eq!(p.telephone.as_deref(), Some("+33478620000"));
    assert_eq!(
        p.courriels,
        ["numerique@bm-lyon.example", "contact@bm-lyon.example"]
    );
    assert_eq!(
        p.site_web,
        ["https://www.bm-lyon.example/", "https://social.example/bm"]
    );
    assert_eq!(
        p.horaires.as_deref(),
        Some("Tu-Fr 10:00-19:00; Sa 10:00-18:00")
    );
    // Newlines in a quoted field are kept by the CSV reader, then folded to spaces.
    assert_eq!(
        p.presentation_detail.as_deref(),
        Some("Ateliers \"premiers pas\", le mardi. Inscription sur place.")
    );
    assert_eq!(p.itinerance, [Mobility::Fixed]);
    assert_eq!(p.date_maj.as_deref(), Some("2024-03-01"));
    assert_eq!(p.services, [Service::Demarches, Service::OutilsQuotidien]);
    assert_eq!(
        p.prise_en_charge_specifique,
        [Support::Deafness, Support::VisualImpairment]
    );
    assert_eq!(p.frais_a_charge, [Fee::Free]);
    assert_eq!(
        p.dispositif_programmes_nationaux,
        [Programme::AidantsConnect, Programme::FranceServices]
    );
    assert_eq!(p.formations_labels, ["Formé à « Mon Espace Santé »"]);
    assert_eq!(p.autres_formations_labels.as_deref(), Some("Label local"));
    assert_eq!(p.modalites_acces, [AccessMode::WalkIn, AccessMode::Phone]);
    assert_eq!(
        p.modalites_accompagnement,
        [Accompaniment::Individual, Accompaniment::Autonomous]
    );
    assert!(p
        .fiche_acces_libre
        .as_deref()
        .is_some_and(|u| u.starts_with("https://acceslibre")));
    assert_eq!(
        p.prise_rdv.as_deref(),
        Some("https://www.rdv-solidarites.fr/")
    );
    assert!(p.is_free() && p.has_aidants_connect());

    let paris = place(&report, "paris-11");
    assert_eq!(
        paris.publics_specifiquement_adresses,
        [Audience::Youth, Audience::Families]
    );
    assert_eq!(paris.services.len(), 4);
    assert!(!paris.is_free());
    let venissieux = place(&report, "venissieux-cyber");
    assert_eq!(venissieux.pivot.as_deref(), Some("W691234567"));
    assert_eq!(venissieux.itinerance, [Mobility::Mobile, Mobility::Fixed]);
}

#[test]
fn official_example_row_shape_is_accepted() {
    // The standard's own example (exemple-valide.csv) quotes some header names and not others.
    let text = "\"id\",\"pivot\",\"nom\",\"commune\",\"code_postal\",\"adresse\",\"date_maj\",formations_labels,modalites_accompagnement\n\
                \"structure-1\",\"43493312300029\",\"Anonymal\",\"Reims\",\"51100\",\"12 BIS RUE DE LECLERCQ\",\"2024-04-02\",\"Arnia/MedNum BFC (Bourgogne-Franche-Comté)\",\"Dans un atelier collectif|À distance|En autonomie|Accompagnement individuel\"\n";
    let report = parse(text.as_bytes());
    let p = place(&report, "structure-1");
    assert_eq!(p.modalites_accompagnement.len(), 4);
    assert_eq!(
        p.formations_labels,
        ["Arnia/MedNum BFC (Bourgogne-Franche-Comté)"]
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn semicolon_csv_with_bom_crlf_and_loose_headers() {
    let report = parse(V1_SEMICOLON);
    assert_eq!(report.format, FileFormat::Csv { separator: ';' });
    assert_eq!(report.version, SchemaVersion::V1);
    assert_eq!(report.places.len(), 2);
    let first = place(&report, "bourg-1");
    // "1000" lost its leading zero in a spreadsheet.
    assert_eq!(first.code_postal, "01000");
    // Decimal commas.
    assert_eq!(
        (first.latitude, first.longitude),
        (Some(46.2052), Some(5.2255))
    );
    assert_eq!(first.services, [Service::Demarches]);
    assert_eq!(first.frais_a_charge, [Fee::Free]);
    assert_eq!(first.telephone.as_deref(), Some("+33474450000"));
    assert_eq!(first.site_web, ["https://www.bourg.example/epn"]);
    let kinds = warnings_of(&report, 1);
    for expected in [
        WarningKind::CodePostalPadded,
        WarningKind::DecimalComma,
        WarningKind::NonStandardValue,
        WarningKind::PhoneNormalized,
    ] {
        assert!(
            kinds.contains(&expected),
            "{expected:?} missing from {kinds:?}"
        );
    }
    let second = place(&report, "bourg-2");
    assert_eq!(second.nom, "Point d'accès; numérique");
    assert_eq!(second.adresse, "5 rue \"Bichat\"");
    assert_eq!(second.location(), None);
    assert!(report.missing_v1_columns.contains(&Column::Pivot));
}

#[test]
fn legacy_json_is_mapped_onto_v1() {
    let report = parse(V01_HUB);
    assert_eq!(report.format, FileFormat::Json);
    assert_eq!(report.version, SchemaVersion::Legacy);
    assert_eq!(report.places.len(), 2);
    assert!(report.missing_v1_columns.is_empty());

    let msap = place(&report, "hub-1");
    assert_eq!(
        msap.services,
        [Service::AccesInternetMateriel, Service::Demarches]
    );
    // "Adultes" makes the place general public: no specific audience, but supports are kept.
    assert!(msap.publics_specifiquement_adresses.is_empty());
    assert_eq!(
        msap.prise_en_charge_specifique,
        [
            Support::Deafness,
            Support::MentalDisability,
            Support::Illiteracy
        ]
    );
    assert_eq!(msap.frais_a_charge, [Fee::Free, Fee::FreeUnderCondition]);
    assert_eq!(msap.modalites_accompagnement, [Accompaniment::Individual]);
    // "A ma place" is what Aidants Connect provides.
    assert!(msap.has_aidants_connect());
    assert_eq!(msap.courriels, ["msap@abondance.example"]);
    // v0.1 separated URLs with ';'.
    assert_eq!(
        msap.site_web,
        [
            "https://www.abondance.example/",
            "http://www.office-tourisme.example"
        ]
    );
    assert_eq!(msap.pivot.as_deref(), Some("00000000000000"));

    let women = place(&report, "hub-2");
    assert_eq!(
        women.services,
        [
            Service::OutilsQuotidien,
            Service::ComprendreNumerique,
            Service::UtilisationSecurisee,
            Service::Parentalite,
            Service::AcquisitionMateriel,
            Service::Loisirs,
            Service::InsertionPro,
        ]
    );
    assert_eq!(
        women.publics_specifiquement_adresses,
        [Audience::Women, Audience::Families]
    );
    assert_eq!(
        women.prise_en_charge_specifique,
        [Support::English, Support::OtherLanguages]
    );
    assert_eq!(women.frais_a_charge, [Fee::Paid]);
    assert_eq!(
        women.modalites_accompagnement,
        [Accompaniment::Workshop, Accompaniment::Autonomous]
    );
    assert_eq!(
        women.dispositif_programmes_nationaux,
        [Programme::CafDigitalPoint]
    );
    assert_eq!(women.formations_labels, ["Fabriques de Territoire"]);
    assert_eq!(
        women.autres_formations_labels.as_deref(),
        Some("APTIC, SudLabs")
    );
    assert!(women
        .fiche_acces_libre
        .as_deref()
        .is_some_and(|u| u.contains("acceslibre")));
    // Mapping v0.1 values is expected in a v0.1 file: no warning for it.
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn cnfs_export_with_its_typo_and_extra_keys() {
    let report = parse(V01_CNFS);
    assert_eq!(report.version, SchemaVersion::Legacy);
    assert_eq!(report.unknown_columns, ["structureId"]);
    let espoir = place(&report, "62592a1d05457b0790816e6c");
    // `conditions_access` (sic) is read as `conditions_acces`.
    assert_eq!(espoir.frais_a_charge, [Fee::Free]);
    assert_eq!(
        espoir.dispositif_programmes_nationaux,
        [
            Programme::ConseillersNumeriques,
            Programme::FranceServices,
            Programme::AidantsConnect
        ]
    );
    assert_eq!(
        espoir.services,
        [
            Service::OutilsQuotidien,
            Service::ComprendreNumerique,
            Service::UtilisationSecurisee
        ]
    );
    assert_eq!(
        espoir.prise_rdv.as_deref(),
        Some("https://www.rdv-aide-numerique.fr/?address=13011")
    );
    let harmonie = place(&report, "6259891c05457b0790817590");
    assert_eq!(harmonie.location(), None);
    // Malformed hours are kept as text and reported, without making the row invalid.
    assert_eq!(harmonie.horaires.as_deref(), Some("Mo 08:30-12:00-14:00"));
    assert_eq!(warnings_of(&report, 2), [WarningKind::HorairesNotParsed]);
    assert_eq!(report.invalid_rows(), 0);
}

#[test]
fn legacy_csv_uses_semicolons_inside_comma_separated_fields() {
    let report = parse(V01_CSV);
    assert_eq!(report.format, FileFormat::Csv { separator: ',' });
    assert_eq!(report.version, SchemaVersion::Legacy);
    let p = place(&report, "old-1");
    assert_eq!(p.services, [Service::OutilsQuotidien, Service::Demarches]);
    assert_eq!(p.frais_a_charge, [Fee::Paid]);
    // No "Adultes": the audiences are kept.
    assert_eq!(p.publics_specifiquement_adresses, [Audience::Seniors]);
    assert_eq!(p.prise_en_charge_specifique, [Support::VisualImpairment]);
    assert_eq!(p.site_web.len(), 2);
}

#[test]
fn json_rows_wrapped_in_an_object_with_numbers_and_lists() {
    let report = parse(WRAPPED);
    assert_eq!(report.rows_read, 2);
    assert_eq!(report.places.len(), 1);
    let p = place(&report, "42");
    assert_eq!(p.code_postal, "44000");
    assert_eq!((p.latitude, p.longitude), (Some(47.2), Some(-1.55)));
    assert_eq!(p.services, [Service::Demarches, Service::Loisirs]);
    assert_eq!(p.frais_a_charge, [Fee::Free]);
    // A nested object is not a value: treated as missing.
    assert_eq!(p.horaires, None);
    assert_eq!(p.pivot, None);
    assert!(warnings_of(&report, 1).contains(&WarningKind::MissingPivot));
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].reason, SkipReason::NotAnObject);
    assert_eq!(report.skipped[0].row, 2);
}

#[test]
fn hostile_rows_are_skipped_or_defused() {
    let report = parse(HOSTILE);
    assert_eq!(report.rows_read, 13);
    let reasons: Vec<(usize, Option<usize>, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (2, Some(3), SkipReason::MissingNom),
            (3, Some(4), SkipReason::InvalidCodePostal),
            (6, Some(7), SkipReason::UnparseableCoordinates),
            (7, Some(8), SkipReason::WrongColumnCount),
            (8, Some(9), SkipReason::DuplicateId),
            (11, Some(13), SkipReason::MissingId),
            (12, Some(14), SkipReason::MissingAdresse),
            (13, Some(15), SkipReason::UnterminatedQuote),
        ]
    );
    assert_eq!(report.skipped[1].detail, "6900A");
    assert_eq!(report.skipped[4].id.as_deref(), Some("h1"));
    let ids: Vec<&str> = report.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["h1", "h4", "h5", "h8", "h9"]);
    let counts = report.skipped_by_reason();
    assert_eq!(counts.len(), 8);
    assert!(counts.iter().all(|&(_, n)| n == 1));

    // HTML stays inert text: stored as written, escaped by the UI.
    let h1 = place(&report, "h1");
    assert_eq!(h1.nom, "<script>alert(\"x\")</script> <b>Lieu</b>");
    assert_eq!(h1.adresse, "1 rue <img src=x onerror=alert(1)>");
    assert!(h1.site_web.is_empty());
    assert_eq!(h1.prise_rdv, None);
    assert_eq!(h1.fiche_acces_libre, None);
    assert_eq!(h1.telephone, None);
    assert!(h1.courriels.is_empty());
    assert_eq!(h1.horaires.as_deref(), Some("<b>9h-12h</b>"));
    let h1_warnings = warnings_of(&report, 1);
    assert_eq!(
        h1_warnings
            .iter()
            .filter(|&&k| k == WarningKind::UnsafeUrl)
            .count(),
        3,
        "{h1_warnings:?}"
    );
    for expected in [
        WarningKind::InvalidPhone,
        WarningKind::InvalidEmail,
        WarningKind::HorairesNotParsed,
    ] {
        assert!(h1_warnings.contains(&expected), "{expected:?}");
    }

    // Absurd coordinates are dropped, the place kept.
    assert_eq!(place(&report, "h4").location(), None);
    assert!(warnings_of(&report, 4).contains(&WarningKind::CoordinatesOutOfRange));
    assert_eq!(place(&report, "h5").latitude, None);
    assert!(warnings_of(&report, 5).contains(&WarningKind::CoordinatesOutOfRange));
    assert_eq!(place(&report, "h9").location(), None);
    assert!(warnings_of(&report, 10).contains(&WarningKind::HalfCoordinates));

    // Control and bidi characters are gone; whitespace is one space.
    let h8 = place(&report, "h8");
    assert_eq!(h8.nom, "Evilgnp.exe[31m rouge");
    assert_eq!(h8.adresse, "1 rue X");
    assert!(h8.site_web.is_empty(), "credentials in a URL are refused");
    assert_eq!(h8.prise_rdv.as_deref(), Some("https://rdv.example/ok"));
    assert_eq!(h8.fiche_acces_libre, None, "a URL with a space is refused");
    assert_eq!(h8.telephone.as_deref(), Some("+33478000000"));
    assert_eq!(h8.courriels, ["ok@exemple.fr"]);
    assert_eq!(h8.services, [Service::Demarches]);
    assert_eq!(h8.date_maj, None);
    let h8_warnings = warnings_of(&report, 9);
    for expected in [
        WarningKind::UnknownValue,
        WarningKind::InvalidDateMaj,
        WarningKind::MissingPivot,
        WarningKind::InvalidEmail,
    ] {
        assert!(
            h8_warnings.contains(&expected),
            "{expected:?} in {h8_warnings:?}"
        );
    }
    assert!(report.invalid_rows() >= 8 + 3);
}

#[test]
fn huge_fields_are_cut_never_the_row() {
    let long_name = "N".repeat(300);
    let huge = "x".repeat(20_000);
    let giant_name = "Médiathèque ".repeat(200_000 / 12);
    let text = format!(
        "id,nom,commune,code_postal,adresse,presentation_detail,site_web\n\
         a,{long_name},Lyon,69001,1 rue X,{huge},https://exemple.fr/{huge}\n\
         {huge},Nom,Lyon,69001,1 rue X,,\n\
         c,Nom,Lyon,69001,{huge},,\n\
         d,{giant_name},Lyon,69001,1 rue X,,\n"
    );
    let report = parse(text.as_bytes());
    // What the README says: long texts are cut to their column's limit, links that long are
    // dropped, and no row is skipped for a long value.
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.places.len(), 4);
    let a = place(&report, "a");
    assert_eq!(a.nom.chars().count(), 200);
    assert!(a.nom.ends_with('…'));
    assert_eq!(
        a.presentation_detail.as_deref().map(|d| d.chars().count()),
        Some(4000)
    );
    assert!(a.site_web.is_empty());
    let kinds = warnings_of(&report, 1);
    assert!(kinds.contains(&WarningKind::Truncated));
    assert!(kinds.contains(&WarningKind::FieldTooLong));
    // The id is cut like any other text.
    assert!(report.places.iter().any(|p| p.id.chars().count() == 200));
    assert_eq!(place(&report, "c").adresse.chars().count(), 300);
    // A 200 KB name: the place is kept, its name cut to 200 characters.
    let d = place(&report, "d");
    assert_eq!(d.nom.chars().count(), 200);
    assert!(d.nom.starts_with("Médiathèque Médiathèque"));
}

#[test]
fn bytes_that_are_not_utf8_skip_their_row_only() {
    let mut file = b"id,nom,commune,code_postal,adresse\n".to_vec();
    for i in 1..=42 {
        if i == 17 {
            // Latin-1 "é" in one name.
            file.extend_from_slice(b"17,Caf\xe9 num\xe9rique,Lyon,69001,1 rue X\n");
        } else {
            file.extend_from_slice(format!("{i},Lieu {i},Lyon,69001,{i} rue X\n").as_bytes());
        }
    }
    let report = parse_places(&file).expect("41 good rows are readable");
    assert_eq!(report.rows_read, 42);
    assert_eq!(report.places.len(), 41);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].reason, SkipReason::NotUtf8);
    assert_eq!(report.skipped[0].row, 17);
    assert_eq!(report.skipped[0].line, Some(18));
    // The same in JSON.
    let json = b"[{\"id\":\"1\",\"nom\":\"Caf\xe9\",\"commune\":\"Lyon\",\"code_postal\":\"69001\",\"adresse\":\"1 rue X\"},\
                 {\"id\":\"2\",\"nom\":\"Lieu\",\"commune\":\"Lyon\",\"code_postal\":\"69001\",\"adresse\":\"2 rue X\"}]";
    let report = parse_places(json).expect("one good row");
    assert_eq!(report.places.len(), 1);
    assert_eq!(report.skipped[0].reason, SkipReason::NotUtf8);
    // A genuine U+FFFD in a valid UTF-8 file is just a character.
    let valid = "id,nom,commune,code_postal,adresse\n1,Caf\u{fffd},Lyon,69001,1 rue X\n";
    assert_eq!(parse(valid.as_bytes()).places.len(), 1);
}

#[test]
fn presentation_resume_is_cut_to_the_standard_limit() {
    let resume = "é".repeat(400);
    let text = format!("id,nom,commune,code_postal,adresse,presentation_resume\na,Nom,Lyon,69001,1 rue X,{resume}\n");
    let report = parse(text.as_bytes());
    let resume = place(&report, "a")
        .presentation_resume
        .clone()
        .unwrap_or_default();
    assert_eq!(resume.chars().count(), 280);
}

#[test]
fn unreadable_files_are_errors_not_panics() {
    assert_eq!(parse_places(EMPTY), Err(FileError::Empty));
    assert_eq!(parse_places(b" \n\r\n\t"), Err(FileError::Empty));
    assert_eq!(parse_places(b"\xef\xbb\xbf"), Err(FileError::Empty));
    assert_eq!(parse_places(LATIN1), Err(FileError::NotUtf8 { offset: 40 }));
    let latin1 = parse_places(LATIN1)
        .err()
        .map(|e| e.message_fr())
        .unwrap_or_default();
    assert!(latin1.contains("UTF-8"), "{latin1}");
    assert!(matches!(
        parse_places(b"[{\"id\": 1,]"),
        Err(FileError::Json(_))
    ));
    assert!(matches!(
        parse_places(b"{\"no\": \"rows\"}"),
        Err(FileError::Json(_))
    ));
    // A CSV that is not a places file.
    match parse_places(b"name,city\nX,Lyon\n") {
        Err(FileError::MissingColumns(missing)) => {
            assert_eq!(missing, ["id", "nom", "commune", "code_postal", "adresse"])
        }
        other => panic!("expected missing columns, got {other:?}"),
    }
    // A header alone, or an empty array, is an empty list of places.
    let header_only = parse(b"id,nom,commune,code_postal,adresse\n");
    assert_eq!((header_only.rows_read, header_only.places.len()), (0, 0));
    assert_eq!(parse(b"[]").places.len(), 0);
}

#[test]
fn rows_past_the_limit_are_reported_once() {
    // 200,001 tiny elements: a hostile file must not grow memory or reports without bound.
    let text = format!("[{}1]", "1,".repeat(MAX_ROWS));
    let report = parse(text.as_bytes());
    assert_eq!(report.rows_read, MAX_ROWS + 1);
    assert_eq!(report.skipped.len(), MAX_ROWS + 1);
    assert_eq!(
        report.skipped.last().map(|s| (s.row, s.reason)),
        Some((MAX_ROWS + 1, SkipReason::TooManyRows))
    );
    assert_eq!(
        report.skipped_by_reason()[0],
        (SkipReason::NotAnObject, MAX_ROWS)
    );
    let too_big = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(
        parse_places(&too_big),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn duplicate_ids_keep_the_first_row() {
    let report = parse(b"id,nom,commune,code_postal,adresse\nx,Premier,Lyon,69001,1 rue\nx,Second,Lyon,69001,2 rue\n");
    assert_eq!(report.places.len(), 1);
    assert_eq!(report.places[0].nom, "Premier");
    assert_eq!(report.skipped[0].reason, SkipReason::DuplicateId);
}

#[test]
fn v1_file_with_v01_values_is_flagged_but_read() {
    let text = "id,pivot,nom,commune,code_postal,adresse,date_maj,services,frais_a_charge\n\
                a,12345678901234,Nom,Lyon,69001,1 rue,2024-01-01,Accéder à du matériel|Aide aux démarches administratives,Gratuit|Bientôt\n";
    let report = parse(text.as_bytes());
    assert_eq!(report.version, SchemaVersion::V1);
    let p = place(&report, "a");
    assert_eq!(
        p.services,
        [Service::AccesInternetMateriel, Service::Demarches]
    );
    assert_eq!(p.frais_a_charge, [Fee::Free]);
    let kinds = warnings_of(&report, 1);
    assert!(kinds.contains(&WarningKind::NonStandardValue));
    assert!(kinds.contains(&WarningKind::UnknownValue));
    assert_eq!(report.invalid_rows(), 1);
}

#[test]
fn version_is_guessed_from_services_when_columns_are_common() {
    let legacy = "id,nom,commune,code_postal,adresse,services\na,Nom,Lyon,69001,1 rue,Prendre en main un ordinateur;Accéder à du matériel\n";
    assert_eq!(parse(legacy.as_bytes()).version, SchemaVersion::Legacy);
    let v1 = "id,nom,commune,code_postal,adresse,services\na,Nom,Lyon,69001,1 rue,Aide aux démarches administratives\n";
    assert_eq!(parse(v1.as_bytes()).version, SchemaVersion::V1);
}

#[test]
fn written_v1_csv_reads_back_to_the_same_places() {
    for fixture in [V1_VALID, V01_HUB, V01_CNFS, V01_CSV] {
        let report = parse(fixture);
        let csv = write::to_csv(&report.places, &Column::V1);
        let header = csv.lines().next().unwrap_or_default();
        assert_eq!(header.split(',').count(), 32);
        assert!(header.starts_with("id,pivot,nom,commune,code_postal,code_insee,adresse"));
        assert!(header.ends_with("modalites_accompagnement,fiche_acces_libre,prise_rdv"));
        let again = parse(csv.as_bytes());
        assert_eq!(again.version, SchemaVersion::V1);
        assert_eq!(again.places, report.places);
        assert!(again.missing_v1_columns.is_empty());
        // Whatever the source version, the output only uses v1 values.
        let schema_warnings: Vec<_> = again
            .warnings
            .iter()
            .filter(|w| w.kind.breaks_schema())
            .collect();
        let pivot_or_date =
            |k: WarningKind| matches!(k, WarningKind::MissingPivot | WarningKind::MissingDateMaj);
        assert!(
            schema_warnings.iter().all(|w| pivot_or_date(w.kind)),
            "{schema_warnings:?}"
        );
    }
}

#[test]
fn compact_csv_keeps_only_used_columns() {
    let report = parse(V01_CNFS);
    let csv = write::to_compact_csv(&report.places, &Column::COMPACT);
    let header = csv.lines().next().unwrap_or_default();
    assert!(header.starts_with("id,pivot,nom,commune,code_postal,adresse,latitude,longitude"));
    assert!(!header.contains("presentation_detail"));
    assert!(
        !header.contains("complement_adresse"),
        "empty for every place"
    );
    let again = parse(csv.as_bytes());
    assert_eq!(again.places.len(), report.places.len());
    for (a, b) in again.places.iter().zip(&report.places) {
        assert_eq!(
            (&a.id, &a.nom, &a.services, &a.horaires),
            (&b.id, &b.nom, &b.services, &b.horaires)
        );
        assert_eq!(a.location(), b.location());
        assert_eq!(
            a.dispositif_programmes_nationaux,
            b.dispositif_programmes_nationaux
        );
        // Not read by the widget, so not written.
        assert_eq!(a.source, None);
    }
}

#[test]
fn text_input_entry_point_matches_bytes() {
    let text = std::str::from_utf8(V1_VALID).unwrap_or_default();
    assert_eq!(parse_places_str(text).map(|r| r.places.len()), Ok(4));
}
