//! The view builder of the lazily loaded module's screens: the same shape as the Leptos
//! screens' [`crate::dom`] builder, `h("p").class("an-hint").child(text)`, but it writes HTML
//! text that the screen puts in the page in one step.
//!
//! Why HTML text there: the screens of the lazily loaded module (result, orientation, printed
//! sheet, mediator's view, places) are mostly text that never changes once shown, and writing
//! them this way lets that module do without a UI framework (see `extras/src/page.rs` for the
//! measurement).
//!
//! Size, measured on 2026-12-01 (release build, brotli 11, `cargo run -p budget`): that module
//! was 154.6 KB written with the earlier chained writer (`m.open_class("div", "an-box")
//! .leaf("h3", &[], title).close("div")`, attributes as slices). With this builder it was
//! 158.9 KB while an element being built (two strings and a tag) was moved at each step of a
//! chain, and 155.6 KB once [`H`] became one pointer to it (each step moves one word): 1 KB
//! for one shape of view code in the whole project.
//!
//! Safety: tag and attribute names are string literals of our code; every text and every
//! attribute value is escaped ([`escape`]), so no data (a first name, a place's name from a
//! partner's file) can ever become markup. [`Html`] can only be made by this builder, so
//! putting it in the page as HTML is safe.

use crate::icons::Icon;
use autonomie_core::text_direction::TextKind;

/// Writes `text` with `&`, `<`, `>`, `"` and `'` escaped: safe as element content and as a
/// quoted attribute value.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// HTML written by this builder: one element, several, or nothing.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An element being built: `h("p").class("an-hint").child(text)`. Attributes and children
/// keep their order, whichever comes first; [`H::into_html`] (or passing it as a child) makes
/// the element. Boxed: see the size at the top of this file.
#[must_use = "an element is shown only once it is made into HTML"]
pub struct H(Box<Element>);

struct Element {
    tag: &'static str,
    /// `<tag attributes>children`, without the end tag.
    out: String,
    /// Where the start tag's `>` is: attributes go before it.
    attrs_end: usize,
}

/// Starts an HTML (or, inside an `svg`, SVG) element named `tag`.
pub fn h(tag: &'static str) -> H {
    let mut out = String::with_capacity(16);
    out.push('<');
    out.push_str(tag);
    let attrs_end = out.len();
    out.push('>');
    H(Box::new(Element {
        tag,
        out,
        attrs_end,
    }))
}

/// What can be a child of an element: an element being built, HTML already made, a text
/// (escaped, never HTML), or nothing (`None`). Lists go through [`H::children`].
pub trait IntoHtml {
    fn write_to(self, out: &mut String);
}

impl IntoHtml for H {
    fn write_to(self, out: &mut String) {
        out.push_str(self.into_html().as_str());
    }
}

