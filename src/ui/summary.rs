//! The one-page summary a person prints and brings to a mediation point.
//!
//! On screen it is a preview with a print button; the print stylesheet hides everything else
//! and fits it on one A4 page, legible in black and white. The mediator view prints the same
//! sheet from a decoded code.

use autonomie_core::config::Module;
use autonomie_core::orientation::{orient, EquipmentNeed};
use autonomie_core::scoring::{assess, Outcome};
use autonomie_core::session::{ChosenPlace, Session, Stage};
use autonomie_core::share_code::{encode, SharePayload};
use leptos::prelude::*;

use super::chart::{domain_name, level_text, step_bar};
use super::dom::*;
use super::focus_heading;
use crate::clock;
use crate::extras;
use crate::state::Ctx;

pub fn summary(ctx: Ctx) -> AnyView {
    focus_heading(ctx);
    let session = ctx.session.get_untracked();
    let share = ctx.config.with_value(|c| c.has_module(Module::Share));
    let asking = RwSignal::new(false);
    let print_and_count = move || {
        print(ctx);
        ctx.count(|counts, day| counts.record(day, autonomie_core::stats::Event::Printed));
        // On a shared computer, the person's data goes once the page is out.
        if ctx.public.get_untracked() {
            asking.set(true);
            super::public::focus_later(ctx, "#an-printed-title");
        }
    };
    let finish = move || ctx.next_person(crate::state::Notice::NextPerson);
    el(
        "section",
        vec![class("an-screen an-summary-screen")],
        vec![
            el(
                "div",
                vec![class("an-actions an-actions-wrap no-print")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("summary.back"))],
                        move || ctx.go(Stage::Result),
                    ),
                    button(
                        "an-button an-primary",
                        vec![icon("print"), txt(ctx.t("summary.print"))],
                        print_and_count,
                    ),
                    if ctx.public.get_untracked() {
                        button(
                            "an-button an-secondary",
                            vec![txt(ctx.t("nav.finish"))],
                            finish,
                        )
                    } else {
                        nothing()
                    },
                ],
            ),
            super::public::printed_check(ctx, asking),
            text_el(
                "p",
                vec![class("an-hint no-print")],
                ctx.t("summary.print_hint"),
            ),
            summary_sheet(ctx, &session, share),
        ],
    )
}

/// Prints the summary sheet on one page. On the widget's own page the page holds only the
/// widget, so the browser prints it. Embedded in a partner's page, printing the page would print
/// the whole host page (3 A4 pages on the demo town site): the sheet is copied into an empty
/// frame inside the widget's shadow root, with the widget's styles, and the frame is printed.
pub fn print(ctx: Ctx) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let printed_alone = !ctx.own_page && print_in_frame(&ctx).is_some();
    if !printed_alone {
        let _ = window.print();
    }
}

/// The A4 page of the printed sheet (the widget's own page sets it in `page.css`).
const PRINT_PAGE: &str = "@page{size:A4 portrait;margin:10mm}";

fn print_in_frame(ctx: &Ctx) -> Option<()> {
    use wasm_bindgen::{JsCast, JsValue};
    let container = ctx.container.with_value(|c| c.clone());
    let root = container.query_selector(".an-root").ok()??;
    let sheet = root.query_selector(".an-sheet").ok()??;
    let shadow = container.parent_node()?;
    if let Some(old) = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.query_selector(".an-print-frame").ok().flatten())
    {
        old.remove();
    }
    let frame: web_sys::HtmlIFrameElement = container
        .owner_document()?
        .create_element("iframe")
        .ok()?
        .dyn_into()
        .ok()?;
    frame.set_class_name("an-print-frame");
    frame.set_title(&ctx.t("summary.title"));
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    shadow.append_child(&frame).ok()?;
    let frame_window = frame.content_window()?;
    let document = frame.content_document()?;
    let html = document.document_element()?;
    for name in ["lang", "dir"] {
        if let Some(value) = root.get_attribute(name) {
            let _ = html.set_attribute(name, &value);
        }
    }
    let body = document.body()?;
    let page = document.create_element("div").ok()?;
    page.set_class_name(&root.class_name());
    page.append_child(&document.import_node_with_deep(&sheet, true).ok()?)
        .ok()?;
    body.append_child(&page).ok()?;
    // A stylesheet belongs to one document: made with the frame's own constructor.
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&frame_window, &JsValue::from_str("CSSStyleSheet"))
            .ok()?
            .dyn_into()
            .ok()?;
    let styles = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let replace_sync: js_sys::Function =
        js_sys::Reflect::get(&styles, &JsValue::from_str("replaceSync"))
            .ok()?
            .dyn_into()
            .ok()?;
    let text = format!("{}{PRINT_PAGE}", crate::mount::STYLES);
    replace_sync
        .call1(&styles, &JsValue::from_str(&text))
        .ok()?;
    js_sys::Reflect::set(
        &document,
        &JsValue::from_str("adoptedStyleSheets"),
        &js_sys::Array::of1(&styles),
    )
    .ok()?;
    frame_window.print().ok()
}

