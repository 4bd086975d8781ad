//! Distances, ranking, filters and the postal-code / commune / gazetteer centres.

use autonomie_core::places::{
    build_from_communes, parse_places, Accompaniment, Centre, CentreSource, Gazetteer, LatLon,
    Place, PlaceIndex, Query, SearchResult, Support,
};
use autonomie_core::Service;

const SEARCH: &[u8] = include_bytes!("fixtures/places/search.csv");
const GAZETTEER: &[u8] = include_bytes!("fixtures/places/gazetteer.csv");

fn index() -> PlaceIndex {
    let report = parse_places(SEARCH).map_err(|e| e.to_string());
    assert_eq!(report.as_ref().map(|r| r.skipped.len()), Ok(0));
    PlaceIndex::new(report.map(|r| r.places).unwrap_or_default())
}

fn gazetteer() -> Gazetteer {
    match Gazetteer::parse(GAZETTEER) {
        Ok((gazetteer, bad)) => {
            // "not a line" and the out-of-range latitude.
            assert_eq!(bad, 2);
            gazetteer
        }
        Err(e) => panic!("{e}"),
    }
}

fn point(lat: f64, lon: f64) -> Centre {
    Centre::Point(LatLon { lat, lon })
}

const PART_DIEU: (f64, f64) = (45.7606, 4.8590);

fn ids(index: &PlaceIndex, result: &SearchResult) -> Vec<String> {
    result
        .hits
        .iter()
        .map(|hit| index.places()[hit.index].id.clone())
        .collect()
}

fn search(index: &PlaceIndex, query: &Query) -> Vec<String> {
    ids(index, &index.search(query, None))
}

#[test]
fn more_needed_services_first_then_nearest() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.services = vec![Service::Demarches, Service::OutilsQuotidien];
    let result = index.search(&query, None);
    // Two services: Part-Dieu (0 km), Villeurbanne (2.7 km). One: Montchat (2.3 km),
    // Croix-Rousse (3.2 km). Vénissieux offers neither: it comes last, still shown.
    // Saint-Étienne is 51 km away; the Lyon 1er place has no coordinates and is not in a
    // searched area.
    assert_eq!(
        ids(&index, &result),
        [
            "partdieu",
            "villeurbanne",
            "montchat",
            "croixrousse",
            "venissieux"
        ]
    );
    assert_eq!(result.centre_source, CentreSource::Point);
    assert!(!result.no_place_in_area);
    assert_eq!(result.total, 5);
    let first = &result.hits[0];
    assert_eq!(
        first.matched,
        [Service::Demarches, Service::OutilsQuotidien]
    );
    assert_eq!(first.distance_km, Some(0.0));
    let montchat = &result.hits[2];
    assert_eq!(montchat.matched, [Service::Demarches]);
    assert!(montchat
        .distance_km
        .is_some_and(|d| (d - 2.307).abs() < 0.01));
}

#[test]
fn no_needed_service_means_any_place_by_distance() {
    let index = index();
    let query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    assert_eq!(
        search(&index, &query),
        [
            "partdieu",
            "montchat",
            "villeurbanne",
            "croixrousse",
            "venissieux"
        ]
    );
}

#[test]
fn radius_and_limit() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.max_km = 3.0;
    assert_eq!(
        search(&index, &query),
        ["partdieu", "montchat", "villeurbanne"]
    );
    query.max_km = 60.0;
    query.limit = 2;
    let result = index.search(&query, None);
    assert_eq!(ids(&index, &result), ["partdieu", "montchat"]);
    assert_eq!(result.total, 6, "Saint-Étienne is within 60 km");
}

#[test]
fn free_of_charge_filter() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.free_only = true;
    // Villeurbanne is "Gratuit sous condition", Croix-Rousse "Payant".
    assert_eq!(
        search(&index, &query),
        ["partdieu", "montchat", "venissieux"]
    );
}

#[test]
fn specific_support_filter() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.support = Some(Support::Illiteracy);
    assert_eq!(search(&index, &query), ["villeurbanne"]);
    query.support = Some(Support::Deafness);
    assert_eq!(search(&index, &query), ["partdieu"]);
    query.support = Some(Support::English);
    assert!(search(&index, &query).is_empty());
}

#[test]
fn kind_of_help_filter() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.accompaniment = Some(Accompaniment::Workshop);
    assert_eq!(search(&index, &query), ["villeurbanne", "croixrousse"]);
    query.accompaniment = Some(Accompaniment::Autonomous);
    assert_eq!(search(&index, &query), ["venissieux"]);
}

