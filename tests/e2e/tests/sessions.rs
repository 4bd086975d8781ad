//! Runs the suite lacked before the console guard (issue 11): each of them trapped in the
//! browser on every click once the widget had re-rendered its texts. The guard in
//! [`Browser::close`] fails any of them on a console error, an uncaught exception or a wasm
//! trap.

use autonomie_e2e::{mixed_profile, Browser, Server, DESKTOP, PHONE};
use serde_json::{json, Value};

/// Answers `count` questions (fewer if the assessment ends).
async fn answer_some(browser: &Browser, count: usize) {
    for _ in 0..count {
        if browser.current_item().await.is_none() {
            return;
        }
        browser.answer_with(mixed_profile).await;
    }
}

async fn full_run_starting_in(lang: &str, switch_to: &str) {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url(&format!("/?lang={lang}"))).await;
    browser
        .wait_widget(
            &format!("root.querySelector('.an-root').lang === {}", json!(lang)),
            "the widget in its language",
        )
        .await;
    browser.start_in_any_language().await;
    answer_some(&browser, 4).await;
    // In the middle of the questions, another language: same question, new texts.
    let before = browser.current_item().await;
    browser.switch_language(switch_to).await;
    assert_eq!(browser.current_item().await, before);
    let dir = browser
        .in_widget(0, "return root.querySelector('.an-root').dir;")
        .await;
    assert_eq!(
        dir,
        Value::from(if switch_to == "ar" { "rtl" } else { "ltr" })
    );
    browser.answer_all(mixed_profile).await;
    browser.open_summary_from_result().await;
    // And back: the summary re-renders in the first language.
    browser.switch_language(lang).await;
    browser
        .wait_widget("root.querySelector('.an-sheet .an-code')", "the summary")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_run_in_english_with_a_switch_to_arabic() {
    full_run_starting_in("en", "ar").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_run_in_arabic_with_a_switch_to_ukrainian() {
    full_run_starting_in("ar", "uk").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_run_in_ukrainian_with_a_switch_to_french() {
    full_run_starting_in("uk", "fr").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_next_person_a_second_person_runs_the_whole_flow() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    browser.start_in_any_language().await;
    answer_some(&browser, 3).await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-next-person').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-welcome')", "the welcome screen")
        .await;
    // The next person: every click of theirs used to trap.
    browser.start_in_any_language().await;
    browser.answer_all(mixed_profile).await;
    browser.open_summary_from_result().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_forgetting_everything_a_new_assessment_runs_to_the_end() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.switch_language("en").await;
    browser.start_in_any_language().await;
    answer_some(&browser, 3).await;
    browser
        .in_widget(0, "root.querySelector('.an-forget').click(); return true;")
        .await;
    browser
        .wait_widget("root.querySelector('.an-forget-yes')", "the confirmation")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-forget-yes').click(); return true;",
        )
        .await;
    browser
        .wait_widget(
            "root.querySelector('.an-welcome') && root.querySelector('.an-root').lang === 'fr'",
            "the welcome screen, back in French",
        )
        .await;
    browser.start_in_any_language().await;
    browser.answer_all(mixed_profile).await;
    browser.open_summary_from_result().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mediator_view_opens_after_a_language_switch() {
    let server = Server::start();
    let person = Browser::launch(DESKTOP).await;
    person.goto(&server.url("/")).await;
    person.wait_ready().await;
    person.start_in_any_language().await;
    person.answer_all(mixed_profile).await;
    person.open_summary_from_result().await;
    let code = person
        .in_widget(
            0,
            "return root.querySelector('.an-sheet .an-code').innerText;",
        )
        .await;
    let code = code.as_str().expect("a code").to_string();
    person.close().await;

    let mediator = Browser::launch(PHONE).await;
    mediator.goto(&server.url("/")).await;
    mediator.wait_ready().await;
    mediator.switch_language("uk").await;
    mediator
        .in_widget(
            0,
            "root.querySelector('.an-mediator-entry button').click(); return true;",
        )
        .await;
    mediator
        .wait_widget("root.querySelector('#an-code')", "the code entry")
        .await;
    mediator
        .in_widget(
            0,
            &format!(
                "const i = root.querySelector('#an-code'); i.value = {}; i.dispatchEvent(new Event('input'));\
                 root.querySelector('.an-open-code').click(); return true;",
                json!(code)
            ),
        )
        .await;
    mediator
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view",
        )
        .await;
    // Still usable: another language while it is open, then print.
    mediator.switch_language("ar").await;
    mediator
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view in Arabic",
        )
        .await;
    mediator.close().await;
}
