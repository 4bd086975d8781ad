//! "Trouver un lieu près de chez moi": places that offer what the person needs, nearest and
//! best matching first. The chosen place goes on the printed summary.
//!
//! This screen lives in the lazily loaded module with the places parser, so neither weighs on
//! the first question. The widget mounts it in its shadow root through [`places_ui_mount`],
//! with the settings and actions of [`autonomie_ui::contract`]. It is written as markup (see
//! [`crate::page`]): the search form and the filters stay as the person sets them, and only
//! the status line, the position message and the places found are rewritten.

use crate::k;
use crate::page::On;
use autonomie_core::i18n::Key;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use autonomie_core::evaluation::evaluate;
use autonomie_core::i18n::Catalog;
use autonomie_core::orientation::HelpKind;
use autonomie_core::places::{
    Accompaniment, Centre, LatLon, OpenWhen, PlaceCard, Query, ResultsMessage, Support,
};
use autonomie_core::session::ChosenPlace;
use autonomie_core::Service;
use autonomie_ui::contract::{Action, ScreenSettings};
use autonomie_ui::markup::Markup;
use autonomie_ui::screen::catalog;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::page::{button, is_enter, Mounted, Page};
use crate::places_data::{self, PlacesStatus, Source};

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
    page.show(&screen(&ctx, &initial_where));
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

/// The value of a form field of the screen.
fn field(ctx: &Ctx, selector: &str) -> String {
    let Some(element) = ctx.page.find(selector) else {
        return String::new();
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    element
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(web_sys::HtmlSelectElement::value)
        .unwrap_or_default()
}

fn checked(ctx: &Ctx, selector: &str) -> bool {
    ctx.page
        .find(selector)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Searches with what the form says now; `retry` after "Réessayer" (files that did not come
/// are asked again, bypassing the cache).
fn run_search(ctx: &Ctx, retry: bool) {
    let centre = match ctx.point.get() {
        Some((lat, lon)) => Some(Centre::Point(LatLon { lat, lon })),
        None => Centre::from_input(&field(ctx, "#an-where")),
    };
    let Some(centre) = centre else {
        ctx.page.fill(".an-results", &Markup::new());
        return;
    };
    if !matches!(*ctx.status.borrow(), PlacesStatus::Ready { .. }) {
        return;
    }
    let mut query = Query::new(centre);
    query.services = ctx.services.clone();
    query.free_only = checked(ctx, "#an-free");
    query.done_for_me = checked(ctx, "#an-done-for-me");
    query.support = Support::from_id(&field(ctx, "#an-support"));
    query.accompaniment = Accompaniment::from_id(&field(ctx, "#an-help"));
    query.online_booking = checked(ctx, "#an-booking");
    query.accessibility_sheet = checked(ctx, "#an-accessibility");
    query.open = OpenWhen::from_id(&field(ctx, "#an-when"), places_data::local_time());
    if let Ok(km) = field(ctx, "#an-radius").parse::<u16>() {
        if Query::RADII_KM.contains(&km) {
            query.max_km = f64::from(km);
        }
    }
    query.preferred_help = ctx.help;
    let mine = ctx.generation.get() + 1;
    ctx.generation.set(mine);
    let mut m = Markup::new();
    m.leaf("p", &[("role", "status")], &ctx.t(k::places::SEARCHING));
    ctx.page.fill(".an-results", &m);
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = places_data::search(&ctx.key, &ctx.base_url, &query, retry).await;
        // An older search, or a screen the person has left.
        if ctx.generation.get() != mine || !ctx.page.alive() {
            return;
        }
        let mut m = Markup::new();
        match result {
            Some(searched) => {
                for (failed, key) in [
                    (
                        !searched.missing.is_empty(),
                        k::places::error::MISSING_FILES,
                    ),
                    (searched.gazetteer_failed, k::places::error::POSTAL_CODES),
                ] {
                    if failed {
                        m.open("div", &[("class", "an-notice"), ("role", "alert")])
                            .leaf("p", &[], &ctx.t(key));
                        button(
                            &mut m,
                            "an-button an-secondary an-retry",
                            "retry_search",
                            "",
                            None,
                            &ctx.t(k::places::RETRY),
                        );
                        m.close("div");
                    }
                }
                results_view(&ctx, searched.results, &mut m);
            }
            None => {
                m.leaf(
                    "p",
                    &[("class", "an-error"), ("role", "alert")],
                    &ctx.t(k::places::error::UNREADABLE),
                );
            }
        }
        ctx.page.fill(".an-results", &m);
    });
}

/// "Utiliser ma position".
fn locate(ctx: &Ctx) {
    geo_message(ctx, &ctx.t(k::places::LOCATING));
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let position = places_data::current_position().await;
        if !ctx.page.alive() {
            return;
        }
        match position {
            Some(position) => {
                geo_message(&ctx, "");
                ctx.point.set(Some(position));
                if let Some(input) = ctx
                    .page
                    .find("#an-where")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_value("");
                }
                run_search(&ctx, false);
            }
            None => geo_message(&ctx, &ctx.t(k::places::POSITION_REFUSED)),
        }
    });
}

