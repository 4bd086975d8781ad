//! The root component of one widget instance.

use crate::k;
use autonomie_core::session::Stage;
use leptos::prelude::*;

use crate::state::Ctx;
use crate::ui;
use crate::ui::dom::h;

use crate::host::Mounted;

#[component]
pub fn App(mounted: Mounted) -> impl IntoView {
    let ctx = Ctx::new(mounted);
    let stage = Memo::new(move |_| ctx.session.with(|s| s.stage));
    // Open or not: the code it shows changes nothing on screen.
    let mediator = Memo::new(move |_| ctx.mediator.with(Option::is_some));
    let staff = Memo::new(move |_| ctx.staff_open.get());
    let screen = move || {
        // A new screen: stop reading the previous one.
        autonomie_ui::speech::stop();
        if staff.get() {
            return ui::staff::staff(ctx);
        }
        if mediator.get() {
            return ui::extras_screen::extras_step(
                ctx,
                autonomie_ui::contract::LazyScreen::Mediator,
                k::nav::MEDIATOR,
                autonomie_ui::contract::Action::CloseMediator,
                k::module::CLOSE,
            );
        }
        match stage.get() {
            Stage::Welcome => ui::welcome::welcome(ctx),
            Stage::Questions => ui::question::questions(ctx),
            later => ui::extras_screen::step_screen(ctx, later),
        }
    };
    // Everything inside re-renders when the language changes, so texts can be plain strings.
    let body = move || {
        ctx.catalog.track();
        vec![
            ui::header::header(ctx),
            ui::notices::notices(ctx),
            ui::dom::reactive(screen),
            ui::header::footer(ctx),
        ]
    };
    // Once per widget, outside the part that re-renders with the language (see its docs).
    let inactivity = ui::public::inactivity_guard(ctx);
    h("div")
        .attr_dyn("class", move || {
            if ctx.prefs.with(|p| p.large_text) {
                "an-root an-large".into()
            } else {
                "an-root".into()
            }
        })
        .attr_dyn("lang", move || {
            ctx.catalog.with(|c| c.lang().code().to_string())
        })
        .attr_dyn("dir", move || {
            ctx.catalog.with(|c| c.lang().dir().to_string())
        })
        .attr_dyn("aria-label", move || {
            ctx.catalog.with(|c| c.text(k::app::REGION_LABEL))
        })
        .with(ui::dom::at("role", "region"))
        .child(ui::dom::reactive(move || body().into_any()))
        .child(inactivity)
        .into_any()
}
