//! The one-page summary a person prints and brings to a mediation point.
//!
//! On screen it is a preview with a print button; the print stylesheet hides everything else
//! and fits it on one A4 page, legible in black and white.

use autonomie_core::orientation::EquipmentNeed;
use autonomie_core::scoring::{assess, Outcome};
use autonomie_core::session::Stage;
use leptos::prelude::*;

use super::chart::{domain_name, level_text, step_bar};
use super::dom::*;
use super::focus_heading;
use super::orientation::current_orientation;
use crate::clock;
use crate::state::Ctx;

pub fn summary(ctx: Ctx) -> AnyView {
    focus_heading(ctx);
    let (assessment, first_name, priorities, place) = ctx.session.with_untracked(|s| {
        let priorities: Vec<String> = s
            .priorities
            .iter()
            .map(|id| ctx.t(&format!("q.{id}.goal")))
            .collect();
        (
            assess(ctx.bank(), s),
            s.first_name.clone(),
            priorities,
            s.chosen_place.clone(),
        )
    });
    let place = place.map_or_else(nothing, |place| {
        let mut lines = vec![
            text_el("h3", vec![], ctx.t("summary.place")),
            text_el("p", vec![], format!("{} — {}", place.name, place.address)),
        ];
        if !place.phone.is_empty() {
            lines.push(text_el(
                "p",
                vec![],
                format!("{} {}", ctx.t("summary.phone"), place.phone),
            ));
        }
        if !place.hours.is_empty() {
            lines.push(text_el(
                "p",
                vec![],
                format!("{} {}", ctx.t("places.hours"), place.hours),
            ));
        }
        if !place.services.is_empty() {
            let names: Vec<String> = place
                .services
                .iter()
                .map(|id| ctx.t(&format!("service.{id}")))
                .collect();
            lines.push(text_el(
                "p",
                vec![],
                format!("{} {}", ctx.t("places.offers"), names.join(", ")),
            ));
        }
        el("section", vec![class("an-sheet-place")], lines)
    });
    let orientation = current_orientation(&ctx);
    let goals_with = |outcome: Outcome| -> Vec<String> {
        ctx.bank()
            .items
            .iter()
            .zip(&assessment.items)
            .filter(|(item, r)| item.goal && r.outcome == outcome)
            .map(|(item, _)| ctx.t(&format!("q.{}.goal", item.id)))
            .collect()
    };
    let column = |title: &str, outcome: Outcome| {
        el(
            "div",
            vec![class("an-goal-column")],
            vec![
                text_el("h3", vec![], ctx.t(title)),
                list_or(goals_with(outcome), ctx.t("summary.none")),
            ],
        )
    };
    let levels = assessment
        .domains
        .iter()
        .map(|d| {
            el(
                "tr",
                vec![],
                vec![
                    text_el("th", vec![at("scope", "row")], domain_name(&ctx, &d.domain)),
                    el(
                        "td",
                        vec![class("an-level-bar")],
                        vec![step_bar(d.level.map_or(0, |l| l.step()))],
                    ),
                    text_el("td", vec![], level_text(&ctx, d.level)),
                ],
            )
        })
        .collect();
    let equipment = EquipmentNeed::ALL
        .into_iter()
        .map(|need| {
            let item_id = need.item_id();
            let has = assessment
                .item(item_id)
                .is_some_and(|r| r.outcome == Outcome::Alone);
            format!(
                "{} : {}",
                ctx.t(&format!("q.{item_id}.goal")),
                ctx.t(if has {
                    "equipment.has"
                } else {
                    "equipment.has_not"
                })
            )
        })
        .collect();
    let joined = |label: &str, texts: Vec<String>| {
        el(
            "p",
            vec![],
            vec![
                text_el("strong", vec![], format!("{} : ", ctx.t(label))),
                txt(texts.join(" · ")),
            ],
        )
    };
    let priorities = if priorities.is_empty() {
        text_el("p", vec![], ctx.t("summary.no_priorities"))
    } else {
        el(
            "ol",
            vec![],
            priorities
                .into_iter()
                .map(|p| text_el("li", vec![], p))
                .collect(),
        )
    };
    let date = ctx.format(
        "summary.date",
        &[("date", &clock::long_date(&clock::today_iso(), ctx.lang()))],
    );
    let name = if first_name.is_empty() {
        nothing()
    } else {
        text_el(
            "p",
            vec![],
            ctx.format("summary.name", &[("name", &first_name)]),
        )
    };
    let print = move || {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    el(
        "section",
        vec![
            class("an-screen an-summary-screen"),
            at("aria-labelledby", "an-summary-title"),
        ],
        vec![
            el(
                "div",
                vec![class("an-actions an-actions-wrap no-print")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("summary.back"))],
                        move || ctx.go(Stage::Result),
                    ),
                    button(
                        "an-button an-primary",
                        vec![icon("print"), txt(ctx.t("summary.print"))],
                        print,
                    ),
                ],
            ),
            text_el(
                "p",
                vec![class("an-hint no-print")],
                ctx.t("summary.print_hint"),
            ),
            el(
                "article",
                vec![class("an-sheet")],
                vec![
                    el(
                        "header",
                        vec![class("an-sheet-head")],
                        vec![
                            text_el(
                                "h2",
                                vec![id("an-summary-title"), at("tabindex", "-1")],
                                ctx.t("summary.title"),
                            ),
                            text_el("p", vec![], date),
                            name,
                        ],
                    ),
                    el(
                        "div",
                        vec![class("an-sheet-top")],
                        vec![
                            el(
                                "section",
                                vec![class("an-sheet-levels")],
                                vec![
                                    text_el("h3", vec![], ctx.t("summary.levels")),
                                    el(
                                        "table",
                                        vec![class("an-levels")],
                                        vec![el("tbody", vec![], levels)],
                                    ),
                                ],
                            ),
                            el(
                                "section",
                                vec![class("an-sheet-priorities")],
                                vec![
                                    text_el("h3", vec![], ctx.t("summary.priorities")),
                                    priorities,
                                    text_el("h3", vec![], ctx.t("summary.equipment")),
                                    list_or(equipment, String::new()),
                                ],
                            ),
                        ],
                    ),
                    el(
                        "section",
                        vec![class("an-sheet-can")],
                        vec![
                            column("summary.can_alone", Outcome::Alone),
                            column("summary.can_help", Outcome::WithHelp),
                            column("summary.not_yet", Outcome::NotYet),
                        ],
                    ),
                    el(
                        "section",
                        vec![class("an-sheet-orientation")],
                        vec![
                            text_el("h3", vec![], ctx.t("summary.orientation")),
                            joined(
                                "orientation.help_title",
                                orientation
                                    .help
                                    .iter()
                                    .map(|k| ctx.t(k.i18n_key()))
                                    .collect(),
                            ),
                            joined(
                                "orientation.services_title",
                                orientation
                                    .services
                                    .iter()
                                    .map(|s| ctx.t(&s.i18n_key()))
                                    .collect(),
                            ),
                            if orientation.equipment.is_empty() {
                                nothing()
                            } else {
                                text_el("p", vec![], ctx.t("orientation.equipment_text"))
                            },
                        ],
                    ),
                    place,
                    el(
                        "section",
                        vec![class("an-sheet-notes")],
                        vec![
                            text_el("h3", vec![], ctx.t("summary.notes")),
                            el("div", vec![class("an-notes-area")], vec![]),
                        ],
                    ),
                    el(
                        "footer",
                        vec![class("an-sheet-foot")],
                        vec![text_el("p", vec![], ctx.t("summary.local_only"))],
                    ),
                ],
            ),
        ],
    )
}
