//! Translation catalogs: flat `key → text` maps, one file per wasm module and language,
//! `content/i18n/<module>/<lang>.json`.
//!
//! A text belongs to the module whose file holds it: `main/` for everything up to the last
//! question, `extras/` for the later steps, `staff/` for the staff view. Each module compiles
//! in the French of its own file (so the first question does not carry what only a later step
//! shows). Other languages are fetched when needed: the main module's file when the language
//! is chosen, a lazily loaded module's files when it is shown. A catalog is laid over French,
//! so a missing key shows French text rather than a raw key (the test suite makes sure no key
//! is missing in any language).

use std::collections::BTreeMap;

/// The wasm module that shows a text, which is also the folder of its translation files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextModule {
    /// Everything up to the last question.
    Main,
    /// The result, the orientation, the places, the summary and the mediator's view.
    Extras,
    /// The staff view.
    Staff,
}

impl TextModule {
    pub const ALL: [TextModule; 3] = [TextModule::Main, TextModule::Extras, TextModule::Staff];

    /// The folder of its files in `content/i18n/` (and `i18n/` where the widget is served).
    pub fn folder(self) -> &'static str {
        match self {
            TextModule::Main => "main",
            TextModule::Extras => "extras",
            TextModule::Staff => "staff",
        }
    }

    /// The modules whose texts a screen of this module shows: its own, and those of the
    /// modules it builds on (the staff counts name levels and services, texts of the extras
    /// module; every module names domains and answers, texts of the main module).
    pub fn reads(self) -> &'static [TextModule] {
        match self {
            TextModule::Main => &[TextModule::Main],
            TextModule::Extras => &[TextModule::Main, TextModule::Extras],
            TextModule::Staff => &[TextModule::Main, TextModule::Extras, TextModule::Staff],
        }
    }

    /// The module's French file, compiled in.
    pub fn french_json(self) -> &'static str {
        match self {
            TextModule::Main => include_str!("../../content/i18n/main/fr.json"),
            TextModule::Extras => include_str!("../../content/i18n/extras/fr.json"),
            TextModule::Staff => include_str!("../../content/i18n/staff/fr.json"),
        }
    }

    /// Where a catalog file is, relative to the widget's base URL or to `content/`.
    pub fn file(self, lang: Lang) -> String {
        format!("i18n/{}/{}.json", self.folder(), lang.code())
    }
}

