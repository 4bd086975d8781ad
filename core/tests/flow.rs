//! The adaptive flow over the shipped bank: each skip rule, the length limits, the progress
//! shown, and properties that hold on every path.

use autonomie_core::bank::{Bank, ItemKind, Path};
use autonomie_core::flow::{self, MAX_QUESTIONS};
use autonomie_core::session::{play, Session};
use autonomie_core::{Answer, Item};
use proptest::prelude::*;

fn answered_ids(session: &Session) -> Vec<&str> {
    session.answers.iter().map(|a| a.item.as_str()).collect()
}

fn option(item: &Item, id: &str) -> Answer {
    let index = item
        .options
        .iter()
        .position(|o| o == id)
        .unwrap_or_else(|| panic!("{} has no option {id}", item.id));
    Answer::Choice(index as u8)
}

/// A person with a smartphone, a computer, a tablet, internet, an e-mail address, every
/// account, children at school and looking for work: everything applies to them. Skills are
/// answered with `rating`, exercises right.
fn everything_applies(rating: Answer) -> impl Fn(&Item, &Session) -> Answer {
    move |item, _| match (item.id.as_str(), item.kind) {
        ("sit.reading", _) => option(item, "easy"),
        ("sit.phone", _) => option(item, "smartphone"),
        ("sit.email", _) => option(item, "yes_password"),
        ("sit.helper", _) => option(item, "nobody"),
        (_, ItemKind::Fact) => Answer::Yes,
        (_, ItemKind::Rating) if rating.fits(item) => rating,
        (_, ItemKind::Rating) => Answer::Alone,
        (_, ItemKind::Task) => Answer::Choice(item.correct.unwrap_or(0) as u8),
        (_, ItemKind::Choice) => Answer::Choice(0),
    }
}

/// No device of one's own (or a simple phone) and no internet in 3 months.
fn nothing_applies(phone: &'static str) -> impl Fn(&Item, &Session) -> Answer {
    move |item, _| match (item.id.as_str(), item.kind) {
        ("sit.reading", _) => option(item, "easy"),
        ("sit.phone", _) => option(item, phone),
        ("sit.email", _) => option(item, "no"),
        ("sit.helper", _) => option(item, "relative"),
        ("sit.sms", _) => Answer::Yes,
        (_, ItemKind::Fact) => Answer::No,
        (_, ItemKind::Rating) => Answer::NotYet,
        (_, _) => Answer::DontKnow,
    }
}

#[test]
fn with_no_device_and_no_internet_at_most_12_questions_and_no_online_item() {
    let bank = Bank::builtin();
    for phone in ["none", "basic"] {
        let session = play(&bank, nothing_applies(phone));
        let asked = answered_ids(&session);
        let screens = flow::screens_answered(&bank, &session);
        assert!(screens <= 12, "{phone}: {screens} questions: {asked:?}");
        for id in &asked {
            assert!(
                id.starts_with("sit.")
                    || *id == "job.gate"
                    || *id == "com.messaging"
                    || *id == "sec.scam",
                "{phone}: {id} asked of someone who does not go online: {asked:?}"
            );
        }
        if phone == "none" {
            assert!(
                !asked.contains(&"sit.sms"),
                "no SMS question without a phone"
            );
            assert!(!asked.contains(&"com.messaging"));
        }
    }
}

#[test]
fn the_longest_paths_stay_within_30_questions() {
    let bank = Bank::builtin();
    for rating in [
        Answer::Alone,
        Answer::WithHelp,
        Answer::NoNeed,
        Answer::NotYet,
    ] {
        let session = play(&bank, everything_applies(rating));
        let screens = flow::screens_answered(&bank, &session);
        assert!(
            screens <= MAX_QUESTIONS,
            "{rating:?}: {screens} questions: {:?}",
            answered_ids(&session)
        );
        assert!(flow::next_item(&bank, &session).is_none());
    }
}

/// The bank keeps its promise without the budget rule: `core` and `both` items alone never
/// go over the limit, whatever the first answers of the domains.
#[test]
fn core_and_both_items_alone_fit_in_30_questions() {
    let bank = Bank::builtin();
    for rating in [Answer::Alone, Answer::WithHelp] {
        let session = play(&bank, everything_applies(rating));
        let required = session
            .answers
            .iter()
            .filter(|a| {
                bank.item(&a.item)
                    .is_some_and(|i| matches!(i.path, Path::Both | Path::Core))
            })
            .count();
        // Groups make several items one question: counting items is an upper bound.
        assert!(required <= MAX_QUESTIONS + 12, "{rating:?}: {required}");
        let screens_without_budgeted = flow::screens_answered(
            &bank,
            &session
                .answers
                .iter()
                .filter(|a| {
                    bank.item(&a.item)
                        .is_some_and(|i| matches!(i.path, Path::Both | Path::Core))
                })
                .cloned()
                .collect::<Vec<_>>(),
        );
        assert!(
            screens_without_budgeted <= MAX_QUESTIONS,
            "{rating:?}: {screens_without_budgeted}"
        );
    }
}

