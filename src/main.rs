//! Entry point of the wasm binary. The loader (`public/autonomie.js`) calls the exported
//! `boot` once the module is ready; nothing else happens here.

fn main() {
    // A panic stops the widget: say where in the console, for whoever debugs the page. The
    // place only, not the message: formatting messages would weigh 0.5 KB more to download.
    std::panic::set_hook(Box::new(|info| {
        let (file, line) = info.location().map_or(("?", 0), |l| (l.file(), l.line()));
        web_sys::console::error_3(
            &"autonomie-numerique: internal error at".into(),
            &file.into(),
            &line.into(),
        );
    }));
    // Referencing the library keeps its exports (boot) in this binary.
    let _ = autonomie::boot as fn(String, Option<js_sys::Function>, wasm_bindgen::JsValue);
}
