//! The questions: one screen at a time (one question, or a short group of yes/no facts on one
//! screen), the kind feedback after an exercise, and the kind offers the core asks for
//! (read-aloud and other languages).

use crate::k;
use autonomie_core::bank::{Item, ItemKind};
use autonomie_core::i18n::Key;
use autonomie_core::i18n::Lang;
use autonomie_core::session::Offer;
use autonomie_core::{flow, Answer};
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
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
            k::question::PROGRESS,
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
        OnScreen::Done => button("an-button an-primary", move || {
            ctx.continue_after_feedback()
        })
        .child(ctx.t(k::question::SEE_RESULT))
        .into_any(),
    };
    h("section")
        .class("an-screen an-question-screen")
        .child(
            h("p")
                .class("an-progress-text")
                .attr("aria-live", "polite")
                .child(reactive_text(progress_text)),
        )
        .child(
            // The text above says the same; the bar is for sighted people at a glance.
            h("progress")
                .class("an-progress")
                .attr("aria-hidden", "true")
                .attr_dyn("max", move || progress.get().total.to_string())
                .attr_dyn("value", move || {
                    progress.get().current.saturating_sub(1).to_string()
                })
                .into_any(),
        )
        .child(reactive(card))
        .into_any()
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
        ItemKind::Rating => spoken.push(ctx.t(k::question::RATING_PROMPT)),
        ItemKind::Task => spoken.push(ctx.t(k::question::TASK_LABEL)),
        ItemKind::Fact | ItemKind::Choice => {}
    }
    spoken.push(ctx.t(Key::computed(&format!("q.{}.text", item.id))));
    spoken.extend(optional(ctx, format!("q.{}.scenario", item.id)));
    spoken.extend(optional(ctx, format!("q.{}.hint", item.id)));
    spoken.extend(
        Answer::choices_for(item)
            .iter()
            .map(|a| ctx.t(Key::computed(&a.label_key(item)))),
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
        .map(|g| ctx.t(Key::computed(&format!("group.{g}.text"))))
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
        Some(group) => h("h2")
            .class("an-question an-group-title")
            .attr("tabindex", "-1")
            .child(ctx.t(Key::computed(&format!("group.{group}.text"))))
            .into_any(),
        None => nothing(),
    };
    h("form")
        .class(if grouped {
            "an-card an-group"
        } else {
            "an-card"
        })
        .attr("data-item", first.id.clone())
        .attr("data-group", group.clone().unwrap_or_default())
        .attr("novalidate", "")
        .no_submit()
        .child(
            h("p")
                .class("an-domain")
                .child(domain_icon)
                .child(h("span").child(ctx.t(Key::computed(&format!("domain.{}", first.domain))))),
        )
        .child(heading)
        .child(autonomie_ui::speech::listen_button(
            ctx.lang(),
            ctx.t(k::question::LISTEN),
            spoken_all.join(". "),
        ))
        .child(h("div").class("an-fieldsets").children(fieldsets))
        .child(back_and(
            ctx,
            button("an-button an-primary an-validate", submit)
                .child(ctx.t(k::question::VALIDATE))
                .child(icon(Icon::Next))
                .into_any(),
        ))
        .into_any()
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
            h("label")
                .class(if is_picture_task {
                    "an-choice an-choice-picture"
                } else {
                    "an-choice"
                })
                .attr("for", input_id.clone())
                .child(
                    h("input")
                        .attr("type", "radio")
                        .attr("id", input_id)
                        .attr("name", format!("an-answer-{row}"))
                        .attr("value", choice.code())
                        .on_change(move || answer.set(Some(choice)))
                        .on_enter(move || {
                            answer.set(Some(choice));
                            submit()
                        }),
                )
                .child(picture.map_or_else(nothing, icon))
                .child(h("span").child(ctx.t(Key::computed(&choice.label_key(item)))))
                .into_any()
        })
        .collect();
    let prompt = match item.kind {
        ItemKind::Rating => h("span")
            .class("an-prompt")
            .child(ctx.t(k::question::RATING_PROMPT))
            .into_any(),
        ItemKind::Task => h("span")
            .class("an-prompt an-task-label")
            .child(ctx.t(k::question::TASK_LABEL))
            .into_any(),
        ItemKind::Fact | ItemKind::Choice => nothing(),
    };
    let text = ctx.t(Key::computed(&format!("q.{}.text", item.id)));
    let question = if grouped {
        h("span").class("an-row-question").child(text).into_any()
    } else {
        h("h2")
            .class("an-question")
            .attr("tabindex", "-1")
            .child(text)
            .into_any()
    };
    let scenario = optional(&ctx, format!("q.{}.scenario", item.id)).map_or_else(nothing, |text| {
        h("p")
            .class("an-scenario")
            .child(icon(Icon::Mail))
            .child(h("span").child(text))
            .into_any()
    });
    let hint = optional(&ctx, format!("q.{}.hint", item.id));
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let hint = hint.map_or_else(nothing, |text| {
        h("p")
            .class("an-hint")
            .attr("id", hint_id)
            .child(text)
            .into_any()
    });
    let error = move || {
        if missing.get() && answer.get().is_none() {
            h("p")
                .class("an-error")
                .child(ctx.t(k::question::CHOOSE_FIRST))
                .into_any()
        } else {
            nothing()
        }
    };
    h("fieldset")
        .class(if grouped { "an-row" } else { "an-single" })
        .attr("data-item", item.id.clone())
        .attr("aria-describedby", described)
        .child(h("legend").child(prompt).child(question))
        .child(scenario)
        .child(hint)
        .child(
            h("div")
                .class(if grouped && item.kind == ItemKind::Fact {
                    "an-choices an-choices-inline"
                } else {
                    "an-choices"
                })
                .children(choice_views),
        )
        .child(
            // Always in the page, so the fieldset's description points at something.
            h("div")
                .attr("id", error_id)
                .attr("role", "alert")
                .class("an-alert")
                .child(reactive(error))
                .into_any(),
        )
        .into_any()
}

