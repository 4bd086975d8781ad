//! One person's assessment in progress: answers in the order given, priorities and where
//! they are in the flow. This is what gets stored (inside a versioned envelope) and
//! resumed after a reload.

use crate::answer::Answer;
use crate::bank::{AnswerLookup, Bank};
use crate::envelope::Stored;
use crate::flow;
use crate::json::{object, read_strings, string, strings, Json};

/// How many learning priorities a person can pick.
pub const MAX_PRIORITIES: usize = 3;

/// "Je ne comprends pas la question" this many times in a row offers, once, to listen to the
/// question, to change language, or to go on.
pub const NOT_UNDERSTOOD_IN_A_ROW: usize = 2;

/// Longest first name kept; the field is optional and only printed on the summary.
pub const MAX_FIRST_NAME_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    #[default]
    Welcome,
    Questions,
    Result,
    Orientation,
    Places,
    Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenAnswer {
    pub item: String,
    pub answer: Answer,
}

/// A place chosen by the person, copied so the summary prints it even offline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChosenPlace {
    pub id: String,
    pub name: String,
    pub address: String,
    /// Its postal code, which gives the département where the mediator's view looks for it.
    pub postal_code: String,
    pub phone: String,
    pub hours: String,
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    /// Unique per assessment on this device, so its history entry can be updated in place.
    pub id: String,
    pub stage: Stage,
    pub answers: Vec<GivenAnswer>,
    /// Item ids picked as "ce que je veux apprendre d'abord", at most [`MAX_PRIORITIES`].
    pub priorities: Vec<String>,
    pub first_name: String,
    /// ISO date (YYYY-MM-DD) the assessment started, given by the caller.
    pub started_on: String,
    /// A task whose feedback is on screen, so a reload shows it again.
    pub feedback_for: Option<String>,
    pub chosen_place: Option<ChosenPlace>,
    /// The finished assessment was added to the activity counts (once, even if the person
    /// goes back and finishes again).
    pub counted: bool,
    /// Kind offers already made once: `reading` (read-aloud and languages, for a person who
    /// reads French with difficulty) and `not_understood` (after questions not understood).
    pub offers_made: Vec<String>,
}

/// The kind offers the questions screen can make (see [`Session::offer_due`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// "Un peu" or "avec difficulté" to reading French: read-aloud and the other languages.
    Reading,
    /// Questions not understood in a row: listen to the question, change language, or go on.
    NotUnderstood,
}

impl Offer {
    pub fn id(self) -> &'static str {
        match self {
            Offer::Reading => "reading",
            Offer::NotUnderstood => "not_understood",
        }
    }
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Welcome,
        Stage::Questions,
        Stage::Result,
        Stage::Orientation,
        Stage::Places,
        Stage::Summary,
    ];

    /// Stored name; never change it.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Welcome => "welcome",
            Stage::Questions => "questions",
            Stage::Result => "result",
            Stage::Orientation => "orientation",
            Stage::Places => "places",
            Stage::Summary => "summary",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The assessment is finished; nothing is waiting for an answer.
    NothingToAnswer,
    /// The item answered is not the one the flow is on.
    NotCurrent { expected: String },
    /// The answer is not one this item offers.
    DoesNotFit,
}

impl AnswerLookup for Session {
    fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.answers
            .iter()
            .find(|given| given.item == item_id)
            .map(|given| given.answer)
    }
}

impl AnswerLookup for Vec<GivenAnswer> {
    fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.iter()
            .find(|given| given.item == item_id)
            .map(|given| given.answer)
    }
}

impl Session {
    /// The offer to show now, if any: each is made once, when its rule first applies.
    pub fn offer_due(&self, bank: &Bank) -> Option<Offer> {
        let made = |offer: Offer| self.offers_made.iter().any(|o| o == offer.id());
        if !made(Offer::Reading)
            && crate::situation::Situation::of(bank, self).reads_with_difficulty()
        {
            return Some(Offer::Reading);
        }
        let in_a_row = self
            .answers
            .iter()
            .rev()
            .take_while(|a| a.answer == Answer::NotUnderstood)
            .count();
        (!made(Offer::NotUnderstood) && in_a_row >= NOT_UNDERSTOOD_IN_A_ROW)
            .then_some(Offer::NotUnderstood)
    }

    /// Records that an offer was shown and answered, so it is not made again.
    pub fn offer_made(&mut self, offer: Offer) {
        if !self.offers_made.iter().any(|o| o == offer.id()) {
            self.offers_made.push(offer.id().to_string());
        }
    }

    pub fn new(started_on: &str) -> Session {
        Session {
            id: started_on.to_string(),
            started_on: started_on.to_string(),
            ..Session::default()
        }
    }

