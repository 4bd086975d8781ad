// Parses any text as OSM opening hours: an error is fine, a panic is not, and parsed hours
// answer every day and minute.
#![no_main]

use autonomie_core::places::OpeningHours;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(hours) = OpeningHours::parse(text) {
        for day in 0..7 {
            let _ = hours.day_text(day);
            let _ = hours.is_open(day, 0);
            let _ = hours.is_open(day, 24 * 60 - 1);
        }
    }
});
