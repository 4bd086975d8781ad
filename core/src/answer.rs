//! What a person can answer to one item.

use crate::bank::{Item, ItemKind};

/// One answer. Its [`code`](Answer::code) is stored in localStorage, written in skip rules
/// and in share codes, so codes must never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Possession: "Oui".
    Yes,
    /// Possession: "Non".
    No,
    /// Rating: "Je le fais seul(e)".
    Alone,
    /// Rating: "Je le fais avec de l'aide".
    WithHelp,
    /// Rating: "Je ne sais pas encore le faire".
    NotYet,
    /// "Je ne comprends pas la question" (possession, rating) or "Je ne sais pas" (task).
    Unsure,
    /// Task: the index of the chosen option.
    Choice(u8),
}

impl Answer {
    pub const RATINGS: [Answer; 4] = [
        Answer::Alone,
        Answer::WithHelp,
        Answer::NotYet,
        Answer::Unsure,
    ];
    pub const POSSESSIONS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::Unsure];

    /// Whether this answer is one the item offers.
    pub fn fits(self, item: &Item) -> bool {
        match (item.kind, self) {
            (ItemKind::Possession, Answer::Yes | Answer::No | Answer::Unsure) => true,
            (
                ItemKind::Rating,
                Answer::Alone | Answer::WithHelp | Answer::NotYet | Answer::Unsure,
            ) => true,
            (ItemKind::Task, Answer::Unsure) => true,
            (ItemKind::Task, Answer::Choice(index)) => usize::from(index) < item.options.len(),
            _ => false,
        }
    }

    /// The choices offered for an item, in display order.
    pub fn choices_for(item: &Item) -> Vec<Answer> {
        match item.kind {
            ItemKind::Possession => Self::POSSESSIONS.to_vec(),
            ItemKind::Rating => Self::RATINGS.to_vec(),
            ItemKind::Task => (0..item.options.len())
                .filter_map(|i| u8::try_from(i).ok())
                .map(Answer::Choice)
                .chain(std::iter::once(Answer::Unsure))
                .collect(),
        }
    }

    /// A short stable code, used as the value of the answer's radio button.
    pub fn code(self) -> String {
        match self {
            Answer::Yes => "yes".into(),
            Answer::No => "no".into(),
            Answer::Alone => "alone".into(),
            Answer::WithHelp => "help".into(),
            Answer::NotYet => "notyet".into(),
            Answer::Unsure => "unsure".into(),
            Answer::Choice(index) => format!("choice-{index}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        Some(match code {
            "yes" => Answer::Yes,
            "no" => Answer::No,
            "alone" => Answer::Alone,
            "help" => Answer::WithHelp,
            "notyet" => Answer::NotYet,
            "unsure" => Answer::Unsure,
            other => {
                let index = other.strip_prefix("choice-")?;
                // Only canonical numbers, so every answer has exactly one code.
                if index.is_empty() || (index.len() > 1 && index.starts_with('0')) {
                    return None;
                }
                Answer::Choice(index.parse().ok()?)
            }
        })
    }

    /// The i18n key of the label shown for this answer to this item.
    pub fn label_key(self, item: &Item) -> String {
        match (self, item.kind) {
            (Answer::Unsure, ItemKind::Task) => "answer.task_unsure".to_string(),
            (Answer::Choice(index), _) => match item.options.get(usize::from(index)) {
                Some(option) => format!("q.{}.opt.{option}", item.id),
                None => "answer.task_unsure".to_string(),
            },
            (Answer::Yes, _) => "answer.yes".to_string(),
            (Answer::No, _) => "answer.no".to_string(),
            (Answer::Alone, _) => "answer.alone".to_string(),
            (Answer::WithHelp, _) => "answer.help".to_string(),
            (Answer::NotYet, _) => "answer.notyet".to_string(),
            (Answer::Unsure, _) => "answer.unsure".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_round_trip() {
        let all = [
            Answer::Yes,
            Answer::No,
            Answer::Alone,
            Answer::WithHelp,
            Answer::NotYet,
            Answer::Unsure,
            Answer::Choice(0),
            Answer::Choice(2),
            Answer::Choice(255),
        ];
        let codes: Vec<String> = all.iter().map(|a| a.code()).collect();
        assert_eq!(
            codes,
            [
                "yes",
                "no",
                "alone",
                "help",
                "notyet",
                "unsure",
                "choice-0",
                "choice-2",
                "choice-255"
            ]
        );
        for answer in all {
            assert_eq!(Answer::from_code(&answer.code()), Some(answer));
        }
        for bad in [
            "",
            "Yes",
            "choice-",
            "choice-01",
            "choice-256",
            "choice--1",
            "maybe",
        ] {
            assert_eq!(Answer::from_code(bad), None, "{bad}");
        }
    }
}