    /// Records the answer to the current item and moves on.
    pub fn answer(
        &mut self,
        bank: &Bank,
        item_id: &str,
        answer: Answer,
    ) -> Result<(), AnswerError> {
        self.answer_screen(bank, &[(item_id.to_string(), answer)])
    }

    /// Records the answers to the current screen: one item, or every item of a group, in
    /// order. Nothing is recorded unless all of them fit.
    pub fn answer_screen(
        &mut self,
        bank: &Bank,
        given: &[(String, Answer)],
    ) -> Result<(), AnswerError> {
        let screen = flow::next_screen(bank, &self.answers).ok_or(AnswerError::NothingToAnswer)?;
        let items = screen.items();
        if items.len() != given.len()
            || items
                .iter()
                .zip(given)
                .any(|(item, (id, _))| item.id != *id)
        {
            return Err(AnswerError::NotCurrent {
                expected: items[0].id.clone(),
            });
        }
        if items
            .iter()
            .zip(given)
            .any(|(item, (_, answer))| !answer.fits(item))
        {
            return Err(AnswerError::DoesNotFit);
        }
        for (item, answer) in given {
            self.answers.push(GivenAnswer {
                item: item.clone(),
                answer: *answer,
            });
        }
        self.stage = Stage::Questions;
        self.feedback_for = None;
        Ok(())
    }

    /// Takes back the last screen's answers (a group is one screen), so "Question précédente"
    /// shows it again.
    pub fn undo_last(&mut self, bank: &Bank) -> Vec<GivenAnswer> {
        self.feedback_for = None;
        let mut removed = Vec::new();
        if let Some(last) = self.answers.pop() {
            let group = bank.item(&last.item).and_then(|i| i.group.clone());
            removed.push(last);
            while let Some(previous) = self.answers.last() {
                let same = group.is_some()
                    && bank.item(&previous.item).and_then(|i| i.group.clone()) == group;
                if !same {
                    break;
                }
                if let Some(previous) = self.answers.pop() {
                    removed.insert(0, previous);
                }
            }
        }
        let answers = &self.answers;
        self.priorities.retain(|id| {
            crate::situation::Need::from_id(id).is_some() || answers.iter().any(|a| &a.item == id)
        });
        removed
    }

    pub fn is_complete(&self, bank: &Bank) -> bool {
        flow::next_item(bank, &self.answers).is_none()
    }

    /// A session with its id set, e.g. from a clock in milliseconds.
    pub fn with_id(mut self, id: impl Into<String>) -> Session {
        self.id = id.into();
        self
    }

    /// Adds or removes a priority. Returns false when the limit is reached.
    pub fn toggle_priority(&mut self, item_id: &str) -> bool {
        if let Some(pos) = self.priorities.iter().position(|id| id == item_id) {
            self.priorities.remove(pos);
            return true;
        }
        if self.priorities.len() >= MAX_PRIORITIES {
            return false;
        }
        self.priorities.push(item_id.to_string());
        true
    }

    pub fn set_first_name(&mut self, name: &str) {
        self.first_name = name
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_FIRST_NAME_CHARS)
            .collect::<String>()
            .trim()
            .to_string();
    }

    /// Makes a stored session fit the current bank: answers to items that no longer exist,
    /// answers that no longer fit, or answers out of flow order are dropped from the first
    /// one that breaks the flow. Returns how many answers were dropped.
    pub fn reconcile(&mut self, bank: &Bank) -> usize {
        let before = self.answers.len();
        let mut kept: Vec<GivenAnswer> = Vec::with_capacity(before);
        for given in &self.answers {
            let Some(current) = flow::next_item(bank, &kept) else {
                break;
            };
            if current.id != given.item || !given.answer.fits(current) {
                break;
            }
            kept.push(given.clone());
        }
        self.answers = kept;
        let answers = &self.answers;
        self.priorities.retain(|id| {
            crate::situation::Need::from_id(id).is_some() || answers.iter().any(|a| &a.item == id)
        });
        self.priorities.truncate(MAX_PRIORITIES);
        if self
            .feedback_for
            .as_ref()
            .is_some_and(|id| self.answer_of(id).is_none())
        {
            self.feedback_for = None;
        }
        if self.stage != Stage::Welcome && self.stage != Stage::Questions && !self.is_complete(bank)
        {
            self.stage = Stage::Questions;
        }
        before - self.answers.len()
    }
}

/// Runs the whole flow with `pick` choosing each answer (given the item and the answers so
/// far), screen by screen as a person would: for tests, benchmarks and estimates. Stops after
/// as many screens as the bank has items, whatever `pick` does.
pub fn play(bank: &Bank, pick: impl Fn(&crate::bank::Item, &Session) -> Answer) -> Session {
    let mut session = Session::new("2026-12-01");
    for _ in 0..bank.items.len() {
        let Some(screen) = flow::next_screen(bank, &session.answers) else {
            break;
        };
        let given: Vec<(String, Answer)> = screen
            .items()
            .iter()
            .map(|item| (item.id.clone(), pick(item, &session)))
            .collect();
        if session.answer_screen(bank, &given).is_err() {
            break;
        }
    }
    session
}

