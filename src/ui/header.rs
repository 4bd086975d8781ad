//! The bar above every screen (language, text size) and the footer (forget my data).

use crate::k;
use autonomie_core::i18n::Lang;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::*;
use crate::state::Ctx;

pub fn header(ctx: Ctx) -> AnyView {
    let current = ctx.lang();
    // The widget re-renders in the new language; give focus back to the picker.
    Effect::new(move |_| {
        if ctx.lang_just_changed.get_value() {
            ctx.lang_just_changed.set_value(false);
            let picker = ctx
                .container
                .with_value(|c| c.query_selector("#an-lang").ok().flatten());
            if let Some(picker) = picker.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = picker.focus();
            }
        }
    });
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            let option = h("option")
                .attr("value", lang.code())
                .attr("lang", lang.code());
            let option = if lang == current {
                option.attr("selected", "")
            } else {
                option
            };
            option.child(lang.native_name().to_string()).into_any()
        })
        .collect();
    let large = move || ctx.prefs.with(|p| p.large_text);
    let (partner, logo) = ctx
        .config
        .with_value(|c| (c.partner_name.clone(), c.logo_url.clone()));
    let brand = match (partner, logo) {
        (None, None) => h("p")
            .class("an-brand")
            .child(ctx.t(k::app::TITLE))
            .into_any(),
        (name, logo) => h("p")
            .class("an-brand")
            .child(logo.map_or_else(nothing, |src| {
                // The logo's text alternative is the partner's name, written next to it.
                h("img")
                    .class("an-logo")
                    .attr("src", src)
                    .attr("alt", "")
                    .into_any()
            }))
            .child(name.map_or_else(nothing, |n| {
                h("span")
                    .class("an-partner")
                    .text_kind(TextKind::PersonData)
                    .child(n)
                    .into_any()
            }))
            .into_any(),
    };
    h("div")
        .class("an-bar no-print")
        .child(brand)
        .child(
            h("div")
                .class("an-settings")
                .child(
                    h("label")
                        .class("an-lang")
                        .attr("for", "an-lang")
                        .child(h("span").child(ctx.t(k::settings::LANGUAGE))),
                )
                .child(
                    h("select")
                        .id("an-lang")
                        .on_value(ValueEvent::Change, move |code| {
                            if let Some(lang) = Lang::from_code(&code) {
                                ctx.lang_just_changed.set_value(true);
                                ctx.set_lang(lang);
                            }
                        })
                        .children(options),
                )
                .child(
                    h("button")
                        .attr("type", "button")
                        .class("an-toggle")
                        .attr_dyn("aria-pressed", move || large().to_string())
                        .on_click(move || ctx.set_large_text(!large()))
                        .child(icon(Icon::TextSize))
                        .child(h("span").child(ctx.t(k::settings::LARGER_TEXT))),
                ),
        )
        .into_any()
}

pub fn footer(ctx: Ctx) -> AnyView {
    let confirming = RwSignal::new(false);
    let body = move || {
        let staff = button("an-link an-staff-entry", move || {
            ctx.navigated.set_value(true);
            ctx.staff_open.set(true);
        })
        .child(ctx.t(k::nav::STAFF))
        .into_any();
        if ctx.public.get() {
            // One click, from any screen: the next person starts from nothing.
            return vec![
                button("an-button an-secondary an-next-person", move || {
                    ctx.next_person(crate::state::Notice::NextPerson)
                })
                .child(icon(Icon::Reload))
                .child(ctx.t(k::public::NEXT_PERSON))
                .into_any(),
                staff,
            ]
            .into_any();
        }
        if confirming.get() {
            h("div")
                .class("an-confirm")
                .attr("role", "group")
                .attr("aria-label", ctx.t(k::settings::FORGET))
                .child(h("p").child(ctx.t(k::settings::FORGET_CONFIRM)))
                .child(
                    button("an-button an-danger an-forget-yes", move || {
                        confirming.set(false);
                        ctx.forget_everything();
                    })
                    .child(ctx.t(k::settings::FORGET_YES)),
                )
                .child(
                    button("an-button an-secondary", move || confirming.set(false))
                        .child(ctx.t(k::settings::FORGET_NO)),
                )
                .into_any()
        } else {
            vec![
                button("an-link an-forget", move || confirming.set(true))
                    .child(ctx.t(k::settings::FORGET))
                    .into_any(),
                staff,
            ]
            .into_any()
        }
    };
    h("div")
        .class("an-footer no-print")
        .child(reactive(body))
        .into_any()
}
