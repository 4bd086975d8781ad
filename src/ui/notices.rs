//! Messages about storage, languages or configuration, shown above the screen.

use leptos::prelude::*;

use super::dom::*;
use crate::state::Ctx;

pub fn notices(ctx: Ctx) -> AnyView {
    let list = move || {
        ctx.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, notice)| {
                el(
                    "div",
                    vec![class("an-notice")],
                    vec![
                        text_el("p", vec![], ctx.catalog.with_untracked(|c| notice.text(c))),
                        button(
                            "an-button an-secondary",
                            vec![txt(ctx.t("storage.dismiss"))],
                            move || ctx.dismiss(index),
                        ),
                    ],
                )
            })
            .collect::<Vec<_>>()
    };
    el(
        "div",
        vec![
            class("an-notices no-print"),
            at("role", "status"),
            at("aria-live", "polite"),
        ],
        vec![reactive(move || list().into_any())],
    )
}
