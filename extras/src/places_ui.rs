//! "Trouver un lieu près de chez moi": places that offer what the person needs, nearest and
//! best matching first. The chosen place goes on the printed summary.
//!
//! This screen lives in the lazily loaded module with the places parser, so neither weighs on
//! the first question. The widget mounts it in its shadow root through [`places_ui_mount`],
//! giving it the texts of the current language, its settings, and callbacks to record the
//! chosen place and to navigate.

use std::sync::Arc;

use autonomie_core::envelope::Stored;
use autonomie_core::i18n::{Catalog, Lang};
use autonomie_core::json::Json;
use autonomie_core::places::{
    Accompaniment, Centre, LatLon, PlaceCard, Query, ResultsMessage, Support,
};
use autonomie_core::session::ChosenPlace;
use autonomie_core::Service;
use autonomie_ui::dom::*;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::places_data::{self, PlacesStatus, Source};
use autonomie_ui::screen::{read_settings, Screen};

/// The French texts only this module shows (see `build.rs`).
const PLACES_FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-places.json"));

/// What the widget gives the screen.
struct Host {
    texts: Arc<Catalog>,
    /// The widget's storage key, which also keys its places data.
    key: String,
    base_url: String,
    source: Source,
    /// A postal code or a point to search around at once.
    centre: Option<Centre>,
    services: Vec<Service>,
    navigated: bool,
    /// The partner's `data-debug`: show what was skipped in their file.
    debug: bool,
    container: web_sys::HtmlElement,
    choose: js_sys::Function,
    back: js_sys::Function,
    next: js_sys::Function,
}

#[derive(Clone, Copy)]
struct Ctx {
    host: StoredValue<Host, LocalStorage>,
    chosen: RwSignal<Option<String>>,
    status: RwSignal<PlacesStatus>,
}

impl Ctx {
    fn t(&self, key: &str) -> String {
        self.host.with_value(|h| h.texts.text(key))
    }

    fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.host.with_value(|h| h.texts.format(key, args))
    }

    fn lang(&self) -> Lang {
        self.host.with_value(|h| h.texts.lang())
    }

    fn choose_place(&self, place: ChosenPlace) {
        let again = self
            .chosen
            .with_untracked(|c| c.as_deref() == Some(place.id.as_str()));
        let payload = if again {
            String::new()
        } else {
            place.to_json().write()
        };
        self.chosen.set((!again).then(|| place.id.clone()));
        self.host.with_value(|h| {
            let _ = h.choose.call1(&JsValue::NULL, &JsValue::from_str(&payload));
        });
    }

    fn call(&self, which: fn(&Host) -> &js_sys::Function) {
        self.host.with_value(|h| {
            let _ = which(h).call0(&JsValue::NULL);
        });
    }
}

/// The data key, base URL and data source in the widget's settings.
fn data_settings(settings: &Json) -> (String, String, Source) {
    let text = |key: &str| settings.get(key).and_then(Json::as_str).map(str::to_string);
    let base_url = text("base").unwrap_or_default();
    let source = match text("places").as_deref() {
        None | Some("demo") => Source::Demo {
            base_url: base_url.clone(),
        },
        Some("inline") => Source::Inline(text("inline")),
        Some(url) => Source::Url(url.to_string()),
    };
    (
        text("key").unwrap_or_else(|| "default".into()),
        base_url,
        source,
    )
}

