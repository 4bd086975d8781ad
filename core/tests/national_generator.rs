//! The national-size file generator (`support/national.rs`) does what it says: deterministic,
//! the rows asked for, every département, as uneven as the real data, places near a postal
//! code of their own département, the national export's quirks, and a file the real reader
//! keeps.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use autonomie_core::places::{distance_km, parse_places, LatLon, ParseReport, Place, Programme};

#[path = "support/national.rs"]
mod national;
use national::{departement_of, generate, postal_codes, weights, NationalFile, COLUMNS};

const NATIONAL_ROWS: usize = 18_000;
const SEED: u64 = 20_221_201;

/// The 18,000-row file, generated once for all tests, how long that took, and what the real
/// reader makes of it.
fn national() -> &'static (NationalFile, Duration, ParseReport) {
    static FILE: OnceLock<(NationalFile, Duration, ParseReport)> = OnceLock::new();
    FILE.get_or_init(|| {
        let start = Instant::now();
        let file = generate(NATIONAL_ROWS, SEED);
        let took = start.elapsed();
        let report = parse_places(file.csv.as_bytes()).expect("the reader reads the file");
        (file, took, report)
    })
}

fn located(place: &Place) -> Option<LatLon> {
    place
        .location()
        .filter(|point| point.lat != 0.0 || point.lon != 0.0)
}

#[test]
fn same_seed_same_file_other_seed_other_file() {
    let a = generate(2_000, 7);
    let b = generate(2_000, 7);
    assert!(a.csv == b.csv, "same seed, different files");
    assert_eq!(a.per_departement, b.per_departement);
    assert_eq!(a.duplicates, b.duplicates);
    let c = generate(2_000, 8);
    assert!(a.csv != c.csv, "another seed, same file");
}

#[test]
fn every_cell_is_quoted_with_the_32_columns_of_v1() {
    let (file, _, _) = national();
    let header = file.csv.lines().next().expect("a header");
    let expected: Vec<String> = COLUMNS.iter().map(|c| format!("\"{c}\"")).collect();
    assert_eq!(header, expected.join(","));
    // Every data line opens and closes a quoted cell (no cell holds a line break).
    for line in file.csv.lines().skip(1).take(500) {
        assert!(line.starts_with('"') && line.ends_with('"'), "{line}");
        assert!(!line.contains("\",,\"") && !line.contains(",,"), "{line}");
    }
}

#[test]
fn rows_count() {
    let (file, _, report) = national();
    assert_eq!(file.rows, NATIONAL_ROWS);
    assert_eq!(file.per_departement.values().sum::<usize>(), NATIONAL_ROWS);
    assert_eq!(report.rows_read, NATIONAL_ROWS);
    assert_eq!(file.csv.lines().count(), NATIONAL_ROWS + 1);
    let small = generate(250, 1);
    assert_eq!(small.rows, 250);
    assert_eq!(parse_places(small.csv.as_bytes()).unwrap().rows_read, 250);
}

#[test]
fn the_real_reader_keeps_at_least_99_percent() {
    let (file, _, report) = national();
    let kept = report.places.len();
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .take(20)
        .map(|s| format!("row {} ({:?}): {:?} {}", s.row, s.id, s.reason, s.detail))
        .collect();
    assert!(
        kept * 100 >= file.rows * 99,
        "kept {kept} of {}; skipped by reason {:?}, first ones:\n{}",
        file.rows,
        report.skipped_by_reason(),
        reasons.join("\n")
    );
    assert!(
        report.missing_v1_columns.is_empty() && report.unknown_columns.is_empty(),
        "missing {:?}, unknown {:?}",
        report.missing_v1_columns,
        report.unknown_columns
    );
    println!(
        "kept {kept} of {}; warnings by kind: {:?}",
        file.rows,
        report.warnings_by_kind()
    );
}

