//! The autonomie numérique widget: Leptos screens over `autonomie_core`.
//!
//! `boot` finds every `<autonomie-numerique>` element (or element with a
//! `data-autonomie-numerique` attribute) and mounts one independent widget in its shadow root.

mod app;
mod bank;
use autonomie_ui::clock;
mod extras;
use autonomie_ui::{net, storage};
mod host;
mod i18n_loader;
mod mount;
mod print;
mod state;
mod stylesheet;
mod ui;

pub use mount::boot;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
