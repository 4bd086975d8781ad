// Reads any text as a stored value (the versioned envelope around a session, a history or
// activity counts) and as a translation catalog: errors are fine, panics are not, and
// whatever reads back writes back to the same value.
#![no_main]

use autonomie_core::envelope::{unwrap, wrap};
use autonomie_core::history::History;
use autonomie_core::i18n::{Catalog, Lang};
use autonomie_core::stats::ActivityCounts;
use autonomie_core::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(session) = unwrap::<Session>(text) {
        assert_eq!(unwrap::<Session>(&wrap(&session)), Ok(session));
    }
    if let Ok(history) = unwrap::<History>(text) {
        assert_eq!(unwrap::<History>(&wrap(&history)), Ok(history));
    }
    let _ = unwrap::<ActivityCounts>(text);
    let _ = Catalog::from_json(Lang::En, text);
});
