//! The mediator's view: a code from a printed summary (typed, or in the address of its QR
//! code) shows the person's result on the mediator's device, with what a mediator needs
//! beyond the sheet: the autonomy scale for the activity report, the detailed national
//! reading, the exercises, every answer, and the answers to questions that no longer exist.
//! Read-only: nothing is stored unless the mediator keeps it.

use crate::k;
use crate::page::On;
use autonomie_core::i18n::Key;
use autonomie_core::text_direction::TextKind;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use std::cell::RefCell;
use std::rc::Rc;

use autonomie_core::bank::ItemKind;
use autonomie_core::evaluation::Evaluation;
use autonomie_core::national::NationalReading;
use autonomie_core::scoring::Outcome;
use autonomie_core::session::{GivenAnswer, Session};
use autonomie_core::share_code::{open, v1, ShareCodeError};
use autonomie_ui::contract::Action;
use autonomie_ui::markup::{h, list_or, H};

use super::summary::place::place_section;
use super::summary::sheet::{item_label, sheet, SheetOf};
use super::{actions, common_action, Ctx};
use crate::page::{button, is_enter};

fn error_text(ctx: &Ctx, error: &ShareCodeError) -> String {
    let args = error.args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ctx.format(Key::computed(error.key()), &args)
}

/// The session on show, for "Garder ce résultat sur cet appareil".
type Shown = Rc<RefCell<Option<Session>>>;

pub fn mediator(ctx: Ctx) {
    let shown: Shown = Rc::new(RefCell::new(None));
    match ctx.settings(|s| s.code.clone()) {
        Some(code) => open_code(&ctx, &shown, &code),
        None => entry(&ctx, "", None),
    }
    let clicked = shown.clone();
    super::on_click(&ctx, move |ctx, action| match action.name.as_str() {
        "open_code" => open_typed(ctx, &clicked),
        "keep" => {
            if let Some(session) = clicked.borrow().clone() {
                ctx.act(Action::Keep(Box::new(session)));
            }
            ctx.page().fill(
                ".an-keep-slot",
                h("p")
                    .attr("role", "status")
                    .class("an-kept")
                    .child(ctx.t(k::mediator::KEPT))
                    .into_html(),
            );
        }
        _ => {
            common_action(ctx, action);
        }
    });
    let typed = shown;
    let listening = ctx.clone();
    ctx.page().on(On::KeyDown, move |event, action| {
        if action.name == "code" && is_enter(event) {
            event.prevent_default();
            open_typed(&listening, &typed);
        }
    });
}

fn open_typed(ctx: &Ctx, shown: &Shown) {
    let code = ctx
        .page()
        .find("#an-code")
        .and_then(|i| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(i).ok())
        .map(|i| i.value())
        .unwrap_or_default();
    open_code(ctx, shown, &code);
}

/// Opens a code: its result, or the entry again with the message explaining why it cannot.
fn open_code(ctx: &Ctx, shown: &Shown, code: &str) {
    match open(code, ctx.bank()) {
        Ok(opened) => {
            ctx.act(Action::MediatorCode(code.to_string()));
            opened_view(ctx, &opened);
            *shown.borrow_mut() = Some(opened.session);
        }
        Err(error) => {
            entry(ctx, code, Some(error_text(ctx, &error)));
            ctx.page().focus("#an-code");
        }
    }
}

