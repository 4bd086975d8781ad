//! Scoring: from answers to what each item says, the exercises' results, and a level per
//! skill domain.
//!
//! # Item outcome
//! - **Situation facts** (phone, e-mail, accounts…) are [`Outcome::Fact`]: recorded as they
//!   are, never averaged into a level (see [`crate::situation`]).
//! - **Ratings**: "sans aide" → [`Outcome::Alone`], "avec de l'aide" → [`Outcome::WithHelp`],
//!   "quelqu'un le fait pour moi" → [`Outcome::DoneForMe`], "pas encore" →
//!   [`Outcome::NotYet`], "je n'en ai pas besoin" → [`Outcome::NoNeed`].
//! - **Exercises**: the right option → [`Outcome::Right`]; another option, or "Je ne sais pas"
//!   → [`Outcome::Wrong`].
//! - "Je ne comprends pas la question" → [`Outcome::NotUnderstood`], everywhere: never "not
//!   yet", never a missing piece of equipment.
//! - An item the flow did not put to the person (a skip rule, a stop rule) →
//!   [`Outcome::NotAsked`]; one that does not concern them (`relevant_if`) →
//!   [`Outcome::NotConcerned`]. Neither weighs anywhere.
//!
//! # Domain level
//! Only *answered* ratings weigh: sans aide 100 points, avec de l'aide 60, quelqu'un le fait
//! pour moi and pas encore 0. The domain percentage is their mean. Bands follow the DigCompSAT
//! cut-offs (JRC, "DigCompSAT: a self-reflection tool", 2020): 0–29, 30–47, 48–80, 81–100,
//! named à découvrir / débutant / à l'aise avec de l'aide / autonome. Comparisons use integer
//! sums, so a domain exactly on a cut-off is never at the mercy of rounding.
//!
//! A level needs at least [`MIN_ANSWERED`] answered ratings, or a first item that stopped the
//! domain ("pas encore" or "quelqu'un le fait pour moi" on the easiest item says enough).
//! Otherwise the domain says "pas assez de réponses" ([`DomainResult::level`] is `None`).
//!
//! # Exercises
//! A failed exercise caps its domain below "autonome". When the person said they do that skill
//! without help, the domain is also marked "à vérifier avec un médiateur", with the reason
//! (text `q.<exercise>.check`).
//!
//! # Activity-report scale
//! Mediators' activity reports (Coop de la médiation numérique) record autonomy on 3 steps:
//! "Avec guidage", "Autonome avec guidage en cas de besoin", "Autonome"
//! ([`Level::report_key`]).

use crate::answer::Answer;
use crate::bank::{AnswerLookup, Bank, DomainKind, Item, ItemKind};
use crate::flow;