#[test]
fn the_stop_rule_closes_a_domain_after_its_first_item() {
    let bank = Bank::builtin();
    for stop in [Answer::NotYet, Answer::NotUnderstood] {
        let session = play(&bank, everything_applies(stop));
        for domain in bank.skill_domains() {
            let asked: Vec<&str> = session
                .answers
                .iter()
                .filter(|a| bank.item(&a.item).is_some_and(|i| i.domain == domain.id))
                .map(|a| a.item.as_str())
                .collect();
            assert_eq!(asked.len(), 1, "{stop:?} in {}: {asked:?}", domain.id);
            let first = flow::first_item(&bank, &domain.id, &session).expect("a first item");
            assert_eq!(asked, [first.id.as_str()]);
        }
    }
}

#[test]
fn the_first_answer_opens_the_core_or_the_detail_path() {
    let bank = Bank::builtin();
    let alone = play(&bank, everything_applies(Answer::Alone));
    let help = play(&bank, everything_applies(Answer::WithHelp));
    for item in &bank.items {
        let answered = |s: &Session| s.answers.iter().any(|a| a.item == item.id);
        match item.path {
            Path::Core => assert!(!answered(&help), "{} is for the core path", item.id),
            Path::Detail | Path::Extra => {
                assert!(!answered(&alone), "{} is for the detail path", item.id)
            }
            Path::Both => {}
        }
    }
    // The national indicator's activities are asked of someone who does it all alone.
    for id in [
        "dev.write",
        "com.photos",
        "sec.cookies",
        "sec.pay",
        "adm.bank",
    ] {
        assert!(alone.answers.iter().any(|a| a.item == id), "{id}");
    }
    // The detail a mediator needs is asked of someone who needs help.
    for id in [
        "com.email_attachment",
        "adm.scan_send",
        "adm.forgot_password",
        "adm.school",
    ] {
        assert!(help.answers.iter().any(|a| a.item == id), "{id}");
    }
}

#[test]
fn an_exercise_and_a_harder_skill_come_only_after_the_skill_is_claimed() {
    let bank = Bank::builtin();
    // E-mail: "pas encore" to sending one, so no attachment question and no attachment
    // exercise.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "com.email_send" => Answer::NotYet,
        _ => everything_applies(Answer::WithHelp)(item, s),
    });
    let asked = answered_ids(&session);
    assert!(asked.contains(&"com.email_send"));
    assert!(!asked.contains(&"com.email_attachment"), "{asked:?}");
    assert!(!asked.contains(&"com.task_attachment_icon"), "{asked:?}");
    // At most one exercise per domain, on every path.
    for rating in [Answer::Alone, Answer::WithHelp] {
        let session = play(&bank, everything_applies(rating));
        for domain in bank.skill_domains() {
            let tasks = session
                .answers
                .iter()
                .filter(|a| {
                    bank.item(&a.item)
                        .is_some_and(|i| i.domain == domain.id && i.kind == ItemKind::Task)
                })
                .count();
            assert!(tasks <= 1, "{rating:?}: {tasks} exercises in {}", domain.id);
        }
    }
}

#[test]
fn an_existing_account_opens_the_account_items_without_creating_one() {
    let bank = Bank::builtin();
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.account_caf" => Answer::Yes,
        id if id.starts_with("sit.account") || id == "sit.franceconnect" => Answer::No,
        _ => everything_applies(Answer::WithHelp)(item, s),
    });
    let asked = answered_ids(&session);
    assert!(asked.contains(&"adm.login"), "{asked:?}");
    assert!(!asked.contains(&"adm.create_account"), "{asked:?}");
    // Without any account: creating one comes first, and no log-in question.
    let session = play(&bank, |item, s| match item.id.as_str() {
        id if id.starts_with("sit.account") || id == "sit.franceconnect" => Answer::No,
        _ => everything_applies(Answer::WithHelp)(item, s),
    });
    let asked = answered_ids(&session);
    assert!(asked.contains(&"adm.create_account"), "{asked:?}");
    assert!(!asked.contains(&"adm.login"), "{asked:?}");
}

#[test]
fn using_internet_does_not_need_a_device_of_ones_own() {
    let bank = Bank::builtin();
    // No phone, no computer, no tablet; internet at the library.
    let session = play(&bank, |item, s| match item.id.as_str() {
        "sit.internet_use" => Answer::Yes,
        _ => nothing_applies("none")(item, s),
    });
    let asked = answered_ids(&session);
    for id in ["info.search", "dev.mouse_keyboard", "com.messaging"] {
        assert!(asked.contains(&id), "{id} not asked: {asked:?}");
    }
}

