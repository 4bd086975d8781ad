//! The partner page's configurator: a form whose every change regenerates the snippet and
//! replaces the live preview. The form markup is plain HTML in `public/partenaires/`; fields
//! carry `data-attr="<attribute>"` (one value) or `data-list="<attribute>"` (checkboxes whose
//! checked values are joined with commas; all checked means the default, so it is left out).
//!
//! It gives three things to copy: the snippet, pinned to this version's loader with its
//! `integrity` (sha384, computed here from the loader as served, so it is always the hash of
//! the file a visitor gets); the iframe fallback, whose address carries the same settings;
//! and the one CSP line a host with a content security policy adds.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use autonomie_core::bank::BUILTIN_DOMAIN_IDS;
use autonomie_core::config::{WidgetConfig, DEFAULT_ACCENT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Values equal to these defaults are left out of the snippet.
const DEFAULTS: [(&str, &str); 4] = [
    ("lang", "fr"),
    ("mode", "normal"),
    ("accent", DEFAULT_ACCENT),
    ("places", "national"),
];

/// Wires the configurator form. `loader_url` is the absolute URL of `autonomie.js` to put in
/// the snippet.
#[wasm_bindgen]
pub fn configurator_mount(form: web_sys::Element, loader_url: String) {
    let integrity: Rc<RefCell<Option<String>>> = Rc::default();
    let update = {
        let form = form.clone();
        let integrity = integrity.clone();
        let loader_url = loader_url.clone();
        move || refresh(&form, &loader_url, integrity.borrow().as_deref())
    };
    update();
    {
        let update = update.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let hash = loader_integrity(&loader_url).await;
            if hash.is_none() {
                web_sys::console::warn_1(
                    &"autonomie-numerique: the loader's integrity could not be computed (this page needs https, or the loader did not load)".into(),
                );
            }
            *integrity.borrow_mut() = hash;
            update();
        });
    }
    let listener = Closure::<dyn Fn()>::new(update);
    for event in ["input", "change"] {
        let _ = form.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    // The configurator lives as long as the page.
    listener.forget();
    if let Some(copy) = document().and_then(|d| d.get_element_by_id("cfg-copy")) {
        let copy_listener = Closure::<dyn Fn()>::new(copy_snippet);
        let _ =
            copy.add_event_listener_with_callback("click", copy_listener.as_ref().unchecked_ref());
        copy_listener.forget();
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The attributes the form describes, in a stable order.
fn attributes_of(form: &web_sys::Element) -> Vec<(String, String)> {
    let mut single = Vec::new();
    let mut lists: BTreeMap<String, (Vec<String>, usize)> = BTreeMap::new();
    let Ok(fields) = form.query_selector_all("[data-attr], [data-list]") else {
        return single;
    };
    for i in 0..fields.length() {
        let Some(field) = fields
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(list) = field.get_attribute("data-list") {
            let entry = lists.entry(list).or_default();
            entry.1 += 1;
            if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.checked() {
                    entry.0.push(input.value());
                }
            }
            continue;
        }
        let Some(name) = field.get_attribute("data-attr") else {
            continue;
        };
        let value = if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.value()
        } else {
            continue;
        };
        let value = value.trim().to_string();
        let is_default = DEFAULTS
            .iter()
            .any(|(n, d)| *n == name && d.eq_ignore_ascii_case(&value));
        if !value.is_empty() && !is_default {
            single.push((name, value));
        }
    }
    for (name, (checked, total)) in lists {
        if checked.len() != total {
            single.push((name, checked.join(",")));
        }
    }
    single
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The sha384 of the loader as served, in the `integrity` attribute's form. `None` where the
/// page cannot compute it (WebCrypto needs https or the local machine).
async fn loader_integrity(loader_url: &str) -> Option<String> {
    let bytes = autonomie_ui::net::fetch_bytes(loader_url, &[], 1 << 20, false)
        .await
        .ok()?;
    let window = web_sys::window()?;
    let subtle = window.crypto().ok()?.subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-384", &bytes)
        .ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let digest = js_sys::Uint8Array::new(&digest).to_vec();
    let latin1: String = digest.iter().map(|b| char::from(*b)).collect();
    Some(format!("sha384-{}", window.btoa(&latin1).ok()?))
}

/// The snippet a partner pastes into their page: this version's loader (with its hash when
/// known) and the element with the chosen settings.
pub fn snippet(
    loader_url: &str,
    integrity: Option<&str>,
    attributes: &[(String, String)],
) -> String {
    let mut element = String::from("<autonomie-numerique");
    for (name, value) in attributes {
        element.push_str(&format!("\n  data-{name}=\"{}\"", escape_attribute(value)));
    }
    element.push_str("></autonomie-numerique>");
    let pin = integrity
        .map(|hash| {
            format!(
                "\n  integrity=\"{}\" crossorigin=\"anonymous\"",
                escape_attribute(hash)
            )
        })
        .unwrap_or_default();
    format!(
        "<!-- autonomie numérique {VERSION} -->\n<script type=\"module\" src=\"{}\"{pin}></script>\n{element}",
        escape_attribute(loader_url)
    )
}

/// The widget's version: the workspace's, the one in the package and the CHANGELOG.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The widget's folder: the loader's address without its file name.
fn folder_of(loader_url: &str) -> &str {
    loader_url
        .rfind('/')
        .map_or(loader_url, |slash| &loader_url[..=slash])
}

/// `scheme://host[:port]` of an absolute http(s) address that passes the core's URL rule;
/// `None` for a relative or refused one.
fn origin_of(url: &str) -> Option<String> {
    let url = autonomie_core::places::safe_url(url)?;
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(format!(
        "{}://{}",
        scheme.to_ascii_lowercase(),
        &rest[..end]
    ))
}

/// The iframe fallback: the widget's own page, the settings in its address.
pub fn iframe_snippet(loader_url: &str, attributes: &[(String, String)]) -> String {
    let query = autonomie_core::config::to_query(attributes);
    let separator = if query.is_empty() { "" } else { "?" };
    format!(
        "<iframe src=\"{}\"\n  title=\"Faire le point sur le numérique\" style=\"width:100%;height:900px;border:0\"></iframe>",
        escape_attribute(&format!("{}index.html{separator}{query}", folder_of(loader_url)))
    )
}

/// The CSP directives a host page with a content security policy adds: the widget's origin
/// for its code and files, wasm compilation, the places file's and the logo's origins.
pub fn csp_line(loader_url: &str, attributes: &[(String, String)]) -> String {
    let widget = origin_of(loader_url).unwrap_or_else(|| "'self'".into());
    let value = |name: &str| {
        attributes
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| origin_of(v))
    };
    let mut connect = vec![widget.clone()];
    connect.extend(value("places").filter(|o| *o != widget));
    let mut line = format!(
        "script-src {widget} 'wasm-unsafe-eval'; connect-src {}",
        connect.join(" ")
    );
    if let Some(logo) = value("logo") {
        line.push_str(&format!("; img-src {logo}"));
    }
    line
}

