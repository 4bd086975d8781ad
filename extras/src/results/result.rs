//! "Votre résultat": what is missing to go online, the level per domain with what is to check,
//! strong points, progress since last time, the national reading, and the priorities to choose.

use crate::k;
use crate::page::On;
use autonomie_core::i18n::Key;
use autonomie_ui::icons::Icon;
use autonomie_ui::texts::Texts;
use std::cell::RefCell;
use std::rc::Rc;

use autonomie_core::evaluation::Evaluation;
use autonomie_core::history::PastResult;
use autonomie_core::scoring::assess;
use autonomie_core::session::{Session, MAX_PRIORITIES};
use autonomie_ui::contract::Action;
use autonomie_ui::markup::{fragment, h, list_or, Html, H};

use super::chart::{level_chart, level_text, shown_domains};
use super::{actions, common_action, count_finished, Ctx};
use crate::page::button;

pub fn result(ctx: Ctx) {
    let Some(session) = ctx.settings(|s| s.session.clone()) else {
        return;
    };
    count_finished(&ctx, &session);
    // Answers cannot change on this screen (going back leaves it): computed once.
    let evaluation = super::evaluation_of(&ctx, &session);
    let listen = autonomie_ui::speech::available().then(|| {
        button(
            "an-button an-secondary an-listen",
            "listen",
            "",
            Some(Icon::Speaker),
            &ctx.t(k::question::LISTEN),
        )
    });
    ctx.show(
        h("section")
            .class("an-screen an-result")
            .child(
                h("h2")
                    .id("an-result-title")
                    .attr("tabindex", "-1")
                    .child(ctx.t(k::result::TITLE)),
            )
            .child(h("p").class("an-lead").child(ctx.t(k::result::INTRO)))
            .child(listen)
            .child(overview(&ctx, &evaluation))
            .child(priorities(&ctx, &evaluation, &session))
            .child(
                actions()
                    .child(button(
                        "an-button an-secondary",
                        "back",
                        "",
                        Some(Icon::Back),
                        &ctx.t(k::question::BACK),
                    ))
                    .child(button(
                        "an-button an-secondary",
                        "restart",
                        "",
                        Some(Icon::Reload),
                        &ctx.t(k::result::RESTART),
                    ))
                    .child(button(
                        "an-button an-secondary an-go-summary",
                        "go",
                        "summary",
                        Some(Icon::Print),
                        &ctx.t(k::result::SEE_SUMMARY),
                    ))
                    .child(button(
                        "an-button an-primary an-go-orientation",
                        "go",
                        "orientation",
                        Some(Icon::Next),
                        &ctx.t(k::result::NEXT),
                    )),
            ),
    );

    let spoken = {
        let mut lines = vec![ctx.t(k::result::INTRO)];
        lines.extend(shown_domains(&evaluation.assessment.domains).map(|d| {
            format!(
                "{} : {}",
                ctx.domain_name(&d.domain),
                level_text(&ctx, d.level)
            )
        }));
        lines.join(". ")
    };
    super::on_click(&ctx, move |ctx, action| {
        if action.name == "listen" {
            autonomie_ui::speech::speak(ctx.lang(), &spoken);
        } else {
            common_action(ctx, action);
        }
    });
    // The screen keeps its own copy of the session for the checkboxes; the widget stores the
    // same toggles (the core's `Session::toggle_priority` on both).
    let chosen = Rc::new(RefCell::new(session));
    let listening = ctx.clone();
    ctx.page().on(On::Change, move |_, action| {
        if action.name != "priority" {
            return;
        }
        chosen.borrow_mut().toggle_priority(&action.arg);
        listening.act(Action::TogglePriority(action.arg.clone()));
        update_priorities(&listening, &chosen.borrow());
    });
}

/// After a toggle: the other boxes are disabled once 3 are chosen, and the count says so.
fn update_priorities(ctx: &Ctx, session: &Session) {
    let full = session.priorities.len() >= MAX_PRIORITIES;
    for input in ctx.page().find_all(".an-priorities input") {
        if let Some(input) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&input) {
            let goal = input.value();
            let checked = session.priorities.contains(&goal);
            input.set_checked(checked);
            input.set_disabled(full && !checked);
        }
    }
    if let Some(count) = ctx.page().find(".an-priorities .an-count") {
        count.set_text_content(Some(&count_text(ctx, session)));
    }
}

fn count_text(ctx: &Ctx, session: &Session) -> String {
    if session.priorities.len() >= MAX_PRIORITIES {
        ctx.t(k::result::PRIORITIES_FULL)
    } else {
        ctx.format(
            k::result::PRIORITIES_COUNT,
            &[("count", &session.priorities.len().to_string())],
        )
    }
}

