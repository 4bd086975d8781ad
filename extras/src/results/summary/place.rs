//! The chosen place on the sheet: its name and address, phone, opening hours and the services
//! the person needs there. The mediator's view fills it in once it has found the place.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::session::ChosenPlace;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::markup::{h, H};
use autonomie_ui::texts::Texts;

use crate::results::Ctx;

/// "Le lieu choisi", as `.an-sheet-place` (the mediator's view puts it in `.an-place-slot`).
pub fn place_section(ctx: &Ctx, place: &ChosenPlace) -> H {
    let phone = (!place.phone.is_empty()).then(|| {
        h("p")
            .child(format!("{} ", ctx.t(k::summary::PHONE)))
            .child(h("span").text_kind(TextKind::Phone).child(&place.phone))
    });
    let hours = (!place.hours.is_empty()).then(|| {
        h("p").child(format!(
            "{} {}",
            ctx.t(k::summary::PLACE_HOURS),
            place.hours
        ))
    });
    let offers = (!place.services.is_empty()).then(|| {
        let names: Vec<String> = place
            .services
            .iter()
            .map(|id| ctx.t(Key::computed(&format!("service.{id}"))))
            .collect();
        h("p").child(format!(
            "{} {}",
            ctx.t(k::summary::PLACE_OFFERS),
            names.join(", ")
        ))
    });
    h("section")
        .class("an-sheet-place")
        .child(h("h3").child(ctx.t(k::summary::PLACE)))
        .child(
            h("p")
                .text_kind(TextKind::PersonData)
                .child(format!("{} — {}", place.name, place.address)),
        )
        .child(phone)
        .child(hours)
        .child(offers)
}
