//! "Trouver un lieu près de chez moi": places that offer what the person needs, nearest and
//! best matching first. The chosen place goes on the printed summary.
//!
//! This screen lives in the lazily loaded module with the places parser, so neither weighs on
//! the first question. The widget mounts it in its shadow root through [`places_ui_mount`],
//! with the settings and actions of [`autonomie_ui::contract`]. It is written with the `h()`
//! builder (see [`crate::page`]): the search form and the filters stay as the person sets them, and only
//! the status line, the position message and the places found are rewritten.
//!
//! This file holds the screen's state (`Places`), its mount, the loading of the places data
//! with the status line, the screen's frame and its listeners. Its parts: `search.rs` (the
//! "where" field, the filters, the search and "Utiliser ma position"), `cards.rs` (the places
//! found, one card each) and `chosen.rs` ("Choisir ce lieu", and what the summary prints of a
//! place). Its CSS is `places.css`, beside them.

mod cards;
pub mod chosen;
mod search;

use crate::k;
use crate::page::On;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use autonomie_core::evaluation::evaluate;
use autonomie_core::i18n::Catalog;
use autonomie_core::orientation::HelpKind;
use autonomie_core::places::LatLon;
use autonomie_core::session::ChosenPlace;
use autonomie_core::Service;
use autonomie_ui::contract::{Action, ScreenSettings};
use autonomie_ui::markup::{fragment, h, H};
use autonomie_ui::screen::catalog;
use wasm_bindgen::prelude::*;

use crate::page::{button, is_enter, Mounted, Page};
use crate::places_data::{self, PlacesStatus, Source};
use chosen::choose;
use search::{filters, locate, run_search};

/// The screen's state, shared by its listeners.
struct Places {
    texts: Catalog,
    page: Rc<Page>,
    on_action: js_sys::Function,
    /// The widget's storage key, which also keys its places data.
    key: String,
    base_url: String,
    source: Source,
    /// The services the orientation recommends, most needed first.
    services: Vec<Service>,
    /// The person reads French with difficulty: the "accompagnement adapté" filter is proposed.
    reading_help: bool,
    /// The kind of help the orientation recommends first: places offering it rank first.
    help: Option<HelpKind>,
    /// The partner's `data-debug`: show what was skipped in their file.
    debug: bool,
    status: RefCell<PlacesStatus>,
    /// A point from "Utiliser ma position" or the partner's default, until the person types.
    point: Cell<Option<(f64, f64)>>,
    /// Each search has a number; a slow answer to an older search is ignored.
    generation: Cell<u32>,
    /// The places on show, for "Choisir ce lieu".
    shown: RefCell<Vec<ChosenPlace>>,
    chosen: RefCell<Option<String>>,
}

type Ctx = Rc<Places>;

impl Texts for Places {
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        read(&self.texts)
    }
}

impl Places {
    fn act(&self, action: Action) {
        let _ = self
            .on_action
            .call1(&JsValue::NULL, &JsValue::from_str(&action.to_json()));
    }
}

/// The places data of a widget: its storage key and where its places come from.
pub fn data_source(settings: &ScreenSettings) -> (String, Source) {
    let source = match settings.places.as_str() {
        "national" | "" => Source::National {
            base_url: settings.base.clone(),
        },
        "demo" => Source::Demo {
            base_url: settings.base.clone(),
        },
        "inline" => Source::Inline(settings.inline.clone()),
        url => Source::Url(url.to_string()),
    };
    (settings.key.clone(), source)
}

