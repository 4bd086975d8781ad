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
//! Written as markup (see `autonomie_ui::markup`): nothing on it changes once shown, except
//! the chosen place in the mediator's view, found after the sheet shows.

use crate::k;
use autonomie_core::evaluation::Evaluation;
use autonomie_core::i18n::Key;
use autonomie_core::scoring::{Level, Outcome};
use autonomie_core::session::{ChosenPlace, Session};
use autonomie_ui::markup::Markup;
use autonomie_ui::texts::Texts;

use super::place::place_section;
use super::share::share_block;
use crate::results::chart::{level_text, shown_domains, step_bar};
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

pub fn sheet(ctx: &Ctx, top: &mut Markup, of: SheetOf<'_>) {
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
    top.open_class("article", "an-sheet")
        .open_class("header", "an-sheet-head")
        .open_class("div", "an-sheet-who")
        .leaf(
            "h2",
            &[("id", "an-summary-title"), ("tabindex", "-1")],
            &ctx.t(k::summary::TITLE),
        )
        .leaf(
            "p",
            &[],
            &ctx.format(
                k::summary::DATE,
                &[("date", &autonomie_ui::clock::long_date(&day, ctx.lang()))],
            ),
        );
    if !session.first_name.is_empty() {
        top.leaf(
            "p",
            &[],
            &ctx.format(k::summary::NAME, &[("name", &session.first_name)]),
        );
    }
    top.close("div").close("header");
    situation(ctx, evaluation, top);
    top.open_class("div", "an-sheet-top");
    steps(ctx, evaluation, top);
    levels(ctx, evaluation, top);
    top.close("div");
    can_do(ctx, evaluation, top);
    advice(ctx, evaluation, top);

    top.open_class("div", "an-place-slot");
    if let Some(place) = place {
        place_section(ctx, top, place);
    }
    top.close("div")
        .open_class("div", "an-sheet-end")
        .open_class("section", "an-sheet-notes")
        .leaf("h3", &[], &ctx.t(k::summary::NOTES))
        .open_class("div", "an-notes-area")
        .close("div")
        .close("section");
    if share {
        share_block(ctx, session, top);
    }
    top.close("div")
        .open_class("footer", "an-sheet-foot")
        .leaf("p", &[], &ctx.t(k::summary::LOCAL_ONLY))
        .close("footer")
        .close("article");
}

/// "Titre : texte · texte", one line of the sheet.
fn joined(ctx: &Ctx, label: Key, texts: &[String], m: &mut Markup) {
    m.open("p", &[])
        .leaf("strong", &[], &format!("{} : ", ctx.t(label)))
        .text(&texts.join(" · "))
        .close("p");
}

/// "Ma situation", readable in a few seconds: each choice with its answer, then the facts
/// answered "Oui" in one line and those answered "Non" in another, then what is missing.
fn situation(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
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
    m.open_class("section", "an-sheet-situation")
        .leaf("h3", &[], &ctx.t(k::summary::SITUATION));
    if !choices.is_empty() {
        m.leaf("p", &[], &choices.join(" · "));
    }
    for (answer, ids) in by_answer {
        let label = answer
            .common_label_key()
            .map_or(k::answer::DONTKNOW, Key::computed);
        joined(ctx, label, &ids, m);
    }
    let missing: Vec<String> = evaluation
        .orientation
        .needs
        .iter()
        .map(|need| ctx.t(Key::computed(&need.goal_key())))
        .collect();
    if !missing.is_empty() {
        joined(ctx, k::summary::MISSING, &missing, m);
    }
    m.close("section");
}

/// "Mes 3 premières étapes": the person's priorities, or the first steps.
fn steps(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
    let steps = evaluation.summary_steps();
    m.open_class("section", "an-sheet-priorities")
        .leaf("h3", &[], &ctx.t(k::summary::STEPS));
    if steps.is_empty() {
        m.leaf("p", &[], &ctx.t(k::summary::NONE));
    } else {
        m.open("ol", &[]);
        for id in &steps {
            m.leaf("li", &[], &ctx.goal(id));
        }
        m.close("ol");
    }
    m.close("section");
}

/// The level per domain: bar, words, and "à vérifier" when an exercise contradicts it.
fn levels(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
    m.open_class("section", "an-sheet-levels")
        .leaf("h3", &[], &ctx.t(k::summary::LEVELS))
        .open_class("table", "an-levels")
        .open("tbody", &[]);
    for d in shown_domains(&evaluation.assessment.domains) {
        m.open("tr", &[])
            .leaf("th", &[("scope", "row")], &ctx.domain_name(&d.domain))
            .open_class("td", "an-level-bar");
        step_bar(m, d.level.map_or(0, Level::step));
        m.close("td")
            .open("td", &[])
            .text(&level_text(ctx, d.level));
        if !d.to_check.is_empty() {
            m.leaf_class("span", "an-to-check", &ctx.t(k::level::TO_CHECK));
        }
        m.close("td").close("tr");
    }
    m.close("tbody").close("table").close("section");
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

/// The skills answered alone, with help, and not yet ("quelqu'un le fait pour moi" is said),
/// then the questions not understood.
fn can_do(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
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
    m.open_class("section", "an-sheet-can");
    for (title, outcomes) in [
        (k::summary::CAN_ALONE, &[Outcome::Alone][..]),
        (k::summary::CAN_HELP, &[Outcome::WithHelp][..]),
        (
            k::summary::NOT_YET,
            &[Outcome::NotYet, Outcome::DoneForMe][..],
        ),
    ] {
        m.open_class("div", "an-goal-column")
            .leaf("h3", &[], &ctx.t(title))
            .list_or(&with(outcomes), &ctx.t(k::summary::NONE))
            .close("div");
    }
    m.close("section");
    let not_understood: Vec<String> = evaluation
        .assessment
        .with_outcome(Outcome::NotUnderstood)
        .map(|r| item_label(ctx, &r.item_id))
        .collect();
    if !not_understood.is_empty() {
        m.open_class("section", "an-sheet-unclear");
        joined(ctx, k::summary::NOT_UNDERSTOOD, &not_understood, m);
        m.close("section");
    }
}

/// "L'aide conseillée": the services with their reasons, and the kind of help.
fn advice(ctx: &Ctx, evaluation: &Evaluation, m: &mut Markup) {
    let orientation = &evaluation.orientation;
    m.open_class("section", "an-sheet-orientation").leaf(
        "h3",
        &[],
        &ctx.t(k::summary::ORIENTATION),
    );
    if orientation.nothing_needed() {
        m.leaf("p", &[], &ctx.t(k::orientation::NOTHING_NEEDED));
    } else {
        m.open_class("ul", "an-service-list");
        for advice in &orientation.services {
            m.open("li", &[])
                .leaf(
                    "strong",
                    &[],
                    &ctx.t(Key::computed(&advice.service.i18n_key())),
                )
                .text(&format!(" — {}", reason(ctx, advice)))
                .close("li");
        }
        m.close("ul");
        if !orientation.help.is_empty() {
            let kinds: Vec<String> = orientation
                .help
                .iter()
                .map(|kind| ctx.t(Key::computed(kind.i18n_key())))
                .collect();
            joined(ctx, k::summary::HELP_KIND, &kinds, m);
        }
    }
    m.close("section");
}
