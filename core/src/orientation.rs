//! Orientation: from a result to the national services to ask for, the kind of help that
//! fits, and equipment needs.
//!
//! # Services
//! Each item that is a need (outcome "with help" or "not yet") weighs on the services it maps
//! to: 1 for "with help", 2 for "not yet", and 3 more when the person picked it as a
//! priority. Services are listed by weight, ties in the standard's order.
//!
//! # Kind of help
//! - **Apprendre avec quelqu'un** (accompagnement individuel) when a domain is at "à découvrir"
//!   or "débutant": first steps are best taken one to one.
//! - **Quelqu'un fait pour moi** (Aidants Connect) when "Démarches en ligne" is at
//!   "à découvrir": procedures cannot wait for the person to learn.
//! - **Un atelier en groupe** when a domain is at "à l'aise avec de l'aide": the basics are
//!   there and a group helps to practise.
//! - **Apprendre seul(e)** when at least half of the domains are "autonome".
//!
//! The first kind listed is the main recommendation. Someone autonomous everywhere gets
//! "apprendre seul(e)".
//!
//! # Equipment
//! "Non" (or "je ne comprends pas") to the smartphone, computer or home internet questions is
//! an equipment need, pointed to places offering "Accès internet et matériel informatique"
//! and "Acquisition de matériel informatique à prix solidaire".

use std::collections::BTreeMap;

use crate::bank::Bank;
use crate::scoring::{Assessment, Level, Outcome};
use crate::services::Service;

/// The domain whose "à découvrir" level calls for someone doing procedures on the person's
/// behalf.
pub const PROCEDURES_DOMAIN: &str = "demarches";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpKind {
    WithSomeone,
    DoneForMe,
    Workshop,
    Alone,
}

impl HelpKind {
    pub fn i18n_key(self) -> &'static str {
        match self {
            HelpKind::Alone => "help.alone",
            HelpKind::WithSomeone => "help.with_someone",
            HelpKind::Workshop => "help.workshop",
            HelpKind::DoneForMe => "help.done_for_me",
        }
    }

    /// The `modalites_accompagnement` value of the lieux standard, when there is one.
    pub fn modality(self) -> Option<&'static str> {
        match self {
            HelpKind::Alone => Some("En autonomie"),
            HelpKind::WithSomeone => Some("Accompagnement individuel"),
            HelpKind::Workshop => Some("Dans un atelier collectif"),
            HelpKind::DoneForMe => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EquipmentNeed {
    Smartphone,
    Computer,
    InternetAtHome,
}

impl EquipmentNeed {
    /// The possession item that reveals this need.
    pub fn item_id(self) -> &'static str {
        match self {
            EquipmentNeed::Smartphone => "eq.smartphone",
            EquipmentNeed::Computer => "eq.computer",
            EquipmentNeed::InternetAtHome => "eq.internet_home",
        }
    }

    pub const ALL: [EquipmentNeed; 3] = [
        EquipmentNeed::Smartphone,
        EquipmentNeed::Computer,
        EquipmentNeed::InternetAtHome,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orientation {
    /// Services to ask for, most needed first.
    pub services: Vec<Service>,
    /// Kinds of help, the main recommendation first. Never empty.
    pub help: Vec<HelpKind>,
    pub equipment: Vec<EquipmentNeed>,
}

pub fn orient(bank: &Bank, assessment: &Assessment, priorities: &[String]) -> Orientation {
    let mut weights: BTreeMap<Service, u32> = BTreeMap::new();
    for (item, result) in bank.items.iter().zip(&assessment.items) {
        let weight = match result.outcome {
            Outcome::WithHelp => 1,
            Outcome::NotYet => 2,
            Outcome::Alone | Outcome::NotConcerned => continue,
        } + if priorities.contains(&item.id) { 3 } else { 0 };
        for service in &item.services {
            *weights.entry(*service).or_default() += weight;
        }
    }
    let mut services: Vec<(Service, u32)> = weights.into_iter().collect();
    // Stable sort keeps the standard's order (the enum order) among equal weights.
    crate::small_sort::sort_by_key(&mut services, |(_, weight)| std::cmp::Reverse(*weight));

    let levels: Vec<Level> = assessment.domains.iter().filter_map(|d| d.level).collect();
    let has = |level: Level| levels.contains(&level);
    let mut help = Vec::new();
    if has(Level::ToDiscover) || has(Level::Beginner) {
        help.push(HelpKind::WithSomeone);
    }
    if assessment
        .domain(PROCEDURES_DOMAIN)
        .and_then(|d| d.level)
        .is_some_and(|level| level == Level::ToDiscover)
    {
        help.push(HelpKind::DoneForMe);
    }
    if has(Level::WithHelp) {
        help.push(HelpKind::Workshop);
    }
    let autonomous = levels.iter().filter(|l| **l == Level::Autonomous).count();
    if help.is_empty() || (!levels.is_empty() && autonomous * 2 >= levels.len()) {
        help.push(HelpKind::Alone);
    }

    let equipment = EquipmentNeed::ALL
        .into_iter()
        .filter(|need| {
            assessment
                .item(need.item_id())
                .is_some_and(|r| r.outcome == Outcome::NotYet)
        })
        .collect();

    Orientation {
        services: services.into_iter().map(|(service, _)| service).collect(),
        help,
        equipment,
    }
}
