//! What the places screen shows of each place found: distances in metres, coordinates in
//! micro-degrees, hours evaluated at the person's time, links already checked.

use autonomie_core::places::{
    parse_places, Centre, CentreSource, LatLon, LocalTime, PlaceCard, PlaceIndex, Query,
    ResultsMessage,
};
use autonomie_core::Service;

const VALID: &[u8] = include_bytes!("fixtures/places/v1-valid.csv");

fn index() -> PlaceIndex {
    PlaceIndex::new(parse_places(VALID).map(|r| r.places).unwrap_or_default())
}

/// Tuesday 11:30, when the Part-Dieu library (Tu-Fr 10:00-19:00) is open.
const TUESDAY_MORNING: LocalTime = LocalTime {
    weekday: 1,
    minute: 11 * 60 + 30,
};

fn message(now: Option<LocalTime>) -> ResultsMessage {
    let index = index();
    let mut query = Query::new(Centre::Point(LatLon {
        lat: 45.7640,
        lon: 4.8357,
    }));
    query.services = vec![Service::Demarches];
    let result = index.search(&query, None);
    ResultsMessage::new(&index, &result, now)
}

#[test]
fn cards_carry_what_the_ui_shows() {
    let message = message(Some(TUESDAY_MORNING));
    assert_eq!(message.centre_source, CentreSource::Point);
    // Two places offer "démarches"; the third offers none and comes last, with nothing matched.
    assert_eq!(message.total, 3);
    assert!(message.places[2].matched.is_empty());
    let card = &message.places[0];
    assert_eq!(card.id, "lyon-partdieu");
    assert_eq!(card.name, "Médiathèque de la Part-Dieu");
    assert_eq!(card.address, "30 boulevard Vivier-Merle");
    assert_eq!(
        card.address_complement.as_deref(),
        Some("2e étage, espace numérique")
    );
    assert_eq!(
        (card.postal_code.as_str(), card.commune.as_str()),
        ("69003", "Lyon")
    );
    // Part-Dieu is 1,847 m from the centre of Lyon (45.7640, 4.8357), by haversine.
    assert_eq!(card.distance_m, Some(1847));
    assert_eq!(
        (card.lat_e6, card.lon_e6),
        (Some(45_760_600), Some(4_859_000))
    );
    assert_eq!(card.phone.as_deref(), Some("+33478620000"));
    assert_eq!(card.phone_display.as_deref(), Some("04 78 62 00 00"));
    assert_eq!(card.email.as_deref(), Some("numerique@bm-lyon.example"));
    assert_eq!(
        card.website.as_deref(),
        Some("https://www.bm-lyon.example/")
    );
    assert_eq!(
        card.booking_url.as_deref(),
        Some("https://www.rdv-solidarites.fr/")
    );
    assert!(card.accessibility_url.is_some());
    assert_eq!(card.hours_today.as_deref(), Some("10:00–19:00"));
    assert_eq!(card.open_now, Some(true));
    assert_eq!(
        card.hours_raw.as_deref(),
        Some("Tu-Fr 10:00-19:00; Sa 10:00-18:00")
    );
    assert_eq!(card.matched, ["demarches"]);
    assert_eq!(card.services, ["demarches", "outils_quotidien"]);
    assert!(card.aidants_connect && card.free);
    let villeurbanne = &message.places[1];
    assert!(villeurbanne.aidants_connect && !villeurbanne.free);
}

#[test]
fn hours_are_unknown_without_a_clock_and_closed_days_are_empty() {
    let card = &message(None).places[0];
    assert_eq!((card.hours_today.as_deref(), card.open_now), (None, None));
    assert!(card.hours_raw.is_some());
    let monday = LocalTime {
        weekday: 0,
        minute: 600,
    };
    let card = &message(Some(monday)).places[0];
    assert_eq!(
        (card.hours_today.as_deref(), card.open_now),
        (Some(""), Some(false))
    );
}

#[test]
fn a_card_without_hit_or_coordinates() {
    let index = index();
    let place = &index.places()[0];
    let card = PlaceCard::new(place, None, None);
    assert_eq!(card.distance_m, None);
    assert!(card.matched.is_empty());
    assert_eq!(card.name, place.nom);
}
