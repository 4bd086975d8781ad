//! The question bank: domains, items and the skip conditions between them.
//!
//! The bank is data (`content/bank.json`); texts live in the i18n catalogs under
//! `q.<item id>.*` keys. [`Bank::validate`] is what the tests and the partner tooling run to
//! make sure the data is complete and every skip rule can actually fire.
//!
//! # Shape (version 2)
//! - **Domains**: one `situation` domain (facts about the person, never a level) and skill
//!   domains, each with a level. An item's domain decides whether it is scored.
//! - **Groups**: consecutive situation facts shown on one screen ("Avez-vous chez vous :
//!   un ordinateur, une tablette, une box ?"). Each stays an item of its own.
//! - **Items**: `fact` (Oui / Non, with `dont_know` also "Je ne sais pas"), `choice` (options,
//!   no right answer), `rating` (self-rating; `done_for_me` adds "Quelqu'un le fait pour moi",
//!   `no_need` adds "Je n'en ai pas besoin") and `task` (a small exercise with one right
//!   option). Every item also offers "Je ne comprends pas la question".
//! - **Rules** an item may carry (applied by [`crate::flow`]): `ask_if` and `relevant_if`
//!   (named conditions over earlier answers), `after` (an earlier rating the person says they
//!   can do, alone or with help), `path` (`core` for those who do the domain's first item
//!   without help, `detail` for those who need help with it, both by default).

use std::collections::{BTreeMap, BTreeSet};

use crate::answer::Answer;
use crate::i18n::Catalog;
use crate::json::Json;
use crate::services::Service;

/// The bank shipped with the widget.
pub const BUILTIN_BANK_JSON: &str = include_str!("../../content/bank.json");

/// The skill domain ids of the built-in bank, in order: what checks a partner's
/// `data-domains` without the bank itself (the partner configurator). A test keeps the two in
/// step. The situation block is always asked, so it is not listed.
pub const BUILTIN_DOMAIN_IDS: [&str; 6] = [
    "appareil",
    "information",
    "communication",
    "demarches",
    "emploi",
    "securite",
];

/// Domain ids of older versions a partner's `data-domains` may still name: accepted, and
/// they change nothing (bank v1's `equipement` is now the situation block, always asked).
pub const RETIRED_DOMAIN_IDS: [&str; 1] = ["equipement"];

#[derive(Debug, Clone)]
pub struct Bank {
    pub version: u32,
    pub domains: Vec<Domain>,
    /// Situation items shown together on one screen, by id (texts `group.<id>.text`).
    pub groups: Vec<String>,
    /// Named conditions that items reference in `ask_if` / `relevant_if`.
    pub conditions: BTreeMap<String, Condition>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainKind {
    /// Facts about the person's situation: recorded as facts, never averaged into a level.
    Situation,
    /// Skills, with a level.
    Skills,
}

#[derive(Debug, Clone)]
pub struct Domain {
    pub id: String,
    /// Name of the pictogram drawn next to the domain (see the widget's icon set).
    pub icon: String,
    pub kind: DomainKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// Oui / Non (and "Je ne sais pas" with `dont_know`): a fact.
    Fact,
    /// One of several options, none right or wrong: a fact.
    Choice,
    /// Self-rating of a skill.
    Rating,
    /// A small exercise with one right option.
    Task,
}

/// Who a skill item is for, after the domain's first item (see [`crate::flow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Asked to everyone the other rules let through.
    Both,
    /// Only when the domain's first item was done without help (or is not needed): what
    /// confirms autonomy, such as the national indicator's activities.
    Core,
    /// Only when the domain's first item needs help: the detail a mediator needs.
    Detail,
    /// Like `Detail`, when there is still room under the question limit after the `detail`
    /// items (see [`crate::flow::fits_in_budget`]).
    Extra,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub domain: String,
    pub kind: ItemKind,
    /// DigComp 2.2 competence, e.g. "2.1". Required for skill items.
    pub digcomp: Option<String>,
    /// National services (lieux standard v1) this item calls for when it is a need.
    pub services: Vec<Service>,
    /// Eurostat DSI 2.0 area and activity, when the item is one of its activities.
    pub dsi: Option<DsiMapping>,
    /// Asked only when this condition holds; otherwise *not asked*.
    pub ask_if: Option<String>,
    /// When this condition fails, the item does not concern the person at all
    /// (e.g. job questions for someone who is not looking for work).
    pub relevant_if: Option<String>,
    /// Asked only when the person says they can do this earlier rating (alone or with help).
    pub after: Option<String>,
    pub path: Path,
    /// Situation items shown on one screen share a group.
    pub group: Option<String>,
    /// Fact: also offers "Je ne sais pas".
    pub dont_know: bool,
    /// Rating: also offers "Quelqu'un le fait pour moi" (tasks commonly delegated).
    pub done_for_me: bool,
    /// Rating: also offers "Je n'en ai pas besoin" (not a need for everybody).
    pub no_need: bool,
    /// Whether the item can be a first step or a learning priority. Default: ratings yes,
    /// other kinds no.
    pub goal: bool,
    /// Option ids of a choice or a task, in display order. Texts: `q.<id>.opt.<option>`.
    pub options: Vec<String>,
    /// Index of the right option of a task.
    pub correct: Option<usize>,
}

