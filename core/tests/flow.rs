//! The adaptive flow over the shipped bank: shortest and longest paths, and properties that
//! hold on every path.

use autonomie_core::{Answer, Bank, Session};
use proptest::prelude::*;

/// Plays a whole assessment, answering each item with `pick(item, choices)`.
fn play(bank: &Bank, mut pick: impl FnMut(&autonomie_core::Item, &[Answer]) -> Answer) -> Session {
    let mut session = Session::new("2026-11-22");
    while let Some(item) = autonomie_core::flow::next_item(bank, &session) {
        let choices = Answer::choices_for(item);
        let answer = pick(item, &choices);
        let id = item.id.clone();
        session
            .answer(bank, &id, answer)
            .expect("flow accepts its own choices");
    }
    session
}

fn answered_ids(session: &Session) -> Vec<&str> {
    session.answers.iter().map(|a| a.item.as_str()).collect()
}

#[test]
fn someone_with_no_device_who_never_used_internet_gets_the_shortest_path() {
    let bank = Bank::builtin();
    let session = play(&bank, |item, choices| match item.kind {
        autonomie_core::ItemKind::Possession => Answer::No,
        _ => *choices.last().expect("choices"),
    });
    let asked = answered_ids(&session);
    assert_eq!(
        asked,
        [
            "eq.smartphone",
            "eq.computer",
            "eq.internet_home",
            "eq.internet_use",
            "dev.switch_on",
            "dev.touch",
            "dev.mouse_keyboard",
            "job.gate",
        ]
    );
    assert_eq!(asked.len(), 8, "shortest path: {asked:?}");
    assert!(
        !asked.iter().any(|id| id.starts_with("adm.")),
        "no online forms for them"
    );
}

#[test]
fn an_equipped_job_seeker_gets_the_longest_path_of_every_item() {
    let bank = Bank::builtin();
    let session = play(&bank, |_, choices| choices[0]);
    assert_eq!(session.answers.len(), bank.items.len());
    assert!(
        (25..=35).contains(&session.answers.len()),
        "a full run is 25-35 answers, got {}",
        session.answers.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// On any path: between the two bounds, progress counts up to the total, and the total
    /// announced at the start is never exceeded.
    #[test]
    fn every_path_stays_within_bounds(picks in proptest::collection::vec(0usize..8, 40)) {
        let bank = Bank::builtin();
        let mut session = Session::new("2026-11-22");
        let first_total = autonomie_core::flow::progress(&bank, &session).total;
        let mut step = 0;
        while let Some(item) = autonomie_core::flow::next_item(&bank, &session) {
            let progress = autonomie_core::flow::progress(&bank, &session);
            prop_assert_eq!(progress.current, step + 1);
            prop_assert!(progress.total <= first_total);
            prop_assert!(progress.current <= progress.total);
            let choices = Answer::choices_for(item);
            let answer = choices[picks[step % picks.len()] % choices.len()];
            let id = item.id.clone();
            session.answer(&bank, &id, answer).unwrap();
            step += 1;
        }
        prop_assert!((8..=bank.items.len()).contains(&session.answers.len()));
        prop_assert_eq!(first_total, bank.items.len());
    }
}

#[test]
fn a_partner_can_keep_only_some_domains_and_dependent_items_are_still_asked() {
    let bank = Bank::builtin().restricted_to(&["communication".to_string(), "emploi".to_string()]);
    assert_eq!(bank.domains.len(), 2);
    let session = play(&bank, |_, choices| choices[0]);
    let asked = answered_ids(&session);
    // The equipment questions are gone, yet the online items that depend on them are asked.
    assert!(
        asked
            .iter()
            .all(|id| id.starts_with("com.") || id.starts_with("job.")),
        "{asked:?}"
    );
    assert!(asked.contains(&"com.email_attachment"));
    assert!(asked.contains(&"job.apply"));
    let all = Bank::builtin();
    let expected = all
        .items
        .iter()
        .filter(|i| i.domain == "communication" || i.domain == "emploi")
        .count();
    assert_eq!(asked.len(), expected);
}