#[test]
fn the_progress_follows_the_likely_path() {
    let bank = Bank::builtin();
    // Someone with nothing: once they have said so, the total is what they will answer.
    let session = play(&bank, nothing_applies("none"));
    let screens = flow::screens_answered(&bank, &session);
    let totals = totals_screen_by_screen(&bank, &session);
    assert_eq!(totals.len(), screens);
    // Once the third screen (equipment and internet use) is answered, never "sur 30" to
    // someone who answers at most 12; on the last screen, the total is exact.
    assert!(
        totals[3..].iter().all(|t| *t <= 12),
        "{totals:?} for {screens} questions"
    );
    assert_eq!(totals.last(), Some(&screens), "{totals:?}");
    // The welcome screen's estimate: a typical person, not the longest path.
    let typical = flow::likely_length(&bank, &Vec::<autonomie_core::session::GivenAnswer>::new());
    assert!((15..=MAX_QUESTIONS).contains(&typical), "{typical}");
    // What the welcome screen says: about 10 minutes, never a promise of 2 or of 30.
    let minutes = flow::likely_minutes(&bank);
    assert_eq!(minutes, (typical * flow::SECONDS_PER_SCREEN).div_ceil(60));
    assert!((6..=15).contains(&minutes), "{minutes}");
    let short = Bank::builtin().restricted_to(&["securite".to_string()]);
    assert!(flow::likely_minutes(&short) < minutes);
}

#[test]
fn a_partner_can_keep_only_some_domains_and_the_situation_stays() {
    let bank = Bank::builtin().restricted_to(&["communication".to_string(), "emploi".to_string()]);
    let skills: Vec<&str> = bank.skill_domains().map(|d| d.id.as_str()).collect();
    assert_eq!(skills, ["communication", "emploi"]);
    let session = play(&bank, everything_applies(Answer::WithHelp));
    let asked = answered_ids(&session);
    assert!(
        asked
            .iter()
            .all(|id| id.starts_with("sit.") || id.starts_with("com.") || id.starts_with("job.")),
        "{asked:?}"
    );
    assert!(
        asked.contains(&"sit.phone"),
        "the situation is always asked"
    );
    assert!(asked.contains(&"com.email_attachment"));
    assert!(asked.contains(&"job.cv"));
}

/// The progress total shown on each screen of a finished session.
fn totals_screen_by_screen(bank: &Bank, session: &Session) -> Vec<usize> {
    let mut partial = Session::new("2026-12-01");
    let mut totals = Vec::new();
    while let Some(screen) = flow::next_screen(bank, &partial.answers) {
        let progress = flow::progress(bank, &partial.answers);
        assert_eq!(progress.current, totals.len() + 1);
        totals.push(progress.total);
        for item in screen.items() {
            let Some(given) = session.answers.iter().find(|a| a.item == item.id) else {
                return totals;
            };
            partial.answers.push(given.clone());
        }
    }
    totals
}

/// What a random person answers, item by item.
fn random_pick(picks: Vec<usize>) -> impl Fn(&Item, &Session) -> Answer {
    move |item, session| {
        let choices = Answer::choices_for(item);
        choices[picks[session.answers.len() % picks.len()] % choices.len()]
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// On any path: at most 30 questions, progress counts up one question at a time and
    /// never shows fewer questions than the current one; no e-mail question without an
    /// address, no SMS question without a phone that gets them.
    #[test]
    fn every_path_keeps_the_rules(picks in proptest::collection::vec(0usize..8, 1..60)) {
        let bank = Bank::builtin();
        let session = play(&bank, random_pick(picks));
        prop_assert!(flow::next_item(&bank, &session).is_none());
        let screens = flow::screens_answered(&bank, &session);
        prop_assert!(screens <= MAX_QUESTIONS, "{} questions", screens);
        let answer = |id: &str| session.answers.iter().find(|a| a.item == id).map(|a| a.answer);
        let has_email = matches!(answer("sit.email"), Some(Answer::Choice(0 | 1)));
        let gets_sms = answer("sit.sms") == Some(Answer::Yes);
        for given in &session.answers {
            let id = given.item.as_str();
            if id.contains("email") && id != "sit.email" || id == "com.task_attachment_icon" {
                prop_assert!(has_email, "{} without an e-mail address", id);
            }
            if id == "adm.sms_code" {
                prop_assert!(gets_sms, "{} without SMS", id);
            }
            if id == "sit.sms" || id == "sit.mobile_data" {
                prop_assert!(matches!(answer("sit.phone"), Some(Answer::Choice(0 | 1))));
            }
        }
        // Progress, replayed screen by screen: one more each time, never past the total.
        let totals = totals_screen_by_screen(&bank, &session);
        prop_assert_eq!(totals.len(), screens);
        for (n, total) in totals.iter().enumerate() {
            prop_assert!(n < *total);
        }
    }

    /// With no device and no internet, at most 12 questions whatever else is answered.
    #[test]
    fn no_device_no_internet_paths_are_short(picks in proptest::collection::vec(0usize..8, 1..40)) {
        let bank = Bank::builtin();
        let random = random_pick(picks);
        let session = play(&bank, |item, s| match item.id.as_str() {
            "sit.phone" => option(item, "none"),
            "sit.computer" | "sit.tablet" | "sit.internet_use" => Answer::No,
            _ => random(item, s),
        });
        let screens = flow::screens_answered(&bank, &session);
        prop_assert!(screens <= 12, "{} questions: {:?}", screens, answered_ids(&session));
    }
}
