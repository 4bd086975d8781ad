//! Moving the keyboard focus, the one way every module does it: after an action shows a new
//! screen, the focus goes to its heading, so keyboard and screen-reader users land on the new
//! content. On first load the widget never takes focus (that would scroll the host page); the
//! callers decide that, this only finds and focuses.

use wasm_bindgen::JsCast;

/// The heading of the screen shown (each screen has one `h2` in its `.an-screen`).
pub const SCREEN_HEADING: &str = ".an-screen h2";

/// The first element under `root` matching `selector`, if it can take focus.
pub fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Focuses the first element under `root` matching `selector`; false when there is none.
pub fn focus(root: &web_sys::Element, selector: &str) -> bool {
    match find(root, selector) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}
