//! Loading a widget's places data and searching it.
//!
//! Data is fetched only when the person reaches the "where to go" step. Every way it can fail
//! (network, 404, wrong content type, too large, unreadable) becomes a [`PlacesFailure`] the
//! screen explains; the rest of the flow stays usable.
//!
//! With the national index (`data/lieux/`, see `autonomie_core::places::index`), the manifest
//! is fetched first; a search then fetches the person's département file, finds the centre
//! (the places of the postal code, else the postal-code table), and fetches the files near it
//! that the manifest names (at most 3, each checked against its hash). A file that does not
//! come is named in [`Searched::missing`]; the others still answer. When the widget's files
//! hold no index (the manifest is not found), the demo places are used, with their notice.

use crate::k;
use autonomie_core::i18n::Key;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use autonomie_core::places::{
    parse_places, Centre, CentreSource, Gazetteer, LatLon, LocalTime, Manifest, Place, PlaceIndex,
    Query, ResultsMessage, SkipReason,
};
use autonomie_ui::net::{fetch_bytes, fetch_text, FetchError};

/// Places files bigger than this are refused; a partner should load an extract of their
/// territory (see the `lieux extract` tool) rather than the whole national file.
pub const MAX_PLACES_BYTES: usize = 20 * 1024 * 1024;

/// The postal-code gazetteer is about 210 KB; anything much bigger is not ours.
const MAX_GAZETTEER_BYTES: usize = 2 * 1024 * 1024;

/// A manifest lists about 100 files and their grid cells: tens of kilobytes.
const MAX_MANIFEST_BYTES: usize = 1024 * 1024;

/// A département file of the national index: the densest is about 200 KB.
const MAX_DEPARTEMENT_BYTES: usize = 4 * 1024 * 1024;

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
    /// The national index in the widget's files (`data/lieux/`).
    National {
        base_url: String,
    },
    Demo {
        base_url: String,
    },
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
        /// The newest update of the national index's places (`YYYY-MM-DD`).
        updated: Option<String>,
    },
    Failed(PlacesFailure),
}

impl PlacesFailure {
    /// The i18n key of the message for the person, with its `{code}` argument if any.
    pub fn message_key(&self) -> (Key<'static>, Option<u16>) {
        match self {
            PlacesFailure::Fetch(FetchError::Network) => (k::places::error::NETWORK, None),
            PlacesFailure::Fetch(FetchError::Timeout) => (k::places::error::TIMEOUT, None),
            PlacesFailure::Fetch(FetchError::Status(404)) => (k::places::error::NOT_FOUND, None),
            PlacesFailure::Fetch(FetchError::Status(code)) => {
                (k::places::error::STATUS, Some(*code))
            }
            PlacesFailure::Fetch(FetchError::ContentType(_)) => {
                (k::places::error::CONTENT_TYPE, None)
            }
            PlacesFailure::Fetch(FetchError::TooLarge { .. }) => {
                (k::places::error::TOO_LARGE, None)
            }
            PlacesFailure::Fetch(FetchError::Integrity) => (k::places::error::CHANGED, None),
            PlacesFailure::Fetch(FetchError::NotText)
            | PlacesFailure::Unreadable(_)
            | PlacesFailure::NoInlineData => (k::places::error::UNREADABLE, None),
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
    /// The national index's manifest, by widget key.
    static MANIFESTS: RefCell<Vec<(String, Rc<Manifest>)>> = const { RefCell::new(Vec::new()) };
    /// Département files read, by address: their places, read once.
    static FILES: RefCell<Vec<(String, Rc<Vec<Place>>)>> = const { RefCell::new(Vec::new()) };
    /// The index over the files of the last national search, by their addresses.
    static JOINED: RefCell<Option<(Vec<String>, Rc<PlaceIndex>)>> = const { RefCell::new(None) };
    /// The postal-code table was asked for and did not come: the next try bypasses the cache.
    static GAZETTEER_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The national index's manifest of the widget `key`, once loaded. (A list, not a map: the
/// map's code for one more value type weighs more than the search of a list of one or two.)
fn manifest_of(key: &str) -> Option<Rc<Manifest>> {
    MANIFESTS.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, manifest)| manifest.clone())
    })
}

