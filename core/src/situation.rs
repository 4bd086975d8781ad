//! The person's situation, as a mediator asks about it in the first minute: phone and SMS,
//! computer, tablet, connection, internet use, e-mail and its password, accounts and
//! FranceConnect, an urgent procedure, who already helps, reading French, children at school,
//! looking for work.
//!
//! These answers are facts, not skills: they open or close skill questions (see the bank's
//! conditions), they are printed at the top of the summary ([`Situation::lines`]), and the
//! rules below read them. They are never averaged into a level.

use crate::answer::Answer;
use crate::bank::{AnswerLookup, Bank, DomainKind};

/// What is missing for a person to go online on their own, from the situation answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// No smartphone, no computer, no tablet: nothing to go online with.
    Device,
    /// Neither internet at home nor on the phone.
    Connection,
    /// No e-mail address.
    Email,
    /// An e-mail address whose password the person does not know.
    EmailPassword,
}

impl Need {
    pub const ALL: [Need; 4] = [
        Need::Device,
        Need::Connection,
        Need::Email,
        Need::EmailPassword,
    ];

    /// Stable id, used as a first step or a priority (`need.<id>`), in storage and codes.
    pub fn id(self) -> &'static str {
        match self {
            Need::Device => "need.device",
            Need::Connection => "need.connection",
            Need::Email => "need.email",
            Need::EmailPassword => "need.email_password",
        }
    }

    pub fn from_id(id: &str) -> Option<Need> {
        Need::ALL.into_iter().find(|n| n.id() == id)
    }

    /// The step, as a verb phrase ("trouver un appareil à petit prix").
    pub fn goal_key(self) -> String {
        format!("{}.goal", self.id())
    }
}

/// Who already does the person's procedures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Helper {
    Relative,
    Professional,
    Nobody,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Situation {
    /// Every situation item of the bank with its answer, in bank order.
    facts: Vec<(String, Option<Answer>, Vec<String>)>,
}

impl Situation {
    pub fn of(bank: &Bank, answers: &dyn AnswerLookup) -> Situation {
        let facts = bank
            .items
            .iter()
            .filter(|item| {
                bank.domain(&item.domain)
                    .is_some_and(|d| d.kind == DomainKind::Situation)
            })
            .map(|item| {
                (
                    item.id.clone(),
                    answers.answer_of(&item.id),
                    item.options.clone(),
                )
            })
            .collect();
        Situation { facts }
    }

    fn answer(&self, id: &str) -> Option<Answer> {
        self.facts
            .iter()
            .find(|(item, _, _)| item == id)
            .and_then(|(_, answer, _)| *answer)
    }

    fn is(&self, id: &str, wanted: Answer) -> bool {
        self.answer(id) == Some(wanted)
    }

    /// The option id chosen for a choice item.
    fn option(&self, id: &str) -> Option<&str> {
        let (_, answer, options) = self.facts.iter().find(|(item, _, _)| item == id)?;
        match answer {
            Some(Answer::Choice(index)) => options.get(usize::from(*index)).map(String::as_str),
            _ => None,
        }
    }

    /// The answered situation items, for the summary: `(item id, answer)`.
    pub fn lines(&self) -> Vec<(&str, Answer)> {
        self.facts
            .iter()
            .filter_map(|(id, answer, _)| answer.map(|a| (id.as_str(), a)))
            .collect()
    }

    /// Used internet in the last 3 months, Insee's definition (own device or not).
    pub fn uses_internet(&self) -> bool {
        self.is("sit.internet_use", Answer::Yes)
    }

    pub fn has_smartphone(&self) -> bool {
        self.option("sit.phone") == Some("smartphone")
    }

    pub fn has_phone(&self) -> bool {
        matches!(self.option("sit.phone"), Some("smartphone" | "basic"))
    }

    pub fn has_computer(&self) -> bool {
        self.is("sit.computer", Answer::Yes)
    }

    pub fn has_tablet(&self) -> bool {
        self.is("sit.tablet", Answer::Yes)
    }

    /// A phone, a computer or a tablet of one's own.
    pub fn has_device(&self) -> bool {
        self.has_phone() || self.has_computer() || self.has_tablet()
    }

    /// Said plainly that there is no device to go online with: no smartphone (a simple phone
    /// or none), and a "Non" to the computer and to the tablet, not a question not understood.
    pub fn lacks_device(&self) -> bool {
        matches!(self.option("sit.phone"), Some("basic" | "none"))
            && self.is("sit.computer", Answer::No)
            && self.is("sit.tablet", Answer::No)
    }

    /// Internet at home, or on the phone.
    pub fn has_connection(&self) -> bool {
        self.is("sit.home_internet", Answer::Yes) || self.is("sit.mobile_data", Answer::Yes)
    }

    /// Said there is no connection: no box, and no internet on the phone (or no smartphone).
    pub fn lacks_connection(&self) -> bool {
        self.is("sit.home_internet", Answer::No)
            && (self.is("sit.mobile_data", Answer::No) || !self.has_smartphone())
    }

    pub fn has_email(&self) -> bool {
        matches!(
            self.option("sit.email"),
            Some("yes_password" | "yes_no_password")
        )
    }

    pub fn receives_sms(&self) -> bool {
        self.is("sit.sms", Answer::Yes)
    }

    /// "Un peu" or "avec difficulté": offer read-aloud and the other languages, and places
    /// that help with reading or in other languages.
    pub fn reads_with_difficulty(&self) -> bool {
        matches!(self.option("sit.reading"), Some("a_little" | "difficult"))
    }

    pub fn urgent(&self) -> bool {
        self.is("sit.urgent", Answer::Yes)
    }

    pub fn helper(&self) -> Option<Helper> {
        match self.option("sit.helper")? {
            "relative" => Some(Helper::Relative),
            "professional" => Some(Helper::Professional),
            "nobody" => Some(Helper::Nobody),
            _ => None,
        }
    }

    pub fn has_children_at_school(&self) -> bool {
        self.is("sit.children_school", Answer::Yes)
    }

    pub fn job_seeker(&self) -> bool {
        self.is("job.gate", Answer::Yes)
    }

    /// The accounts the person has ("Oui"), by item id.
    pub fn accounts(&self) -> Vec<&str> {
        self.facts
            .iter()
            .filter(|(id, answer, _)| {
                id.starts_with("sit.account_") && *answer == Some(Answer::Yes)
            })
            .map(|(id, _, _)| id.as_str())
            .collect()
    }

    /// What is missing, in the order a mediator deals with it.
    pub fn needs(&self) -> Vec<Need> {
        let mut needs = Vec::new();
        if self.lacks_device() {
            needs.push(Need::Device);
        }
        if self.lacks_connection() {
            needs.push(Need::Connection);
        }
        match self.option("sit.email") {
            Some("no") => needs.push(Need::Email),
            Some("yes_no_password") => needs.push(Need::EmailPassword),
            _ => {}
        }
        needs
    }
}