/// The French texts of `modules`, as compact JSON: what a build script compiles into one
/// module.
pub fn french_of(modules: &[TextModule]) -> Result<String, String> {
    let mut kept = BTreeMap::new();
    for module in modules {
        let french = Catalog::from_json(Lang::Fr, module.french_json())
            .map_err(|e| format!("{}/{e}", module.folder()))?;
        kept.extend(
            french
                .entries
                .into_iter()
                .map(|(key, text)| (key, crate::json::string(&text))),
        );
    }
    Ok(crate::json::Json::Object(kept.into_iter().collect()).write())
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
    /// Every French text, of every module; the test suite parses each file strictly, and an
    /// empty catalog (texts show their keys) is the fallback rather than a panic.
    pub fn french() -> Catalog {
        let mut all = Catalog::empty(Lang::Fr);
        for module in TextModule::ALL {
            if let Ok(texts) = Catalog::from_json(Lang::Fr, module.french_json()) {
                all.entries.extend(texts.entries);
            }
        }
        all
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
    pub fn text(&self, key: Key) -> String {
        let key = key.as_str();
        self.get(key).unwrap_or(key).to_string()
    }

    /// The text with `{name}` placeholders replaced.
    pub fn format(&self, key: Key, args: &[(&str, &str)]) -> String {
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

/// The key of a text. The keys of `fr.json` are constants generated at build time
/// (`autonomie_ui::k::welcome::START`, see [`key_constants`]), so a misspelt or removed key
/// does not compile. A key built from content at run time (`q.{id}.text`, `domain.{id}`) goes
/// through [`Key::computed`]; the content tests check that every such key exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key<'a>(&'a str);

impl<'a> Key<'a> {
    /// A key built from content at run time, or one of the generated constants.
    pub const fn computed(key: &'a str) -> Key<'a> {
        Key(key)
    }

    pub const fn as_str(self) -> &'a str {
        self.0
    }
}

/// Rust source of one constant per key of the `catalogs` (flat `{"key": "text"}` objects):
/// `a.b.c` becomes `pub mod a { pub mod b { pub const C: Key = … } }`. A last part that starts
/// with a digit (`day.0`) gets a leading `_` (`day::_0`). Build scripts write it to `OUT_DIR`.
pub fn key_constants(catalogs: &[&str]) -> Result<String, String> {
    #[derive(Default)]
    struct Tree {
        consts: BTreeMap<String, String>,
        mods: BTreeMap<String, Tree>,
    }
    fn write(tree: &Tree, depth: usize, out: &mut String) {
        let pad = "    ".repeat(depth);
        for (name, key) in &tree.consts {
            out.push_str(&format!(
                "{pad}pub const {name}: ::autonomie_core::i18n::Key<'static> = ::autonomie_core::i18n::Key::computed({});\n",
                crate::json::string(key).write()
            ));
        }
        for (name, sub) in &tree.mods {
            out.push_str(&format!("{pad}pub mod {name} {{\n"));
            write(sub, depth + 1, out);
            out.push_str(&format!("{pad}}}\n"));
        }
    }
    let mut all = Catalog::empty(Lang::Fr);
    for json in catalogs {
        for (key, text) in Catalog::from_json(Lang::Fr, json)?.entries {
            if all.entries.insert(key.clone(), text).is_some() {
                return Err(format!("{key}: in two modules' files"));
            }
        }
    }
    let mut root = Tree::default();
    for key in all.keys() {
        let parts: Vec<&str> = key.split('.').collect();
        let valid = |p: &&str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        if !parts.iter().all(valid) || parts[0].starts_with(|c: char| c.is_ascii_digit()) {
            return Err(format!(
                "{key}: a key is lowercase words, digits and _ between dots"
            ));
        }
        let (last, path) = parts.split_last().ok_or("empty key")?;
        let mut node = &mut root;
        for part in path {
            node = node.mods.entry(part.to_string()).or_default();
        }
        let mut name = last.to_ascii_uppercase();
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert(0, '_');
        }
        if node.consts.insert(name, key.to_string()).is_some() {
            return Err(format!("{key}: two keys give the same constant"));
        }
    }
    let mut out = String::new();
    write(&root, 0, &mut out);
    Ok(out)
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
        let key = Key::computed;
        assert_eq!(en.format(key("a"), &[("n", "3"), ("m", "9")]), "3 of 9");
        assert_eq!(en.text(key("b")), "bonjour");
        assert_eq!(en.text(key("missing")), "missing");
        assert_eq!(placeholders("{n} of {m}"), vec!["n", "m"]);
    }

    #[test]
    fn key_constants_nest_by_dot_and_refuse_odd_keys() {
        let code = key_constants(&[
            r#"{"day.0":"lundi","welcome.start":"Commencer"}"#,
            r#"{"a.b.c":"x"}"#,
        ])
        .unwrap();
        assert!(code.contains("pub mod day {\n    pub const _0: ::autonomie_core::i18n::Key<'static> = ::autonomie_core::i18n::Key::computed(\"day.0\");"));
        assert!(code.contains("pub mod a {\n    pub mod b {\n        pub const C:"));
        assert!(code.contains("pub const START:"));
        assert!(key_constants(&[r#"{"Welcome.start":"x"}"#]).is_err());
        assert!(key_constants(&[r#"{"a..b":"x"}"#]).is_err());
        assert!(key_constants(&[r#"{"a.b-c":"x"}"#]).is_err());
        assert!(key_constants(&[r#"{"day.0":"x","day._0":"y"}"#]).is_err());
        assert!(key_constants(&[r#"{"a.b":"x"}"#, r#"{"a.b":"y"}"#]).is_err());
        assert_eq!(Key::computed("q.x.text").as_str(), "q.x.text");
    }

    #[test]
    fn malformed_catalog_is_an_error_not_a_panic() {
        assert!(Catalog::from_json(Lang::En, "{").is_err());
        assert!(Catalog::from_json(Lang::En, r#"{"a": 3}"#).is_err());
    }
}