#[test]
fn someone_can_do_it_for_me_filter() {
    let index = index();
    let mut query = Query::new(point(PART_DIEU.0, PART_DIEU.1));
    query.done_for_me = true;
    assert_eq!(search(&index, &query), ["partdieu", "villeurbanne"]);
    // Filters combine.
    query.free_only = true;
    assert_eq!(search(&index, &query), ["partdieu"]);
}

#[test]
fn postal_code_centre_is_the_centroid_of_its_places() {
    let index = index();
    let query = Query::new(Centre::PostalCode("69003".into()));
    let result = index.search(&query, None);
    assert_eq!(result.centre_source, CentreSource::PlacesInArea);
    assert!(!result.no_place_in_area);
    let centre = result.centre.unwrap_or(LatLon { lat: 0.0, lon: 0.0 });
    assert!((centre.lat - 45.7583).abs() < 1e-9 && (centre.lon - 4.8735).abs() < 1e-9);
    // Both 69003 places are 1.15 km from their centroid, then the others by distance.
    let found = ids(&index, &result);
    let mut first_two = found[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["montchat", "partdieu"]);
    assert_eq!(found[2..], ["villeurbanne", "croixrousse", "venissieux"]);
    for hit in &result.hits[..2] {
        assert!(hit.distance_km.is_some_and(|d| (d - 1.154).abs() < 0.01));
    }
}

#[test]
fn commune_centre_matches_folded_names_and_arrondissements() {
    let index = index();
    let result = index.search(&Query::new(Centre::Commune("saint etienne".into())), None);
    assert_eq!(result.centre_source, CentreSource::PlacesInArea);
    assert_eq!(ids(&index, &result), ["saintetienne"]);
    // "MARSEILLE 11" belongs to Marseille.
    let result = index.search(&Query::new(Centre::Commune("Marseille".into())), None);
    assert_eq!(ids(&index, &result), ["marseille11"]);
    // But "Lyon" is not "Lyonnais".
    let lyon = index.search(&Query::new(Centre::Commune("LYON".into())), None);
    assert_eq!(lyon.centre_source, CentreSource::PlacesInArea);
    assert!(
        ids(&index, &lyon).contains(&"lyon1".to_string()),
        "in the commune, without coordinates"
    );
}

#[test]
fn unknown_postal_code_uses_the_gazetteer_and_says_so() {
    let index = index();
    let gazetteer = gazetteer();
    let mut query = Query::new(Centre::PostalCode("69008".into()));
    query.services = vec![Service::Demarches];
    let result = index.search(&query, Some(&gazetteer));
    assert_eq!(result.centre_source, CentreSource::Gazetteer);
    assert!(result.no_place_in_area);
    assert_eq!(
        result.centre,
        Some(LatLon {
            lat: 45.7342,
            lon: 4.8698
        })
    );
    // Those offering "démarches" first, then the others, nearest first.
    assert_eq!(
        ids(&index, &result),
        [
            "montchat",
            "partdieu",
            "villeurbanne",
            "venissieux",
            "croixrousse"
        ]
    );

    // Without a gazetteer: flagged, and nothing to rank from.
    let alone = index.search(&query, None);
    assert_eq!(alone.centre_source, CentreSource::Unknown);
    assert!(alone.no_place_in_area);
    assert!(alone.hits.is_empty());

    // A code nobody knows.
    let nowhere = index.search(
        &Query::new(Centre::PostalCode("99999".into())),
        Some(&gazetteer),
    );
    assert_eq!(
        (nowhere.centre_source, nowhere.no_place_in_area),
        (CentreSource::Unknown, true)
    );
    assert!(nowhere.hits.is_empty());
}

#[test]
fn area_whose_places_have_no_coordinates() {
    let index = index();
    let query = Query::new(Centre::PostalCode("69001".into()));
    // With the gazetteer: ranked around the postal code, the unlocated place of the area last.
    let result = index.search(&query, Some(&gazetteer()));
    assert_eq!(result.centre_source, CentreSource::Gazetteer);
    assert!(!result.no_place_in_area);
    let found = ids(&index, &result);
    assert_eq!(found.first().map(String::as_str), Some("croixrousse"));
    assert_eq!(found.last().map(String::as_str), Some("lyon1"));
    assert_eq!(result.hits.last().and_then(|h| h.distance_km), None);
    // Without: the area's places only, no distances.
    let alone = index.search(&query, None);
    assert_eq!(alone.centre_source, CentreSource::Unknown);
    assert_eq!(ids(&index, &alone), ["lyon1"]);
}