/// Answers are stored as `[item id, answer code]` pairs, in the order given.
pub fn answers_to_json(answers: &[GivenAnswer]) -> Json {
    Json::Array(
        answers
            .iter()
            .map(|a| Json::Array(vec![string(&a.item), Json::String(a.answer.code())]))
            .collect(),
    )
}

pub fn answers_from_json(json: Option<&Json>) -> Option<Vec<GivenAnswer>> {
    let Some(json) = json else {
        return Some(Vec::new());
    };
    json.as_array()?
        .iter()
        .map(|pair| match pair.as_array()? {
            [item, answer] => Some(GivenAnswer {
                item: item.as_str()?.to_string(),
                answer: Answer::from_code(answer.as_str()?)?,
            }),
            _ => None,
        })
        .collect()
}

/// An optional string member: absent is fine, present with another type is not.
pub(crate) fn optional_string(json: &Json, key: &str) -> Option<Option<String>> {
    match json.get(key) {
        None | Some(Json::Null) => Some(None),
        Some(value) => Some(Some(value.as_str()?.to_string())),
    }
}

pub(crate) fn string_or_empty(json: &Json, key: &str) -> Option<String> {
    optional_string(json, key).map(Option::unwrap_or_default)
}

pub(crate) fn strings_or_empty(json: &Json, key: &str) -> Option<Vec<String>> {
    match json.get(key) {
        None => Some(Vec::new()),
        value => read_strings(value),
    }
}

impl Stored for ChosenPlace {
    fn to_json(&self) -> Json {
        object([
            ("id", Some(string(&self.id))),
            ("name", Some(string(&self.name))),
            ("address", Some(string(&self.address))),
            ("postal_code", Some(string(&self.postal_code))),
            ("phone", Some(string(&self.phone))),
            ("hours", Some(string(&self.hours))),
            ("services", Some(strings(&self.services))),
        ])
    }

    fn from_json(json: &Json) -> Option<Self> {
        json.as_object()?;
        Some(ChosenPlace {
            id: string_or_empty(json, "id")?,
            name: string_or_empty(json, "name")?,
            address: string_or_empty(json, "address")?,
            postal_code: string_or_empty(json, "postal_code")?,
            phone: string_or_empty(json, "phone")?,
            hours: string_or_empty(json, "hours")?,
            services: strings_or_empty(json, "services")?,
        })
    }
}

pub(crate) fn place_from_json(json: &Json) -> Option<Option<ChosenPlace>> {
    match json.get("chosen_place") {
        None | Some(Json::Null) => Some(None),
        Some(place) => ChosenPlace::from_json(place).map(Some),
    }
}

impl Stored for Session {
    /// Version 2: answers to bank v2. A session of bank v1 is not migrated (it was in
    /// progress, and bank v2 asks other questions): it is set aside with the usual notice.
    const VERSION: u32 = 2;

    fn to_json(&self) -> Json {
        object([
            ("id", Some(string(&self.id))),
            ("stage", Some(string(self.stage.id()))),
            ("answers", Some(answers_to_json(&self.answers))),
            ("priorities", Some(strings(&self.priorities))),
            ("first_name", Some(string(&self.first_name))),
            ("started_on", Some(string(&self.started_on))),
            ("feedback_for", self.feedback_for.as_deref().map(string)),
            (
                "chosen_place",
                self.chosen_place.as_ref().map(Stored::to_json),
            ),
            ("counted", self.counted.then_some(Json::Bool(true))),
            (
                "offers_made",
                (!self.offers_made.is_empty()).then(|| strings(&self.offers_made)),
            ),
        ])
    }

    fn from_json(json: &Json) -> Option<Self> {
        json.as_object()?;
        let stage = match json.get("stage") {
            None => Stage::Welcome,
            Some(value) => Stage::from_id(value.as_str()?)?,
        };
        Some(Session {
            id: string_or_empty(json, "id")?,
            stage,
            answers: answers_from_json(json.get("answers"))?,
            priorities: strings_or_empty(json, "priorities")?,
            first_name: string_or_empty(json, "first_name")?,
            started_on: string_or_empty(json, "started_on")?,
            feedback_for: optional_string(json, "feedback_for")?,
            chosen_place: place_from_json(json)?,
            counted: match json.get("counted") {
                None => false,
                Some(flag) => flag.as_bool()?,
            },
            offers_made: strings_or_empty(json, "offers_made")?,
        })
    }
}
