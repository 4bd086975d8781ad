//! Finished results kept on the device, with their dates.

use crate::envelope::Stored;
use crate::json::{object, string, strings, Json};
use crate::session::{
    answers_from_json, answers_to_json, place_from_json, string_or_empty, strings_or_empty,
    ChosenPlace, GivenAnswer, Session,
};

/// Most results kept; the oldest goes first. A few are enough to show progress.
pub const MAX_HISTORY: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastResult {
    /// The [`Session::id`](crate::session::Session) it came from.
    pub session_id: String,
    /// ISO date (YYYY-MM-DD) the assessment was finished.
    pub finished_on: String,
    /// Answers are kept rather than levels, so the result is recomputed with the current
    /// scoring rules and can be compared domain by domain.
    pub answers: Vec<GivenAnswer>,
    pub priorities: Vec<String>,
    pub chosen_place: Option<ChosenPlace>,
    /// Answers kept by an older version to questions the current bank no longer asks (see
    /// `share_code::v1`): kept, never used for the result.
    pub retired: Vec<GivenAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    pub results: Vec<PastResult>,
}

impl PastResult {
    pub fn of(session: &Session, finished_on: &str) -> PastResult {
        PastResult {
            session_id: session.id.clone(),
            finished_on: finished_on.to_string(),
            answers: session.answers.clone(),
            priorities: session.priorities.clone(),
            chosen_place: session.chosen_place.clone(),
            retired: Vec::new(),
        }
    }
}

impl History {
    pub fn push(&mut self, result: PastResult) {
        self.results.push(result);
        if self.results.len() > MAX_HISTORY {
            let excess = self.results.len() - MAX_HISTORY;
            self.results.drain(..excess);
        }
    }

    /// Replaces the entry of the same session, or adds it.
    pub fn upsert(&mut self, result: PastResult) {
        match self
            .results
            .iter_mut()
            .find(|r| !r.session_id.is_empty() && r.session_id == result.session_id)
        {
            Some(existing) => *existing = result,
            None => self.push(result),
        }
    }

    /// Removes the entry of a session, e.g. when the person goes back to change an answer.
    pub fn remove_session(&mut self, session_id: &str) {
        self.results.retain(|r| r.session_id != session_id);
    }

    /// The most recent result other than `session_id`'s, to show progress since last time.
    pub fn previous_to(&self, session_id: &str) -> Option<&PastResult> {
        self.results
            .iter()
            .rev()
            .find(|r| r.session_id != session_id)
    }

    pub fn remove(&mut self, index: usize) -> Option<PastResult> {
        (index < self.results.len()).then(|| self.results.remove(index))
    }

    pub fn latest(&self) -> Option<&PastResult> {
        self.results.last()
    }
}

impl Stored for History {
    /// Version 2: answers to bank v2. Version 1 results are migrated (see `from_older`).
    const VERSION: u32 = 2;

    fn to_json(&self) -> Json {
        Json::Array(
            self.results
                .iter()
                .map(|r| {
                    object([
                        ("session_id", Some(string(&r.session_id))),
                        ("finished_on", Some(string(&r.finished_on))),
                        ("answers", Some(answers_to_json(&r.answers))),
                        ("priorities", Some(strings(&r.priorities))),
                        ("chosen_place", r.chosen_place.as_ref().map(Stored::to_json)),
                        (
                            "retired",
                            (!r.retired.is_empty()).then(|| answers_to_json(&r.retired)),
                        ),
                    ])
                })
                .collect(),
        )
    }

