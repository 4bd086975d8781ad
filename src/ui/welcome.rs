//! "Bonjour": what the self-check is, and start or resume.

use crate::k;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use leptos::prelude::*;

use super::dom::*;
use super::focus_heading;
use crate::clock;
use crate::state::Ctx;

pub fn welcome(ctx: Ctx) -> AnyView {
    focus_heading(ctx);
    let first_name = RwSignal::new(String::new());
    let minutes = autonomie_core::flow::likely_minutes(ctx.bank()).to_string();
    let points = [
        (
            Icon::Clock,
            ctx.format(k::welcome::DURATION, &[("minutes", &minutes)]),
        ),
        (Icon::Shield, ctx.t(k::welcome::PRIVATE)),
        (Icon::Print, ctx.t(k::welcome::PRINT)),
        (Icon::Star, ctx.t(k::welcome::EXERCISES)),
    ]
    .into_iter()
    .map(|(name, text)| {
        h("li")
            .child(icon(name))
            .child(h("span").child(text))
            .into_any()
    })
    .collect();

    let start_form = h("form")
        .class("an-start")
        .no_submit()
        .child(
            h("label")
                .attr("for", "an-first-name")
                .child(ctx.t(k::welcome::FIRST_NAME)),
        )
        .child(
            h("p")
                .class("an-hint")
                .id("an-first-name-hint")
                .child(ctx.t(k::welcome::FIRST_NAME_HINT)),
        )
        .child(
            h("input")
                .id("an-first-name")
                .attr("type", "text")
                .attr("autocomplete", "given-name")
                .attr("maxlength", "40")
                .attr("aria-describedby", "an-first-name-hint")
                .on_value(ValueEvent::Input, move |value| first_name.set(value))
                .on_enter(move || ctx.start(&first_name.get_untracked())),
        )
        .child(
            button("an-button an-primary", move || {
                ctx.start(&first_name.get_untracked())
            })
            .child(ctx.t(k::welcome::START))
            .child(icon(Icon::Next)),
        )
        .into_any();

    // Past results with their dates; each can be deleted.
    let history = move || {
        let dates: Vec<String> = ctx.history.with(|h| {
            h.results
                .iter()
                .map(|r| clock::long_date(&r.finished_on, ctx.lang()))
                .collect()
        });
        if dates.is_empty() {
            return nothing();
        }
        let items = dates
            .into_iter()
            .enumerate()
            .rev()
            .map(|(index, date)| {
                h("li")
                    .class("an-history-item")
                    .child(
                        h("span").child(ctx.format(k::welcome::HISTORY_ITEM, &[("date", &date)])),
                    )
                    .child(
                        h("button")
                            .attr("type", "button")
                            .class("an-link")
                            .attr(
                                "aria-label",
                                ctx.format(k::welcome::HISTORY_DELETE, &[("date", &date)]),
                            )
                            .on_click(move || {
                                ctx.history.update(|h| {
                                    h.remove(index);
                                })
                            })
                            .child(ctx.t(k::welcome::DELETE)),
                    )
                    .into_any()
            })
            .collect();
        h("div")
            .class("an-history")
            .child(h("h3").child(ctx.t(k::welcome::HISTORY_TITLE)))
            .child(h("ul").children(items))
            .into_any()
    };

    h("section")
        .class("an-screen an-welcome")
        .child(
            h("h2")
                .id("an-welcome-title")
                .attr("tabindex", "-1")
                .child(ctx.t(k::app::TITLE)),
        )
        .child(h("p").class("an-lead").child(ctx.t(k::welcome::INTRO)))
        .child(h("ul").class("an-points").children(points))
        .child(start_form)
        .child(reactive(history))
        .child(
            h("div").class("an-mediator-entry").child(
                button("an-link", move || {
                    ctx.navigated.set_value(true);
                    ctx.mediator
                        .set(Some(crate::state::MediatorOpen::default()))
                })
                .child(ctx.t(k::nav::MEDIATOR)),
            ),
        )
        .into_any()
}