/// A kind offer: listen to the questions, or choose another language, or go on.
fn offer_card(ctx: Ctx, offer: Offer) -> AnyView {
    focus_heading(ctx);
    let current = ctx.lang();
    let languages = Lang::ALL
        .into_iter()
        .filter(|lang| *lang != current)
        .map(|lang| {
            h("button")
                .attr("type", "button")
                .class("an-button an-secondary an-offer-lang")
                .attr("lang", lang.code())
                .attr("dir", lang.dir())
                .on_click(move || {
                    ctx.offer_made(offer);
                    ctx.set_lang(lang);
                })
                .child(lang.native_name().to_string())
                .into_any()
        })
        .collect();
    let text = ctx.t(Key::computed(&format!("offer.{}", offer.id())));
    h("div")
        .class("an-card an-offer")
        .attr("data-offer", offer.id())
        .child(
            h("h2")
                .attr("tabindex", "-1")
                .child(icon(Icon::Speaker))
                .child(h("span").child(text.clone())),
        )
        .child(autonomie_ui::speech::listen_button(
            ctx.lang(),
            ctx.t(k::question::LISTEN),
            text,
        ))
        .child(
            h("div")
                .class("an-actions an-actions-wrap")
                .children(languages),
        )
        .child(
            h("div").class("an-actions").child(
                button("an-button an-primary an-offer-continue", move || {
                    ctx.offer_made(offer)
                })
                .child(ctx.t(k::offer::CONTINUE))
                .child(icon(Icon::Next)),
            ),
        )
        .into_any()
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
        ctx.t(k::question::CORRECT)
    } else {
        let right = item
            .options
            .get(correct_index)
            .map(|option| ctx.t(Key::computed(&format!("q.{}.opt.{option}", item.id))))
            .unwrap_or_default();
        ctx.format(k::question::INCORRECT, &[("answer", &right)])
    };
    h("div")
        .class(if correct {
            "an-card an-feedback an-right"
        } else {
            "an-card an-feedback"
        })
        .child(
            h("h2")
                .attr("tabindex", "-1")
                .child(icon(if correct { Icon::Yes } else { Icon::Star }))
                .child(h("span").child(title)),
        )
        .child(h("p").child(ctx.t(Key::computed(&format!("q.{}.feedback", item.id)))))
        .child(back_and(
            ctx,
            button("an-button an-primary", move || {
                ctx.continue_after_feedback()
            })
            .child(ctx.t(k::question::CONTINUE))
            .child(icon(Icon::Next))
            .into_any(),
        ))
        .into_any()
}

/// "Question précédente" and the screen's own next button.
fn back_and(ctx: Ctx, next: AnyView) -> AnyView {
    h("div")
        .class("an-actions")
        .child(
            button("an-button an-secondary", move || ctx.back())
                .child(icon(Icon::Back))
                .child(ctx.t(k::question::BACK)),
        )
        .child(next)
        .into_any()
}