/// The printable sheet of a session. `share` adds the code and QR code for the mediator.
pub fn summary_sheet(ctx: Ctx, session: &Session, share: bool) -> AnyView {
    let bank = ctx.bank();
    let assessment = assess(bank, session);
    let orientation = orient(bank, &assessment, &session.priorities);
    let goal = |id: &str| ctx.t(&format!("q.{id}.goal"));
    let goals_with = |outcome: Outcome| -> Vec<String> {
        bank.items
            .iter()
            .zip(&assessment.items)
            .filter(|(item, r)| item.goal && r.outcome == outcome)
            .map(|(item, _)| goal(&item.id))
            .collect()
    };
    let column = |title: &str, outcome: Outcome| {
        el(
            "div",
            vec![class("an-goal-column")],
            vec![
                text_el("h3", vec![], ctx.t(title)),
                list_or(goals_with(outcome), ctx.t("summary.none")),
            ],
        )
    };
    let levels = assessment
        .domains
        .iter()
        .map(|d| {
            el(
                "tr",
                vec![],
                vec![
                    text_el("th", vec![at("scope", "row")], domain_name(&ctx, &d.domain)),
                    el(
                        "td",
                        vec![class("an-level-bar")],
                        vec![step_bar(d.level.map_or(0, |l| l.step()))],
                    ),
                    text_el("td", vec![], level_text(&ctx, d.level)),
                ],
            )
        })
        .collect();
    let equipment = EquipmentNeed::ALL
        .into_iter()
        .map(|need| {
            let item_id = need.item_id();
            let has = assessment
                .item(item_id)
                .is_some_and(|r| r.outcome == Outcome::Alone);
            format!(
                "{} : {}",
                goal(item_id),
                ctx.t(if has {
                    "equipment.has"
                } else {
                    "equipment.has_not"
                })
            )
        })
        .collect();
    let joined = |label: &str, texts: Vec<String>| {
        el(
            "p",
            vec![],
            vec![
                text_el("strong", vec![], format!("{} : ", ctx.t(label))),
                txt(texts.join(" · ")),
            ],
        )
    };
    let priorities = if session.priorities.is_empty() {
        text_el("p", vec![], ctx.t("summary.no_priorities"))
    } else {
        el(
            "ol",
            vec![],
            session
                .priorities
                .iter()
                .map(|id| text_el("li", vec![], goal(id)))
                .collect(),
        )
    };
    let day = if session.started_on.is_empty() {
        clock::today_iso()
    } else {
        session.started_on.clone()
    };
    let date = ctx.format(
        "summary.date",
        &[("date", &clock::long_date(&day, ctx.lang()))],
    );
    let name = if session.first_name.is_empty() {
        nothing()
    } else {
        text_el(
            "p",
            vec![],
            ctx.format("summary.name", &[("name", &session.first_name)]),
        )
    };
    let share_block = if share {
        share_block(ctx, session)
    } else {
        nothing()
    };

    el(
        "article",
        vec![class("an-sheet")],
        vec![
            el(
                "header",
                vec![class("an-sheet-head")],
                vec![
                    el(
                        "div",
                        vec![class("an-sheet-who")],
                        vec![
                            text_el(
                                "h2",
                                vec![id("an-summary-title"), at("tabindex", "-1")],
                                ctx.t("summary.title"),
                            ),
                            text_el("p", vec![], date),
                            name,
                        ],
                    ),
                    share_block,
                ],
            ),
            el(
                "div",
                vec![class("an-sheet-top")],
                vec![
                    el(
                        "section",
                        vec![class("an-sheet-levels")],
                        vec![
                            text_el("h3", vec![], ctx.t("summary.levels")),
                            el(
                                "table",
                                vec![class("an-levels")],
                                vec![el("tbody", vec![], levels)],
                            ),
                        ],
                    ),
                    el(
                        "section",
                        vec![class("an-sheet-priorities")],
                        vec![
                            text_el("h3", vec![], ctx.t("summary.priorities")),
                            priorities,
                            text_el("h3", vec![], ctx.t("summary.equipment")),
                            list_or(equipment, String::new()),
                        ],
                    ),
                ],
            ),
            el(
                "section",
                vec![class("an-sheet-can")],
                vec![
                    column("summary.can_alone", Outcome::Alone),
                    column("summary.can_help", Outcome::WithHelp),
                    column("summary.not_yet", Outcome::NotYet),
                ],
            ),
            el(
                "section",
                vec![class("an-sheet-orientation")],
                vec![
                    text_el("h3", vec![], ctx.t("summary.orientation")),
                    joined(
                        "orientation.help_title",
                        orientation
                            .help
                            .iter()
                            .map(|k| ctx.t(k.i18n_key()))
                            .collect(),
                    ),
                    joined(
                        "orientation.services_title",
                        orientation
                            .services
                            .iter()
                            .map(|s| ctx.t(&s.i18n_key()))
                            .collect(),
                    ),
                    if orientation.equipment.is_empty() {
                        nothing()
                    } else {
                        text_el("p", vec![], ctx.t("orientation.equipment_text"))
                    },
                ],
            ),
            session
                .chosen_place
                .as_ref()
                .map_or_else(nothing, |place| place_section(&ctx, place)),
            el(
                "section",
                vec![class("an-sheet-notes")],
                vec![
                    text_el("h3", vec![], ctx.t("summary.notes")),
                    el("div", vec![class("an-notes-area")], vec![]),
                ],
            ),
            el(
                "footer",
                vec![class("an-sheet-foot")],
                vec![text_el("p", vec![], ctx.t("summary.local_only"))],
            ),
        ],
    )
}