fn entry(ctx: &Ctx, code: &str, error: Option<String>) {
    let described = if error.is_some() {
        "an-code-hint an-code-error"
    } else {
        "an-code-hint"
    };
    let error = error.map(|message| {
        h("p")
            .class("an-error")
            .id("an-code-error")
            .attr("role", "alert")
            .child(message)
    });
    ctx.show(
        h("section")
            .class("an-screen an-mediator")
            .child(
                h("h2")
                    .id("an-mediator-title")
                    .attr("tabindex", "-1")
                    .child(ctx.t(k::mediator::TITLE)),
            )
            .child(h("p").child(ctx.t(k::mediator::INTRO)))
            .child(
                h("div")
                    .class("an-start")
                    .child(
                        h("label")
                            .attr("for", "an-code")
                            .child(ctx.t(k::mediator::CODE_LABEL)),
                    )
                    .child(
                        h("p")
                            .class("an-hint")
                            .id("an-code-hint")
                            .child(ctx.t(k::mediator::CODE_HINT)),
                    )
                    .child(
                        h("input")
                            .id("an-code")
                            .attr("type", "text")
                            .attr("value", code)
                            .attr("autocomplete", "off")
                            .attr("autocapitalize", "characters")
                            .attr("spellcheck", "false")
                            .attr("aria-describedby", described)
                            .attr("data-do", "code")
                            .text_kind(TextKind::Code),
                    )
                    .child(error)
                    .child(button(
                        "an-button an-primary an-open-code",
                        "open_code",
                        "",
                        Some(Icon::Next),
                        &ctx.t(k::mediator::OPEN),
                    )),
            )
            .child(close_button(ctx)),
    );
}

/// "Fermer": leaves the mediator view, from the code entry or from a result.
fn close_button(ctx: &Ctx) -> H {
    button(
        "an-button an-secondary",
        "close_mediator",
        "",
        Some(Icon::Back),
        &ctx.t(k::mediator::CLOSE),
    )
}

fn opened_view(ctx: &Ctx, opened: &autonomie_core::share_code::Opened) {
    let evaluation = super::evaluation_of(ctx, &opened.session);
    ctx.show(
        h("section")
            .class("an-screen an-mediator")
            .child(
                h("p")
                    .class("an-notice no-print")
                    .child(ctx.t(k::mediator::READ_ONLY)),
            )
            .child(
                actions()
                    .child(close_button(ctx))
                    .child(button(
                        "an-button an-primary an-print",
                        "print",
                        "",
                        Some(Icon::Print),
                        &ctx.t(k::summary::PRINT),
                    ))
                    .child(h("div").class("an-keep-slot").child(button(
                        "an-button an-secondary an-keep",
                        "keep",
                        "",
                        None,
                        &ctx.t(k::mediator::KEEP),
                    ))),
            )
            .child(sheet(
                ctx,
                SheetOf {
                    session: &opened.session,
                    evaluation: &evaluation,
                    share: false,
                    place: None,
                },
            ))
            .child(details(ctx, &evaluation, &opened.retired)),
    );
    // The chosen place travels as a hash of its id: look it up in this widget's places data.
    if let Some(hash) = opened.place_hash {
        let (key, source) = ctx.settings(crate::places_ui::data_source);
        let departement = opened.departement.clone();
        let ctx = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let found =
                crate::places_data::find_by_hash(&key, &source, hash, departement.as_deref()).await;
            if let (Some(card), true) = (found, ctx.page().alive()) {
                let place = crate::places_ui::chosen::chosen_place(&ctx.host.texts, &card);
                ctx.page()
                    .fill(".an-place-slot", place_section(&ctx, &place).into_html());
            }
        });
    }
}

/// What a mediator needs beyond the sheet, never printed.
fn details(ctx: &Ctx, evaluation: &Evaluation, retired_answers: &[GivenAnswer]) -> H {
    h("div")
        .class("an-mediator-details no-print")
        .child(report(ctx, evaluation))
        .child(
            evaluation
                .national
                .as_ref()
                .map(|reading| national(ctx, reading)),
        )
        .child(exercises(ctx, evaluation))
        .child(answers(ctx, evaluation))
        .child(retired(ctx, retired_answers))
}

/// A titled box of lines, or nothing when there is no line.
fn lines_box(ctx: &Ctx, title: Key, hint: Option<Key>, lines: Vec<String>) -> Option<H> {
    (!lines.is_empty()).then(|| {
        h("section")
            .class("an-box")
            .child(h("h3").child(ctx.t(title)))
            .child(hint.map(|hint| h("p").class("an-hint").child(ctx.t(hint))))
            .child(list_or(lines, ""))
    })
}

