//! Access to the lazily loaded module (`extras/`): loaded on first use through the function
//! the loader gives `boot`, then kept for the page's life.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

pub fn set_loader(loader: Option<js_sys::Function>) {
    if loader.is_some() {
        LOADER.with(|l| *l.borrow_mut() = loader);
    }
}

/// The module's exports, loading it on first call. `Err` when it cannot be loaded (offline
/// before it was ever fetched, blocked by the host page…).
pub async fn module() -> Result<JsValue, JsValue> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let loader = LOADER
        .with(|l| l.borrow().clone())
        .ok_or_else(|| JsValue::from_str("no loader for the extras module"))?;
    let promise: js_sys::Promise = loader.call0(&JsValue::NULL)?.dyn_into()?;
    let module = JsFuture::from(promise).await?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// Calls an exported function of the module and returns its text result, awaiting it when the
/// function is async.
pub async fn call(name: &str, args: &[JsValue]) -> Result<String, JsValue> {
    let module = module().await?;
    let function: js_sys::Function =
        js_sys::Reflect::get(&module, &JsValue::from_str(name))?.dyn_into()?;
    let args: js_sys::Array = args.iter().collect();
    let mut result = function.apply(&JsValue::NULL, &args)?;
    if let Some(promise) = result.dyn_ref::<js_sys::Promise>() {
        result = JsFuture::from(promise.clone()).await?;
    }
    result
        .as_string()
        .ok_or_else(|| JsValue::from_str("the extras module returned no text"))
}
