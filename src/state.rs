//! Application state of one widget instance, and the actions screens call.
//!
//! Screens read signals and call methods on [`Ctx`]; the decisions themselves are made by
//! `autonomie_core`. Every change to the session, history or preferences is saved through
//! [`crate::storage::Store`].

use crate::k;
use autonomie_ui::texts::Texts;
use std::sync::{Arc, LazyLock};

use autonomie_core::config::{Mode, WidgetConfig};
use autonomie_core::envelope::{SetAside, Stored};
use autonomie_core::history::{History, PastResult};
use autonomie_core::i18n::{Catalog, Key, Lang, TextModule};
use autonomie_core::json::{self, object, Json};
use autonomie_core::session::Stage;
use autonomie_core::{Answer, Bank, ItemKind, Session};
use leptos::prelude::*;

use crate::bank::bank_for;
use crate::clock;
use crate::host::Mounted;
use crate::i18n_loader;
use crate::storage::{Loaded, Persistence, Store};
use autonomie_core::config::DeviceSettings;
use autonomie_core::stats::{ActivityCounts, Event as StatsEvent};
use autonomie_ui::contract::{Action, Modules, ScreenSettings};

/// The French texts of this module (see `build.rs`): the lazily loaded modules carry their own.
const FRENCH_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-main.json"));
static FRENCH: LazyLock<Arc<Catalog>> = LazyLock::new(|| {
    Arc::new(Catalog::from_json(Lang::Fr, FRENCH_JSON).unwrap_or_else(|_| Catalog::empty(Lang::Fr)))
});

pub fn french() -> Arc<Catalog> {
    FRENCH.clone()
}

use crate::storage::{
    DEVICE, HISTORY as HISTORY_KEY, PREFS as PREFS_KEY, SESSION as SESSION_KEY, STATS,
};

/// Display preferences, remembered on the device.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefs {
    pub lang: Option<String>,
    pub large_text: bool,
}

impl Stored for Prefs {
    fn to_json(&self) -> Json {
        object([
            (
                "lang",
                self.lang.as_deref().map(autonomie_core::json::string),
            ),
            ("large_text", Some(Json::Bool(self.large_text))),
        ])
    }

    fn from_json(json: &Json) -> Option<Self> {
        json.as_object()?;
        Some(Prefs {
            lang: match json.get("lang") {
                None | Some(Json::Null) => None,
                Some(lang) => Some(lang.as_str()?.to_string()),
            },
            large_text: match json.get("large_text") {
                None => false,
                Some(flag) => flag.as_bool()?,
            },
        })
    }
}

/// Something the person should know, shown above the current screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    SetAside(SetAside),
    WriteFailed,
    Forgotten,
    /// A language file could not be loaded (or did not arrive in time); the widget stays in
    /// French and offers to try again.
    LanguageUnavailable(Lang),
    /// Partner configuration problems, shown only with `data-debug`.
    Config(String),
    /// On a public computer, after a person's data was wiped.
    NextPerson,
    /// On a public computer, after inactivity wiped a person's data.
    TimedOut,
}

impl Notice {
    /// Text for the person, through i18n; config notices are for partners, in English.
    pub fn text(&self, catalog: &Catalog) -> String {
        match self {
            Notice::StorageUnavailable => catalog.text(k::storage::UNAVAILABLE),
            Notice::SetAside(reason) => catalog.text(Key::computed(reason.i18n_key())),
            Notice::WriteFailed => catalog.text(k::storage::WRITE_FAILED),
            Notice::Forgotten => catalog.text(k::settings::FORGOTTEN),
            Notice::LanguageUnavailable(_) => catalog.text(k::settings::LANGUAGE_UNAVAILABLE),
            Notice::Config(message) => message.clone(),
            Notice::NextPerson => catalog.text(k::public::WIPED),
            Notice::TimedOut => catalog.text(k::public::TIMED_OUT),
        }
    }
}