/// Answered ratings a domain needs for a level (unless its first item stopped it).
pub const MIN_ANSWERED: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    ToDiscover,
    Beginner,
    WithHelp,
    Autonomous,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::ToDiscover,
        Level::Beginner,
        Level::WithHelp,
        Level::Autonomous,
    ];

    /// 1 to 4, for the chart and the counts.
    pub fn step(self) -> u8 {
        match self {
            Level::ToDiscover => 1,
            Level::Beginner => 2,
            Level::WithHelp => 3,
            Level::Autonomous => 4,
        }
    }

    pub fn i18n_key(self) -> &'static str {
        match self {
            Level::ToDiscover => "level.to_discover",
            Level::Beginner => "level.beginner",
            Level::WithHelp => "level.with_help",
            Level::Autonomous => "level.autonomous",
        }
    }

    /// The step of the activity reports' 3-step autonomy scale to record for this level.
    pub fn report_key(self) -> &'static str {
        match self {
            Level::ToDiscover | Level::Beginner => "report.guided",
            Level::WithHelp => "report.autonomous_with_help",
            Level::Autonomous => "report.autonomous",
        }
    }

    /// The band for a mean of `points` over `count` items (see the module docs).
    pub fn from_points(points: u32, count: u32) -> Option<Level> {
        if count == 0 {
            return None;
        }
        Some(if points < 30 * count {
            Level::ToDiscover
        } else if points < 48 * count {
            Level::Beginner
        } else if points <= 80 * count {
            Level::WithHelp
        } else {
            Level::Autonomous
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// A situation fact, answered.
    Fact,
    Alone,
    WithHelp,
    DoneForMe,
    NotYet,
    NoNeed,
    /// An exercise done right.
    Right,
    /// An exercise not done right (another option, or "Je ne sais pas").
    Wrong,
    NotUnderstood,
    NotAsked,
    NotConcerned,
}

impl Outcome {
    /// Points of an answered rating (see the module docs); `None` when it does not weigh.
    pub fn points(self) -> Option<u32> {
        match self {
            Outcome::Alone => Some(100),
            Outcome::WithHelp => Some(60),
            Outcome::DoneForMe | Outcome::NotYet => Some(0),
            _ => None,
        }
    }

    /// Whether the item is something the person could learn, or get help with.
    pub fn is_need(self) -> bool {
        matches!(
            self,
            Outcome::WithHelp | Outcome::NotYet | Outcome::DoneForMe
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub item_id: String,
    pub domain: String,
    pub outcome: Outcome,
    /// The answer given, or `None` when the item was not answered.
    pub answer: Option<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainResult {
    pub domain: String,
    /// `None`: not enough answers for a level ("pas assez de réponses").
    pub level: Option<Level>,
    /// Rounded mean points, 0–100, for display only (`None` without answers).
    pub percent: Option<u8>,
    /// Ratings answered (sans aide, avec aide, pour moi, pas encore).
    pub answered: usize,
    /// Exercises of the domain that failed, capping its level below "autonome".
    pub failed_exercises: Vec<String>,
    /// Exercises failed on a skill the person said they do without help: "à vérifier avec un
    /// médiateur", each with its reason (`q.<exercise>.check`).
    pub to_check: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub items: Vec<ItemResult>,
    /// One per skill domain, in bank order.
    pub domains: Vec<DomainResult>,
}

/// The answers an assessment was made from.
impl AnswerLookup for Assessment {
    fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.item(item_id).and_then(|r| r.answer)
    }
}

impl Assessment {
    pub fn item(&self, id: &str) -> Option<&ItemResult> {
        self.items.iter().find(|r| r.item_id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&DomainResult> {
        self.domains.iter().find(|d| d.domain == id)
    }

    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &ItemResult> {
        self.items.iter().filter(move |r| r.outcome == outcome)
    }

    /// "Vos points forts": the domains where the person is at ease, autonomous or with help.
    pub fn strengths(&self) -> impl Iterator<Item = &DomainResult> {
        self.domains
            .iter()
            .filter(|d| matches!(d.level, Some(Level::Autonomous | Level::WithHelp)))
    }

    /// The skills answered with one of `outcomes`, in bank order: what the summary lists as
    /// done alone, with help, or not yet (self-ratings only; exercises have their own list).
    pub fn skills_with<'a>(
        &'a self,
        bank: &'a Bank,
        outcomes: &'a [Outcome],
    ) -> impl Iterator<Item = &'a ItemResult> + 'a {
        bank.items
            .iter()
            .zip(&self.items)
            .filter(move |(item, r)| {
                item.kind == crate::bank::ItemKind::Rating && outcomes.contains(&r.outcome)
            })
            .map(|(_, r)| r)
    }

    /// Items whose answer says something (not skipped, not out of scope).
    pub fn answered(&self) -> impl Iterator<Item = &ItemResult> {
        self.items.iter().filter(|r| r.answer.is_some())
    }
}

/// The outcome of one item given all the answers (see the module docs).
pub fn outcome_of(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> Outcome {
    if !flow::is_relevant(bank, item, answers) {
        return Outcome::NotConcerned;
    }
    let Some(answer) = answers.answer_of(&item.id) else {
        return Outcome::NotAsked;
    };
    match (item.kind, answer) {
        (_, Answer::NotUnderstood) => Outcome::NotUnderstood,
        (ItemKind::Fact | ItemKind::Choice, _) => Outcome::Fact,
        (ItemKind::Task, Answer::Choice(index)) if Some(usize::from(index)) == item.correct => {
            Outcome::Right
        }
        (ItemKind::Task, _) => Outcome::Wrong,
        (ItemKind::Rating, Answer::Alone) => Outcome::Alone,
        (ItemKind::Rating, Answer::WithHelp) => Outcome::WithHelp,
        (ItemKind::Rating, Answer::DoneForMe) => Outcome::DoneForMe,
        (ItemKind::Rating, Answer::NoNeed) => Outcome::NoNeed,
        (ItemKind::Rating, _) => Outcome::NotYet,
    }
}

pub fn assess(bank: &Bank, answers: &dyn AnswerLookup) -> Assessment {
    let items: Vec<ItemResult> = bank
        .items
        .iter()
        .map(|item| ItemResult {
            item_id: item.id.clone(),
            domain: item.domain.clone(),
            outcome: outcome_of(bank, item, answers),
            answer: answers.answer_of(&item.id),
        })
        .collect();
    let domains = bank
        .domains
        .iter()
        .filter(|d| d.kind == DomainKind::Skills)
        .map(|domain| domain_result(bank, &domain.id, &items, answers))
        .collect();
    Assessment { items, domains }
}

/// The level of one skill domain, with its exercise cap and "à vérifier" marks.
fn domain_result(
    bank: &Bank,
    domain: &str,
    items: &[ItemResult],
    answers: &dyn AnswerLookup,
) -> DomainResult {
    let of_domain = || items.iter().filter(|r| r.domain == domain);
    let (points, count) = of_domain()
        .filter_map(|r| r.outcome.points())
        .fold((0u32, 0u32), |(sum, n), p| (sum + p, n + 1));
    let stopped = flow::first_item(bank, domain, answers)
        .and_then(|first| answers.answer_of(&first.id))
        .is_some_and(|answer| matches!(answer, Answer::NotYet | Answer::DoneForMe));
    let enough = count as usize >= MIN_ANSWERED || (count > 0 && stopped);
    let mut level = if enough {
        Level::from_points(points, count)
    } else {
        None
    };
    let failed_exercises: Vec<String> = of_domain()
        .filter(|r| r.outcome == Outcome::Wrong)
        .map(|r| r.item_id.clone())
        .collect();
    if !failed_exercises.is_empty() && level == Some(Level::Autonomous) {
        level = Some(Level::WithHelp);
    }
    let to_check = failed_exercises
        .iter()
        .filter(|task| {
            bank.item(task)
                .and_then(|t| t.after.as_deref())
                .is_some_and(|skill| answers.answer_of(skill) == Some(Answer::Alone))
        })
        .cloned()
        .collect();
    DomainResult {
        domain: domain.to_string(),
        level,
        percent: (count > 0).then(|| u8::try_from((points + count / 2) / count).unwrap_or(100)),
        answered: count as usize,
        failed_exercises,
        to_check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_have_exact_edges() {
        // One item: 29 % vs 30 %, 47 % vs 48 %, 80 % vs 81 %.
        assert_eq!(Level::from_points(29, 1), Some(Level::ToDiscover));
        assert_eq!(Level::from_points(30, 1), Some(Level::Beginner));
        assert_eq!(Level::from_points(47, 1), Some(Level::Beginner));
        assert_eq!(Level::from_points(48, 1), Some(Level::WithHelp));
        assert_eq!(Level::from_points(80, 1), Some(Level::WithHelp));
        assert_eq!(Level::from_points(81, 1), Some(Level::Autonomous));
        assert_eq!(Level::from_points(0, 0), None);
        // 3 items at 100, 60, 0 = 53.3 % -> with help; 2 at 60 and 1 at 0 = 40 % -> beginner.
        assert_eq!(Level::from_points(160, 3), Some(Level::WithHelp));
        assert_eq!(Level::from_points(120, 3), Some(Level::Beginner));
        // 4 items all "with help" = 60 % -> with help; 3 alone 1 with help = 90 % -> autonomous.
        assert_eq!(Level::from_points(240, 4), Some(Level::WithHelp));
        assert_eq!(Level::from_points(360, 4), Some(Level::Autonomous));
        // 2 alone + 2 with help = exactly 80 % stays "with help".
        assert_eq!(Level::from_points(320, 4), Some(Level::WithHelp));
    }

    #[test]
    fn the_report_scale_has_three_steps() {
        assert_eq!(Level::ToDiscover.report_key(), "report.guided");
        assert_eq!(Level::Beginner.report_key(), "report.guided");
        assert_eq!(Level::WithHelp.report_key(), "report.autonomous_with_help");
        assert_eq!(Level::Autonomous.report_key(), "report.autonomous");
    }
}
