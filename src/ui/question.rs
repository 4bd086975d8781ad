//! One question at a time, and the kind feedback after a mini-task.

use autonomie_core::bank::{Item, ItemKind};
use autonomie_core::{flow, Answer};
use leptos::prelude::*;

use super::dom::*;
use super::focus_heading;
use super::icons::{answer_icon, has_icon};
use crate::state::Ctx;

#[derive(Clone, PartialEq)]
enum OnScreen {
    Ask(String),
    Feedback(String),
    Done,
}

pub fn questions(ctx: Ctx) -> AnyView {
    let on_screen = Memo::new(move |_| {
        ctx.session.with(|s| match &s.feedback_for {
            Some(id) => OnScreen::Feedback(id.clone()),
            None => flow::next_item(ctx.bank(), s)
                .map_or(OnScreen::Done, |item| OnScreen::Ask(item.id.clone())),
        })
    });
    let progress = Memo::new(move |_| ctx.session.with(|s| flow::progress(ctx.bank(), s)));
    let progress_text = move || {
        let p = progress.get();
        ctx.format(
            "question.progress",
            &[
                ("current", &p.current.to_string()),
                ("total", &p.total.to_string()),
            ],
        )
    };
    let card = move || match on_screen.get() {
        OnScreen::Ask(id) => ctx
            .bank()
            .item(&id)
            .map_or_else(nothing, |item| question_card(ctx, item)),
        OnScreen::Feedback(id) => ctx
            .bank()
            .item(&id)
            .map_or_else(nothing, |item| task_feedback(ctx, item)),
        OnScreen::Done => button(
            "an-button an-primary",
            vec![txt(ctx.t("result.title"))],
            move || ctx.continue_after_feedback(),
        ),
    };
    el(
        "section",
        vec![class("an-screen an-question-screen")],
        vec![
            el(
                "p",
                vec![class("an-progress-text"), at("aria-live", "polite")],
                vec![reactive_text(progress_text)],
            ),
            // The text above says the same; the bar is for sighted people at a glance.
            el(
                "progress",
                vec![
                    class("an-progress"),
                    at("aria-hidden", "true"),
                    at_dyn("max", move || progress.get().total.to_string()),
                    at_dyn("value", move || {
                        progress.get().current.saturating_sub(1).to_string()
                    }),
                ],
                vec![],
            ),
            reactive(card),
        ],
    )
}

