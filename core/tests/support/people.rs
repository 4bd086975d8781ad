//! The reference people of `../fixtures/reference_people.json`, played through the real flow.
//! Shared by the core's tests (`reference_people.rs`) and the end-to-end tests, which include
//! this file with `#[path]`.

use autonomie_core::bank::{Bank, ItemKind};
use autonomie_core::evaluation::{evaluate, Evaluation};
use autonomie_core::flow;
use autonomie_core::json::Json;
use autonomie_core::session::{play, Session};
use autonomie_core::Answer;

const PEOPLE: &str = include_str!("../fixtures/reference_people.json");

pub struct Person {
    pub id: String,
    answers: Vec<(String, String)>,
    default_rating: Option<String>,
    pub expect: Json,
}

pub fn people() -> Vec<Person> {
    let json = Json::parse(PEOPLE).expect("the fixture parses");
    json.get("people")
        .and_then(Json::as_array)
        .expect("people")
        .iter()
        .map(|p| Person {
            id: p.get("id").and_then(Json::as_str).expect("id").to_string(),
            answers: p
                .get("answers")
                .and_then(Json::as_object)
                .expect("answers")
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().expect("an answer").to_string()))
                .collect(),
            default_rating: p
                .get("default_rating")
                .and_then(Json::as_str)
                .map(str::to_string),
            expect: p.get("expect").cloned().unwrap_or(Json::Null),
        })
        .collect()
}

impl Person {
    /// The answer this person gives to an item: listed, or their default for ratings.
    pub fn answer_to(&self, item: &autonomie_core::Item) -> Answer {
        let given = self
            .answers
            .iter()
            .find(|(id, _)| *id == item.id)
            .map(|(_, a)| a.clone())
            .or_else(|| {
                (item.kind == ItemKind::Rating)
                    .then(|| self.default_rating.clone())
                    .flatten()
            })
            .unwrap_or_else(|| panic!("{} has no answer for {}", self.id, item.id));
        item.options
            .iter()
            .position(|o| *o == given)
            .map(|i| Answer::Choice(i as u8))
            .or_else(|| Answer::from_code(&given))
            .filter(|a| a.fits(item))
            .unwrap_or_else(|| panic!("{}: {given} is not an answer to {}", self.id, item.id))
    }

    pub fn play(&self, bank: &Bank) -> Session {
        let session = play(bank, |item, _| self.answer_to(item));
        assert!(
            flow::next_item(bank, &session).is_none(),
            "{} did not finish",
            self.id
        );
        session
    }

    pub fn evaluate(&self, bank: &Bank) -> (Session, Evaluation) {
        let session = self.play(bank);
        let evaluation = evaluate(bank, &session, &[]);
        (session, evaluation)
    }
}
