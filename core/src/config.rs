//! Widget configuration, read from the host element's `data-*` attributes.
//!
//! Every value is validated here. A bad value never blanks the widget: it falls back to the
//! default and produces a [`ConfigWarning`] that the widget logs to the console (and shows
//! inside itself when `data-debug` is set).

use std::collections::BTreeMap;

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Personal device: progress and history kept in localStorage.
    #[default]
    Normal,
    /// Shared computer: nothing about a person outlives their session.
    PublicComputer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub lang: Lang,
    pub mode: Mode,
    /// Keeps the stored data of several widgets on one origin apart.
    pub namespace: String,
    pub debug: bool,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        WidgetConfig {
            lang: Lang::Fr,
            mode: Mode::Normal,
            namespace: "default".to_string(),
            debug: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The attribute, e.g. `data-lang`.
    pub attribute: String,
    pub value: String,
    /// What was used instead, in plain English for the partner's console.
    pub fallback: String,
}

impl ConfigWarning {
    pub fn message(&self) -> String {
        format!(
            "autonomie-numerique: {}=\"{}\" is not valid; using {}.",
            self.attribute, self.value, self.fallback
        )
    }
}

impl WidgetConfig {
    /// Reads the attributes (names without the `data-` prefix, e.g. `lang`).
    pub fn from_attributes(attributes: &BTreeMap<String, String>) -> (WidgetConfig, Vec<ConfigWarning>) {
        let mut config = WidgetConfig::default();
        let mut warnings = Vec::new();
        let mut warn = |attribute: &str, value: &str, fallback: &str| {
            warnings.push(ConfigWarning {
                attribute: format!("data-{attribute}"),
                value: truncate(value, 80),
                fallback: fallback.to_string(),
            });
        };

        if let Some(value) = attributes.get("lang") {
            match Lang::from_code(value) {
                Some(lang) => config.lang = lang,
                None => warn("lang", value, "fr (supported: fr, en, ar, uk)"),
            }
        }
        if let Some(value) = attributes.get("mode") {
            match value.trim().to_ascii_lowercase().as_str() {
                "normal" | "" => config.mode = Mode::Normal,
                "public" | "public-computer" | "poste-public" => config.mode = Mode::PublicComputer,
                _ => warn("mode", value, "normal (supported: normal, public)"),
            }
        }
        if let Some(value) = attributes.get("id") {
            let valid = !value.is_empty()
                && value.len() <= 40
                && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if valid {
                config.namespace = value.clone();
            } else {
                warn("id", value, "the default storage space (letters, digits, - and _ only, 40 at most)");
            }
        }
        if let Some(value) = attributes.get("debug") {
            config.debug = !matches!(value.trim(), "false" | "0" | "no");
        }
        (config, warnings)
    }
}

fn truncate(value: &str, max: usize) -> String {
    if value.chars().count() <= max {
        value.to_string()
    } else {
        let mut out: String = value.chars().take(max).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_without_attributes() {
        let (config, warnings) = WidgetConfig::from_attributes(&BTreeMap::new());
        assert_eq!(config, WidgetConfig::default());
        assert!(warnings.is_empty());
    }

    #[test]
    fn reads_valid_values() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(&[("lang", "ar"), ("mode", "public"), ("id", "mairie-2"), ("debug", "")]));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.lang, Lang::Ar);
        assert_eq!(config.mode, Mode::PublicComputer);
        assert_eq!(config.namespace, "mairie-2");
        assert!(config.debug);
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let (config, warnings) =
            WidgetConfig::from_attributes(&attrs(&[("lang", "klingon"), ("mode", "kiosk"), ("id", "a b<script>")]));
        assert_eq!(config.lang, Lang::Fr);
        assert_eq!(config.mode, Mode::Normal);
        assert_eq!(config.namespace, "default");
        let attributes: Vec<&str> = warnings.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(attributes, ["data-lang", "data-mode", "data-id"]);
        assert!(warnings[0].message().contains("data-lang=\"klingon\""));
    }
}
