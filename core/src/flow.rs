//! Which question comes next. Items are asked in bank order; an item is skipped when its
//! `relevant_if` or `ask_if` condition fails. Conditions only look at earlier items
//! (checked by `Bank::validate`), so walking the bank once is enough.

use crate::bank::{AnswerLookup, Bank, Condition, Item};

/// Whether the item concerns the person at all (e.g. job questions for a job seeker).
pub fn is_relevant(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    item.relevant_if
        .as_deref()
        .is_none_or(|name| bank.holds(name, answers))
}

/// Whether the item is put to the person, given the answers so far.
pub fn is_asked(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    is_relevant(bank, item, answers)
        && item
            .ask_if
            .as_deref()
            .is_none_or(|name| bank.holds(name, answers))
}

/// The next item to ask, or `None` when the assessment is complete.
pub fn next_item<'a>(bank: &'a Bank, answers: &dyn AnswerLookup) -> Option<&'a Item> {
    bank.items
        .iter()
        .find(|item| answers.answer_of(&item.id).is_none() && is_asked(bank, item, answers))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based number of the current question ("question 7").
    pub current: usize,
    /// Questions answered plus those that may still be asked ("sur 28").
    pub total: usize,
}

/// Progress for "Question 7 sur 28". The total shrinks as skip rules rule items out.
pub fn progress(bank: &Bank, answers: &dyn AnswerLookup) -> Progress {
    let answered = bank
        .items
        .iter()
        .filter(|item| answers.answer_of(&item.id).is_some())
        .count();
    let may_come = bank
        .items
        .iter()
        .filter(|item| answers.answer_of(&item.id).is_none())
        .filter(|item| {
            [item.relevant_if.as_deref(), item.ask_if.as_deref()]
                .into_iter()
                .flatten()
                .all(|name| maybe_holds(bank, name, answers) != Some(false))
        })
        .count();
    let total = answered + may_come;
    Progress {
        current: (answered + 1).min(total.max(1)),
        total: total.max(1),
    }
}

/// Three-valued evaluation: `None` when the answer depends on items not answered yet.
fn maybe_holds(bank: &Bank, name: &str, answers: &dyn AnswerLookup) -> Option<bool> {
    bank.conditions
        .get(name)
        .and_then(|condition| eval3(bank, condition, answers, 0))
}

fn eval3(
    bank: &Bank,
    condition: &Condition,
    answers: &dyn AnswerLookup,
    depth: usize,
) -> Option<bool> {
    if depth > 16 {
        return Some(false);
    }
    match condition {
        // Same rule as `Bank::eval`: an item left out of the bank does not block others.
        Condition::Answer { item, .. } if bank.item(item).is_none() => Some(true),
        Condition::Answer { item, one_of } => {
            answers.answer_of(item).map(|given| one_of.contains(&given))
        }
        Condition::All { all } => {
            let mut unknown = false;
            for c in all {
                match eval3(bank, c, answers, depth + 1) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(true)
            }
        }
        Condition::Any { any } => {
            let mut unknown = false;
            for c in any {
                match eval3(bank, c, answers, depth + 1) {
                    Some(true) => return Some(true),
                    None => unknown = true,
                    Some(false) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(false)
            }
        }
        Condition::Ref { name } => bank
            .conditions
            .get(name)
            .and_then(|c| eval3(bank, c, answers, depth + 1)),
    }
}
