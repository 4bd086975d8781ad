//! "Votre résultat": levels, strengths and needs, the national reading and priorities.

use autonomie_core::config::Module;
use autonomie_core::scoring::{assess, Assessment, Level};
use autonomie_core::session::{Stage, MAX_PRIORITIES};
use leptos::prelude::*;

use super::chart::{domain_name, level_chart};
use super::dom::*;
use super::focus_heading;
use crate::state::Ctx;

pub fn result(ctx: Ctx) -> AnyView {
    focus_heading(ctx);
    // Answers cannot change on this screen (going back leaves it), so compute once.
    let assessment = ctx.session.with_untracked(|s| assess(ctx.bank(), s));
    let domains_at = |levels: &[Level]| -> Vec<String> {
        assessment
            .domains
            .iter()
            .filter(|d| d.level.is_some_and(|l| levels.contains(&l)))
            .map(|d| domain_name(&ctx, &d.domain))
            .collect()
    };
    let boxed = |title: &str, names: Vec<String>, empty: &str| {
        el(
            "div",
            vec![class("an-box")],
            vec![
                text_el("h3", vec![], ctx.t(title)),
                list_or(names, ctx.t(empty)),
            ],
        )
    };
    el(
        "section",
        vec![class("an-screen an-result")],
        vec![
            text_el(
                "h2",
                vec![id("an-result-title"), at("tabindex", "-1")],
                ctx.t("result.title"),
            ),
            text_el("p", vec![class("an-lead")], ctx.t("result.intro")),
            super::speech::listen_button(ctx, {
                let mut spoken = vec![ctx.t("result.intro")];
                spoken.extend(assessment.domains.iter().map(|d| {
                    format!(
                        "{} : {}",
                        domain_name(&ctx, &d.domain),
                        super::chart::level_text(&ctx, d.level)
                    )
                }));
                spoken.join(". ")
            }),
            level_chart(&ctx, &assessment.domains),
            el(
                "div",
                vec![class("an-columns")],
                vec![
                    boxed(
                        "result.strengths",
                        domains_at(&[Level::Autonomous, Level::WithHelp]),
                        "result.no_strengths",
                    ),
                    boxed(
                        "result.needs",
                        domains_at(&[Level::ToDiscover, Level::Beginner, Level::WithHelp]),
                        "result.no_needs",
                    ),
                ],
            ),
            progress_since_last_time(&ctx, &assessment),
            if ctx.config.with_value(|c| c.has_module(Module::National)) {
                national_reading(&ctx, &assessment)
            } else {
                nothing()
            },
            priorities(ctx, &assessment),
            el(
                "div",
                vec![class("an-actions an-actions-wrap")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("question.back"))],
                        move || ctx.back(),
                    ),
                    button(
                        "an-button an-secondary",
                        vec![icon("reload"), txt(ctx.t("result.restart"))],
                        move || ctx.restart(),
                    ),
                    button(
                        "an-button an-secondary an-go-summary",
                        vec![icon("print"), txt(ctx.t("result.see_summary"))],
                        move || ctx.go(Stage::Summary),
                    ),
                    button(
                        "an-button an-primary",
                        vec![txt(ctx.t("result.next")), icon("next")],
                        move || ctx.go(Stage::Orientation),
                    ),
                ],
            ),
        ],
    )
}

/// Per domain, how the level moved since the previous result kept on this device.
fn progress_since_last_time(ctx: &Ctx, assessment: &Assessment) -> AnyView {
    let session_id = ctx.session.with_untracked(|s| s.id.clone());
    let Some(previous) = ctx
        .history
        .with_untracked(|h| h.previous_to(&session_id).cloned())
    else {
        return nothing();
    };
    let before = assess(ctx.bank(), &previous.answers);
    let changes: Vec<String> = assessment
        .domains
        .iter()
        .filter_map(|now| {
            let then = before.domain(&now.domain)?;
            let (Some(was), Some(is)) = (then.level, now.level) else {
                return None;
            };
            (was != is).then(|| {
                let direction = ctx.t(if is > was {
                    "result.progress_up"
                } else {
                    "result.progress_down"
                });
                ctx.format(
                    "result.progress_line",
                    &[
                        ("domain", &domain_name(ctx, &now.domain)),
                        ("from", &ctx.t(was.i18n_key())),
                        ("to", &ctx.t(is.i18n_key())),
                        ("direction", &direction),
                    ],
                )
            })
        })
        .collect();
    let date = crate::clock::long_date(&previous.finished_on, ctx.lang());
    el(
        "div",
        vec![class("an-box an-progress-since")],
        vec![
            text_el(
                "h3",
                vec![],
                ctx.format("result.progress_title", &[("date", &date)]),
            ),
            list_or(changes, ctx.t("result.progress_same")),
        ],
    )
}

