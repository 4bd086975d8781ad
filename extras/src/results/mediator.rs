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
use autonomie_ui::markup::Markup;

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
            let mut m = Markup::new();
            m.leaf(
                "p",
                &[("role", "status"), ("class", "an-kept")],
                &ctx.t(k::mediator::KEPT),
            );
            if let Some(slot) = ctx.page().find(".an-keep-slot") {
                slot.set_inner_html(m.as_str());
            }
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
    let mut m = Markup::new();
    m.open_class("section", "an-screen an-mediator")
        .leaf(
            "h2",
            &[("id", "an-mediator-title"), ("tabindex", "-1")],
            &ctx.t(k::mediator::TITLE),
        )
        .leaf("p", &[], &ctx.t(k::mediator::INTRO))
        .open_class("div", "an-start")
        .leaf(
            "label",
            &[("for", "an-code")],
            &ctx.t(k::mediator::CODE_LABEL),
        )
        .leaf(
            "p",
            &[("class", "an-hint"), ("id", "an-code-hint")],
            &ctx.t(k::mediator::CODE_HINT),
        )
        .open_as(
            "input",
            TextKind::Code,
            &[
                ("id", "an-code"),
                ("type", "text"),
                ("value", code),
                ("autocomplete", "off"),
                ("autocapitalize", "characters"),
                ("spellcheck", "false"),
                ("aria-describedby", described),
                ("data-do", "code"),
            ],
        );
    if let Some(message) = error {
        m.leaf(
            "p",
            &[
                ("class", "an-error"),
                ("id", "an-code-error"),
                ("role", "alert"),
            ],
            &message,
        );
    }
    button(
        &mut m,
        "an-button an-primary an-open-code",
        "open_code",
        "",
        Some(Icon::Next),
        &ctx.t(k::mediator::OPEN),
    );
    m.close("div");
    button(
        &mut m,
        "an-button an-secondary",
        "close_mediator",
        "",
        Some(Icon::Back),
        &ctx.t(k::mediator::CLOSE),
    );
    m.close("section");
    ctx.show(&m);
}

fn opened_view(ctx: &Ctx, opened: &autonomie_core::share_code::Opened) {
    let evaluation = super::evaluation_of(ctx, &opened.session);
    let mut m = Markup::new();
    m.open_class("section", "an-screen an-mediator").leaf_class(
        "p",
        "an-notice no-print",
        &ctx.t(k::mediator::READ_ONLY),
    );
    actions(&mut m, |m| {
        button(
            m,
            "an-button an-secondary",
            "close_mediator",
            "",
            Some(Icon::Back),
            &ctx.t(k::mediator::CLOSE),
        );
        button(
            m,
            "an-button an-primary an-print",
            "print",
            "",
            Some(Icon::Print),
            &ctx.t(k::summary::PRINT),
        );
        m.open_class("div", "an-keep-slot");
        button(
            m,
            "an-button an-secondary an-keep",
            "keep",
            "",
            None,
            &ctx.t(k::mediator::KEEP),
        );
        m.close("div");
    });
    sheet(
        ctx,
        &mut m,
        SheetOf {
            session: &opened.session,
            evaluation: &evaluation,
            share: false,
            place: None,
        },
    );
    details(ctx, &evaluation, &opened.retired, &mut m);
    m.close("section");
    ctx.show(&m);
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
                let mut m = Markup::new();
                place_section(&ctx, &mut m, &place);
                ctx.page().fill(".an-place-slot", &m);
            }
        });
    }
}

/// What a mediator needs beyond the sheet, never printed.
fn details(ctx: &Ctx, evaluation: &Evaluation, retired_answers: &[GivenAnswer], m: &mut Markup) {
    m.open_class("div", "an-mediator-details no-print");
    report(ctx, evaluation, m);
    if let Some(reading) = &evaluation.national {
        national(ctx, reading, m);
    }
    exercises(ctx, evaluation, m);
    answers(ctx, evaluation, m);
    retired(ctx, retired_answers, m);
    m.close("div");
}

/// A titled box of lines, or nothing when there is no line.
fn lines_box(ctx: &Ctx, m: &mut Markup, title: Key, hint: Option<Key>, lines: Vec<String>) {
    if lines.is_empty() {
        return;
    }
    m.open_class("section", "an-box")
        .leaf("h3", &[], &ctx.t(title));
    if let Some(hint) = hint {
        m.leaf_class("p", "an-hint", &ctx.t(hint));
    }
    m.list_or(&lines, "").close("section");
}

/// Per domain, the step of the activity reports' autonomy scale.
fn report(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
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
        m,
        k::mediator::REPORT_TITLE,
        Some(k::mediator::REPORT_HINT),
        lines,
    );
}

/// The national reading in full: category, each area, Insee's illectronisme, sources.
fn national(ctx: &Ctx, reading: &NationalReading, m: &mut Markup) {
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
    m.open_class("section", "an-box an-national-detail")
        .leaf("h3", &[], &ctx.t(k::national::TITLE))
        .list_or(&lines, "")
        .leaf_class(
            "p",
            "an-small",
            &format!(
                "{} {}",
                ctx.t(k::national::INDICATIVE),
                ctx.t(k::national::SOURCE)
            ),
        )
        .close("section");
}

/// Each exercise answered: right, or the answer given.
fn exercises(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
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
    lines_box(ctx, m, k::mediator::EXERCISES_TITLE, None, lines);
}

/// Every answer, question by question, in the bank's order.
fn answers(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
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
    lines_box(ctx, m, k::mediator::ANSWERS, None, lines);
}

/// Answers to questions of an older version of the self-check, in that version's words.
fn retired(ctx: &Ctx, retired: &[GivenAnswer], m: &mut Markup) {
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
    lines_box(ctx, m, k::mediator::RETIRED_TITLE, None, lines);
}
