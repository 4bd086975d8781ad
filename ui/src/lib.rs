//! What the widget's modules share: small builders over Leptos' type-erased views
//! (`dom`), the pictograms (`icons`) and fetching with plain failure reasons (`net`).

#[cfg(any(test, feature = "console-guard"))]
pub mod console_guard;
pub mod dom;
pub mod icons;
pub mod net;
#[cfg(feature = "screen")]
pub mod screen;
pub mod storage;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
