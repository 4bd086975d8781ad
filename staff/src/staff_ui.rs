//! The staff view of a public computer: a PIN chosen on first use, then the public-computer
//! switch, the anonymous activity counts for a period (table and chart), their CSV export and
//! their reset. It touches only this computer's staff data (`…:staff`, `…:stats`).

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
use wasm_bindgen::JsCast;

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

impl Ctx {
    fn t(&self, key: &str) -> String {
        self.host.with_value(|h| h.texts.text(key))
    }

    fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.host.with_value(|h| h.texts.format(key, args))
    }

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
            host.with_value(|h| {
                let heading = h.container.query_selector("h2").ok().flatten();
                if let Some(heading) =
                    heading.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = heading.focus();
                }
            });
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

fn screen(ctx: Ctx, title_key: &str, body: Nodes) -> AnyView {
    let mut children = vec![text_el(
        "h2",
        vec![id("an-staff-title"), at("tabindex", "-1")],
        ctx.t(title_key),
    )];
    children.extend(body);
    children.push(el(
        "div",
        vec![class("an-actions an-actions-wrap")],
        vec![button(
            "an-button an-secondary",
            vec![txt(ctx.t("module.close"))],
            move || {
                ctx.host.with_value(|h| {
                    let _ = h.close.call0(&JsValue::NULL);
                })
            },
        )],
    ));
    el("section", vec![class("an-screen an-staff")], children)
}