/// Mounts the places screen in `container`. `settings` is JSON:
/// `{"key", "base", "places": "demo"|"inline"|url, "inline"?, "centre"?: {"postal_code"}|{"lat_e6","lon_e6"},
/// "services": [ids], "chosen"?, "lang", "navigated"}`; `texts` is the current catalog as a flat
/// JSON object. `choose` receives the chosen place as JSON (empty when un-chosen); `back` and
/// `next` navigate.
#[wasm_bindgen]
pub fn places_ui_mount(
    container: web_sys::HtmlElement,
    settings: String,
    texts: String,
    choose: js_sys::Function,
    back: js_sys::Function,
    next: js_sys::Function,
) -> Screen {
    let (settings, texts) = read_settings(&settings, &texts, PLACES_FRENCH);
    let text = |key: &str| settings.get(key).and_then(Json::as_str).map(str::to_string);
    let (key, base_url, source) = data_settings(&settings);
    let centre = settings.get("centre").and_then(|c| {
        if let Some(code) = c.get("postal_code").and_then(Json::as_str) {
            return Some(Centre::PostalCode(code.to_string()));
        }
        let micro = |k| c.get(k).and_then(Json::as_i64).map(|v| v as f64 / 1e6);
        Some(Centre::Point(LatLon {
            lat: micro("lat_e6")?,
            lon: micro("lon_e6")?,
        }))
    });
    let services = autonomie_core::json::read_strings(settings.get("services"))
        .unwrap_or_default()
        .iter()
        .filter_map(|id| Service::from_id(id))
        .collect();
    let host = Host {
        texts: Arc::new(texts),
        key,
        base_url,
        source,
        centre,
        services,
        navigated: settings
            .get("navigated")
            .and_then(Json::as_bool)
            .unwrap_or(false),
        debug: settings
            .get("debug")
            .and_then(Json::as_bool)
            .unwrap_or(false),
        container: container.clone(),
        choose,
        back,
        next,
    };
    let chosen = text("chosen");
    Screen::mount(container, move || {
        let ctx = Ctx {
            host: StoredValue::new_local(host),
            chosen: RwSignal::new(chosen),
            status: RwSignal::new(PlacesStatus::Loading),
        };
        places_screen(ctx)
    })
}

/// What the search shows.
#[derive(Clone, PartialEq)]
enum Found {
    Nothing,
    Searching,
    /// The results, and whether the postal-code table failed to load (see
    /// `places_data::Searched`).
    Results(ResultsMessage, bool),
    Failed(String),
}

/// The filters, as the person set them.
#[derive(Clone, Default, PartialEq)]
struct Filters {
    free: bool,
    done_for_me: bool,
    support: Option<Support>,
    help: Option<Accompaniment>,
}