/// The mediator's view is open; the extras module shows it (see `extras/src/results`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MediatorOpen {
    pub code: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub session: RwSignal<Session>,
    pub history: RwSignal<History>,
    pub prefs: RwSignal<Prefs>,
    pub catalog: RwSignal<Arc<Catalog>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub config: StoredValue<WidgetConfig>,
    /// Where the widget's own files are served from (language files, demo data).
    pub base_url: StoredValue<String>,
    /// Set by the first action. Screens move focus to their heading only after it, so the
    /// widget never steals focus or scrolls the host page on load.
    pub navigated: StoredValue<bool>,
    /// Set when the person picks a language, so focus returns to the picker after the
    /// widget re-renders in that language.
    pub lang_just_changed: StoredValue<bool>,
    /// The element the widget renders into, inside its shadow root.
    pub container: StoredValue<web_sys::HtmlElement, LocalStorage>,
    /// Places data given inside the host element, if any.
    pub inline_places: StoredValue<Option<String>>,
    /// The mediator's view, shown instead of the person's flow when open, with a code to open
    /// at once (from a QR code's address).
    pub mediator: RwSignal<Option<MediatorOpen>>,
    /// The staff view (PIN, activity counts), shown instead of the flow when open.
    pub staff_open: RwSignal<bool>,
    /// Public-computer mode, from the partner's configuration or the staff view.
    pub public: RwSignal<bool>,
    /// On the widget's own page, the browser prints the page; on a host's page, only the sheet.
    pub own_page: bool,

    /// Where a person's data goes: localStorage, or sessionStorage on a public computer.
    store: StoredValue<Store, LocalStorage>,
    /// The computer's own data (staff settings, activity counts), always in localStorage.
    device: StoredValue<Store, LocalStorage>,
}

impl Texts for Ctx {
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        self.catalog.with_untracked(|c| read(c))
    }
}

impl Ctx {
    /// Loads what was stored and wires saving. Must run inside the widget's reactive owner.
    pub fn new(mounted: Mounted) -> Ctx {
        let Mounted {
            config,
            warnings: config_notices,
            base_url,
            container,
            inline_places,
            reads_url,
            own_page,
        } = mounted;
        let (device, _) = Store::open(&config.namespace, Persistence::Device);
        let mut notices = Vec::new();
        let device_settings: DeviceSettings = load_or_default(&device, DEVICE, &mut notices);
        let public = config.mode == Mode::PublicComputer || device_settings.public_computer;
        let persistence = if public {
            Persistence::Tab
        } else {
            Persistence::Device
        };
        let (store, memory_only) = Store::open(&config.namespace, persistence);
        if memory_only {
            notices.push(Notice::StorageUnavailable);
        }
        if config.debug {
            notices.extend(config_notices.into_iter().map(Notice::Config));
        }

        let session: Session = load_or_default(&store, SESSION_KEY, &mut notices);
        let history: History = if public {
            History::default()
        } else {
            load_or_default(&store, HISTORY_KEY, &mut notices)
        };
        let prefs: Prefs = load_or_default(&store, PREFS_KEY, &mut notices);

        let mut session = session;
        session.reconcile(bank_for(&config.domains));

        let ctx = Ctx {
            session: RwSignal::new(session),
            history: RwSignal::new(history),
            prefs: RwSignal::new(prefs),
            catalog: RwSignal::new(french()),
            notices: RwSignal::new(notices),
            config: StoredValue::new(config),
            base_url: StoredValue::new(base_url),
            navigated: StoredValue::new(false),
            lang_just_changed: StoredValue::new(false),
            container: StoredValue::new_local(container),
            inline_places: StoredValue::new(inline_places),
            mediator: RwSignal::new(None),
            staff_open: RwSignal::new(false),
            public: RwSignal::new(public),
            own_page,
            store: StoredValue::new_local(store),
            device: StoredValue::new_local(device),
        };
        ctx.persist_on_change();
        if reads_url {
            // A QR code from a printed summary opens `index.html#m=<code>`: the fragment never
            // reaches a server.
            let fragment = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default();
            if let Some(code) = fragment.strip_prefix("#m=") {
                let code = js_sys::decode_uri_component(code)
                    .ok()
                    .and_then(|c| c.as_string())
                    .unwrap_or_default();
                ctx.mediator.set(Some(MediatorOpen { code: Some(code) }));
                forget_fragment();
            }
        }
        let lang = ctx
            .prefs
            .with_untracked(|p| p.lang.as_deref().and_then(Lang::from_code))
            .unwrap_or_else(|| ctx.config.with_value(|c| c.lang));
        if lang != Lang::Fr {
            ctx.set_lang(lang);
        }
        ctx
    }

    /// Saves each value when it changes. A value back at its default is removed instead of
    /// written, so after "Effacer mes données" no key is left behind.
    fn persist_on_change(self) {
        fn watch<T>(ctx: Ctx, name: &'static str, signal: RwSignal<T>)
        where
            T: Stored + Default + PartialEq + Send + Sync + 'static,
        {
            Effect::new(move |_| {
                let failed = signal.with(|value| {
                    ctx.store.with_value(|store| {
                        if *value == T::default() {
                            store.remove(name);
                            false
                        } else {
                            store.save(name, value).is_err()
                        }
                    })
                });
                if failed {
                    ctx.notify(Notice::WriteFailed);
                }
            });
        }
        watch(self, SESSION_KEY, self.session);
        watch(self, PREFS_KEY, self.prefs);
        // On a public computer nothing outlives the person, so there is no history.
        watch(self, HISTORY_KEY, self.history);
    }

    /// The questions this widget asks (the partner may have left domains out).
    pub fn bank(&self) -> &'static Bank {
        self.config.with_value(|c| bank_for(&c.domains))
    }

