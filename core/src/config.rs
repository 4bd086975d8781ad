//! Widget configuration, read from the host element's `data-*` attributes (or, for the iframe
//! mode, from the page's query string, with the same names).
//!
//! Every value is validated here. A bad value never blanks the widget: it falls back to the
//! default and produces a [`ConfigWarning`] that the widget logs to the console (and shows
//! inside itself when `data-debug` is set).
//!
//! | attribute | values | default |
//! |---|---|---|
//! | `data-lang` | `fr`, `en`, `ar`, `uk` | `fr` |
//! | `data-mode` | `normal`, `public` (shared computer) | `normal` |
//! | `data-id` | letters, digits, `-`, `_` (keeps several widgets' data apart) | `default` |
//! | `data-partner` | the partner's name, shown in the header | none |
//! | `data-logo` | `https:` / `http:` URL or relative path of a logo | none |
//! | `data-accent` | `#rgb` or `#rrggbb`, contrast ≥ 4.5:1 with white | `#1d4ed8` |
//! | `data-domains` | comma list of skill domain ids to include (the situation is always asked) | all |
//! | `data-modules` | comma list among `places`, `share`, `national` | all |
//! | `data-places` | `https:` / `http:` URL of a places file, `inline`, `national` or `demo` | `national` |
//! | `data-centre` | `lat,lon` or a 5-digit postal code | none |
//! | `data-inactivity` | minutes before "Vous êtes toujours là ?" (public mode), 1–60, or seconds with `s` (20s–3600s) | 5 |
//! | `data-stats` | `on` / `off`: local activity counts | on in public mode |
//! | `data-offline` | `on` / `off`: service worker (embedded pages only when on) | off |
//! | `data-url` | `on` / `off`: the widget may read and clear a `#m=` code in the URL | off |
//! | `data-debug` | present: show configuration problems inside the widget | off |

use std::collections::BTreeMap;

use crate::coordinates::{read_degrees, LatLon};
use crate::i18n::Lang;
use crate::places::Centre;

/// Accent used when none is given or the given one is too pale.
pub const DEFAULT_ACCENT: &str = "#1d4ed8";

/// WCAG 2.2 AA contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Personal device: progress and history kept in localStorage.
    #[default]
    Normal,
    /// Shared computer: nothing about a person outlives their session.
    PublicComputer,
}

/// Optional parts of the flow a partner can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    /// Finding a nearby mediation place.
    Places,
    /// The code and QR code on the printout for the mediator.
    Share,
    /// The comparison with national figures.
    National,
}

impl Module {
    pub const ALL: [Module; 3] = [Module::Places, Module::Share, Module::National];

    pub fn id(self) -> &'static str {
        match self {
            Module::Places => "places",
            Module::Share => "share",
            Module::National => "national",
        }
    }
}

/// Where the places data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PlacesSource {
    /// The national index shipped with the widget (`data/lieux/`): the files near the person.
    /// When the widget's files hold no index, the demo set is used instead, with its notice.
    #[default]
    National,
    /// The small demo set shipped with the widget, shown with a notice (the demo town).
    Demo,
    /// A file in the national standard (CSV or JSON).
    Url(String),
    /// A `<script type="application/json">` or `text/csv` element inside the host element.
    Inline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub lang: Lang,
    pub mode: Mode,
    /// Keeps the stored data of several widgets on one origin apart.
    pub namespace: String,
    pub debug: bool,
    pub partner_name: Option<String>,
    pub logo_url: Option<String>,
    /// `#rrggbb`, checked for contrast with white.
    pub accent: String,
    /// Domain ids to include; empty means all.
    pub domains: Vec<String>,
    pub modules: Vec<Module>,
    pub places: PlacesSource,
    /// `data-centre`: a [`Centre::Point`] or a [`Centre::PostalCode`], never a commune.
    pub centre: Option<Centre>,
    /// Seconds without activity before "Vous êtes toujours là ?" on a public computer.
    pub inactivity_seconds: u32,
    /// Local activity counts; `None` means the default: on in public-computer mode.
    pub stats: Option<bool>,
    pub offline: bool,
    pub use_url: bool,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        WidgetConfig {
            lang: Lang::Fr,
            mode: Mode::Normal,
            namespace: "default".to_string(),
            debug: false,
            partner_name: None,
            logo_url: None,
            accent: DEFAULT_ACCENT.to_string(),
            domains: Vec::new(),
            modules: Module::ALL.to_vec(),
            places: PlacesSource::National,
            centre: None,
            inactivity_seconds: 5 * 60,
            stats: None,
            offline: false,
            use_url: false,
        }
    }
}