/// Mounts the places screen in `container`. `settings` and `on_action` follow
/// [`autonomie_ui::contract`]; `texts` is the current catalog as a flat JSON object.
#[wasm_bindgen]
pub fn places_ui_mount(
    container: web_sys::HtmlElement,
    settings: String,
    texts: String,
    on_action: js_sys::Function,
) -> Mounted {
    let settings = ScreenSettings::from_json(&settings);
    let texts = catalog(&settings.lang, &texts, crate::results::EXTRAS_FRENCH);
    let (key, source) = data_source(&settings);
    let evaluation = settings.session.as_ref().map(|session| {
        let bank = crate::results::bank_for(&settings.domains);
        evaluate(bank, session, &session.priorities)
    });
    let page = Page::new(container);
    let ctx: Ctx = Rc::new(Places {
        texts,
        page: page.clone(),
        on_action,
        key,
        base_url: settings.base.clone(),
        source,
        services: evaluation
            .as_ref()
            .map(|e| e.orientation.services.iter().map(|a| a.service).collect())
            .unwrap_or_default(),
        reading_help: evaluation
            .as_ref()
            .is_some_and(|e| e.orientation.reading_help),
        help: evaluation
            .as_ref()
            .and_then(|e| e.orientation.help.first().copied()),
        debug: settings.debug,
        status: RefCell::new(PlacesStatus::Loading),
        point: Cell::new(
            settings
                .centre_e6
                .and_then(|(lat, lon)| LatLon::from_micro_degrees(lat, lon))
                .map(|point| (point.lat, point.lon)),
        ),
        generation: Cell::new(0),
        shown: RefCell::new(Vec::new()),
        chosen: RefCell::new(
            settings
                .session
                .as_ref()
                .and_then(|s| s.chosen_place.as_ref())
                .map(|p| p.id.clone()),
        ),
    });
    let initial_where = settings.centre_postal_code.clone().unwrap_or_default();
    page.show(screen(&ctx, &initial_where));
    if settings.navigated {
        page.focus(autonomie_ui::focus::SCREEN_HEADING);
    }
    listen(&ctx);
    load(&ctx, false);
    Mounted::new(page)
}

/// Loads the data (once per page; kept for its life), then searches around the default
/// centre if there is one.
fn load(ctx: &Ctx, retry: bool) {
    *ctx.status.borrow_mut() = PlacesStatus::Loading;
    show_status(ctx);
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let status = places_data::load(&ctx.key, &ctx.source, retry).await;
        // The person may have left the screen meanwhile.
        if !ctx.page.alive() {
            return;
        }
        *ctx.status.borrow_mut() = status;
        show_status(&ctx);
        run_search(&ctx, false);
    });
}

fn listen(ctx: &Ctx) {
    let on_click = ctx.clone();
    ctx.page.on(On::Click, move |_, action| {
        let ctx = &on_click;
        match action.name.as_str() {
            "search" => run_search(ctx, false),
            "locate" => locate(ctx),
            "retry_data" => load(ctx, true),
            "retry_search" => run_search(ctx, true),
            "choose" => choose(ctx, &action.arg),
            "go" => {
                if let Some(stage) = autonomie_core::session::Stage::from_id(&action.arg) {
                    ctx.act(Action::Go(stage));
                }
            }
            _ => {}
        }
    });
    let on_input = ctx.clone();
    ctx.page.on(On::Input, move |_, action| {
        if action.name != "where" {
            return;
        }
        on_input.point.set(None);
        // Search as the person types a whole postal code or a name.
        let value = action.value().trim().to_string();
        let complete = autonomie_core::postal_code::is_postal_code(&value)
            || (value.chars().count() >= 3 && !value.bytes().any(|b| b.is_ascii_digit()));
        if complete {
            run_search(&on_input, false);
        }
    });
    let on_key = ctx.clone();
    ctx.page.on(On::KeyDown, move |event, action| {
        if action.name == "where" && is_enter(event) {
            event.prevent_default();
            run_search(&on_key, false);
        }
    });
    let on_change = ctx.clone();
    ctx.page.on(On::Change, move |_, action| {
        if action.name == "filter" {
            run_search(&on_change, false);
        }
    });
}