pub fn place_section(ctx: &Ctx, place: &ChosenPlace) -> AnyView {
    let mut lines = vec![
        text_el("h3", vec![], ctx.t("summary.place")),
        text_el("p", vec![], format!("{} — {}", place.name, place.address)),
    ];
    if !place.phone.is_empty() {
        lines.push(text_el(
            "p",
            vec![],
            format!("{} {}", ctx.t("summary.phone"), place.phone),
        ));
    }
    if !place.hours.is_empty() {
        lines.push(text_el(
            "p",
            vec![],
            format!("{} {}", ctx.t("summary.place_hours"), place.hours),
        ));
    }
    if !place.services.is_empty() {
        let names: Vec<String> = place
            .services
            .iter()
            .map(|id| ctx.t(&format!("service.{id}")))
            .collect();
        lines.push(text_el(
            "p",
            vec![],
            format!("{} {}", ctx.t("summary.place_offers"), names.join(", ")),
        ));
    }
    el("section", vec![class("an-sheet-place")], lines)
}

/// The printed code, read aloud on the phone or typed by a mediator: left to right even in
/// Arabic, and on a narrow screen wrapped between its groups of 4, never inside one. Each group
/// keeps its dash, so the text copied is the code as printed.
fn code_view(code: &str) -> AnyView {
    let groups = code.split('-').collect::<Vec<_>>();
    let last = groups.len().saturating_sub(1);
    let spans = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let text = if index < last {
                format!("{group}-")
            } else {
                group.to_string()
            };
            text_el("span", vec![class("an-code-group")], text)
        })
        .collect();
    el(
        "p",
        vec![class("an-code"), at("dir", "ltr"), at("translate", "no")],
        spans,
    )
}

/// The short code and its QR code, which opens the mediator view on the widget's own page.
fn share_block(ctx: Ctx, session: &Session) -> AnyView {
    let Ok(code) = SharePayload::from_session(session).and_then(|payload| encode(&payload)) else {
        return nothing();
    };
    let base = ctx.base_url.get_value();
    // A QR code only makes sense with an absolute address to open.
    let url = (base.starts_with("https://") || base.starts_with("http://"))
        .then(|| format!("{base}index.html#m={code}"));
    let drawing = RwSignal::new(None::<(String, String)>);
    if let Some(url) = url {
        leptos::task::spawn_local(async move {
            if let Ok(drawn) = extras::call("qr_path", &[url.into()]).await {
                if let Some((size, path)) = drawn.split_once('|') {
                    drawing.set(Some((size.to_string(), path.to_string())));
                }
            }
        });
    }
    let qr = move || match drawing.get() {
        Some((size, path)) => svg(
            vec![
                class("an-qr"),
                at("viewBox", format!("0 0 {size} {size}")),
                at("role", "img"),
                at("aria-label", ctx.t("summary.qr_label")),
                at("shape-rendering", "crispEdges"),
            ],
            vec![
                svg_rect(vec![
                    at("width", size.clone()),
                    at("height", size),
                    class("an-qr-light"),
                ]),
                svg_path_owned(path),
            ],
        ),
        None => nothing(),
    };
    el(
        "div",
        vec![class("an-share")],
        vec![
            reactive(qr),
            el(
                "div",
                vec![],
                vec![
                    text_el("h3", vec![], ctx.t("summary.share_title")),
                    code_view(&code),
                    text_el("p", vec![class("an-small")], ctx.t("summary.share_hint")),
                ],
            ),
        ],
    )
}
