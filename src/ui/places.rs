//! The places step. The screen itself lives in the lazily loaded module (with the places
//! parser): this file loads it, hands it the texts and settings, and records the place the
//! person chooses. If the module cannot load, the person is told and can go on.

use autonomie_core::config::{Centre, PlacesSource};
use autonomie_core::envelope::Stored;
use autonomie_core::json::{self, Json};
use autonomie_core::session::{ChosenPlace, Stage};
use leptos::prelude::*;

use super::dom::*;
use super::extras_screen::{callback, callback_with_text, extras_screen};
use super::orientation::current_orientation;
use crate::extras::Module;
use crate::state::Ctx;

/// The settings the places screen needs, as JSON (see `extras::places_ui::places_ui_mount`).
pub fn settings(ctx: &Ctx) -> String {
    let services = current_orientation(ctx)
        .services
        .iter()
        .map(|s| json::string(s.id()))
        .collect();
    ctx.config.with_value(|c| {
        let (places, inline) = match &c.places {
            PlacesSource::Demo => ("demo".to_string(), None),
            PlacesSource::Inline => ("inline".to_string(), ctx.inline_places.get_value()),
            PlacesSource::Url(url) => (url.clone(), None),
        };
        let centre = c.centre.as_ref().map(|centre| match centre {
            Centre::PostalCode(code) => json::object([("postal_code", Some(json::string(code)))]),
            Centre::Point { lat, lon } => json::object([
                ("lat_e6", Some(Json::Number((lat * 1e6) as i64))),
                ("lon_e6", Some(Json::Number((lon * 1e6) as i64))),
            ]),
        });
        json::object([
            ("key", Some(json::string(&c.namespace))),
            ("base", Some(json::string(&ctx.base_url.get_value()))),
            ("places", Some(Json::String(places))),
            ("inline", inline.map(Json::String)),
            ("centre", centre),
            ("services", Some(Json::Array(services))),
            (
                "chosen",
                ctx.session
                    .with_untracked(|s| s.chosen_place.as_ref().map(|p| json::string(&p.id))),
            ),
            ("lang", Some(json::string(ctx.lang().code()))),
            ("navigated", Some(Json::Bool(ctx.navigated.get_value()))),
            ("debug", Some(Json::Bool(c.debug))),
        ])
        .write()
    })
}

pub fn places_step(ctx: Ctx) -> AnyView {
    let choose = callback_with_text(move |place: String| {
        let place = Json::parse(&place)
            .ok()
            .and_then(|j| ChosenPlace::from_json(&j));
        ctx.set_chosen_place(place);
    });
    let back = callback(move || ctx.go(Stage::Orientation));
    let next = callback(move || ctx.go(Stage::Summary));
    let fallback = move || {
        el(
            "section",
            vec![class("an-screen")],
            vec![
                text_el(
                    "h2",
                    vec![id("an-places-title"), at("tabindex", "-1")],
                    ctx.t("module.places_title"),
                ),
                text_el(
                    "p",
                    vec![class("an-notice"), at("role", "alert")],
                    ctx.t("module.places_error"),
                ),
                el(
                    "div",
                    vec![class("an-actions an-actions-wrap")],
                    vec![
                        button(
                            "an-button an-secondary",
                            vec![icon("back"), txt(ctx.t("orientation.back"))],
                            move || ctx.go(Stage::Orientation),
                        ),
                        button(
                            "an-button an-primary",
                            vec![icon("print"), txt(ctx.t("orientation.print"))],
                            move || ctx.go(Stage::Summary),
                        ),
                    ],
                ),
            ],
        )
    };
    extras_screen(
        ctx,
        Module::Extras,
        "places_ui_mount",
        settings(&ctx),
        vec![choose, back, next],
        fallback,
    )
}
