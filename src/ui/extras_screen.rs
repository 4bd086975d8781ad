//! Screens that live in a lazily loaded module (everything after the last question, and the
//! staff view): this loads the module, mounts the screen in an element of the widget, and
//! unmounts it when the widget moves on. If the module cannot load, `fallback` explains and
//! keeps the flow usable.

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_core::session::Stage;
use autonomie_ui::contract::Action;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::*;
use crate::extras;
use crate::state::Ctx;
use autonomie_ui::contract::LazyScreen;

/// A callback the module calls with a text argument.
pub fn callback_with_text(action: impl Fn(String) + 'static) -> js_sys::Function {
    Closure::<dyn Fn(String)>::new(action)
        .into_js_value()
        .unchecked_into()
}

/// A callback the module calls with no argument.
pub fn callback(action: impl Fn() + 'static) -> js_sys::Function {
    Closure::<dyn Fn()>::new(action)
        .into_js_value()
        .unchecked_into()
}

/// Calls the mount function of `screen` in its module,
/// `(element, settings, texts, ...callbacks)`; the function
/// returns a handle with an `unmount` method. When the module cannot load (offline, blocked,
/// or nothing after the loader's timeout, see `public/autonomie.js`), `fallback` explains and a
/// "Réessayer" button tries again.
pub fn extras_screen(
    ctx: Ctx,
    screen: LazyScreen,
    settings: String,
    callbacks: Vec<js_sys::Function>,
    fallback: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let failed = RwSignal::new(false);
    // The loader refused the module: it does not match its hash (see `public/autonomie.js`).
    let changed = RwSignal::new(false);
    let loading = RwSignal::new(true);
    let handle = StoredValue::new_local(None::<JsValue>);
    let settings = StoredValue::new_local((settings, callbacks));
    let load = move || {
        failed.set(false);
        loading.set(true);
        leptos::task::spawn_local(async move {
            let loaded = extras::module(screen.module()).await;
            let texts = ctx.module_texts(screen.module().texts()).await;
            let refused = loaded.as_ref().err().is_some_and(|error| {
                js_sys::Reflect::get(error, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|name| name.as_string())
                    .is_some_and(|name| name == "IntegrityError")
            });
            let _ = changed.try_set(refused);
            let loaded = loaded.ok().and_then(|module| {
                js_sys::Reflect::get(&module, &JsValue::from_str(screen.export()))
                    .ok()?
                    .dyn_into::<js_sys::Function>()
                    .ok()
            });
            // The person may have left the step while the module loaded.
            let Some((settings, callbacks)) = settings.try_get_value() else {
                return;
            };
            // Runs after this view is in the page: the screen renders into its element.
            let element = ctx
                .container
                .try_with_value(|c| c.query_selector(".an-extras").ok().flatten())
                .flatten();
            let _ = loading.try_set(false);
            let (Some(mount), Some(element)) = (loaded, element) else {
                let _ = failed.try_set(true);
                return;
            };
            let args = js_sys::Array::new();
            args.push(&element);
            args.push(&JsValue::from_str(&settings));
            args.push(&JsValue::from_str(&texts));
            for callback in callbacks {
                args.push(&callback);
            }
            match mount.apply(&JsValue::NULL, &args) {
                Ok(mounted) => handle.set_value(Some(mounted)),
                Err(_) => {
                    let _ = failed.try_set(true);
                }
            }
        });
    };
    load();
    on_cleanup(move || {
        if let Some(mounted) = handle.try_get_value().flatten() {
            if let Ok(unmount) = js_sys::Reflect::get(&mounted, &JsValue::from_str("unmount"))
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = unmount.call0(&mounted);
            }
        }
    });
    vec![
        h("div").class("an-extras").into_any(),
        reactive(move || {
            if failed.get() {
                vec![
                    if changed.get() {
                        h("p")
                            .class("an-error")
                            .attr("role", "alert")
                            .child(ctx.t(k::module::CHANGED))
                            .into_any()
                    } else {
                        nothing()
                    },
                    fallback(),
                    h("p")
                        .class("an-actions no-print")
                        .child(
                            button("an-button an-secondary an-retry", load)
                                .child(icon(Icon::Reload))
                                .child(ctx.t(k::module::RETRY)),
                        )
                        .into_any(),
                ]
                .into_any()
            } else if loading.get() {
                h("p")
                    .class("an-hint")
                    .attr("role", "status")
                    .child(ctx.t(k::module::LOADING))
                    .into_any()
            } else {
                nothing()
            }
        }),
    ]
    .into_any()
}

/// What the person reads when a module cannot load: a title, the message, and a way out.
pub fn module_fallback(ctx: Ctx, title_key: Key, message_key: Key, way_out: AnyView) -> AnyView {
    h("section")
        .class("an-screen")
        .child(
            h("h2")
                .id("an-module-title")
                .attr("tabindex", "-1")
                .child(ctx.t(title_key)),
        )
        .child(
            h("p")
                .class("an-notice")
                .attr("role", "alert")
                .child(ctx.t(message_key)),
        )
        .child(way_out)
        .into_any()
}

/// A screen of the extras module (see `extras/src/results`), mounted with the widget's
/// [`crate::state::Ctx::screen_settings`]; what it asks goes to [`Ctx::act`]. When the module
/// cannot load, the person is told, can try again, and can go `back` (`back_key` says where).
pub fn extras_step(
    ctx: Ctx,
    screen: LazyScreen,
    title_key: Key<'static>,
    back: Action,
    back_key: Key<'static>,
) -> AnyView {
    let on_action = callback_with_text(move |text: String| {
        if let Some(action) = Action::from_json(&text) {
            ctx.act(action);
        }
    });
    let message_key = if screen == LazyScreen::Places {
        k::module::PLACES_ERROR
    } else {
        k::module::RESULTS_ERROR
    };
    let fallback = move || {
        let back = back.clone();
        module_fallback(
            ctx,
            title_key,
            message_key,
            button("an-button an-secondary", move || ctx.act(back.clone()))
                .child(icon(Icon::Back))
                .child(ctx.t(back_key))
                .into_any(),
        )
    };
    extras_screen(
        ctx,
        screen,
        ctx.screen_settings().to_json(),
        vec![on_action],
        fallback,
    )
}

/// The extras screen of a step after the last question; when it cannot load, "Revenir" goes to
/// the step before (from the result, to the last question).
pub fn step_screen(ctx: Ctx, stage: Stage) -> AnyView {
    let (screen, title_key, back, back_key) = match stage {
        Stage::Orientation => (
            LazyScreen::Orientation,
            k::module::RESULTS_TITLE,
            Action::Go(Stage::Result),
            k::module::BACK,
        ),
        Stage::Places => (
            LazyScreen::Places,
            k::module::PLACES_TITLE,
            Action::Go(Stage::Orientation),
            k::module::BACK,
        ),
        Stage::Summary => (
            LazyScreen::Summary,
            k::module::RESULTS_TITLE,
            Action::Go(Stage::Result),
            k::module::BACK,
        ),
        _ => (
            LazyScreen::Result,
            k::module::RESULTS_TITLE,
            Action::Back,
            k::question::BACK,
        ),
    };
    extras_step(ctx, screen, title_key, back, back_key)
}