fn refresh(form: &web_sys::Element, loader_url: &str, integrity: Option<&str>) {
    let Some(document) = document() else { return };
    let attributes = attributes_of(form);

    let map: BTreeMap<String, String> = attributes.iter().cloned().collect();
    let (_, warnings) = WidgetConfig::from_attributes(&map, &BUILTIN_DOMAIN_IDS);
    if let Some(list) = document.get_element_by_id("cfg-warnings") {
        let text = warnings
            .iter()
            .map(|w| w.message())
            .collect::<Vec<_>>()
            .join("\n");
        list.set_text_content(Some(&text));
    }
    if let Some(code) = document.get_element_by_id("cfg-snippet") {
        code.set_text_content(Some(&snippet(loader_url, integrity, &attributes)));
    }
    if let Some(code) = document.get_element_by_id("cfg-iframe") {
        code.set_text_content(Some(&iframe_snippet(loader_url, &attributes)));
    }
    if let Some(code) = document.get_element_by_id("cfg-csp") {
        code.set_text_content(Some(&csp_line(loader_url, &attributes)));
    }
    // A fresh element each time: the widget mounts it from scratch with the new settings.
    if let Some(preview) = document.get_element_by_id("cfg-preview") {
        preview.set_text_content(None);
        if let Ok(widget) = document.create_element("autonomie-numerique") {
            let _ = widget.set_attribute("data-id", "preview");
            for (name, value) in &attributes {
                let _ = widget.set_attribute(&format!("data-{name}"), value);
            }
            let _ = preview.append_child(&widget);
        }
    }
}

