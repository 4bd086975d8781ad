//! The staff view of a public computer: a PIN chosen on first use, then the public-computer
//! switch, the anonymous activity counts for a period (table and chart), their CSV export and
//! their reset. It touches only this computer's staff data (`…:staff`, `…:stats`).

use crate::k;
use autonomie_core::i18n::Key;
use autonomie_ui::texts::Texts;
use std::sync::Arc;

use autonomie_core::i18n::Catalog;
use autonomie_core::json::Json;
use autonomie_core::national::Category;
use autonomie_core::pin::{is_valid_pin, PinRecord};
use autonomie_core::services::Service;
use autonomie_core::stats::shown;
use autonomie_core::stats::ActivityCounts;
use autonomie_ui::dom::*;
use autonomie_ui::storage::{Loaded, Persistence, Store, PIN, STATS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use autonomie_ui::screen::{read_settings, Screen};

/// The French texts only this module shows (see `build.rs`).
const STAFF_FRENCH: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-staff.json"));

/// Wrong PINs in a row before a pause.
const MAX_ATTEMPTS: u32 = 5;

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

fn random_salt() -> Option<[u8; 16]> {
    let mut salt = [0u8; 16];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut salt)
        .ok()?;
    Some(salt)
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

fn pin_input(
    id_attr: &'static str,
    describedby: &'static str,
    value: RwSignal<String>,
    on_done: impl FnMut() + 'static,
) -> AnyView {
    h("input")
        .id(id_attr)
        .attr("type", "password")
        .attr("inputmode", "numeric")
        .attr("autocomplete", "off")
        .attr("maxlength", "8")
        .attr("aria-describedby", describedby)
        .on_value(ValueEvent::Input, move |v| value.set(v))
        .on_enter(on_done)
        .into_any()
}

fn message(text: RwSignal<Option<String>>) -> AnyView {
    reactive_text(move || text.get().unwrap_or_default())
}

fn choose_pin(ctx: Ctx) -> AnyView {
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move || {
        let pin = first.get_untracked();
        if !is_valid_pin(&pin) {
            error.set(Some(ctx.t(k::staff::PIN_INVALID)));
        } else if pin != again.get_untracked() {
            error.set(Some(ctx.t(k::staff::PIN_MISMATCH)));
        } else {
            match random_salt() {
                Some(salt) => {
                    let saved = ctx
                        .host
                        .with_value(|h| h.store.save(PIN, &PinRecord::new(&pin, salt)).is_ok());
                    if saved {
                        ctx.step.set(Step::Open);
                        ctx.focus_heading();
                    } else {
                        error.set(Some(ctx.t(k::staff::STORAGE_BLOCKED)));
                    }
                }
                None => error.set(Some(ctx.t(k::staff::STORAGE_BLOCKED))),
            }
        }
    };
    screen(
        ctx,
        k::staff::TITLE,
        vec![
            h("p").child(ctx.t(k::staff::CHOOSE_INTRO)).into_any(),
            h("form")
                .class("an-start")
                .no_submit()
                .child(
                    h("label")
                        .attr("for", "an-pin-new")
                        .child(ctx.t(k::staff::PIN_NEW)),
                )
                .child(
                    h("p")
                        .class("an-hint")
                        .id("an-pin-hint")
                        .child(ctx.t(k::staff::PIN_HINT)),
                )
                .child(pin_input("an-pin-new", "an-pin-hint", first, save))
                .child(
                    h("label")
                        .attr("for", "an-pin-again")
                        .child(ctx.t(k::staff::PIN_AGAIN)),
                )
                .child(pin_input("an-pin-again", "an-pin-hint", again, save))
                .child(
                    h("p")
                        .class("an-error")
                        .attr("role", "alert")
                        .child(message(error)),
                )
                .child(button("an-button an-primary", save).child(ctx.t(k::staff::PIN_SAVE)))
                .into_any(),
        ],
    )
}

fn unlock(ctx: Ctx) -> AnyView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let attempts = StoredValue::new(0u32);
    let paused_until = StoredValue::new(0.0f64);
    let check = move || {
        let now = js_sys::Date::now();
        if now < paused_until.get_value() {
            error.set(Some(ctx.t(k::staff::PIN_PAUSED)));
            return;
        }
        let pin = typed.get_untracked();
        if let Some(record) = ctx.pin().filter(|record| record.verify(&pin)) {
            // A PIN stored by an older version is stored again with the current scheme. If
            // that fails (storage full), the older record still unlocks: nothing is lost.
            if record.needs_rehash() {
                if let Some(salt) = random_salt() {
                    let _ = ctx
                        .host
                        .with_value(|h| h.store.save(PIN, &PinRecord::new(&pin, salt)));
                }
            }
            ctx.step.set(Step::Open);
            ctx.focus_heading();
            return;
        }
        attempts.update_value(|a| *a += 1);
        if attempts.get_value() >= MAX_ATTEMPTS {
            attempts.set_value(0);
            paused_until.set_value(now + 30_000.0);
            error.set(Some(ctx.t(k::staff::PIN_PAUSED)));
        } else {
            error.set(Some(ctx.t(k::staff::PIN_WRONG)));
        }
    };
    screen(
        ctx,
        k::staff::TITLE,
        vec![h("form")
            .class("an-start")
            .no_submit()
            .child(h("label").attr("for", "an-pin").child(ctx.t(k::staff::PIN)))
            .child(
                h("p")
                    .class("an-hint")
                    .id("an-pin-hint")
                    .child(ctx.t(k::staff::PIN_HINT)),
            )
            .child(pin_input("an-pin", "an-pin-hint", typed, check))
            .child(
                h("p")
                    .class("an-error")
                    .attr("role", "alert")
                    .child(message(error)),
            )
            .child(button("an-button an-primary", check).child(ctx.t(k::staff::UNLOCK)))
            .into_any()],
    )
}

