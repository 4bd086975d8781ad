//! Static parts of a screen written as HTML text, then put in the page in one step.
//!
//! Why: the screens of the lazily loaded module (result, orientation, printed sheet, mediator's
//! view, places) are mostly text that never changes once shown, and writing them this way
//! lets that module do without a UI framework (see `extras/src/page.rs` for the measurement).
//!
//! Safety: tag and attribute names are string literals of our code; every text and every
//! attribute value goes through [`escape`], so no data (a first name, a place's name from a
//! partner's file) can ever become markup.

use crate::icons::Icon;
use autonomie_core::text_direction::TextKind;

/// HTML being written.
#[derive(Default)]
pub struct Markup {
    out: String,
}

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

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// `<tag name="value" …>`; values are escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// `<tag …>` holding a text of `kind`: after the attributes, the `dir` that kind of text
    /// needs (see `autonomie_core::text_direction`).
    pub fn open_as(
        &mut self,
        tag: &'static str,
        kind: TextKind,
        attrs: &[(&'static str, &str)],
    ) -> &mut Markup {
        match kind.dir() {
            Some(dir) => {
                let mut all = attrs.to_vec();
                all.push(("dir", dir));
                self.open(tag, &all)
            }
            None => self.open(tag, attrs),
        }
    }

    /// An element holding one text of `kind` (see [`Markup::open_as`]).
    pub fn leaf_as(
        &mut self,
        tag: &'static str,
        kind: TextKind,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open_as(tag, kind, attrs).text(text).close(tag)
    }

    /// `<tag class="…">`.
    pub fn open_class(&mut self, tag: &'static str, class: &str) -> &mut Markup {
        self.open(tag, &[("class", class)])
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.out, text);
        self
    }

    /// An element holding one text.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// An element with a class, holding one text.
    pub fn leaf_class(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Markup {
        self.leaf(tag, &[("class", class)], text)
    }

    /// A list of texts, or `empty` as a paragraph when there is none.
    pub fn list_or(&mut self, texts: &[String], empty: &str) -> &mut Markup {
        if texts.is_empty() {
            return self.leaf("p", &[], empty);
        }
        self.open("ul", &[]);
        for text in texts {
            self.leaf("li", &[], text);
        }
        self.close("ul")
    }

    /// A decorative pictogram (see `dom::icon`).
    pub fn raw_icon(&mut self, icon: Icon) -> &mut Markup {
        let path = icon.path();
        let class = if icon.is_directional() {
            "an-icon an-flip"
        } else {
            "an-icon"
        };
        self.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", class),
                ("viewBox", "0 0 24 24"),
                ("aria-hidden", "true"),
                ("focusable", "false"),
            ],
        )
        .open("path", &[("d", path)])
        .close("path")
        .close("svg")
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The HTML written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped() {
        let mut m = Markup::new();
        m.open("p", &[("title", "\"><script>")])
            .text("<img src=x onerror=alert(1)> & 'x'")
            .close("p");
        assert_eq!(
            m.as_str(),
            "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;</p>"
        );
    }

    #[test]
    fn texts_written_by_people_get_their_direction() {
        let mut m = Markup::new();
        m.leaf_as("h3", TextKind::PersonData, &[], "4 Août")
            .leaf_as("a", TextKind::Phone, &[("href", "tel:+33")], "02")
            .leaf_as("p", TextKind::Interface, &[], "x");
        assert_eq!(
            m.as_str(),
            "<h3 dir=\"auto\">4 Août</h3><a href=\"tel:+33\" dir=\"ltr\">02</a><p>x</p>"
        );
    }

    #[test]
    fn lists_fall_back_to_their_empty_text() {
        let mut m = Markup::new();
        m.list_or(&[], "Rien")
            .list_or(&["a".into(), "b<".into()], "Rien");
        assert_eq!(m.as_str(), "<p>Rien</p><ul><li>a</li><li>b&lt;</li></ul>");
    }
}
