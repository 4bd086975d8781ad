//! The per-domain chart: for each domain an inline SVG bar on 4 steps, with the domain and
//! level written beside it, which is the chart's text equivalent.

use autonomie_core::scoring::{DomainResult, Level};
use leptos::prelude::*;

use super::dom::*;
use crate::state::Ctx;

/// Text of a domain's level for people ("Débutant", "Non concerné").
pub fn level_text(ctx: &Ctx, level: Option<Level>) -> String {
    ctx.t(level.map_or("level.not_concerned", Level::i18n_key))
}

pub fn domain_name(ctx: &Ctx, domain: &str) -> String {
    ctx.t(&format!("domain.{domain}"))
}

/// Four boxes, the first `filled` dark: readable in black and white.
pub fn step_bar(filled: u8) -> AnyView {
    let steps = (0..4u8)
        .map(|step| {
            svg_rect(vec![
                class(if step < filled {
                    "an-step an-step-on"
                } else {
                    "an-step"
                }),
                at("x", (u32::from(step) * 74).to_string()),
                at("y", "1"),
                at("width", "70"),
                at("height", "18"),
                at("rx", "3"),
            ])
        })
        .collect();
    svg(
        vec![
            class("an-stepbar"),
            at("viewBox", "0 0 292 20"),
            at("aria-hidden", "true"),
            at("focusable", "false"),
        ],
        steps,
    )
}

pub fn level_chart(ctx: &Ctx, domains: &[DomainResult]) -> AnyView {
    let rows = domains
        .iter()
        .map(|d| {
            let domain_icon = ctx
                .bank()
                .domains
                .iter()
                .find(|x| x.id == d.domain)
                .map_or_else(nothing, |x| icon(&x.icon));
            el(
                "li",
                vec![class("an-chart-row")],
                vec![
                    el(
                        "span",
                        vec![class("an-chart-domain")],
                        vec![
                            domain_icon,
                            text_el("span", vec![], domain_name(ctx, &d.domain)),
                        ],
                    ),
                    step_bar(d.level.map_or(0, Level::step)),
                    text_el(
                        "span",
                        vec![class("an-chart-level")],
                        level_text(ctx, d.level),
                    ),
                ],
            )
        })
        .collect();
    el(
        "figure",
        vec![class("an-chart"), at("aria-labelledby", "an-chart-title")],
        vec![
            text_el(
                "figcaption",
                vec![id("an-chart-title")],
                ctx.t("result.chart_title"),
            ),
            el("ul", vec![class("an-chart-rows")], rows),
            text_el(
                "p",
                vec![class("an-chart-legend")],
                ctx.t("result.chart_desc"),
            ),
        ],
    )
}
