//! What staff change on this computer: the public-computer switch (fixed when the partner's
//! page forces it), and resetting the counts, after a confirmation, or the PIN.

use crate::k;
use autonomie_ui::texts::Texts;

use autonomie_core::stats::ActivityCounts;
use autonomie_ui::dom::*;
use autonomie_ui::storage::{PIN, STATS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::{Ctx, Step};

/// The public-computer switch; the widget is told at once.
pub(super) fn public_switch(ctx: Ctx) -> AnyView {
    let forced = ctx.host.with_value(|h| h.public_forced);
    let mut input = h("input")
        .attr("type", "checkbox")
        .id("an-public")
        .prop_bool("checked", move || ctx.public.get())
        .on_checked(move |on| {
            ctx.public.set(on);
            ctx.host.with_value(|h| {
                let _ = h.set_public.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(if on { "on" } else { "off" }),
                );
            });
        });
    if forced {
        input = input.attr("disabled", "");
    }
    h("div")
        .class("an-box")
        .child(
            h("label")
                .class("an-check")
                .attr("for", "an-public")
                .child(input)
                .child(h("span").child(ctx.t(k::staff::PUBLIC_MODE))),
        )
        .child(h("p").class("an-hint").child(ctx.t(if forced {
            k::staff::PUBLIC_FORCED
        } else {
            k::staff::PUBLIC_HINT
        })))
        .into_any()
}

/// "Remettre les comptages à zéro" (with its confirmation) and "Changer le code".
pub(super) fn reset(
    ctx: Ctx,
    counts: RwSignal<ActivityCounts>,
    confirm_reset: RwSignal<bool>,
) -> AnyView {
    if confirm_reset.get() {
        h("div")
            .class("an-confirm")
            .attr("role", "group")
            .attr("aria-label", ctx.t(k::staff::RESET))
            .child(h("p").child(ctx.t(k::staff::RESET_CONFIRM)))
            .child(
                button("an-button an-danger", move || {
                    ctx.host.with_value(|h| h.store.remove(STATS));
                    counts.set(ActivityCounts::default());
                    confirm_reset.set(false);
                })
                .child(ctx.t(k::staff::RESET_YES)),
            )
            .child(
                button("an-button an-secondary", move || confirm_reset.set(false))
                    .child(ctx.t(k::settings::FORGET_NO)),
            )
            .into_any()
    } else {
        vec![
            button("an-button an-secondary", move || confirm_reset.set(true))
                .child(ctx.t(k::staff::RESET))
                .into_any(),
            button("an-button an-secondary", move || {
                ctx.host.with_value(|h| h.store.remove(PIN));
                ctx.step.set(Step::Choose);
            })
            .child(ctx.t(k::staff::CHANGE_PIN))
            .into_any(),
        ]
        .into_any()
    }
}
