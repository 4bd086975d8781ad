//! Places in the browser: the widget hands over the text of a places file, then asks for
//! searches. Both directions are JSON text (see `autonomie_core::places::wire`), so the
//! widget's own module needs no parser for the standard.
//!
//! Each widget instance has its own data set, under the key it chooses.

use std::cell::RefCell;
use std::collections::BTreeMap;

use autonomie_core::json::{self, Json};
use autonomie_core::places::{parse_places_str, Gazetteer, PlaceIndex, QueryMessage, ResultsMessage};
use wasm_bindgen::prelude::*;

thread_local! {
    static SETS: RefCell<BTreeMap<String, PlaceIndex>> = const { RefCell::new(BTreeMap::new()) };
    static GAZETTEER: RefCell<Option<Gazetteer>> = const { RefCell::new(None) };
}

fn error(code: &str, detail: String) -> String {
    json::object([("error", Some(json::string(code))), ("detail", Some(Json::String(detail)))]).write()
}

fn count(n: usize) -> Json {
    Json::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Reads a places file into the set `key`. Returns what reading found, as JSON:
/// `{"read", "kept", "skipped", "reasons": [{"code", "count", "message"}]}` or
/// `{"error": code, "detail"}` when the file cannot be used at all.
#[wasm_bindgen]
pub fn places_load(key: String, text: String) -> String {
    match parse_places_str(&text) {
        Ok(report) => {
            let reasons = report
                .skipped_by_reason()
                .into_iter()
                .map(|(reason, n)| {
                    json::object([
                        ("code", Some(json::string(reason.code()))),
                        ("count", Some(count(n))),
                        ("message", Some(json::string(reason.message_fr()))),
                    ])
                })
                .collect();
            let summary = json::object([
                ("read", Some(count(report.rows_read))),
                ("kept", Some(count(report.places.len()))),
                ("skipped", Some(count(report.skipped.len()))),
                ("reasons", Some(Json::Array(reasons))),
            ])
            .write();
            SETS.with(|sets| sets.borrow_mut().insert(key, PlaceIndex::new(report.places)));
            summary
        }
        Err(e) => error("unreadable", e.message_fr()),
    }
}

/// Loads the postal-code gazetteer used when an area has no located place.
#[wasm_bindgen]
pub fn places_load_gazetteer(text: String) -> String {
    match Gazetteer::parse(text.as_bytes()) {
        Ok((gazetteer, _skipped)) => {
            GAZETTEER.with(|g| *g.borrow_mut() = Some(gazetteer));
            json::object([("ok", Some(Json::Bool(true)))]).write()
        }
        Err(e) => error("gazetteer", format!("{e:?}")),
    }
}

/// Runs a search (a `QueryMessage`) on the set `key`; returns a `ResultsMessage`.
#[wasm_bindgen]
pub fn places_search(key: String, query: String) -> String {
    let message = match QueryMessage::from_json(&query) {
        Ok(message) => message,
        Err(e) => return error("query", e.to_string()),
    };
    SETS.with(|sets| {
        let sets = sets.borrow();
        let Some(index) = sets.get(&key) else {
            return error("not_loaded", key.clone());
        };
        GAZETTEER.with(|gazetteer| {
            let gazetteer = gazetteer.borrow();
            let result = index.search(&message.query, gazetteer.as_ref());
            ResultsMessage::new(index, &result, message.now).to_json()
        })
    })
}
