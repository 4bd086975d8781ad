//! The places found: how many, then one card per place (name, address, distance, today's
//! hours, what it offers, its links) with its "Choisir ce lieu" button.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::texts::Texts;

use autonomie_core::places::{PlaceCard, ResultsMessage};
use autonomie_core::session::ChosenPlace;
use autonomie_ui::markup::Markup;

use super::chosen::chosen_place;
use super::Ctx;

/// "à 850 m", "à 12,5 km".
fn distance_text(ctx: &Ctx, metres: i64) -> String {
    if metres < 1000 {
        return ctx.format(
            k::places::DISTANCE_M,
            &[("m", &(((metres + 5) / 10) * 10).to_string())],
        );
    }
    let tenths = (metres + 50) / 100;
    let separator = if ctx.lang().code() == "en" { "." } else { "," };
    let km = if tenths >= 100 {
        (tenths / 10).to_string()
    } else {
        format!("{}{separator}{}", tenths / 10, tenths % 10)
    };
    ctx.format(k::places::DISTANCE_KM, &[("km", &km)])
}

pub(super) fn results_view(ctx: &Ctx, results: ResultsMessage, m: &mut Markup) {
    m.open("div", &[]);
    if results.no_place_in_area {
        m.leaf_class("p", "an-notice", &ctx.t(k::places::NONE_IN_AREA));
    }
    let count = if results.places.is_empty() {
        ctx.t(k::places::NO_RESULT)
    } else {
        ctx.format(
            k::places::COUNT,
            &[("count", &results.places.len().to_string())],
        )
    };
    m.leaf("p", &[("class", "an-count"), ("role", "status")], &count)
        .close("div")
        .open_class("ul", "an-place-list");
    let mut shown = Vec::with_capacity(results.places.len());
    for (index, card) in results.places.into_iter().enumerate() {
        shown.push(place_card(ctx, card, index, m));
    }
    m.close("ul");
    *ctx.shown.borrow_mut() = shown;
}

/// A link to a partner's page. Only http(s) URLs reach here (checked when the results were
/// read); they open in a new tab without giving it access to the widget's page.
fn link(m: &mut Markup, href: &str, label: &str) {
    m.leaf(
        "a",
        &[
            ("href", href),
            ("target", "_blank"),
            ("rel", "noopener noreferrer"),
        ],
        label,
    );
}

/// One place; returns what goes on the summary if the person chooses it.
fn place_card(ctx: &Ctx, card: PlaceCard, index: usize, m: &mut Markup) -> ChosenPlace {
    let chosen = chosen_place(&ctx.texts, &card);
    // Names and addresses are French whatever the widget's language: their own direction
    // keeps "150 rue du 4 Août 1789, 69100 Villeurbanne" in its order on an Arabic screen.
    m.open_class("li", "an-place")
        .leaf_as("h3", TextKind::PersonData, &[], &card.name)
        .leaf_as("p", TextKind::PersonData, &[], &chosen.address);
    if let Some(metres) = card.distance_m {
        m.leaf_class("p", "an-distance", &distance_text(ctx, metres));
    }
    match (&card.hours_today, card.open_now) {
        (Some(today), Some(open)) => {
            let state = ctx.t(if open {
                k::places::OPEN_NOW
            } else {
                k::places::CLOSED_NOW
            });
            let today_text = if today.is_empty() {
                ctx.t(k::places::CLOSED_TODAY)
            } else {
                today.clone()
            };
            m.open("p", &[])
                .leaf_class("strong", if open { "an-open" } else { "an-closed" }, &state)
                .text(&format!(" · {} {today_text}", ctx.t(k::places::TODAY)))
                .close("p");
        }
        _ => {
            if let Some(raw) = &card.hours_raw {
                m.leaf("p", &[], &format!("{} {raw}", ctx.t(k::places::HOURS)));
            }
        }
    }
    if !card.matched.is_empty() {
        let names: Vec<String> = card
            .matched
            .iter()
            .map(|id| ctx.t(Key::computed(&format!("service.{id}"))))
            .collect();
        m.leaf_class(
            "p",
            "an-small",
            &format!("{} {}", ctx.t(k::places::OFFERS), names.join(", ")),
        );
    }
    let mut tags = Vec::new();
    if card.free {
        tags.push(ctx.t(k::places::tag::FREE));
    }
    if card.aidants_connect {
        tags.push(ctx.t(k::places::tag::AIDANTS_CONNECT));
    }
    if !tags.is_empty() {
        m.leaf_class("p", "an-small", &tags.join(" · "));
    }
    if card.stale {
        m.leaf_class("p", "an-small an-stale", &ctx.t(k::places::STALE));
    }
    let has_links = (card.phone.is_some() && card.phone_display.is_some())
        || card.booking_url.is_some()
        || card.website.is_some()
        || card.accessibility_url.is_some();
    if has_links {
        m.open_class("p", "an-place-links");
        if let (Some(phone), Some(display)) = (&card.phone, &card.phone_display) {
            // Digits read left to right in every language: "02 62 97 83 91", not reversed
            // groups on an Arabic screen.
            m.leaf_as(
                "a",
                TextKind::Phone,
                &[("href", &format!("tel:{phone}"))],
                display,
            );
        }
        if let Some(url) = &card.booking_url {
            link(m, url, &ctx.t(k::places::BOOKING));
        }
        if let Some(url) = &card.website {
            link(m, url, &ctx.t(k::places::WEBSITE));
        }
        if let Some(url) = &card.accessibility_url {
            link(m, url, &ctx.t(k::places::ACCESSIBILITY));
        }
        m.close("p");
    }
    let is_chosen = ctx.chosen.borrow().as_deref() == Some(card.id.as_str());
    let index = index.to_string();
    m.leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "an-button an-secondary an-choose"),
            ("aria-pressed", if is_chosen { "true" } else { "false" }),
            ("data-do", "choose"),
            ("data-arg", &index),
        ],
        &ctx.t(if is_chosen {
            k::places::CHOSEN
        } else {
            k::places::CHOOSE
        }),
    )
    .close("li");
    chosen
}