    /// Whether anonymous activity counts are kept: the partner's choice, else only on a public
    /// computer.
    fn counting(&self) -> bool {
        self.config
            .with_value(|c| c.stats)
            .unwrap_or_else(|| self.public.get_untracked())
    }

    /// Adds an event to this computer's anonymous activity counts.
    pub fn count(&self, event: impl FnOnce(&mut ActivityCounts, &str)) {
        if !self.counting() {
            return;
        }
        self.device.with_value(|device| {
            let mut counts = match device.load::<ActivityCounts>(STATS) {
                Loaded::Found(counts) => counts,
                _ => ActivityCounts::default(),
            };
            event(&mut counts, &clock::today_iso());
            let _ = device.save(STATS, &counts);
        });
    }

    /// Staff turned public-computer mode on or off on this computer. Turning it on removes
    /// what personal use left on the device; from then on a person's data lives in the tab.
    pub fn set_public(&self, on: bool) {
        if self.config.with_value(|c| c.mode == Mode::PublicComputer) {
            return;
        }
        self.device.with_value(|device| {
            let _ = device.save(
                DEVICE,
                &DeviceSettings {
                    public_computer: on,
                },
            );
        });
        if on == self.public.get_untracked() {
            return;
        }
        self.store.with_value(|store| {
            for name in [SESSION_KEY, PREFS_KEY, HISTORY_KEY] {
                store.remove(name);
            }
        });
        let namespace = self.config.with_value(|c| c.namespace.clone());
        let (store, _) = Store::open(
            &namespace,
            if on {
                Persistence::Tab
            } else {
                Persistence::Device
            },
        );
        self.store.set_value(store);
        self.public.set(on);
        self.history.set(History::default());
        self.session.set(Session::default());
    }

    /// "Personne suivante", "Terminer", or inactivity: everything about this person goes.
    pub fn next_person(&self, notice: Notice) {
        self.navigated.set_value(true);
        self.mediator.set(None);
        self.staff_open.set(false);
        self.session.set(Session::default());
        self.prefs.set(Prefs::default());
        self.history.set(History::default());
        // Backups and anything else this widget wrote in the tab's storage go too.
        self.store.with_value(Store::forget_all);
        let lang = self.config.with_value(|c| c.lang);
        if lang == Lang::Fr {
            self.catalog.set(french());
        } else {
            self.set_lang(lang);
        }
        self.notices.set(vec![notice]);
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.notices.update(|list| {
            if index < list.len() {
                list.remove(index);
            }
        });
    }

    pub fn start(&self, first_name: &str) {
        self.navigated.set_value(true);
        self.count(|counts, day| counts.record(day, StatsEvent::Started));
        let mut session =
            Session::new(&clock::today_iso()).with_id(clock::now_millis().to_string());
        session.set_first_name(first_name);
        session.stage = Stage::Questions;
        self.session.set(session);
    }

    /// "Refaire le test": a new assessment; finished results stay in the history.
    pub fn restart(&self) {
        self.navigated.set_value(true);
        self.session.set(Session::default());
    }

    /// Records the answers of the screen on show (one question, or a group). An exercise shows
    /// its feedback before moving on.
    pub fn answer_screen(&self, given: Vec<(String, Answer)>) {
        self.navigated.set_value(true);
        let task = match given.as_slice() {
            [(id, _)] => self
                .bank()
                .item(id)
                .is_some_and(|i| i.kind == ItemKind::Task)
                .then(|| id.clone()),
            _ => None,
        };
        let mut accepted = false;
        self.session.update(|s| {
            accepted = s.answer_screen(self.bank(), &given).is_ok();
            if accepted && task.is_some() {
                s.feedback_for = task.clone();
            }
        });
        if accepted && task.is_none() {
            self.finish_if_complete();
        }
    }

    /// A kind offer was answered ("Continuer" or a language): it is not made again.
    pub fn offer_made(&self, offer: autonomie_core::session::Offer) {
        self.navigated.set_value(true);
        self.session.update(|s| s.offer_made(offer));
    }

    pub fn continue_after_feedback(&self) {
        self.navigated.set_value(true);
        self.session.update(|s| s.feedback_for = None);
        self.finish_if_complete();
    }