#[test]
fn commune_fallback_through_the_gazetteer() {
    let index = PlaceIndex::new(Vec::new());
    let result = index.search(
        &Query::new(Centre::Commune("Lyon".into())),
        Some(&gazetteer()),
    );
    assert_eq!(result.centre_source, CentreSource::Gazetteer);
    assert!(result.no_place_in_area);
    // Centroid of the three Lyon arrondissements of the fixture.
    let centre = result.centre.unwrap_or(LatLon { lat: 0.0, lon: 0.0 });
    assert!((centre.lat - (45.7701 + 45.7533 + 45.7342) / 3.0).abs() < 1e-9);
}

#[test]
fn input_text_becomes_a_centre() {
    assert_eq!(
        Centre::from_input(" 69003 "),
        Some(Centre::PostalCode("69003".into()))
    );
    assert_eq!(
        Centre::from_input("Saint-Étienne"),
        Some(Centre::Commune("Saint-Étienne".into()))
    );
    assert_eq!(
        Centre::from_input("6900"),
        Some(Centre::Commune("6900".into()))
    );
    assert_eq!(Centre::from_input("  "), None);
}

#[test]
fn invalid_point_gives_no_result() {
    let index = index();
    let result = index.search(&Query::new(point(f64::NAN, 4.0)), None);
    assert_eq!(result.centre_source, CentreSource::Unknown);
    assert!(result.hits.is_empty());
}

#[test]
fn gazetteer_lookup_and_round_trip() {
    let gazetteer = gazetteer();
    assert_eq!(gazetteer.len(), 4);
    assert_eq!(
        gazetteer.get("42000").map(|e| e.commune.as_str()),
        Some("Saint-Étienne")
    );
    assert_eq!(gazetteer.get("42001"), None);
    let again = Gazetteer::parse(gazetteer.to_csv().as_bytes());
    assert_eq!(again, Ok((gazetteer, 0)));
    assert!(Gazetteer::parse(b"\xff").is_err());
}