/// Settings staff change on one computer (stored in its localStorage, not about a person).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceSettings {
    /// Public-computer mode turned on from the staff view.
    pub public_computer: bool,
}

impl crate::envelope::Stored for DeviceSettings {
    fn to_json(&self) -> crate::json::Json {
        crate::json::object([(
            "public_computer",
            Some(crate::json::Json::Bool(self.public_computer)),
        )])
    }

    fn from_json(json: &crate::json::Json) -> Option<Self> {
        json.as_object()?;
        Some(DeviceSettings {
            public_computer: match json.get("public_computer") {
                None => false,
                Some(flag) => flag.as_bool()?,
            },
        })
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
    pub fn has_module(&self, module: Module) -> bool {
        self.modules.contains(&module)
    }

    /// Reads the attributes (names without the `data-` prefix, e.g. `lang`). `known_domains`
    /// are the bank's domain ids, to check `data-domains`.
    pub fn from_attributes(
        attributes: &BTreeMap<String, String>,
        known_domains: &[&str],
    ) -> (WidgetConfig, Vec<ConfigWarning>) {
        let mut config = WidgetConfig::default();
        let mut warnings = Vec::new();
        let mut warn = |attribute: &str, value: &str, fallback: &str| {
            warnings.push(ConfigWarning {
                attribute: format!("data-{attribute}"),
                value: truncate(value, 80),
                fallback: fallback.to_string(),
            });
        };
        let get = |name: &str| attributes.get(name).map(|v| v.trim());

        if let Some(value) = get("lang") {
            match Lang::from_code(value) {
                Some(lang) => config.lang = lang,
                None => warn("lang", value, "fr (supported: fr, en, ar, uk)"),
            }
        }
        if let Some(value) = get("mode") {
            match value.to_ascii_lowercase().as_str() {
                "normal" | "" => config.mode = Mode::Normal,
                "public" | "public-computer" | "poste-public" => config.mode = Mode::PublicComputer,
                _ => warn("mode", value, "normal (supported: normal, public)"),
            }
        }
        if let Some(value) = get("id") {
            let valid = !value.is_empty()
                && value.len() <= 40
                && value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if valid {
                config.namespace = value.to_string();
            } else {
                warn(
                    "id",
                    value,
                    "the default storage space (letters, digits, - and _ only, 40 at most)",
                );
            }
        }
        if let Some(value) = get("debug") {
            config.debug = !matches!(value, "false" | "0" | "no" | "off");
        }
        if let Some(value) = get("partner") {
            let name = clean_text(value, 80);
            if name.is_empty() {
                warn("partner", value, "no partner name");
            } else {
                config.partner_name = Some(name);
            }
        }
        if let Some(value) = get("logo") {
            match safe_resource_url(value) {
                Some(url) => config.logo_url = Some(url),
                None => warn(
                    "logo",
                    value,
                    "no logo (use an https: URL or a relative path)",
                ),
            }
        }
        if let Some(value) = get("accent") {
            match parse_hex_colour(value) {
                Some(colour) if contrast_ratio(&colour, "#ffffff").is_some_and(|c| c >= MIN_CONTRAST) => {
                    config.accent = colour;
                }
                Some(_) => warn(
                    "accent",
                    value,
                    &format!("{DEFAULT_ACCENT}, because white text on it would be hard to read (contrast below 4.5:1)"),
                ),
                None => warn("accent", value, &format!("{DEFAULT_ACCENT} (use #rgb or #rrggbb)")),
            }
        }
        if let Some(value) = get("domains") {
            let mut chosen = Vec::new();
            let mut unknown = Vec::new();
            for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                // "equipement" became the situation questions, which every widget asks: a
                // snippet written before keeps working, without a warning.
                if crate::bank::RETIRED_DOMAIN_IDS.contains(&id) {
                    continue;
                }
                if known_domains.contains(&id) {
                    if !chosen.iter().any(|c: &String| c == id) {
                        chosen.push(id.to_string());
                    }
                } else {
                    unknown.push(id);
                }
            }
            let only_retired = unknown.is_empty()
                && chosen.is_empty()
                && value.split(',').any(|id| !id.trim().is_empty());
            if !unknown.is_empty() || (chosen.is_empty() && !only_retired) {
                warn(
                    "domains",
                    value,
                    &format!(
                        "{} (known domains: {})",
                        if chosen.is_empty() {
                            "all domains".to_string()
                        } else {
                            chosen.join(",")
                        },
                        known_domains.join(", ")
                    ),
                );
            }
            config.domains = chosen;
        }
        if let Some(value) = get("modules") {
            let mut chosen = Vec::new();
            let mut bad = false;
            for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match Module::ALL.into_iter().find(|m| m.id() == id) {
                    Some(module) if !chosen.contains(&module) => chosen.push(module),
                    Some(_) => {}
                    None => bad = true,
                }
            }
            if bad {
                warn(
                    "modules",
                    value,
                    "only the known modules listed (places, share, national)",
                );
            }
            config.modules = chosen;
        }
        if let Some(value) = get("places") {
            match value {
                "national" | "" => config.places = PlacesSource::National,
                "demo" => config.places = PlacesSource::Demo,
                "inline" => config.places = PlacesSource::Inline,
                url => match safe_resource_url(url) {
                    Some(url) => config.places = PlacesSource::Url(url),
                    None => warn(
                        "places",
                        value,
                        "the national places index (use an https: URL, inline, national or demo)",
                    ),
                },
            }
        }
        if let Some(value) = get("centre").or_else(|| get("center")) {
            match parse_centre(value) {
                Some(centre) => config.centre = Some(centre),
                None => warn(
                    "centre",
                    value,
                    "no default centre (use lat,lon or a 5-digit postal code)",
                ),
            }
        }
        if let Some(value) = get("stats") {
            match on_off(value) {
                Some(flag) => config.stats = Some(flag),
                None => warn(
                    "stats",
                    value,
                    "the default (on for a public computer, off otherwise)",
                ),
            }
        }
        if let Some(value) = get("inactivity") {
            let seconds = match value.strip_suffix('s') {
                Some(seconds) => seconds
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|s| (20..=3600).contains(s)),
                None => value
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (1..=60).contains(m))
                    .map(|m| m * 60),
            };
            match seconds {
                Some(seconds) => config.inactivity_seconds = seconds,
                None => warn(
                    "inactivity",
                    value,
                    "5 minutes (minutes from 1 to 60, or seconds such as 90s)",
                ),
            }
        }
        for (name, field) in [
            ("offline", &mut config.offline),
            ("url", &mut config.use_url),
        ] {
            if let Some(value) = get(name) {
                match on_off(value) {
                    Some(flag) => *field = flag,
                    None => warn(name, value, "off (use on or off)"),
                }
            }
        }
        (config, warnings)
    }

    /// Reads a query string (`lang=en&mode=public`), for the iframe mode.
    pub fn from_query(query: &str, known_domains: &[&str]) -> (WidgetConfig, Vec<ConfigWarning>) {
        WidgetConfig::from_attributes(&parse_query(query), known_domains)
    }
}