/// What never changes on this screen: what is missing, the chart, what is to check, strong
/// points, progress, the national reading.
fn overview(ctx: &Ctx, evaluation: &Evaluation) -> Html {
    let needs: Vec<String> = evaluation
        .orientation
        .needs
        .iter()
        .map(|need| ctx.goal(need.id()))
        .collect();
    let missing = (!needs.is_empty()).then(|| {
        h("div")
            .class("an-box an-missing")
            .child(h("h3").child(ctx.t(k::result::SITUATION_TITLE)))
            .child(h("p").child(ctx.t(k::result::MISSING)))
            .child(list_or(needs, ""))
    });
    // What an exercise contradicted: the person said they could, the exercise says otherwise.
    let to_check: Vec<String> = evaluation
        .assessment
        .domains
        .iter()
        .flat_map(|d| &d.to_check)
        .map(|id| ctx.t(Key::computed(&format!("q.{id}.check"))))
        .collect();
    // The domains where the person is at ease, alone or with help.
    let strong: Vec<String> = evaluation
        .assessment
        .strengths()
        .map(|d| ctx.domain_name(&d.domain))
        .collect();
    let progress = ctx
        .settings(|s| s.previous.clone())
        .map(|previous| progress(ctx, evaluation, &previous));
    // One kind sentence comparing with the national figures, when the partner turned it on.
    let national = evaluation
        .national
        .as_ref()
        .filter(|_| ctx.settings(|s| s.modules.national))
        .map(|reading| {
            h("div")
                .class("an-box an-national")
                .child(h("h3").child(ctx.t(k::national::TITLE)))
                .child(h("p").child(ctx.t(Key::computed(&reading.category.visitor_key()))))
                .child(
                    h("p")
                        .class("an-small")
                        .child(ctx.t(k::national::INDICATIVE)),
                )
        });
    fragment([
        missing,
        Some(level_chart(ctx, &evaluation.assessment.domains)),
        boxed(
            ctx,
            "an-box an-to-check-box",
            k::result::TO_CHECK_TITLE,
            to_check,
        ),
        boxed(ctx, "an-box an-strong", k::result::STRONG_TITLE, strong),
        progress,
        national,
    ])
}

/// A titled box with a list; nothing when the list is empty (no screen shows an empty list).
fn boxed(ctx: &Ctx, class: &'static str, title: Key, lines: Vec<String>) -> Option<H> {
    (!lines.is_empty()).then(|| {
        h("div")
            .class(class)
            .child(h("h3").child(ctx.t(title)))
            .child(list_or(lines, ""))
    })
}

/// Per domain, how the level moved since the previous result kept on this device.
fn progress(ctx: &Ctx, evaluation: &Evaluation, previous: &PastResult) -> H {
    let before = assess(ctx.bank(), &previous.answers);
    let changes: Vec<String> = evaluation
        .assessment
        .domains
        .iter()
        .filter_map(|now| {
            let (Some(was), Some(is)) = (before.domain(&now.domain)?.level, now.level) else {
                return None;
            };
            (was != is).then(|| {
                let direction = ctx.t(if is > was {
                    k::result::PROGRESS_UP
                } else {
                    k::result::PROGRESS_DOWN
                });
                ctx.format(
                    k::result::PROGRESS_LINE,
                    &[
                        ("domain", &ctx.domain_name(&now.domain)),
                        ("from", &ctx.t(Key::computed(was.i18n_key()))),
                        ("to", &ctx.t(Key::computed(is.i18n_key()))),
                        ("direction", &direction),
                    ],
                )
            })
        })
        .collect();
    let date = autonomie_ui::clock::long_date(&previous.finished_on, ctx.lang());
    h("div")
        .class("an-box an-progress-since")
        .child(h("h3").child(ctx.format(k::result::PROGRESS_TITLE, &[("date", &date)])))
        .child(list_or(changes, &ctx.t(k::result::PROGRESS_SAME)))
}

/// "Ce que je veux apprendre d'abord": up to 3 of the first steps the core proposes.
fn priorities(ctx: &Ctx, evaluation: &Evaluation, session: &Session) -> H {
    let candidates = evaluation.priority_choices();
    if candidates.is_empty() {
        return h("p").class("an-box").child(ctx.t(k::result::NO_GOALS));
    }
    let full = session.priorities.len() >= MAX_PRIORITIES;
    let goals = candidates.iter().map(|goal| {
        let input_id = format!("an-goal-{}", goal.replace(['.', '_'], "-"));
        let checked = session.priorities.contains(goal);
        h("li").child(
            h("label")
                .class("an-check")
                .attr("for", &input_id)
                .child(
                    h("input")
                        .attr("type", "checkbox")
                        .id(&input_id)
                        .attr("value", goal)
                        .attr("data-do", "priority")
                        .attr("data-arg", goal)
                        .flag("checked", checked)
                        .flag("disabled", full && !checked),
                )
                .child(h("span").child(ctx.goal(goal))),
        )
    });
    h("fieldset")
        .class("an-box an-priorities")
        .attr("aria-describedby", "an-priorities-hint")
        .child(h("legend").child(h("h3").child(ctx.t(k::result::PRIORITIES_TITLE))))
        .child(
            h("p")
                .class("an-hint")
                .id("an-priorities-hint")
                .child(ctx.t(k::result::PRIORITIES_HINT)),
        )
        .child(h("ul").class("an-goal-list").children(goals))
        .child(
            h("p")
                .class("an-count")
                .attr("aria-live", "polite")
                .child(count_text(ctx, session)),
        )
}
