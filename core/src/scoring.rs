//! Scoring: from answers to a level per domain, and an indicative national reading.
//!
//! # Item outcome
//! Every item ends in one outcome:
//! - **alone**: "Je le fais seul(e)", "Oui" (has it), or a task answered correctly;
//! - **with help**: "Je le fais avec de l'aide";
//! - **not yet**: "Je ne sais pas encore le faire", "Non", "Je ne comprends pas la
//!   question", a task answered wrongly or "Je ne sais pas", and any item skipped by an
//!   `ask_if` rule (someone with no device is not asked about online forms, and cannot do
//!   them yet);
//! - **not concerned**: an item whose `relevant_if` rule failed (job questions for someone not
//!   looking for work), and gate questions (`scored: false`). These do not count.
//!
//! # Domain level
//! Points per item: alone 100, with help 60, not yet 0. The domain percentage is their mean
//! over the items that concern the person. Bands follow the DigCompSAT cut-offs (JRC,
//! "DigCompSAT: a self-reflection tool", 2020): 0–29, 30–47, 48–80, 81–100, named
//! à découvrir / débutant / à l'aise avec de l'aide / autonome. Comparisons use integer sums,
//! so a domain exactly on a cut-off is never at the mercy of rounding.
//!
//! # National reading (indicative)
//! Eurostat's Digital Skills Indicator 2.0 counts activities done, per DigComp area. Here an
//! activity counts when an item mapped to it has the outcome **alone**; several items for
//! the same activity count once. Per area: information and communication are "basic" with
//! 1 activity and "above basic" with 2 or more; content creation, safety and problem solving
//! are "basic" with 1–2 and "above basic" with 3 or more. Overall: all 5 areas above basic →
//! above basic; all 5 at least basic → basic; 4 → low; 3 → narrow; 2 → limited; 0–1 → very
//! limited, which with "no internet use" is what Insee counts as illectronisme (Insee Première
//! n° 1953, 2023). The self-check asks about ability, not about the last 3 months, so this is
//! a resemblance, never a diagnosis.

use std::collections::{BTreeMap, BTreeSet};

use crate::answer::Answer;
use crate::bank::{AnswerLookup, Bank, DsiArea, Item, ItemKind};
use crate::flow;

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

    /// 1 to 4, for the chart and the share code.
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
    Alone,
    WithHelp,
    NotYet,
    NotConcerned,
}

impl Outcome {
    pub fn points(self) -> Option<u32> {
        match self {
            Outcome::Alone => Some(100),
            Outcome::WithHelp => Some(60),
            Outcome::NotYet => Some(0),
            Outcome::NotConcerned => None,
        }
    }

