//! The activity counts of a period: its two dates, the tables (started, finished, printed;
//! levels per domain; services; national reading), the chart of finished assessments per day
//! and the CSV export. Below 5, a count shows as "< 5" (`autonomie_core::stats::shown`).

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;

use autonomie_core::national::Category;
use autonomie_core::services::Service;
use autonomie_core::stats::shown;
use autonomie_core::stats::ActivityCounts;
use autonomie_ui::dom::*;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::Ctx;

/// The period starts on the first of the month of `today`.
pub(super) fn first_of_month(today: &str) -> String {
    format!("{}-01", today.get(..7).unwrap_or("2025-01"))
}

/// One date of the period, taken once it is whole.
pub(super) fn date_field(
    ctx: Ctx,
    key: Key,
    id_attr: &'static str,
    value: RwSignal<String>,
) -> AnyView {
    h("div")
        .class("an-date")
        .child(h("label").attr("for", id_attr).child(ctx.t(key)))
        .child(
            h("input")
                .id(id_attr)
                .attr("type", "date")
                .attr("value", value.get_untracked())
                .on_value(ValueEvent::Change, move |v| {
                    if v.len() == 10 {
                        value.set(v)
                    }
                }),
        )
        .into_any()
}

/// The counts of the period, shown again whenever the period or the counts change.
pub(super) fn figures(
    ctx: Ctx,
    counts: RwSignal<ActivityCounts>,
    from: RwSignal<String>,
    to: RwSignal<String>,
) -> AnyView {
    let counts = counts.get();
    let (from, to) = (from.get(), to.get());
    let total = counts.total(&from, &to);
    let row = |label: String, value: u32| {
        h("tr")
            .child(h("th").attr("scope", "row").child(label))
            .child(h("td").child(shown(value)))
            .into_any()
    };
    let summary = h("table")
        .class("an-levels")
        .child(
            h("tbody")
                .child(row(ctx.t(k::staff::STARTED), total.started))
                .child(row(ctx.t(k::staff::FINISHED), total.finished))
                .child(row(ctx.t(k::staff::PRINTED), total.printed)),
        )
        .into_any();
    let level_keys = [
        k::level::TO_DISCOVER,
        k::level::BEGINNER,
        k::level::WITH_HELP,
        k::level::AUTONOMOUS,
    ];
    let domains = ctx.host.with_value(|h| h.domains.clone());
    let levels = h("table")
        .class("an-levels an-staff-levels")
        .child(
            h("thead").child(
                h("tr").children(
                    std::iter::once(
                        h("th")
                            .attr("scope", "col")
                            .child(ctx.t(k::result::TABLE_DOMAIN))
                            .into_any(),
                    )
                    .chain(
                        level_keys
                            .iter()
                            .map(|key| h("th").attr("scope", "col").child(ctx.t(*key)).into_any()),
                    )
                    .collect(),
                ),
            ),
        )
        .child(
            h("tbody").children(
                domains
                    .iter()
                    .map(|domain| {
                        let reached = total.levels.get(domain).copied().unwrap_or_default();
                        h("tr")
                            .children(
                                std::iter::once(
                                    h("th")
                                        .attr("scope", "row")
                                        .child(ctx.t(Key::computed(&format!("domain.{domain}"))))
                                        .into_any(),
                                )
                                .chain(reached.iter().map(|n| h("td").child(shown(*n)).into_any()))
                                .collect(),
                            )
                            .into_any()
                    })
                    .collect(),
            ),
        )
        .into_any();
    let services = h("table")
        .class("an-levels")
        .child(
            h("tbody").children(
                Service::ALL
                    .iter()
                    .map(|s| {
                        row(
                            ctx.t(Key::computed(&s.i18n_key())),
                            total.services.get(s.id()).copied().unwrap_or(0),
                        )
                    })
                    .collect(),
            ),
        )
        .into_any();
    let national = if total.national.is_empty() {
        nothing()
    } else {
        vec![
            h("h3").child(ctx.t(k::staff::NATIONAL)).into_any(),
            h("table")
                .class("an-levels an-staff-national")
                .child(
                    h("tbody").children(
                        Category::ALL
                            .iter()
                            .map(|c| {
                                row(
                                    ctx.t(Key::computed(&c.i18n_key())),
                                    total.national.get(c.id()).copied().unwrap_or(0),
                                )
                            })
                            .collect(),
                    ),
                )
                .into_any(),
        ]
        .into_any()
    };
    let csv = counts.to_csv(
        &from,
        &to,
        &domains.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    vec![
        h("h3")
            .child(ctx.format(k::staff::PERIOD_TITLE, &[("from", &from), ("to", &to)]))
            .into_any(),
        summary,
        chart(ctx, &counts, &from, &to),
        h("h3").child(ctx.t(k::staff::LEVELS)).into_any(),
        h("p")
            .class("an-hint")
            .child(ctx.t(k::staff::PRIVACY))
            .into_any(),
        // Five columns do not fit a 320 px screen: the table scrolls sideways in its own box,
        // which the keyboard can reach (WCAG 1.4.10 allows it for data tables).
        h("div")
            .class("an-table-scroll")
            .attr("role", "region")
            .attr("tabindex", "0")
            .attr("aria-label", ctx.t(k::staff::LEVELS))
            .child(levels)
            .into_any(),
        h("h3").child(ctx.t(k::staff::SERVICES)).into_any(),
        services,
        national,
        export_link(ctx, csv, &from, &to),
    ]
    .into_any()
}

/// Finished assessments per day over the period, as bars; the table above says the same.
fn chart(ctx: Ctx, counts: &ActivityCounts, from: &str, to: &str) -> AnyView {
    let days: Vec<(&String, u32)> = counts
        .days
        .range(from.to_string()..=to.to_string())
        .map(|(day, c)| (day, c.finished))
        .collect();
    if days.is_empty() {
        return h("p").child(ctx.t(k::staff::NOTHING_YET)).into_any();
    }
    let highest = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = 12 * days.len();
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let height = 60 * n / highest;
            h("g")
                .child(svg_rect(vec![
                    class("an-step an-step-on"),
                    at("x", (i * 12 + 1).to_string()),
                    at("y", (60 - height).to_string()),
                    at("width", "10"),
                    at("height", height.max(1).to_string()),
                    at("data-day", day.to_string()),
                ]))
                .into_any()
        })
        .collect();
    h("figure")
        .class("an-chart")
        .child(h("figcaption").child(ctx.t(k::staff::CHART_TITLE)))
        .child(svg(
            vec![
                class("an-staff-chart"),
                at("viewBox", format!("0 0 {width} 60")),
                at("role", "img"),
                at("aria-label", ctx.t(k::staff::CHART_TITLE)),
                at("preserveAspectRatio", "none"),
            ],
            bars,
        ))
        .into_any()
}

/// A download link for the CSV of the period, built in the browser (nothing is sent).
fn export_link(ctx: Ctx, csv: String, from: &str, to: &str) -> AnyView {
    let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok());
    let Some(url) = url else {
        return nothing();
    };
    h("p")
        .child(
            h("a")
                .class("an-button an-primary an-export")
                .attr("href", url)
                .attr(
                    "download",
                    format!("activite-autonomie-numerique-{from}-{to}.csv"),
                )
                .child(ctx.t(k::staff::EXPORT)),
        )
        .into_any()
}
