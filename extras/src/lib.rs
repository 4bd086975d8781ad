//! The widget's lazily loaded module. It holds what is not needed to show the first question,
//! so visitors download it only once they answered the last one: the screens after it (result,
//! orientation, summary, mediator's view), the places file parser and search, and QR codes.
//! It is built by Trunk next to the main module and loaded with a dynamic `import()`.

pub mod page;

/// The loader hands over the hashes of the widget's files once this module is running: the
/// places and postal-code files it fetches are checked against them (see `autonomie_ui::net`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn set_integrity(table: wasm_bindgen::JsValue) {
    autonomie_ui::net::set_integrity(&table);
}

pub mod places_data;
pub mod places_ui;
pub mod qr;
pub mod results;
