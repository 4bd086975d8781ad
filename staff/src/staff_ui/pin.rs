//! The staff view's PIN: chosen (typed twice) on first use, then typed to open the view, with
//! a pause after too many wrong ones. Only its salted hash is stored (`autonomie_core::pin`).

use crate::k;
use autonomie_ui::texts::Texts;

use autonomie_core::pin::{is_valid_pin, PinRecord};
use autonomie_ui::dom::*;
use autonomie_ui::storage::PIN;
use leptos::prelude::*;

use super::{screen, Ctx, Step};

/// Wrong PINs in a row before a pause.
const MAX_ATTEMPTS: u32 = 5;

fn random_salt() -> Option<[u8; 16]> {
    let mut salt = [0u8; 16];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut salt)
        .ok()?;
    Some(salt)
}

fn pin_input(
    id_attr: &'static str,
    describedby: &'static str,
    value: RwSignal<String>,
    on_done: impl FnMut() + 'static,
) -> AnyView {
    h("input")
        .id(id_attr)
        .attr("type", "password")
        .attr("inputmode", "numeric")
        .attr("autocomplete", "off")
        .attr("maxlength", "8")
        .attr("aria-describedby", describedby)
        .on_value(ValueEvent::Input, move |v| value.set(v))
        .on_enter(on_done)
        .into_any()
}

fn message(text: RwSignal<Option<String>>) -> AnyView {
    reactive_text(move || text.get().unwrap_or_default())
}

pub(super) fn choose_pin(ctx: Ctx) -> AnyView {
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move || {
        let pin = first.get_untracked();
        if !is_valid_pin(&pin) {
            error.set(Some(ctx.t(k::staff::PIN_INVALID)));
        } else if pin != again.get_untracked() {
            error.set(Some(ctx.t(k::staff::PIN_MISMATCH)));
        } else {
            match random_salt() {
                Some(salt) => {
                    let saved = ctx
                        .host
                        .with_value(|h| h.store.save(PIN, &PinRecord::new(&pin, salt)).is_ok());
                    if saved {
                        ctx.step.set(Step::Open);
                        ctx.focus_heading();
                    } else {
                        error.set(Some(ctx.t(k::staff::STORAGE_BLOCKED)));
                    }
                }
                None => error.set(Some(ctx.t(k::staff::STORAGE_BLOCKED))),
            }
        }
    };
    screen(
        ctx,
        k::staff::TITLE,
        vec![
            h("p").child(ctx.t(k::staff::CHOOSE_INTRO)).into_any(),
            h("form")
                .class("an-start")
                .no_submit()
                .child(
                    h("label")
                        .attr("for", "an-pin-new")
                        .child(ctx.t(k::staff::PIN_NEW)),
                )
                .child(
                    h("p")
                        .class("an-hint")
                        .id("an-pin-hint")
                        .child(ctx.t(k::staff::PIN_HINT)),
                )
                .child(pin_input("an-pin-new", "an-pin-hint", first, save))
                .child(
                    h("label")
                        .attr("for", "an-pin-again")
                        .child(ctx.t(k::staff::PIN_AGAIN)),
                )
                .child(pin_input("an-pin-again", "an-pin-hint", again, save))
                .child(
                    h("p")
                        .class("an-error")
                        .attr("role", "alert")
                        .child(message(error)),
                )
                .child(button("an-button an-primary", save).child(ctx.t(k::staff::PIN_SAVE)))
                .into_any(),
        ],
    )
}

pub(super) fn unlock(ctx: Ctx) -> AnyView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let attempts = StoredValue::new(0u32);
    let paused_until = StoredValue::new(0.0f64);
    let check = move || {
        let now = js_sys::Date::now();
        if now < paused_until.get_value() {
            error.set(Some(ctx.t(k::staff::PIN_PAUSED)));
            return;
        }
        let pin = typed.get_untracked();
        if let Some(record) = ctx.pin().filter(|record| record.verify(&pin)) {
            // A PIN stored by an older version is stored again with the current scheme. If
            // that fails (storage full), the older record still unlocks: nothing is lost.
            if record.needs_rehash() {
                if let Some(salt) = random_salt() {
                    let _ = ctx
                        .host
                        .with_value(|h| h.store.save(PIN, &PinRecord::new(&pin, salt)));
                }
            }
            ctx.step.set(Step::Open);
            ctx.focus_heading();
            return;
        }
        attempts.update_value(|a| *a += 1);
        if attempts.get_value() >= MAX_ATTEMPTS {
            attempts.set_value(0);
            paused_until.set_value(now + 30_000.0);
            error.set(Some(ctx.t(k::staff::PIN_PAUSED)));
        } else {
            error.set(Some(ctx.t(k::staff::PIN_WRONG)));
        }
    };
    screen(
        ctx,
        k::staff::TITLE,
        vec![h("form")
            .class("an-start")
            .no_submit()
            .child(h("label").attr("for", "an-pin").child(ctx.t(k::staff::PIN)))
            .child(
                h("p")
                    .class("an-hint")
                    .id("an-pin-hint")
                    .child(ctx.t(k::staff::PIN_HINT)),
            )
            .child(pin_input("an-pin", "an-pin-hint", typed, check))
            .child(
                h("p")
                    .class("an-error")
                    .attr("role", "alert")
                    .child(message(error)),
            )
            .child(button("an-button an-primary", check).child(ctx.t(k::staff::UNLOCK)))
            .into_any()],
    )
}
