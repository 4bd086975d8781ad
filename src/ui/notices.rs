//! Messages about storage, languages or configuration, shown above the screen.

use crate::k;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
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
                    Notice::LanguageUnavailable(lang) => {
                        button("an-button an-secondary an-retry", move || {
                            ctx.dismiss(index);
                            ctx.retry_lang(lang);
                        })
                        .child(icon(Icon::Reload))
                        .child(ctx.t(k::module::RETRY))
                        .into_any()
                    }
                    _ => nothing(),
                };
                h("div")
                    .class("an-notice")
                    .child(h("p").child(ctx.catalog.with_untracked(|c| notice.text(c))))
                    .child(retry)
                    .child(
                        button("an-button an-secondary", move || ctx.dismiss(index))
                            .child(ctx.t(k::storage::DISMISS)),
                    )
                    .into_any()
            })
            .collect::<Vec<_>>()
    };
    h("div")
        .class("an-notices no-print")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .child(reactive(move || list().into_any()))
        .into_any()
}
