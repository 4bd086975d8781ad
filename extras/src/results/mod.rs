//! The screens after the last question, in the lazily loaded module so that they weigh
//! nothing on the first question: the result, the orientation, the printable summary and the
//! mediator's view. Each renders the one value the core computes
//! ([`autonomie_core::evaluation::Evaluation`]); none decides anything.
//!
//! The widget mounts them through [`result_mount`], [`orientation_mount`], [`summary_mount`]
//! and [`mediator_mount`], with the settings and actions of [`autonomie_ui::contract`]. They
//! are written with the `h()` builder of `autonomie_ui::markup` (see [`crate::page`]).

mod chart;
mod mediator;
mod orientation;
mod result;
pub mod summary;

use crate::page::On;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;
use std::rc::Rc;

use autonomie_core::bank::Bank;
use autonomie_core::evaluation::{evaluate, Evaluation};
use autonomie_core::i18n::Catalog;
use autonomie_core::session::Session;
use autonomie_core::stats::Finished;
use autonomie_ui::contract::{Action, ScreenSettings};
use autonomie_ui::markup::{h, H};
use autonomie_ui::screen::catalog;
use wasm_bindgen::prelude::*;

use crate::page::{Mounted, Page};

/// The French texts only this module shows (see `build.rs`).
pub const EXTRAS_FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-extras.json"));

/// What the widget gives a screen.
pub struct Host {
    pub texts: Catalog,
    pub settings: ScreenSettings,
    pub page: Rc<Page>,
    on_action: js_sys::Function,
}

/// A screen's access to its host, cloned into every listener.
#[derive(Clone)]
pub struct Ctx {
    pub host: Rc<Host>,
}

impl Texts for Ctx {
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        read(&self.host.texts)
    }
}

impl Ctx {
    pub fn settings<T>(&self, read: impl FnOnce(&ScreenSettings) -> T) -> T {
        read(&self.host.settings)
    }

    pub fn page(&self) -> &Page {
        &self.host.page
    }

    /// Asks the widget to do something (see [`Action`]).
    pub fn act(&self, action: Action) {
        let _ = self
            .host
            .on_action
            .call1(&JsValue::NULL, &JsValue::from_str(&action.to_json()));
    }

    /// The questions of this widget: the partner may have kept some domains only.
    pub fn bank(&self) -> &'static Bank {
        self.settings(|s| bank_for(&s.domains))
    }

    /// A domain's name for people.
    pub fn domain_name(&self, domain: &str) -> String {
        self.t(Key::computed(&format!("domain.{domain}")))
    }

    /// A step or a priority as people read it in a list: the goal, with a capital letter.
    pub fn goal(&self, id: &str) -> String {
        autonomie_core::text::capitalize(&self.t(Key::computed(&goal_key(id))))
    }

    /// Shows `screen` as the whole screen, and moves focus to its heading when the person got
    /// here by an action (never on first load: that would scroll the host page).
    pub fn show(&self, screen: H) {
        self.page().show(screen);
        self.focus_heading();
    }

    pub fn focus_heading(&self) {
        if self.settings(|s| s.navigated) {
            self.page().focus(autonomie_ui::focus::SCREEN_HEADING);
        }
    }
}

/// The i18n key of a step's goal: an item's `q.<id>.goal`, or a need's `need.<id>.goal`.
pub fn goal_key(id: &str) -> String {
    match autonomie_core::situation::Need::from_id(id) {
        Some(need) => need.goal_key(),
        None => format!("q.{id}.goal"),
    }
}

thread_local! {
    /// Banks restricted to a partner's domains, made once per choice and kept for the page's
    /// life, so screens hold plain `&'static Bank` references.
    static BANKS: std::cell::RefCell<Vec<(Vec<String>, &'static Bank)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

pub fn bank_for(domains: &[String]) -> &'static Bank {
    BANKS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, bank)) = cache.iter().find(|(d, _)| d == domains) {
            return *bank;
        }
        let bank: &'static Bank = Box::leak(Box::new(Bank::builtin().restricted_to(domains)));
        cache.push((domains.to_vec(), bank));
        bank
    })
}

/// The evaluation of a session, as every screen shows it.
pub fn evaluation_of(ctx: &Ctx, session: &Session) -> Evaluation {
    evaluate(ctx.bank(), session, &session.priorities)
}

fn mount(
    container: web_sys::HtmlElement,
    settings: ScreenSettings,
    texts: String,
    on_action: js_sys::Function,
    screen: fn(Ctx),
) -> Mounted {
    let texts = catalog(&settings.lang, &texts, EXTRAS_FRENCH);
    let page = Page::new(container);
    let ctx = Ctx {
        host: Rc::new(Host {
            texts,
            settings,
            page: page.clone(),
            on_action,
        }),
    };
    screen(ctx);
    Mounted::new(page)
}

/// The exported mount function of each screen: `(container, settings, texts, on_action)`,
/// `settings` and `on_action` as [`autonomie_ui::contract`] says.
macro_rules! screens {
    ($($(#[$doc:meta])* $name:ident => $screen:path, every_answer: $all:expr;)*) => {$(
        $(#[$doc])*
        #[wasm_bindgen]
        pub fn $name(
            container: web_sys::HtmlElement,
            settings: String,
            texts: String,
            on_action: js_sys::Function,
        ) -> Mounted {
            let mut settings = ScreenSettings::from_json(&settings);
            if $all {
                settings.domains.clear();
            }
            mount(container, settings, texts, on_action, $screen)
        }
    )*};
}

screens! {
    /// "Votre résultat".
    result_mount => result::result, every_answer: false;
    /// "L'aide qui vous correspond".
    orientation_mount => orientation::orientation, every_answer: false;
    /// "Mon bilan numérique", to print.
    summary_mount => summary::summary, every_answer: false;
    /// The mediator's view: a code to type, or the result it opens. The mediator reads every
    /// answer a code carries, whatever this widget asks.
    mediator_mount => mediator::mediator, every_answer: true;
}

/// Hands a finished assessment to the widget for this computer's anonymous activity counts,
/// once per session (the widget marks it counted), when the partner or the staff turned
/// counting on.
pub fn count_finished(ctx: &Ctx, session: &Session) {
    if session.counted || !ctx.settings(|s| s.stats) {
        return;
    }
    let evaluation = evaluation_of(ctx, session);
    ctx.act(Action::Counted(Finished::of(&evaluation)));
}

/// The row of buttons under a screen (never printed); the buttons follow with `.child(…)`.
pub fn actions() -> H {
    h("div").class("an-actions an-actions-wrap no-print")
}

/// Listens to the screen's buttons: `handle(ctx, name, arg)` for each `data-do` clicked.
pub fn on_click(ctx: &Ctx, handle: impl Fn(&Ctx, &crate::page::Action) + 'static) {
    let listening = ctx.clone();
    ctx.page()
        .on(On::Click, move |_, action| handle(&listening, &action));
}

/// The actions every screen of this module shares: go to a step, back, restart, print.
pub fn common_action(ctx: &Ctx, action: &crate::page::Action) -> bool {
    match action.name.as_str() {
        "go" => match autonomie_core::session::Stage::from_id(&action.arg) {
            Some(stage) => ctx.act(Action::Go(stage)),
            None => return false,
        },
        "back" => ctx.act(Action::Back),
        "restart" => ctx.act(Action::Restart),
        "print" => ctx.act(Action::Print),
        "close_mediator" => ctx.act(Action::CloseMediator),
        _ => return false,
    }
    true
}
