//! Which question comes next: the skip rules, one function each.
//!
//! Items are asked in bank order. An item is asked when every rule below lets it through; the
//! rules look only at answers to earlier items (checked by `Bank::validate`), so walking the
//! bank once is enough, and whether an item was asked can be told again later from the
//! answers alone (see [`is_asked`]).
//!
//! 1. **Relevance** ([`is_relevant`]): `relevant_if` (job questions for job seekers only).
//! 2. **Situation** (`ask_if`): what the person has and does decides what applies: no e-mail
//!    address, no e-mail question; no phone, no SMS question. Using internet does not require
//!    owning a device.
//! 3. **Stop rule** ([`stops_domain`]): a skill domain's first item asked is its easiest. "Je ne
//!    sais pas encore le faire", "Je ne comprends pas la question" or "Quelqu'un le fait pour
//!    moi" there closes the domain: its other items are *not asked*.
//! 4. **Path** ([`path_is_open`]): the first item's answer opens a path. Done without help (or
//!    not needed): the `core` items, which confirm autonomy. With help: the `detail` and
//!    `extra` items, which tell a mediator where help is needed.
//! 5. **Claimed first** ([`after_is_met`]): an item with `after` (a harder skill, or an
//!    exercise) comes only when the person says they can do that earlier skill, alone or with
//!    help.
//! 6. **One exercise per domain** ([`task_is_allowed`]).
//! 7. **At most [`MAX_QUESTIONS`] questions** ([`fits_in_budget`]): a `detail` item is asked
//!    only if there is room for it and for every `core`/`both` question that may still come;
//!    an `extra` item only if there is also room for the `detail` ones, within
//!    [`EXTRA_LIMIT`]. The bank is built so that `core` and `both` questions alone never
//!    exceed the limit (tested).
//!
//! A *question* is one screen: the situation facts of a group are answered on one screen.

use crate::answer::Answer;
use crate::bank::{AnswerLookup, Bank, Condition, DomainKind, Item, ItemKind, Path};

/// Most questions (screens) anyone answers.
pub const MAX_QUESTIONS: usize = 30;

/// `extra` items are asked only while the questions stay within this many: they are welcome
/// detail, not worth a long assessment.
pub const EXTRA_LIMIT: usize = 24;

/// Whether the item concerns the person at all (e.g. job questions for a job seeker).
pub fn is_relevant(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    item.relevant_if
        .as_deref()
        .is_none_or(|name| bank.holds(name, answers))
}

/// Whether the person's situation lets the item be asked (`relevant_if` and `ask_if`).
fn situation_allows(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    is_relevant(bank, item, answers)
        && item
            .ask_if
            .as_deref()
            .is_none_or(|name| bank.holds(name, answers))
}

/// The first item of a skill domain the person's situation lets through: its easiest, where
/// the stop rule and the paths are decided. Only situation answers decide it.
pub fn first_item<'a>(
    bank: &'a Bank,
    domain: &str,
    answers: &dyn AnswerLookup,
) -> Option<&'a Item> {
    bank.items.iter().find(|item| {
        item.domain == domain
            && item.kind == ItemKind::Rating
            && item.after.is_none()
            && situation_allows(bank, item, answers)
    })
}

/// Rule 3: the answers to a domain's first item that close the domain.
pub fn stops_domain(answer: Answer) -> bool {
    matches!(
        answer,
        Answer::NotYet | Answer::NotUnderstood | Answer::DoneForMe
    )
}

/// Rule 4: whether the first item's answer opens this item's path.
pub fn path_is_open(path: Path, first: Answer) -> bool {
    match path {
        Path::Both => true,
        Path::Core => matches!(first, Answer::Alone | Answer::NoNeed),
        Path::Detail | Path::Extra => first == Answer::WithHelp,
    }
}

/// Rule 5: the earlier skill named by `after` was claimed, alone or with help.
pub fn after_is_met(item: &Item, answers: &dyn AnswerLookup) -> bool {
    item.after
        .as_deref()
        .is_none_or(|after| answers.answer_of(after).is_some_and(Answer::claims_skill))
}