fn pin_input(
    id_attr: &'static str,
    describedby: &'static str,
    value: RwSignal<String>,
    on_done: impl FnMut() + 'static,
) -> AnyView {
    el(
        "input",
        vec![
            id(id_attr),
            at("type", "password"),
            at("inputmode", "numeric"),
            at("autocomplete", "off"),
            at("maxlength", "8"),
            at("aria-describedby", describedby),
            on_value(ValueEvent::Input, move |v| value.set(v)),
            on_enter(on_done),
        ],
        vec![],
    )
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
            error.set(Some(ctx.t("staff.pin_invalid")));
        } else if pin != again.get_untracked() {
            error.set(Some(ctx.t("staff.pin_mismatch")));
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
                        error.set(Some(ctx.t("staff.storage_blocked")));
                    }
                }
                None => error.set(Some(ctx.t("staff.storage_blocked"))),
            }
        }
    };
    screen(
        ctx,
        "staff.title",
        vec![
            text_el("p", vec![], ctx.t("staff.choose_intro")),
            el(
                "form",
                vec![class("an-start"), no_submit()],
                vec![
                    text_el(
                        "label",
                        vec![at("for", "an-pin-new")],
                        ctx.t("staff.pin_new"),
                    ),
                    text_el(
                        "p",
                        vec![class("an-hint"), id("an-pin-hint")],
                        ctx.t("staff.pin_hint"),
                    ),
                    pin_input("an-pin-new", "an-pin-hint", first, save),
                    text_el(
                        "label",
                        vec![at("for", "an-pin-again")],
                        ctx.t("staff.pin_again"),
                    ),
                    pin_input("an-pin-again", "an-pin-hint", again, save),
                    el(
                        "p",
                        vec![class("an-error"), at("role", "alert")],
                        vec![message(error)],
                    ),
                    button(
                        "an-button an-primary",
                        vec![txt(ctx.t("staff.pin_save"))],
                        save,
                    ),
                ],
            ),
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
            error.set(Some(ctx.t("staff.pin_paused")));
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
            error.set(Some(ctx.t("staff.pin_paused")));
        } else {
            error.set(Some(ctx.t("staff.pin_wrong")));
        }
    };
    screen(
        ctx,
        "staff.title",
        vec![el(
            "form",
            vec![class("an-start"), no_submit()],
            vec![
                text_el("label", vec![at("for", "an-pin")], ctx.t("staff.pin")),
                text_el(
                    "p",
                    vec![class("an-hint"), id("an-pin-hint")],
                    ctx.t("staff.pin_hint"),
                ),
                pin_input("an-pin", "an-pin-hint", typed, check),
                el(
                    "p",
                    vec![class("an-error"), at("role", "alert")],
                    vec![message(error)],
                ),
                button(
                    "an-button an-primary",
                    vec![txt(ctx.t("staff.unlock"))],
                    check,
                ),
            ],
        )],
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
        let mut attrs = vec![
            at("type", "checkbox"),
            id("an-public"),
            prop_bool("checked", move || ctx.public.get()),
            on_checked(move |on| {
                ctx.public.set(on);
                ctx.host.with_value(|h| {
                    let _ = h.set_public.call1(
                        &JsValue::NULL,
                        &JsValue::from_str(if on { "on" } else { "off" }),
                    );
                });
            }),
        ];
        if forced {
            attrs.push(at("disabled", ""));
        }
        el(
            "div",
            vec![class("an-box")],
            vec![
                el(
                    "label",
                    vec![class("an-check"), at("for", "an-public")],
                    vec![
                        el("input", attrs, vec![]),
                        text_el("span", vec![], ctx.t("staff.public_mode")),
                    ],
                ),
                text_el(
                    "p",
                    vec![class("an-hint")],
                    ctx.t(if forced {
                        "staff.public_forced"
                    } else {
                        "staff.public_hint"
                    }),
                ),
            ],
        )
    };

    let date_field = |key: &str, id_attr: &'static str, value: RwSignal<String>| {
        el(
            "div",
            vec![class("an-date")],
            vec![
                text_el("label", vec![at("for", id_attr)], ctx.t(key)),
                el(
                    "input",
                    vec![
                        id(id_attr),
                        at("type", "date"),
                        at("value", value.get_untracked()),
                        on_value(ValueEvent::Change, move |v| {
                            if v.len() == 10 {
                                value.set(v)
                            }
                        }),
                    ],
                    vec![],
                ),
            ],
        )
    };

    let figures = move || {
        let counts = counts.get();
        let (from, to) = (from.get(), to.get());
        let total = counts.total(&from, &to);
        let row = |label: String, value: u32| {
            el(
                "tr",
                vec![],
                vec![
                    text_el("th", vec![at("scope", "row")], label),
                    text_el("td", vec![], shown(value)),
                ],
            )
        };
        let summary = el(
            "table",
            vec![class("an-levels")],
            vec![el(
                "tbody",
                vec![],
                vec![
                    row(ctx.t("staff.started"), total.started),
                    row(ctx.t("staff.finished"), total.finished),
                    row(ctx.t("staff.printed"), total.printed),
                ],
            )],
        );
        let level_keys = [
            "level.to_discover",
            "level.beginner",
            "level.with_help",
            "level.autonomous",
        ];
        let domains = ctx.host.with_value(|h| h.domains.clone());
        let levels = el(
            "table",
            vec![class("an-levels an-staff-levels")],
            vec![
                el(
                    "thead",
                    vec![],
                    vec![el(
                        "tr",
                        vec![],
                        std::iter::once(text_el(
                            "th",
                            vec![at("scope", "col")],
                            ctx.t("result.table_domain"),
                        ))
                        .chain(
                            level_keys
                                .iter()
                                .map(|k| text_el("th", vec![at("scope", "col")], ctx.t(k))),
                        )
                        .collect(),
                    )],
                ),
                el(
                    "tbody",
                    vec![],
                    domains
                        .iter()
                        .map(|domain| {
                            let reached = total.levels.get(domain).copied().unwrap_or_default();
                            el(
                                "tr",
                                vec![],
                                std::iter::once(text_el(
                                    "th",
                                    vec![at("scope", "row")],
                                    ctx.t(&format!("domain.{domain}")),
                                ))
                                .chain(reached.iter().map(|n| text_el("td", vec![], shown(*n))))
                                .collect(),
                            )
                        })
                        .collect(),
                ),
            ],
        );
        let services = el(
            "table",
            vec![class("an-levels")],
            vec![el(
                "tbody",
                vec![],
                Service::ALL
                    .iter()
                    .map(|s| {
                        row(
                            ctx.t(&s.i18n_key()),
                            total.services.get(s.id()).copied().unwrap_or(0),
                        )
                    })
                    .collect(),
            )],
        );
        let national = if total.national.is_empty() {
            nothing()
        } else {
            vec![
                text_el("h3", vec![], ctx.t("staff.national")),
                el(
                    "table",
                    vec![class("an-levels an-staff-national")],
                    vec![el(
                        "tbody",
                        vec![],
                        Category::ALL
                            .iter()
                            .map(|c| {
                                row(
                                    ctx.t(&c.i18n_key()),
                                    total.national.get(c.id()).copied().unwrap_or(0),
                                )
                            })
                            .collect(),
                    )],
                ),
            ]
            .into_any()
        };
        let csv = counts.to_csv(
            &from,
            &to,
            &domains.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        vec![
            text_el(
                "h3",
                vec![],
                ctx.format("staff.period_title", &[("from", &from), ("to", &to)]),
            ),
            summary,
            chart(ctx, &counts, &from, &to),
            text_el("h3", vec![], ctx.t("staff.levels")),
            text_el("p", vec![class("an-hint")], ctx.t("staff.privacy")),
            levels,
            text_el("h3", vec![], ctx.t("staff.services")),
            services,
            national,
            export_link(ctx, csv, &from, &to),
        ]
        .into_any()
    };

    let reset = move || {
        if confirm_reset.get() {
            el(
                "div",
                vec![
                    class("an-confirm"),
                    at("role", "group"),
                    at("aria-label", ctx.t("staff.reset")),
                ],
                vec![
                    text_el("p", vec![], ctx.t("staff.reset_confirm")),
                    button(
                        "an-button an-danger",
                        vec![txt(ctx.t("staff.reset_yes"))],
                        move || {
                            ctx.host.with_value(|h| h.store.remove(STATS));
                            counts.set(ActivityCounts::default());
                            confirm_reset.set(false);
                        },
                    ),
                    button(
                        "an-button an-secondary",
                        vec![txt(ctx.t("settings.forget_no"))],
                        move || confirm_reset.set(false),
                    ),
                ],
            )
        } else {
            vec![
                button(
                    "an-button an-secondary",
                    vec![txt(ctx.t("staff.reset"))],
                    move || confirm_reset.set(true),
                ),
                button(
                    "an-button an-secondary",
                    vec![txt(ctx.t("staff.change_pin"))],
                    move || {
                        ctx.host.with_value(|h| h.store.remove(PIN));
                        ctx.step.set(Step::Choose);
                    },
                ),
            ]
            .into_any()
        }
    };

    screen(
        ctx,
        "staff.title",
        vec![
            public_switch,
            text_el("p", vec![], ctx.t("staff.counts_intro")),
            el(
                "div",
                vec![class("an-inline")],
                vec![
                    date_field("staff.from", "an-from", from),
                    date_field("staff.to", "an-to", to),
                ],
            ),
            reactive(figures),
            el(
                "div",
                vec![class("an-actions an-actions-wrap")],
                vec![reactive(reset)],
            ),
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
        return text_el("p", vec![], ctx.t("staff.nothing_yet"));
    }
    let highest = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = 12 * days.len();
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let height = 60 * n / highest;
            el(
                "g",
                vec![],
                vec![svg_rect(vec![
                    class("an-step an-step-on"),
                    at("x", (i * 12 + 1).to_string()),
                    at("y", (60 - height).to_string()),
                    at("width", "10"),
                    at("height", height.max(1).to_string()),
                    at("data-day", day.to_string()),
                ])],
            )
        })
        .collect();
    el(
        "figure",
        vec![class("an-chart")],
        vec![
            text_el("figcaption", vec![], ctx.t("staff.chart_title")),
            svg(
                vec![
                    class("an-staff-chart"),
                    at("viewBox", format!("0 0 {width} 60")),
                    at("role", "img"),
                    at("aria-label", ctx.t("staff.chart_title")),
                    at("preserveAspectRatio", "none"),
                ],
                bars,
            ),
        ],
    )
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
    el(
        "p",
        vec![],
        vec![el(
            "a",
            vec![
                class("an-button an-primary an-export"),
                at("href", url),
                at(
                    "download",
                    format!("activite-autonomie-numerique-{from}-{to}.csv"),
                ),
            ],
            vec![txt(ctx.t("staff.export"))],
        )],
    )
}
