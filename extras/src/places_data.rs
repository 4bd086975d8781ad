//! Loading a widget's places data and searching it.
//!
//! Data is fetched only when the person reaches the "where to go" step. Every way it can fail
//! (network, 404, wrong content type, too large, unreadable) becomes a [`PlacesFailure`] the
//! screen explains; the rest of the flow stays usable.

use std::cell::RefCell;
use std::collections::BTreeMap;

use autonomie_core::places::{
    parse_places, CentreSource, Gazetteer, LocalTime, PlaceIndex, Query, ResultsMessage, SkipReason,
};
use autonomie_ui::net::{fetch_bytes, fetch_text, FetchError};

/// Places files bigger than this are refused; a partner should load an extract of their
/// territory (see the `lieux extract` tool) rather than the whole national file.
pub const MAX_PLACES_BYTES: usize = 20 * 1024 * 1024;

/// The postal-code gazetteer is about 210 KB; anything much bigger is not ours.
const MAX_GAZETTEER_BYTES: usize = 2 * 1024 * 1024;

const PLACES_TYPES: [&str; 8] = [
    "text/csv",
    "application/csv",
    "text/comma-separated-values",
    "application/json",
    "text/json",
    "text/plain",
    "application/octet-stream",
    "application/vnd.ms-excel",
];