impl Item {
    /// Whether the item counts in its domain's level (skills only; facts never do).
    pub fn is_skill(&self) -> bool {
        matches!(self.kind, ItemKind::Rating | ItemKind::Task)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DsiMapping {
    pub area: DsiArea,
    /// Activity id; several items may evidence the same activity, which counts once.
    pub activity: String,
}

/// The five DigComp areas as used by Eurostat's Digital Skills Indicator 2.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DsiArea {
    Information,
    Communication,
    ContentCreation,
    Safety,
    ProblemSolving,
}

impl DsiArea {
    pub const ALL: [DsiArea; 5] = [
        DsiArea::Information,
        DsiArea::Communication,
        DsiArea::ContentCreation,
        DsiArea::Safety,
        DsiArea::ProblemSolving,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DsiArea::Information => "information",
            DsiArea::Communication => "communication",
            DsiArea::ContentCreation => "content_creation",
            DsiArea::Safety => "safety",
            DsiArea::ProblemSolving => "problem_solving",
        }
    }

    pub fn from_id(id: &str) -> Option<DsiArea> {
        DsiArea::ALL.into_iter().find(|area| area.id() == id)
    }
}

/// A skip rule over earlier answers. In the bank file: `{"item": id, "in": [answers]}` (answer
/// codes, or option ids for a choice), `{"all": [...]}`, `{"any": [...]}`, `{"not": ...}` or
/// `{"ref": name}`.
#[derive(Debug, Clone)]
pub enum Condition {
    /// True when `item` was answered with one of `one_of`.
    Answer {
        item: String,
        one_of: Vec<Answer>,
    },
    All {
        all: Vec<Condition>,
    },
    Any {
        any: Vec<Condition>,
    },
    Not {
        not: Box<Condition>,
    },
    /// Another named condition.
    Ref {
        name: String,
    },
}

/// A condition is evaluated against the answers given so far. An item that is not answered
/// yet makes an `Answer` condition false.
pub trait AnswerLookup {
    fn answer_of(&self, item_id: &str) -> Option<Answer>;
}

impl Bank {
    /// The bank compiled into the widget. The test suite parses and validates it, so it
    /// cannot fail in a released build; an empty bank (rather than a panic and its
    /// formatting code in the bundle) is the fallback all the same.
    pub fn builtin() -> Bank {
        Bank::from_json(BUILTIN_BANK_JSON).unwrap_or_else(|_| Bank::empty())
    }

    /// The bank with only the given skill domains (all of them when `domains` is empty), for
    /// partners who include part of the assessment. The situation block always stays: the
    /// facts decide which skill questions apply, and the mediator needs them.
    pub fn restricted_to(&self, domains: &[String]) -> Bank {
        if domains.is_empty() {
            return self.clone();
        }
        let keep =
            |domain: &Domain| domain.kind == DomainKind::Situation || domains.contains(&domain.id);
        let kept: BTreeSet<&str> = self
            .domains
            .iter()
            .filter(|d| keep(d))
            .map(|d| d.id.as_str())
            .collect();
        Bank {
            version: self.version,
            domains: self.domains.iter().filter(|d| keep(d)).cloned().collect(),
            groups: self.groups.clone(),
            conditions: self.conditions.clone(),
            items: self
                .items
                .iter()
                .filter(|i| kept.contains(i.domain.as_str()))
                .cloned()
                .collect(),
        }
    }

