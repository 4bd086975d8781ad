//! The chosen place: "Choisir ce lieu" (or un-choosing it), which the widget keeps for the
//! summary, and what the summary prints of a place.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;

use autonomie_core::i18n::Catalog;
use autonomie_core::places::PlaceCard;
use autonomie_core::session::ChosenPlace;
use autonomie_ui::contract::Action;

use super::Ctx;

/// "Choisir ce lieu", or un-choosing it; the buttons say which one is chosen.
pub(super) fn choose(ctx: &Ctx, index: &str) {
    let Some(place) = index
        .parse::<usize>()
        .ok()
        .and_then(|i| ctx.shown.borrow().get(i).cloned())
    else {
        return;
    };
    let again = ctx.chosen.borrow().as_deref() == Some(place.id.as_str());
    *ctx.chosen.borrow_mut() = (!again).then(|| place.id.clone());
    ctx.act(Action::ChoosePlace((!again).then_some(place)));
    update_choose_buttons(ctx);
}

fn update_choose_buttons(ctx: &Ctx) {
    let chosen = ctx.chosen.borrow().clone();
    let shown = ctx.shown.borrow();
    for button in ctx.page.find_all(".an-choose") {
        let Some(place) = button
            .get_attribute("data-arg")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| shown.get(i))
        else {
            continue;
        };
        let is_chosen = chosen.as_deref() == Some(place.id.as_str());
        let _ = button.set_attribute("aria-pressed", if is_chosen { "true" } else { "false" });
        button.set_text_content(Some(&ctx.t(if is_chosen {
            k::places::CHOSEN
        } else {
            k::places::CHOOSE
        })));
    }
}

/// "lun. 09:00–12:00 · mar. …", closed days left out; the raw text when hours do not parse.
fn week_text(texts: &Catalog, card: &PlaceCard) -> String {
    match &card.week {
        Some(days) => days
            .iter()
            .enumerate()
            .filter(|(_, hours)| !hours.is_empty())
            .map(|(day, hours)| {
                format!(
                    "{} {hours}",
                    texts.text(Key::computed(&format!("day.{day}")))
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        None => card.hours_raw.clone().unwrap_or_default(),
    }
}

/// What the summary prints of a place, the same for the person's sheet and the mediator's:
/// the opening hours in the widget's language, the services the person needs (all of the
/// place's when it was found without a search, in the mediator view).
pub fn chosen_place(texts: &Catalog, card: &PlaceCard) -> ChosenPlace {
    ChosenPlace {
        id: card.id.clone(),
        name: card.name.clone(),
        address: format!("{}, {} {}", card.address, card.postal_code, card.commune),
        postal_code: card.postal_code.clone(),
        phone: card.phone_display.clone().unwrap_or_default(),
        hours: week_text(texts, card),
        services: if card.matched.is_empty() {
            card.services.clone()
        } else {
            card.matched.clone()
        },
    }
}