/// Where a widget's places come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Demo { base_url: String },
    Url(String),
    Inline(Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacesFailure {
    Fetch(FetchError),
    /// The file was read but nothing in it is usable; the detail is for the partner.
    Unreadable(String),
    /// The partner chose inline data but the host element holds none.
    NoInlineData,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacesStatus {
    Loading,
    Ready {
        kept: usize,
        skipped: Vec<(SkipReason, usize)>,
        demo: bool,
    },
    Failed(PlacesFailure),
}

impl PlacesFailure {
    /// The i18n key of the message for the person, with its `{code}` argument if any.
    pub fn message_key(&self) -> (&'static str, Option<u16>) {
        match self {
            PlacesFailure::Fetch(FetchError::Network) => ("places.error.network", None),
            PlacesFailure::Fetch(FetchError::Timeout) => ("places.error.timeout", None),
            PlacesFailure::Fetch(FetchError::Status(404)) => ("places.error.not_found", None),
            PlacesFailure::Fetch(FetchError::Status(code)) => ("places.error.status", Some(*code)),
            PlacesFailure::Fetch(FetchError::ContentType(_)) => ("places.error.content_type", None),
            PlacesFailure::Fetch(FetchError::TooLarge { .. }) => ("places.error.too_large", None),
            PlacesFailure::Fetch(FetchError::Integrity) => ("places.error.changed", None),
            PlacesFailure::Fetch(FetchError::NotText)
            | PlacesFailure::Unreadable(_)
            | PlacesFailure::NoInlineData => ("places.error.unreadable", None),
        }
    }

    /// Details for the partner's console.
    pub fn detail(&self) -> String {
        match self {
            PlacesFailure::Fetch(error) => error.detail(),
            PlacesFailure::Unreadable(detail) => detail.clone(),
            PlacesFailure::NoInlineData => {
                "data-places=\"inline\" needs a <script type=\"application/json\"> or text/csv inside the element".into()
            }
        }
    }
}

thread_local! {
    /// One data set per widget instance (by its storage key), kept for the page's life.
    static SETS: RefCell<BTreeMap<String, PlaceIndex>> = const { RefCell::new(BTreeMap::new()) };
    static GAZETTEER: RefCell<Option<Gazetteer>> = const { RefCell::new(None) };
    /// The postal-code table was asked for and did not come: the next try bypasses the cache.
    static GAZETTEER_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Loads (or reuses) the data of the widget `key`; `retry` when the person pressed
/// "Réessayer" (see `net::fetch_bytes`).
pub async fn load(key: &str, source: &Source, retry: bool) -> PlacesStatus {
    let demo = matches!(source, Source::Demo { .. });
    if let Some(kept) = SETS.with(|sets| sets.borrow().get(key).map(PlaceIndex::len)) {
        return PlacesStatus::Ready {
            kept,
            skipped: Vec::new(),
            demo,
        };
    }
    let bytes = match source {
        Source::Demo { base_url } => {
            fetch_bytes(
                &format!("{base_url}data/lieux-demo.csv"),
                &PLACES_TYPES,
                MAX_PLACES_BYTES,
                retry,
            )
            .await
        }
        Source::Url(url) => fetch_bytes(url, &PLACES_TYPES, MAX_PLACES_BYTES, retry).await,
        Source::Inline(Some(text)) => Ok(text.clone().into_bytes()),
        Source::Inline(None) => return fail(PlacesFailure::NoInlineData),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return fail(PlacesFailure::Fetch(e)),
    };
    // Decoded row by row: a row that is not UTF-8 is skipped, not the whole file.
    let report = match parse_places(&bytes) {
        Ok(report) => report,
        Err(e) => return fail(PlacesFailure::Unreadable(e.message_en())),
    };
    let skipped = report.skipped_by_reason();
    if !skipped.is_empty() {
        // What a partner needs to fix their file; the `lieux validate` tool gives row numbers.
        let lines: Vec<String> = skipped
            .iter()
            .map(|(reason, n)| format!("{n} × {}", reason.message_en()))
            .collect();
        web_sys::console::warn_1(
            &format!(
                "autonomie-numerique: {} place rows skipped: {}",
                report.skipped.len(),
                lines.join("; ")
            )
            .into(),
        );
    }
    let kept = report.places.len();
    if kept == 0 {
        return fail(PlacesFailure::Unreadable(
            "no usable place in the file".into(),
        ));
    }
    SETS.with(|sets| {
        sets.borrow_mut()
            .insert(key.to_string(), PlaceIndex::new(report.places))
    });
    PlacesStatus::Ready {
        kept,
        skipped,
        demo,
    }
}

fn fail(failure: PlacesFailure) -> PlacesStatus {
    web_sys::console::warn_1(&format!("autonomie-numerique: places: {}", failure.detail()).into());
    PlacesStatus::Failed(failure)
}

/// The local weekday (Monday = 0) and minute, for "ouvert maintenant".
pub fn local_time() -> LocalTime {
    let now = js_sys::Date::new_0();
    LocalTime {
        weekday: ((now.get_day() + 6) % 7) as u8,
        minute: (now.get_hours() * 60 + now.get_minutes()) as u16,
    }
}

fn run(key: &str, query: &Query, now: LocalTime) -> Option<ResultsMessage> {
    SETS.with(|sets| {
        let sets = sets.borrow();
        let index = sets.get(key)?;
        GAZETTEER.with(|gazetteer| {
            let result = index.search(query, gazetteer.borrow().as_ref());
            Some(ResultsMessage::new(index, &result, Some(now)))
        })
    })
}

/// What a search found, and whether the postal-code table it needed could not be loaded.
pub struct Searched {
    pub results: ResultsMessage,
    /// The area is unknown to the data and the postal-code table did not load: the results
    /// may be far away, and the screen offers to try again.
    pub gazetteer_failed: bool,
}

/// Runs a search. When the area is unknown to the data, loads the postal-code gazetteer once
/// and tries again, so the nearest places can still be offered.
pub async fn search(key: &str, base_url: &str, query: &Query) -> Option<Searched> {
    let now = local_time();
    let first = run(key, query, now)?;
    let need_gazetteer =
        first.centre_source == CentreSource::Unknown && GAZETTEER.with(|g| g.borrow().is_none());
    if !need_gazetteer {
        return Some(Searched {
            results: first,
            gazetteer_failed: false,
        });
    }
    let url = format!("{base_url}data/codes-postaux.csv");
    let retry = GAZETTEER_FAILED.with(std::cell::Cell::get);
    let loaded = match fetch_text(&url, &PLACES_TYPES, MAX_GAZETTEER_BYTES, retry).await {
        Ok(text) => Gazetteer::parse(text.as_bytes())
            .map(|(gazetteer, _)| gazetteer)
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.detail()),
    };
    match loaded {
        Ok(gazetteer) => {
            GAZETTEER.with(|g| *g.borrow_mut() = Some(gazetteer));
            run(key, query, now).map(|results| Searched {
                results,
                gazetteer_failed: false,
            })
        }
        Err(detail) => {
            GAZETTEER_FAILED.with(|f| f.set(true));
            web_sys::console::warn_1(
                &format!("autonomie-numerique: postal-code table: {detail}").into(),
            );
            Some(Searched {
                results: first,
                gazetteer_failed: true,
            })
        }
    }
}

/// Asks the browser for the person's position. Refusal, absence or timeout give `None`.
pub async fn current_position() -> Option<(f64, f64)> {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let geolocation = web_sys::window()?.navigator().geolocation().ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move |position: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &position);
        });
        let on_error = Closure::once_into_js(move |error: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        options.set_maximum_age(600_000);
        let _ = geolocation.get_current_position_with_error_callback_and_options(
            on_success.unchecked_ref(),
            Some(on_error.unchecked_ref()),
            &options,
        );
    });
    let position = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let coords = js_sys::Reflect::get(&position, &"coords".into()).ok()?;
    let lat = js_sys::Reflect::get(&coords, &"latitude".into())
        .ok()?
        .as_f64()?;
    let lon = js_sys::Reflect::get(&coords, &"longitude".into())
        .ok()?
        .as_f64()?;
    Some((lat, lon))
}

/// The place whose id hashes to `hash` (see `share_code::place_hash`), from the widget's data,
/// for the mediator view. Loads the data if needed.
pub async fn find_by_hash(
    key: &str,
    source: &Source,
    hash: u32,
) -> Option<autonomie_core::places::PlaceCard> {
    if !matches!(load(key, source, false).await, PlacesStatus::Ready { .. }) {
        return None;
    }
    SETS.with(|sets| {
        let sets = sets.borrow();
        let place = sets
            .get(key)?
            .places()
            .iter()
            .find(|p| autonomie_core::share_code::place_hash(&p.id) == hash)?;
        Some(autonomie_core::places::PlaceCard::new(place, None, None))
    })
}
