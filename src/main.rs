//! Entry point of the wasm binary. The loader (`public/autonomie.js`) calls the exported
//! `boot` once the module is ready; nothing else happens here.

fn main() {
    console_error_panic_hook::set_once();
    // Referencing the library keeps its exports (boot) in this binary.
    let _ = autonomie::boot as fn(String, Option<js_sys::Function>);
}