fn places_screen(ctx: Ctx) -> AnyView {
    // Load once per screen; the data itself is kept for the page's life.
    let (key, source) = ctx.host.with_value(|h| (h.key.clone(), h.source.clone()));
    leptos::task::spawn_local(async move {
        let status = places_data::load(&key, &source, false).await;
        // The person may have left the screen meanwhile.
        let _ = ctx.status.try_set(status);
    });
    // Like every screen of the widget: focus on the heading when the person got here by an
    // action, so keyboard and screen-reader users land on the new content.
    Effect::new(move |_| {
        ctx.host.with_value(|h| {
            if !h.navigated {
                return;
            }
            let heading = h.container.query_selector(".an-screen h2").ok().flatten();
            if let Some(heading) = heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = heading.focus();
            }
        });
    });
    let where_text = RwSignal::new(
        ctx.host
            .with_value(|h| match &h.centre {
                Some(Centre::PostalCode(code)) => Some(code.clone()),
                _ => None,
            })
            .unwrap_or_default(),
    );
    let point = RwSignal::new(ctx.host.with_value(|h| match &h.centre {
        Some(Centre::Point(p)) => Some((p.lat, p.lon)),
        _ => None,
    }));
    let filters = RwSignal::new(Filters::default());
    let found = RwSignal::new(Found::Nothing);
    let geo_message = RwSignal::new(None::<String>);
    let services = ctx.host.with_value(|h| h.services.clone());
    // Each search has a number; a slow answer to an older search is ignored.
    let generation = StoredValue::new(0u32);

    let run_search = move || {
        let centre = match point.get_untracked() {
            Some((lat, lon)) => Some(Centre::Point(LatLon { lat, lon })),
            None => Centre::from_input(&where_text.get_untracked()),
        };
        let Some(centre) = centre else {
            found.set(Found::Nothing);
            return;
        };
        if !ctx
            .status
            .with_untracked(|s| matches!(s, PlacesStatus::Ready { .. }))
        {
            return;
        }
        let chosen = filters.get_untracked();
        let mut query = Query::new(centre);
        query.services = services.clone();
        query.free_only = chosen.free;
        query.done_for_me = chosen.done_for_me;
        query.support = chosen.support;
        query.accompaniment = chosen.help;
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        found.set(Found::Searching);
        let (key, base) = ctx.host.with_value(|h| (h.key.clone(), h.base_url.clone()));
        leptos::task::spawn_local(async move {
            let result = places_data::search(&key, &base, &query).await;
            // An older search, or a screen the person has left.
            if generation.try_get_value() != Some(mine) {
                return;
            }
            let _ = found.try_set(match result {
                Some(searched) => Found::Results(searched.results, searched.gazetteer_failed),
                None => Found::Failed(ctx.t("places.error.unreadable")),
            });
        });
    };
    // A search as soon as the data is there when a default centre is set, and again when
    // the person types or changes a filter.
    let auto = run_search.clone();
    Effect::new(move |_| {
        if ctx.status.with(|s| matches!(s, PlacesStatus::Ready { .. })) {
            auto();
        }
    });

    let typed = run_search.clone();
    let submitted = run_search.clone();
    let entered = run_search.clone();
    let filtered = run_search.clone();
    let located = run_search.clone();
    let search_form = el(
        "form",
        vec![class("an-place-search"), at("role", "search"), no_submit()],
        vec![
            text_el(
                "label",
                vec![at("for", "an-where")],
                ctx.t("places.where_label"),
            ),
            text_el(
                "p",
                vec![class("an-hint"), id("an-where-hint")],
                ctx.t("places.where_hint"),
            ),
            el(
                "div",
                vec![class("an-inline")],
                vec![
                    el(
                        "input",
                        vec![
                            id("an-where"),
                            at("type", "text"),
                            at("autocomplete", "postal-code"),
                            at("aria-describedby", "an-where-hint"),
                            at("value", where_text.get_untracked()),
                            on_value("input", move |value| {
                                where_text.set(value.clone());
                                point.set(None);
                                // Search as the person types a whole postal code or a name.
                                let value = value.trim().to_string();
                                let complete = (value.len() == 5
                                    && value.bytes().all(|b| b.is_ascii_digit()))
                                    || (value.chars().count() >= 3
                                        && !value.bytes().any(|b| b.is_ascii_digit()));
                                if complete {
                                    typed();
                                }
                            }),
                            on_enter(entered),
                        ],
                        vec![],
                    ),
                    button(
                        "an-button an-primary",
                        vec![icon("search"), txt(ctx.t("places.search"))],
                        submitted,
                    ),
                ],
            ),
            button(
                "an-button an-secondary",
                vec![icon("pin"), txt(ctx.t("places.use_position"))],
                move || {
                    let located = located.clone();
                    geo_message.set(Some(ctx.t("places.locating")));
                    leptos::task::spawn_local(async move {
                        match places_data::current_position().await {
                            Some(position) => {
                                geo_message.set(None);
                                point.set(Some(position));
                                where_text.set(String::new());
                                located();
                            }
                            None => geo_message.set(Some(ctx.t("places.position_refused"))),
                        }
                    });
                },
            ),
            el(
                "p",
                vec![class("an-hint"), at("role", "status")],
                vec![reactive_text(move || geo_message.get().unwrap_or_default())],
            ),
        ],
    );

    let filters_view = filters_fieldset(ctx, filters, filtered);

    let status = move || match ctx.status.get() {
        PlacesStatus::Loading => text_el(
            "p",
            vec![class("an-loading"), at("role", "status")],
            ctx.t("places.loading"),
        ),
        PlacesStatus::Failed(failure) => {
            let (key, code) = failure.message_key();
            let message = match code {
                Some(code) => ctx.format(key, &[("code", &code.to_string())]),
                None => ctx.t(key),
            };
            el(
                "div",
                vec![class("an-notice"), at("role", "alert")],
                vec![
                    text_el("p", vec![], message),
                    button(
                        "an-button an-secondary",
                        vec![txt(ctx.t("places.retry"))],
                        move || {
                            ctx.status.set(PlacesStatus::Loading);
                            let (key, source) =
                                ctx.host.with_value(|h| (h.key.clone(), h.source.clone()));
                            leptos::task::spawn_local(async move {
                                let status = places_data::load(&key, &source, true).await;
                                let _ = ctx.status.try_set(status);
                            });
                        },
                    ),
                ],
            )
        }
        PlacesStatus::Ready { skipped, .. }
            if ctx.host.with_value(|h| h.debug) && !skipped.is_empty() =>
        {
            // For the partner, in English like the other configuration messages.
            let total: usize = skipped.iter().map(|(_, n)| n).sum();
            let reasons: Vec<String> = skipped
                .iter()
                .map(|(r, n)| format!("{} × {}", n, r.message_en()))
                .collect();
            text_el(
                "p",
                vec![class("an-notice an-debug"), at("role", "note")],
                format!(
                    "Places file: {total} rows skipped ({}).",
                    reasons.join("; ")
                ),
            )
        }
        PlacesStatus::Ready { demo: true, .. } => text_el(
            "p",
            vec![class("an-notice an-demo"), at("role", "note")],
            ctx.t("places.demo_notice"),
        ),
        PlacesStatus::Ready { .. } => nothing(),
    };

    let again = run_search.clone();
    let results = move || match found.get() {
        Found::Nothing => nothing(),
        Found::Searching => text_el("p", vec![at("role", "status")], ctx.t("places.searching")),
        Found::Failed(message) => {
            text_el("p", vec![class("an-error"), at("role", "alert")], message)
        }
        Found::Results(results, false) => results_view(ctx, results),
        Found::Results(results, true) => {
            let again = again.clone();
            vec![
                el(
                    "div",
                    vec![class("an-notice"), at("role", "alert")],
                    vec![
                        text_el("p", vec![], ctx.t("places.error.postal_codes")),
                        button(
                            "an-button an-secondary an-retry",
                            vec![txt(ctx.t("places.retry"))],
                            again,
                        ),
                    ],
                ),
                results_view(ctx, results),
            ]
            .into_any()
        }
    };

    el(
        "section",
        vec![class("an-screen an-places")],
        vec![
            text_el(
                "h2",
                vec![id("an-places-title"), at("tabindex", "-1")],
                ctx.t("places.title"),
            ),
            text_el("p", vec![class("an-lead")], ctx.t("places.intro")),
            reactive(status),
            search_form,
            filters_view,
            el("div", vec![class("an-results")], vec![reactive(results)]),
            el(
                "div",
                vec![class("an-actions an-actions-wrap")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("orientation.back"))],
                        move || ctx.call(|h| &h.back),
                    ),
                    button(
                        "an-button an-primary",
                        vec![icon("print"), txt(ctx.t("orientation.print"))],
                        move || ctx.call(|h| &h.next),
                    ),
                ],
            ),
        ],
    )
}

