//! Finding host elements and mounting a widget inside each one's shadow root.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use autonomie_core::config::WidgetConfig;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::host::Mounted;
use crate::stylesheet::STYLES;

/// Elements the widget mounts into.
pub const HOST_SELECTOR: &str = "autonomie-numerique, [data-autonomie-numerique]";

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
/// `base_url` is where the widget's files are served from, ending with `/`; `load_module`
/// takes a module name ("extras" or "staff") and returns a promise of that lazily loaded
/// module (see `public/autonomie.js`); `integrity` maps the addresses of the widget's own
/// files to their sha384, checked on every fetch of them.
#[wasm_bindgen]
pub fn boot(base_url: String, load_module: Option<js_sys::Function>, integrity: JsValue) {
    BASE_URL.with(|b| *b.borrow_mut() = normalise_base(&base_url));
    if integrity.is_object() {
        autonomie_ui::net::set_integrity(&integrity);
    }
    crate::extras::set_loader(load_module);
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
        if let Some(host) = hosts
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
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
        let Some(name) = name.as_string() else {
            continue;
        };
        let Some(key) = name.strip_prefix("data-") else {
            continue;
        };
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
    let Some(document) = host.owner_document() else {
        return;
    };
    let mut attributes = data_attributes(&host);
    let own_page = attributes.contains_key("config-from-url");
    if own_page {
        // Iframe mode: the page's query string configures the widget.
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        attributes.extend(autonomie_core::config::parse_query(&search));
    }
    let domains: Vec<&str> = crate::bank::full_bank()
        .skill_domains()
        .map(|d| d.id.as_str())
        .collect();
    let (mut config, warnings) = WidgetConfig::from_attributes(&attributes, &domains);
    if !attributes.contains_key("id") {
        // Several widgets without data-id on one page still keep their data apart.
        let index = MOUNTED.with(|m| m.borrow().len());
        if index > 0 {
            config.namespace = format!("default-{}", index + 1);
        }
    }
    let mut messages: Vec<String> = warnings.iter().map(|w| w.message()).collect();

    let Ok(container) = document.create_element("div") else {
        return;
    };
    let Ok(container) = container.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
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
            messages.push(
                "autonomie-numerique: this element cannot hold a shadow root; use <autonomie-numerique> or a <div>."
                    .to_string(),
            );
            if host.append_child(&container).is_err() {
                return;
            }
        }
    }
    apply_accent(&host, &container, &config.accent, &mut messages);
    for message in &messages {
        web_sys::console::warn_1(&message.into());
    }

    let inline_places = host
        .query_selector("script[type='application/json'], script[type='text/csv']")
        .ok()
        .flatten()
        .and_then(|script| script.text_content());
    let base_url = BASE_URL.with(|b| b.borrow().clone());
    let reads_url = own_page || config.use_url;
    if own_page || config.offline {
        register_service_worker();
    }
    let mounted = Mounted {
        reads_url,
        own_page,
        config,
        warnings: messages,
        base_url,
        container: container.clone(),
        inline_places,
    };
    let handle = leptos::mount::mount_to(container, move || view! { <App mounted=mounted /> });
    MOUNTED.with(|m| m.borrow_mut().push((host, Box::new(handle))));
    // The benchmark reads this user timing: the widget answers clicks from here on, and the
    // first question needs nothing more from the network.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(READY_MARK).length() == 0 {
            let _ = performance.mark(READY_MARK);
        }
    }
}

/// Name of the `performance.mark` set when the first widget is ready.
pub const READY_MARK: &str = "autonomie-ready";