/// Rule 6: no earlier exercise of the domain was answered.
pub fn task_is_allowed(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    item.kind != ItemKind::Task
        || !bank
            .domain_items(&item.domain)
            .take_while(|other| other.id != item.id)
            .any(|other| other.kind == ItemKind::Task && answers.answer_of(&other.id).is_some())
}

/// Whether the item is put to the person, given the answers so far. Also tells, once the
/// assessment is over, which unanswered items were *not asked*.
pub fn is_asked(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    if !situation_allows(bank, item, answers) {
        return false;
    }
    let skills = bank
        .domain(&item.domain)
        .is_some_and(|d| d.kind == DomainKind::Skills);
    if !skills {
        return true;
    }
    let Some(first) = first_item(bank, &item.domain, answers) else {
        return false;
    };
    if first.id == item.id {
        return true;
    }
    let Some(first_answer) = answers.answer_of(&first.id) else {
        return false;
    };
    !stops_domain(first_answer)
        && path_is_open(item.path, first_answer)
        && after_is_met(item, answers)
        && task_is_allowed(bank, item, answers)
        && fits_in_budget(bank, item, answers)
}

/// What comes next: one item, or the items of a situation group shown together.
#[derive(Debug, Clone)]
pub enum Screen<'a> {
    Item(&'a Item),
    Group { id: &'a str, items: Vec<&'a Item> },
}

impl<'a> Screen<'a> {
    /// The items to answer on this screen, in order.
    pub fn items(&self) -> Vec<&'a Item> {
        match self {
            Screen::Item(item) => vec![*item],
            Screen::Group { items, .. } => items.clone(),
        }
    }

    /// The first item, which names the screen (`data-item` in the page).
    pub fn first(&self) -> &'a Item {
        match self {
            Screen::Item(item) => item,
            Screen::Group { items, .. } => items[0],
        }
    }
}

/// The next item to ask, or `None` when the assessment is complete.
pub fn next_item<'a>(bank: &'a Bank, answers: &dyn AnswerLookup) -> Option<&'a Item> {
    bank.items
        .iter()
        .find(|item| answers.answer_of(&item.id).is_none() && is_asked(bank, item, answers))
}

/// The next screen: the next item, with the other items of its group still to answer.
pub fn next_screen<'a>(bank: &'a Bank, answers: &dyn AnswerLookup) -> Option<Screen<'a>> {
    let item = next_item(bank, answers)?;
    let Some(group) = item.group.as_deref() else {
        return Some(Screen::Item(item));
    };
    let items: Vec<&Item> = bank
        .items
        .iter()
        .filter(|other| other.group.as_deref() == Some(group))
        .filter(|other| answers.answer_of(&other.id).is_none() && is_asked(bank, other, answers))
        .collect();
    Some(Screen::Group { id: group, items })
}

/// How many questions (screens) these answers make: each group counts once.
pub fn screens_answered(bank: &Bank, answers: &dyn AnswerLookup) -> usize {
    screens_among(bank, bank.items.len(), answers)
}

/// Screens answered among the first `upto` items of the bank.
fn screens_among(bank: &Bank, upto: usize, answers: &dyn AnswerLookup) -> usize {
    let mut count = 0;
    let mut last_group: Option<&str> = None;
    for item in bank.items.iter().take(upto) {
        if answers.answer_of(&item.id).is_none() {
            continue;
        }
        match item.group.as_deref() {
            Some(group) if last_group == Some(group) => {}
            group => {
                count += 1;
                last_group = group;
            }
        }
    }
    count
}

/// The answers to the items before `upto` only: what the rules for the item at `upto` may see.
struct Before<'a> {
    bank: &'a Bank,
    upto: usize,
    answers: &'a dyn AnswerLookup,
}

impl AnswerLookup for Before<'_> {
    fn answer_of(&self, item_id: &str) -> Option<Answer> {
        match self.bank.item_index(item_id) {
            Some(index) if index < self.upto => self.answers.answer_of(item_id),
            _ => None,
        }
    }
}

