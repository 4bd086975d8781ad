//! A screen this module mounts inside the widget; the widget calls `unmount` when it moves on.

use std::any::Any;

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