fn filters_fieldset(
    ctx: Ctx,
    filters: RwSignal<Filters>,
    rerun: impl Fn() + Clone + 'static,
) -> AnyView {
    let check =
        |key: &str, id_attr: &'static str, set: fn(&mut Filters, bool), rerun: Box<dyn Fn()>| {
            el(
                "label",
                vec![class("an-check"), at("for", id_attr)],
                vec![
                    el(
                        "input",
                        vec![
                            at("type", "checkbox"),
                            id(id_attr),
                            on_checked(move |checked| {
                                filters.update(|f| set(f, checked));
                                rerun();
                            }),
                        ],
                        vec![],
                    ),
                    text_el("span", vec![], ctx.t(key)),
                ],
            )
        };
    let rerun_free = rerun.clone();
    let rerun_done = rerun.clone();
    let rerun_support = rerun.clone();
    let support_options = std::iter::once(text_el(
        "option",
        vec![at("value", "")],
        ctx.t("places.filter.any"),
    ))
    .chain(
        [
            Support::Illiteracy,
            Support::English,
            Support::OtherLanguages,
            Support::VisualImpairment,
            Support::Deafness,
            Support::MotorDisability,
            Support::MentalDisability,
        ]
        .into_iter()
        .map(|s| {
            text_el(
                "option",
                vec![at("value", s.id())],
                ctx.t(&format!("support.{}", s.id())),
            )
        }),
    )
    .collect();
    let help_options = std::iter::once(text_el(
        "option",
        vec![at("value", "")],
        ctx.t("places.filter.any"),
    ))
    .chain(
        [
            Accompaniment::Individual,
            Accompaniment::Workshop,
            Accompaniment::Autonomous,
            Accompaniment::Remote,
        ]
        .into_iter()
        .map(|a| {
            text_el(
                "option",
                vec![at("value", a.id())],
                ctx.t(&format!("accompaniment.{}", a.id())),
            )
        }),
    )
    .collect();
    el(
        "fieldset",
        vec![class("an-box an-filters")],
        vec![
            el(
                "legend",
                vec![],
                vec![text_el("h3", vec![], ctx.t("places.filters"))],
            ),
            check(
                "places.filter.free",
                "an-free",
                |f, v| f.free = v,
                Box::new(rerun_free),
            ),
            check(
                "places.filter.done_for_me",
                "an-done-for-me",
                |f, v| f.done_for_me = v,
                Box::new(rerun_done),
            ),
            text_el(
                "label",
                vec![at("for", "an-support")],
                ctx.t("places.filter.support"),
            ),
            el(
                "select",
                vec![
                    id("an-support"),
                    on_value("change", move |value| {
                        filters.update(|f| f.support = Support::from_id(&value));
                        rerun_support();
                    }),
                ],
                support_options,
            ),
            text_el(
                "label",
                vec![at("for", "an-help")],
                ctx.t("places.filter.help"),
            ),
            el(
                "select",
                vec![
                    id("an-help"),
                    on_value("change", move |value| {
                        filters.update(|f| f.help = Accompaniment::from_id(&value));
                        rerun();
                    }),
                ],
                help_options,
            ),
        ],
    )
}

