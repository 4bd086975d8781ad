//! The rules of the result (issue 13), one test each, on the shipped bank: levels, the
//! exercises' cap and "à vérifier" marks, the orientation and its kinds of help, the first
//! steps, and the national reading.

use autonomie_core::bank::{Bank, DsiArea, ItemKind};
use autonomie_core::evaluation::{evaluate, Evaluation};
use autonomie_core::first_steps::MAX_CHOICES;
use autonomie_core::national::{self, Category};
use autonomie_core::orientation::HelpKind;
use autonomie_core::scoring::{Level, Outcome};
use autonomie_core::session::{play, Session};
use autonomie_core::situation::Need;
use autonomie_core::{Answer, Item, Service};

fn option(item: &Item, id: &str) -> Answer {
    let index = item.options.iter().position(|o| o == id).expect("option");
    Answer::Choice(index as u8)
}

/// A person with every device, internet, e-mail and accounts; `rating(item)` answers the
/// skills, exercises are done right.
fn person(rating: impl Fn(&Item) -> Answer) -> impl Fn(&Item, &Session) -> Answer {
    move |item, _| match (item.id.as_str(), item.kind) {
        ("sit.reading", _) => option(item, "easy"),
        ("sit.phone", _) => option(item, "smartphone"),
        ("sit.email", _) => option(item, "yes_password"),
        ("sit.helper", _) => option(item, "nobody"),
        ("sit.urgent" | "sit.children_school" | "job.gate", _) => Answer::No,
        (_, ItemKind::Fact) => Answer::Yes,
        (_, ItemKind::Choice) => Answer::Choice(0),
        (_, ItemKind::Task) => Answer::Choice(item.correct.unwrap_or(0) as u8),
        (_, ItemKind::Rating) => {
            let answer = rating(item);
            if answer.fits(item) {
                answer
            } else {
                Answer::Alone
            }
        }
    }
}

fn run(bank: &Bank, pick: impl Fn(&Item, &Session) -> Answer) -> (Session, Evaluation) {
    let session = play(bank, pick);
    let evaluation = evaluate(bank, &session, &[]);
    (session, evaluation)
}

fn level(evaluation: &Evaluation, domain: &str) -> Option<Level> {
    evaluation.assessment.domain(domain).and_then(|d| d.level)
}

#[test]
fn not_asked_and_not_understood_never_count_as_not_yet() {
    let bank = Bank::builtin();
    // Not understood on the first item of every domain: no level anywhere, nothing "pas encore".
    let (_, evaluation) = run(&bank, person(|_| Answer::NotUnderstood));
    for domain in &evaluation.assessment.domains {
        assert_eq!(domain.level, None, "{}", domain.domain);
    }
    assert!(evaluation
        .assessment
        .with_outcome(Outcome::NotYet)
        .next()
        .is_none());
    assert!(
        evaluation
            .assessment
            .with_outcome(Outcome::NotUnderstood)
            .count()
            >= 5
    );
    assert!(
        evaluation
            .assessment
            .with_outcome(Outcome::NotAsked)
            .count()
            > 10
    );
    // Nothing to recommend from questions not understood.
    assert!(
        evaluation.orientation.services.is_empty(),
        "{:?}",
        evaluation.orientation
    );
}

#[test]
fn a_domain_with_too_few_answers_has_no_level_but_a_stop_on_not_yet_does() {
    let bank = Bank::builtin();
    // No e-mail address: in communication, messages alone, photos not needed.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.email" => option(item, "no"),
        _ => person(|item: &Item| match item.domain.as_str() {
            // Only the first item answered, "pas encore": that says enough.
            "securite" => Answer::NotYet,
            // The first item answered, the rest not needed: too few answers.
            "communication" if item.id == "com.messaging" => Answer::Alone,
            "communication" => Answer::NoNeed,
            _ => Answer::Alone,
        })(item, s),
    });
    let evaluation = evaluate(&bank, &session, &[]);
    assert_eq!(level(&evaluation, "securite"), Some(Level::ToDiscover));
    let communication = evaluation
        .assessment
        .domain("communication")
        .expect("domain");
    assert_eq!(communication.level, None, "{communication:?}");
}