/// The line under the title: loading, the data's problem (with "Réessayer"), the demo notice,
/// or what the partner's file skipped (with `data-debug`).
fn show_status(ctx: &Ctx) {
    let line = match &*ctx.status.borrow() {
        PlacesStatus::Loading => Some(
            h("p")
                .class("an-loading")
                .attr("role", "status")
                .child(ctx.t(k::places::LOADING)),
        ),
        PlacesStatus::Failed(failure) => {
            let (key, code) = failure.message_key();
            let message = match code {
                Some(code) => ctx.format(key, &[("code", &code.to_string())]),
                None => ctx.t(key),
            };
            Some(notice_with_retry(
                ctx,
                &message,
                "an-button an-secondary",
                "retry_data",
            ))
        }
        PlacesStatus::Ready { skipped, .. } if ctx.debug && !skipped.is_empty() => {
            // For the partner, in English like the other configuration messages.
            let total: usize = skipped.iter().map(|(_, n)| n).sum();
            let reasons: Vec<String> = skipped
                .iter()
                .map(|(r, n)| format!("{} × {}", n, r.message_en()))
                .collect();
            Some(
                h("p")
                    .class("an-notice an-debug")
                    .attr("role", "note")
                    .child(format!(
                        "Places file: {total} rows skipped ({}).",
                        reasons.join("; ")
                    )),
            )
        }
        PlacesStatus::Ready { demo: true, .. } => Some(
            h("p")
                .class("an-notice an-demo")
                .attr("role", "note")
                .child(ctx.t(k::places::DEMO_NOTICE)),
        ),
        PlacesStatus::Ready {
            updated: Some(date),
            ..
        } => {
            let date = autonomie_ui::clock::long_date(date, ctx.lang());
            Some(
                h("p")
                    .class("an-hint an-updated")
                    .child(ctx.format(k::places::UPDATED, &[("date", &date)])),
            )
        }
        PlacesStatus::Ready { .. } => None,
    };
    ctx.page.fill(".an-status-slot", fragment(line));
}

/// A problem with the places data, and the button to ask again (`action`).
fn notice_with_retry(ctx: &Ctx, message: &str, class: &str, action: &str) -> H {
    h("div")
        .class("an-notice")
        .attr("role", "alert")
        .child(h("p").child(message))
        .child(button(class, action, "", None, &ctx.t(k::places::RETRY)))
}

fn screen(ctx: &Ctx, initial_where: &str) -> H {
    h("section")
        .class("an-screen an-places")
        .child(
            h("h2")
                .id("an-places-title")
                .attr("tabindex", "-1")
                .child(ctx.t(k::places::TITLE)),
        )
        .child(h("p").class("an-lead").child(ctx.t(k::places::INTRO)))
        .child(h("div").class("an-status-slot"))
        .child(
            h("div")
                .class("an-place-search")
                .attr("role", "search")
                .child(
                    h("label")
                        .attr("for", "an-where")
                        .child(ctx.t(k::places::WHERE_LABEL)),
                )
                .child(
                    h("p")
                        .class("an-hint")
                        .id("an-where-hint")
                        .child(ctx.t(k::places::WHERE_HINT)),
                )
                .child(
                    h("div")
                        .class("an-inline")
                        .child(
                            h("input")
                                .id("an-where")
                                .attr("type", "text")
                                .attr("autocomplete", "postal-code")
                                .attr("aria-describedby", "an-where-hint")
                                .attr("value", initial_where)
                                .attr("data-do", "where")
                                .text_kind(TextKind::PersonData),
                        )
                        .child(button(
                            "an-button an-primary",
                            "search",
                            "",
                            Some(Icon::Search),
                            &ctx.t(k::places::SEARCH),
                        )),
                )
                .child(button(
                    "an-button an-secondary",
                    "locate",
                    "",
                    Some(Icon::Pin),
                    &ctx.t(k::places::USE_POSITION),
                ))
                .child(h("p").class("an-hint an-geo").attr("role", "status")),
        )
        .child(filters(ctx))
        .child(h("div").class("an-results"))
        .child(
            h("div")
                .class("an-actions an-actions-wrap")
                .child(button(
                    "an-button an-secondary",
                    "go",
                    "orientation",
                    Some(Icon::Back),
                    &ctx.t(k::orientation::BACK),
                ))
                .child(button(
                    "an-button an-primary",
                    "go",
                    "summary",
                    Some(Icon::Print),
                    &ctx.t(k::orientation::PRINT),
                )),
        )
}
