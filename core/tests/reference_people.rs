//! The reference people (`fixtures/reference_people.json`) through the real flow: what they
//! are asked, what is recorded, and what the result, the orientation and the first steps say
//! about them. Each expectation is what a conseiller numérique would say about that person.

use autonomie_core::bank::Bank;
use autonomie_core::flow;
use autonomie_core::json::Json;
use autonomie_core::Answer;

#[path = "support/people.rs"]
mod support;
use support::{people, Person};

/// A readable summary of one person's run, for the failure messages and for reviewing.
fn report(bank: &Bank, person: &Person) -> String {
    let (session, evaluation) = person.evaluate(bank);
    let mut out = format!(
        "{}: {} questions\n",
        person.id,
        flow::screens_answered(bank, &session)
    );
    for domain in &evaluation.assessment.domains {
        out.push_str(&format!(
            "  {}: {:?} ({} answered) failed {:?} check {:?}\n",
            domain.domain, domain.level, domain.answered, domain.failed_exercises, domain.to_check
        ));
    }
    out.push_str(&format!(
        "  services {:?}\n  help {:?}\n  needs {:?}\n  steps {:?}\n  national {:?}\n",
        evaluation
            .orientation
            .services
            .iter()
            .map(|s| (s.service.id(), s.reason.clone()))
            .collect::<Vec<_>>(),
        evaluation.orientation.help,
        evaluation.orientation.needs,
        evaluation.first_steps,
        evaluation.national.as_ref().map(|n| n.category),
    ));
    out
}

/// What the run says about a person, in the fixture's `expect` shape.
fn observed(bank: &Bank, person: &Person) -> Json {
    use autonomie_core::json::{object, string, strings};
    let (session, evaluation) = person.evaluate(bank);
    let level = |d: &autonomie_core::scoring::DomainResult| match d.level {
        None => "not_enough".to_string(),
        Some(level) => level.i18n_key().trim_start_matches("level.").to_string(),
    };
    let levels = Json::Object(
        evaluation
            .assessment
            .domains
            .iter()
            .filter(|d| d.answered > 0 || d.level.is_some() || !d.failed_exercises.is_empty())
            .map(|d| (d.domain.clone(), string(&level(d))))
            .collect(),
    );
    let to_check: Vec<String> = evaluation
        .assessment
        .domains
        .iter()
        .flat_map(|d| d.to_check.clone())
        .collect();
    let services: Vec<String> = evaluation
        .orientation
        .services
        .iter()
        .map(|s| s.service.id().to_string())
        .collect();
    let help: Vec<String> = evaluation
        .orientation
        .help
        .iter()
        .map(|h| h.i18n_key().trim_start_matches("help.").to_string())
        .collect();
    object([
        (
            "questions",
            Some(Json::Number(flow::screens_answered(bank, &session) as i64)),
        ),
        ("levels", Some(levels)),
        ("to_check", Some(strings(&to_check))),
        ("services", Some(strings(&services))),
        ("help", Some(strings(&help))),
        ("first_steps", Some(strings(&evaluation.summary_steps()))),
        (
            "national",
            evaluation
                .national
                .as_ref()
                .map(|n| string(n.category.id())),
        ),
    ])
}

/// Prints what each person gets, to review and to copy into the fixture after review:
/// `cargo test -p autonomie-core --test reference_people -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_reports() {
    let bank = Bank::builtin();
    for person in people() {
        println!("{}", report(&bank, &person));
        println!("{}: {}", person.id, observed(&bank, &person).write());
    }
}

fn strings_of(json: Option<&Json>) -> Vec<String> {
    autonomie_core::json::read_strings(json).unwrap_or_default()
}

