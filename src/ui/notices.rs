//! Messages about storage, languages or configuration, shown above the screen.

use autonomie_ui::icons::Icon;
use leptos::prelude::*;

use super::dom::*;
use crate::state::{Ctx, Notice};

pub fn notices(ctx: Ctx) -> AnyView {
    let list = move || {
        ctx.notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, notice)| {
                let retry = match notice {
                    Notice::LanguageUnavailable(lang) => button(
                        "an-button an-secondary an-retry",
                        vec![icon(Icon::Reload), txt(ctx.t("module.retry"))],
                        move || {
                            ctx.dismiss(index);
                            ctx.retry_lang(lang);
                        },
                    ),
                    _ => nothing(),
                };
                el(
                    "div",
                    vec![class("an-notice")],
                    vec![
                        text_el("p", vec![], ctx.catalog.with_untracked(|c| notice.text(c))),
                        retry,
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
