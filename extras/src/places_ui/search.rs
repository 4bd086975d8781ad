//! The search of the places screen: the "where" field and "Utiliser ma position", the filters
//! (folded under their title), and the search itself, run with what the form says now; its
//! answer goes to the list of places (`cards.rs`).

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;

use autonomie_core::places::{Accompaniment, Centre, LatLon, OpenWhen, Query, Support};
use autonomie_ui::markup::{fragment, h, Html, H};
use wasm_bindgen::JsCast;

use super::cards::results_view;
use super::{notice_with_retry, Ctx};
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
        ctx.page.fill(".an-results", Html::default());
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
    ctx.page.fill(
        ".an-results",
        h("p")
            .attr("role", "status")
            .child(ctx.t(k::places::SEARCHING))
            .into_html(),
    );
    let ctx = ctx.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = places_data::search(&ctx.key, &ctx.base_url, &query, retry).await;
        // An older search, or a screen the person has left.
        if ctx.generation.get() != mine || !ctx.page.alive() {
            return;
        }
        let shown = match result {
            Some(searched) => {
                let notices = [
                    (
                        !searched.missing.is_empty(),
                        k::places::error::MISSING_FILES,
                    ),
                    (searched.gazetteer_failed, k::places::error::POSTAL_CODES),
                ]
                .into_iter()
                .filter(|(failed, _)| *failed)
                .map(|(_, key)| {
                    notice_with_retry(
                        &ctx,
                        &ctx.t(key),
                        "an-button an-secondary an-retry",
                        "retry_search",
                    )
                });
                fragment([fragment(notices), results_view(&ctx, searched.results)])
            }
            None => h("p")
                .class("an-error")
                .attr("role", "alert")
                .child(ctx.t(k::places::error::UNREADABLE))
                .into_html(),
        };
        ctx.page.fill(".an-results", shown);
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

pub(super) fn filters(ctx: &Ctx) -> H {
    let checkboxes = [
        (k::places::filter::FREE, "an-free"),
        (k::places::filter::DONE_FOR_ME, "an-done-for-me"),
        (k::places::filter::BOOKING, "an-booking"),
        (k::places::filter::ACCESSIBILITY, "an-accessibility"),
    ]
    .map(|(key, id)| {
        h("label")
            .class("an-check")
            .attr("for", id)
            .child(
                h("input")
                    .attr("type", "checkbox")
                    .id(id)
                    .attr("data-do", "filter"),
            )
            .child(h("span").child(ctx.t(key)))
    });
    let days = (0..7).map(|day| {
        (
            day.to_string(),
            ctx.t(Key::computed(&format!("places.filter.day.{day}"))),
        )
    });
    let when = std::iter::once(("now".to_string(), ctx.t(k::places::filter::WHEN_NOW))).chain(days);
    let supports = [
        Support::Illiteracy,
        Support::English,
        Support::OtherLanguages,
        Support::VisualImpairment,
        Support::Deafness,
        Support::MotorDisability,
        Support::MentalDisability,
    ]
    .map(|support| {
        (
            support.id().to_string(),
            ctx.t(Key::computed(&format!("support.{}", support.id()))),
        )
    });
    let helps = [
        Accompaniment::Individual,
        Accompaniment::Workshop,
        Accompaniment::Autonomous,
        Accompaniment::Remote,
    ]
    .map(|help| {
        (
            help.id().to_string(),
            ctx.t(Key::computed(&format!("accompaniment.{}", help.id()))),
        )
    });
    // For a person who reads French with difficulty, the orientation's sentence explains the
    // "accompagnement adapté" filter.
    let support_hint = ctx.reading_help.then(|| {
        h("p")
            .class("an-hint")
            .id("an-support-hint")
            .child(ctx.t(k::orientation::READING_HELP))
    });
    let mut support = filter_select("an-support");
    if ctx.reading_help {
        support = support.attr("aria-describedby", "an-support-hint");
    }
    let radii = Query::RADII_KM.map(|km| {
        let value = km.to_string();
        h("option")
            .attr("value", &value)
            .flag("selected", f64::from(km) == Query::DEFAULT_MAX_KM)
            .child(ctx.format(k::places::filter::RADIUS_KM, &[("km", &value)]))
    });
    // Folded by default, so that on a phone the places come right after the search; open
    // for a person who reads French with difficulty, whose filter is proposed.
    h("details")
        .class("an-box an-filters")
        .flag("open", ctx.reading_help)
        .child(h("summary").child(ctx.t(k::places::FILTERS)))
        .children(checkboxes)
        .child(
            h("label")
                .attr("for", "an-when")
                .child(ctx.t(k::places::filter::WHEN)),
        )
        .child(options(ctx, filter_select("an-when"), when))
        .child(
            h("label")
                .attr("for", "an-support")
                .child(ctx.t(k::places::filter::SUPPORT)),
        )
        .child(support_hint)
        .child(options(ctx, support, supports))
        .child(
            h("label")
                .attr("for", "an-help")
                .child(ctx.t(k::places::filter::HELP)),
        )
        .child(options(ctx, filter_select("an-help"), helps))
        .child(
            h("label")
                .attr("for", "an-radius")
                .child(ctx.t(k::places::filter::RADIUS)),
        )
        .child(filter_select("an-radius").children(radii))
}

/// A filter's select: each change searches again.
fn filter_select(id: &'static str) -> H {
    h("select").id(id).attr("data-do", "filter")
}

/// A select with "Peu importe" (no value), then its `(value, label)` options.
fn options(ctx: &Ctx, select: H, options: impl IntoIterator<Item = (String, String)>) -> H {
    let any = (String::new(), ctx.t(k::places::filter::ANY));
    select.children(
        std::iter::once(any)
            .chain(options)
            .map(|(value, label)| h("option").attr("value", &value).child(label)),
    )
}