/// The query string [`parse_query`] reads back (without `?`): `name=value` pairs joined by
/// `&`, values percent-encoded (RFC 3986 unreserved characters kept). The configurator writes
/// the iframe fallback's address with it.
pub fn to_query(attributes: &[(String, String)]) -> String {
    let mut out = String::new();
    for (name, value) in attributes {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        for byte in value.bytes() {
            if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// A query string as attribute names (without `data-`) and percent-decoded values.
pub fn parse_query(query: &str) -> BTreeMap<String, String> {
    // Inserted one by one (the last of a repeated name wins): collecting would sort, and a
    // sort weighs 4 KB of wasm.
    let mut attributes = BTreeMap::new();
    for pair in query.trim_start_matches('?').split('&') {
        if !pair.is_empty() {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            attributes.insert(percent_decode(key), percent_decode(value));
        }
    }
    attributes
}

fn on_off(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "on" | "true" | "1" | "yes" | "oui" | "" => Some(true),
        "off" | "false" | "0" | "no" | "non" => Some(false),
        _ => None,
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

/// Text shown to people: the one plain-text rule of the core
/// ([`crate::places::clean::clean_text`]: no control or bidirectional-override characters,
/// collapsed spaces), then bounded in length. Using the places rules here (this one and
/// [`safe_resource_url`]'s) instead of lighter copies brought them into the main module:
/// +2.0 KB brotli on the first question (app wasm 140.3 → 142.3 KB, measured 2026-12-01),
/// the price of one rule instead of two that disagreed (the copy kept U+202E).
pub fn clean_text(value: &str, max_chars: usize) -> String {
    crate::places::clean::clean_text(value)
        .chars()
        .take(max_chars)
        .collect()
}

/// `http:`/`https:` URLs (the core's one URL rule, [`crate::places::clean::safe_url`]), or
/// relative paths (no scheme). Anything with another scheme (`javascript:`, `data:`, …) is
/// refused.
pub fn safe_resource_url(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty()
        || value.len() > 2000
        || value.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return None;
    }
    if value.contains("://") && !value.starts_with("//") {
        return crate::places::clean::safe_url(value);
    }
    // A scheme is letters followed by ':' before any '/', '?' or '#'.
    let before_path = value.split(['/', '?', '#']).next().unwrap_or("");
    if before_path.contains(':') || value.starts_with("//") {
        return None;
    }
    Some(value.to_string())
}

/// `#rgb` or `#rrggbb` to lowercase `#rrggbb`.
pub fn parse_hex_colour(value: &str) -> Option<String> {
    let hex = value.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// sRGB channel value (0–255) to linear light, in millionths: `((c/255 + 0.055) / 1.055)^2.4`
/// (or `c/255 / 12.92` for dark values), per WCAG 2.2. A table rather than `powf`, which
/// would add a maths library to the widget; a test checks it against the formula.
const LINEAR_MILLIONTHS: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347, 3677, 4025, 4391, 4777, 5182,
    5605, 6049, 6512, 6995, 7499, 8023, 8568, 9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702,
    14444, 15209, 15996, 16807, 17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187,
    26241, 27321, 28426, 29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915,
    42311, 43735, 45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246,
    63010, 64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1000000,
];

fn relative_luminance(colour: &str) -> Option<f64> {
    let hex = parse_hex_colour(colour)?;
    let channel = |i: usize| -> Option<f64> {
        let value = u8::from_str_radix(hex.get(1 + 2 * i..3 + 2 * i)?, 16).ok()?;
        Some(f64::from(LINEAR_MILLIONTHS[usize::from(value)]) / 1_000_000.0)
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(1)? + 0.0722 * channel(2)?)
}

/// WCAG contrast ratio between two colours, 1 to 21.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

/// `data-centre`: a postal code, or `lat,lon` in degrees with decimal points, each read by
/// [`read_degrees`] and range checked by [`LatLon::new`].
fn parse_centre(value: &str) -> Option<Centre> {
    if crate::postal_code::is_postal_code(value) {
        return Some(Centre::PostalCode(value.to_string()));
    }
    let (lat, lon) = value.split_once(',')?;
    let point = LatLon::new(read_degrees(lat).plain()?, read_degrees(lon).plain()?)?;
    Some(Centre::Point(point))
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOMAINS: [&str; 3] = ["appareil", "emploi", "securite"];

    fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn read(pairs: &[(&str, &str)]) -> (WidgetConfig, Vec<ConfigWarning>) {
        WidgetConfig::from_attributes(&attrs(pairs), &DOMAINS)
    }

    #[test]
    fn defaults_without_attributes() {
        let (config, warnings) = read(&[]);
        assert_eq!(config, WidgetConfig::default());
        assert!(warnings.is_empty());
        assert!(config.has_module(Module::Places));
    }

    #[test]
    fn a_snippet_with_only_the_retired_equipment_domain_asks_everything_quietly() {
        let (config, warnings) = read(&[("domains", "equipement")]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(config.domains.is_empty(), "all domains");
    }

    #[test]
    fn reads_valid_values() {
        let (config, warnings) = read(&[
            ("lang", "ar"),
            ("mode", "public"),
            ("id", "mairie-2"),
            ("debug", ""),
            ("partner", " Mairie\nde  Villeurbanne "),
            ("logo", "https://example.org/logo.png"),
            ("accent", "#065"),
            ("domains", "emploi, equipement"),
            ("modules", "places,share"),
            ("places", "https://data.example.org/lieux.csv"),
            ("centre", "45.77,4.88"),
            ("inactivity", "10"),
            ("offline", "on"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.lang, Lang::Ar);
        assert_eq!(config.mode, Mode::PublicComputer);
        assert_eq!(config.namespace, "mairie-2");
        assert!(config.debug);
        assert_eq!(
            config.partner_name.as_deref(),
            Some("Mairie de Villeurbanne")
        );
        assert_eq!(
            config.logo_url.as_deref(),
            Some("https://example.org/logo.png")
        );
        assert_eq!(config.accent, "#006655");
        // "equipement" is now the situation block, always asked: dropped without a warning.
        assert_eq!(config.domains, ["emploi"]);
        assert_eq!(config.modules, [Module::Places, Module::Share]);
        assert_eq!(
            config.places,
            PlacesSource::Url("https://data.example.org/lieux.csv".into())
        );
        assert_eq!(
            config.centre,
            Some(Centre::Point(LatLon {
                lat: 45.77,
                lon: 4.88
            }))
        );
        assert_eq!(config.inactivity_seconds, 600);
        assert_eq!(config.stats, None, "the default: on in public mode");
        assert!(config.offline);
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let (config, warnings) = read(&[
            ("lang", "klingon"),
            ("mode", "kiosk"),
            ("id", "a b<script>"),
            ("logo", "javascript:alert(1)"),
            ("accent", "#ffff00"),
            ("domains", "cuisine"),
            ("modules", "places,lasers"),
            ("places", "data:text/csv,x"),
            ("centre", "999,999"),
            ("inactivity", "0"),
            ("stats", "maybe"),
            ("url", "perhaps"),
        ]);
        assert_eq!(config.lang, Lang::Fr);
        assert_eq!(config.mode, Mode::Normal);
        assert_eq!(config.namespace, "default");
        assert_eq!(config.logo_url, None);
        assert_eq!(config.accent, DEFAULT_ACCENT);
        assert!(config.domains.is_empty());
        assert_eq!(config.modules, [Module::Places]);
        assert_eq!(config.places, PlacesSource::National);
        assert_eq!(config.centre, None);
        assert_eq!(config.inactivity_seconds, 300);
        assert_eq!(config.stats, None);
        assert!(!config.use_url);
        let attributes: Vec<&str> = warnings.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(
            attributes,
            [
                "data-lang",
                "data-mode",
                "data-id",
                "data-logo",
                "data-accent",
                "data-domains",
                "data-modules",
                "data-places",
                "data-centre",
                "data-stats",
                "data-inactivity",
                "data-url"
            ]
        );
        assert!(warnings[0].message().contains("data-lang=\"klingon\""));
        assert!(warnings[4].fallback.contains("contrast"));
    }

    #[test]
    fn inactivity_takes_minutes_or_seconds() {
        assert_eq!(read(&[("inactivity", "90s")]).0.inactivity_seconds, 90);
        assert_eq!(read(&[("inactivity", "2")]).0.inactivity_seconds, 120);
        for bad in ["10s", "61", "0", "abc", "4000s"] {
            let (config, warnings) = read(&[("inactivity", bad)]);
            assert_eq!(config.inactivity_seconds, 300, "{bad}");
            assert_eq!(warnings.len(), 1, "{bad}");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let ratio = |a, b| contrast_ratio(a, b).unwrap();
        assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((ratio("#ffffff", "#ffffff") - 1.0).abs() < 0.01);
        // The default accent is readable with white; yellow is not.
        assert!(ratio(DEFAULT_ACCENT, "#fff") >= MIN_CONTRAST);
        assert!(ratio("#ffff00", "#fff") < MIN_CONTRAST);
        // #767676 is the lightest grey passing 4.5:1 on white.
        assert!(ratio("#767676", "#fff") >= 4.5 && ratio("#777777", "#fff") < 4.5);
        assert_eq!(contrast_ratio("blue", "#fff"), None);
    }

    #[test]
    fn the_linear_light_table_matches_the_wcag_formula() {
        for (value, stored) in LINEAR_MILLIONTHS.iter().enumerate() {
            let c = value as f64 / 255.0;
            let exact = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!((f64::from(*stored) / 1e6 - exact).abs() < 1e-6, "{value}");
        }
    }

    #[test]
    fn the_centre_is_a_point_or_a_postal_code() {
        let centre = |value: &str| read(&[("centre", value)]);
        for (value, lat, lon) in [
            ("45.764043,4.835659", 45.764043, 4.835659),
            (" -4.5 , 2 ", -4.5, 2.0),
            ("45,7", 45.0, 7.0),
            ("-90,180", -90.0, 180.0),
        ] {
            let (config, warnings) = centre(value);
            assert!(warnings.is_empty(), "{value}: {warnings:?}");
            assert_eq!(
                config.centre,
                Some(Centre::Point(LatLon { lat, lon })),
                "{value}"
            );
        }
        let (config, warnings) = read(&[("center", "69001")]);
        assert!(warnings.is_empty());
        assert_eq!(config.centre, Some(Centre::PostalCode("69001".into())));
        // A comma separates latitude and longitude: never a decimal comma here.
        for bad in [
            "", "45.7", "45.7,", "45.7,4,8", "45.7;4.8", "91,0", "0,181", "inf,0", "NaN,0",
            "abc,def", "Lyon", "6900",
        ] {
            let (config, warnings) = centre(bad);
            assert_eq!(config.centre, None, "{bad}");
            assert_eq!(warnings.len(), 1, "{bad}");
            assert_eq!(warnings[0].attribute, "data-centre");
        }
    }

    #[test]
    fn urls_with_dangerous_schemes_are_refused() {
        for bad in [
            "javascript:alert(1)",
            " JAVASCRIPT:x",
            "data:image/png;base64,x",
            "vbscript:x",
            "//evil.example/x",
            "https://",
            "a b",
            "https://user@evil.example/x",
            "https://exemple.fr/\u{202e}gnp.exe",
        ] {
            assert_eq!(safe_resource_url(bad), None, "{bad}");
        }
        for good in [
            "https://example.org/a.csv",
            "HTTP://example.org",
            "logo.png",
            "/img/logo.svg",
            "./lieux.csv?x=1",
        ] {
            assert!(safe_resource_url(good).is_some(), "{good}");
        }
    }

    #[test]
    fn partner_names_are_plain_text_with_no_direction_override() {
        assert_eq!(
            clean_text("  Mairie\u{202e} de\n\tLyon ", 80),
            "Mairie de Lyon"
        );
        assert_eq!(clean_text("Médiathèque", 5), "Média");
    }

    #[test]
    fn written_queries_read_back() {
        let pairs = vec![
            (
                "partner".to_string(),
                "Mairie \"Les Lilas\" & co +1 €".to_string(),
            ),
            ("lang".to_string(), "ar".to_string()),
        ];
        let query = to_query(&pairs);
        assert_eq!(
            query,
            "partner=Mairie%20%22Les%20Lilas%22%20%26%20co%20%2B1%20%E2%82%AC&lang=ar"
        );
        assert_eq!(parse_query(&query), pairs.into_iter().collect());
        assert_eq!(to_query(&[]), "");
    }

    #[test]
    fn query_strings_configure_the_iframe_mode() {
        let (config, warnings) = WidgetConfig::from_query(
            "?lang=uk&partner=Mairie%20de%20Lyon&accent=%23005a9c&mode=public",
            &DOMAINS,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.lang, Lang::Uk);
        assert_eq!(config.partner_name.as_deref(), Some("Mairie de Lyon"));
        assert_eq!(config.accent, "#005a9c");
        assert_eq!(config.mode, Mode::PublicComputer);
        assert_eq!(percent_decode("%E2%82%AC+x%zz%"), "€ x%zz%");
    }
}