    /// After the last answer: the result. The extras module's result screen adds the finished
    /// assessment to the activity counts (it computes the evaluation), then says so
    /// ([`Action::Counted`]).
    fn finish_if_complete(&self) {
        if self.session.with_untracked(|s| s.is_complete(self.bank())) {
            self.session.update(|s| s.stage = Stage::Result);
            self.record_in_history();
        }
    }

    /// Keeps the finished result in the history (personal devices only).
    pub fn record_in_history(&self) {
        if self.public.get_untracked() {
            return;
        }
        let result = self
            .session
            .with_untracked(|s| PastResult::of(s, &clock::today_iso()));
        self.history.update(|h| h.upsert(result));
    }

    /// "Question précédente", also from the result screen.
    pub fn back(&self) {
        self.navigated.set_value(true);
        let session_id = self.session.with_untracked(|s| s.id.clone());
        let was_finished = self.session.with_untracked(|s| s.stage != Stage::Questions);
        self.session.update(|s| {
            s.undo_last(self.bank());
            s.stage = if s.answers.is_empty() && !was_finished {
                Stage::Welcome
            } else {
                Stage::Questions
            };
        });
        if was_finished {
            self.history.update(|h| h.remove_session(&session_id));
        }
    }

    pub fn go(&self, stage: Stage) {
        self.navigated.set_value(true);
        self.session.update(|s| s.stage = stage);
    }

    /// Keeps a result opened by a mediator in this device's history, at the mediator's request.
    pub fn keep_shared_result(&self, session: &Session) {
        let mut kept = session.clone();
        kept.id = format!("shared-{}", clock::now_millis());
        let finished_on = if kept.started_on.is_empty() {
            clock::today_iso()
        } else {
            kept.started_on.clone()
        };
        self.history
            .update(|h| h.upsert(PastResult::of(&kept, &finished_on)));
    }

    /// The place the person will go to (`None` when they un-choose it).
    pub fn set_chosen_place(&self, place: Option<autonomie_core::session::ChosenPlace>) {
        self.session.update(|s| s.chosen_place = place);
        self.record_in_history();
    }

    /// Returns false when 3 priorities are already chosen.
    pub fn toggle_priority(&self, item_id: &str) -> bool {
        let mut ok = false;
        self.session.update(|s| ok = s.toggle_priority(item_id));
        self.record_in_history();
        ok
    }

    /// What the screens of the extras module get (see [`autonomie_ui::contract`]).
    pub fn screen_settings(&self) -> ScreenSettings {
        use autonomie_core::config::{Module, PlacesSource};
        use autonomie_core::places::Centre;
        let session = self.session.get_untracked();
        let previous = self
            .history
            .with_untracked(|h| h.previous_to(&session.id).cloned());
        self.config.with_value(|c| {
            let (places, inline) = match &c.places {
                PlacesSource::National => ("national".to_string(), None),
                PlacesSource::Demo => ("demo".to_string(), None),
                PlacesSource::Inline => ("inline".to_string(), self.inline_places.get_value()),
                PlacesSource::Url(url) => (url.clone(), None),
            };
            let (centre_postal_code, centre_e6) = match &c.centre {
                Some(Centre::PostalCode(code)) => (Some(code.clone()), None),
                Some(Centre::Point(point)) => (None, Some(point.to_micro_degrees())),
                // `data-centre` is never a commune name.
                Some(Centre::Commune(_)) | None => (None, None),
            };
            ScreenSettings {
                lang: self.lang().code().to_string(),
                base: self.base_url.get_value(),
                key: c.namespace.clone(),
                navigated: self.navigated.get_value(),
                public: self.public.get_untracked(),
                own_page: self.own_page,
                debug: c.debug,
                stats: self.counting(),
                domains: c.domains.clone(),
                modules: Modules {
                    places: c.has_module(Module::Places),
                    share: c.has_module(Module::Share),
                    national: c.has_module(Module::National),
                },
                places,
                inline,
                centre_postal_code,
                centre_e6,
                session: self
                    .mediator
                    .with_untracked(Option::is_none)
                    .then_some(session),
                previous,
                code: self
                    .mediator
                    .with_untracked(|m| m.as_ref().and_then(|m| m.code.clone())),
            }
        })
    }