#[test]
fn gazetteer_built_from_a_communes_table() {
    // One row per (commune, postal code), as the INSEE-based communes file.
    let communes =
        "insee_com,commune,commune_article,code_postal,commune_type,lat,lng,population_2021\n\
                    01053,Bourg-en-Bresse,Bourg-en-Bresse,01000,COM,46.2,5.2,41000\n\
                    01344,Saint-Denis-lès-Bourg,Saint-Denis-lès-Bourg,01000,COM,46.4,5.4,6000\n\
                    60694,Hauts-Talican,Les Hauts-Talican,60390,COM,,,543\n\
                    60001,Auneuil,Auneuil,60390,COM,49.35,1.99,2900\n\
                    60002,Vieux,Vieux,60390,COMD,40.0,1.0,10\n\
                    14001,Ancienne,Ancienne,14999,COMD,49.0,0.5,100\n\
                    99999,Bad,Bad,ABCDE,COM,1,1,1\n";
    let (gazetteer, report) = match build_from_communes(communes.as_bytes()) {
        Ok(built) => built,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(report.rows_read, 7);
    assert_eq!(report.rows_without_coordinates, 1);
    assert_eq!(report.rows_with_invalid_postal_code, 1);
    assert_eq!(report.delegated_rows_ignored, 1);
    assert_eq!(report.postal_codes, 3);
    let bourg = gazetteer.get("01000");
    assert_eq!(bourg.map(|e| e.commune.as_str()), Some("Bourg-en-Bresse"));
    let location = bourg
        .map(|e| e.location)
        .unwrap_or(LatLon { lat: 0.0, lon: 0.0 });
    assert!((location.lat - 46.3).abs() < 1e-9 && (location.lon - 5.3).abs() < 1e-9);
    // The delegated commune does not pull Auneuil's centre away…
    assert_eq!(
        gazetteer.get("60390").map(|e| e.location),
        Some(LatLon {
            lat: 49.35,
            lon: 1.99
        })
    );
    // …but locates a postal code that only it has.
    assert_eq!(
        gazetteer.get("14999").map(|e| e.commune.as_str()),
        Some("Ancienne")
    );
    assert!(build_from_communes(b"a,b\n1,2\n").is_err());
}

/// Native timing of one query over 20,000 places: a few milliseconds at most in a debug
/// build, well under one in release. Run with `cargo test --release -- --ignored`.
#[test]
#[ignore]
fn search_20000_places_is_fast() {
    let mut places = Vec::new();
    for i in 0..20_000u32 {
        let f = f64::from(i);
        places.push(Place {
            id: format!("p{i}"),
            nom: format!("Lieu {i}"),
            commune: "Commune".into(),
            code_postal: format!("{:05}", 1000 + i % 9000),
            adresse: "1 rue".into(),
            latitude: Some(42.0 + (f * 0.37) % 8.0),
            longitude: Some(-4.0 + (f * 0.73) % 12.0),
            services: Service::ALL
                .iter()
                .copied()
                .filter(|s| (*s as u32 + i).is_multiple_of(3))
                .collect(),
            ..Place::default()
        });
    }
    let index = PlaceIndex::new(places);
    let mut query = Query::new(Centre::PostalCode("01234".into()));
    query.services = vec![Service::Demarches, Service::OutilsQuotidien];
    query.max_km = 200.0;
    let start = std::time::Instant::now();
    let runs = 50;
    let mut found = 0;
    for _ in 0..runs {
        found += index.search(&query, None).total;
    }
    let per_query = start.elapsed() / runs;
    println!("{per_query:?} per query, {} hits", found / 50);
    assert!(found > 0);
    assert!(per_query.as_millis() < 50, "{per_query:?}");
}

/// Four places at the same distance, each with one of the attributes the new filters read.
fn filter_index() -> PlaceIndex {
    let file = "id,nom,commune,code_postal,adresse,latitude,longitude,horaires,prise_rdv,modalites_acces,fiche_acces_libre,modalites_accompagnement,dispositif_programmes_nationaux\n\
        saturday,A Samedi,Brest,29200,1 rue A,48.39,-4.49,Sa 09:00-12:00,,,,Dans un atelier collectif,\n\
        weekdays,B Semaine,Brest,29200,2 rue B,48.39,-4.49,Mo-Fr 09:00-17:00,https://rdv.example/b,,,Accompagnement individuel,\n\
        booking,C Rendez-vous,Brest,29200,3 rue C,48.39,-4.49,,,Prendre un RDV en ligne,https://acceslibre.beta.gouv.fr/c,,Aidants Connect\n\
        nothing,D Rien,Brest,29200,4 rue D,48.39,-4.49,,,,,,\n";
    let report = parse_places(file.as_bytes()).map_err(|e| e.to_string());
    assert_eq!(report.as_ref().map(|r| r.skipped.len()), Ok(0));
    PlaceIndex::new(report.map(|r| r.places).unwrap_or_default())
}

#[test]
fn open_booking_and_accessibility_filters() {
    use autonomie_core::places::{LocalTime, OpenWhen};
    let index = filter_index();
    let search = |edit: &dyn Fn(&mut Query)| {
        let mut query = Query::new(Centre::PostalCode("29200".into()));
        edit(&mut query);
        ids(&index, &index.search(&query, None))
    };
    assert_eq!(search(&|_| {}).len(), 4);
    assert_eq!(search(&|q| q.open = Some(OpenWhen::Day(5))), ["saturday"]);
    assert_eq!(search(&|q| q.open = Some(OpenWhen::Day(0))), ["weekdays"]);
    assert!(search(&|q| q.open = Some(OpenWhen::Day(6))).is_empty());
    let monday_10 = LocalTime {
        weekday: 0,
        minute: 600,
    };
    let monday_20 = LocalTime {
        weekday: 0,
        minute: 1200,
    };
    assert_eq!(
        search(&|q| q.open = Some(OpenWhen::Now(monday_10))),
        ["weekdays"]
    );
    assert!(search(&|q| q.open = Some(OpenWhen::Now(monday_20))).is_empty());
    // A booking page or "Prendre un RDV en ligne" both count.
    assert_eq!(
        search(&|q| q.online_booking = true),
        ["weekdays", "booking"]
    );
    assert_eq!(search(&|q| q.accessibility_sheet = true), ["booking"]);
    // The screen's values.
    assert_eq!(OpenWhen::from_id("5", monday_10), Some(OpenWhen::Day(5)));
    assert_eq!(
        OpenWhen::from_id("now", monday_10),
        Some(OpenWhen::Now(monday_10))
    );
    assert_eq!(OpenWhen::from_id("7", monday_10), None);
    assert_eq!(OpenWhen::from_id("", monday_10), None);
}

#[test]
fn the_recommended_kind_of_help_ranks_first_at_equal_services() {
    use autonomie_core::orientation::HelpKind;
    let index = filter_index();
    let ranked = |help: Option<HelpKind>| {
        let mut query = Query::new(Centre::PostalCode("29200".into()));
        query.preferred_help = help;
        ids(&index, &index.search(&query, None))
    };
    // Same distance: by name without a preference.
    assert_eq!(ranked(None), ["saturday", "weekdays", "booking", "nothing"]);
    assert_eq!(ranked(Some(HelpKind::WithSomeone))[0], "weekdays");
    assert_eq!(ranked(Some(HelpKind::Workshop))[0], "saturday");
    assert_eq!(ranked(Some(HelpKind::DoneForMe))[0], "booking");
}
