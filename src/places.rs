//! Loading the partner's places data and searching it, through the lazily loaded module.
//!
//! Data is fetched only when the person reaches the "where to go" step. Every way it can fail
//! (network, 404, wrong content type, too large, unreadable) becomes a [`PlacesStatus::Failed`]
//! the screen explains, and the rest of the flow stays usable.

use autonomie_core::config::PlacesSource;
use autonomie_core::json::Json;
use autonomie_core::places::{QueryMessage, ResultsMessage};
use leptos::prelude::*;

use crate::extras;
use crate::net::{fetch_text, FetchError};
use crate::state::Ctx;

/// Places files bigger than this are refused; a partner should load an extract of their
/// territory (see the `lieux extract` tool) rather than the whole national file.
pub const MAX_PLACES_BYTES: usize = 20 * 1024 * 1024;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacesFailure {
    Fetch(FetchError),
    /// The file was read but nothing in it is usable; the detail is for the partner.
    Unreadable(String),
    /// The module that reads places could not be loaded (offline, blocked…).
    ModuleUnavailable,
    /// The partner chose inline data but the host element holds none.
    NoInlineData,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedReason {
    pub code: String,
    pub count: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PlacesStatus {
    #[default]
    Idle,
    Loading,
    Ready {
        kept: usize,
        skipped: usize,
        reasons: Vec<SkippedReason>,
        demo: bool,
    },
    Failed(PlacesFailure),
}

impl PlacesFailure {
    /// The message for the person, through i18n.
    pub fn text(&self, ctx: &Ctx) -> String {
        match self {
            PlacesFailure::Fetch(FetchError::Network) => ctx.t("places.error.network"),
            PlacesFailure::Fetch(FetchError::Status(404)) => ctx.t("places.error.not_found"),
            PlacesFailure::Fetch(FetchError::Status(code)) => {
                ctx.format("places.error.status", &[("code", &code.to_string())])
            }
            PlacesFailure::Fetch(FetchError::ContentType(_)) => ctx.t("places.error.content_type"),
            PlacesFailure::Fetch(FetchError::TooLarge { .. }) => ctx.t("places.error.too_large"),
            PlacesFailure::Fetch(FetchError::NotText) | PlacesFailure::Unreadable(_) => {
                ctx.t("places.error.unreadable")
            }
            PlacesFailure::ModuleUnavailable => ctx.t("places.error.module"),
            PlacesFailure::NoInlineData => ctx.t("places.error.unreadable"),
        }
    }

    /// Details for the partner's console.
    pub fn detail(&self) -> String {
        match self {
            PlacesFailure::Fetch(e) => format!("{e:?}"),
            PlacesFailure::Unreadable(detail) => detail.clone(),
            PlacesFailure::ModuleUnavailable => "the extras module did not load".into(),
            PlacesFailure::NoInlineData => {
                "data-places=\"inline\" needs a <script type=\"application/json\"> or text/csv inside the element".into()
            }
        }
    }
}

/// Loads the configured data once per widget; later calls do nothing.
pub fn ensure_loaded(ctx: Ctx) {
    if ctx.places.with_untracked(|s| !matches!(s, PlacesStatus::Idle)) {
        return;
    }
    ctx.places.set(PlacesStatus::Loading);
    leptos::task::spawn_local(async move {
        let status = match load(&ctx).await {
            Ok(status) => status,
            Err(failure) => {
                web_sys::console::warn_1(&format!("autonomie-numerique: places: {}", failure.detail()).into());
                PlacesStatus::Failed(failure)
            }
        };
        ctx.places.set(status);
    });
}

/// Forgets a failure so the person can try again.
pub fn retry(ctx: Ctx) {
    ctx.places.set(PlacesStatus::Idle);
    ensure_loaded(ctx);
}

async fn load(ctx: &Ctx) -> Result<PlacesStatus, PlacesFailure> {
    let source = ctx.config.with_value(|c| c.places.clone());
    let demo = source == PlacesSource::Demo;
    let text = match source {
        PlacesSource::Demo => {
            let url = format!("{}data/lieux-demo.csv", ctx.base_url.get_value());
            fetch_text(&url, &PLACES_TYPES, MAX_PLACES_BYTES).await.map_err(PlacesFailure::Fetch)?
        }
        PlacesSource::Url(url) => fetch_text(&url, &PLACES_TYPES, MAX_PLACES_BYTES)
            .await
            .map_err(PlacesFailure::Fetch)?,
        PlacesSource::Inline => ctx.inline_places.get_value().ok_or(PlacesFailure::NoInlineData)?,
    };
    let summary = extras::call("places_load", &[&ctx.config.with_value(|c| c.namespace.clone()), &text])
        .await
        .map_err(|_| PlacesFailure::ModuleUnavailable)?;
    let summary = Json::parse(&summary).map_err(|e| PlacesFailure::Unreadable(e.to_string()))?;
    if let Some(error) = summary.get("detail").and_then(Json::as_str) {
        return Err(PlacesFailure::Unreadable(error.to_string()));
    }
    let number = |key: &str| summary.get(key).and_then(Json::as_u64).unwrap_or(0) as usize;
    let reasons: Vec<SkippedReason> = summary
        .get("reasons")
        .and_then(Json::as_array)
        .unwrap_or_default()
        .iter()
        .map(|r| SkippedReason {
            code: r.get("code").and_then(Json::as_str).unwrap_or_default().to_string(),
            count: r.get("count").and_then(Json::as_u64).unwrap_or(0) as usize,
            message: r.get("message").and_then(Json::as_str).unwrap_or_default().to_string(),
        })
        .collect();
    if !reasons.is_empty() {
        // The partner tool and the console show which rows were skipped and why.
        let lines: Vec<String> = reasons.iter().map(|r| format!("{} × {}", r.count, r.message)).collect();
        web_sys::console::warn_1(
            &format!("autonomie-numerique: places rows skipped: {}", lines.join("; ")).into(),
        );
    }
    if number("kept") == 0 {
        return Err(PlacesFailure::Unreadable("no usable place in the file".into()));
    }
    Ok(PlacesStatus::Ready {
        kept: number("kept"),
        skipped: number("skipped"),
        reasons,
        demo,
    })
}

/// The local weekday (Monday = 0) and minute, for "ouvert maintenant".
pub fn local_time() -> autonomie_core::places::LocalTime {
    let now = js_sys::Date::new_0();
    autonomie_core::places::LocalTime {
        weekday: ((now.get_day() + 6) % 7) as u8,
        minute: (now.get_hours() * 60 + now.get_minutes()) as u16,
    }
}

/// Runs a search. When the area is unknown to the data, loads the postal-code gazetteer once
/// and tries again, so the nearest places can still be offered.
pub async fn search(ctx: Ctx, query: QueryMessage) -> Result<ResultsMessage, PlacesFailure> {
    let key = ctx.config.with_value(|c| c.namespace.clone());
    let run = |key: String, text: String| async move {
        let reply = extras::call("places_search", &[&key, &text])
            .await
            .map_err(|_| PlacesFailure::ModuleUnavailable)?;
        ResultsMessage::from_json(&reply).map_err(|e| PlacesFailure::Unreadable(e.to_string()))
    };
    let text = query.to_json();
    let first = run(key.clone(), text.clone()).await?;
    let unknown_area = first.centre_source == autonomie_core::places::CentreSource::Unknown;
    if unknown_area && !ctx.gazetteer_loaded.get_value() {
        ctx.gazetteer_loaded.set_value(true);
        let url = format!("{}data/codes-postaux.csv", ctx.base_url.get_value());
        if let Ok(gazetteer) = fetch_text(&url, &PLACES_TYPES, 2 * 1024 * 1024).await {
            if extras::call("places_load_gazetteer", &[&gazetteer]).await.is_ok() {
                return run(key, text).await;
            }
        }
    }
    Ok(first)
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
    let lat = js_sys::Reflect::get(&coords, &"latitude".into()).ok()?.as_f64()?;
    let lon = js_sys::Reflect::get(&coords, &"longitude".into()).ok()?.as_f64()?;
    Some((lat, lon))
}