    pub fn empty() -> Bank {
        Bank {
            version: 0,
            domains: Vec::new(),
            groups: Vec::new(),
            conditions: BTreeMap::new(),
            items: Vec::new(),
        }
    }

    /// Reads a bank file. Unknown fields are errors, so a typo never silently drops a rule.
    pub fn from_json(text: &str) -> Result<Bank, String> {
        let json = Json::parse(text).map_err(|e| e.to_string())?;
        parse_bank(&json)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn domain_items<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |item| item.domain == domain)
    }

    /// The skill domains, in order.
    pub fn skill_domains(&self) -> impl Iterator<Item = &Domain> {
        self.domains.iter().filter(|d| d.kind == DomainKind::Skills)
    }

    /// Evaluates a named condition. Unknown names are false; [`Bank::validate`] rejects them.
    pub fn holds(&self, name: &str, answers: &dyn AnswerLookup) -> bool {
        self.conditions
            .get(name)
            .is_some_and(|condition| self.eval(condition, answers, 0))
    }

    fn eval(&self, condition: &Condition, answers: &dyn AnswerLookup, depth: usize) -> bool {
        // Guards against a reference cycle in partner-edited data; validate() reports cycles.
        if depth > 16 {
            return false;
        }
        match condition {
            // An item a partner left out (see `restricted_to`) is never asked: assume the
            // person could answer it, so the items that depend on it are still asked.
            Condition::Answer { item, .. } if self.item(item).is_none() => true,
            Condition::Answer { item, one_of } => answers
                .answer_of(item)
                .is_some_and(|given| one_of.contains(&given)),
            Condition::All { all } => all.iter().all(|c| self.eval(c, answers, depth + 1)),
            Condition::Any { any } => any.iter().any(|c| self.eval(c, answers, depth + 1)),
            Condition::Not { not } => !self.eval(not, answers, depth + 1),
            Condition::Ref { name } => self
                .conditions
                .get(name)
                .is_some_and(|c| self.eval(c, answers, depth + 1)),
        }
    }

    /// Item ids a condition depends on, following references.
    pub fn condition_items(&self, name: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(condition) = self.conditions.get(name) {
            self.collect_items(condition, &mut out, 0);
        }
        out
    }

    fn collect_items(&self, condition: &Condition, out: &mut BTreeSet<String>, depth: usize) {
        if depth > 16 {
            return;
        }
        match condition {
            Condition::Answer { item, .. } => {
                out.insert(item.clone());
            }
            Condition::All { all: list } | Condition::Any { any: list } => {
                for c in list {
                    self.collect_items(c, out, depth + 1);
                }
            }
            Condition::Not { not } => self.collect_items(not, out, depth + 1),
            Condition::Ref { name } => {
                if let Some(c) = self.conditions.get(name) {
                    self.collect_items(c, out, depth + 1);
                }
            }
        }
    }

    /// Every problem found in the bank, checked against the French catalog.
    /// An empty list means the bank is usable.
    pub fn validate(&self, catalog: &Catalog) -> Vec<String> {
        let mut problems = Vec::new();
        let domain_ids: BTreeSet<&str> = self.domains.iter().map(|d| d.id.as_str()).collect();
        if domain_ids.len() != self.domains.len() {
            problems.push("duplicate domain id".to_string());
        }
        let situations = self
            .domains
            .iter()
            .filter(|d| d.kind == DomainKind::Situation)
            .count();
        if situations > 1 {
            problems.push("more than one situation domain".to_string());
        }
        for domain in &self.domains {
            let mut items = self.domain_items(&domain.id);
            match items.next() {
                None => problems.push(format!("domain {} has no item", domain.id)),
                // The stop rule: the domain's first item is where a person who cannot do
                // anything of it stops, so it must be a plain rating everyone may get.
                Some(first) if domain.kind == DomainKind::Skills => {
                    if first.kind != ItemKind::Rating
                        || first.after.is_some()
                        || first.path != Path::Both
                    {
                        problems.push(format!(
                            "domain {}: its first item {} must be a rating asked on every path, so the stop rule applies",
                            domain.id, first.id
                        ));
                    }
                }
                Some(_) => {}
            }
            let key = format!("domain.{}", domain.id);
            if !catalog.contains(&key) {
                problems.push(format!("missing text {key}"));
            }
        }
        for group in &self.groups {
            let members: Vec<usize> = self
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.group.as_deref() == Some(group.as_str()))
                .map(|(index, _)| index)
                .collect();
            if members.len() < 2 {
                problems.push(format!("group {group} needs at least 2 items"));
            }
            if members.windows(2).any(|w| w[1] != w[0] + 1) {
                problems.push(format!("group {group}: its items must follow each other"));
            }
            if !catalog.contains(&format!("group.{group}.text")) {
                problems.push(format!("missing text group.{group}.text"));
            }
        }

        let mut seen = BTreeSet::new();
        for (index, item) in self.items.iter().enumerate() {
            self.check_item(index, item, &domain_ids, catalog, &mut problems);
            if !seen.insert(item.id.as_str()) {
                problems.push(format!("duplicate item id {}", item.id));
            }
        }
        for (name, condition) in &self.conditions {
            self.check_condition(name, condition, &mut problems, 0);
        }
        problems
    }

    fn check_item(
        &self,
        index: usize,
        item: &Item,
        domain_ids: &BTreeSet<&str>,
        catalog: &Catalog,
        problems: &mut Vec<String>,
    ) {
        let id = &item.id;
        if !is_stable_id(id) {
            problems.push(format!(
                "item id {id} must be lowercase ascii words joined by . or _"
            ));
        }
        let domain_kind = self.domain(&item.domain).map(|d| d.kind);
        if !domain_ids.contains(item.domain.as_str()) {
            problems.push(format!("{id}: unknown domain {}", item.domain));
        }
        let skill = domain_kind == Some(DomainKind::Skills);
        if skill != item.is_skill() && domain_kind.is_some() {
            problems.push(format!(
                "{id}: ratings and tasks belong to skill domains, facts and choices to the situation"
            ));
        }
        if skill {
            match &item.digcomp {
                Some(code) if is_digcomp_competence(code) => {}
                Some(code) => {
                    problems.push(format!("{id}: {code} is not a DigComp 2.2 competence"))
                }
                None => problems.push(format!("{id}: skill item without a DigComp competence")),
            }
            if item.services.is_empty() {
                problems.push(format!("{id}: skill item without a national service"));
            }
        } else if item.path != Path::Both || item.after.is_some() {
            problems.push(format!("{id}: path and after are for skill items"));
        }
        if item.group.is_some()
            && (skill || !self.groups.contains(item.group.as_ref().unwrap_or(id)))
        {
            problems.push(format!(
                "{id}: unknown group, or a group outside the situation"
            ));
        }
        let flags_fit = match item.kind {
            ItemKind::Fact => !item.done_for_me && !item.no_need,
            ItemKind::Rating => !(item.dont_know || item.done_for_me && item.no_need),
            ItemKind::Choice | ItemKind::Task => {
                !item.done_for_me && !item.no_need && !item.dont_know
            }
        };
        if !flags_fit {
            problems.push(format!(
                "{id}: dont_know is for facts; done_for_me or no_need (one of them) for ratings"
            ));
        }
        match item.kind {
            ItemKind::Task | ItemKind::Choice => {
                if item.options.len() < 2 {
                    problems.push(format!("{id}: needs at least 2 options"));
                }
                let unique: BTreeSet<&String> = item.options.iter().collect();
                if unique.len() != item.options.len() {
                    problems.push(format!("{id}: duplicate option ids"));
                }
                if item.options.len() > 16 {
                    problems.push(format!("{id}: too many options"));
                }
                for option in &item.options {
                    let key = format!("q.{id}.opt.{option}");
                    if !catalog.contains(&key) {
                        problems.push(format!("missing text {key}"));
                    }
                }
                if item.kind == ItemKind::Task {
                    if item.correct.is_none_or(|c| c >= item.options.len()) {
                        problems.push(format!(
                            "{id}: the correct option is missing or out of range"
                        ));
                    }
                    if !catalog.contains(&format!("q.{id}.feedback")) {
                        problems.push(format!("{id}: a task needs a feedback text"));
                    }
                    match item
                        .after
                        .as_deref()
                        .and_then(|a| self.item(a).map(|i| (a, i)))
                    {
                        Some((_, rating))
                            if rating.kind == ItemKind::Rating && rating.domain == item.domain => {}
                        _ => problems.push(format!(
                            "{id}: a task comes after a rating of its domain (after)"
                        )),
                    }
                } else if item.correct.is_some() {
                    problems.push(format!("{id}: only tasks have a correct option"));
                }
            }
            ItemKind::Fact | ItemKind::Rating => {
                if !item.options.is_empty() || item.correct.is_some() {
                    problems.push(format!("{id}: only choices and tasks have options"));
                }
            }
        }
        if !catalog.contains(&format!("q.{id}.text")) {
            problems.push(format!("missing text q.{id}.text"));
        }
        // An exercise names what it checks (the reason of a service it calls for).
        if (item.goal || item.kind == ItemKind::Task) && !catalog.contains(&format!("q.{id}.goal"))
        {
            problems.push(format!("missing text q.{id}.goal"));
        }
        if let Some(after) = &item.after {
            match self.item_index(after) {
                Some(i) if i < index && self.items[i].kind == ItemKind::Rating => {}
                _ => problems.push(format!("{id}: after {after} must be an earlier rating")),
            }
        }
        for name in item.ask_if.iter().chain(item.relevant_if.iter()) {
            if !self.conditions.contains_key(name) {
                problems.push(format!("{id}: unknown condition {name}"));
                continue;
            }
            // A skip rule may only look at earlier items, otherwise it could never fire.
            for dependency in self.condition_items(name) {
                match self.item_index(&dependency) {
                    Some(dep_index) if dep_index < index => {}
                    Some(_) => problems.push(format!(
                        "{id}: condition {name} depends on {dependency}, which comes later"
                    )),
                    None => problems.push(format!(
                        "{id}: condition {name} depends on unknown item {dependency}"
                    )),
                }
            }
        }
    }

    fn check_condition(
        &self,
        name: &str,
        condition: &Condition,
        problems: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > 16 {
            problems.push(format!(
                "condition {name} is nested too deep or refers to itself"
            ));
            return;
        }
        match condition {
            Condition::Answer { item, one_of } => {
                let Some(target) = self.item(item) else {
                    problems.push(format!("condition {name}: unknown item {item}"));
                    return;
                };
                for answer in one_of {
                    if !answer.fits(target) {
                        problems.push(format!(
                            "condition {name}: {item} can never be answered {answer:?}"
                        ));
                    }
                }
            }
            Condition::All { all: list } | Condition::Any { any: list } => {
                if list.is_empty() {
                    problems.push(format!("condition {name} has an empty list"));
                }
                for c in list {
                    self.check_condition(name, c, problems, depth + 1);
                }
            }
            Condition::Not { not } => self.check_condition(name, not, problems, depth + 1),
            Condition::Ref { name: target } => match self.conditions.get(target) {
                Some(c) => self.check_condition(name, c, problems, depth + 1),
                None => problems.push(format!("condition {name}: unknown reference {target}")),
            },
        }
    }
}