#[test]
fn a_failed_exercise_caps_the_domain_and_says_why_when_the_person_claimed_it() {
    let bank = Bank::builtin();
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sec.task_fake_sms" => option(item, "pay_fee"),
        _ => person(|_| Answer::Alone)(item, s),
    });
    let evaluation = evaluate(&bank, &session, &[]);
    let security = evaluation.assessment.domain("securite").expect("domain");
    assert_eq!(
        security.level,
        Some(Level::WithHelp),
        "capped below autonome"
    );
    assert_eq!(security.failed_exercises, ["sec.task_fake_sms"]);
    assert_eq!(security.to_check, ["sec.task_fake_sms"]);
    // The same wrong answer after "avec de l'aide" is not a contradiction: no mark.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sec.scam" => Answer::WithHelp,
        "sec.task_fake_sms" => option(item, "pay_fee"),
        _ => person(|_| Answer::Alone)(item, s),
    });
    let evaluation = evaluate(&bank, &session, &[]);
    let security = evaluation.assessment.domain("securite").expect("domain");
    assert!(security.to_check.is_empty());
    assert_eq!(security.failed_exercises, ["sec.task_fake_sms"]);
}

#[test]
fn a_fully_autonomous_person_needs_nothing_and_reads_above_basic() {
    let bank = Bank::builtin();
    let (_, evaluation) = run(&bank, person(|_| Answer::Alone));
    for domain in &evaluation.assessment.domains {
        if domain.domain != "emploi" {
            assert_eq!(domain.level, Some(Level::Autonomous), "{}", domain.domain);
        }
    }
    assert!(
        evaluation.orientation.nothing_needed(),
        "{:?}",
        evaluation.orientation
    );
    assert!(evaluation.first_steps.is_empty());
    let national = evaluation.national.expect("shown with every domain");
    assert_eq!(national.category, Category::AboveBasic);
    assert!(!national.illectronisme);
}

#[test]
fn every_national_category_can_be_reached() {
    let bank = Bank::builtin();
    // Areas made "at least basic" one by one, by answering their items "sans aide".
    // Items outside the indicator are done alone (so the domains take their core path);
    // the indicator's activities alone only in the areas kept.
    let areas = |keep: &'static [DsiArea], above: bool| {
        move |item: &Item| match &item.dsi {
            None => Answer::Alone,
            Some(m) if keep.contains(&m.area) => {
                if above || m.activity == first_activity(m.area) {
                    Answer::Alone
                } else {
                    Answer::WithHelp
                }
            }
            Some(_) => Answer::WithHelp,
        }
    };
    use DsiArea::*;
    let cases: [(&[DsiArea], bool, Category); 6] = [
        (
            &[
                Information,
                Communication,
                ContentCreation,
                Safety,
                ProblemSolving,
            ],
            true,
            Category::AboveBasic,
        ),
        (
            &[
                Information,
                Communication,
                ContentCreation,
                Safety,
                ProblemSolving,
            ],
            false,
            Category::Basic,
        ),
        (
            &[Information, Communication, ContentCreation, ProblemSolving],
            false,
            Category::Low,
        ),
        (
            &[Information, Communication, ProblemSolving],
            false,
            Category::Narrow,
        ),
        (&[Information, Communication], false, Category::Limited),
        (&[], false, Category::NoOverallSkills),
    ];
    for (keep, above, expected) in cases {
        let session = play(&bank, |item, s| match (item.id.as_str(), item.kind) {
            // Exercises count only for safety (the site address).
            ("info.task_safe_url", _) if !keep.contains(&Safety) => Answer::DontKnow,
            (_, ItemKind::Rating) => {
                let answer = areas(keep, above)(item);
                if answer.fits(item) {
                    answer
                } else {
                    Answer::WithHelp
                }
            }
            _ => person(|_| Answer::WithHelp)(item, s),
        });
        let evaluation = evaluate(&bank, &session, &[]);
        let national = evaluation.national.expect("shown");
        assert_eq!(
            national.category, expected,
            "{keep:?} {above}: {:?}",
            national.activities
        );
    }
    // No internet in 3 months: not assessed, and illectronisme for Insee.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.internet_use" => Answer::No,
        _ => person(|_| Answer::NotYet)(item, s),
    });
    let national = evaluate(&bank, &session, &[]).national.expect("shown");
    assert_eq!(national.category, Category::NotAssessed);
    assert!(national.illectronisme);
}

/// The activity a person doing only the basics of an area does.
fn first_activity(area: DsiArea) -> &'static str {
    match area {
        DsiArea::Information => "find_information",
        DsiArea::Communication => "instant_messaging",
        DsiArea::ContentCreation => "move_files",
        DsiArea::Safety => "manage_personal_data",
        DsiArea::ProblemSolving => "install_software",
    }
}