/// Rule 7: room for this `detail` or `extra` item and for the more important questions that
/// may still come. Sees only the answers to earlier items, like every other rule.
pub fn fits_in_budget(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> bool {
    let (tier, limit) = match item.path {
        Path::Both | Path::Core => return true,
        Path::Detail => (1, MAX_QUESTIONS),
        Path::Extra => (2, EXTRA_LIMIT),
    };
    let Some(index) = bank.item_index(&item.id) else {
        return false;
    };
    let before = Before {
        bank,
        upto: index,
        answers,
    };
    let asked = screens_among(bank, index, &before);
    let reserved = may_come_after(bank, index, &before, |path| tier_of(path) < tier);
    asked + 1 + reserved <= limit
}

fn tier_of(path: Path) -> u8 {
    match path {
        Path::Both | Path::Core => 0,
        Path::Detail => 1,
        Path::Extra => 2,
    }
}

/// An upper bound of the screens still to come after `index` among items whose path passes
/// `counted`, given what is known: unknown answers may go either way, and a domain whose first
/// answer is unknown counts its longer path.
fn may_come_after(
    bank: &Bank,
    index: usize,
    answers: &dyn AnswerLookup,
    counted: impl Fn(Path) -> bool,
) -> usize {
    let later = &bank.items[index + 1..];
    let mut total = 0;
    // Situation items: one screen per item, or per group.
    let mut last_group: Option<&str> = None;
    for item in later {
        let situation = bank
            .domain(&item.domain)
            .is_none_or(|d| d.kind == DomainKind::Situation);
        if !situation || answers.answer_of(&item.id).is_some() {
            continue;
        }
        if maybe_allowed(bank, item, answers) == Some(false) {
            continue;
        }
        match item.group.as_deref() {
            Some(group) if last_group == Some(group) => {}
            group => {
                total += 1;
                last_group = group;
            }
        }
    }
    for domain in bank.skill_domains() {
        let items: Vec<&Item> = later.iter().filter(|i| i.domain == domain.id).collect();
        if items.is_empty() {
            continue;
        }
        let first = bank.domain_items(&domain.id).find(|item| {
            item.kind == ItemKind::Rating
                && item.after.is_none()
                && maybe_allowed(bank, item, answers) != Some(false)
        });
        let Some(first) = first else {
            continue;
        };
        let first_answer = answers.answer_of(&first.id);
        if first_answer.is_some_and(stops_domain) {
            continue;
        }
        let count_path = |first_answer: Answer| {
            let mut count = 0;
            let mut task = false;
            for item in &items {
                if item.id == first.id {
                    count += 1;
                    continue;
                }
                if answers.answer_of(&item.id).is_some()
                    || !counted(item.path)
                    || !path_is_open(item.path, first_answer)
                    || maybe_allowed(bank, item, answers) == Some(false)
                {
                    continue;
                }
                if item.kind == ItemKind::Task {
                    task = true;
                } else {
                    count += 1;
                }
            }
            count + usize::from(task)
        };
        total += match first_answer {
            Some(answer) => count_path(answer),
            None => count_path(Answer::Alone).max(count_path(Answer::WithHelp)),
        };
    }
    total
}

/// `relevant_if` and `ask_if` with what is known: `None` when they depend on answers not
/// given yet.
fn maybe_allowed(bank: &Bank, item: &Item, answers: &dyn AnswerLookup) -> Option<bool> {
    let mut unknown = false;
    for name in [item.relevant_if.as_deref(), item.ask_if.as_deref()]
        .into_iter()
        .flatten()
    {
        match maybe_holds(bank, name, answers) {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based number of the current question ("question 7").
    pub current: usize,
    /// The questions answered plus those the person will most likely still get ("sur 18").
    pub total: usize,
}

/// Progress for "Question 7 sur 18". The total is the *likely* path: the answers given so
/// far, and for the rest the answers of [`likely_answer`], so a person with no device and no
/// internet is not told about questions they will never get.
pub fn progress(bank: &Bank, answers: &dyn AnswerLookup) -> Progress {
    let answered = screens_answered(bank, answers);
    let total = likely_length(bank, answers).max(answered + 1);
    Progress {
        current: (answered + 1).min(total),
        total,
    }
}

/// The number of questions of the likely path from these answers on (see [`progress`]).
pub fn likely_length(bank: &Bank, answers: &dyn AnswerLookup) -> usize {
    let mut simulated = Simulated {
        given: answers,
        assumed: Vec::new(),
    };
    while let Some(item) = next_item(bank, &simulated) {
        simulated
            .assumed
            .push((item.id.clone(), likely_answer(item)));
        if simulated.assumed.len() > bank.items.len() {
            break;
        }
    }
    screens_answered(bank, &simulated)
}

/// Seconds a screen takes on average, reading included. An estimate, not a measurement: about
/// 15 s to read and answer one question, more for a group of questions on one screen or for
/// someone who reads slowly. To replace by timings from real sessions when there are some.
pub const SECONDS_PER_SCREEN: usize = 25;

/// "Cela prend environ {minutes} minutes" on the welcome screen: the likely length of a new
/// assessment, rounded up to whole minutes.
pub fn likely_minutes(bank: &Bank) -> usize {
    let screens = likely_length(bank, &Vec::<crate::session::GivenAnswer>::new());
    (screens * SECONDS_PER_SCREEN).div_ceil(60)
}

/// The answer assumed for a question not answered yet when estimating the length: a person
/// who has the usual equipment (a smartphone, internet, an e-mail address) and needs some
/// help. Used for the welcome screen's duration and the progress total, nothing else.
pub fn likely_answer(item: &Item) -> Answer {
    match item.kind {
        ItemKind::Fact => Answer::Yes,
        ItemKind::Choice | ItemKind::Task => Answer::Choice(0),
        ItemKind::Rating => Answer::WithHelp,
    }
}

struct Simulated<'a> {
    given: &'a dyn AnswerLookup,
    assumed: Vec<(String, Answer)>,
}

impl AnswerLookup for Simulated<'_> {
    fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.given.answer_of(item_id).or_else(|| {
            self.assumed
                .iter()
                .find(|(id, _)| id == item_id)
                .map(|(_, answer)| *answer)
        })
    }
}