    /// Does what a screen of the extras module asks.
    pub fn act(&self, action: Action) {
        match action {
            Action::Go(stage) => self.go(stage),
            Action::Back => self.back(),
            Action::Restart => self.restart(),
            Action::TogglePriority(id) => {
                self.toggle_priority(&id);
            }
            Action::ChoosePlace(place) => self.set_chosen_place(place),
            Action::Print => {
                let container = self.container.with_value(|c| c.clone());
                crate::print::print(&container, self.own_page, &self.t(k::app::TITLE));
            }
            Action::Printed => {
                self.count(|counts, day| counts.record(day, StatsEvent::Printed));
            }
            Action::NextPerson => self.next_person(Notice::NextPerson),
            Action::Counted(finished) => {
                if !self.session.with_untracked(|s| s.counted) {
                    self.count(|counts, day| counts.record(day, StatsEvent::Finished(&finished)));
                    self.session.update(|s| s.counted = true);
                }
            }
            Action::Keep(session) => self.keep_shared_result(&session),
            Action::MediatorCode(code) => self.mediator.update(|open| {
                if let Some(open) = open {
                    open.code = Some(code);
                }
            }),
            Action::CloseMediator => {
                self.navigated.set_value(true);
                self.mediator.set(None);
            }
        }
    }

    /// "Effacer mes données": every key the widget wrote goes, and the screen starts over.
    pub fn forget_everything(&self) {
        self.navigated.set_value(true);
        self.store.with_value(Store::forget_all);
        self.session.set(Session::default());
        self.history.set(History::default());
        self.prefs.set(Prefs::default());
        self.catalog.set(french());
        self.notices.set(vec![Notice::Forgotten]);
    }

    pub fn set_large_text(&self, on: bool) {
        self.prefs.update(|p| p.large_text = on);
    }

    pub fn set_lang(&self, lang: Lang) {
        self.load_lang(lang, false);
    }

    /// "Réessayer" after a language file did not load.
    pub fn retry_lang(&self, lang: Lang) {
        self.load_lang(lang, true);
    }

    /// The texts a lazily loaded module's screen shows, as the flat JSON it reads: the widget's
    /// own, and in a language other than French, those of the module's files (fetched the
    /// first time). When one does not come, the module shows its French and the person reads
    /// why.
    pub async fn module_texts(&self, module: TextModule) -> String {
        let mut texts: Vec<(String, Json)> = self.catalog.with_untracked(|c| {
            c.entries()
                .map(|(k, v)| (k.to_string(), json::string(v)))
                .collect()
        });
        let lang = self.lang();
        if lang != Lang::Fr {
            let base = self.base_url.get_value();
            for &read in module.reads().iter().filter(|m| **m != TextModule::Main) {
                match i18n_loader::load(&base, lang, read, false).await {
                    Ok(catalog) => texts.extend(
                        catalog
                            .entries()
                            .map(|(k, v)| (k.to_string(), json::string(v))),
                    ),
                    Err(error) => {
                        self.language_unavailable(lang, read, &error);
                        break;
                    }
                }
            }
        }
        Json::Object(texts).write()
    }

    fn language_unavailable(&self, lang: Lang, module: TextModule, error: &crate::net::FetchError) {
        web_sys::console::warn_1(
            &format!(
                "autonomie-numerique: language file {}: {}",
                module.file(lang),
                error.detail()
            )
            .into(),
        );
        self.notify(Notice::LanguageUnavailable(lang));
    }

    fn load_lang(&self, lang: Lang, retry: bool) {
        self.prefs
            .update(|p| p.lang = Some(lang.code().to_string()));
        if lang == Lang::Fr {
            self.catalog.set(french());
            return;
        }
        let ctx = *self;
        let base = self.base_url.get_value();
        leptos::task::spawn_local(async move {
            match i18n_loader::load(&base, lang, TextModule::Main, retry).await {
                Ok(catalog) => ctx.catalog.set(Arc::new(catalog.over(&french()))),
                Err(error) => ctx.language_unavailable(lang, TextModule::Main, &error),
            }
        });
    }
}

/// Reads a stored value; anything unusable was set aside by the store and is reported once.
fn load_or_default<T: Stored + Default>(store: &Store, name: &str, notices: &mut Vec<Notice>) -> T {
    match store.load::<T>(name) {
        Loaded::Found(value) => value,
        Loaded::Missing => T::default(),
        Loaded::SetAside { reason, backup_key } => {
            if let Some(key) = backup_key {
                web_sys::console::warn_1(
                    &format!("autonomie-numerique: unreadable {name} kept under {key}").into(),
                );
            }
            let notice = Notice::SetAside(reason);
            if !notices.contains(&notice) {
                notices.push(notice);
            }
            T::default()
        }
    }
}

/// Takes the code out of the address bar and out of the tab's history, so the next person at
/// a shared computer cannot reopen it.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let address = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}
