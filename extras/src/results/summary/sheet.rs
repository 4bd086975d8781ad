//! The one-page sheet a person prints and brings to a mediation point, and the mediator's view
//! prints from a code. A mediator reads it in a minute, top to bottom: the situation, the first
//! 3 steps, the level per domain (with what is to check), what the person does alone, with help
//! or not yet, the questions not understood, the advice and the chosen place; then room for
//! notes beside the code and its QR code, and the line saying nothing left the device.
//! The print rules (`summary.css`) fit it on one A4 page, legible in black and white.
//!
//! This file holds the sheet's layout and the sections read from the evaluation; the chosen
//! place's section is `place.rs`, the code and its QR code `share.rs`.
//!
//! Written with the `h()` builder of `autonomie_ui::markup`: nothing on it changes once shown, except
//! the chosen place in the mediator's view, found after the sheet shows.

use crate::k;
use autonomie_core::evaluation::Evaluation;
use autonomie_core::i18n::Key;
use autonomie_core::scoring::{Level, Outcome};
use autonomie_core::session::{ChosenPlace, Session};
use autonomie_ui::markup::{h, list_or, H};
use autonomie_ui::texts::Texts;

use super::place::place_section;
use super::share::share_block;
use crate::results::chart::{level_text, shown_domains, step_bar, to_check_mark};
use crate::results::orientation::reason;
use crate::results::Ctx;

/// What the sheet shows besides the evaluation.
pub struct SheetOf<'a> {
    pub session: &'a Session,
    pub evaluation: &'a Evaluation,
    /// The code and QR code for the mediator (the partner's `share` module).
    pub share: bool,
    /// The chosen place (the mediator's view finds it after the sheet shows, and fills
    /// `.an-place-slot` then).
    pub place: Option<&'a ChosenPlace>,
}

pub fn sheet(ctx: &Ctx, of: SheetOf<'_>) -> H {
    let SheetOf {
        session,
        evaluation,
        share,
        place,
    } = of;
    let day = if session.started_on.is_empty() {
        autonomie_ui::clock::today_iso()
    } else {
        session.started_on.clone()
    };
    let name = (!session.first_name.is_empty())
        .then(|| h("p").child(ctx.format(k::summary::NAME, &[("name", &session.first_name)])));
    h("article")
        .class("an-sheet")
        .child(
            h("header").class("an-sheet-head").child(
                h("div")
                    .class("an-sheet-who")
                    .child(
                        h("h2")
                            .id("an-summary-title")
                            .attr("tabindex", "-1")
                            .child(ctx.t(k::summary::TITLE)),
                    )
                    .child(h("p").child(ctx.format(
                        k::summary::DATE,
                        &[("date", &autonomie_ui::clock::long_date(&day, ctx.lang()))],
                    )))
                    .child(name),
            ),
        )
        .child(situation(ctx, evaluation))
        .child(
            h("div")
                .class("an-sheet-top")
                .child(steps(ctx, evaluation))
                .child(levels(ctx, evaluation)),
        )
        .child(can_do(ctx, evaluation))
        .child(not_understood(ctx, evaluation))
        .child(advice(ctx, evaluation))
        .child(
            h("div")
                .class("an-place-slot")
                .child(place.map(|place| place_section(ctx, place))),
        )
        .child(
            h("div")
                .class("an-sheet-end")
                .child(
                    h("section")
                        .class("an-sheet-notes")
                        .child(h("h3").child(ctx.t(k::summary::NOTES)))
                        .child(h("div").class("an-notes-area")),
                )
                .child(share.then(|| share_block(ctx, session)).flatten()),
        )
        .child(
            h("footer")
                .class("an-sheet-foot")
                .child(h("p").child(ctx.t(k::summary::LOCAL_ONLY))),
        )
}

/// "Titre : texte · texte", one line of the sheet.
fn joined(ctx: &Ctx, label: Key, texts: &[String]) -> H {
    h("p")
        .child(h("strong").child(format!("{} : ", ctx.t(label))))
        .child(texts.join(" · "))
}

/// "Ma situation", readable in a few seconds: each choice with its answer, then the facts
/// answered "Oui" in one line and those answered "Non" in another, then what is missing.
fn situation(ctx: &Ctx, evaluation: &Evaluation) -> H {
    use autonomie_core::Answer;
    let bank = ctx.bank();
    let short = |id: &str| ctx.t(Key::computed(&format!("q.{id}.short")));
    let mut choices = Vec::new();
    let mut by_answer: Vec<(Answer, Vec<String>)> = Vec::new();
    for (id, answer) in evaluation.situation.lines() {
        let Some(item) = bank.item(id) else {
            continue;
        };
        match answer {
            Answer::Choice(_) => choices.push(format!(
                "{} : {}",
                short(id),
                ctx.t(Key::computed(&answer.label_key(item)))
            )),
            // Listed with the questions not understood.
            Answer::NotUnderstood => {}
            other => match by_answer.iter_mut().find(|(a, _)| *a == other) {
                Some((_, ids)) => ids.push(short(id)),
                None => by_answer.push((other, vec![short(id)])),
            },
        }
    }
    autonomie_core::small_sort::sort_by_key(&mut by_answer, |(answer, _)| match answer {
        Answer::Yes => 0,
        Answer::No => 1,
        _ => 2,
    });
    let missing: Vec<String> = evaluation
        .orientation
        .needs
        .iter()
        .map(|need| ctx.t(Key::computed(&need.goal_key())))
        .collect();
    h("section")
        .class("an-sheet-situation")
        .child(h("h3").child(ctx.t(k::summary::SITUATION)))
        .child((!choices.is_empty()).then(|| h("p").child(choices.join(" · "))))
        .children(by_answer.into_iter().map(|(answer, ids)| {
            let label = answer
                .common_label_key()
                .map_or(k::answer::DONTKNOW, Key::computed);
            joined(ctx, label, &ids)
        }))
        .child((!missing.is_empty()).then(|| joined(ctx, k::summary::MISSING, &missing)))
}

