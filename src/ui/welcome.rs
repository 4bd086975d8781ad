//! "Bonjour": what the self-check is, and start or resume.

use autonomie_ui::icons::Icon;
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
            ctx.format("welcome.duration", &[("minutes", &minutes)]),
        ),
        (Icon::Shield, ctx.t("welcome.private")),
        (Icon::Print, ctx.t("welcome.print")),
        (Icon::Star, ctx.t("welcome.exercises")),
    ]
    .into_iter()
    .map(|(name, text)| {
        el(
            "li",
            vec![],
            vec![icon(name), text_el("span", vec![], text)],
        )
    })
    .collect();

    let start_form = el(
        "form",
        vec![class("an-start"), no_submit()],
        vec![
            text_el(
                "label",
                vec![at("for", "an-first-name")],
                ctx.t("welcome.first_name"),
            ),
            text_el(
                "p",
                vec![class("an-hint"), id("an-first-name-hint")],
                ctx.t("welcome.first_name_hint"),
            ),
            el(
                "input",
                vec![
                    id("an-first-name"),
                    at("type", "text"),
                    at("autocomplete", "given-name"),
                    at("maxlength", "40"),
                    at("aria-describedby", "an-first-name-hint"),
                    on_value(ValueEvent::Input, move |value| first_name.set(value)),
                    on_enter(move || ctx.start(&first_name.get_untracked())),
                ],
                vec![],
            ),
            button(
                "an-button an-primary",
                vec![txt(ctx.t("welcome.start")), icon(Icon::Next)],
                move || ctx.start(&first_name.get_untracked()),
            ),
        ],
    );

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
                el(
                    "li",
                    vec![class("an-history-item")],
                    vec![
                        text_el(
                            "span",
                            vec![],
                            ctx.format("welcome.history_item", &[("date", &date)]),
                        ),
                        el(
                            "button",
                            vec![
                                at("type", "button"),
                                class("an-link"),
                                at(
                                    "aria-label",
                                    ctx.format("welcome.history_delete", &[("date", &date)]),
                                ),
                                on_click(move || {
                                    ctx.history.update(|h| {
                                        h.remove(index);
                                    })
                                }),
                            ],
                            vec![txt(ctx.t("welcome.delete"))],
                        ),
                    ],
                )
            })
            .collect();
        el(
            "div",
            vec![class("an-history")],
            vec![
                text_el("h3", vec![], ctx.t("welcome.history_title")),
                el("ul", vec![], items),
            ],
        )
    };

    el(
        "section",
        vec![class("an-screen an-welcome")],
        vec![
            text_el(
                "h2",
                vec![id("an-welcome-title"), at("tabindex", "-1")],
                ctx.t("app.title"),
            ),
            text_el("p", vec![class("an-lead")], ctx.t("welcome.intro")),
            el("ul", vec![class("an-points")], points),
            start_form,
            reactive(history),
            el(
                "div",
                vec![class("an-mediator-entry")],
                vec![button(
                    "an-link",
                    vec![txt(ctx.t("nav.mediator"))],
                    move || {
                        ctx.navigated.set_value(true);
                        ctx.mediator
                            .set(Some(crate::state::MediatorOpen::default()))
                    },
                )],
            ),
        ],
    )
}