fn question_card(ctx: Ctx, item: &Item) -> AnyView {
    focus_heading(ctx);
    let choices = Answer::choices_for(item);
    let selected = RwSignal::new(None::<usize>);
    let missing_choice = RwSignal::new(false);
    let item_id = item.id.clone();
    let submit_choices = choices.clone();
    // "Valider", or Enter on an answer.
    let submit = move || match selected
        .get_untracked()
        .and_then(|i| submit_choices.get(i).copied())
    {
        Some(answer) => ctx.answer(&item_id, answer),
        None => missing_choice.set(true),
    };
    let optional = |key: String| {
        ctx.catalog
            .with_untracked(|c| c.get(&key).map(str::to_string))
    };

    let choice_views = choices
        .iter()
        .enumerate()
        .map(|(index, answer)| {
            let picture = match answer {
                Answer::Choice(option) => item
                    .options
                    .get(usize::from(*option))
                    .filter(|name| has_icon(name))
                    .cloned(),
                other => Some(answer_icon(*other).to_string()),
            };
            let input_id = format!("an-choice-{index}");
            let is_picture_task = matches!(answer, Answer::Choice(_)) && picture.is_some();
            el(
                "label",
                vec![
                    class(if is_picture_task {
                        "an-choice an-choice-picture"
                    } else {
                        "an-choice"
                    }),
                    at("for", input_id.clone()),
                ],
                vec![
                    el(
                        "input",
                        vec![
                            at("type", "radio"),
                            at("id", input_id),
                            at("name", "an-answer"),
                            at("value", answer.code()),
                            on_change(move || {
                                selected.set(Some(index));
                                missing_choice.set(false);
                            }),
                            on_enter({
                                let submit = submit.clone();
                                move || {
                                    selected.set(Some(index));
                                    submit()
                                }
                            }),
                        ],
                        vec![],
                    ),
                    picture.map_or_else(nothing, |name| icon(&name)),
                    text_el("span", vec![], ctx.t(&answer.label_key(item))),
                ],
            )
        })
        .collect();

    let prompt = match item.kind {
        ItemKind::Rating => text_el(
            "span",
            vec![class("an-prompt")],
            ctx.t("question.rating_prompt"),
        ),
        ItemKind::Task => text_el(
            "span",
            vec![class("an-prompt an-task-label")],
            ctx.t("question.task_label"),
        ),
        ItemKind::Possession => nothing(),
    };
    // What "Écouter" reads: the whole question and its answers, in screen order.
    let mut spoken: Vec<String> = Vec::new();
    match item.kind {
        ItemKind::Rating => spoken.push(ctx.t("question.rating_prompt")),
        ItemKind::Task => spoken.push(ctx.t("question.task_label")),
        ItemKind::Possession => {}
    }
    spoken.push(ctx.t(&format!("q.{}.text", item.id)));
    spoken.extend(optional(format!("q.{}.scenario", item.id)));
    spoken.extend(optional(format!("q.{}.hint", item.id)));
    spoken.extend(
        Answer::choices_for(item)
            .iter()
            .map(|a| ctx.t(&a.label_key(item))),
    );
    let listen = super::speech::listen_button(ctx, spoken.join(". "));
    let scenario = optional(format!("q.{}.scenario", item.id)).map_or_else(nothing, |text| {
        el(
            "p",
            vec![class("an-scenario")],
            vec![icon("mail"), text_el("span", vec![], text)],
        )
    });
    let hint = optional(format!("q.{}.hint", item.id))
        .map_or_else(nothing, |text| text_el("p", vec![class("an-hint")], text));
    let domain_icon = ctx
        .bank()
        .domains
        .iter()
        .find(|d| d.id == item.domain)
        .map_or_else(nothing, |d| icon(&d.icon));
    let error = move || {
        if missing_choice.get() {
            text_el(
                "p",
                vec![class("an-error"), at("role", "alert")],
                ctx.t("question.choose_first"),
            )
        } else {
            nothing()
        }
    };

    el(
        "form",
        vec![
            class("an-card"),
            at("data-item", item.id.clone()),
            at("novalidate", ""),
            no_submit(),
        ],
        vec![
            el(
                "p",
                vec![class("an-domain")],
                vec![
                    domain_icon,
                    text_el("span", vec![], ctx.t(&format!("domain.{}", item.domain))),
                ],
            ),
            el(
                "fieldset",
                vec![],
                vec![
                    el(
                        "legend",
                        vec![],
                        vec![
                            prompt,
                            text_el(
                                "h2",
                                vec![class("an-question"), at("tabindex", "-1")],
                                ctx.t(&format!("q.{}.text", item.id)),
                            ),
                        ],
                    ),
                    scenario,
                    hint,
                    listen,
                    el("div", vec![class("an-choices")], choice_views),
                ],
            ),
            reactive(error),
            el(
                "div",
                vec![class("an-actions")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("question.back"))],
                        move || ctx.back(),
                    ),
                    button(
                        "an-button an-primary an-validate",
                        vec![txt(ctx.t("question.validate")), icon("next")],
                        submit,
                    ),
                ],
            ),
        ],
    )
}

/// After a mini-task: whether it was right, and the right answer, said kindly.
fn task_feedback(ctx: Ctx, item: &Item) -> AnyView {
    focus_heading(ctx);
    let given = ctx.session.with_untracked(|s| {
        s.answers
            .iter()
            .find(|a| a.item == item.id)
            .map(|a| a.answer)
    });
    let correct_index = item.correct.unwrap_or(0);
    let correct = matches!(given, Some(Answer::Choice(i)) if usize::from(i) == correct_index);
    let title = if correct {
        ctx.t("question.correct")
    } else {
        let right = item
            .options
            .get(correct_index)
            .map(|option| ctx.t(&format!("q.{}.opt.{option}", item.id)))
            .unwrap_or_default();
        ctx.format("question.incorrect", &[("answer", &right)])
    };
    el(
        "div",
        vec![class(if correct {
            "an-card an-feedback an-right"
        } else {
            "an-card an-feedback"
        })],
        vec![
            el(
                "h2",
                vec![at("tabindex", "-1")],
                vec![
                    icon(if correct { "yes" } else { "star" }),
                    text_el("span", vec![], title),
                ],
            ),
            text_el("p", vec![], ctx.t(&format!("q.{}.feedback", item.id))),
            el(
                "div",
                vec![class("an-actions")],
                vec![
                    button(
                        "an-button an-secondary",
                        vec![icon("back"), txt(ctx.t("question.back"))],
                        move || ctx.back(),
                    ),
                    button(
                        "an-button an-primary",
                        vec![txt(ctx.t("question.continue")), icon("next")],
                        move || ctx.continue_after_feedback(),
                    ),
                ],
            ),
        ],
    )
}