/// "Mes 3 premières étapes": the person's priorities, or the first steps.
fn steps(ctx: &Ctx, evaluation: &Evaluation) -> H {
    let steps = evaluation.summary_steps();
    let list = if steps.is_empty() {
        h("p").child(ctx.t(k::summary::NONE))
    } else {
        h("ol").children(steps.iter().map(|id| h("li").child(ctx.goal(id))))
    };
    h("section")
        .class("an-sheet-priorities")
        .child(h("h3").child(ctx.t(k::summary::STEPS)))
        .child(list)
}

/// The level per domain: bar, words, and "à vérifier" when an exercise contradicts it.
fn levels(ctx: &Ctx, evaluation: &Evaluation) -> H {
    let rows = shown_domains(&evaluation.assessment.domains).map(|d| {
        h("tr")
            .child(
                h("th")
                    .attr("scope", "row")
                    .child(ctx.domain_name(&d.domain)),
            )
            .child(
                h("td")
                    .class("an-level-bar")
                    .child(step_bar(d.level.map_or(0, Level::step))),
            )
            .child(
                h("td")
                    .child(level_text(ctx, d.level))
                    .child(to_check_mark(ctx, d)),
            )
    });
    h("section")
        .class("an-sheet-levels")
        .child(h("h3").child(ctx.t(k::summary::LEVELS)))
        .child(
            h("table")
                .class("an-levels")
                .child(h("tbody").children(rows)),
        )
}

/// What a mediator calls an item in a list: a fact in a few words, anything else by its goal.
pub fn item_label(ctx: &Ctx, id: &str) -> String {
    let situation = ctx
        .bank()
        .item(id)
        .and_then(|item| ctx.bank().domain(&item.domain))
        .is_some_and(|d| d.kind == autonomie_core::bank::DomainKind::Situation);
    if situation {
        ctx.t(Key::computed(&format!("q.{id}.short")))
    } else {
        ctx.goal(id)
    }
}

/// The skills answered alone, with help, and not yet ("quelqu'un le fait pour moi" is said).
fn can_do(ctx: &Ctx, evaluation: &Evaluation) -> H {
    let bank = ctx.bank();
    let with = |outcomes: &[Outcome]| -> Vec<String> {
        evaluation
            .assessment
            .skills_with(bank, outcomes)
            .map(|r| {
                let goal = ctx.goal(&r.item_id);
                if r.outcome == Outcome::DoneForMe {
                    format!("{goal} ({})", ctx.t(k::summary::DONE_FOR_ME))
                } else {
                    goal
                }
            })
            .collect()
    };
    let none = ctx.t(k::summary::NONE);
    h("section").class("an-sheet-can").children(
        [
            (k::summary::CAN_ALONE, &[Outcome::Alone][..]),
            (k::summary::CAN_HELP, &[Outcome::WithHelp][..]),
            (
                k::summary::NOT_YET,
                &[Outcome::NotYet, Outcome::DoneForMe][..],
            ),
        ]
        .into_iter()
        .map(|(title, outcomes)| {
            h("div")
                .class("an-goal-column")
                .child(h("h3").child(ctx.t(title)))
                .child(list_or(with(outcomes), &none))
        }),
    )
}

/// The questions not understood, if any.
fn not_understood(ctx: &Ctx, evaluation: &Evaluation) -> Option<H> {
    let not_understood: Vec<String> = evaluation
        .assessment
        .with_outcome(Outcome::NotUnderstood)
        .map(|r| item_label(ctx, &r.item_id))
        .collect();
    (!not_understood.is_empty()).then(|| {
        h("section").class("an-sheet-unclear").child(joined(
            ctx,
            k::summary::NOT_UNDERSTOOD,
            &not_understood,
        ))
    })
}

/// "L'aide conseillée": the services with their reasons, and the kind of help.
fn advice(ctx: &Ctx, evaluation: &Evaluation) -> H {
    let orientation = &evaluation.orientation;
    let section = h("section")
        .class("an-sheet-orientation")
        .child(h("h3").child(ctx.t(k::summary::ORIENTATION)));
    if orientation.nothing_needed() {
        return section.child(h("p").child(ctx.t(k::orientation::NOTHING_NEEDED)));
    }
    let services = orientation.services.iter().map(|advice| {
        h("li")
            .child(h("strong").child(ctx.t(Key::computed(&advice.service.i18n_key()))))
            .child(format!(" — {}", reason(ctx, advice)))
    });
    let kinds = (!orientation.help.is_empty()).then(|| {
        let kinds: Vec<String> = orientation
            .help
            .iter()
            .map(|kind| ctx.t(Key::computed(kind.i18n_key())))
            .collect();
        joined(ctx, k::summary::HELP_KIND, &kinds)
    });
    section
        .child(h("ul").class("an-service-list").children(services))
        .child(kinds)
}