fn copy_snippet() {
    let Some(document) = document() else { return };
    let text = document
        .get_element_by_id("cfg-snippet")
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    let Some(status) = document.get_element_by_id("cfg-copied") else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    // The page holds both messages (`data-done`, `data-failed`): its text stays in the page.
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        let message = status.get_attribute(if copied { "data-done" } else { "data-failed" });
        status.set_text_content(message.as_deref());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn snippets_escape_values_and_pin_the_loader() {
        let text = snippet(
            "https://widget.example/v/autonomie.js",
            Some("sha384-abc+/="),
            &settings(&[("partner", "Mairie \"Les <Lilas>\" & co"), ("lang", "en")]),
        );
        assert_eq!(
            text,
            format!("<!-- autonomie numérique {VERSION} -->\n<script type=\"module\" src=\"https://widget.example/v/autonomie.js\"\n  integrity=\"sha384-abc+/=\" crossorigin=\"anonymous\"></script>\n<autonomie-numerique\n  data-partner=\"Mairie &quot;Les &lt;Lilas&gt;&quot; &amp; co\"\n  data-lang=\"en\"></autonomie-numerique>")
        );
        let unpinned = snippet("https://widget.example/autonomie.js", None, &[]);
        assert!(!unpinned.contains("integrity"), "{unpinned}");
    }

    #[test]
    fn the_iframe_carries_the_settings_in_its_address() {
        let text = iframe_snippet(
            "https://cdn.example/npm/autonomie-numerique@1.2.3/widget/autonomie.js",
            &settings(&[("partner", "Mairie de Saint-Exemple & co"), ("lang", "ar")]),
        );
        assert!(
            text.starts_with("<iframe src=\"https://cdn.example/npm/autonomie-numerique@1.2.3/widget/index.html?partner=Mairie%20de%20Saint-Exemple%20%26%20co&amp;lang=ar\""),
            "{text}"
        );
        assert!(text.contains("title=\"Faire le point sur le numérique\""));
        let bare = iframe_snippet("https://w.example/autonomie.js", &[]);
        assert!(
            bare.contains("src=\"https://w.example/index.html\""),
            "{bare}"
        );
    }

    #[test]
    fn the_csp_line_names_the_widget_places_and_logo_origins() {
        let loader = "https://cdn.example:8443/npm/autonomie-numerique@1.2.3/widget/autonomie.js";
        assert_eq!(
            csp_line(loader, &[]),
            "script-src https://cdn.example:8443 'wasm-unsafe-eval'; connect-src https://cdn.example:8443"
        );
        let line = csp_line(
            loader,
            &settings(&[
                ("places", "https://data.mairie.example/lieux.csv"),
                ("logo", "https://www.mairie.example/logo.png"),
            ]),
        );
        assert_eq!(
            line,
            "script-src https://cdn.example:8443 'wasm-unsafe-eval'; connect-src https://cdn.example:8443 https://data.mairie.example; img-src https://www.mairie.example"
        );
        // A relative logo or a `javascript:` value adds no source.
        let line = csp_line(
            loader,
            &settings(&[("logo", "logo.png"), ("places", "javascript:alert(1)")]),
        );
        assert!(
            !line.contains("img-src") && !line.contains("javascript"),
            "{line}"
        );
    }
}
