//! What a widget instance gets from its host element: its settings, their warnings, where
//! its files are and the element it renders into. Read by the mounting code
//! ([`crate::mount`]), handed to the app and its state; it depends on nothing of theirs.

use autonomie_core::config::WidgetConfig;

/// What a widget instance gets from its host element.
pub struct Mounted {
    pub config: WidgetConfig,
    /// Configuration problems, already logged to the console.
    pub warnings: Vec<String>,
    pub base_url: String,
    /// The element inside the shadow root the widget renders into.
    pub container: web_sys::HtmlElement,
    /// Places data given inline in the host element (`data-places="inline"`).
    pub inline_places: Option<String>,
    /// Whether the widget may read a mediator code from the page's URL: on its own page
    /// (`data-config-from-url`), or when the partner opts in with `data-url="on"`.
    pub reads_url: bool,
    /// Whether the widget is on its own page (`data-config-from-url`) rather than a host's.
    pub own_page: bool,
}
