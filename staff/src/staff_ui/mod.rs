//! The staff view of a public computer: a PIN chosen on first use, then the public-computer
//! switch, the anonymous activity counts for a period (table and chart), their CSV export and
//! their reset. It touches only this computer's staff data (`…:staff`, `…:stats`).
//!
//! This file holds the view's context (`Ctx`), its mount, the frame every step shows in and
//! the open view put together. Its parts: `pin.rs` (choosing and typing the PIN), `counts.rs`
//! (the period, the tables and chart of the counts, their CSV export) and `settings.rs` (the
//! public-computer switch, resetting the counts or the PIN). Its CSS is `staff.css`, beside them.

mod counts;
mod pin;
mod settings;

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;
use std::sync::Arc;

use autonomie_core::i18n::Catalog;
use autonomie_core::json::Json;
use autonomie_core::pin::PinRecord;
use autonomie_core::stats::ActivityCounts;
use autonomie_ui::dom::*;
use autonomie_ui::storage::{Loaded, Persistence, Store, PIN, STATS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use autonomie_ui::screen::{read_settings, Screen};
use counts::{date_field, figures, first_of_month};
use pin::{choose_pin, unlock};
use settings::{public_switch, reset};

/// The French texts only this module shows (see `build.rs`).
const STAFF_FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-staff.json"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// No PIN yet: staff choose one.
    Choose,
    /// A PIN exists: staff type it.
    Locked,
    Open,
}

struct Host {
    texts: Arc<Catalog>,
    store: Store,
    domains: Vec<String>,
    public_forced: bool,
    close: js_sys::Function,
    set_public: js_sys::Function,
    container: web_sys::HtmlElement,
}

#[derive(Clone, Copy)]
struct Ctx {
    host: StoredValue<Host, LocalStorage>,
    step: RwSignal<Step>,
    public: RwSignal<bool>,
}

impl Texts for Ctx {
    fn with_catalog<R>(&self, read: impl FnOnce(&Catalog) -> R) -> R {
        self.host.with_value(|h| read(&h.texts))
    }
}

impl Ctx {
    fn pin(&self) -> Option<PinRecord> {
        self.host
            .with_value(|h| match h.store.load::<PinRecord>(PIN) {
                Loaded::Found(record) => Some(record),
                _ => None,
            })
    }

    fn counts(&self) -> ActivityCounts {
        self.host
            .with_value(|h| match h.store.load::<ActivityCounts>(STATS) {
                Loaded::Found(counts) => counts,
                _ => ActivityCounts::default(),
            })
    }

    fn focus_heading(&self) {
        let host = self.host;
        leptos::task::spawn_local(async move {
            host.with_value(|h| autonomie_ui::focus::focus(&h.container, "h2"));
        });
    }
}

/// Mounts the staff view. `settings` is JSON: `{"key", "lang", "public", "public_forced",
/// "domains": [ids]}`. `close()` leaves the view; `set_public("on" | "off")` switches the
/// public-computer mode of the widget.
#[wasm_bindgen]
pub fn staff_ui_mount(
    container: web_sys::HtmlElement,
    settings: String,
    texts: String,
    close: js_sys::Function,
    set_public: js_sys::Function,
) -> Screen {
    let (settings, texts) = read_settings(&settings, &texts, STAFF_FRENCH);
    let text = |key: &str| settings.get(key).and_then(Json::as_str).map(str::to_string);
    let flag = |key: &str| settings.get(key).and_then(Json::as_bool).unwrap_or(false);
    let (store, _) = Store::open(
        &text("key").unwrap_or_else(|| "default".into()),
        Persistence::Device,
    );
    let host = Host {
        texts: Arc::new(texts),
        store,
        domains: autonomie_core::json::read_strings(settings.get("domains")).unwrap_or_default(),
        public_forced: flag("public_forced"),
        close,
        set_public,
        container: container.clone(),
    };
    let public = flag("public");
    Screen::mount(container, move || {
        let host = StoredValue::new_local(host);
        let has_pin =
            host.with_value(|h| matches!(h.store.load::<PinRecord>(PIN), Loaded::Found(_)));
        let ctx = Ctx {
            host,
            step: RwSignal::new(if has_pin { Step::Locked } else { Step::Choose }),
            public: RwSignal::new(public),
        };
        ctx.focus_heading();
        reactive(move || match ctx.step.get() {
            Step::Choose => choose_pin(ctx),
            Step::Locked => unlock(ctx),
            Step::Open => dashboard(ctx),
        })
    })
}

fn screen(ctx: Ctx, title_key: Key, body: Nodes) -> AnyView {
    let mut children = vec![h("h2")
        .id("an-staff-title")
        .attr("tabindex", "-1")
        .child(ctx.t(title_key))
        .into_any()];
    children.extend(body);
    children.push(
        h("div")
            .class("an-actions an-actions-wrap")
            .child(
                button("an-button an-secondary", move || {
                    ctx.host.with_value(|h| {
                        let _ = h.close.call0(&JsValue::NULL);
                    })
                })
                .child(ctx.t(k::module::CLOSE)),
            )
            .into_any(),
    );
    h("section")
        .class("an-screen an-staff")
        .children(children)
        .into_any()
}

/// The open view: the public-computer switch, the period and its counts, then the row that
/// resets the counts or the PIN.
fn dashboard(ctx: Ctx) -> AnyView {
    let to = RwSignal::new(autonomie_ui::clock::today_iso());
    let from = RwSignal::new(first_of_month(&to.get_untracked()));
    let counts = RwSignal::new(ctx.counts());
    let confirm_reset = RwSignal::new(false);

    screen(
        ctx,
        k::staff::TITLE,
        vec![
            public_switch(ctx),
            h("p").child(ctx.t(k::staff::COUNTS_INTRO)).into_any(),
            h("div")
                .class("an-inline")
                .child(date_field(ctx, k::staff::FROM, "an-from", from))
                .child(date_field(ctx, k::staff::TO, "an-to", to))
                .into_any(),
            reactive(move || figures(ctx, counts, from, to)),
            h("div")
                .class("an-actions an-actions-wrap")
                .child(reactive(move || reset(ctx, counts, confirm_reset)))
                .into_any(),
        ],
    )
}
