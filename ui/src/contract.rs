//! The contract between the main module and the screens of the lazily loaded modules: which
//! module holds which screen under which exported name ([`LazyModule`], [`LazyScreen`]), what
//! the widget sends a screen when it mounts it ([`ScreenSettings`]), and what a screen asks
//! the widget to do ([`Action`]). Every module compiles this file, so all sides agree on every
//! name and field; on the wire each value is a JSON text (the core's own JSON). A test reads
//! the built modules and checks each one exports the screens this file gives it
//! (`tests/e2e/tests/shipped.rs`).

use autonomie_core::envelope::Stored;
use autonomie_core::history::PastResult;
use autonomie_core::i18n::TextModule;
use autonomie_core::json::{self, object, string, Json};
use autonomie_core::session::{ChosenPlace, Session, Stage};
use autonomie_core::stats::Finished;

/// A lazily loaded wasm module; the loader turns its name into `autonomie-<name>.js`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyModule {
    /// The steps after the last question and the mediator's view.
    Extras,
    /// The staff view.
    Staff,
}

impl LazyModule {
    pub const ALL: [LazyModule; 2] = [LazyModule::Extras, LazyModule::Staff];

    /// What the loader is asked for.
    pub fn name(self) -> &'static str {
        match self {
            LazyModule::Extras => "extras",
            LazyModule::Staff => "staff",
        }
    }

    /// Whose texts its screens show.
    pub fn texts(self) -> TextModule {
        match self {
            LazyModule::Extras => TextModule::Extras,
            LazyModule::Staff => TextModule::Staff,
        }
    }
}

/// A screen a lazily loaded module mounts, with the function it exports for it:
/// `(container, settings, texts, callbacks…)`, which returns a handle with `unmount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyScreen {
    Result,
    Orientation,
    Places,
    Summary,
    Mediator,
    Staff,
}

impl LazyScreen {
    pub const ALL: [LazyScreen; 6] = [
        LazyScreen::Result,
        LazyScreen::Orientation,
        LazyScreen::Places,
        LazyScreen::Summary,
        LazyScreen::Mediator,
        LazyScreen::Staff,
    ];

    pub fn module(self) -> LazyModule {
        match self {
            LazyScreen::Staff => LazyModule::Staff,
            _ => LazyModule::Extras,
        }
    }

    /// The name of its mount function, a `#[wasm_bindgen]` function of the module.
    pub fn export(self) -> &'static str {
        match self {
            LazyScreen::Result => "result_mount",
            LazyScreen::Orientation => "orientation_mount",
            LazyScreen::Places => "places_ui_mount",
            LazyScreen::Summary => "summary_mount",
            LazyScreen::Mediator => "mediator_mount",
            LazyScreen::Staff => "staff_ui_mount",
        }
    }
}

/// What a screen of the extras module asks the widget to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show another step of the person's flow.
    Go(Stage),
    /// "Question précédente" from the result: back to the last question.
    Back,
    /// "Refaire le test".
    Restart,
    /// Choose or un-choose a priority (an item id or a `need.*` id).
    TogglePriority(String),
    /// The place the person chose, or none.
    ChoosePlace(Option<ChosenPlace>),
    /// Print the sheet on screen.
    Print,
    /// The sheet was printed (for the activity counts).
    Printed,
    /// On a public computer: everything about the person goes ("Terminer").
    NextPerson,
    /// A finished assessment to add to the activity counts (once per session).
    Counted(Finished),
    /// The mediator keeps a decoded result on this device.
    Keep(Box<Session>),
    /// The mediator opened this code: the widget keeps it in memory (never stored), so the
    /// view shows it again after a language change.
    MediatorCode(String),
    /// The mediator closes the view.
    CloseMediator,
}

impl Action {
    pub fn to_json(&self) -> String {
        let kind =
            |k: &str, value: Option<Json>| object([("do", Some(string(k))), ("with", value)]);
        match self {
            Action::Go(stage) => kind("go", Some(string(stage.id()))),
            Action::Back => kind("back", None),
            Action::Restart => kind("restart", None),
            Action::TogglePriority(id) => kind("priority", Some(string(id))),
            Action::ChoosePlace(place) => kind("place", place.as_ref().map(Stored::to_json)),
            Action::Print => kind("print", None),
            Action::Printed => kind("printed", None),
            Action::NextPerson => kind("next_person", None),
            Action::Counted(finished) => kind("counted", Some(finished.to_json())),
            Action::Keep(session) => kind("keep", Some(session.to_json())),
            Action::MediatorCode(code) => kind("mediator_code", Some(string(code))),
            Action::CloseMediator => kind("close_mediator", None),
        }
        .write()
    }