/// Loads (or reuses) the data of the widget `key`; `retry` when the person pressed
/// "Réessayer" (see `net::fetch_bytes`).
pub async fn load(key: &str, source: &Source, retry: bool) -> PlacesStatus {
    if let Some(manifest) = manifest_of(key) {
        return ready_national(&manifest);
    }
    let demo = matches!(source, Source::Demo { .. });
    if let Some(kept) = SETS.with(|sets| sets.borrow().get(key).map(PlaceIndex::len)) {
        return PlacesStatus::Ready {
            kept,
            skipped: Vec::new(),
            demo: demo || matches!(source, Source::National { .. }),
            updated: None,
        };
    }
    let bytes = match source {
        Source::National { base_url } => {
            let url = format!(
                "{base_url}data/lieux/{}",
                autonomie_core::places::index::MANIFEST
            );
            match fetch_text(&url, &PLACES_TYPES, MAX_MANIFEST_BYTES, retry).await {
                Ok(text) => {
                    return match Manifest::parse(&text) {
                        Ok(manifest) => {
                            let manifest = Rc::new(manifest);
                            MANIFESTS
                                .with(|m| m.borrow_mut().push((key.to_string(), manifest.clone())));
                            ready_national(&manifest)
                        }
                        Err(e) => fail(PlacesFailure::Unreadable(e.to_string())),
                    };
                }
                // These widget files hold no index: the demo places, with their notice.
                Err(FetchError::Status(404)) => {
                    let demo = Source::Demo {
                        base_url: base_url.clone(),
                    };
                    return Box::pin(load(key, &demo, retry)).await;
                }
                Err(e) => return fail(PlacesFailure::Fetch(e)),
            }
        }
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
        updated: None,
    }
}