/// The indicative comparison with Eurostat's DSI and Insee's illectronisme figures.
fn national_reading(ctx: &Ctx, assessment: &Assessment) -> AnyView {
    let count = assessment.dsi.areas_at_least_basic.to_string();
    el(
        "div",
        vec![class("an-box an-national")],
        vec![
            text_el("h3", vec![], ctx.t("dsi.title")),
            text_el("p", vec![], ctx.format("dsi.areas", &[("count", &count)])),
            text_el("p", vec![], ctx.t(assessment.dsi.overall.i18n_key())),
            text_el(
                "p",
                vec![class("an-small")],
                format!("{} {}", ctx.t("dsi.indicative"), ctx.t("dsi.source")),
            ),
        ],
    )
}

/// "Ce que je veux apprendre d'abord": up to 3 of the person's needs, grouped by domain.
fn priorities(ctx: Ctx, assessment: &Assessment) -> AnyView {
    let candidates: Vec<(&str, String)> = ctx
        .bank()
        .items
        .iter()
        .zip(&assessment.items)
        .filter(|(item, result)| item.goal && result.outcome.is_need())
        .map(|(item, _)| (item.domain.as_str(), item.id.clone()))
        .collect();
    if candidates.is_empty() {
        return text_el("p", vec![class("an-box")], ctx.t("result.no_goals"));
    }
    let chosen = Memo::new(move |_| ctx.session.with(|s| s.priorities.clone()));
    let full = move || chosen.with(|c| c.len() >= MAX_PRIORITIES);
    let groups = ctx
        .bank()
        .domains
        .iter()
        .filter(|domain| candidates.iter().any(|(d, _)| *d == domain.id))
        .map(|domain| {
            let goals = candidates
                .iter()
                .filter(|(d, _)| *d == domain.id)
                .map(|(_, goal_id)| goal_checkbox(ctx, goal_id.clone(), chosen, full))
                .collect();
            el(
                "li",
                vec![class("an-goal-group")],
                vec![
                    text_el("h4", vec![], domain_name(&ctx, &domain.id)),
                    el("ul", vec![class("an-goal-list")], goals),
                ],
            )
        })
        .collect();
    let count = move || {
        if full() {
            ctx.t("result.priorities_full")
        } else {
            let count = chosen.with(Vec::len).to_string();
            ctx.format("result.priorities_count", &[("count", &count)])
        }
    };
    el(
        "fieldset",
        vec![
            class("an-box an-priorities"),
            at("aria-describedby", "an-priorities-hint"),
        ],
        vec![
            el(
                "legend",
                vec![],
                vec![text_el("h3", vec![], ctx.t("result.priorities_title"))],
            ),
            text_el(
                "p",
                vec![class("an-hint"), id("an-priorities-hint")],
                ctx.t("result.priorities_hint"),
            ),
            el("ul", vec![class("an-goal-groups")], groups),
            el(
                "p",
                vec![class("an-count"), at("aria-live", "polite")],
                vec![reactive_text(count)],
            ),
        ],
    )
}

fn goal_checkbox(
    ctx: Ctx,
    goal_id: String,
    chosen: Memo<Vec<String>>,
    full: impl Fn() -> bool + Send + Sync + Copy + 'static,
) -> AnyView {
    let input_id = format!("an-goal-{}", goal_id.replace('.', "-"));
    let checked_id = goal_id.clone();
    let is_checked = move || chosen.with(|c| c.contains(&checked_id));
    let disabled_check = is_checked.clone();
    let label = ctx.t(&format!("q.{goal_id}.goal"));
    el(
        "li",
        vec![],
        vec![el(
            "label",
            vec![class("an-check"), at("for", input_id.clone())],
            vec![
                el(
                    "input",
                    vec![
                        at("type", "checkbox"),
                        at("id", input_id),
                        at("value", goal_id.clone()),
                        prop_bool("checked", is_checked),
                        prop_bool("disabled", move || full() && !disabled_check()),
                        on_change(move || {
                            ctx.toggle_priority(&goal_id);
                        }),
                    ],
                    vec![],
                ),
                text_el("span", vec![], label),
            ],
        )],
    )
}
