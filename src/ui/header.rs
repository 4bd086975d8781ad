//! The bar above every screen (language, text size) and the footer (forget my data).

use autonomie_core::i18n::Lang;
use autonomie_ui::icons::Icon;
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
            let mut attrs = vec![at("value", lang.code()), at("lang", lang.code())];
            if lang == current {
                attrs.push(at("selected", ""));
            }
            text_el("option", attrs, lang.native_name().to_string())
        })
        .collect();
    let large = move || ctx.prefs.with(|p| p.large_text);
    let (partner, logo) = ctx
        .config
        .with_value(|c| (c.partner_name.clone(), c.logo_url.clone()));
    let brand = match (partner, logo) {
        (None, None) => text_el("p", vec![class("an-brand")], ctx.t("app.title")),
        (name, logo) => el(
            "p",
            vec![class("an-brand")],
            vec![
                logo.map_or_else(nothing, |src| {
                    // The logo's text alternative is the partner's name, written next to it.
                    el(
                        "img",
                        vec![class("an-logo"), at("src", src), at("alt", "")],
                        vec![],
                    )
                }),
                name.map_or_else(nothing, |n| text_el("span", vec![class("an-partner")], n)),
            ],
        ),
    };
    el(
        "div",
        vec![class("an-bar no-print")],
        vec![
            brand,
            el(
                "div",
                vec![class("an-settings")],
                vec![
                    el(
                        "label",
                        vec![class("an-lang"), at("for", "an-lang")],
                        vec![text_el("span", vec![], ctx.t("settings.language"))],
                    ),
                    el(
                        "select",
                        vec![
                            id("an-lang"),
                            on_value(ValueEvent::Change, move |code| {
                                if let Some(lang) = Lang::from_code(&code) {
                                    ctx.lang_just_changed.set_value(true);
                                    ctx.set_lang(lang);
                                }
                            }),
                        ],
                        options,
                    ),
                    el(
                        "button",
                        vec![
                            at("type", "button"),
                            class("an-toggle"),
                            at_dyn("aria-pressed", move || large().to_string()),
                            on_click(move || ctx.set_large_text(!large())),
                        ],
                        vec![
                            icon(Icon::TextSize),
                            text_el("span", vec![], ctx.t("settings.larger_text")),
                        ],
                    ),
                ],
            ),
        ],
    )
}

pub fn footer(ctx: Ctx) -> AnyView {
    let confirming = RwSignal::new(false);
    let body = move || {
        let staff = button(
            "an-link an-staff-entry",
            vec![txt(ctx.t("nav.staff"))],
            move || {
                ctx.navigated.set_value(true);
                ctx.staff_open.set(true);
            },
        );
        if ctx.public.get() {
            // One click, from any screen: the next person starts from nothing.
            return vec![
                button(
                    "an-button an-secondary an-next-person",
                    vec![icon(Icon::Reload), txt(ctx.t("public.next_person"))],
                    move || ctx.next_person(crate::state::Notice::NextPerson),
                ),
                staff,
            ]
            .into_any();
        }
        if confirming.get() {
            el(
                "div",
                vec![
                    class("an-confirm"),
                    at("role", "group"),
                    at("aria-label", ctx.t("settings.forget")),
                ],
                vec![
                    text_el("p", vec![], ctx.t("settings.forget_confirm")),
                    button(
                        "an-button an-danger an-forget-yes",
                        vec![txt(ctx.t("settings.forget_yes"))],
                        move || {
                            confirming.set(false);
                            ctx.forget_everything();
                        },
                    ),
                    button(
                        "an-button an-secondary",
                        vec![txt(ctx.t("settings.forget_no"))],
                        move || confirming.set(false),
                    ),
                ],
            )
        } else {
            vec![
                button(
                    "an-link an-forget",
                    vec![txt(ctx.t("settings.forget"))],
                    move || confirming.set(true),
                ),
                staff,
            ]
            .into_any()
        }
    };
    el(
        "div",
        vec![class("an-footer no-print")],
        vec![reactive(body)],
    )
}
