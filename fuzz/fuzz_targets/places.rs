// Reads any bytes as a places file (CSV or JSON, standard v1 or v0.1), then searches the
// result and renders the widget's cards: nothing may panic, and every link that comes out
// must be http(s).
#![no_main]

use autonomie_core::places::{parse_places, Centre, LocalTime, PlaceIndex, Query, ResultsMessage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = parse_places(data) else { return };
    let index = PlaceIndex::new(report.places);
    for centre in ["69001", "Lyon", "x"] {
        let Some(centre) = Centre::from_input(centre) else { continue };
        let result = index.search(&Query::new(centre), None);
        let message = ResultsMessage::new(&index, &result, Some(LocalTime { weekday: 2, minute: 600 }));
        for card in &message.places {
            for url in [&card.website, &card.booking_url, &card.accessibility_url].into_iter().flatten() {
                assert!(url.starts_with("http://") || url.starts_with("https://"), "unsafe link {url}");
            }
        }
    }
});
