//! One module per screen, plus the small pieces they share. Screens are functions from the
//! widget's [`Ctx`] to a view; see `dom` for why they use builders rather than `view!`.

pub mod extras_screen;
pub mod header;
pub mod notices;
pub mod public;
pub mod question;
pub mod staff;
pub mod welcome;

pub use autonomie_ui::{dom, icons};

use leptos::prelude::*;

use crate::state::Ctx;

/// After the screen renders, moves focus to its heading when the person got there by an
/// action, so keyboard and screen-reader users land on the new content. On first load the
/// widget never takes focus (that would scroll the host page).
pub fn focus_heading(ctx: Ctx) {
    Effect::new(move |_| {
        if !ctx.navigated.get_value() {
            return;
        }
        ctx.container
            .with_value(|c| autonomie_ui::focus::focus(c, autonomie_ui::focus::SCREEN_HEADING));
    });
}
