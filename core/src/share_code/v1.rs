//! What answers to bank v1 mean in bank v2: for codes printed before December 2026 and for
//! results kept on a device by an older version.
//!
//! An answer is kept when bank v2 still asks the same question (same id) and offers that
//! answer. Two v1 answers say something precise in v2: "Oui" to "Avez-vous un smartphone ?"
//! (a smartphone) and "Non" to "Avez-vous une adresse e-mail ?" (no address). Every other
//! answer is *retired*: listed apart as "question retirée", with the old question's words
//! (`retired.<id>`), never thrown away and never turned into a different answer.

use crate::answer::Answer;
use crate::bank::Bank;
use crate::session::GivenAnswer;

/// The right option of bank v1's exercises that bank v2 no longer has.
const RETIRED_TASKS: [(&str, u8); 3] = [
    ("dev.task_back", 0),
    ("adm.task_required_field", 0),
    ("sec.task_sms", 1),
];

/// Bank v1 answers read into bank v2.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Migrated {
    /// Answers to bank v2 items.
    pub answers: Vec<GivenAnswer>,
    /// Bank v1 answers with no place in bank v2 (v1 item ids and answers).
    pub retired: Vec<GivenAnswer>,
}

/// Reads bank v1 answers into `bank` (bank v2, possibly restricted by a partner).
pub fn to_bank_v2(answers: &[GivenAnswer], bank: &Bank) -> Migrated {
    let mut migrated = Migrated::default();
    for given in answers {
        let translated = match (given.item.as_str(), given.answer) {
            ("eq.smartphone", Answer::Yes) => Some(("sit.phone", Answer::Choice(0))),
            ("eq.email", Answer::No) => Some(("sit.email", Answer::Choice(2))),
            (id, answer) if !id.starts_with("eq.") => Some((id, answer)),
            _ => None,
        };
        let kept = translated.filter(|(id, answer)| {
            !RETIRED_TASKS.iter().any(|(task, _)| task == id)
                && bank.item(id).is_some_and(|item| answer.fits(item))
        });
        match kept {
            Some((id, answer)) => migrated.answers.push(GivenAnswer {
                item: id.to_string(),
                answer,
            }),
            None => migrated.retired.push(given.clone()),
        }
    }
    migrated
}

/// For a retired exercise, whether the answer was the right one (`None` for other items).
pub fn retired_task_was_right(given: &GivenAnswer) -> Option<bool> {
    let (_, correct) = RETIRED_TASKS.iter().find(|(id, _)| *id == given.item)?;
    Some(given.answer == Answer::Choice(*correct))
}

/// The i18n key of a retired question's words.
pub fn retired_key(item: &str) -> String {
    format!("retired.{item}")
}
