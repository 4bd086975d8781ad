//! The places found: how many, then one card per place (name, address, distance, today's
//! hours, what it offers, its links) with its "Choisir ce lieu" button.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::texts::Texts;

use autonomie_core::places::{PlaceCard, ResultsMessage};
use autonomie_core::session::ChosenPlace;
use autonomie_ui::markup::{fragment, h, Html, H};

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

pub(super) fn results_view(ctx: &Ctx, results: ResultsMessage) -> Html {
    let count = if results.places.is_empty() {
        ctx.t(k::places::NO_RESULT)
    } else {
        ctx.format(
            k::places::COUNT,
            &[("count", &results.places.len().to_string())],
        )
    };
    let head = h("div")
        .child(results.no_place_in_area.then(|| {
            h("p")
                .class("an-notice")
                .child(ctx.t(k::places::NONE_IN_AREA))
        }))
        .child(h("p").class("an-count").attr("role", "status").child(count));
    let (cards, shown): (Vec<H>, Vec<ChosenPlace>) = results
        .places
        .into_iter()
        .enumerate()
        .map(|(index, card)| place_card(ctx, card, index))
        .unzip();
    *ctx.shown.borrow_mut() = shown;
    fragment([head, h("ul").class("an-place-list").children(cards)])
}

/// A link to a partner's page. Only http(s) URLs reach here (checked when the results were
/// read); they open in a new tab without giving it access to the widget's page.
fn link(href: Option<&String>, label: Key, ctx: &Ctx) -> Option<H> {
    href.map(|href| {
        h("a")
            .attr("href", href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
            .child(ctx.t(label))
    })
}

/// One place, and what goes on the summary if the person chooses it.
fn place_card(ctx: &Ctx, card: PlaceCard, index: usize) -> (H, ChosenPlace) {
    let chosen = chosen_place(&ctx.texts, &card);
    let distance = card.distance_m.map(|metres| {
        h("p")
            .class("an-distance")
            .child(distance_text(ctx, metres))
    });
    let hours = match (&card.hours_today, card.open_now) {
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
            Some(
                h("p")
                    .child(
                        h("strong")
                            .class(if open { "an-open" } else { "an-closed" })
                            .child(state),
                    )
                    .child(format!(" · {} {today_text}", ctx.t(k::places::TODAY))),
            )
        }
        _ => card
            .hours_raw
            .as_ref()
            .map(|raw| h("p").child(format!("{} {raw}", ctx.t(k::places::HOURS)))),
    };
    let offers = (!card.matched.is_empty()).then(|| {
        let names: Vec<String> = card
            .matched
            .iter()
            .map(|id| ctx.t(Key::computed(&format!("service.{id}"))))
            .collect();
        h("p")
            .class("an-small")
            .child(format!("{} {}", ctx.t(k::places::OFFERS), names.join(", ")))
    });
    let mut tags = Vec::new();
    if card.free {
        tags.push(ctx.t(k::places::tag::FREE));
    }
    if card.aidants_connect {
        tags.push(ctx.t(k::places::tag::AIDANTS_CONNECT));
    }
    let tags = (!tags.is_empty()).then(|| h("p").class("an-small").child(tags.join(" · ")));
    let stale = card.stale.then(|| {
        h("p")
            .class("an-small an-stale")
            .child(ctx.t(k::places::STALE))
    });
    // Digits read left to right in every language: "02 62 97 83 91", not reversed groups on
    // an Arabic screen.
    let phone = card
        .phone
        .as_ref()
        .zip(card.phone_display.as_ref())
        .map(|(phone, display)| {
            h("a")
                .attr("href", &format!("tel:{phone}"))
                .text_kind(TextKind::Phone)
                .child(display)
        });
    let links = [
        phone,
        link(card.booking_url.as_ref(), k::places::BOOKING, ctx),
        link(card.website.as_ref(), k::places::WEBSITE, ctx),
        link(
            card.accessibility_url.as_ref(),
            k::places::ACCESSIBILITY,
            ctx,
        ),
    ];
    let links = links
        .iter()
        .any(Option::is_some)
        .then(|| h("p").class("an-place-links").children(links));
    let is_chosen = ctx.chosen.borrow().as_deref() == Some(card.id.as_str());
    let choose = h("button")
        .attr("type", "button")
        .class("an-button an-secondary an-choose")
        .attr("aria-pressed", if is_chosen { "true" } else { "false" })
        .attr("data-do", "choose")
        .attr("data-arg", &index.to_string())
        .child(ctx.t(if is_chosen {
            k::places::CHOSEN
        } else {
            k::places::CHOOSE
        }));
    // Names and addresses are French whatever the widget's language: their own direction
    // keeps "150 rue du 4 Août 1789, 69100 Villeurbanne" in its order on an Arabic screen.
    let view = h("li")
        .class("an-place")
        .child(h("h3").text_kind(TextKind::PersonData).child(&card.name))
        .child(
            h("p")
                .text_kind(TextKind::PersonData)
                .child(&chosen.address),
        )
        .child(distance)
        .child(hours)
        .child(offers)
        .child(tags)
        .child(stale)
        .child(links)
        .child(choose);
    (view, chosen)
}