impl IntoHtml for Html {
    fn write_to(self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl IntoHtml for &str {
    fn write_to(self, out: &mut String) {
        escape(out, self);
    }
}

impl IntoHtml for String {
    fn write_to(self, out: &mut String) {
        escape(out, &self);
    }
}

impl IntoHtml for &String {
    fn write_to(self, out: &mut String) {
        escape(out, self);
    }
}

impl<T: IntoHtml> IntoHtml for Option<T> {
    fn write_to(self, out: &mut String) {
        if let Some(part) = self {
            part.write_to(out);
        }
    }
}

/// Elements with no content and no end tag.
fn is_void(tag: &str) -> bool {
    matches!(tag, "input" | "br" | "img" | "hr" | "meta" | "link")
}

impl H {
    /// `name="value"`, the value escaped.
    pub fn attr(mut self, name: &'static str, value: &str) -> H {
        // Usually before any child: only the `>` is after the attributes.
        let element = &mut self.0;
        let after = element.out.split_off(element.attrs_end);
        element.out.push(' ');
        element.out.push_str(name);
        element.out.push_str("=\"");
        escape(&mut element.out, value);
        element.out.push('"');
        element.attrs_end = element.out.len();
        element.out.push_str(&after);
        self
    }

    pub fn class(self, value: &str) -> H {
        self.attr("class", value)
    }

    pub fn id(self, value: &str) -> H {
        self.attr("id", value)
    }

    /// A boolean attribute (`checked`, `disabled`, `hidden`, `open`, `selected`), present
    /// when `on`.
    pub fn flag(self, name: &'static str, on: bool) -> H {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// The `dir` a text of `kind` needs (see `autonomie_core::text_direction`), if any.
    pub fn text_kind(self, kind: TextKind) -> H {
        match kind.dir() {
            Some(dir) => self.attr("dir", dir),
            None => self,
        }
    }

    pub fn child(mut self, child: impl IntoHtml) -> H {
        child.write_to(&mut self.0.out);
        self
    }

    /// Children made elsewhere (a list mapped from data).
    pub fn children<T: IntoHtml>(mut self, children: impl IntoIterator<Item = T>) -> H {
        for child in children {
            child.write_to(&mut self.0.out);
        }
        self
    }

    /// The element, as HTML to put in the page.
    pub fn into_html(self) -> Html {
        let Element { tag, mut out, .. } = *self.0;
        if !is_void(tag) {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
        Html(out)
    }
}

/// Siblings with no element around them.
pub fn fragment<T: IntoHtml>(parts: impl IntoIterator<Item = T>) -> Html {
    let mut out = String::new();
    for part in parts {
        part.write_to(&mut out);
    }
    Html(out)
}

/// A decorative pictogram: the text next to it carries the meaning (see `dom::icon`).
pub fn icon(icon: Icon) -> H {
    h("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .class(if icon.is_directional() {
            "an-icon an-flip"
        } else {
            "an-icon"
        })
        .attr("viewBox", "0 0 24 24")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(h("path").attr("d", icon.path()))
}

/// A list of texts, or a paragraph saying there is none (`empty`).
pub fn list_or(texts: Vec<String>, empty: &str) -> H {
    if texts.is_empty() {
        h("p").child(empty)
    } else {
        h("ul").children(texts.into_iter().map(|text| h("li").child(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped() {
        let html = h("p")
            .attr("title", "\"><script>")
            .child("<img src=x onerror=alert(1)> & 'x'")
            .into_html();
        assert_eq!(
            html.as_str(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;</p>"
        );
    }

    #[test]
    fn attributes_and_children_keep_their_order_and_nest() {
        let html = h("div")
            .class("an-box")
            .child(h("h3").child("Titre"))
            .attr("role", "group")
            .child(String::from("a"))
            .child(None::<H>)
            .child(Some(
                h("input").attr("type", "checkbox").flag("checked", true),
            ))
            .children([h("span").flag("hidden", false), h("b")])
            .into_html();
        assert_eq!(
            html.as_str(),
            "<div class=\"an-box\" role=\"group\"><h3>Titre</h3>a\
             <input type=\"checkbox\" checked=\"\"><span></span><b></b></div>"
        );
    }

    #[test]
    fn texts_written_by_people_get_their_direction() {
        let html = fragment([
            h("h3").text_kind(TextKind::PersonData).child("4 Août"),
            h("a")
                .attr("href", "tel:+33")
                .text_kind(TextKind::Phone)
                .child("02"),
            h("p").text_kind(TextKind::Interface).child("x"),
        ]);
        assert_eq!(
            html.as_str(),
            "<h3 dir=\"auto\">4 Août</h3><a href=\"tel:+33\" dir=\"ltr\">02</a><p>x</p>"
        );
    }

    #[test]
    fn lists_fall_back_to_their_empty_text() {
        let html = fragment([
            list_or(Vec::new(), "Rien"),
            list_or(vec!["a".into(), "b<".into()], "Rien"),
        ]);
        assert_eq!(
            html.as_str(),
            "<p>Rien</p><ul><li>a</li><li>b&lt;</li></ul>"
        );
    }

    #[test]
    fn html_made_here_goes_in_as_is_and_nothing_is_empty() {
        let inner = h("em").child("<x>").into_html();
        assert_eq!(
            h("p").child(inner).into_html().as_str(),
            "<p><em>&lt;x&gt;</em></p>"
        );
        assert!(fragment(Vec::<H>::new()).is_empty());
        assert!(icon(Icon::Next).into_html().as_str().contains("an-flip"));
    }
}
