//! Printing the summary sheet: on the widget's own page the browser prints the page; on a
//! partner's page only the sheet is printed, from a frame.

/// Prints the summary sheet on one page. On the widget's own page the page holds only the
/// widget, so the browser prints it. Embedded in a partner's page, printing the page would print
/// the whole host page (3 A4 pages on the demo town site): the sheet is copied into an empty
/// frame inside the widget's shadow root, with the widget's styles, and the frame is printed.
pub fn print(container: &web_sys::HtmlElement, own_page: bool, title: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let printed_alone = !own_page && print_in_frame(container, title).is_some();
    if !printed_alone {
        let _ = window.print();
    }
}

/// The A4 page of the printed sheet (the widget's own page sets it in `page.css`).
const PRINT_PAGE: &str = "@page{size:A4 portrait;margin:10mm}";

fn print_in_frame(container: &web_sys::HtmlElement, title: &str) -> Option<()> {
    use wasm_bindgen::{JsCast, JsValue};
    let root = container.query_selector(".an-root").ok()??;
    let sheet = root.query_selector(".an-sheet").ok()??;
    let shadow = container.parent_node()?;
    if let Some(old) = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.query_selector(".an-print-frame").ok().flatten())
    {
        old.remove();
    }
    let frame: web_sys::HtmlIFrameElement = container
        .owner_document()?
        .create_element("iframe")
        .ok()?
        .dyn_into()
        .ok()?;
    frame.set_class_name("an-print-frame");
    frame.set_title(title);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    shadow.append_child(&frame).ok()?;
    let frame_window = frame.content_window()?;
    let document = frame.content_document()?;
    let html = document.document_element()?;
    for name in ["lang", "dir"] {
        if let Some(value) = root.get_attribute(name) {
            let _ = html.set_attribute(name, &value);
        }
    }
    let body = document.body()?;
    let page = document.create_element("div").ok()?;
    page.set_class_name(&root.class_name());
    page.append_child(&document.import_node_with_deep(&sheet, true).ok()?)
        .ok()?;
    body.append_child(&page).ok()?;
    // A stylesheet belongs to one document: made with the frame's own constructor.
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&frame_window, &JsValue::from_str("CSSStyleSheet"))
            .ok()?
            .dyn_into()
            .ok()?;
    let styles = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let replace_sync: js_sys::Function =
        js_sys::Reflect::get(&styles, &JsValue::from_str("replaceSync"))
            .ok()?
            .dyn_into()
            .ok()?;
    let text = format!("{}{PRINT_PAGE}", crate::stylesheet::STYLES);
    replace_sync
        .call1(&styles, &JsValue::from_str(&text))
        .ok()?;
    js_sys::Reflect::set(
        &document,
        &JsValue::from_str("adoptedStyleSheets"),
        &js_sys::Array::of1(&styles),
    )
    .ok()?;
    frame_window.print().ok()
}
