//! What a person can answer to one item, and which answers each item offers.
//!
//! | kind     | answers offered, in display order                                          |
//! |----------|-----------------------------------------------------------------------------|
//! | fact     | Oui · Non · (Je ne sais pas) · Je ne comprends pas la question              |
//! | choice   | its options · Je ne comprends pas la question                               |
//! | rating   | Je le fais sans aide · Je le fais avec de l'aide · (Quelqu'un le fait pour moi) · Je ne sais pas encore le faire · (Je n'en ai pas besoin) · Je ne comprends pas la question |
//! | task     | its options · Je ne sais pas · Je ne comprends pas la question              |
//!
//! The answers in brackets are offered when the item says so in the bank (`dont_know`,
//! `done_for_me`, `no_need`). "Je ne comprends pas la question" is on every item and means
//! *not understood*: never "not yet", never a missing piece of equipment.

use crate::bank::{Item, ItemKind};

/// One answer. Its [`code`](Answer::code) is stored in localStorage and written in skip rules,
/// so codes never change; share codes use their own frozen digit tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Fact: "Oui".
    Yes,
    /// Fact: "Non".
    No,
    /// Fact or task: "Je ne sais pas".
    DontKnow,
    /// Rating: "Je le fais sans aide".
    Alone,
    /// Rating: "Je le fais avec de l'aide".
    WithHelp,
    /// Rating: "Quelqu'un le fait pour moi".
    DoneForMe,
    /// Rating: "Je ne sais pas encore le faire".
    NotYet,
    /// Rating: "Je n'en ai pas besoin".
    NoNeed,
    /// "Je ne comprends pas la question", on every item.
    NotUnderstood,
    /// Choice or task: the index of the option chosen.
    Choice(u8),
}

impl Answer {
    /// Whether this answer is one the item offers.
    pub fn fits(self, item: &Item) -> bool {
        Answer::choices_for(item).contains(&self)
    }

    /// The answers offered for an item, in display order.
    pub fn choices_for(item: &Item) -> Vec<Answer> {
        let options = || {
            (0..item.options.len())
                .filter_map(|i| u8::try_from(i).ok())
                .map(Answer::Choice)
        };
        let mut out: Vec<Answer> = match item.kind {
            ItemKind::Fact => {
                let mut v = vec![Answer::Yes, Answer::No];
                if item.dont_know {
                    v.push(Answer::DontKnow);
                }
                v
            }
            ItemKind::Choice => options().collect(),
            ItemKind::Rating => {
                let mut v = vec![Answer::Alone, Answer::WithHelp];
                if item.done_for_me {
                    v.push(Answer::DoneForMe);
                }
                v.push(Answer::NotYet);
                if item.no_need {
                    v.push(Answer::NoNeed);
                }
                v
            }
            ItemKind::Task => options().chain([Answer::DontKnow]).collect(),
        };
        out.push(Answer::NotUnderstood);
        out
    }

    /// A short stable code, used as the value of the answer's radio button and in storage.
    pub fn code(self) -> String {
        match self {
            Answer::Yes => "yes".into(),
            Answer::No => "no".into(),
            Answer::DontKnow => "dontknow".into(),
            Answer::Alone => "alone".into(),
            Answer::WithHelp => "help".into(),
            Answer::DoneForMe => "forme".into(),
            Answer::NotYet => "notyet".into(),
            Answer::NoNeed => "noneed".into(),
            Answer::NotUnderstood => "unsure".into(),
            Answer::Choice(index) => format!("choice-{index}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        Some(match code {
            "yes" => Answer::Yes,
            "no" => Answer::No,
            "dontknow" => Answer::DontKnow,
            "alone" => Answer::Alone,
            "help" => Answer::WithHelp,
            "forme" => Answer::DoneForMe,
            "notyet" => Answer::NotYet,
            "noneed" => Answer::NoNeed,
            "unsure" => Answer::NotUnderstood,
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
        match self {
            Answer::Choice(index) => match item.options.get(usize::from(index)) {
                Some(option) => format!("q.{}.opt.{option}", item.id),
                None => "answer.dontknow".to_string(),
            },
            other => other
                .common_label_key()
                .unwrap_or("answer.dontknow")
                .to_string(),
        }
    }

    /// The label key of an answer every item of its kind shares: all but a choice's option.
    pub fn common_label_key(self) -> Option<&'static str> {
        Some(match self {
            Answer::Choice(_) => return None,
            Answer::Yes => "answer.yes",
            Answer::No => "answer.no",
            Answer::DontKnow => "answer.dontknow",
            Answer::Alone => "answer.alone",
            Answer::WithHelp => "answer.help",
            Answer::DoneForMe => "answer.forme",
            Answer::NotYet => "answer.notyet",
            Answer::NoNeed => "answer.noneed",
            Answer::NotUnderstood => "answer.unsure",
        })
    }

    /// The person says they can do the skill, alone or with help: what opens a harder item
    /// or an exercise (`after` in the bank).
    pub fn claims_skill(self) -> bool {
        matches!(self, Answer::Alone | Answer::WithHelp)
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
            Answer::DontKnow,
            Answer::Alone,
            Answer::WithHelp,
            Answer::DoneForMe,
            Answer::NotYet,
            Answer::NoNeed,
            Answer::NotUnderstood,
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
                "dontknow",
                "alone",
                "help",
                "forme",
                "notyet",
                "noneed",
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