    pub fn from_json(text: &str) -> Option<Action> {
        let json = Json::parse(text).ok()?;
        let with = json.get("with");
        let text = || with.and_then(Json::as_str).map(str::to_string);
        Some(match json.get("do")?.as_str()? {
            "go" => Action::Go(Stage::from_id(&text()?)?),
            "back" => Action::Back,
            "restart" => Action::Restart,
            "priority" => Action::TogglePriority(text()?),
            "place" => Action::ChoosePlace(match with {
                None | Some(Json::Null) => None,
                Some(place) => Some(ChosenPlace::from_json(place)?),
            }),
            "print" => Action::Print,
            "printed" => Action::Printed,
            "next_person" => Action::NextPerson,
            "counted" => Action::Counted(Finished::from_json(with?)?),
            "keep" => Action::Keep(Box::new(Session::from_json(with?)?)),
            "mediator_code" => Action::MediatorCode(text()?),
            "close_mediator" => Action::CloseMediator,
            _ => return None,
        })
    }
}

/// Which optional parts a partner turned on (`data-modules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modules {
    pub places: bool,
    pub share: bool,
    pub national: bool,
}

/// Everything a screen of the extras module needs from the widget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScreenSettings {
    pub lang: String,
    /// Where the widget's files are (ends with `/`).
    pub base: String,
    /// The widget's storage namespace (`data-id`), which also keys its places data.
    pub key: String,
    /// The person got here by an action: the screen moves focus to its heading.
    pub navigated: bool,
    /// Public-computer mode.
    pub public: bool,
    /// On the widget's own page (the browser prints the page), or on a partner's.
    pub own_page: bool,
    /// The partner's `data-debug`.
    pub debug: bool,
    /// Anonymous activity counts are kept.
    pub stats: bool,
    /// The partner's skill domains (empty: all).
    pub domains: Vec<String>,
    pub modules: Modules,
    /// The places source: `demo`, `inline` or a URL, and the inline data.
    pub places: String,
    pub inline: Option<String>,
    /// A default centre for the places search: a postal code, or micro-degrees.
    pub centre_postal_code: Option<String>,
    pub centre_e6: Option<(i64, i64)>,
    /// The person's session (the mediator's view has none).
    pub session: Option<Session>,
    /// The previous result kept on this device, for "progress since last time".
    pub previous: Option<PastResult>,
    /// The mediator's view: a code to open at once (from the QR code's address).
    pub code: Option<String>,
}

impl ScreenSettings {
    pub fn to_json(&self) -> String {
        let flag = |b: bool| Some(Json::Bool(b));
        let number = |n: i64| Json::Number(n);
        object([
            ("lang", Some(string(&self.lang))),
            ("base", Some(string(&self.base))),
            ("key", Some(string(&self.key))),
            ("navigated", flag(self.navigated)),
            ("public", flag(self.public)),
            ("own_page", flag(self.own_page)),
            ("debug", flag(self.debug)),
            ("stats", flag(self.stats)),
            ("domains", Some(json::strings(&self.domains))),
            (
                "modules",
                Some(object([
                    ("places", flag(self.modules.places)),
                    ("share", flag(self.modules.share)),
                    ("national", flag(self.modules.national)),
                ])),
            ),
            ("places", Some(string(&self.places))),
            ("inline", self.inline.as_deref().map(string)),
            (
                "centre",
                match (&self.centre_postal_code, self.centre_e6) {
                    (Some(code), _) => Some(object([("postal_code", Some(string(code)))])),
                    (None, Some((lat, lon))) => Some(object([
                        ("lat_e6", Some(number(lat))),
                        ("lon_e6", Some(number(lon))),
                    ])),
                    (None, None) => None,
                },
            ),
            ("session", self.session.as_ref().map(Stored::to_json)),
            (
                "previous",
                self.previous
                    .as_ref()
                    .map(|p| autonomie_core::history::History {
                        results: vec![p.clone()],
                    })
                    .map(|h| h.to_json()),
            ),
            ("code", self.code.as_deref().map(string)),
        ])
        .write()
    }

