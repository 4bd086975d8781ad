//! "L'aide qui vous correspond": national services, kind of help and equipment.

use autonomie_core::config::Module;
use autonomie_core::orientation::{orient, Orientation};
use autonomie_core::scoring::assess;
use autonomie_core::session::Stage;
use leptos::prelude::*;

use super::dom::*;
use super::focus_heading;
use crate::state::Ctx;

/// The orientation of the current session (answers and priorities as they are now).
pub fn current_orientation(ctx: &Ctx) -> Orientation {
    ctx.session
        .with_untracked(|s| orient(ctx.bank(), &assess(ctx.bank(), s), &s.priorities))
}

pub fn orientation(ctx: Ctx) -> AnyView {
    focus_heading(ctx);
    let orientation = current_orientation(&ctx);
    let services = orientation
        .services
        .iter()
        .map(|s| ctx.t(&s.i18n_key()))
        .collect();
    let help = orientation
        .help
        .iter()
        .enumerate()
        .map(|(rank, kind)| {
            let key = kind.i18n_key();
            el(
                "li",
                vec![class(if rank == 0 {
                    "an-main-help"
                } else {
                    "an-other-help"
                })],
                vec![
                    text_el("strong", vec![], ctx.t(key)),
                    txt(" : ".to_string()),
                    text_el("span", vec![], ctx.t(&format!("{key}.desc"))),
                ],
            )
        })
        .collect();
    let equipment = if orientation.equipment.is_empty() {
        nothing()
    } else {
        el(
            "div",
            vec![class("an-box")],
            vec![
                text_el("h3", vec![], ctx.t("orientation.equipment_title")),
                text_el("p", vec![], ctx.t("orientation.equipment_text")),
            ],
        )
    };
    el(
        "section",
        vec![class("an-screen an-orientation")],
        vec![
            text_el(
                "h2",
                vec![id("an-orientation-title"), at("tabindex", "-1")],
                ctx.t("orientation.title"),
            ),
            el(
                "div",
                vec![class("an-box")],
                vec![
                    text_el("h3", vec![], ctx.t("orientation.services_title")),
                    text_el("p", vec![], ctx.t("orientation.services_intro")),
                    list_or(services, String::new()),
                ],
            ),
            el(
                "div",
                vec![class("an-box")],
                vec![
                    text_el("h3", vec![], ctx.t("orientation.help_title")),
                    el("ul", vec![class("an-help-kinds")], help),
                ],
            ),
            equipment,
            el(
                "div",
                vec![class("an-actions an-actions-wrap")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("orientation.back"))],
                        move || ctx.go(Stage::Result),
                    ),
                    if ctx.config.with_value(|c| c.has_module(Module::Places)) {
                        button(
                            "an-button an-primary",
                            vec![icon("pin"), txt(ctx.t("orientation.find_place"))],
                            move || ctx.go(Stage::Places),
                        )
                    } else {
                        nothing()
                    },
                    button(
                        "an-button an-secondary",
                        vec![icon("print"), txt(ctx.t("orientation.print"))],
                        move || ctx.go(Stage::Summary),
                    ),
                ],
            ),
        ],
    )
}