fn geo_message(ctx: &Ctx, text: &str) {
    if let Some(line) = ctx.page.find(".an-geo") {
        line.set_text_content(Some(text));
    }
}

/// "Choisir ce lieu", or un-choosing it; the buttons say which one is chosen.
fn choose(ctx: &Ctx, index: &str) {
    let Some(place) = index
        .parse::<usize>()
        .ok()
        .and_then(|i| ctx.shown.borrow().get(i).cloned())
    else {
        return;
    };
    let again = ctx.chosen.borrow().as_deref() == Some(place.id.as_str());
    *ctx.chosen.borrow_mut() = (!again).then(|| place.id.clone());
    ctx.act(Action::ChoosePlace((!again).then_some(place)));
    update_choose_buttons(ctx);
}

fn update_choose_buttons(ctx: &Ctx) {
    let chosen = ctx.chosen.borrow().clone();
    let shown = ctx.shown.borrow();
    for button in ctx.page.find_all(".an-choose") {
        let Some(place) = button
            .get_attribute("data-arg")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| shown.get(i))
        else {
            continue;
        };
        let is_chosen = chosen.as_deref() == Some(place.id.as_str());
        let _ = button.set_attribute("aria-pressed", if is_chosen { "true" } else { "false" });
        button.set_text_content(Some(&ctx.t(if is_chosen {
            k::places::CHOSEN
        } else {
            k::places::CHOOSE
        })));
    }
}

/// The line under the title: loading, the data's problem (with "Réessayer"), the demo notice,
/// or what the partner's file skipped (with `data-debug`).
fn show_status(ctx: &Ctx) {
    let mut m = Markup::new();
    match &*ctx.status.borrow() {
        PlacesStatus::Loading => {
            m.leaf(
                "p",
                &[("class", "an-loading"), ("role", "status")],
                &ctx.t(k::places::LOADING),
            );
        }
        PlacesStatus::Failed(failure) => {
            let (key, code) = failure.message_key();
            let message = match code {
                Some(code) => ctx.format(key, &[("code", &code.to_string())]),
                None => ctx.t(key),
            };
            m.open("div", &[("class", "an-notice"), ("role", "alert")])
                .leaf("p", &[], &message);
            button(
                &mut m,
                "an-button an-secondary",
                "retry_data",
                "",
                None,
                &ctx.t(k::places::RETRY),
            );
            m.close("div");
        }
        PlacesStatus::Ready { skipped, .. } if ctx.debug && !skipped.is_empty() => {
            // For the partner, in English like the other configuration messages.
            let total: usize = skipped.iter().map(|(_, n)| n).sum();
            let reasons: Vec<String> = skipped
                .iter()
                .map(|(r, n)| format!("{} × {}", n, r.message_en()))
                .collect();
            m.leaf(
                "p",
                &[("class", "an-notice an-debug"), ("role", "note")],
                &format!(
                    "Places file: {total} rows skipped ({}).",
                    reasons.join("; ")
                ),
            );
        }
        PlacesStatus::Ready { demo: true, .. } => {
            m.leaf(
                "p",
                &[("class", "an-notice an-demo"), ("role", "note")],
                &ctx.t(k::places::DEMO_NOTICE),
            );
        }
        PlacesStatus::Ready {
            updated: Some(date),
            ..
        } => {
            let date = autonomie_ui::clock::long_date(date, ctx.lang());
            m.leaf(
                "p",
                &[("class", "an-hint an-updated")],
                &ctx.format(k::places::UPDATED, &[("date", &date)]),
            );
        }
        PlacesStatus::Ready { .. } => {}
    }
    ctx.page.fill(".an-status-slot", &m);
}

