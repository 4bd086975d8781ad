//! Orientation: from a result to at most 3 national services to ask for, each with its reason
//! in plain words, the kind of help that fits, and what is missing to go online.
//!
//! # Services
//! Only answered items weigh. Each need weighs on the services its item maps to: "pas encore",
//! "quelqu'un le fait pour moi" and a failed exercise 2, "avec de l'aide" 1; an item the
//! person chose as a priority weighs more than any sum of needs, so the services of their
//! priorities come right after what is missing to go online. What brings the person weighs 3
//! more when it is also a
//! need: looking for work (insertion professionnelle), children at school (parentalité), an
//! urgent procedure (démarches). No device puts "Acquisition de matériel informatique à
//! prix solidaire" then "Accès internet et matériel informatique" first; no connection puts
//! "Accès internet et matériel informatique" first. At most [`MAX_SERVICES`] are kept, by
//! weight, ties in the standard's order. Each comes with the reason that weighed most.
//!
//! # Kind of help
//! It comes from the skill domains and the situation, never from possessions:
//! - **Quelqu'un fait pour moi** (Aidants Connect) when someone does the person's procedures
//!   ("quelqu'un le fait pour moi" on entering an account, or on 2 procedures or more), or an
//!   urgent procedure cannot be done yet, or with no device and no procedure done online. It is
//!   explained honestly: the person is there and agrees; a relative doing it is something else.
//! - **Accompagnement individuel** when a domain is at "à découvrir" or "débutant", the
//!   procedures are done only with help, or the person has not used internet in 3 months.
//! - **Un atelier en groupe** when at least 2 domains are "à l'aise avec de l'aide".
//! - **Apprendre seul** only when there is something to learn and every domain with a level is
//!   "à l'aise avec de l'aide" or "autonome".
//!
//! When nothing is needed the orientation says so in one sentence ([`Orientation::nothing_needed`]);
//! no screen ever shows an empty list.

use crate::bank::{Bank, ItemKind};
use crate::flow;
use crate::scoring::{Assessment, Level, Outcome};
use crate::services::Service;
use crate::situation::{Need, Situation};

/// The domain whose procedures Aidants Connect can do on the person's behalf.
pub const PROCEDURES_DOMAIN: &str = "demarches";

/// Most services recommended.
pub const MAX_SERVICES: usize = 3;

/// What a priority adds: more than any sum of needs, less than a missing device.
const PRIORITY: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpKind {
    /// Accompagnement individuel.
    WithSomeone,
    /// Aidants Connect.
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

/// Why a service is recommended, in the person's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The person chose this item (or need) as a priority.
    Priority(String),
    NotYet(String),
    DoneForMe(String),
    WithHelp(String),
    /// An exercise whose answer was not the right one (the exercise's id).
    Exercise(String),
    Need(Need),
}