    /// Reads settings; anything missing or unreadable takes its default, so a screen always
    /// shows something.
    pub fn from_json(text: &str) -> ScreenSettings {
        let json = Json::parse(text).unwrap_or(Json::Null);
        let text = |key: &str| json.get(key).and_then(Json::as_str).map(str::to_string);
        let flag = |json: &Json, key: &str| json.get(key).and_then(Json::as_bool).unwrap_or(false);
        let modules = json.get("modules").cloned().unwrap_or(Json::Null);
        let centre = json.get("centre");
        ScreenSettings {
            lang: text("lang").unwrap_or_else(|| "fr".into()),
            base: text("base").unwrap_or_default(),
            key: text("key").unwrap_or_else(|| "default".into()),
            navigated: flag(&json, "navigated"),
            public: flag(&json, "public"),
            own_page: flag(&json, "own_page"),
            debug: flag(&json, "debug"),
            stats: flag(&json, "stats"),
            domains: json::read_strings(json.get("domains")).unwrap_or_default(),
            modules: Modules {
                places: flag(&modules, "places"),
                share: flag(&modules, "share"),
                national: flag(&modules, "national"),
            },
            places: text("places").unwrap_or_else(|| "national".into()),
            inline: text("inline"),
            centre_postal_code: centre
                .and_then(|c| c.get("postal_code"))
                .and_then(Json::as_str)
                .map(str::to_string),
            centre_e6: centre.and_then(|c| {
                Some((
                    c.get("lat_e6").and_then(Json::as_i64)?,
                    c.get("lon_e6").and_then(Json::as_i64)?,
                ))
            }),
            session: json.get("session").and_then(Session::from_json),
            previous: json
                .get("previous")
                .and_then(autonomie_core::history::History::from_json)
                .and_then(|h| h.results.into_iter().next()),
            code: text("code"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip() {
        let mut session = Session::new("2026-12-01");
        session.first_name = "Léa".into();
        for action in [
            Action::Go(Stage::Summary),
            Action::Back,
            Action::Restart,
            Action::TogglePriority("com.email_send".into()),
            Action::ChoosePlace(None),
            Action::ChoosePlace(Some(ChosenPlace {
                id: "p1".into(),
                name: "Médiathèque".into(),
                ..ChosenPlace::default()
            })),
            Action::Print,
            Action::Printed,
            Action::NextPerson,
            Action::Counted(Finished {
                levels: vec![("appareil".into(), autonomie_core::scoring::Level::WithHelp)],
                services: vec!["demarches".into()],
                national: None,
            }),
            Action::Keep(Box::new(session)),
            Action::MediatorCode("4ABC-DEFG".into()),
            Action::CloseMediator,
        ] {
            assert_eq!(
                Action::from_json(&action.to_json()),
                Some(action.clone()),
                "{action:?}"
            );
        }
        assert_eq!(Action::from_json("{\"do\":\"fly\"}"), None);
        assert_eq!(Action::from_json("not json"), None);
    }

    #[test]
    fn settings_round_trip_and_default_when_unreadable() {
        let settings = ScreenSettings {
            lang: "ar".into(),
            base: "https://widget.example/".into(),
            key: "mairie".into(),
            navigated: true,
            public: true,
            stats: true,
            domains: vec!["demarches".into()],
            modules: Modules {
                places: true,
                share: false,
                national: true,
            },
            places: "inline".into(),
            inline: Some("id,nom".into()),
            centre_e6: Some((45_750_000, 4_850_000)),
            session: Some(Session::new("2026-12-01")),
            code: Some("4ABC".into()),
            ..ScreenSettings::default()
        };
        assert_eq!(ScreenSettings::from_json(&settings.to_json()), settings);
        let fallback = ScreenSettings::from_json("]");
        assert_eq!(fallback.lang, "fr");
        assert_eq!(fallback.places, "national");
        assert_eq!(fallback.session, None);
    }
}