/// Offline use: the service worker next to the widget's files caches them. Only on the widget's
/// own page, or when a partner opts in: it would otherwise act on the host's whole origin.
fn register_service_worker() {
    let base = BASE_URL.with(|b| b.borrow().clone());
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    // Read through Reflect: in a sandboxed iframe the getter itself throws a SecurityError,
    // and browsers without service workers (or private modes) simply stay online-only.
    let Ok(container) = js_sys::Reflect::get(&navigator, &"serviceWorker".into()) else {
        return;
    };
    let Ok(register) = js_sys::Reflect::get(&container, &"register".into()) else {
        return;
    };
    let Ok(register) = register.dyn_into::<js_sys::Function>() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"scope".into(), &base.clone().into());
    let Ok(promise) = register.call2(&container, &format!("{base}sw.js").into(), &options) else {
        return;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(
                &"autonomie-numerique: offline use unavailable (the service worker must be on the page's origin):".into(),
                &e,
            );
        }
    });
}

/// Sets the accent colour on the widget. A partner's `--an-accent` CSS custom property is
/// checked for contrast too; a colour too pale for white text falls back to the default.
fn apply_accent(
    host: &web_sys::Element,
    container: &web_sys::HtmlElement,
    accent: &str,
    messages: &mut Vec<String>,
) {
    use autonomie_core::config::{contrast_ratio, parse_hex_colour, DEFAULT_ACCENT, MIN_CONTRAST};
    let from_css = web_sys::window()
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .and_then(|style| style.get_property_value("--an-accent").ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let colour = match from_css {
        Some(css) if accent == DEFAULT_ACCENT => match parse_hex_colour(&css) {
            Some(hex) if contrast_ratio(&hex, "#ffffff").is_some_and(|c| c >= MIN_CONTRAST) => hex,
            _ => {
                messages.push(format!(
                    "autonomie-numerique: --an-accent: {css} is not a #rrggbb colour readable with white text (contrast 4.5:1); using {DEFAULT_ACCENT}."
                ));
                DEFAULT_ACCENT.to_string()
            }
        },
        _ => accent.to_string(),
    };
    let _ = container.style().set_property("--an-accent", &colour);
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    async fn next_frame() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    #[wasm_bindgen_test]
    async fn boot_mounts_each_host_in_its_own_shadow_root() {
        let guard = autonomie_ui::console_guard::ConsoleGuard::start();
        let document = web_sys::window().unwrap().document().unwrap();
        let body = document.body().unwrap();
        let first = document.create_element("autonomie-numerique").unwrap();
        first.set_attribute("data-id", "t-mount-a").unwrap();
        let second = document.create_element("div").unwrap();
        second
            .set_attribute("data-autonomie-numerique", "")
            .unwrap();
        second.set_attribute("data-id", "t-mount-b").unwrap();
        second.set_attribute("data-lang", "xx").unwrap();
        body.append_child(&first).unwrap();
        body.append_child(&second).unwrap();

        boot(String::new(), None, JsValue::UNDEFINED);
        next_frame().await;

        for host in [&first, &second] {
            let root = host.shadow_root().expect("a shadow root");
            let heading = root.query_selector("h2").unwrap().expect("a heading");
            assert_eq!(
                heading.text_content().unwrap(),
                "Faire le point sur le numérique"
            );
            let region = root.query_selector(".an-root").unwrap().unwrap();
            assert_eq!(region.get_attribute("lang").as_deref(), Some("fr"));
            assert_eq!(region.get_attribute("dir").as_deref(), Some("ltr"));
        }
        // The host page itself is untouched.
        assert!(body.query_selector(".an-root").unwrap().is_none());
        assert_eq!(
            document.document_element().unwrap().get_attribute("dir"),
            None
        );

        // A widget added later is mounted too; a removed one is unmounted.
        let late = document.create_element("autonomie-numerique").unwrap();
        late.set_attribute("data-id", "t-mount-c").unwrap();
        body.append_child(&late).unwrap();
        next_frame().await;
        assert!(late
            .shadow_root()
            .and_then(|r| r.query_selector("h2").ok().flatten())
            .is_some());
        late.remove();
        next_frame().await;
        assert_eq!(
            MOUNTED.with(|m| m.borrow().iter().filter(|(h, _)| h == &late).count()),
            0
        );
        guard.finish();
    }
}
