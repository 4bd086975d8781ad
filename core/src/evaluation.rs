//! The whole result of one assessment, computed once: what every screen (result, orientation,
//! summary, mediator view), the share code and the staff counts render. No screen decides or
//! recomputes anything: they read this value.
//!
//! The flow: answers → [`crate::scoring`] (outcomes, levels, exercises, "à vérifier") and
//! [`crate::situation`] (facts) → [`crate::national`] (the national reading, when the
//! partner's domains allow it) → [`crate::orientation`] (services, kind of help) and
//! [`crate::first_steps`].

use crate::bank::{AnswerLookup, Bank};
use crate::first_steps::{self, first_steps};
use crate::national::{self, NationalReading};
use crate::orientation::{orient, Orientation};
use crate::scoring::{assess, Assessment};
use crate::situation::Situation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub assessment: Assessment,
    pub situation: Situation,
    /// `None` when the widget's domains cannot reach every category (see
    /// [`national::can_reach_every_category`]).
    pub national: Option<NationalReading>,
    pub orientation: Orientation,
    /// Every first step, most useful first.
    pub first_steps: Vec<String>,
    /// The priorities the person chose.
    pub priorities: Vec<String>,
}

impl Evaluation {
    /// The priorities offered on the result screen.
    pub fn priority_choices(&self) -> &[String] {
        first_steps::choices(&self.first_steps)
    }

    /// "Mes 3 premières étapes" on the summary.
    pub fn summary_steps(&self) -> Vec<String> {
        first_steps::summary_steps(&self.first_steps, &self.priorities)
    }
}

pub fn evaluate(bank: &Bank, answers: &dyn AnswerLookup, priorities: &[String]) -> Evaluation {
    let assessment = assess(bank, answers);
    let situation = Situation::of(bank, answers);
    let national = national::can_reach_every_category(bank)
        .then(|| national::reading(bank, &assessment, &situation));
    let orientation = orient(bank, &assessment, &situation, priorities);
    let first_steps = first_steps(bank, &assessment, &situation, answers);
    Evaluation {
        assessment,
        situation,
        national,
        orientation,
        first_steps,
        priorities: priorities.to_vec(),
    }
}