#[test]
fn the_national_reading_is_shown_only_when_every_category_can_be_reached() {
    let bank = Bank::builtin();
    assert!(national::can_reach_every_category(&bank));
    // Each area can reach "above basic" without the job-seeker items.
    let without_jobs = bank.restricted_to(&[
        "appareil".into(),
        "information".into(),
        "communication".into(),
        "demarches".into(),
        "securite".into(),
    ]);
    assert!(national::can_reach_every_category(&without_jobs));
    // A partner keeping only procedures and security: no reading at all, not a wrong one.
    let partial = bank.restricted_to(&["demarches".into(), "securite".into()]);
    assert!(!national::can_reach_every_category(&partial));
    let (_, evaluation) = run(&partial, person(|_| Answer::Alone));
    assert_eq!(evaluation.national, None);
}

#[test]
fn each_of_the_9_services_can_be_recommended() {
    let bank = Bank::builtin();
    let mut recommended = std::collections::BTreeSet::new();
    // For each service, a parent looking for work who needs help everywhere and wants to
    // learn first what that service is about.
    for service in Service::ALL {
        let session = play(&bank, |item, s| match item.id.as_str() {
            "sit.children_school" | "job.gate" => Answer::Yes,
            _ => person(|_| Answer::WithHelp)(item, s),
        });
        let priority: Vec<String> = session
            .answers
            .iter()
            .filter(|a| {
                bank.item(&a.item)
                    .is_some_and(|i| i.goal && i.services.first() == Some(&service))
            })
            .map(|a| a.item.clone())
            .take(1)
            .collect();
        let evaluation = evaluate(&bank, &session, &priority);
        recommended.extend(evaluation.orientation.services.iter().map(|s| s.service));
        // And someone who does everything alone but the items of that service.
        let session = play(&bank, |item, s| match item.id.as_str() {
            "sit.children_school" | "job.gate" => Answer::Yes,
            _ => person(|item: &Item| {
                if item.services.first() == Some(&service) {
                    Answer::NotYet
                } else {
                    Answer::Alone
                }
            })(item, s),
        });
        let evaluation = evaluate(&bank, &session, &[]);
        recommended.extend(evaluation.orientation.services.iter().map(|s| s.service));
    }
    // Equipment: no device, no connection.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.phone" => option(item, "none"),
        "sit.computer" | "sit.tablet" | "sit.home_internet" => Answer::No,
        _ => person(|_| Answer::Alone)(item, s),
    });
    let evaluation = evaluate(&bank, &session, &[]);
    assert_eq!(
        evaluation
            .orientation
            .services
            .iter()
            .map(|s| s.service)
            .take(2)
            .collect::<Vec<_>>(),
        [Service::AcquisitionMateriel, Service::AccesInternetMateriel],
        "no device: equipment first"
    );
    recommended.extend(evaluation.orientation.services.iter().map(|s| s.service));
    for service in Service::ALL {
        assert!(
            recommended.contains(&service),
            "{service:?} is never recommended"
        );
    }
}

#[test]
fn the_kind_of_help_comes_from_the_domains_and_the_situation() {
    let bank = Bank::builtin();
    // Procedures done only with help: one-to-one.
    let (_, e) = run(
        &bank,
        person(|item| {
            if item.domain == "demarches" {
                Answer::WithHelp
            } else {
                Answer::Alone
            }
        }),
    );
    assert_eq!(
        e.orientation.help.first(),
        Some(&HelpKind::WithSomeone),
        "{:?}",
        e.orientation.help
    );
    // Someone does the procedures: Aidants Connect first.
    let (_, e) = run(
        &bank,
        person(|item| {
            if item.domain == "demarches" {
                Answer::DoneForMe
            } else {
                Answer::Alone
            }
        }),
    );
    assert_eq!(e.orientation.help.first(), Some(&HelpKind::DoneForMe));
    // Several domains with help: a workshop; "par vous-même" only when nearly autonomous.
    let (_, e) = run(
        &bank,
        person(|item| {
            if matches!(item.domain.as_str(), "information" | "securite") {
                Answer::WithHelp
            } else {
                Answer::Alone
            }
        }),
    );
    assert!(
        e.orientation.help.contains(&HelpKind::Workshop),
        "{:?}",
        e.orientation.help
    );
    let (_, e) = run(
        &bank,
        person(|item| {
            if item.id == "info.reliable" {
                Answer::WithHelp
            } else {
                Answer::Alone
            }
        }),
    );
    assert_eq!(e.orientation.help, [HelpKind::Alone]);
    // A beginner is never sent to learn alone.
    let (_, e) = run(&bank, person(|_| Answer::NotYet));
    assert!(!e.orientation.help.contains(&HelpKind::Alone));
    assert!(e.orientation.help.contains(&HelpKind::WithSomeone));
    // Possessions alone never decide the kind of help: a person with no device who does
    // procedures with help gets the same kind as with a device.
    let with_device = run(&bank, person(|_| Answer::WithHelp)).1.orientation.help;
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.phone" => option(item, "basic"),
        "sit.computer" | "sit.tablet" => Answer::No,
        _ => person(|_| Answer::WithHelp)(item, s),
    });
    let without = evaluate(&bank, &session, &[]).orientation.help;
    assert_eq!(with_device, without);
}

