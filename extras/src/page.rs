//! The screens of this module, without a UI framework: each writes its HTML once with the
//! `h("p").class(…).child(…)` builder of `autonomie_ui::markup` (the shape of the Leptos
//! screens' builder; every text is escaped) and listens to its container's events, which name
//! what to do in `data-do` attributes.
//!
//! Why not Leptos here, as in the main module: the main module must carry Leptos for the
//! questions, and a second copy in this module weighed on the whole flow's 330 KB budget.
//! Measured on 2026-12-01 (release build, brotli 11): this module was 199.3 KB with the same
//! screens in Leptos, 158.6 KB without; the whole flow went from 354.5 KB to 313.3 KB. These
//! screens are mostly text that never changes once shown; the few parts that do (the places
//! found, a chosen place, the priorities count, a code's error) are rewritten in place.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use autonomie_ui::icons::Icon;
use autonomie_ui::markup::{h, icon as pictogram, Html, H};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// The events a screen listens for: a misspelt one does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Click,
    /// A field's value at each keystroke.
    Input,
    /// A committed value: a checkbox, a select, a field left.
    Change,
    KeyDown,
}

impl On {
    /// The DOM event's name.
    pub fn name(self) -> &'static str {
        match self {
            On::Click => "click",
            On::Input => "input",
            On::Change => "change",
            On::KeyDown => "keydown",
        }
    }
}

/// One mounted screen: its element, its listeners, and whether it is still on show.
pub struct Page {
    container: web_sys::HtmlElement,
    listeners: RefCell<Vec<(&'static str, Listener)>>,
    alive: Cell<bool>,
}

impl Page {
    pub fn new(container: web_sys::HtmlElement) -> Rc<Page> {
        Rc::new(Page {
            container,
            listeners: RefCell::new(Vec::new()),
            alive: Cell::new(true),
        })
    }

    /// False once the widget moved on: late answers (a search, a place found) are dropped.
    pub fn alive(&self) -> bool {
        self.alive.get()
    }

    pub fn container(&self) -> &web_sys::HtmlElement {
        &self.container
    }

    /// Replaces the whole screen.
    pub fn show(&self, screen: H) {
        self.container.set_inner_html(screen.into_html().as_str());
    }

    /// The first element matching `selector` in the screen.
    pub fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        autonomie_ui::focus::find(&self.container, selector)
    }

    /// Every element matching `selector` in the screen.
    pub fn find_all(&self, selector: &str) -> Vec<web_sys::HtmlElement> {
        let Ok(list) = self.container.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into().ok())
            .collect()
    }

    /// Replaces what the element matching `selector` holds.
    pub fn fill(&self, selector: &str, html: Html) {
        if let Some(element) = self.find(selector) {
            element.set_inner_html(html.as_str());
        }
    }

    pub fn focus(&self, selector: &str) {
        autonomie_ui::focus::focus(&self.container, selector);
    }

    /// Calls `handler` with the event and the `data-do` element it came from (a click on a
    /// button's icon counts for the button), for every `event` in the screen.
    pub fn on(&self, event: On, mut handler: impl FnMut(&web_sys::Event, Action) + 'static) {
        let listener: Listener = Closure::new(move |e: web_sys::Event| {
            if let Some(action) = Action::of(&e) {
                handler(&e, action);
            }
        });
        // In the capture phase, so events that do not bubble (a script's `new Event('input')`,
        // focus events) reach the screen too.
        let _ = self.container.add_event_listener_with_callback_and_bool(
            event.name(),
            listener.as_ref().unchecked_ref(),
            true,
        );
        self.listeners.borrow_mut().push((event.name(), listener));
    }

    /// Removes the listeners and the markup.
    pub fn unmount(&self) {
        self.alive.set(false);
        for (event, listener) in self.listeners.borrow_mut().drain(..) {
            let _ = self.container.remove_event_listener_with_callback_and_bool(
                event,
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        self.container.set_inner_html("");
    }
}

/// What an element with `data-do="name"` (and maybe `data-arg`) asks for.
pub struct Action {
    pub name: String,
    pub arg: String,
    pub element: web_sys::HtmlElement,
}

impl Action {
    fn of(event: &web_sys::Event) -> Option<Action> {
        let target: web_sys::Element = event.target()?.dyn_into().ok()?;
        let element: web_sys::HtmlElement = target.closest("[data-do]").ok()??.dyn_into().ok()?;
        Some(Action {
            name: element.get_attribute("data-do")?,
            arg: element.get_attribute("data-arg").unwrap_or_default(),
            element,
        })
    }

    /// The value of the input or select that sent the event.
    pub fn value(&self) -> String {
        if let Some(input) = self.element.dyn_ref::<web_sys::HtmlInputElement>() {
            return input.value();
        }
        if let Some(select) = self.element.dyn_ref::<web_sys::HtmlSelectElement>() {
            return select.value();
        }
        String::new()
    }

    /// Whether the checkbox that sent the event is checked.
    pub fn checked(&self) -> bool {
        self.element
            .dyn_ref::<web_sys::HtmlInputElement>()
            .is_some_and(web_sys::HtmlInputElement::checked)
    }
}

/// Whether a key event is Enter.
pub fn is_enter(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .is_some_and(|k| k.key() == "Enter")
}

/// A mounted screen, as the widget holds it: it calls `unmount` when it moves on.
#[wasm_bindgen]
pub struct Mounted {
    page: Option<Rc<Page>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        if let Some(page) = self.page.take() {
            page.unmount();
        }
    }
}

impl Mounted {
    pub fn new(page: Rc<Page>) -> Mounted {
        Mounted { page: Some(page) }
    }
}

/// A button that asks for `action` (with `arg`): an icon before the text (`back`, `print`…)
/// or after it (`next`).
pub fn button(class: &str, action: &str, arg: &str, icon: Option<Icon>, label: &str) -> H {
    let button = h("button")
        .attr("type", "button")
        .class(class)
        .attr("data-do", action)
        .attr("data-arg", arg);
    match icon {
        Some(Icon::Next) => button.child(label).child(pictogram(Icon::Next)),
        Some(icon) => button.child(pictogram(icon)).child(label),
        None => button.child(label),
    }
}