/// "à 850 m", "à 12,5 km".
fn distance_text(ctx: &Ctx, metres: i64) -> String {
    if metres < 1000 {
        return ctx.format(
            "places.distance_m",
            &[("m", &(((metres + 5) / 10) * 10).to_string())],
        );
    }
    let tenths = (metres + 50) / 100;
    let separator = if ctx.lang().code() == "en" { "." } else { "," };
    let km = if tenths >= 100 {
        (tenths / 10).to_string()
    } else {
        format!("{}{separator}{}", tenths / 10, tenths % 10)
    };
    ctx.format("places.distance_km", &[("km", &km)])
}

/// "lun. 09:00–12:00 · mar. …", closed days left out; the raw text when hours do not parse.
fn week_text(ctx: &Ctx, card: &PlaceCard) -> String {
    match &card.week {
        Some(days) => days
            .iter()
            .enumerate()
            .filter(|(_, hours)| !hours.is_empty())
            .map(|(day, hours)| format!("{} {hours}", ctx.t(&format!("day.{day}"))))
            .collect::<Vec<_>>()
            .join(" · "),
        None => card.hours_raw.clone().unwrap_or_default(),
    }
}

fn results_view(ctx: Ctx, results: ResultsMessage) -> AnyView {
    let mut intro = Vec::new();
    if results.no_place_in_area {
        intro.push(text_el(
            "p",
            vec![class("an-notice")],
            ctx.t("places.none_in_area"),
        ));
    }
    let count = if results.places.is_empty() {
        ctx.t("places.no_result")
    } else {
        ctx.format(
            "places.count",
            &[("count", &results.places.len().to_string())],
        )
    };
    intro.push(text_el(
        "p",
        vec![class("an-count"), at("role", "status")],
        count,
    ));
    let cards: Vec<AnyView> = results
        .places
        .into_iter()
        .map(|card| place_card(ctx, card))
        .collect();
    el(
        "div",
        vec![],
        vec![
            el("div", vec![], intro),
            el("ul", vec![class("an-place-list")], cards),
        ],
    )
}

fn link(href: String, label: String) -> AnyView {
    // Only http(s) URLs reach here (checked when the results were read); they open in a new
    // tab without giving it access to the widget's page.
    el(
        "a",
        vec![
            at("href", href),
            at("target", "_blank"),
            at("rel", "noopener noreferrer"),
        ],
        vec![txt(label)],
    )
}