/// Reads an object's members, remembering which were used so unknown ones are reported.
struct Fields<'a> {
    what: String,
    members: &'a [(String, Json)],
    used: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn of(json: &'a Json, what: impl Into<String>) -> Result<Fields<'a>, String> {
        let what = what.into();
        let members = json
            .as_object()
            .ok_or_else(|| format!("{what}: expected an object"))?;
        Ok(Fields {
            what,
            members,
            used: Vec::new(),
        })
    }

    fn optional(&mut self, name: &'static str) -> Option<&'a Json> {
        self.used.push(name);
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    fn required(&mut self, name: &'static str) -> Result<&'a Json, String> {
        let what = self.what.clone();
        self.optional(name)
            .ok_or_else(|| format!("{what}: missing field {name}"))
    }

    fn string(&mut self, name: &'static str) -> Result<String, String> {
        let what = self.what.clone();
        self.required(name)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{what}: {name} must be a string"))
    }

    fn optional_string(&mut self, name: &'static str) -> Result<Option<String>, String> {
        match self.optional(name) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| format!("{}: {name} must be a string", self.what)),
        }
    }

    fn bool_or(&mut self, name: &'static str, default: bool) -> Result<bool, String> {
        match self.optional(name) {
            None => Ok(default),
            Some(value) => value
                .as_bool()
                .ok_or_else(|| format!("{}: {name} must be true or false", self.what)),
        }
    }

    fn strings(&mut self, name: &'static str) -> Result<Vec<String>, String> {
        match self.optional(name) {
            None => Ok(Vec::new()),
            Some(value) => crate::json::read_strings(Some(value))
                .ok_or_else(|| format!("{}: {name} must be a list of strings", self.what)),
        }
    }

    fn finish(self) -> Result<(), String> {
        match self
            .members
            .iter()
            .find(|(k, _)| !self.used.contains(&k.as_str()))
        {
            Some((unknown, _)) => Err(format!("{}: unknown field {unknown}", self.what)),
            None => Ok(()),
        }
    }
}

/// A condition as written, before its answers are read against the items they name.
enum RawCondition {
    Answer { item: String, codes: Vec<String> },
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
    Ref(String),
}

fn parse_bank(json: &Json) -> Result<Bank, String> {
    let mut fields = Fields::of(json, "bank")?;
    let version = fields
        .required("version")?
        .as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or("bank: version must be a whole number")?;
    let domains = fields
        .required("domains")?
        .as_array()
        .ok_or("bank: domains must be a list")?
        .iter()
        .map(|domain| {
            let mut f = Fields::of(domain, "domain")?;
            let parsed = Domain {
                id: f.string("id")?,
                icon: f.string("icon")?,
                kind: match f.optional_string("kind")?.as_deref() {
                    None | Some("skills") => DomainKind::Skills,
                    Some("situation") => DomainKind::Situation,
                    Some(other) => return Err(format!("domain: unknown kind {other}")),
                },
            };
            f.finish()?;
            Ok(parsed)
        })
        .collect::<Result<Vec<_>, String>>()?;
    let groups = fields.strings("groups")?;
    let mut raw_conditions = Vec::new();
    for (name, condition) in fields
        .required("conditions")?
        .as_object()
        .ok_or("bank: conditions must be an object")?
    {
        raw_conditions.push((name.clone(), parse_condition(condition, name, 0)?));
    }
    let items = fields
        .required("items")?
        .as_array()
        .ok_or("bank: items must be a list")?
        .iter()
        .map(parse_item)
        .collect::<Result<Vec<_>, String>>()?;
    fields.finish()?;
    let mut conditions = BTreeMap::new();
    for (name, raw) in raw_conditions {
        let condition = resolve_condition(raw, &name, &items)?;
        conditions.insert(name, condition);
    }
    Ok(Bank {
        version,
        domains,
        groups,
        conditions,
        items,
    })
}

fn parse_item(json: &Json) -> Result<Item, String> {
    let id = json
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or("?")
        .to_string();
    let mut f = Fields::of(json, format!("item {id}"))?;
    let kind = match f.string("kind")?.as_str() {
        "fact" => ItemKind::Fact,
        "choice" => ItemKind::Choice,
        "rating" => ItemKind::Rating,
        "task" => ItemKind::Task,
        other => return Err(format!("item {id}: unknown kind {other}")),
    };
    let services = f
        .strings("services")?
        .iter()
        .map(|s| Service::from_id(s).ok_or_else(|| format!("item {id}: unknown service {s}")))
        .collect::<Result<Vec<_>, String>>()?;
    let dsi = match f.optional("dsi") {
        None => None,
        Some(mapping) => {
            let mut m = Fields::of(mapping, format!("item {id}: dsi"))?;
            let area = m.string("area")?;
            let parsed = DsiMapping {
                area: DsiArea::from_id(&area)
                    .ok_or_else(|| format!("item {id}: unknown DSI area {area}"))?,
                activity: m.string("activity")?,
            };
            m.finish()?;
            Some(parsed)
        }
    };
    let correct = match f.optional("correct") {
        None => None,
        Some(value) => Some(
            value
                .as_u64()
                .and_then(|c| usize::try_from(c).ok())
                .ok_or_else(|| format!("item {id}: correct must be an option index"))?,
        ),
    };
    let path = match f.optional_string("path")?.as_deref() {
        None | Some("both") => Path::Both,
        Some("core") => Path::Core,
        Some("detail") => Path::Detail,
        Some("extra") => Path::Extra,
        Some(other) => return Err(format!("item {id}: unknown path {other}")),
    };
    let item = Item {
        id: f.string("id")?,
        domain: f.string("domain")?,
        kind,
        digcomp: f.optional_string("digcomp")?,
        services,
        dsi,
        ask_if: f.optional_string("ask_if")?,
        relevant_if: f.optional_string("relevant_if")?,
        after: f.optional_string("after")?,
        path,
        group: f.optional_string("group")?,
        dont_know: f.bool_or("dont_know", false)?,
        done_for_me: f.bool_or("done_for_me", false)?,
        no_need: f.bool_or("no_need", false)?,
        goal: f.bool_or("goal", kind == ItemKind::Rating)?,
        options: f.strings("options")?,
        correct,
    };
    f.finish()?;
    Ok(item)
}

fn parse_condition(json: &Json, name: &str, depth: usize) -> Result<RawCondition, String> {
    if depth > 16 {
        return Err(format!("condition {name}: nested too deep"));
    }
    let mut f = Fields::of(json, format!("condition {name}"))?;
    let list = |value: &Json| -> Result<Vec<RawCondition>, String> {
        value
            .as_array()
            .ok_or_else(|| format!("condition {name}: expected a list"))?
            .iter()
            .map(|c| parse_condition(c, name, depth + 1))
            .collect()
    };
    let condition = if let Some(all) = f.optional("all") {
        RawCondition::All(list(all)?)
    } else if let Some(any) = f.optional("any") {
        RawCondition::Any(list(any)?)
    } else if let Some(not) = f.optional("not") {
        RawCondition::Not(Box::new(parse_condition(not, name, depth + 1)?))
    } else if let Some(target) = f.optional("ref") {
        RawCondition::Ref(
            target
                .as_str()
                .ok_or_else(|| format!("condition {name}: ref must be a name"))?
                .to_string(),
        )
    } else {
        RawCondition::Answer {
            item: f.string("item")?,
            codes: f.strings("in")?,
        }
    };
    f.finish()?;
    Ok(condition)
}

/// Reads the answers of a condition: answer codes, or for a choice its option ids.
fn resolve_condition(raw: RawCondition, name: &str, items: &[Item]) -> Result<Condition, String> {
    let list = |conditions: Vec<RawCondition>| -> Result<Vec<Condition>, String> {
        conditions
            .into_iter()
            .map(|c| resolve_condition(c, name, items))
            .collect()
    };
    Ok(match raw {
        RawCondition::All(all) => Condition::All { all: list(all)? },
        RawCondition::Any(any) => Condition::Any { any: list(any)? },
        RawCondition::Not(not) => Condition::Not {
            not: Box::new(resolve_condition(*not, name, items)?),
        },
        RawCondition::Ref(target) => Condition::Ref { name: target },
        RawCondition::Answer { item, codes } => {
            let options = items
                .iter()
                .find(|i| i.id == item)
                .map(|i| i.options.as_slice())
                .unwrap_or_default();
            let one_of = codes
                .iter()
                .map(|code| {
                    options
                        .iter()
                        .position(|o| o == code)
                        .and_then(|i| u8::try_from(i).ok())
                        .map(Answer::Choice)
                        .or_else(|| Answer::from_code(code))
                        .ok_or_else(|| format!("condition {name}: unknown answer {code}"))
                })
                .collect::<Result<Vec<_>, String>>()?;
            Condition::Answer { item, one_of }
        }
    })
}

/// Ids go into share codes and stored answers, so they stay plain and stable.
fn is_stable_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
}

/// DigComp 2.2 has 5 areas with 3, 6, 4, 4 and 4 competences (21 in all).
pub fn is_digcomp_competence(code: &str) -> bool {
    const COMPETENCES_PER_AREA: [u8; 5] = [3, 6, 4, 4, 4];
    let Some((area, competence)) = code.split_once('.') else {
        return false;
    };
    let (Ok(area), Ok(competence)) = (area.parse::<usize>(), competence.parse::<u8>()) else {
        return false;
    };
    (1..=5).contains(&area) && competence >= 1 && competence <= COMPETENCES_PER_AREA[area - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digcomp_codes_follow_the_framework() {
        for ok in ["1.1", "1.3", "2.6", "3.4", "4.4", "5.4"] {
            assert!(is_digcomp_competence(ok), "{ok}");
        }
        for bad in ["0.1", "1.4", "2.7", "6.1", "1", "a.b", "1.0", ""] {
            assert!(!is_digcomp_competence(bad), "{bad}");
        }
    }

    #[test]
    fn stable_ids_reject_spaces_and_capitals() {
        assert!(is_stable_id("com.email_send"));
        assert!(!is_stable_id("Com.email"));
        assert!(!is_stable_id("com email"));
        assert!(!is_stable_id(""));
    }
}