#[test]
fn every_departement_of_the_table_has_places() {
    let (file, _, report) = national();
    let table = weights();
    assert_eq!(
        table.len(),
        101,
        "96 metropolitan + 5 overseas départements"
    );
    for overseas in ["2A", "2B", "971", "972", "973", "974", "976"] {
        assert!(table.iter().any(|(d, _)| d == overseas), "{overseas}");
    }
    // Counted again from what the reader kept.
    let mut read: BTreeMap<String, usize> = BTreeMap::new();
    for place in &report.places {
        *read.entry(departement_of(&place.code_postal)).or_default() += 1;
    }
    for (departement, weight) in &table {
        assert!(*weight >= 1, "{departement}");
        let generated = file.per_departement.get(departement).copied().unwrap_or(0);
        assert!(generated >= 1, "no place in {departement}");
        assert!(
            read.get(departement).copied().unwrap_or(0) >= 1,
            "{departement}"
        );
    }
    assert_eq!(file.per_departement.len(), table.len());
    if report.skipped.is_empty() {
        assert_eq!(read, file.per_departement);
    }
}

#[test]
fn as_uneven_as_the_real_data() {
    let (file, _, _) = national();
    let mut counts: Vec<usize> = file.per_departement.values().copied().collect();
    counts.sort_unstable();
    let median = counts[counts.len() / 2];
    let (top, max) = file
        .per_departement
        .iter()
        .max_by_key(|(_, &n)| n)
        .expect("départements");
    println!(
        "most loaded {top}: {max}, median {median}, least {}",
        counts[0]
    );
    assert!(*max >= 3 * median, "max {max} < 3 × median {median}");
}

#[test]
fn places_are_within_5_km_of_a_postal_code_of_their_departement() {
    let (_, _, report) = national();
    let mut points: HashMap<String, Vec<LatLon>> = HashMap::new();
    for (code, lat, lon) in postal_codes() {
        points
            .entry(departement_of(&code))
            .or_default()
            .push(LatLon::new(lat, lon).expect("a point"));
    }
    let mut checked = 0;
    for place in &report.places {
        let Some(point) = located(place) else {
            continue;
        };
        let departement = departement_of(&place.code_postal);
        let nearest = points[&departement]
            .iter()
            .map(|&p| distance_km(point, p))
            .fold(f64::INFINITY, f64::min);
        assert!(
            nearest <= 5.0,
            "{} ({}) is {nearest:.1} km from any postal code of {departement}",
            place.id,
            place.code_postal
        );
        checked += 1;
    }
    assert!(
        checked * 100 >= report.places.len() * 95,
        "{checked} located"
    );
}

#[test]
fn duplicates_share_a_pivot_within_50_m_and_nothing_else_does() {
    let (file, _, report) = national();
    let share = file.duplicates as f64 / file.rows as f64;
    assert!(
        (0.02..=0.04).contains(&share),
        "{} duplicates",
        file.duplicates
    );
    // What a dedupe on (pivot, 50 m) finds: rows near an earlier row of the same pivot.
    let mut seen: HashMap<&str, Vec<&Place>> = HashMap::new();
    let mut found = 0;
    for place in &report.places {
        let (Some(pivot), Some(point)) = (place.pivot.as_deref(), located(place)) else {
            continue;
        };
        let earlier = seen.entry(pivot).or_default();
        if let Some(original) = earlier
            .iter()
            .find(|o| located(o).is_some_and(|p| distance_km(p, point) <= 0.05))
        {
            found += 1;
            assert_ne!(original.id, place.id);
            assert_ne!(original.date_maj, place.date_maj, "{}", place.id);
            assert_eq!(original.adresse, place.adresse);
        } else {
            earlier.push(place);
        }
    }
    if report.skipped.is_empty() {
        assert_eq!(found, file.duplicates);
    }
    let ids: HashSet<&str> = report.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), report.places.len(), "ids are unique");
}