/// Per domain, the step of the activity reports' autonomy scale.
fn report(ctx: &Ctx, evaluation: &Evaluation) -> Option<H> {
    let lines = evaluation
        .assessment
        .domains
        .iter()
        .filter_map(|d| {
            let level = d.level?;
            Some(format!(
                "{} : {}",
                ctx.domain_name(&d.domain),
                ctx.t(Key::computed(level.report_key()))
            ))
        })
        .collect();
    lines_box(
        ctx,
        k::mediator::REPORT_TITLE,
        Some(k::mediator::REPORT_HINT),
        lines,
    )
}

/// The national reading in full: category, each area, Insee's illectronisme, sources.
fn national(ctx: &Ctx, reading: &NationalReading) -> H {
    let mut lines = vec![
        ctx.t(Key::computed(&reading.category.i18n_key())),
        ctx.format(
            k::national::AREAS,
            &[("count", &reading.areas_at_least_basic.to_string())],
        ),
    ];
    lines.extend(reading.areas.iter().map(|(area, level)| {
        let level = match level {
            autonomie_core::national::AreaLevel::None => k::national::area_level::NONE,
            autonomie_core::national::AreaLevel::Basic => k::national::area_level::BASIC,
            autonomie_core::national::AreaLevel::AboveBasic => k::national::area_level::ABOVE_BASIC,
        };
        format!(
            "{} : {}",
            ctx.t(Key::computed(&format!("national.area.{}", area.id()))),
            ctx.t(level)
        )
    }));
    if reading.illectronisme {
        lines.push(ctx.t(k::national::ILLECTRONISME));
    }
    h("section")
        .class("an-box an-national-detail")
        .child(h("h3").child(ctx.t(k::national::TITLE)))
        .child(list_or(lines, ""))
        .child(h("p").class("an-small").child(format!(
            "{} {}",
            ctx.t(k::national::INDICATIVE),
            ctx.t(k::national::SOURCE)
        )))
}

/// Each exercise answered: right, or the answer given.
fn exercises(ctx: &Ctx, evaluation: &Evaluation) -> Option<H> {
    let bank = ctx.bank();
    let lines = bank
        .items
        .iter()
        .zip(&evaluation.assessment.items)
        .filter(|(item, _)| item.kind == ItemKind::Task)
        .filter_map(|(item, result)| {
            let verdict = match result.outcome {
                Outcome::Right => ctx.t(k::mediator::TASK_RIGHT),
                Outcome::Wrong | Outcome::NotUnderstood => format!(
                    "{} ({})",
                    ctx.t(k::mediator::TASK_WRONG),
                    ctx.t(Key::computed(&result.answer?.label_key(item)))
                ),
                _ => return None,
            };
            Some(format!("{} — {verdict}", ctx.goal(&item.id)))
        })
        .collect();
    lines_box(ctx, k::mediator::EXERCISES_TITLE, None, lines)
}

/// Every answer, question by question, in the bank's order.
fn answers(ctx: &Ctx, evaluation: &Evaluation) -> Option<H> {
    let bank = ctx.bank();
    let lines = bank
        .items
        .iter()
        .zip(&evaluation.assessment.items)
        .filter(|(item, _)| item.kind != ItemKind::Task)
        .filter_map(|(item, result)| {
            let answer = result.answer?;
            Some(format!(
                "{} — {}",
                item_label(ctx, &item.id),
                ctx.t(Key::computed(&answer.label_key(item)))
            ))
        })
        .collect();
    lines_box(ctx, k::mediator::ANSWERS, None, lines)
}

/// Answers to questions of an older version of the self-check, in that version's words.
fn retired(ctx: &Ctx, retired: &[GivenAnswer]) -> Option<H> {
    let lines = retired
        .iter()
        .map(|given| {
            let answer = match v1::retired_task_was_right(given) {
                Some(true) => ctx.t(k::mediator::RETIRED_RIGHT),
                Some(false) => ctx.t(k::mediator::RETIRED_WRONG),
                None => ctx.t(given
                    .answer
                    .common_label_key()
                    .map_or(k::answer::DONTKNOW, Key::computed)),
            };
            format!(
                "{} — {answer}",
                ctx.t(Key::computed(&v1::retired_key(&given.item)))
            )
        })
        .collect();
    lines_box(ctx, k::mediator::RETIRED_TITLE, None, lines)
}