    /// Whether the item is something the person could learn or get help with.
    pub fn is_need(self) -> bool {
        matches!(self, Outcome::WithHelp | Outcome::NotYet)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub item_id: String,
    pub domain: String,
    pub outcome: Outcome,
    /// The answer given, or `None` when the item was skipped.
    pub answer: Option<Answer>,
    /// For tasks answered: whether the chosen option was the right one.
    pub correct: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainResult {
    pub domain: String,
    /// `None` when no item of the domain concerns the person.
    pub level: Option<Level>,
    /// Rounded mean points, 0–100, for display only.
    pub percent: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AreaLevel {
    None,
    Basic,
    AboveBasic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OverallDsi {
    VeryLimited,
    Limited,
    Narrow,
    Low,
    Basic,
    AboveBasic,
}

impl OverallDsi {
    pub fn i18n_key(self) -> &'static str {
        match self {
            OverallDsi::VeryLimited => "dsi.very_limited",
            OverallDsi::Limited => "dsi.limited",
            OverallDsi::Narrow => "dsi.narrow",
            OverallDsi::Low => "dsi.low",
            OverallDsi::Basic => "dsi.basic",
            OverallDsi::AboveBasic => "dsi.above_basic",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsiReading {
    pub areas: BTreeMap<DsiArea, AreaLevel>,
    /// Areas at least basic, 0–5.
    pub areas_at_least_basic: usize,
    pub overall: OverallDsi,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub items: Vec<ItemResult>,
    pub domains: Vec<DomainResult>,
    pub dsi: DsiReading,
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
}

/// The outcome of one item given all the answers (see the module docs).
pub fn outcome_of(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> Outcome {
    if !item.scored || !flow::is_relevant(bank, item, answers) {
        return Outcome::NotConcerned;
    }
    match (item.kind, answers.answer_of(&item.id)) {
        (_, None) => Outcome::NotYet,
        (ItemKind::Possession, Some(Answer::Yes)) => Outcome::Alone,
        (ItemKind::Rating, Some(Answer::Alone)) => Outcome::Alone,
        (ItemKind::Rating, Some(Answer::WithHelp)) => Outcome::WithHelp,
        (ItemKind::Task, Some(Answer::Choice(index)))
            if Some(usize::from(index)) == item.correct =>
        {
            Outcome::Alone
        }
        _ => Outcome::NotYet,
    }
}

pub fn assess(bank: &Bank, answers: &dyn AnswerLookup) -> Assessment {
    let items: Vec<ItemResult> = bank
        .items
        .iter()
        .map(|item| {
            let answer = answers.answer_of(&item.id);
            let correct = match (item.kind, answer) {
                (ItemKind::Task, Some(Answer::Choice(index))) => {
                    Some(Some(usize::from(index)) == item.correct)
                }
                (ItemKind::Task, Some(_)) => Some(false),
                _ => None,
            };
            ItemResult {
                item_id: item.id.clone(),
                domain: item.domain.clone(),
                outcome: outcome_of(bank, item, answers),
                answer,
                correct,
            }
        })
        .collect();

    let domains = bank
        .domains
        .iter()
        .map(|domain| {
            let (points, count) = items
                .iter()
                .filter(|r| r.domain == domain.id)
                .filter_map(|r| r.outcome.points())
                .fold((0u32, 0u32), |(sum, n), p| (sum + p, n + 1));
            DomainResult {
                domain: domain.id.clone(),
                level: Level::from_points(points, count),
                percent: (count > 0)
                    .then(|| u8::try_from((points + count / 2) / count).unwrap_or(100)),
            }
        })
        .collect();

    let dsi = dsi_reading(bank, &items);
    Assessment {
        items,
        domains,
        dsi,
    }
}

fn dsi_reading(bank: &Bank, items: &[ItemResult]) -> DsiReading {
    let mut done: BTreeMap<DsiArea, BTreeSet<&str>> = BTreeMap::new();
    for (item, result) in bank.items.iter().zip(items) {
        if let (Some(mapping), Outcome::Alone) = (&item.dsi, result.outcome) {
            done.entry(mapping.area)
                .or_default()
                .insert(mapping.activity.as_str());
        }
    }
    let mut areas: BTreeMap<DsiArea, AreaLevel> = BTreeMap::new();
    for area in DsiArea::ALL {
        let count = done.get(&area).map_or(0, BTreeSet::len);
        areas.insert(area, area_level(area, count));
    }
    let at_least_basic = areas.values().filter(|l| **l >= AreaLevel::Basic).count();
    let all_above = areas.values().all(|l| *l == AreaLevel::AboveBasic);
    let overall = match at_least_basic {
        5 if all_above => OverallDsi::AboveBasic,
        5 => OverallDsi::Basic,
        4 => OverallDsi::Low,
        3 => OverallDsi::Narrow,
        2 => OverallDsi::Limited,
        _ => OverallDsi::VeryLimited,
    };
    DsiReading {
        areas,
        areas_at_least_basic: at_least_basic,
        overall,
    }
}

/// Eurostat DSI 2.0 thresholds per area (see the module docs).
pub fn area_level(area: DsiArea, activities: usize) -> AreaLevel {
    let above_from = match area {
        DsiArea::Information | DsiArea::Communication => 2,
        DsiArea::ContentCreation | DsiArea::Safety | DsiArea::ProblemSolving => 3,
    };
    match activities {
        0 => AreaLevel::None,
        n if n >= above_from => AreaLevel::AboveBasic,
        _ => AreaLevel::Basic,
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
    fn dsi_area_thresholds_differ_by_area() {
        assert_eq!(area_level(DsiArea::Information, 0), AreaLevel::None);
        assert_eq!(area_level(DsiArea::Information, 1), AreaLevel::Basic);
        assert_eq!(area_level(DsiArea::Communication, 2), AreaLevel::AboveBasic);
        assert_eq!(area_level(DsiArea::Safety, 2), AreaLevel::Basic);
        assert_eq!(
            area_level(DsiArea::ProblemSolving, 3),
            AreaLevel::AboveBasic
        );
        assert_eq!(area_level(DsiArea::ContentCreation, 1), AreaLevel::Basic);
    }
}
