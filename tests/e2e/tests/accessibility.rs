//! Accessibility in a real browser: axe-core finds no violation on any screen or state, in
//! every language (Arabic right to left), and nothing overflows a 320 px wide screen.

use autonomie_e2e::{mixed_profile, Browser, Server, DESKTOP};
use serde_json::Value;

/// A phone as narrow as WCAG's reflow criterion (and 200 % zoom of a 640 px window).
const NARROW: autonomie_e2e::Viewport = autonomie_e2e::Viewport {
    width: 320,
    height: 640,
};

async fn check(browser: &Browser, screen: &str) {
    browser.assert_accessible(screen).await;
    let overflow = browser
        .js(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await;
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "{screen}: horizontal scroll of {overflow} px"
    );
}

async fn answer_until(browser: &Browser, stop: impl Fn(&str) -> bool) {
    while let Some(item) = browser.current_item().await {
        if stop(&item) {
            return;
        }
        browser.answer_with(mixed_profile).await;
    }
}

/// Walks every screen of the flow in `lang` and checks each one.
async fn walk(lang: &str, viewport: autonomie_e2e::Viewport) {
    let server = Server::start();
    let browser = Browser::launch(viewport).await;
    browser
        .goto(&server.url(&format!("/index.html?lang={lang}")))
        .await;
    browser
        .wait_widget(
            &format!(
                "root.querySelector('.an-root').lang === '{lang}' && root.querySelector('h2')"
            ),
            "the widget",
        )
        .await;
    let dir = browser
        .in_widget(0, "return root.querySelector('.an-root').dir;")
        .await;
    assert_eq!(dir.as_str(), Some(if lang == "ar" { "rtl" } else { "ltr" }));
    // The host page keeps its own language and direction.
    let page = browser
        .js(
            "return [document.documentElement.lang, document.documentElement.dir];",
            vec![],
        )
        .await;
    assert_eq!(page, serde_json::json!(["fr", ""]));
    check(&browser, "welcome").await;

    browser.start_in_any_language().await;
    check(&browser, "the first question").await;
    browser
        .in_widget(
            0,
            "root.querySelector('form[data-item] .an-validate').click(); return true;",
        )
        .await;
    browser
        .wait_widget(
            "root.querySelector('.an-error')",
            "the missing-answer message",
        )
        .await;
    check(&browser, "a question with its error").await;

    // Reading French with difficulty: the kind offer of read-aloud and other languages.
    browser.answer_screen(&["choice-2".to_string()]).await;
    browser
        .wait_widget("root.querySelector('.an-offer')", "the reading offer")
        .await;
    check(&browser, "the reading offer").await;
    browser.dismiss_offer().await;
    answer_until(&browser, |item| item == "sit.sms").await;
    check(&browser, "a group of questions").await;
    browser
        .in_widget(
            0,
            "root.querySelector('form[data-item] .an-validate').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-error')", "the group's messages")
        .await;
    check(&browser, "a group with its errors").await;

    answer_until(&browser, |item| item.starts_with("dev.")).await;
    check(&browser, "a self-rating question").await;
    answer_until(&browser, |item| item == "com.task_attachment_icon").await;
    check(&browser, "a mini-task").await;
    browser.in_widget(0, "root.querySelector('input[value=\"choice-0\"]').click(); root.querySelector('.an-validate').click(); return true;").await;
    browser
        .wait_widget("root.querySelector('.an-feedback')", "the task feedback")
        .await;
    check(&browser, "the task feedback").await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-feedback .an-primary').click(); return true;",
        )
        .await;

    answer_until(&browser, |_| false).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-priorities input').click(); return true;",
        )
        .await;
    check(&browser, "the result").await;

    browser
        .in_widget(
            0,
            "root.querySelector('.an-result .an-actions .an-primary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-orientation')", "the orientation")
        .await;
    check(&browser, "the orientation").await;

    browser.choose_a_place_near_villeurbanne().await;
    check(&browser, "the places").await;

    browser
        .in_widget(
            0,
            "root.querySelector('.an-places .an-actions .an-primary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-sheet .an-qr path')", "the summary")
        .await;
    check(&browser, "the summary").await;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": "print" }),
        )
        .await;
    browser.assert_accessible("the print view").await;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": "" }),
        )
        .await;

    let code = browser
        .in_widget(0, "return root.querySelector('.an-code').innerText;")
        .await;
    let code = code.as_str().unwrap_or_default().to_string();
    browser
        .in_widget(
            0,
            "root.querySelector('.an-summary-screen .an-secondary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result again")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-result .an-actions button').click(); return true;",
        )
        .await;
    // Back on the questions: restart from the welcome screen to reach the mediator entry.
    browser
        .goto(&server.url(&format!("/index.html?lang={lang}&id=mediator-check")))
        .await;
    browser
        .wait_widget(
            "root.querySelector('.an-mediator-entry button')",
            "the welcome screen",
        )
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-mediator-entry button').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('#an-code')", "the code entry")
        .await;
    check(&browser, "the mediator code entry").await;
    browser
        .in_widget(0, "const i = root.querySelector('#an-code'); i.value = 'ABCD'; i.dispatchEvent(new Event('input')); root.querySelector('.an-open-code').click(); return true;")
        .await;
    browser
        .wait_widget("root.querySelector('#an-code-error')", "the code error")
        .await;
    check(&browser, "the mediator code error").await;
    browser
        .in_widget(0, &format!("const i = root.querySelector('#an-code'); i.value = '{code}'; i.dispatchEvent(new Event('input')); root.querySelector('.an-open-code').click(); return true;"))
        .await;
    browser
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view",
        )
        .await;
    check(&browser, "the mediator view").await;

    browser
        .in_widget(
            0,
            "root.querySelector('.an-mediator .an-actions .an-secondary').click(); return true;",
        )
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-staff-entry').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('#an-pin-new')", "the staff PIN form")
        .await;
    check(&browser, "the staff PIN form").await;
    for id in ["an-pin-new", "an-pin-again"] {
        browser
            .in_widget(0, &format!("const i = root.querySelector('#{id}'); i.value = '1357'; i.dispatchEvent(new Event('input')); return true;"))
            .await;
    }
    browser
        .in_widget(
            0,
            "root.querySelector('.an-staff form .an-primary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-staff table')", "the staff view")
        .await;
    check(&browser, "the staff view").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_is_accessible_in_french_on_a_narrow_phone() {
    walk("fr", NARROW).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_is_accessible_in_english() {
    walk("en", DESKTOP).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_is_accessible_in_arabic_right_to_left() {
    walk("ar", NARROW).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_is_accessible_in_ukrainian() {
    walk("uk", DESKTOP).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn error_states_and_the_inactivity_warning_are_accessible() {
    let server = Server::start();
    let browser = Browser::launch(NARROW).await;
    browser.block_storage().await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    assert!(browser
        .widget_text()
        .await
        .contains("Cet appareil ne permet pas"));
    check(&browser, "the storage-blocked notice").await;
    browser.click_text("Commencer").await;
    browser.answer("yes").await;
    browser
        .wait_widget_within(
            0,
            "root.querySelector('[role=alertdialog]')",
            "the inactivity warning",
            std::time::Duration::from_secs(40),
        )
        .await;
    check(&browser, "the inactivity warning").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn larger_text_is_remembered_and_read_aloud_uses_the_widget_language() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    // Record what speech synthesis is asked to say.
    browser
        .add_init_script(
            "window.__spoken = []; const speak = speechSynthesis.speak.bind(speechSynthesis);\
             speechSynthesis.speak = (u) => { window.__spoken.push([u.lang, u.text]); speak(u); };",
        )
        .await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.click_text("Texte plus grand").await;
    let size = browser
        .in_widget(
            0,
            "return getComputedStyle(root.querySelector('.an-root')).fontSize;",
        )
        .await;
    assert_eq!(size.as_str(), Some("20px"));
    browser.client.refresh().await.expect("reload");
    browser.wait_ready().await;
    let size = browser
        .in_widget(
            0,
            "return getComputedStyle(root.querySelector('.an-root')).fontSize;",
        )
        .await;
    assert_eq!(size.as_str(), Some("20px"), "the larger text is remembered");
    let pressed = browser
        .in_widget(
            0,
            "return root.querySelector('.an-toggle').getAttribute('aria-pressed');",
        )
        .await;
    assert_eq!(pressed.as_str(), Some("true"));

    browser.click_text("Commencer").await;
    browser.click_text("Écouter").await;
    let spoken = browser.js("return window.__spoken;", vec![]).await;
    let first = &spoken[0];
    assert_eq!(first[0], Value::from("fr-FR"));
    let text = first[1].as_str().unwrap_or_default();
    assert!(
        text.contains("Lisez-vous le français facilement ?")
            && text.contains("Oui, facilement")
            && text.contains("Avec difficulté"),
        "{text}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_speech_synthesis_there_is_no_listen_button() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser
        .add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
        .await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.start_assessment("Commencer").await;
    let buttons = browser
        .in_widget(0, "return root.querySelectorAll('.an-listen').length;")
        .await;
    assert_eq!(buttons, Value::from(0));
    browser.close().await;
}
