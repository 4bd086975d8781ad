//! Access to the lazily loaded modules: `extras/` (places, QR codes) in a visitor's flow, and
//! `staff/` (staff view) for mediators only. Each is loaded on first use through the function
//! the loader gives `boot`, then kept for the page's life.

use std::cell::RefCell;

use autonomie_ui::contract::LazyModule as Module;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static LOADED: RefCell<Vec<(Module, JsValue)>> = const { RefCell::new(Vec::new()) };
}

pub fn set_loader(loader: Option<js_sys::Function>) {
    if loader.is_some() {
        LOADER.with(|l| *l.borrow_mut() = loader);
    }
}

/// The module's exports, loading it on first call. `Err` when it cannot be loaded (offline
/// before it was ever fetched, blocked by the host page…).
pub async fn module(which: Module) -> Result<JsValue, JsValue> {
    let cached = LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(m, _)| *m == which)
            .map(|(_, exports)| exports.clone())
    });
    if let Some(exports) = cached {
        return Ok(exports);
    }
    let loader = LOADER
        .with(|l| l.borrow().clone())
        .ok_or_else(|| JsValue::from_str("no loader for the lazily loaded modules"))?;
    // The loader gives up after its timeout (see `public/autonomie.js`); a new call is a new
    // try, at a new address.
    let promise: js_sys::Promise = loader
        .call1(&JsValue::NULL, &JsValue::from_str(which.name()))?
        .dyn_into()?;
    let exports = JsFuture::from(promise).await?;
    LOADED.with(|l| l.borrow_mut().push((which, exports.clone())));
    Ok(exports)
}
