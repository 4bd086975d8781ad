//! The partner page's configurator: a form whose every change regenerates the snippet and
//! replaces the live preview. The form markup is plain HTML in `public/partenaires/`; fields
//! carry `data-attr="<attribute>"` (one value) or `data-list="<attribute>"` (checkboxes whose
//! checked values are joined with commas; all checked means the default, so it is left out).

use std::collections::BTreeMap;

use autonomie_core::bank::BUILTIN_DOMAIN_IDS;
use autonomie_core::config::{WidgetConfig, DEFAULT_ACCENT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Values equal to these defaults are left out of the snippet.
const DEFAULTS: [(&str, &str); 4] = [
    ("lang", "fr"),
    ("mode", "normal"),
    ("accent", DEFAULT_ACCENT),
    ("places", "demo"),
];

/// Wires the configurator form. `loader_url` is the absolute URL of `autonomie.js` to put in
/// the snippet.
#[wasm_bindgen]
pub fn configurator_mount(form: web_sys::Element, loader_url: String) {
    let update = {
        let form = form.clone();
        move || refresh(&form, &loader_url)
    };
    update();
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

/// The snippet a partner pastes into their page.
pub fn snippet(loader_url: &str, attributes: &[(String, String)]) -> String {
    let mut element = String::from("<autonomie-numerique");
    for (name, value) in attributes {
        element.push_str(&format!("\n  data-{name}=\"{}\"", escape_attribute(value)));
    }
    element.push_str("></autonomie-numerique>");
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n{element}",
        escape_attribute(loader_url)
    )
}

fn refresh(form: &web_sys::Element, loader_url: &str) {
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
        code.set_text_content(Some(&snippet(loader_url, &attributes)));
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
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        let message = status.get_attribute(if copied { "data-done" } else { "data-failed" });
        status.set_text_content(message.as_deref());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_values() {
        let text = snippet(
            "https://widget.example/autonomie.js",
            &[
                ("partner".into(), "Mairie \"Les <Lilas>\" & co".into()),
                ("lang".into(), "en".into()),
            ],
        );
        assert_eq!(
            text,
            "<script type=\"module\" src=\"https://widget.example/autonomie.js\"></script>\n<autonomie-numerique\n  data-partner=\"Mairie &quot;Les &lt;Lilas&gt;&quot; &amp; co\"\n  data-lang=\"en\"></autonomie-numerique>"
        );
    }
}
