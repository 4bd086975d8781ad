//! What the widget's modules share: small builders over Leptos' type-erased views
//! (`dom`), the pictograms (`icons`) and fetching with plain failure reasons (`net`).

pub mod clock;
#[cfg(any(test, feature = "console-guard"))]
pub mod console_guard;
pub mod contract;
pub mod dom;
pub mod focus;
pub mod icons;
pub mod markup;
pub mod net;
#[cfg(feature = "screen")]
pub mod screen;
pub mod speech;
pub mod storage;
pub mod texts;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
