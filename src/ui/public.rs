//! Public-computer mode: the inactivity warning, and the check after printing. Both end by
//! wiping everything about the person (see `Ctx::next_person`).
//!
//! The warning follows WCAG 2.2.1 (Timing adjustable): the person is warned, sees a countdown
//! and keeps their answers with one key press or one tap, however often they need to.

use crate::k;
use autonomie_ui::texts::Texts;
use std::time::Duration;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::*;
use crate::clock;
use crate::state::{Ctx, Notice};

/// Seconds the warning stays before the answers are wiped (WCAG asks for at least 20).
pub const WARNING_SECONDS: u64 = 60;

/// What counts as someone being there.
const ACTIVITY_EVENTS: [&str; 5] = ["pointerdown", "keydown", "input", "touchstart", "wheel"];

/// Watches activity inside the widget and, on a public computer, warns then wipes after the
/// configured inactivity. Returns the warning's view (empty when hidden). Call it once per
/// widget, outside any part that re-renders: its listeners and timer live as long as the
/// reactive owner it is called in, and are removed with it.
pub fn inactivity_guard(ctx: Ctx) -> AnyView {
    let last_activity = StoredValue::new(clock::now_millis());
    // Seconds left on the countdown, while the warning shows.
    let left = RwSignal::new(None::<u64>);
    // Where focus was when the warning opened, to give it back when the person stays.
    let previous_focus = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close_warning = move || {
        left.set(None);
        if let Some(element) = previous_focus.try_update_value(Option::take).flatten() {
            set_timeout(move || drop(element.focus()), Duration::ZERO);
        }
    };
    let container = ctx.container.get_value();
    let on_activity = Closure::<dyn Fn()>::new(move || {
        last_activity.set_value(clock::now_millis());
        if left.get_untracked().is_some() {
            close_warning();
        }
    });
    for event in ACTIVITY_EVENTS {
        let _ =
            container.add_event_listener_with_callback(event, on_activity.as_ref().unchecked_ref());
    }
    // Removed with the widget: a listener left behind would read this guard's disposed
    // signals and trap at the next key press.
    let listener = SendWrapper::new((container, on_activity));
    on_cleanup(move || {
        let (container, on_activity) = listener.take();
        for event in ACTIVITY_EVENTS {
            let _ = container
                .remove_event_listener_with_callback(event, on_activity.as_ref().unchecked_ref());
        }
    });

    let tick = move || {
        let someone_is_here = ctx.session.with_untracked(|s| *s != Default::default())
            || ctx.mediator.with_untracked(Option::is_some);
        if !ctx.public.get_untracked() || !someone_is_here {
            left.set(None);
            return;
        }
        let idle_ms = clock::now_millis().saturating_sub(last_activity.get_value());
        let limit_ms = u64::from(ctx.config.with_value(|c| c.inactivity_seconds)) * 1000;
        if idle_ms < limit_ms {
            return;
        }
        let remaining = (limit_ms + WARNING_SECONDS * 1000).saturating_sub(idle_ms) / 1000;
        if remaining == 0 {
            left.set(None);
            last_activity.set_value(clock::now_millis());
            ctx.next_person(Notice::TimedOut);
        } else {
            let first_tick = left.get_untracked().is_none();
            if first_tick {
                let focused = ctx
                    .container
                    .with_value(|c| c.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
                    .and_then(|root| root.active_element())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                previous_focus.set_value(focused);
            }
            left.set(Some(remaining));
            if first_tick {
                focus_later(ctx, "#an-still-here");
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }

    reactive(move || {
        // The texts follow the language.
        ctx.catalog.track();
        warning(ctx, left.get(), last_activity, close_warning)
    })
}

/// The "Vous êtes toujours là ?" dialog, while `left` seconds remain.
fn warning(
    ctx: Ctx,
    left: Option<u64>,
    last_activity: StoredValue<u64>,
    close_warning: impl Fn() + Copy + 'static,
) -> AnyView {
    match left {
        None => nothing(),
        Some(seconds) => h("div")
            .class("an-overlay")
            .child(
                h("div")
                    .class("an-dialog")
                    .attr("role", "alertdialog")
                    .attr("aria-modal", "true")
                    .attr("aria-labelledby", "an-still-here-title")
                    .attr("aria-describedby", "an-still-here-text")
                    .child(
                        h("h2")
                            .id("an-still-here-title")
                            .child(ctx.t(k::public::STILL_HERE)),
                    )
                    .child(h("p").id("an-still-here-text").child(
                        ctx.format(k::public::COUNTDOWN, &[("seconds", &seconds.to_string())]),
                    ))
                    .child(
                        h("button")
                            .attr("type", "button")
                            .id("an-still-here")
                            .class("an-button an-primary")
                            .on_click(move || {
                                last_activity.set_value(clock::now_millis());
                                close_warning();
                            })
                            .child(ctx.t(k::public::CONTINUE)),
                    ),
            )
            .into_any(),
    }
}

/// Focuses an element of the widget once the current render is in the page (a timer task
/// runs after the reactive updates, which are micro-tasks).
pub fn focus_later(ctx: Ctx, selector: &'static str) {
    set_timeout(
        move || {
            // `try_`: the widget may be gone by the time the timer runs.
            let _ = ctx
                .container
                .try_with_value(|c| autonomie_ui::focus::focus(c, selector));
        },
        Duration::ZERO,
    );
}
