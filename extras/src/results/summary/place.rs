//! The chosen place on the sheet: its name and address, phone, opening hours and the services
//! the person needs there. The mediator's view fills it in once it has found the place.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::session::ChosenPlace;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::markup::Markup;
use autonomie_ui::texts::Texts;

use crate::results::Ctx;

/// "Le lieu choisi", as `.an-sheet-place` (the mediator's view puts it in `.an-place-slot`).
pub fn place_section(ctx: &Ctx, m: &mut Markup, place: &ChosenPlace) {
    m.open_class("section", "an-sheet-place")
        .leaf("h3", &[], &ctx.t(k::summary::PLACE))
        .leaf_as(
            "p",
            TextKind::PersonData,
            &[],
            &format!("{} — {}", place.name, place.address),
        );
    if !place.phone.is_empty() {
        m.open("p", &[])
            .text(&format!("{} ", ctx.t(k::summary::PHONE)))
            .leaf_as("span", TextKind::Phone, &[], &place.phone)
            .close("p");
    }
    if !place.hours.is_empty() {
        m.leaf(
            "p",
            &[],
            &format!("{} {}", ctx.t(k::summary::PLACE_HOURS), place.hours),
        );
    }
    if !place.services.is_empty() {
        let names: Vec<String> = place
            .services
            .iter()
            .map(|id| ctx.t(Key::computed(&format!("service.{id}"))))
            .collect();
        m.leaf(
            "p",
            &[],
            &format!("{} {}", ctx.t(k::summary::PLACE_OFFERS), names.join(", ")),
        );
    }
    m.close("section");
}