    fn from_json(json: &Json) -> Option<Self> {
        let results = json
            .as_array()?
            .iter()
            .map(|r| {
                r.as_object()?;
                Some(PastResult {
                    session_id: string_or_empty(r, "session_id")?,
                    finished_on: string_or_empty(r, "finished_on")?,
                    answers: answers_from_json(r.get("answers"))?,
                    priorities: strings_or_empty(r, "priorities")?,
                    chosen_place: place_from_json(r)?,
                    retired: answers_from_json(r.get("retired"))?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(History { results })
    }

    /// Results kept by version 1 (bank v1 answers): each answer moves to bank v2 where the
    /// question is still asked, the others are kept as retired. Nothing is lost; the
    /// progress shown since then compares what can be compared.
    fn from_older(version: u32, json: &Json) -> Option<Self> {
        if version != 1 {
            return None;
        }
        let bank = crate::bank::Bank::builtin();
        let mut history = History::from_json(json)?;
        for result in &mut history.results {
            let migrated = crate::share_code::v1::to_bank_v2(&result.answers, &bank);
            result.answers = migrated.answers;
            result.retired = migrated.retired;
            let answers = &result.answers;
            result
                .priorities
                .retain(|id| answers.iter().any(|a| &a.item == id));
        }
        Some(history)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(id: &str, day: &str) -> PastResult {
        PastResult::of(&Session::new(day).with_id(id), day)
    }

    #[test]
    fn upsert_replaces_the_same_session_and_keeps_dates() {
        let mut history = History::default();
        history.upsert(result("a", "2026-01-01"));
        history.upsert(result("b", "2026-02-01"));
        let mut again = result("a", "2026-01-01");
        again.priorities = vec!["com.email_send".into()];
        history.upsert(again);
        assert_eq!(history.results.len(), 2);
        assert_eq!(history.results[0].priorities, ["com.email_send"]);
        assert_eq!(
            history.previous_to("b").map(|r| r.finished_on.as_str()),
            Some("2026-01-01")
        );
        history.remove_session("a");
        assert_eq!(history.results.len(), 1);
    }

    #[test]
    fn version_1_results_are_migrated_and_nothing_is_lost() {
        let v1 = r#"{"v":1,"data":[{"session_id":"a","finished_on":"2026-10-02","answers":[["eq.smartphone","yes"],["eq.computer","no"],["com.email_send","help"],["sec.task_sms","choice-1"]],"priorities":["com.email_send","eq.computer"]}]}"#;
        let history = crate::envelope::unwrap::<History>(v1).expect("migrated");
        let result = &history.results[0];
        assert_eq!(result.finished_on, "2026-10-02");
        let items: Vec<&str> = result.answers.iter().map(|a| a.item.as_str()).collect();
        assert_eq!(items, ["sit.phone", "com.email_send"]);
        let retired: Vec<&str> = result.retired.iter().map(|a| a.item.as_str()).collect();
        assert_eq!(retired, ["eq.computer", "sec.task_sms"]);
        assert_eq!(result.priorities, ["com.email_send"]);
        // Saved again in the current format, retired answers included.
        let raw = crate::envelope::wrap(&history);
        assert!(raw.starts_with(r#"{"v":2,"#), "{raw}");
        assert_eq!(crate::envelope::unwrap::<History>(&raw), Ok(history));
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let mut history = History::default();
        let mut session = Session::new("2026-03-01").with_id("s1");
        session.answers.push(GivenAnswer {
            item: "eq.smartphone".into(),
            answer: crate::Answer::Choice(3),
        });
        session.priorities = vec!["com.email_send".into()];
        session.chosen_place = Some(ChosenPlace {
            name: "Médiathèque".into(),
            ..ChosenPlace::default()
        });
        history.upsert(PastResult::of(&session, "2026-03-02"));
        let raw = crate::envelope::wrap(&history);
        assert_eq!(crate::envelope::unwrap::<History>(&raw), Ok(history));
        assert!(crate::envelope::unwrap::<History>(
            r#"{"v":1,"data":[{"answers":[["a","maybe"]]}]}"#
        )
        .is_err());
    }

    #[test]
    fn keeps_only_the_most_recent_results() {
        let mut history = History::default();
        for i in 0..(MAX_HISTORY + 3) {
            history.upsert(result(&i.to_string(), "2026-01-01"));
        }
        assert_eq!(history.results.len(), MAX_HISTORY);
        assert_eq!(history.results[0].session_id, "3");
    }
}