fn place_card(ctx: Ctx, card: PlaceCard) -> AnyView {
    let chosen_id = card.id.clone();
    let is_chosen = move || {
        ctx.chosen
            .with(|c| c.as_deref() == Some(chosen_id.as_str()))
    };
    let is_chosen_label = is_chosen.clone();
    let address = format!("{}, {} {}", card.address, card.postal_code, card.commune);
    let mut lines = vec![
        text_el("h3", vec![], card.name.clone()),
        text_el("p", vec![], address.clone()),
    ];
    if let Some(metres) = card.distance_m {
        lines.push(text_el(
            "p",
            vec![class("an-distance")],
            distance_text(&ctx, metres),
        ));
    }
    match (&card.hours_today, card.open_now) {
        (Some(today), Some(open)) => {
            let state = ctx.t(if open {
                "places.open_now"
            } else {
                "places.closed_now"
            });
            let today_text = if today.is_empty() {
                ctx.t("places.closed_today")
            } else {
                today.clone()
            };
            lines.push(el(
                "p",
                vec![],
                vec![
                    text_el(
                        "strong",
                        vec![class(if open { "an-open" } else { "an-closed" })],
                        state,
                    ),
                    txt(format!(" · {} {today_text}", ctx.t("places.today"))),
                ],
            ));
        }
        _ => {
            if let Some(raw) = &card.hours_raw {
                lines.push(text_el(
                    "p",
                    vec![],
                    format!("{} {raw}", ctx.t("places.hours")),
                ));
            }
        }
    }
    if !card.matched.is_empty() {
        let names: Vec<String> = card
            .matched
            .iter()
            .map(|id| ctx.t(&format!("service.{id}")))
            .collect();
        lines.push(text_el(
            "p",
            vec![class("an-small")],
            format!("{} {}", ctx.t("places.offers"), names.join(", ")),
        ));
    }
    let mut tags = Vec::new();
    if card.free {
        tags.push(ctx.t("places.tag.free"));
    }
    if card.aidants_connect {
        tags.push(ctx.t("places.tag.aidants_connect"));
    }
    if !tags.is_empty() {
        lines.push(text_el("p", vec![class("an-small")], tags.join(" · ")));
    }
    let mut links = Vec::new();
    if let (Some(phone), Some(display)) = (&card.phone, &card.phone_display) {
        links.push(link_tel(phone, display));
    }
    if let Some(url) = &card.booking_url {
        links.push(link(url.clone(), ctx.t("places.booking")));
    }
    if let Some(url) = &card.website {
        links.push(link(url.clone(), ctx.t("places.website")));
    }
    if let Some(url) = &card.accessibility_url {
        links.push(link(url.clone(), ctx.t("places.accessibility")));
    }
    if !links.is_empty() {
        lines.push(el("p", vec![class("an-place-links")], links));
    }
    let chosen = ChosenPlace {
        id: card.id.clone(),
        name: card.name.clone(),
        address,
        phone: card.phone_display.clone().unwrap_or_default(),
        hours: week_text(&ctx, &card),
        services: card.matched.clone(),
    };
    lines.push(el(
        "button",
        vec![
            at("type", "button"),
            class("an-button an-secondary an-choose"),
            at_dyn("aria-pressed", move || is_chosen().to_string()),
            on_click(move || ctx.choose_place(chosen.clone())),
        ],
        vec![reactive_text(move || {
            ctx.t(if is_chosen_label() {
                "places.chosen"
            } else {
                "places.choose"
            })
        })],
    ));
    el("li", vec![class("an-place")], lines)
}

fn link_tel(phone: &str, display: &str) -> AnyView {
    el(
        "a",
        vec![at("href", format!("tel:{phone}"))],
        vec![txt(display.to_string())],
    )
}

/// The mediator view's lookup of a chosen place by its hash. `settings` as for
/// [`places_ui_mount`]; resolves to the place as JSON, or an empty string.
#[wasm_bindgen]
pub async fn places_find(settings: String, hash: u32) -> String {
    let (key, _, source) = data_settings(&Json::parse(&settings).unwrap_or(Json::Null));
    places_data::find_by_hash(&key, &source, hash)
        .await
        .map(|place| place.to_json().write())
        .unwrap_or_default()
}
