//! A screen this module mounts inside the widget; the widget calls `unmount` when it moves on.

use std::any::Any;

use autonomie_core::i18n::{Catalog, Lang};
use autonomie_core::json::Json;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Screen {
    handle: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Screen {
    pub fn unmount(&mut self) {
        self.handle.take();
    }
}

impl Screen {
    pub fn mount(
        container: web_sys::HtmlElement,
        view: impl FnOnce() -> AnyView + 'static,
    ) -> Screen {
        let handle = leptos::mount::mount_to(container, view);
        Screen {
            handle: Some(Box::new(handle)),
        }
    }
}

/// What every screen's mount receives from the widget: its settings (JSON) and the current
/// catalog (a flat JSON object), laid over `own_french`, the French texts only this module
/// shows (the widget's French catalog leaves them out). The widget writes both, so they
/// parse; should they not, the screen shows its own French and otherwise text keys.
pub fn read_settings(settings: &str, texts: &str, own_french: &str) -> (Json, Catalog) {
    let settings = Json::parse(settings).unwrap_or(Json::Null);
    let lang = settings.get("lang").and_then(Json::as_str).unwrap_or("fr");
    let catalog = catalog(lang, texts, own_french);
    (settings, catalog)
}

/// The screen's catalog: the widget's texts in `lang` laid over this module's own French.
pub fn catalog(lang: &str, texts: &str, own_french: &str) -> Catalog {
    let lang = Lang::from_code(lang).unwrap_or_default();
    let own = Catalog::from_json(Lang::Fr, own_french).unwrap_or_else(|_| Catalog::empty(lang));
    let texts = Catalog::from_json(lang, texts).unwrap_or_else(|_| Catalog::empty(lang));
    texts.over(&own)
}