/// Issue 12: every reference person goes through the real flow; each is asked at most what
/// their expectation says, never the items listed as not asked, and their facts are recorded
/// as they gave them. Across them: a person with no device and no internet answers at most
/// 12 questions, nobody more than 30, and the median is at most 25.
#[test]
fn each_person_is_asked_what_applies_to_them() {
    let bank = Bank::builtin();
    let mut lengths = Vec::new();
    for person in people() {
        let expect = &person.expect;
        let (session, evaluation) = person.evaluate(&bank);
        let questions = flow::screens_answered(&bank, &session);
        lengths.push(questions);
        let max = expect
            .get("max_questions")
            .and_then(Json::as_u64)
            .expect("max_questions") as usize;
        assert!(
            questions <= max,
            "{}: {questions} questions, at most {max}",
            person.id
        );
        assert!(questions <= flow::MAX_QUESTIONS, "{}", person.id);
        if evaluation.situation.lacks_device() && !evaluation.situation.uses_internet() {
            assert!(
                questions <= 12,
                "{}: no device, no internet, {questions} questions",
                person.id
            );
        }
        for id in strings_of(expect.get("not_asked")) {
            let outcome = evaluation.assessment.item(&id).map(|r| r.outcome);
            assert!(
                matches!(
                    outcome,
                    Some(autonomie_core::Outcome::NotAsked | autonomie_core::Outcome::NotConcerned)
                ),
                "{}: {id} was asked ({outcome:?})",
                person.id
            );
        }
        for (id, wanted) in expect
            .get("facts")
            .and_then(Json::as_object)
            .unwrap_or_default()
        {
            let item = bank.item(id).expect("a situation item");
            let given = session
                .answers
                .iter()
                .find(|a| a.item == *id)
                .unwrap_or_else(|| panic!("{}: {id} not recorded", person.id));
            let shown = match given.answer {
                Answer::Choice(i) => item.options[usize::from(i)].clone(),
                other => other.code(),
            };
            assert_eq!(Some(shown.as_str()), wanted.as_str(), "{}: {id}", person.id);
            // Facts are never averaged into a level.
            assert_eq!(
                evaluation.assessment.item(id).map(|r| r.outcome),
                Some(autonomie_core::Outcome::Fact)
                    .filter(|_| given.answer != Answer::NotUnderstood)
                    .or(Some(autonomie_core::Outcome::NotUnderstood)),
                "{}: {id}",
                person.id
            );
        }
        let reading_help = expect.get("reading_help").and_then(Json::as_bool) == Some(true);
        assert_eq!(
            evaluation.orientation.reading_help, reading_help,
            "{}",
            person.id
        );
        assert_eq!(
            session.offer_due(&bank) == Some(autonomie_core::session::Offer::Reading),
            reading_help,
            "{}: read-aloud and languages offered",
            person.id
        );
    }
    lengths.sort_unstable();
    let median = (lengths[(lengths.len() - 1) / 2] + lengths[lengths.len() / 2]) as f64 / 2.0;
    assert!(lengths.len() >= 8);
    assert!(median <= 25.0, "median {median}: {lengths:?}");
    assert!(
        lengths.iter().all(|n| *n <= flow::MAX_QUESTIONS),
        "{lengths:?}"
    );
}

/// Issue 13: for each reference person, the levels, the "à vérifier" marks, the services
/// (top 3, in order), the kinds of help, the first steps and the national reading are those
/// written in the fixture, which a conseiller numérique reviewed.
#[test]
fn each_person_gets_the_result_a_mediator_would_give() {
    let bank = Bank::builtin();
    for person in people() {
        let observed = observed(&bank, &person);
        for field in [
            "levels",
            "to_check",
            "services",
            "help",
            "first_steps",
            "national",
        ] {
            assert_eq!(
                observed.get(field).map(Json::write),
                person.expect.get(field).map(Json::write),
                "{}: {field}\n{}",
                person.id,
                report(&bank, &person)
            );
        }
        let services = strings_of(observed.get("services"));
        assert!(services.len() <= 3, "{}: {services:?}", person.id);
    }
}
