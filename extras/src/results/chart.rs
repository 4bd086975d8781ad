//! The per-domain chart: for each skill domain an inline SVG bar on 4 steps, with the domain
//! and its level written beside it (the chart's text equivalent), "pas assez de réponses"
//! when there is no level, and the "à vérifier" mark.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::scoring::{DomainResult, Level};
use autonomie_ui::icons::Icon;
use autonomie_ui::markup::{h, icon, H};
use autonomie_ui::texts::Texts;

use super::Ctx;

/// A domain's level for people: its band, or "Pas assez de réponses".
pub fn level_text(ctx: &Ctx, level: Option<Level>) -> String {
    ctx.t(level.map_or(k::level::NOT_ENOUGH, |l| Key::computed(l.i18n_key())))
}

/// Four boxes, the first `filled` dark: readable in black and white.
pub fn step_bar(filled: u8) -> H {
    h("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .class("an-stepbar")
        .attr("viewBox", "0 0 292 20")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .children((0..4u8).map(|step| {
            h("rect")
                .class(if step < filled {
                    "an-step an-step-on"
                } else {
                    "an-step"
                })
                .attr("x", &(u32::from(step) * 74).to_string())
                .attr("y", "1")
                .attr("width", "70")
                .attr("height", "18")
                .attr("rx", "3")
        }))
}

/// "à vérifier", when an exercise contradicted what the person said of a domain.
pub fn to_check_mark(ctx: &Ctx, domain: &DomainResult) -> Option<H> {
    (!domain.to_check.is_empty()).then(|| {
        h("span")
            .class("an-to-check")
            .child(ctx.t(k::level::TO_CHECK))
    })
}

/// The domains that have something to show: a level, or answers (a domain never asked, for
/// someone with no device, is left out rather than shown empty).
pub fn shown_domains(domains: &[DomainResult]) -> impl Iterator<Item = &DomainResult> {
    domains
        .iter()
        .filter(|d| d.level.is_some() || d.answered > 0 || !d.failed_exercises.is_empty())
}

pub fn level_chart(ctx: &Ctx, domains: &[DomainResult]) -> H {
    let rows = shown_domains(domains).map(|d| {
        let pictogram = ctx
            .bank()
            .domain(&d.domain)
            .and_then(|domain| Icon::from_name(&domain.icon))
            .map(icon);
        h("li")
            .class("an-chart-row")
            .child(
                h("span")
                    .class("an-chart-label")
                    .child(pictogram)
                    .child(ctx.domain_name(&d.domain)),
            )
            .child(step_bar(d.level.map_or(0, Level::step)))
            .child(
                h("span")
                    .class("an-chart-level")
                    .child(level_text(ctx, d.level))
                    .child(to_check_mark(ctx, d)),
            )
    });
    h("figure")
        .class("an-chart")
        .attr("aria-labelledby", "an-chart-title")
        .child(
            h("figcaption")
                .id("an-chart-title")
                .child(ctx.t(k::result::CHART_TITLE)),
        )
        .child(h("p").class("an-small").child(ctx.t(k::result::CHART_DESC)))
        .child(h("ul").class("an-chart-rows").children(rows))
}
