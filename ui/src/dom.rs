//! Small builders over Leptos' type-erased views, used by every screen.
//!
//! Why not `view!` everywhere: each `view!` tree is its own generic type, and the rendering
//! code is generated again for every one. Measured on the welcome and question screens
//! (2026-11-22), the same markup written with these builders costs 2.4 times less wasm,
//! which is what keeps the first question under the 160 KB brotli budget. The markup stays
//! declarative: `el("p", vec![class("an-hint")], vec![text])`.
//!
//! Text is always inserted as text nodes, never as HTML, so data can never inject markup.

use leptos::prelude::*;

pub use crate::icons::Icon;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::html::element::custom;
use leptos::tachys::html::event::on;
use leptos::tachys::html::property::prop;

pub type Attrs = Vec<AnyAttribute>;
pub type Nodes = Vec<AnyView>;

/// An element with attributes and children.
pub fn el(tag: &'static str, attrs: Attrs, children: Nodes) -> AnyView {
    custom(tag).add_any_attr(attrs).child(children).into_any()
}

/// An element holding one text.
pub fn text_el(tag: &'static str, attrs: Attrs, text: String) -> AnyView {
    el(tag, attrs, vec![text.into_any()])
}

/// A plain text node.
pub fn txt(text: String) -> AnyView {
    text.into_any()
}

/// Nothing, for conditional parts.
pub fn nothing() -> AnyView {
    ().into_any()
}

type ViewFn = Box<dyn Fn() -> AnyView + Send + Sync>;
type TextFn = Box<dyn Fn() -> String + Send + Sync>;
type FlagFn = Box<dyn Fn() -> bool + Send + Sync>;

/// A part of the view rebuilt when the signals it reads change. The closure is boxed so every
/// reactive part shares one copy of Leptos' rendering code instead of one per closure type.
pub fn reactive(view: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let view: ViewFn = Box::new(view);
    view.into_any()
}

/// A text that follows reactive values.
pub fn reactive_text(text: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    let text: TextFn = Box::new(text);
    text.into_any()
}

pub fn at(name: &'static str, value: impl Into<String>) -> AnyAttribute {
    custom_attribute(name, value.into()).into_any_attr()
}

pub fn class(value: &'static str) -> AnyAttribute {
    at("class", value)
}

pub fn id(value: &'static str) -> AnyAttribute {
    at("id", value)
}

/// An attribute that follows a reactive value.
pub fn at_dyn(
    name: &'static str,
    value: impl Fn() -> String + Send + Sync + 'static,
) -> AnyAttribute {
    custom_attribute(name, value).into_any_attr()
}

/// A boolean DOM property (e.g. `checked`) that follows a reactive value.
pub fn prop_bool(
    name: &'static str,
    value: impl Fn() -> bool + Send + Sync + 'static,
) -> AnyAttribute {
    let value: FlagFn = Box::new(value);
    prop(name, value).into_any_attr()
}

pub fn on_click(mut action: impl FnMut() + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::MouseEvent)> = Box::new(move |_| action());
    on(leptos::ev::click, handler).into_any_attr()
}

pub fn on_change(mut action: impl FnMut() + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::Event)> = Box::new(move |_| action());
    on(leptos::ev::change, handler).into_any_attr()
}

/// Calls `action` with the new state of a checkbox.
pub fn on_checked(mut action: impl FnMut(bool) + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::Event)> =
        Box::new(move |ev| action(event_target_checked(&ev)));
    on(leptos::ev::change, handler).into_any_attr()
}

/// When [`on_value`] reads a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueEvent {
    /// At each keystroke (`input`).
    Input,
    /// When the value is committed: a choice in a select, a field left (`change`).
    Change,
}

/// Calls `action` with the new value of an input or select, at `event`.
pub fn on_value(event: ValueEvent, mut action: impl FnMut(String) + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::Event)> =
        Box::new(move |ev| action(event_target_value(&ev)));
    match event {
        ValueEvent::Input => on(leptos::ev::input, handler).into_any_attr(),
        ValueEvent::Change => on(leptos::ev::change, handler).into_any_attr(),
    }
}

/// Runs `action` when Enter is pressed in a field. Forms do not rely on the browser's submit:
/// a sandboxed iframe without `allow-forms` never fires it.
pub fn on_enter(mut action: impl FnMut() + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::KeyboardEvent)> =
        Box::new(move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                action();
            }
        });
    on(leptos::ev::keydown, handler).into_any_attr()
}

/// Keeps a form from being sent (which would reload the page); actions hang on its buttons
/// and on Enter in its fields (see [`on_enter`]).
pub fn no_submit() -> AnyAttribute {
    on_submit(|| {})
}

/// Submits without reloading the page.
pub fn on_submit(mut action: impl FnMut() + 'static) -> AnyAttribute {
    let handler: Box<dyn FnMut(leptos::ev::SubmitEvent)> =
        Box::new(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            action();
        });
    on(leptos::ev::submit, handler).into_any_attr()
}

/// A `type="button"` button.
pub fn button(
    class_name: &'static str,
    children: Nodes,
    action: impl FnMut() + 'static,
) -> AnyView {
    el(
        "button",
        vec![at("type", "button"), class(class_name), on_click(action)],
        children,
    )
}

/// An SVG element: SVG needs its own namespace, which `el` (HTML) does not give.
pub fn svg(attrs: Attrs, children: Nodes) -> AnyView {
    leptos::svg::svg()
        .add_any_attr(attrs)
        .child(children)
        .into_any()
}

pub fn svg_path(d: &'static str) -> AnyView {
    leptos::svg::path().attr("d", d).into_any()
}

pub fn svg_path_owned(d: String) -> AnyView {
    leptos::svg::path().attr("d", d).into_any()
}

pub fn svg_rect(attrs: Attrs) -> AnyView {
    leptos::svg::rect().add_any_attr(attrs).into_any()
}

/// A decorative pictogram: the text next to it carries the meaning.
pub fn icon(icon: Icon) -> AnyView {
    svg(
        vec![
            class(if icon.is_directional() {
                "an-icon an-flip"
            } else {
                "an-icon"
            }),
            at("viewBox", "0 0 24 24"),
            at("aria-hidden", "true"),
            at("focusable", "false"),
        ],
        vec![svg_path(icon.path())],
    )
}

/// A list of texts, or a paragraph saying there is none.
pub fn list_or(texts: Vec<String>, empty: String) -> AnyView {
    if texts.is_empty() {
        text_el("p", vec![], empty)
    } else {
        el(
            "ul",
            vec![],
            texts
                .into_iter()
                .map(|t| text_el("li", vec![], t))
                .collect(),
        )
    }
}
