//! The view builder every Leptos screen uses, over Leptos' type-erased views.
//!
//! A screen reads like Leptos' own builder syntax:
//!
//! ```ignore
//! h("p").class("an-hint").child(ctx.t(k::welcome::PRIVATE)).into_any()
//! h("button").attr("type", "button").class("an-primary").on_click(start).child(icon(Icon::Next))
//! ```
//!
//! Why not `view!` or Leptos' typed builders (`p().class(…)`): each of those trees is its own
//! generic type, and the rendering code is generated again for every one. Measured on the
//! welcome and question screens (2026-11-22), the same markup written with type-erased calls
//! costs 2.4 times less wasm, which is what keeps the first question under the 160 KB brotli
//! budget. [`H`] keeps that: it gathers `AnyAttribute`s and `AnyView`s and makes one
//! type-erased element. Measured on 2026-12-01, moving every screen from the earlier
//! `el("p", vec![class("an-hint")], vec![text])` calls to [`h`] took the first question from
//! 151.5 KB to 151.1 KB brotli (`cargo run -p budget`). [`H`] is one pointer to the element
//! being built, so each step of a chain moves one word instead of seven: measured on
//! 2026-12-01 on the same code and version, the first question went from 151.4 KB to 149.7 KB
//! brotli and the staff module from 115.2 KB to 114.9 KB.
//!
//! Text is always inserted as text nodes, never as HTML, so data can never inject markup.

use leptos::prelude::*;

pub use crate::icons::Icon;
pub use autonomie_core::text_direction::TextKind;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::html::element::custom;
use leptos::tachys::html::event::on;
use leptos::tachys::html::property::prop;

pub type Attrs = Vec<AnyAttribute>;
pub type Nodes = Vec<AnyView>;

/// An element being built: `h("p").class("an-hint").child(text)`. Attributes and children
/// keep their order; [`H::into_any`] (or passing it as a child) makes the element. Boxed: see
/// the measurement at the top of this file.
#[must_use = "an element is shown only once it is made into a view"]
pub struct H(Box<Element>);

struct Element {
    tag: &'static str,
    attrs: Attrs,
    children: Nodes,
}

/// Starts an HTML element named `tag`.
pub fn h(tag: &'static str) -> H {
    H(Box::new(Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }))
}

/// What can be a child of an element: a view, an element being built, or a text (shown as
/// text, never as HTML).
pub trait IntoNode {
    fn into_node(self) -> AnyView;
}

impl IntoNode for AnyView {
    fn into_node(self) -> AnyView {
        self
    }
}

impl IntoNode for H {
    fn into_node(self) -> AnyView {
        self.into_any()
    }
}

impl IntoNode for String {
    fn into_node(self) -> AnyView {
        txt(self)
    }
}

impl IntoNode for &'static str {
    fn into_node(self) -> AnyView {
        txt(self.to_string())
    }
}

impl H {
    /// Any attribute made by the functions below (for one chosen at run time).
    pub fn with(mut self, attr: AnyAttribute) -> H {
        self.0.attrs.push(attr);
        self
    }

    pub fn attr(self, name: &'static str, value: impl Into<String>) -> H {
        self.with(at(name, value))
    }

    pub fn class(self, value: &'static str) -> H {
        self.with(class(value))
    }

    pub fn id(self, value: &'static str) -> H {
        self.with(id(value))
    }

    /// An attribute that follows a reactive value.
    pub fn attr_dyn(
        self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> H {
        self.with(at_dyn(name, value))
    }

    /// A boolean DOM property (e.g. `checked`) that follows a reactive value.
    pub fn prop_bool(
        self,
        name: &'static str,
        value: impl Fn() -> bool + Send + Sync + 'static,
    ) -> H {
        self.with(prop_bool(name, value))
    }

    pub fn on_click(self, action: impl FnMut() + 'static) -> H {
        self.with(on_click(action))
    }

    pub fn on_change(self, action: impl FnMut() + 'static) -> H {
        self.with(on_change(action))
    }

    /// Calls `action` with the new state of a checkbox.
    pub fn on_checked(self, action: impl FnMut(bool) + 'static) -> H {
        self.with(on_checked(action))
    }

    /// Calls `action` with the new value of an input or select, at `event`.
    pub fn on_value(self, event: ValueEvent, action: impl FnMut(String) + 'static) -> H {
        self.with(on_value(event, action))
    }

    /// Runs `action` when Enter is pressed in the field (see [`on_enter`]).
    pub fn on_enter(self, action: impl FnMut() + 'static) -> H {
        self.with(on_enter(action))
    }

    /// Submits without reloading the page.
    pub fn on_submit(self, action: impl FnMut() + 'static) -> H {
        self.with(on_submit(action))
    }

    /// Keeps a form from being sent (see [`no_submit`]).
    pub fn no_submit(self) -> H {
        self.with(no_submit())
    }

    /// The `dir` a text of `kind` needs (see `autonomie_core::text_direction`), if any.
    pub fn text_kind(self, kind: TextKind) -> H {
        match kind.dir() {
            Some(dir) => self.attr("dir", dir),
            None => self,
        }
    }

    pub fn child(mut self, child: impl IntoNode) -> H {
        self.0.children.push(child.into_node());
        self
    }

    /// Children made elsewhere (a list mapped from data).
    pub fn children(mut self, children: Nodes) -> H {
        self.0.children.extend(children);
        self
    }

    /// The element, as the type-erased view Leptos renders.
    pub fn into_any(self) -> AnyView {
        let Element {
            tag,
            attrs,
            children,
        } = *self.0;
        custom(tag).add_any_attr(attrs).child(children).into_any()
    }
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

/// A `type="button"` button with its action; its content follows with `.child(…)`.
pub fn button(class_name: &'static str, action: impl FnMut() + 'static) -> H {
    h("button")
        .attr("type", "button")
        .class(class_name)
        .on_click(action)
}

/// An SVG element: SVG needs its own namespace, which [`h`] (HTML) does not give.
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
        h("p").child(empty).into_any()
    } else {
        h("ul")
            .children(
                texts
                    .into_iter()
                    .map(|t| h("li").child(t).into_any())
                    .collect(),
            )
            .into_any()
    }
}