#[test]
fn services_are_at_most_3_with_a_reason_and_priorities_weigh_most() {
    let bank = Bank::builtin();
    let session = play(&bank, person(|_| Answer::WithHelp));
    let plain = evaluate(&bank, &session, &[]);
    assert_eq!(plain.orientation.services.len(), 3);
    // The person chooses to learn to check information: its service comes first, with that
    // reason, however many other needs there are.
    let chosen = evaluate(&bank, &session, &["info.reliable".to_string()]);
    assert!(!plain
        .orientation
        .services
        .iter()
        .any(|s| s.service == Service::ComprendreNumerique));
    let top = &chosen.orientation.services[0];
    assert_eq!(
        top.service,
        Service::ComprendreNumerique,
        "{:?}",
        chosen.orientation.services
    );
    assert_eq!(
        top.reason.keys(),
        (
            "orientation.reason.priority",
            "q.info.reliable.goal".to_string()
        )
    );
}

#[test]
fn first_steps_start_with_what_is_missing_and_offer_at_most_8_choices() {
    let bank = Bank::builtin();
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.email" => option(item, "no"),
        "sit.home_internet" | "sit.mobile_data" => Answer::No,
        _ => person(|_| Answer::WithHelp)(item, s),
    });
    let evaluation = evaluate(&bank, &session, &[]);
    assert_eq!(
        &evaluation.first_steps[..2],
        [Need::Connection.id(), Need::Email.id()]
    );
    assert!(evaluation.first_steps.len() > MAX_CHOICES);
    assert_eq!(evaluation.priority_choices().len(), MAX_CHOICES);
    assert_eq!(evaluation.summary_steps().len(), 3);
    // With priorities, the summary's steps are the priorities.
    let chosen = evaluate(&bank, &session, &["adm.form".into()]);
    assert_eq!(chosen.summary_steps(), ["adm.form"]);
}

/// "Vos points forts" and the summary's columns come from the core: strengths are the domains
/// at ease (autonomous or with help), and each column lists self-ratings with its outcomes only.
#[test]
fn strengths_and_the_summary_columns_are_computed_once() {
    let bank = Bank::builtin();
    let (_, evaluation) = run(
        &bank,
        person(|item| {
            if item.domain == "demarches" {
                Answer::NotYet
            } else if item.domain == "securite" {
                Answer::WithHelp
            } else {
                Answer::Alone
            }
        }),
    );
    let strengths: Vec<&str> = evaluation
        .assessment
        .strengths()
        .map(|d| d.domain.as_str())
        .collect();
    assert!(strengths.contains(&"securite"), "{strengths:?}");
    assert!(strengths.contains(&"appareil"), "{strengths:?}");
    assert!(!strengths.contains(&"demarches"), "{strengths:?}");
    let not_yet: Vec<&str> = evaluation
        .assessment
        .skills_with(&bank, &[Outcome::NotYet])
        .map(|r| r.item_id.as_str())
        .collect();
    assert!(!not_yet.is_empty());
    assert!(
        not_yet.iter().all(|id| id.starts_with("adm.")),
        "{not_yet:?}"
    );
    let with_help = evaluation
        .assessment
        .skills_with(&bank, &[Outcome::WithHelp]);
    for result in with_help {
        let item = bank.item(&result.item_id).expect("an item");
        assert_eq!(item.kind, ItemKind::Rating);
        assert_eq!(item.domain, "securite");
    }
}
