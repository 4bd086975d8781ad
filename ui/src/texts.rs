//! The one way every screen reads its texts: a screen's context gives its catalog, and `t`,
//! `format` and `lang` are written once here for the main, extras and staff modules.

use autonomie_core::i18n::{Catalog, Key, Lang};

/// A screen context that holds the catalog of the current language.
pub trait Texts {
    /// Runs `read` on the catalog. Untracked where the catalog is a signal: a whole widget
    /// re-renders when the language changes, so texts can be plain strings.
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R;

    /// The text for `key` in the current language.
    fn t(&self, key: Key) -> String {
        self.with_catalog(|c| c.text(key))
    }

    /// The text for `key` with its `{name}` placeholders replaced.
    fn format(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.with_catalog(|c| c.format(key, args))
    }

    fn lang(&self) -> Lang {
        self.with_catalog(Catalog::lang)
    }
}

impl Texts for Catalog {
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        read(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_the_catalog() {
        let catalog = Catalog::from_json(Lang::Ar, r#"{"a":"{n} / {m}","b":"مرحبا"}"#).unwrap();
        assert_eq!(catalog.t(Key::computed("b")), "مرحبا");
        assert_eq!(
            Texts::format(&catalog, Key::computed("a"), &[("n", "1"), ("m", "2")]),
            "1 / 2"
        );
        assert_eq!(Texts::lang(&catalog), Lang::Ar);
    }
}
