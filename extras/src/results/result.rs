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
use autonomie_ui::markup::Markup;

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
    let mut m = Markup::new();
    m.open_class("section", "an-screen an-result")
        .leaf(
            "h2",
            &[("id", "an-result-title"), ("tabindex", "-1")],
            &ctx.t(k::result::TITLE),
        )
        .leaf_class("p", "an-lead", &ctx.t(k::result::INTRO));
    if autonomie_ui::speech::available() {
        button(
            &mut m,
            "an-button an-secondary an-listen",
            "listen",
            "",
            Some(Icon::Speaker),
            &ctx.t(k::question::LISTEN),
        );
    }
    overview(&ctx, &evaluation, &mut m);
    priorities(&ctx, &evaluation, &session, &mut m);
    actions(&mut m, |m| {
        button(
            m,
            "an-button an-secondary",
            "back",
            "",
            Some(Icon::Back),
            &ctx.t(k::question::BACK),
        );
        button(
            m,
            "an-button an-secondary",
            "restart",
            "",
            Some(Icon::Reload),
            &ctx.t(k::result::RESTART),
        );
        button(
            m,
            "an-button an-secondary an-go-summary",
            "go",
            "summary",
            Some(Icon::Print),
            &ctx.t(k::result::SEE_SUMMARY),
        );
        button(
            m,
            "an-button an-primary an-go-orientation",
            "go",
            "orientation",
            Some(Icon::Next),
            &ctx.t(k::result::NEXT),
        );
    });
    m.close("section");
    ctx.show(&m);

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
fn overview(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
    let needs: Vec<String> = evaluation
        .orientation
        .needs
        .iter()
        .map(|need| ctx.goal(need.id()))
        .collect();
    if !needs.is_empty() {
        m.open_class("div", "an-box an-missing")
            .leaf("h3", &[], &ctx.t(k::result::SITUATION_TITLE))
            .leaf("p", &[], &ctx.t(k::result::MISSING))
            .list_or(&needs, "")
            .close("div");
    }
    level_chart(ctx, m, &evaluation.assessment.domains);
    // What an exercise contradicted: the person said they could, the exercise says otherwise.
    let to_check: Vec<String> = evaluation
        .assessment
        .domains
        .iter()
        .flat_map(|d| &d.to_check)
        .map(|id| ctx.t(Key::computed(&format!("q.{id}.check"))))
        .collect();
    boxed(
        ctx,
        m,
        "an-box an-to-check-box",
        k::result::TO_CHECK_TITLE,
        &to_check,
    );
    // The domains where the person is at ease, alone or with help.
    let strong: Vec<String> = evaluation
        .assessment
        .strengths()
        .map(|d| ctx.domain_name(&d.domain))
        .collect();
    boxed(ctx, m, "an-box an-strong", k::result::STRONG_TITLE, &strong);
    if let Some(previous) = ctx.settings(|s| s.previous.clone()) {
        progress(ctx, evaluation, &previous, m);
    }
    // One kind sentence comparing with the national figures, when the partner turned it on.
    if let Some(reading) = evaluation
        .national
        .as_ref()
        .filter(|_| ctx.settings(|s| s.modules.national))
    {
        m.open_class("div", "an-box an-national")
            .leaf("h3", &[], &ctx.t(k::national::TITLE))
            .leaf(
                "p",
                &[],
                &ctx.t(Key::computed(&reading.category.visitor_key())),
            )
            .leaf_class("p", "an-small", &ctx.t(k::national::INDICATIVE))
            .close("div");
    }
}

/// A titled box with a list; nothing when the list is empty (no screen shows an empty list).
fn boxed(ctx: &Ctx, m: &mut Markup, class: &str, title: Key, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    m.open_class("div", class)
        .leaf("h3", &[], &ctx.t(title))
        .list_or(lines, "")
        .close("div");
}

/// Per domain, how the level moved since the previous result kept on this device.
fn progress(ctx: &Ctx, evaluation: &Evaluation, previous: &PastResult, m: &mut Markup) {
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
    m.open_class("div", "an-box an-progress-since")
        .leaf(
            "h3",
            &[],
            &ctx.format(k::result::PROGRESS_TITLE, &[("date", &date)]),
        )
        .list_or(&changes, &ctx.t(k::result::PROGRESS_SAME))
        .close("div");
}

/// "Ce que je veux apprendre d'abord": up to 3 of the first steps the core proposes.
fn priorities(ctx: &Ctx, evaluation: &Evaluation, session: &Session, m: &mut Markup) {
    let candidates = evaluation.priority_choices();
    if candidates.is_empty() {
        m.leaf_class("p", "an-box", &ctx.t(k::result::NO_GOALS));
        return;
    }
    let full = session.priorities.len() >= MAX_PRIORITIES;
    m.open(
        "fieldset",
        &[
            ("class", "an-box an-priorities"),
            ("aria-describedby", "an-priorities-hint"),
        ],
    )
    .open("legend", &[])
    .leaf("h3", &[], &ctx.t(k::result::PRIORITIES_TITLE))
    .close("legend")
    .leaf(
        "p",
        &[("class", "an-hint"), ("id", "an-priorities-hint")],
        &ctx.t(k::result::PRIORITIES_HINT),
    )
    .open_class("ul", "an-goal-list");
    for goal in candidates {
        let input_id = format!("an-goal-{}", goal.replace(['.', '_'], "-"));
        let checked = session.priorities.contains(goal);
        let mut attrs = vec![
            ("type", "checkbox"),
            ("id", input_id.as_str()),
            ("value", goal.as_str()),
            ("data-do", "priority"),
            ("data-arg", goal.as_str()),
        ];
        if checked {
            attrs.push(("checked", ""));
        } else if full {
            attrs.push(("disabled", ""));
        }
        m.open("li", &[])
            .open("label", &[("class", "an-check"), ("for", &input_id)])
            .open("input", &attrs)
            .leaf("span", &[], &ctx.goal(goal))
            .close("label")
            .close("li");
    }
    m.close("ul")
        .leaf(
            "p",
            &[("class", "an-count"), ("aria-live", "polite")],
            &count_text(ctx, session),
        )
        .close("fieldset");
}