fn screen(ctx: &Ctx, initial_where: &str) -> Markup {
    let mut m = Markup::new();
    m.open_class("section", "an-screen an-places")
        .leaf(
            "h2",
            &[("id", "an-places-title"), ("tabindex", "-1")],
            &ctx.t(k::places::TITLE),
        )
        .leaf_class("p", "an-lead", &ctx.t(k::places::INTRO))
        .open_class("div", "an-status-slot")
        .close("div")
        .open("div", &[("class", "an-place-search"), ("role", "search")])
        .leaf(
            "label",
            &[("for", "an-where")],
            &ctx.t(k::places::WHERE_LABEL),
        )
        .leaf(
            "p",
            &[("class", "an-hint"), ("id", "an-where-hint")],
            &ctx.t(k::places::WHERE_HINT),
        )
        .open_class("div", "an-inline")
        .open_as(
            "input",
            TextKind::PersonData,
            &[
                ("id", "an-where"),
                ("type", "text"),
                ("autocomplete", "postal-code"),
                ("aria-describedby", "an-where-hint"),
                ("value", initial_where),
                ("data-do", "where"),
            ],
        );
    button(
        &mut m,
        "an-button an-primary",
        "search",
        "",
        Some(Icon::Search),
        &ctx.t(k::places::SEARCH),
    );
    m.close("div");
    button(
        &mut m,
        "an-button an-secondary",
        "locate",
        "",
        Some(Icon::Pin),
        &ctx.t(k::places::USE_POSITION),
    );
    m.leaf("p", &[("class", "an-hint an-geo"), ("role", "status")], "")
        .close("div");
    filters(ctx, &mut m);
    m.open_class("div", "an-results").close("div");
    m.open_class("div", "an-actions an-actions-wrap");
    button(
        &mut m,
        "an-button an-secondary",
        "go",
        "orientation",
        Some(Icon::Back),
        &ctx.t(k::orientation::BACK),
    );
    button(
        &mut m,
        "an-button an-primary",
        "go",
        "summary",
        Some(Icon::Print),
        &ctx.t(k::orientation::PRINT),
    );
    m.close("div").close("section");
    m
}

