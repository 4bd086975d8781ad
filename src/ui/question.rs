//! The questions: one screen at a time (one question, or a short group of yes/no facts on one
//! screen), the kind feedback after an exercise, and the kind offers the core asks for
//! (read-aloud and other languages).

use autonomie_core::bank::{Item, ItemKind};
use autonomie_core::i18n::Lang;
use autonomie_core::session::Offer;
use autonomie_core::{flow, Answer};
use autonomie_ui::icons::Icon;
use leptos::prelude::*;

use super::dom::*;
use super::focus_heading;
use super::icons::answer_icon;
use crate::state::Ctx;

#[derive(Clone, PartialEq)]
enum OnScreen {
    Offer(Offer),
    /// The items of the screen, in order; a group has its id.
    Ask(Option<String>, Vec<String>),
    Feedback(String),
    Done,
}

pub fn questions(ctx: Ctx) -> AnyView {
    let on_screen = Memo::new(move |_| {
        ctx.session.with(|s| {
            if let Some(id) = &s.feedback_for {
                return OnScreen::Feedback(id.clone());
            }
            if let Some(offer) = s.offer_due(ctx.bank()) {
                return OnScreen::Offer(offer);
            }
            match flow::next_screen(ctx.bank(), s) {
                Some(flow::Screen::Item(item)) => OnScreen::Ask(None, vec![item.id.clone()]),
                Some(flow::Screen::Group { id, items }) => OnScreen::Ask(
                    Some(id.to_string()),
                    items.iter().map(|i| i.id.clone()).collect(),
                ),
                None => OnScreen::Done,
            }
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
        OnScreen::Ask(group, ids) => {
            let items: Vec<&'static Item> =
                ids.iter().filter_map(|id| ctx.bank().item(id)).collect();
            if items.is_empty() {
                nothing()
            } else {
                question_card(ctx, group, items)
            }
        }
        OnScreen::Offer(offer) => offer_card(ctx, offer),
        OnScreen::Feedback(id) => ctx
            .bank()
            .item(&id)
            .map_or_else(nothing, |item| task_feedback(ctx, item)),
        OnScreen::Done => button(
            "an-button an-primary",
            vec![txt(ctx.t("question.see_result"))],
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

/// A text of the catalog, when there is one (hints and scenarios are optional).
fn optional(ctx: &Ctx, key: String) -> Option<String> {
    ctx.catalog
        .with_untracked(|c| c.get(&key).map(str::to_string))
}

/// What "Écouter" reads for one question: its prompt, text, scenario, hint and answers.
fn spoken(ctx: &Ctx, item: &Item) -> Vec<String> {
    let mut spoken: Vec<String> = Vec::new();
    match item.kind {
        ItemKind::Rating => spoken.push(ctx.t("question.rating_prompt")),
        ItemKind::Task => spoken.push(ctx.t("question.task_label")),
        ItemKind::Fact | ItemKind::Choice => {}
    }
    spoken.push(ctx.t(&format!("q.{}.text", item.id)));
    spoken.extend(optional(ctx, format!("q.{}.scenario", item.id)));
    spoken.extend(optional(ctx, format!("q.{}.hint", item.id)));
    spoken.extend(
        Answer::choices_for(item)
            .iter()
            .map(|a| ctx.t(&a.label_key(item))),
    );
    spoken
}

/// One question or a group: one fieldset per question, one "Valider" for the screen.
fn question_card(ctx: Ctx, group: Option<String>, items: Vec<&'static Item>) -> AnyView {
    focus_heading(ctx);
    let selected: Vec<RwSignal<Option<Answer>>> =
        items.iter().map(|_| RwSignal::new(None)).collect();
    let missing = RwSignal::new(false);
    let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
    let submit = {
        let selected = selected.clone();
        move || {
            let given: Option<Vec<(String, Answer)>> = ids
                .iter()
                .zip(&selected)
                .map(|(id, answer)| answer.get_untracked().map(|a| (id.clone(), a)))
                .collect();
            match given {
                Some(given) => ctx.answer_screen(given),
                None => missing.set(true),
            }
        }
    };
    let grouped = group.is_some();
    let mut spoken_all: Vec<String> = group
        .iter()
        .map(|g| ctx.t(&format!("group.{g}.text")))
        .collect();
    for item in &items {
        spoken_all.extend(spoken(&ctx, item));
    }
    let fieldsets: Vec<AnyView> = items
        .iter()
        .zip(&selected)
        .enumerate()
        .map(|(row, (item, answer))| {
            fieldset(ctx, item, row, grouped, *answer, missing, submit.clone())
        })
        .collect();
    let first = items[0];
    let domain_icon = ctx
        .bank()
        .domain(&first.domain)
        .and_then(|d| Icon::from_name(&d.icon))
        .map_or_else(nothing, icon);
    let heading = match &group {
        Some(group) => text_el(
            "h2",
            vec![class("an-question an-group-title"), at("tabindex", "-1")],
            ctx.t(&format!("group.{group}.text")),
        ),
        None => nothing(),
    };
    el(
        "form",
        vec![
            class(if grouped {
                "an-card an-group"
            } else {
                "an-card"
            }),
            at("data-item", first.id.clone()),
            at("data-group", group.clone().unwrap_or_default()),
            at("novalidate", ""),
            no_submit(),
        ],
        vec![
            el(
                "p",
                vec![class("an-domain")],
                vec![
                    domain_icon,
                    text_el("span", vec![], ctx.t(&format!("domain.{}", first.domain))),
                ],
            ),
            heading,
            autonomie_ui::speech::listen_button(
                ctx.lang(),
                ctx.t("question.listen"),
                spoken_all.join(". "),
            ),
            el("div", vec![class("an-fieldsets")], fieldsets),
            back_and(
                ctx,
                button(
                    "an-button an-primary an-validate",
                    vec![txt(ctx.t("question.validate")), icon(Icon::Next)],
                    submit,
                ),
            ),
        ],
    )
}

/// The answers to one question. In a group the question is the legend; alone, it is the
/// screen's heading inside the legend.
fn fieldset(
    ctx: Ctx,
    item: &'static Item,
    row: usize,
    grouped: bool,
    answer: RwSignal<Option<Answer>>,
    missing: RwSignal<bool>,
    submit: impl Fn() + Clone + 'static,
) -> AnyView {
    let choices = Answer::choices_for(item);
    let error_id = format!("an-error-{row}");
    let hint_id = format!("an-hint-{row}");
    let choice_views = choices
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let choice = *choice;
            let picture = match choice {
                Answer::Choice(option) => item
                    .options
                    .get(usize::from(option))
                    .and_then(|name| Icon::from_name(name)),
                other => answer_icon(other),
            };
            let input_id = format!("an-choice-{row}-{index}");
            let is_picture_task = matches!(choice, Answer::Choice(_)) && picture.is_some();
            let submit = submit.clone();
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
                            at("name", format!("an-answer-{row}")),
                            at("value", choice.code()),
                            on_change(move || answer.set(Some(choice))),
                            on_enter(move || {
                                answer.set(Some(choice));
                                submit()
                            }),
                        ],
                        vec![],
                    ),
                    picture.map_or_else(nothing, icon),
                    text_el("span", vec![], ctx.t(&choice.label_key(item))),
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
        ItemKind::Fact | ItemKind::Choice => nothing(),
    };
    let text = ctx.t(&format!("q.{}.text", item.id));
    let question = if grouped {
        text_el("span", vec![class("an-row-question")], text)
    } else {
        text_el("h2", vec![class("an-question"), at("tabindex", "-1")], text)
    };
    let scenario = optional(&ctx, format!("q.{}.scenario", item.id)).map_or_else(nothing, |text| {
        el(
            "p",
            vec![class("an-scenario")],
            vec![icon(Icon::Mail), text_el("span", vec![], text)],
        )
    });
    let hint = optional(&ctx, format!("q.{}.hint", item.id));
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let hint = hint.map_or_else(nothing, |text| {
        text_el("p", vec![class("an-hint"), at("id", hint_id)], text)
    });
    let error = move || {
        if missing.get() && answer.get().is_none() {
            text_el("p", vec![class("an-error")], ctx.t("question.choose_first"))
        } else {
            nothing()
        }
    };
    el(
        "fieldset",
        vec![
            class(if grouped { "an-row" } else { "an-single" }),
            at("data-item", item.id.clone()),
            at("aria-describedby", described),
        ],
        vec![
            el("legend", vec![], vec![prompt, question]),
            scenario,
            hint,
            el(
                "div",
                vec![class(if grouped && item.kind == ItemKind::Fact {
                    "an-choices an-choices-inline"
                } else {
                    "an-choices"
                })],
                choice_views,
            ),
            // Always in the page, so the fieldset's description points at something.
            el(
                "div",
                vec![at("id", error_id), at("role", "alert"), class("an-alert")],
                vec![reactive(error)],
            ),
        ],
    )
}

/// A kind offer: listen to the questions, or choose another language, or go on.
fn offer_card(ctx: Ctx, offer: Offer) -> AnyView {
    focus_heading(ctx);
    let current = ctx.lang();
    let languages = Lang::ALL
        .into_iter()
        .filter(|lang| *lang != current)
        .map(|lang| {
            el(
                "button",
                vec![
                    at("type", "button"),
                    class("an-button an-secondary an-offer-lang"),
                    at("lang", lang.code()),
                    at("dir", lang.dir()),
                    on_click(move || {
                        ctx.offer_made(offer);
                        ctx.set_lang(lang);
                    }),
                ],
                vec![txt(lang.native_name().to_string())],
            )
        })
        .collect();
    let text = ctx.t(&format!("offer.{}", offer.id()));
    el(
        "div",
        vec![class("an-card an-offer"), at("data-offer", offer.id())],
        vec![
            el(
                "h2",
                vec![at("tabindex", "-1")],
                vec![icon(Icon::Speaker), text_el("span", vec![], text.clone())],
            ),
            autonomie_ui::speech::listen_button(ctx.lang(), ctx.t("question.listen"), text),
            el("div", vec![class("an-actions an-actions-wrap")], languages),
            el(
                "div",
                vec![class("an-actions")],
                vec![button(
                    "an-button an-primary an-offer-continue",
                    vec![txt(ctx.t("offer.continue")), icon(Icon::Next)],
                    move || ctx.offer_made(offer),
                )],
            ),
        ],
    )
}

/// After an exercise: whether it was right, and the right answer, said kindly.
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
                    icon(if correct { Icon::Yes } else { Icon::Star }),
                    text_el("span", vec![], title),
                ],
            ),
            text_el("p", vec![], ctx.t(&format!("q.{}.feedback", item.id))),
            back_and(
                ctx,
                button(
                    "an-button an-primary",
                    vec![txt(ctx.t("question.continue")), icon(Icon::Next)],
                    move || ctx.continue_after_feedback(),
                ),
            ),
        ],
    )
}

/// "Question précédente" and the screen's own next button.
fn back_and(ctx: Ctx, next: AnyView) -> AnyView {
    el(
        "div",
        vec![class("an-actions")],
        vec![
            button(
                "an-button an-secondary",
                vec![icon(Icon::Back), txt(ctx.t("question.back"))],
                move || ctx.back(),
            ),
            next,
        ],
    )
}
