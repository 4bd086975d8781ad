//! The search of the places screen: the "where" field and "Utiliser ma position", the filters
//! (folded under their title), and the search itself, run with what the form says now; its
//! answer goes to the list of places (`cards.rs`).

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;

use autonomie_core::places::{Accompaniment, Centre, LatLon, OpenWhen, Query, Support};
use autonomie_ui::markup::Markup;
use wasm_bindgen::JsCast;

use super::cards::results_view;
use super::Ctx;
use crate::page::button;
use crate::places_data::{self, PlacesStatus};

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
pub(super) fn run_search(ctx: &Ctx, retry: bool) {
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
pub(super) fn locate(ctx: &Ctx) {
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

pub(super) fn filters(ctx: &Ctx, m: &mut Markup) {
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
