//! Finding host elements and mounting a widget inside each one's shadow root.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use autonomie_core::config::WidgetConfig;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;

/// Elements the widget mounts into.
pub const HOST_SELECTOR: &str = "autonomie-numerique, [data-autonomie-numerique]";

const STYLES: &str = include_str!("ui/widget.css");

thread_local! {
    static BOOTED: Cell<bool> = const { Cell::new(false) };
    static BASE_URL: RefCell<String> = const { RefCell::new(String::new()) };
    /// Live widgets; dropping an entry unmounts its view.
    static MOUNTED: RefCell<Vec<(web_sys::Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
    /// One constructed stylesheet shared by every shadow root: no inline `<style>`, so a
    /// strict `style-src` on the host page does not block it.
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Mounts every widget on the page and keeps watching for new ones.
/// `base_url` is where the widget's files are served from, ending with `/`.
#[wasm_bindgen]
pub fn boot(base_url: String) {
    BASE_URL.with(|b| *b.borrow_mut() = normalise_base(&base_url));
    mount_all();
    if !BOOTED.with(|b| b.replace(true)) {
        observe_document();
    }
}

fn normalise_base(base_url: &str) -> String {
    if base_url.is_empty() || base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    }
}

fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else {
        return;
    };
    for index in 0..hosts.length() {
        if let Some(host) = hosts.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount(host);
        }
    }
}

fn unmount_detached() {
    MOUNTED.with(|mounted| mounted.borrow_mut().retain(|(host, _)| host.is_connected()));
}

fn observe_document() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        |_records: js_sys::Array, _observer: web_sys::MutationObserver| {
            unmount_detached();
            mount_all();
        },
    );
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(&root, &options).is_ok() {
        // The observer lives as long as the page.
        callback.forget();
    }
}

fn data_attributes(host: &web_sys::Element) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in host.get_attribute_names().iter() {
        let Some(name) = name.as_string() else { continue };
        let Some(key) = name.strip_prefix("data-") else { continue };
        if key == "autonomie-numerique" {
            continue;
        }
        if let Some(value) = host.get_attribute(&name) {
            out.insert(key.to_string(), value);
        }
    }
    out
}

fn shared_sheet() -> Option<web_sys::CssStyleSheet> {
    SHEET.with(|sheet| {
        let mut sheet = sheet.borrow_mut();
        if sheet.is_none() {
            let created = web_sys::CssStyleSheet::new().ok()?;
            created.replace_sync(STYLES).ok()?;
            *sheet = Some(created);
        }
        sheet.clone()
    })
}

fn mount(host: web_sys::Element) {
    let already = MOUNTED.with(|m| m.borrow().iter().any(|(h, _)| h == &host));
    if already {
        return;
    }
    let Some(document) = host.owner_document() else { return };
    let (config, warnings) = WidgetConfig::from_attributes(&data_attributes(&host));
    let messages: Vec<String> = warnings.iter().map(|w| w.message()).collect();
    for message in &messages {
        web_sys::console::warn_1(&message.into());
    }

    let Ok(container) = document.create_element("div") else { return };
    let shadow = match host.shadow_root() {
        Some(existing) => {
            existing.set_inner_html("");
            Some(existing)
        }
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok(),
    };
    match shadow {
        Some(root) => {
            if let Some(sheet) = shared_sheet() {
                root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            }
            if root.append_child(&container).is_err() {
                return;
            }
        }
        None => {
            // Elements that cannot host a shadow root still get a working, if unstyled, widget.
            web_sys::console::warn_1(
                &"autonomie-numerique: this element cannot hold a shadow root; use <autonomie-numerique> or a <div>.".into(),
            );
            if host.append_child(&container).is_err() {
                return;
            }
        }
    }

    let base_url = BASE_URL.with(|b| b.borrow().clone());
    let Ok(container) = container.dyn_into::<web_sys::HtmlElement>() else { return };
    let root = container.clone();
    let handle = leptos::mount::mount_to(container, move || {
        view! {
            <App
                config=config.clone()
                base_url=base_url.clone()
                warnings=messages.clone()
                container=root.clone()
            />
        }
    });
    MOUNTED.with(|m| m.borrow_mut().push((host, Box::new(handle))));
}
