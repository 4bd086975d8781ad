//! Translation catalogs: flat `key → text` maps loaded from `content/i18n/<lang>.json`.
//!
//! French is compiled in. Other languages are fetched when chosen, then laid over French,
//! so a missing key shows French text rather than a raw key (the test suite makes sure no
//! key is missing in any language).

use std::collections::BTreeMap;

pub const FRENCH_JSON: &str = include_str!("../../content/i18n/fr.json");

/// The wasm module that shows a text: each carries the French of its own texts, so the main
/// module (and the first question) does not carry what only a later step shows. Other
/// languages are whole files, fetched when chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextModule {
    /// Everything up to the last question.
    Main,
    /// The result, the orientation, the places, the summary and the mediator's view.
    Extras,
    /// The staff view.
    Staff,
}

/// Key prefixes of the texts only the extras module shows.
pub const EXTRAS_PREFIXES: [&str; 14] = [
    "places.",
    "result.",
    "orientation.",
    "summary.",
    "mediator.",
    "national.",
    "help.",
    "service.",
    "report.",
    "retired.",
    "need.",
    "share.",
    "level.",
    "equip.",
];

/// Key endings of the item texts only the extras module shows: what a step is called, why an
/// exercise is to check, a situation line on the summary.
pub const EXTRAS_SUFFIXES: [&str; 3] = [".goal", ".check", ".short"];

/// Which module shows `key`.
pub fn text_module(key: &str) -> TextModule {
    if key.starts_with("staff.") {
        TextModule::Staff
    } else if EXTRAS_PREFIXES.iter().any(|p| key.starts_with(p))
        || (key.starts_with("q.") && EXTRAS_SUFFIXES.iter().any(|s| key.ends_with(s)))
    {
        TextModule::Extras
    } else {
        TextModule::Main
    }
}

/// Whether the main module needs `key`.
pub fn main_module_key(key: &str) -> bool {
    text_module(key) == TextModule::Main
}

/// The French texts whose key passes `keep`, as compact JSON: what a build script compiles
/// into one module.
pub fn french_subset(keep: impl Fn(&str) -> bool) -> Result<String, String> {
    let french = Catalog::from_json(Lang::Fr, FRENCH_JSON)?;
    let kept = french
        .entries
        .into_iter()
        .filter(|(key, _)| keep(key))
        .map(|(key, text)| (key, crate::json::string(&text)))
        .collect();
    Ok(crate::json::Json::Object(kept).write())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Ar,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Ar, Lang::Uk];

    /// BCP 47 code, also the catalog file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// Writing direction for the `dir` attribute of the widget's root.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's own name, shown in the language picker whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Uk => "Українська",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    lang: Lang,
    entries: BTreeMap<String, String>,
}

impl Catalog {
    /// The French catalog compiled into the widget; the test suite parses it, and an empty
    /// catalog (texts show their keys) is the fallback rather than a panic.
    pub fn french() -> Catalog {
        Catalog::from_json(Lang::Fr, FRENCH_JSON).unwrap_or_else(|_| Catalog::empty(Lang::Fr))
    }

    /// No texts: every lookup shows its key.
    pub fn empty(lang: Lang) -> Catalog {
        Catalog {
            lang,
            entries: BTreeMap::new(),
        }
    }

    /// Reads a flat `{"key": "text"}` file. Anything else is an error, never a panic.
    pub fn from_json(lang: Lang, text: &str) -> Result<Catalog, String> {
        let file = lang.code();
        let json = crate::json::Json::parse(text).map_err(|e| format!("{file}.json: {e}"))?;
        let members = json
            .as_object()
            .ok_or_else(|| format!("{file}.json: expected an object"))?;
        let mut entries = BTreeMap::new();
        for (key, value) in members {
            let text = value
                .as_str()
                .ok_or_else(|| format!("{file}.json: {key} is not a text"))?;
            entries.insert(key.clone(), text.to_string());
        }
        Ok(Catalog { lang, entries })
    }

    /// `self` laid over `base`: keys missing here come from `base`.
    pub fn over(mut self, base: &Catalog) -> Catalog {
        for (key, text) in &base.entries {
            self.entries
                .entry(key.clone())
                .or_insert_with(|| text.clone());
        }
        self
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn contains(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    /// The text for `key`, or the key itself so a defect is visible rather than blank.
    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or(key).to_string()
    }

    /// The text with `{name}` placeholders replaced.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.text(key);
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Placeholders such as `{count}` used in a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_codes_accept_regions_and_case() {
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("uk_UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Uk.dir(), "ltr");
    }

    #[test]
    fn format_replaces_placeholders_and_overlay_falls_back() {
        let fr = Catalog::from_json(Lang::Fr, r#"{"a":"{n} sur {m}","b":"bonjour"}"#).unwrap();
        let en = Catalog::from_json(Lang::En, r#"{"a":"{n} of {m}"}"#)
            .unwrap()
            .over(&fr);
        assert_eq!(en.format("a", &[("n", "3"), ("m", "9")]), "3 of 9");
        assert_eq!(en.text("b"), "bonjour");
        assert_eq!(en.text("missing"), "missing");
        assert_eq!(placeholders("{n} of {m}"), vec!["n", "m"]);
    }

    #[test]
    fn malformed_catalog_is_an_error_not_a_panic() {
        assert!(Catalog::from_json(Lang::En, "{").is_err());
        assert!(Catalog::from_json(Lang::En, r#"{"a": 3}"#).is_err());
    }
}
