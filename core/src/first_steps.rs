//! First steps: what to start with, most useful first. The result screen offers the first
//! [`MAX_CHOICES`] as priorities to choose ("ce que je veux apprendre d'abord"); the summary's
//! "Mes 3 premières étapes" are the person's priorities, or the first 3 steps when they chose
//! none.
//!
//! # Order
//! 1. What is missing to go online: a device, a connection, an e-mail address, its password.
//! 2. With an urgent procedure, the procedures the person cannot do alone yet.
//! 3. The first item of each skill domain, when it is a need: the basics before the rest.
//! 4. For a job seeker, the job items.
//! 5. Every other need, in the bank's order (easiest first within a domain).
//!
//! A need is a rating answered "avec de l'aide", "pas encore" or "quelqu'un le fait pour moi",
//! or a skill whose exercise did not succeed. Items not asked, not understood or not needed are
//! never steps.

use crate::bank::{AnswerLookup, Bank, ItemKind};
use crate::flow;
use crate::orientation::PROCEDURES_DOMAIN;
use crate::scoring::{Assessment, Outcome};
use crate::situation::Situation;

/// Most priorities offered to choose from.
pub const MAX_CHOICES: usize = 8;

/// Steps on the summary when the person chose no priority.
pub const SHOWN_ON_SUMMARY: usize = 3;

/// Every first step, most useful first: item ids, or `need.*` ids (see [`crate::situation::Need`]).
pub fn first_steps(
    bank: &Bank,
    assessment: &Assessment,
    situation: &Situation,
    answers: &dyn AnswerLookup,
) -> Vec<String> {
    let mut steps: Vec<String> = situation
        .needs()
        .into_iter()
        .map(|need| need.id().to_string())
        .collect();
    let is_need = |id: &str| -> bool {
        let Some(item) = bank.item(id) else {
            return false;
        };
        if !item.goal || item.kind != ItemKind::Rating {
            return false;
        }
        let failed_exercise = bank
            .items
            .iter()
            .zip(&assessment.items)
            .any(|(task, r)| task.after.as_deref() == Some(id) && r.outcome == Outcome::Wrong);
        assessment
            .item(id)
            .is_some_and(|r| r.outcome.is_need() || failed_exercise)
    };
    let push = |steps: &mut Vec<String>, id: &str| {
        if is_need(id) && !steps.iter().any(|s| s == id) {
            steps.push(id.to_string());
        }
    };
    if situation.urgent() {
        for item in bank.domain_items(PROCEDURES_DOMAIN) {
            push(&mut steps, &item.id);
        }
    }
    for domain in bank.skill_domains() {
        if let Some(first) = flow::first_item(bank, &domain.id, answers) {
            push(&mut steps, &first.id);
        }
    }
    if situation.job_seeker() {
        for item in bank.items.iter().filter(|i| i.domain == "emploi") {
            push(&mut steps, &item.id);
        }
    }
    for item in &bank.items {
        push(&mut steps, &item.id);
    }
    steps
}

/// The priorities offered to choose from.
pub fn choices(steps: &[String]) -> &[String] {
    &steps[..steps.len().min(MAX_CHOICES)]
}

/// "Mes 3 premières étapes": the priorities chosen, or the first steps.
pub fn summary_steps(steps: &[String], priorities: &[String]) -> Vec<String> {
    if priorities.is_empty() {
        steps.iter().take(SHOWN_ON_SUMMARY).cloned().collect()
    } else {
        priorities.to_vec()
    }
}