impl Reason {
    /// `(i18n key of the sentence, key of the goal it names)`.
    pub fn keys(&self) -> (&'static str, String) {
        let goal = |id: &str| match Need::from_id(id) {
            Some(need) => need.goal_key(),
            None => format!("q.{id}.goal"),
        };
        match self {
            Reason::Priority(id) => ("orientation.reason.priority", goal(id)),
            Reason::NotYet(id) => ("orientation.reason.not_yet", goal(id)),
            Reason::DoneForMe(id) => ("orientation.reason.done_for_me", goal(id)),
            Reason::WithHelp(id) => ("orientation.reason.with_help", goal(id)),
            Reason::Exercise(id) => ("orientation.reason.exercise", goal(id)),
            Reason::Need(need) => ("orientation.reason.need", need.goal_key()),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Reason::Need(_) => 0,
            Reason::Priority(_) => 1,
            Reason::Exercise(_) => 2,
            Reason::NotYet(_) => 3,
            Reason::DoneForMe(_) => 4,
            Reason::WithHelp(_) => 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAdvice {
    pub service: Service,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orientation {
    /// At most [`MAX_SERVICES`], most needed first.
    pub services: Vec<ServiceAdvice>,
    /// Kinds of help, the main recommendation first. Empty only when nothing is needed.
    pub help: Vec<HelpKind>,
    /// What is missing to go online (no device, no connection, no e-mail…).
    pub needs: Vec<Need>,
    /// The person reads French with difficulty: places can help in other languages or with
    /// reading, and the places step proposes that filter.
    pub reading_help: bool,
}

impl Orientation {
    /// Nothing to recommend: the screens say so in one kind sentence instead of lists.
    pub fn nothing_needed(&self) -> bool {
        self.services.is_empty() && self.help.is_empty() && self.needs.is_empty()
    }
}

/// Weights of one service while ranking.
struct Weighed {
    service: Service,
    weight: u32,
    reason: Reason,
}

fn add(weights: &mut Vec<Weighed>, service: Service, weight: u32, reason: Reason) {
    match weights.iter_mut().find(|w| w.service == service) {
        Some(w) => {
            w.weight += weight;
            if reason.rank() < w.reason.rank() {
                w.reason = reason;
            }
        }
        None => weights.push(Weighed {
            service,
            weight,
            reason,
        }),
    }
}

pub fn orient(
    bank: &Bank,
    assessment: &Assessment,
    situation: &Situation,
    priorities: &[String],
) -> Orientation {
    let needs = situation.needs();
    let mut weights: Vec<Weighed> = Vec::new();
    context_boosts(&mut weights, bank, assessment, situation);
    // Equipment and connection come first, whatever else weighs: with no device, finding
    // one at a fair price, then a place to go online; with a device but no connection, a
    // place to go online.
    const FIRST: u32 = 1000;
    if needs.contains(&Need::Device) {
        add(
            &mut weights,
            Service::AcquisitionMateriel,
            FIRST + 1,
            Reason::Need(Need::Device),
        );
        add(
            &mut weights,
            Service::AccesInternetMateriel,
            FIRST,
            Reason::Need(Need::Device),
        );
    } else if needs.contains(&Need::Connection) {
        add(
            &mut weights,
            Service::AccesInternetMateriel,
            FIRST,
            Reason::Need(Need::Connection),
        );
    }
    for need in [Need::Email, Need::EmailPassword] {
        if needs.contains(&need) {
            let chosen = priorities.iter().any(|p| p == need.id());
            let reason = if chosen {
                Reason::Priority(need.id().to_string())
            } else {
                Reason::Need(need)
            };
            let weight = if chosen { PRIORITY + 2 } else { 2 };
            add(&mut weights, Service::OutilsQuotidien, weight, reason);
        }
    }
    // Two passes: an item's first service before its others, so that each service's reason
    // comes, among equals, from an item that is mainly about it.
    let answered: Vec<_> = bank.items.iter().zip(&assessment.items).collect();
    for primary in [true, false] {
        for (item, result) in &answered {
            let id = || item.id.clone();
            let (weight, reason) = match result.outcome {
                Outcome::NotYet => (2, Reason::NotYet(id())),
                Outcome::DoneForMe => (2, Reason::DoneForMe(id())),
                Outcome::WithHelp => (1, Reason::WithHelp(id())),
                Outcome::Wrong => (2, Reason::Exercise(id())),
                _ => continue,
            };
            let chosen = priorities.contains(&item.id);
            let (weight, reason) = if chosen {
                (weight + PRIORITY, Reason::Priority(id()))
            } else {
                (weight, reason)
            };
            let services = item.services.iter().enumerate();
            for (_, service) in services.filter(|(n, _)| (*n == 0) == primary) {
                add(&mut weights, *service, weight, reason.clone());
            }
        }
    }
    // Stable sort keeps the standard's order (the enum order) among equal weights.
    crate::small_sort::sort_by_key(&mut weights, |w| (std::cmp::Reverse(w.weight), w.service));
    let services = weights
        .into_iter()
        .take(MAX_SERVICES)
        .map(|w| ServiceAdvice {
            service: w.service,
            reason: w.reason,
        })
        .collect();

    Orientation {
        services,
        help: help_kinds(bank, assessment, situation),
        needs,
        reading_help: situation.reads_with_difficulty(),
    }
}

/// What brings the person, when it is also a need, weighs like a priority: looking for work
/// (the job items), children at school (following school online), an urgent procedure (the
/// procedures).
fn context_boosts(
    weights: &mut Vec<Weighed>,
    bank: &Bank,
    assessment: &Assessment,
    situation: &Situation,
) {
    const BOOST: u32 = 3;
    let contexts = [
        (situation.job_seeker(), "emploi", Service::InsertionPro),
        (situation.urgent(), PROCEDURES_DOMAIN, Service::Demarches),
        (
            situation.has_children_at_school(),
            PROCEDURES_DOMAIN,
            Service::Parentalite,
        ),
    ];
    for (applies, domain, service) in contexts {
        if !applies {
            continue;
        }
        let need = bank.items.iter().zip(&assessment.items).find(|(item, r)| {
            item.domain == domain && item.services.contains(&service) && r.outcome.is_need()
        });
        if let Some((item, _)) = need {
            let reason = match assessment.item(&item.id).map(|r| r.outcome) {
                Some(Outcome::NotYet) => Reason::NotYet(item.id.clone()),
                Some(Outcome::DoneForMe) => Reason::DoneForMe(item.id.clone()),
                _ => Reason::WithHelp(item.id.clone()),
            };
            add(weights, service, BOOST, reason);
        }
    }
}

/// The kinds of help, main first (see the module docs).
pub fn help_kinds(bank: &Bank, assessment: &Assessment, situation: &Situation) -> Vec<HelpKind> {
    let levels: Vec<Level> = assessment.domains.iter().filter_map(|d| d.level).collect();
    let procedures: Vec<Outcome> = bank
        .items
        .iter()
        .zip(&assessment.items)
        .filter(|(item, _)| item.domain == PROCEDURES_DOMAIN && item.kind == ItemKind::Rating)
        .map(|(_, r)| r.outcome)
        .filter(|o| o.points().is_some())
        .collect();
    let procedures_level = assessment.domain(PROCEDURES_DOMAIN).and_then(|d| d.level);
    let cannot_do_procedures =
        procedures.is_empty() || procedures_level.is_some_and(|l| l <= Level::Beginner);
    // Someone does the person's procedures: said on the domain's first item (entering an
    // account, creating one), or on 2 procedures or more; once, for a forgotten password say,
    // is not enough.
    let first_delegated = flow::first_item(bank, PROCEDURES_DOMAIN, assessment)
        .and_then(|first| assessment.item(&first.id))
        .is_some_and(|r| r.outcome == Outcome::DoneForMe);
    let delegated = first_delegated
        || procedures
            .iter()
            .filter(|o| **o == Outcome::DoneForMe)
            .count()
            >= 2;
    let urgent_and_stuck = situation.urgent() && cannot_do_procedures;
    let no_device_no_procedure = situation.lacks_device() && cannot_do_procedures;
    let only_with_help =
        !procedures.is_empty() && procedures.iter().all(|o| *o == Outcome::WithHelp);
    let beginner_somewhere = levels.iter().any(|l| *l <= Level::Beginner);
    let with_help_domains = levels.iter().filter(|l| **l == Level::WithHelp).count();
    let has_needs = assessment.items.iter().any(|r| r.outcome.is_need())
        || assessment.items.iter().any(|r| r.outcome == Outcome::Wrong);

    let mut help = Vec::new();
    if delegated || urgent_and_stuck {
        help.push(HelpKind::DoneForMe);
    }
    // Not using internet is a use, not a possession: first steps are taken one to one.
    if beginner_somewhere || only_with_help || !situation.uses_internet() {
        help.push(HelpKind::WithSomeone);
    }
    if with_help_domains >= 2 {
        help.push(HelpKind::Workshop);
    }
    if no_device_no_procedure && !help.contains(&HelpKind::DoneForMe) {
        help.push(HelpKind::DoneForMe);
    }
    if help.is_empty() && has_needs && levels.iter().all(|l| *l >= Level::WithHelp) {
        help.push(HelpKind::Alone);
    }
    help
}
