//! The staff view's entry. The view itself (PIN, activity counts, CSV export) lives in the
//! lazily loaded module; it reads and writes only this computer's staff data.

use crate::k;
use autonomie_core::config::Mode;
use autonomie_core::json::{self, Json};
use autonomie_ui::texts::Texts;
use leptos::prelude::*;

use super::dom::*;
use super::extras_screen::{callback, callback_with_text, extras_screen};
use crate::state::Ctx;
use autonomie_ui::contract::LazyScreen;

pub fn staff(ctx: Ctx) -> AnyView {
    let settings = ctx.config.with_value(|c| {
        json::object([
            ("key", Some(json::string(&c.namespace))),
            ("lang", Some(json::string(ctx.lang().code()))),
            ("public", Some(Json::Bool(ctx.public.get_untracked()))),
            // A partner's configuration decides; staff cannot turn it off here.
            (
                "public_forced",
                Some(Json::Bool(c.mode == Mode::PublicComputer)),
            ),
            (
                "domains",
                Some(Json::Array(
                    ctx.bank()
                        .skill_domains()
                        .map(|d| json::string(&d.id))
                        .collect(),
                )),
            ),
        ])
        .write()
    });
    let close = callback(move || ctx.staff_open.set(false));
    let set_public = callback_with_text(move |on: String| ctx.set_public(on == "on"));
    let fallback = move || {
        super::extras_screen::module_fallback(
            ctx,
            k::nav::STAFF_TITLE,
            k::module::STAFF_ERROR,
            button("an-button an-secondary", move || ctx.staff_open.set(false))
                .child(ctx.t(k::module::CLOSE))
                .into_any(),
        )
    };
    extras_screen(
        ctx,
        LazyScreen::Staff,
        settings,
        vec![close, set_public],
        fallback,
    )
}
