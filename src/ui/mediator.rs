//! The mediator's view: a code from a printed summary (typed, or in the URL of its QR code)
//! shows the person's result on the mediator's device. Read-only: nothing is stored unless the
//! mediator asks for it.

use autonomie_core::bank::ItemKind;
use autonomie_core::envelope::Stored;
use autonomie_core::json::Json;
use autonomie_core::scoring::{assess, Outcome};
use autonomie_core::session::{ChosenPlace, Session};
use autonomie_core::share_code::{decode, ShareCodeError};
use leptos::prelude::*;

use super::dom::*;
use super::focus_heading;
use super::summary::{print, summary_sheet};
use crate::extras;
use crate::state::Ctx;

/// What the mediator has on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum MediatorView {
    /// Typing a code; the last error, if any.
    Entry { code: String, error: Option<String> },
    /// A decoded result, as a session that is never stored.
    Result {
        session: Box<Session>,
        /// How many answers this version of the self-check no longer asks.
        dropped: usize,
        place_hash: Option<u32>,
        kept: bool,
    },
}

/// Decodes a code into the mediator's view, or the message explaining why it cannot.
pub fn open(ctx: &Ctx, code: &str) -> MediatorView {
    match decode(code) {
        Ok(mut payload) => {
            let dropped = payload.retain_known(ctx.bank()).len();
            let session = Session {
                answers: payload.answers.clone(),
                priorities: payload.priorities.clone(),
                started_on: payload.date(),
                ..Session::default()
            };
            MediatorView::Result {
                session: Box::new(session),
                dropped,
                place_hash: payload.place_hash,
                kept: false,
            }
        }
        Err(error) => MediatorView::Entry {
            code: code.to_string(),
            error: Some(error_text(ctx, &error)),
        },
    }
}

fn error_text(ctx: &Ctx, error: &ShareCodeError) -> String {
    let args: Vec<(&str, String)> = error.args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ctx.format(error.key(), &args)
}

pub fn mediator(ctx: Ctx, view: MediatorView) -> AnyView {
    focus_heading(ctx);
    match view {
        MediatorView::Entry { code, error } => entry(ctx, code, error),
        MediatorView::Result {
            session,
            dropped,
            place_hash,
            kept,
        } => result(ctx, *session, dropped, place_hash, kept),
    }
}

fn entry(ctx: Ctx, code: String, error: Option<String>) -> AnyView {
    let typed = RwSignal::new(code.clone());
    let open_typed = move || {
        let view = open(&ctx, &typed.get_untracked());
        ctx.mediator.set(Some(view));
    };
    let error = error.map_or_else(nothing, |message| {
        text_el(
            "p",
            vec![class("an-error"), id("an-code-error"), at("role", "alert")],
            message,
        )
    });
    el(
        "section",
        vec![class("an-screen an-mediator")],
        vec![
            text_el(
                "h2",
                vec![id("an-mediator-title"), at("tabindex", "-1")],
                ctx.t("mediator.title"),
            ),
            text_el("p", vec![], ctx.t("mediator.intro")),
            el(
                "form",
                vec![class("an-start"), no_submit()],
                vec![
                    text_el(
                        "label",
                        vec![at("for", "an-code")],
                        ctx.t("mediator.code_label"),
                    ),
                    text_el(
                        "p",
                        vec![class("an-hint"), id("an-code-hint")],
                        ctx.t("mediator.code_hint"),
                    ),
                    el(
                        "input",
                        vec![
                            id("an-code"),
                            at("type", "text"),
                            at("value", code),
                            at("autocomplete", "off"),
                            at("autocapitalize", "characters"),
                            at("spellcheck", "false"),
                            at("aria-describedby", "an-code-hint an-code-error"),
                            on_value("input", move |value| typed.set(value)),
                            on_enter(open_typed),
                        ],
                        vec![],
                    ),
                    error,
                    button(
                        "an-button an-primary an-open-code",
                        vec![txt(ctx.t("mediator.open")), icon("next")],
                        open_typed,
                    ),
                ],
            ),
            button(
                "an-button an-secondary",
                vec![icon("back"), txt(ctx.t("mediator.close"))],
                move || ctx.mediator.set(None),
            ),
        ],
    )
}

