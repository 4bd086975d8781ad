//! The national reading: an indicative comparison with Eurostat's Digital Skills Indicator 2.0
//! (DSI) and Insee's illectronisme figure.
//!
//! # Areas
//! The DSI counts activities done, per DigComp area. Here an activity counts when an item
//! mapped to it (`dsi` in the bank) was answered "sans aide", or its exercise done right;
//! several items for the same activity count once. Per area: information and communication
//! are "basic" with 1 activity and "above basic" with 2 or more; content creation, safety and
//! problem solving are "basic" with 1–2 and "above basic" with 3 or more.
//!
//! # Categories, as Eurostat publishes them
//! Above basic (all 5 areas above basic), basic (all 5 at least basic), low (4 areas at least
//! basic), narrow (3), limited (1 or 2), no overall digital skills (none). A person who has not
//! used internet in the last 3 months cannot be assessed (Eurostat leaves them out of the
//! categories). Insee (Insee Première n° 1953, 2023) counts as illectronisme both people who
//! did not use internet in 3 months and internet users with basic skills in at most 1 area:
//! 15.4 % of people aged 15 and over in 2021.
//!
//! The self-check asks about ability, not about the last 3 months as Eurostat does: this is a
//! resemblance, never a diagnosis.
//!
//! # When it is shown
//! Only when the partner's domains can reach every category ([`can_reach_every_category`]):
//! a widget with only "démarches" and "sécurité" cannot tell "above basic" from "narrow".
//! The person sees one kind sentence ([`Category::visitor_key`]); the areas and the category
//! are for the mediator view and the staff counts.

use crate::bank::{Bank, DsiArea};
use crate::scoring::{Assessment, Outcome};
use crate::situation::Situation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AreaLevel {
    None,
    Basic,
    AboveBasic,
}

/// Eurostat's overall categories, and the case it leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// No internet use in the last 3 months (or not said): not assessed by Eurostat.
    NotAssessed,
    NoOverallSkills,
    Limited,
    Narrow,
    Low,
    Basic,
    AboveBasic,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::NotAssessed,
        Category::NoOverallSkills,
        Category::Limited,
        Category::Narrow,
        Category::Low,
        Category::Basic,
        Category::AboveBasic,
    ];

    /// Stable id, for the staff counts and their CSV.
    pub fn id(self) -> &'static str {
        match self {
            Category::NotAssessed => "not_assessed",
            Category::NoOverallSkills => "none",
            Category::Limited => "limited",
            Category::Narrow => "narrow",
            Category::Low => "low",
            Category::Basic => "basic",
            Category::AboveBasic => "above_basic",
        }
    }

    /// The category's name as Eurostat publishes it (for the mediator).
    pub fn i18n_key(self) -> String {
        format!("national.category.{}", self.id())
    }

    /// The one kind sentence the person sees.
    pub fn visitor_key(self) -> String {
        format!("national.visitor.{}", self.id())
    }
}

/// Per DigComp area, in [`DsiArea::ALL`] order (arrays rather than maps: each map type
/// costs kilobytes of wasm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalReading {
    pub areas: [(DsiArea, AreaLevel); 5],
    /// Activities counted per area.
    pub activities: [(DsiArea, usize); 5],
    /// Areas at least basic, 0–5.
    pub areas_at_least_basic: usize,
    pub category: Category,
    /// What Insee counts as illectronisme.
    pub illectronisme: bool,
}

/// The threshold of "above basic" per area (see the module docs).
pub fn above_basic_from(area: DsiArea) -> usize {
    match area {
        DsiArea::Information | DsiArea::Communication => 2,
        DsiArea::ContentCreation | DsiArea::Safety | DsiArea::ProblemSolving => 3,
    }
}

/// Eurostat DSI 2.0 thresholds per area (see the module docs).
pub fn area_level(area: DsiArea, activities: usize) -> AreaLevel {
    match activities {
        0 => AreaLevel::None,
        n if n >= above_basic_from(area) => AreaLevel::AboveBasic,
        _ => AreaLevel::Basic,
    }
}

/// The overall category from the areas (see the module docs).
pub fn category(areas: &[(DsiArea, AreaLevel); 5]) -> Category {
    let at_least_basic = areas.iter().filter(|(_, l)| *l >= AreaLevel::Basic).count();
    let all_above = areas.iter().all(|(_, l)| *l == AreaLevel::AboveBasic);
    match at_least_basic {
        5 if all_above => Category::AboveBasic,
        5 => Category::Basic,
        4 => Category::Low,
        3 => Category::Narrow,
        1 | 2 => Category::Limited,
        _ => Category::NoOverallSkills,
    }
}

/// The distinct activities of each area that `counts` lets through (several items for the
/// same activity count once).
fn activities_per_area<'a>(
    mappings: impl Iterator<Item = &'a crate::bank::DsiMapping>,
) -> [(DsiArea, usize); 5] {
    let mut seen: Vec<(DsiArea, &str)> = Vec::new();
    for mapping in mappings {
        if !seen
            .iter()
            .any(|(area, activity)| *area == mapping.area && *activity == mapping.activity)
        {
            seen.push((mapping.area, mapping.activity.as_str()));
        }
    }
    DsiArea::ALL.map(|area| (area, seen.iter().filter(|(a, _)| *a == area).count()))
}

pub fn reading(bank: &Bank, assessment: &Assessment, situation: &Situation) -> NationalReading {
    let activities = activities_per_area(
        bank.items
            .iter()
            .zip(&assessment.items)
            .filter(|(_, result)| matches!(result.outcome, Outcome::Alone | Outcome::Right))
            .filter_map(|(item, _)| item.dsi.as_ref()),
    );
    let areas = activities.map(|(area, count)| (area, area_level(area, count)));
    let areas_at_least_basic = areas.iter().filter(|(_, l)| *l >= AreaLevel::Basic).count();
    let internet = situation.uses_internet();
    let category = if internet {
        category(&areas)
    } else {
        Category::NotAssessed
    };
    NationalReading {
        areas,
        activities,
        areas_at_least_basic,
        category,
        illectronisme: !internet || areas_at_least_basic <= 1,
    }
}

/// Whether this bank (a partner may keep only some domains) lets every area reach "above
/// basic", hence every category: the condition for showing the reading at all. Job-seeker
/// items do not count, since most people are not asked them.
pub fn can_reach_every_category(bank: &Bank) -> bool {
    activities_per_area(
        bank.items
            .iter()
            .filter(|item| item.relevant_if.is_none())
            .filter_map(|item| item.dsi.as_ref()),
    )
    .iter()
    .all(|(area, count)| *count >= above_basic_from(*area))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_thresholds_differ_by_area() {
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

    #[test]
    fn categories_follow_the_number_of_areas() {
        let with = |levels: [AreaLevel; 5]| -> Category {
            let mut areas = DsiArea::ALL.map(|area| (area, AreaLevel::None));
            for (slot, level) in areas.iter_mut().zip(levels) {
                slot.1 = level;
            }
            category(&areas)
        };
        use AreaLevel::{AboveBasic as A, Basic as B, None as N};
        assert_eq!(with([A, A, A, A, A]), Category::AboveBasic);
        assert_eq!(with([A, A, A, A, B]), Category::Basic);
        assert_eq!(with([B, B, B, B, N]), Category::Low);
        assert_eq!(with([B, B, B, N, N]), Category::Narrow);
        assert_eq!(with([B, B, N, N, N]), Category::Limited);
        assert_eq!(with([A, N, N, N, N]), Category::Limited);
        assert_eq!(with([N, N, N, N, N]), Category::NoOverallSkills);
    }
}
