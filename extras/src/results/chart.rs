//! The per-domain chart: for each skill domain an inline SVG bar on 4 steps, with the domain
//! and its level written beside it (the chart's text equivalent), "pas assez de réponses"
//! when there is no level, and the "à vérifier" mark.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::scoring::{DomainResult, Level};
use autonomie_ui::icons::Icon;
use autonomie_ui::markup::Markup;
use autonomie_ui::texts::Texts;

use super::Ctx;

/// A domain's level for people: its band, or "Pas assez de réponses".
pub fn level_text(ctx: &Ctx, level: Option<Level>) -> String {
    ctx.t(level.map_or(k::level::NOT_ENOUGH, |l| Key::computed(l.i18n_key())))
}

/// Four boxes, the first `filled` dark: readable in black and white.
pub fn step_bar(m: &mut Markup, filled: u8) {
    m.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "an-stepbar"),
            ("viewBox", "0 0 292 20"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
        ],
    );
    for step in 0..4u8 {
        let x = (u32::from(step) * 74).to_string();
        m.open(
            "rect",
            &[
                (
                    "class",
                    if step < filled {
                        "an-step an-step-on"
                    } else {
                        "an-step"
                    },
                ),
                ("x", &x),
                ("y", "1"),
                ("width", "70"),
                ("height", "18"),
                ("rx", "3"),
            ],
        )
        .close("rect");
    }
    m.close("svg");
}

/// The domains that have something to show: a level, or answers (a domain never asked, for
/// someone with no device, is left out rather than shown empty).
pub fn shown_domains(domains: &[DomainResult]) -> impl Iterator<Item = &DomainResult> {
    domains
        .iter()
        .filter(|d| d.level.is_some() || d.answered > 0 || !d.failed_exercises.is_empty())
}

pub fn level_chart(ctx: &Ctx, m: &mut Markup, domains: &[DomainResult]) {
    m.open(
        "figure",
        &[("class", "an-chart"), ("aria-labelledby", "an-chart-title")],
    )
    .leaf(
        "figcaption",
        &[("id", "an-chart-title")],
        &ctx.t(k::result::CHART_TITLE),
    )
    .leaf_class("p", "an-small", &ctx.t(k::result::CHART_DESC))
    .open_class("ul", "an-chart-rows");
    for d in shown_domains(domains) {
        m.open_class("li", "an-chart-row")
            .open_class("span", "an-chart-label");
        if let Some(icon) = ctx
            .bank()
            .domain(&d.domain)
            .and_then(|domain| Icon::from_name(&domain.icon))
        {
            m.raw_icon(icon);
        }
        m.text(&ctx.domain_name(&d.domain)).close("span");
        step_bar(m, d.level.map_or(0, Level::step));
        m.open_class("span", "an-chart-level")
            .text(&level_text(ctx, d.level));
        if !d.to_check.is_empty() {
            m.leaf_class("span", "an-to-check", &ctx.t(k::level::TO_CHECK));
        }
        m.close("span").close("li");
    }
    m.close("ul").close("figure");
}