fn result(
    ctx: Ctx,
    session: Session,
    dropped: usize,
    place_hash: Option<u32>,
    kept: bool,
) -> AnyView {
    let bank = ctx.bank();
    let assessment = assess(bank, &session);
    // The person's answers, item by item, grouped as on the summary.
    let group = |title: &str, outcome: Outcome| {
        let lines: Vec<String> = bank
            .items
            .iter()
            .zip(&assessment.items)
            .filter(|(item, r)| r.outcome == outcome && item.scored)
            .map(|(item, r)| {
                let answer = match r.answer {
                    Some(_) if item.kind == ItemKind::Task && r.correct == Some(true) => {
                        ctx.t("mediator.task_right")
                    }
                    Some(answer) if item.kind == ItemKind::Task => {
                        format!(
                            "{} ({})",
                            ctx.t("mediator.task_wrong"),
                            ctx.t(&answer.label_key(item))
                        )
                    }
                    Some(answer) => ctx.t(&answer.label_key(item)),
                    None => ctx.t("mediator.not_asked"),
                };
                format!("{} — {answer}", ctx.t(&format!("q.{}.text", item.id)))
            })
            .collect();
        el(
            "div",
            vec![class("an-box")],
            vec![
                text_el("h3", vec![], ctx.t(title)),
                list_or(lines, ctx.t("summary.none")),
            ],
        )
    };
    // The chosen place travels as a hash of its id: look it up in this widget's places data.
    let place = RwSignal::new(None::<ChosenPlace>);
    if let Some(hash) = place_hash {
        let settings = super::places::settings(&ctx);
        leptos::task::spawn_local(async move {
            if let Ok(json) = extras::call("places_find", &[settings.into(), hash.into()]).await {
                place.set(
                    Json::parse(&json)
                        .ok()
                        .and_then(|j| ChosenPlace::from_json(&j)),
                );
            }
        });
    }
    let sheet_session = session.clone();
    let sheet = move || {
        let mut shown = sheet_session.clone();
        shown.chosen_place = place.get();
        summary_sheet(ctx, &shown, false)
    };
    let stored = session.clone();
    let keep = move || {
        ctx.keep_shared_result(&stored);
        ctx.mediator.update(|v| {
            if let Some(MediatorView::Result { kept, .. }) = v {
                *kept = true;
            }
        });
    };
    let mut notes = vec![text_el(
        "p",
        vec![class("an-notice no-print")],
        ctx.t("mediator.read_only"),
    )];
    if dropped > 0 {
        notes.push(text_el(
            "p",
            vec![class("an-notice no-print")],
            ctx.format("mediator.dropped", &[("count", &dropped.to_string())]),
        ));
    }
    el(
        "section",
        vec![class("an-screen an-mediator")],
        vec![
            el("div", vec![class("no-print")], notes),
            el(
                "div",
                vec![class("an-actions an-actions-wrap no-print")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("mediator.close"))],
                        move || ctx.mediator.set(None),
                    ),
                    button(
                        "an-button an-primary",
                        vec![icon("print"), txt(ctx.t("summary.print"))],
                        move || print(ctx),
                    ),
                    if kept {
                        text_el("p", vec![at("role", "status")], ctx.t("mediator.kept"))
                    } else {
                        button(
                            "an-button an-secondary",
                            vec![txt(ctx.t("mediator.keep"))],
                            keep,
                        )
                    },
                ],
            ),
            reactive(sheet),
            el(
                "section",
                vec![class("an-answers no-print")],
                vec![
                    text_el("h2", vec![], ctx.t("mediator.answers")),
                    group("summary.can_alone", Outcome::Alone),
                    group("summary.can_help", Outcome::WithHelp),
                    group("summary.not_yet", Outcome::NotYet),
                ],
            ),
        ],
    )
}