#[test]
fn the_national_exports_quirks_are_there() {
    let (file, _, report) = national();
    let rows = file.rows;
    let zero = file.csv.matches("\",\"0\",\"0\",\"").count();
    let fullwidth = file.csv.lines().filter(|line| line.contains('＂')).count();
    let semicolon = report
        .places
        .iter()
        .filter(|p| p.services.len() > 1)
        .count();
    let semicolon_lines = file
        .csv
        .lines()
        .skip(1)
        .filter(|line| line.contains("numérique;") || line.contains("administratives;"))
        .count();
    println!("0,0: {zero}; ＂: {fullwidth}; ; as separator: {semicolon_lines} (of {semicolon} multi-service rows)");
    for (what, count) in [
        ("\"0\",\"0\" coordinates", zero),
        ("fullwidth quotes", fullwidth),
        ("; as separator", semicolon_lines),
    ] {
        assert!(
            count * 1000 >= rows * 3 && count * 100 <= rows * 5,
            "{what}: {count} rows"
        );
    }
}

#[test]
fn columns_are_filled_as_often_as_in_the_national_export() {
    let (_, _, report) = national();
    let places = &report.places;
    let share = |test: &dyn Fn(&Place) -> bool| {
        places.iter().filter(|p| test(p)).count() as f64 / places.len() as f64
    };
    let checks: [(&str, f64, f64, f64); 9] = [
        ("site_web", share(&|p| !p.site_web.is_empty()), 0.4, 0.6),
        ("courriels", share(&|p| !p.courriels.is_empty()), 0.4, 0.6),
        ("horaires", share(&|p| p.horaires.is_some()), 0.72, 0.88),
        (
            "presentation_resume",
            share(&|p| p.presentation_resume.is_some()),
            0.33,
            0.47,
        ),
        ("pivot", share(&|p| p.pivot.is_some()), 0.8, 0.9),
        (
            "Aidants Connect",
            share(&|p| p.has_aidants_connect()),
            0.11,
            0.19,
        ),
        (
            "France Services",
            share(&|p| {
                p.dispositif_programmes_nationaux
                    .contains(&Programme::FranceServices)
            }),
            0.11,
            0.19,
        ),
        (
            "fiche_acces_libre",
            share(&|p| p.fiche_acces_libre.is_some()),
            0.07,
            0.13,
        ),
        ("prise_rdv", share(&|p| p.prise_rdv.is_some()), 0.07, 0.13),
    ];
    for (what, value, min, max) in checks {
        assert!((min..=max).contains(&value), "{what}: {value:.3}");
    }
    for place in places {
        assert!((1..=6).contains(&place.services.len()), "{}", place.id);
        let date = place.date_maj.as_deref().expect("date_maj");
        assert!(("2023-01-01"..="2026-11-30").contains(&date), "{date}");
        if let Some(resume) = &place.presentation_resume {
            assert!((60..=200).contains(&resume.chars().count()), "{resume}");
        }
        if let Some(pivot) = &place.pivot {
            assert!(pivot.len() == 14 && pivot.bytes().all(|b| b.is_ascii_digit()));
        }
        // The regional prefix: the country code overseas, 01–05 (or a mobile) in France.
        let Some(phone) = place.telephone.as_deref() else {
            continue;
        };
        let departement = departement_of(&place.code_postal);
        let expected = match departement.as_str() {
            "971" => "+590",
            "972" => "+596",
            "973" => "+594",
            "974" | "976" => "+262",
            _ => "+33",
        };
        assert!(phone.starts_with(expected), "{phone} in {departement}");
        assert_eq!(phone.len(), expected.len() + 9, "{phone}");
    }
}

#[test]
fn generating_the_national_file_is_fast() {
    let (file, took, _) = national();
    println!(
        "{} rows, {} bytes, generated in {took:?}",
        file.rows,
        file.csv.len()
    );
    // Well under a second in release; a few seconds in debug, with room for a busy machine.
    assert!(*took < Duration::from_secs(20), "{took:?}");
}