fn filters(ctx: &Ctx, m: &mut Markup) {
    // Folded by default, so that on a phone the places come right after the search; open
    // for a person who reads French with difficulty, whose filter is proposed.
    let mut attrs = vec![("class", "an-box an-filters")];
    if ctx.reading_help {
        attrs.push(("open", ""));
    }
    m.open("details", &attrs)
        .leaf("summary", &[], &ctx.t(k::places::FILTERS));
    for (key, id) in [
        (k::places::filter::FREE, "an-free"),
        (k::places::filter::DONE_FOR_ME, "an-done-for-me"),
        (k::places::filter::BOOKING, "an-booking"),
        (k::places::filter::ACCESSIBILITY, "an-accessibility"),
    ] {
        m.open("label", &[("class", "an-check"), ("for", id)])
            .open(
                "input",
                &[("type", "checkbox"), ("id", id), ("data-do", "filter")],
            )
            .leaf("span", &[], &ctx.t(key))
            .close("label");
    }
    m.leaf(
        "label",
        &[("for", "an-when")],
        &ctx.t(k::places::filter::WHEN),
    )
    .open("select", &[("id", "an-when"), ("data-do", "filter")])
    .leaf("option", &[("value", "")], &ctx.t(k::places::filter::ANY))
    .leaf(
        "option",
        &[("value", "now")],
        &ctx.t(k::places::filter::WHEN_NOW),
    );
    for day in 0..7 {
        let value = day.to_string();
        m.leaf(
            "option",
            &[("value", &value)],
            &ctx.t(Key::computed(&format!("places.filter.day.{day}"))),
        );
    }
    m.close("select").leaf(
        "label",
        &[("for", "an-support")],
        &ctx.t(k::places::filter::SUPPORT),
    );
    let mut support_attrs = vec![("id", "an-support"), ("data-do", "filter")];
    if ctx.reading_help {
        m.leaf(
            "p",
            &[("class", "an-hint"), ("id", "an-support-hint")],
            &ctx.t(k::orientation::READING_HELP),
        );
        support_attrs.push(("aria-describedby", "an-support-hint"));
    }
    m.open("select", &support_attrs).leaf(
        "option",
        &[("value", "")],
        &ctx.t(k::places::filter::ANY),
    );
    for support in [
        Support::Illiteracy,
        Support::English,
        Support::OtherLanguages,
        Support::VisualImpairment,
        Support::Deafness,
        Support::MotorDisability,
        Support::MentalDisability,
    ] {
        m.leaf(
            "option",
            &[("value", support.id())],
            &ctx.t(Key::computed(&format!("support.{}", support.id()))),
        );
    }
    m.close("select")
        .leaf(
            "label",
            &[("for", "an-help")],
            &ctx.t(k::places::filter::HELP),
        )
        .open("select", &[("id", "an-help"), ("data-do", "filter")])
        .leaf("option", &[("value", "")], &ctx.t(k::places::filter::ANY));
    for help in [
        Accompaniment::Individual,
        Accompaniment::Workshop,
        Accompaniment::Autonomous,
        Accompaniment::Remote,
    ] {
        m.leaf(
            "option",
            &[("value", help.id())],
            &ctx.t(Key::computed(&format!("accompaniment.{}", help.id()))),
        );
    }
    m.close("select")
        .leaf(
            "label",
            &[("for", "an-radius")],
            &ctx.t(k::places::filter::RADIUS),
        )
        .open("select", &[("id", "an-radius"), ("data-do", "filter")]);
    for km in Query::RADII_KM {
        let value = km.to_string();
        let mut attrs = vec![("value", value.as_str())];
        if f64::from(km) == Query::DEFAULT_MAX_KM {
            attrs.push(("selected", ""));
        }
        m.leaf(
            "option",
            &attrs,
            &ctx.format(k::places::filter::RADIUS_KM, &[("km", &value)]),
        );
    }
    m.close("select").close("details");
}