/// Three-valued evaluation: `None` when the answer depends on items not answered yet.
fn maybe_holds(bank: &Bank, name: &str, answers: &dyn AnswerLookup) -> Option<bool> {
    bank.conditions
        .get(name)
        .and_then(|condition| eval3(bank, condition, answers, 0))
}

fn eval3(
    bank: &Bank,
    condition: &Condition,
    answers: &dyn AnswerLookup,
    depth: usize,
) -> Option<bool> {
    if depth > 16 {
        return Some(false);
    }
    match condition {
        // Same rule as `Bank::eval`: an item left out of the bank does not block others.
        Condition::Answer { item, .. } if bank.item(item).is_none() => Some(true),
        Condition::Answer { item, one_of } => {
            answers.answer_of(item).map(|given| one_of.contains(&given))
        }
        Condition::All { all } => {
            let mut unknown = false;
            for c in all {
                match eval3(bank, c, answers, depth + 1) {
                    Some(false) => return Some(false),
                    None => unknown = true,
                    Some(true) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(true)
            }
        }
        Condition::Any { any } => {
            let mut unknown = false;
            for c in any {
                match eval3(bank, c, answers, depth + 1) {
                    Some(true) => return Some(true),
                    None => unknown = true,
                    Some(false) => {}
                }
            }
            if unknown {
                None
            } else {
                Some(false)
            }
        }
        Condition::Not { not } => eval3(bank, not, answers, depth + 1).map(|b| !b),
        Condition::Ref { name } => bank
            .conditions
            .get(name)
            .and_then(|c| eval3(bank, c, answers, depth + 1)),
    }
}