fn ready_national(manifest: &Manifest) -> PlacesStatus {
    PlacesStatus::Ready {
        kept: manifest.places,
        skipped: Vec::new(),
        demo: false,
        updated: manifest.newest.clone(),
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

fn run_on(index: &PlaceIndex, query: &Query, now: LocalTime) -> ResultsMessage {
    GAZETTEER.with(|gazetteer| {
        let result = index.search(query, gazetteer.borrow().as_ref());
        let mut message = ResultsMessage::new(index, &result, Some(now));
        message.mark_stale(&autonomie_ui::clock::today_iso());
        message
    })
}

fn run(key: &str, query: &Query, now: LocalTime) -> Option<ResultsMessage> {
    SETS.with(|sets| Some(run_on(sets.borrow().get(key)?, query, now)))
}

/// What a search found, and whether the postal-code table it needed could not be loaded.
pub struct Searched {
    pub results: ResultsMessage,
    /// The area is unknown to the data and the postal-code table did not load: the results
    /// may be far away, and the screen offers to try again.
    pub gazetteer_failed: bool,
    /// Département files of the national index that did not come (codes such as `29`): the
    /// results lack their places, and the screen says so.
    pub missing: Vec<String>,
}

/// Runs a search. When the area is unknown to the data, loads the postal-code gazetteer once
/// and tries again, so the nearest places can still be offered.
pub async fn search(key: &str, base_url: &str, query: &Query, retry: bool) -> Option<Searched> {
    if let Some(manifest) = manifest_of(key) {
        return Some(search_national(&manifest, base_url, query, retry).await);
    }
    let now = local_time();
    let first = run(key, query, now)?;
    let need_gazetteer =
        first.centre_source == CentreSource::Unknown && GAZETTEER.with(|g| g.borrow().is_none());
    if !need_gazetteer {
        return Some(Searched {
            results: first,
            gazetteer_failed: false,
            missing: Vec::new(),
        });
    }
    let gazetteer_failed = !load_gazetteer(base_url).await;
    let results = if gazetteer_failed {
        first
    } else {
        run(key, query, now)?
    };
    Some(Searched {
        results,
        gazetteer_failed,
        missing: Vec::new(),
    })
}

/// A search in the national index (see the module's doc).
async fn search_national(
    manifest: &Manifest,
    base_url: &str,
    query: &Query,
    retry: bool,
) -> Searched {
    let now = local_time();
    let folder = format!("{base_url}data/lieux/");
    let mut missing = Vec::new();
    let home = Manifest::home(&query.centre);
    let home_files = manifest.files_near(None, 0.0, home);
    let home_index = join(&folder, &home_files, &mut missing, retry).await;
    // The centre: the places of the postal code, else the postal-code table.
    let mut gazetteer_failed = false;
    let mut centre = home_index.search(query, None).centre;
    if centre.is_none() {
        if GAZETTEER.with(|g| g.borrow().is_none()) {
            gazetteer_failed = !load_gazetteer(base_url).await;
        }
        centre = GAZETTEER.with(|g| home_index.search(query, g.borrow().as_ref()).centre);
    }
    let files = manifest.files_near(centre, query.max_km, home);
    let index = join(&folder, &files, &mut missing, retry).await;
    let mut results = run_on(&index, query, now);
    if let (Some(point), Centre::Commune(_)) = (centre, &query.centre) {
        // A commune found by the postal-code table and none of its places in the files read:
        // the hits are still the nearest, around the commune's point.
        if results.centre_source == CentreSource::Unknown {
            let mut around = query.clone();
            around.centre = Centre::Point(LatLon {
                lat: point.lat,
                lon: point.lon,
            });
            results = run_on(&index, &around, now);
            results.no_place_in_area = true;
        }
    }
    Searched {
        results,
        gazetteer_failed,
        missing,
    }
}

/// The index over `files`, fetching those not read yet; a file that does not come is added to
/// `missing` and left out.
async fn join(
    folder: &str,
    files: &[&autonomie_core::places::DepartementFile],
    missing: &mut Vec<String>,
    retry: bool,
) -> Rc<PlaceIndex> {
    let mut urls = Vec::new();
    for file in files {
        // Already asked for in this search, and it did not come.
        if missing.contains(&file.code) {
            continue;
        }
        let url = format!("{folder}{}", file.file);
        if FILES.with(|f| f.borrow().iter().any(|(read, _)| *read == url)) {
            urls.push(url);
            continue;
        }
        autonomie_ui::net::add_integrity(&url, &file.integrity);
        let loaded = match fetch_bytes(&url, &PLACES_TYPES, MAX_DEPARTEMENT_BYTES, retry).await {
            Ok(bytes) => parse_places(&bytes)
                .map(|report| report.places)
                .map_err(|e| e.message_en()),
            Err(e) => Err(e.detail()),
        };
        match loaded {
            Ok(places) => {
                FILES.with(|f| f.borrow_mut().push((url.clone(), Rc::new(places))));
                urls.push(url);
            }
            Err(detail) => {
                web_sys::console::warn_1(
                    &format!("autonomie-numerique: places of {}: {detail}", file.code).into(),
                );
                if !missing.contains(&file.code) {
                    missing.push(file.code.clone());
                }
            }
        }
    }
    if let Some(index) = JOINED.with(|j| {
        j.borrow()
            .as_ref()
            .filter(|(joined, _)| *joined == urls)
            .map(|(_, index)| index.clone())
    }) {
        return index;
    }
    let places: Vec<Place> = FILES.with(|f| {
        let f = f.borrow();
        urls.iter()
            .filter_map(|url| f.iter().find(|(read, _)| read == url))
            .flat_map(|(_, places)| places.iter().cloned())
            .collect()
    });
    let index = Rc::new(PlaceIndex::new(places));
    JOINED.with(|j| *j.borrow_mut() = Some((urls, index.clone())));
    index
}

/// Loads the postal-code table once; `false` when it did not come (the next try bypasses the
/// cache).
async fn load_gazetteer(base_url: &str) -> bool {
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
            true
        }
        Err(detail) => {
            GAZETTEER_FAILED.with(|f| f.set(true));
            web_sys::console::warn_1(
                &format!("autonomie-numerique: postal-code table: {detail}").into(),
            );
            false
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
/// for the mediator view. Loads the data if needed; with the national index, the file of the
/// place's `departement` (carried by the share code).
pub async fn find_by_hash(
    key: &str,
    source: &Source,
    hash: u32,
    departement: Option<&str>,
) -> Option<autonomie_core::places::PlaceCard> {
    if !matches!(load(key, source, false).await, PlacesStatus::Ready { .. }) {
        return None;
    }
    if let Some(manifest) = manifest_of(key) {
        let Source::National { base_url } = source else {
            return None;
        };
        let files = manifest.files_near(None, 0.0, departement);
        let index = join(
            &format!("{base_url}data/lieux/"),
            &files,
            &mut Vec::new(),
            false,
        )
        .await;
        let place = index
            .places()
            .iter()
            .find(|p| autonomie_core::share_code::place_hash(&p.id) == hash)?;
        return Some(autonomie_core::places::PlaceCard::new(place, None, None));
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