fn first_of_month(today: &str) -> String {
    format!("{}-01", today.get(..7).unwrap_or("2025-01"))
}

fn dashboard(ctx: Ctx) -> AnyView {
    let to = RwSignal::new(autonomie_ui::clock::today_iso());
    let from = RwSignal::new(first_of_month(&to.get_untracked()));
    let counts = RwSignal::new(ctx.counts());
    let confirm_reset = RwSignal::new(false);

    let public_switch = {
        let forced = ctx.host.with_value(|h| h.public_forced);
        let mut input = h("input")
            .attr("type", "checkbox")
            .id("an-public")
            .prop_bool("checked", move || ctx.public.get())
            .on_checked(move |on| {
                ctx.public.set(on);
                ctx.host.with_value(|h| {
                    let _ = h.set_public.call1(
                        &JsValue::NULL,
                        &JsValue::from_str(if on { "on" } else { "off" }),
                    );
                });
            });
        if forced {
            input = input.attr("disabled", "");
        }
        h("div")
            .class("an-box")
            .child(
                h("label")
                    .class("an-check")
                    .attr("for", "an-public")
                    .child(input)
                    .child(h("span").child(ctx.t(k::staff::PUBLIC_MODE))),
            )
            .child(h("p").class("an-hint").child(ctx.t(if forced {
                k::staff::PUBLIC_FORCED
            } else {
                k::staff::PUBLIC_HINT
            })))
            .into_any()
    };

    let date_field = |key: Key, id_attr: &'static str, value: RwSignal<String>| {
        h("div")
            .class("an-date")
            .child(h("label").attr("for", id_attr).child(ctx.t(key)))
            .child(
                h("input")
                    .id(id_attr)
                    .attr("type", "date")
                    .attr("value", value.get_untracked())
                    .on_value(ValueEvent::Change, move |v| {
                        if v.len() == 10 {
                            value.set(v)
                        }
                    }),
            )
            .into_any()
    };

    let figures = move || {
        let counts = counts.get();
        let (from, to) = (from.get(), to.get());
        let total = counts.total(&from, &to);
        let row = |label: String, value: u32| {
            h("tr")
                .child(h("th").attr("scope", "row").child(label))
                .child(h("td").child(shown(value)))
                .into_any()
        };
        let summary = h("table")
            .class("an-levels")
            .child(
                h("tbody")
                    .child(row(ctx.t(k::staff::STARTED), total.started))
                    .child(row(ctx.t(k::staff::FINISHED), total.finished))
                    .child(row(ctx.t(k::staff::PRINTED), total.printed)),
            )
            .into_any();
        let level_keys = [
            k::level::TO_DISCOVER,
            k::level::BEGINNER,
            k::level::WITH_HELP,
            k::level::AUTONOMOUS,
        ];
        let domains = ctx.host.with_value(|h| h.domains.clone());
        let levels = h("table")
            .class("an-levels an-staff-levels")
            .child(
                h("thead").child(
                    h("tr").children(
                        std::iter::once(
                            h("th")
                                .attr("scope", "col")
                                .child(ctx.t(k::result::TABLE_DOMAIN))
                                .into_any(),
                        )
                        .chain(
                            level_keys.iter().map(|key| {
                                h("th").attr("scope", "col").child(ctx.t(*key)).into_any()
                            }),
                        )
                        .collect(),
                    ),
                ),
            )
            .child(
                h("tbody").children(
                    domains
                        .iter()
                        .map(|domain| {
                            let reached = total.levels.get(domain).copied().unwrap_or_default();
                            h("tr")
                                .children(
                                    std::iter::once(
                                        h("th")
                                            .attr("scope", "row")
                                            .child(
                                                ctx.t(Key::computed(&format!("domain.{domain}"))),
                                            )
                                            .into_any(),
                                    )
                                    .chain(
                                        reached.iter().map(|n| h("td").child(shown(*n)).into_any()),
                                    )
                                    .collect(),
                                )
                                .into_any()
                        })
                        .collect(),
                ),
            )
            .into_any();
        let services = h("table")
            .class("an-levels")
            .child(
                h("tbody").children(
                    Service::ALL
                        .iter()
                        .map(|s| {
                            row(
                                ctx.t(Key::computed(&s.i18n_key())),
                                total.services.get(s.id()).copied().unwrap_or(0),
                            )
                        })
                        .collect(),
                ),
            )
            .into_any();
        let national = if total.national.is_empty() {
            nothing()
        } else {
            vec![
                h("h3").child(ctx.t(k::staff::NATIONAL)).into_any(),
                h("table")
                    .class("an-levels an-staff-national")
                    .child(
                        h("tbody").children(
                            Category::ALL
                                .iter()
                                .map(|c| {
                                    row(
                                        ctx.t(Key::computed(&c.i18n_key())),
                                        total.national.get(c.id()).copied().unwrap_or(0),
                                    )
                                })
                                .collect(),
                        ),
                    )
                    .into_any(),
            ]
            .into_any()
        };
        let csv = counts.to_csv(
            &from,
            &to,
            &domains.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        vec![
            h("h3")
                .child(ctx.format(k::staff::PERIOD_TITLE, &[("from", &from), ("to", &to)]))
                .into_any(),
            summary,
            chart(ctx, &counts, &from, &to),
            h("h3").child(ctx.t(k::staff::LEVELS)).into_any(),
            h("p")
                .class("an-hint")
                .child(ctx.t(k::staff::PRIVACY))
                .into_any(),
            levels,
            h("h3").child(ctx.t(k::staff::SERVICES)).into_any(),
            services,
            national,
            export_link(ctx, csv, &from, &to),
        ]
        .into_any()
    };

    let reset = move || {
        if confirm_reset.get() {
            h("div")
                .class("an-confirm")
                .attr("role", "group")
                .attr("aria-label", ctx.t(k::staff::RESET))
                .child(h("p").child(ctx.t(k::staff::RESET_CONFIRM)))
                .child(
                    button("an-button an-danger", move || {
                        ctx.host.with_value(|h| h.store.remove(STATS));
                        counts.set(ActivityCounts::default());
                        confirm_reset.set(false);
                    })
                    .child(ctx.t(k::staff::RESET_YES)),
                )
                .child(
                    button("an-button an-secondary", move || confirm_reset.set(false))
                        .child(ctx.t(k::settings::FORGET_NO)),
                )
                .into_any()
        } else {
            vec![
                button("an-button an-secondary", move || confirm_reset.set(true))
                    .child(ctx.t(k::staff::RESET))
                    .into_any(),
                button("an-button an-secondary", move || {
                    ctx.host.with_value(|h| h.store.remove(PIN));
                    ctx.step.set(Step::Choose);
                })
                .child(ctx.t(k::staff::CHANGE_PIN))
                .into_any(),
            ]
            .into_any()
        }
    };

    screen(
        ctx,
        k::staff::TITLE,
        vec![
            public_switch,
            h("p").child(ctx.t(k::staff::COUNTS_INTRO)).into_any(),
            h("div")
                .class("an-inline")
                .child(date_field(k::staff::FROM, "an-from", from))
                .child(date_field(k::staff::TO, "an-to", to))
                .into_any(),
            reactive(figures),
            h("div")
                .class("an-actions an-actions-wrap")
                .child(reactive(reset))
                .into_any(),
        ],
    )
}