/// "à 850 m", "à 12,5 km".
fn distance_text(ctx: &Ctx, metres: i64) -> String {
    if metres < 1000 {
        return ctx.format(
            k::places::DISTANCE_M,
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
    ctx.format(k::places::DISTANCE_KM, &[("km", &km)])
}

/// "lun. 09:00–12:00 · mar. …", closed days left out; the raw text when hours do not parse.
fn week_text(texts: &Catalog, card: &PlaceCard) -> String {
    match &card.week {
        Some(days) => days
            .iter()
            .enumerate()
            .filter(|(_, hours)| !hours.is_empty())
            .map(|(day, hours)| {
                format!(
                    "{} {hours}",
                    texts.text(Key::computed(&format!("day.{day}")))
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        None => card.hours_raw.clone().unwrap_or_default(),
    }
}

fn results_view(ctx: &Ctx, results: ResultsMessage, m: &mut Markup) {
    m.open("div", &[]);
    if results.no_place_in_area {
        m.leaf_class("p", "an-notice", &ctx.t(k::places::NONE_IN_AREA));
    }
    let count = if results.places.is_empty() {
        ctx.t(k::places::NO_RESULT)
    } else {
        ctx.format(
            k::places::COUNT,
            &[("count", &results.places.len().to_string())],
        )
    };
    m.leaf("p", &[("class", "an-count"), ("role", "status")], &count)
        .close("div")
        .open_class("ul", "an-place-list");
    let mut shown = Vec::with_capacity(results.places.len());
    for (index, card) in results.places.into_iter().enumerate() {
        shown.push(place_card(ctx, card, index, m));
    }
    m.close("ul");
    *ctx.shown.borrow_mut() = shown;
}

/// A link to a partner's page. Only http(s) URLs reach here (checked when the results were
/// read); they open in a new tab without giving it access to the widget's page.
fn link(m: &mut Markup, href: &str, label: &str) {
    m.leaf(
        "a",
        &[
            ("href", href),
            ("target", "_blank"),
            ("rel", "noopener noreferrer"),
        ],
        label,
    );
}

/// One place; returns what goes on the summary if the person chooses it.
fn place_card(ctx: &Ctx, card: PlaceCard, index: usize, m: &mut Markup) -> ChosenPlace {
    let chosen = chosen_place(&ctx.texts, &card);
    // Names and addresses are French whatever the widget's language: their own direction
    // keeps "150 rue du 4 Août 1789, 69100 Villeurbanne" in its order on an Arabic screen.
    m.open_class("li", "an-place")
        .leaf_as("h3", TextKind::PersonData, &[], &card.name)
        .leaf_as("p", TextKind::PersonData, &[], &chosen.address);
    if let Some(metres) = card.distance_m {
        m.leaf_class("p", "an-distance", &distance_text(ctx, metres));
    }
    match (&card.hours_today, card.open_now) {
        (Some(today), Some(open)) => {
            let state = ctx.t(if open {
                k::places::OPEN_NOW
            } else {
                k::places::CLOSED_NOW
            });
            let today_text = if today.is_empty() {
                ctx.t(k::places::CLOSED_TODAY)
            } else {
                today.clone()
            };
            m.open("p", &[])
                .leaf_class("strong", if open { "an-open" } else { "an-closed" }, &state)
                .text(&format!(" · {} {today_text}", ctx.t(k::places::TODAY)))
                .close("p");
        }
        _ => {
            if let Some(raw) = &card.hours_raw {
                m.leaf("p", &[], &format!("{} {raw}", ctx.t(k::places::HOURS)));
            }
        }
    }
    if !card.matched.is_empty() {
        let names: Vec<String> = card
            .matched
            .iter()
            .map(|id| ctx.t(Key::computed(&format!("service.{id}"))))
            .collect();
        m.leaf_class(
            "p",
            "an-small",
            &format!("{} {}", ctx.t(k::places::OFFERS), names.join(", ")),
        );
    }
    let mut tags = Vec::new();
    if card.free {
        tags.push(ctx.t(k::places::tag::FREE));
    }
    if card.aidants_connect {
        tags.push(ctx.t(k::places::tag::AIDANTS_CONNECT));
    }
    if !tags.is_empty() {
        m.leaf_class("p", "an-small", &tags.join(" · "));
    }
    if card.stale {
        m.leaf_class("p", "an-small an-stale", &ctx.t(k::places::STALE));
    }
    let has_links = (card.phone.is_some() && card.phone_display.is_some())
        || card.booking_url.is_some()
        || card.website.is_some()
        || card.accessibility_url.is_some();
    if has_links {
        m.open_class("p", "an-place-links");
        if let (Some(phone), Some(display)) = (&card.phone, &card.phone_display) {
            // Digits read left to right in every language: "02 62 97 83 91", not reversed
            // groups on an Arabic screen.
            m.leaf_as(
                "a",
                TextKind::Phone,
                &[("href", &format!("tel:{phone}"))],
                display,
            );
        }
        if let Some(url) = &card.booking_url {
            link(m, url, &ctx.t(k::places::BOOKING));
        }
        if let Some(url) = &card.website {
            link(m, url, &ctx.t(k::places::WEBSITE));
        }
        if let Some(url) = &card.accessibility_url {
            link(m, url, &ctx.t(k::places::ACCESSIBILITY));
        }
        m.close("p");
    }
    let is_chosen = ctx.chosen.borrow().as_deref() == Some(card.id.as_str());
    let index = index.to_string();
    m.leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "an-button an-secondary an-choose"),
            ("aria-pressed", if is_chosen { "true" } else { "false" }),
            ("data-do", "choose"),
            ("data-arg", &index),
        ],
        &ctx.t(if is_chosen {
            k::places::CHOSEN
        } else {
            k::places::CHOOSE
        }),
    )
    .close("li");
    chosen
}

/// What the summary prints of a place, the same for the person's sheet and the mediator's:
/// the opening hours in the widget's language, the services the person needs (all of the
/// place's when it was found without a search, in the mediator view).
pub fn chosen_place(texts: &Catalog, card: &PlaceCard) -> ChosenPlace {
    ChosenPlace {
        id: card.id.clone(),
        name: card.name.clone(),
        address: format!("{}, {} {}", card.address, card.postal_code, card.commune),
        postal_code: card.postal_code.clone(),
        phone: card.phone_display.clone().unwrap_or_default(),
        hours: week_text(texts, card),
        services: if card.matched.is_empty() {
            card.services.clone()
        } else {
            card.matched.clone()
        },
    }
}