/// Finished assessments per day over the period, as bars; the table above says the same.
fn chart(ctx: Ctx, counts: &ActivityCounts, from: &str, to: &str) -> AnyView {
    let days: Vec<(&String, u32)> = counts
        .days
        .range(from.to_string()..=to.to_string())
        .map(|(day, c)| (day, c.finished))
        .collect();
    if days.is_empty() {
        return h("p").child(ctx.t(k::staff::NOTHING_YET)).into_any();
    }
    let highest = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = 12 * days.len();
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let height = 60 * n / highest;
            h("g")
                .child(svg_rect(vec![
                    class("an-step an-step-on"),
                    at("x", (i * 12 + 1).to_string()),
                    at("y", (60 - height).to_string()),
                    at("width", "10"),
                    at("height", height.max(1).to_string()),
                    at("data-day", day.to_string()),
                ]))
                .into_any()
        })
        .collect();
    h("figure")
        .class("an-chart")
        .child(h("figcaption").child(ctx.t(k::staff::CHART_TITLE)))
        .child(svg(
            vec![
                class("an-staff-chart"),
                at("viewBox", format!("0 0 {width} 60")),
                at("role", "img"),
                at("aria-label", ctx.t(k::staff::CHART_TITLE)),
                at("preserveAspectRatio", "none"),
            ],
            bars,
        ))
        .into_any()
}

/// A download link for the CSV of the period, built in the browser (nothing is sent).
fn export_link(ctx: Ctx, csv: String, from: &str, to: &str) -> AnyView {
    let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok());
    let Some(url) = url else {
        return nothing();
    };
    h("p")
        .child(
            h("a")
                .class("an-button an-primary an-export")
                .attr("href", url)
                .attr(
                    "download",
                    format!("activite-autonomie-numerique-{from}-{to}.csv"),
                )
                .child(ctx.t(k::staff::EXPORT)),
        )
        .into_any()
}
