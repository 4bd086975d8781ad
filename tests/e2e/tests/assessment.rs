//! The self-assessment end to end, in headless Chromium, on the release build.

use autonomie_e2e::{mixed_profile, pdf_pages, pdf_text, Browser, Key, Server, DESKTOP, PHONE};
use serde_json::Value;

async fn open(server: &Server, browser: &Browser) {
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
}

async fn start(browser: &Browser) {
    browser.start_assessment("Commencer").await;
}

async fn tab_to(browser: &Browser, wanted: &str) {
    browser.tab_to(wanted).await;
}

/// The answer code to choose by keyboard on the question on screen.
fn keyboard_choice(item: &str, choices: &[String]) -> usize {
    let code = mixed_profile(item, choices);
    choices.iter().position(|c| *c == code).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complete_run_works_with_the_keyboard_alone() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    open(&server, &browser).await;

    tab_to(&browser, "input|text").await;
    browser.type_text("Léa").await;
    tab_to(&browser, "Commencer").await;
    browser.press(&[Key::Enter]).await;

    let mut answered = 0;
    loop {
        if browser.current_offer().await.is_some() {
            tab_to(&browser, "Continuer").await;
            browser.press(&[Key::Enter]).await;
            continue;
        }
        let items = browser.current_items().await;
        if items.is_empty() {
            break;
        }
        // Focus moves to the screen's heading, so screen readers announce it.
        assert!(
            browser.focused().await.starts_with("h2|"),
            "focus after a new question: {}",
            browser.focused().await
        );
        let codes: Vec<String> = {
            let mut codes = Vec::new();
            for (row, id) in items.iter().enumerate() {
                let choices = browser.choices_of(row).await;
                codes.push(choices[keyboard_choice(id, &choices)].clone());
            }
            codes
        };
        browser.answer_screen_by_keyboard(&codes).await;
        answered += 1;
        assert!(answered < 40);
    }
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    assert!(browser.focused().await.contains("Votre résultat"));

    // Three priorities with Space, then on to the orientation and the summary.
    for _ in 0..3 {
        tab_to(&browser, "input|checkbox").await;
        browser.press(&[Key::Space]).await;
        browser.press(&[Key::Tab]).await;
    }
    let chosen = browser
        .in_widget(
            0,
            "return root.querySelectorAll('.an-priorities input:checked').length;",
        )
        .await;
    assert_eq!(chosen, Value::from(3));
    tab_to(&browser, "Voir l'aide qui me correspond").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget("root.querySelector('.an-orientation')", "the orientation")
        .await;

    // Places: a postal code, the search, then a place chosen.
    tab_to(&browser, "Trouver un lieu près de chez moi").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget(
            "root.querySelector('.an-places input[type=text]')",
            "the places screen",
        )
        .await;
    tab_to(&browser, "input|text").await;
    browser.type_text("69100").await;
    tab_to(&browser, "Chercher").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget("root.querySelector('.an-place .an-choose')", "the places")
        .await;
    tab_to(&browser, "Choisir ce lieu").await;
    // Shift+Tab goes back through the card's links, Tab returns: no trap either way.
    browser.press_with(Key::Shift, Key::Tab).await;
    assert!(
        !browser.focused().await.contains("Choisir ce lieu"),
        "Shift+Tab did not move: {}",
        browser.focused().await
    );
    tab_to(&browser, "Choisir ce lieu").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget(
            "root.querySelector('.an-choose[aria-pressed=true]')",
            "the chosen place",
        )
        .await;
    let place = browser
        .in_widget(
            0,
            "return root.querySelector('.an-choose[aria-pressed=true]').closest('.an-place').querySelector('h3').innerText;",
        )
        .await;
    let place = place.as_str().expect("a place name").to_string();

    tab_to(&browser, "Imprimer mon résumé").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;
    let text = browser.widget_text().await;
    assert!(text.contains("Prénom : Léa"), "{text}");
    assert!(
        text.contains(&place),
        "{place} is not on the summary:\n{text}"
    );
    // One step past the print button, and back with Shift+Tab.
    tab_to(&browser, "Imprimer").await;
    browser.press(&[Key::Tab]).await;
    browser.press_with(Key::Shift, Key::Tab).await;
    assert!(
        browser.focused().await.contains("Imprimer"),
        "{}",
        browser.focused().await
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mediator_view_works_with_the_keyboard_alone() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    open(&server, &browser).await;
    tab_to(&browser, "Je suis médiateur ou médiatrice").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget("root.querySelector('#an-code')", "the code entry")
        .await;
    // A code as a mediator may type it from paper: lower case, spaces (the frozen v1 example
    // of core/tests/share_code.rs).
    tab_to(&browser, "Code du résumé").await;
    browser
        .type_text("3635 bmc5 5hb6 jumx x54p 7u6b dg3v ggbf 8a5")
        .await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view",
        )
        .await;
    assert!(
        browser.focused().await.starts_with("h2|"),
        "focus on the view's heading: {}",
        browser.focused().await
    );
    tab_to(&browser, "Imprimer").await;
    browser.press(&[Key::Tab]).await;
    browser.press_with(Key::Shift, Key::Tab).await;
    assert!(browser.focused().await.contains("Imprimer"));
    tab_to(&browser, "Fermer").await;
    browser.press(&[Key::Enter]).await;
    browser
        .wait_widget(
            "!root.querySelector('.an-mediator') && root.querySelector('form.an-start')",
            "the welcome screen",
        )
        .await;
    assert!(
        browser
            .widget_text()
            .await
            .contains("Je suis médiateur ou médiatrice"),
        "back on the welcome screen"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_resumes_exactly_where_the_person_was() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    open(&server, &browser).await;
    start(&browser).await;
    for _ in 0..6 {
        assert!(browser.current_item().await.is_some(), "a question");
        browser.answer_with(mixed_profile).await;
    }
    let before = browser.current_item().await.expect("a question");
    let progress_text = || async {
        browser
            .in_widget(
                0,
                "return root.querySelector('.an-progress-text').innerText;",
            )
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let progress = progress_text().await;
    assert!(progress.starts_with("Question 7 sur "), "{progress}");

    browser.client.refresh().await.expect("reload");
    browser.wait_ready().await;
    browser
        .wait_widget("root.querySelector('form[data-item]')", "the question")
        .await;
    assert_eq!(
        browser.current_item().await.as_deref(),
        Some(before.as_str())
    );
    assert_eq!(progress_text().await, progress);

    // "Question précédente" takes back the last screen's answers.
    browser.click_text("Question précédente").await;
    browser
        .wait_widget(
            &format!("root.querySelector('form[data-item]')?.dataset.item !== '{before}'"),
            "the previous screen",
        )
        .await;
    let back = progress_text().await;
    assert!(back.starts_with("Question 6 sur "), "{back}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_result_shows_every_domain_strengths_needs_and_the_national_reading() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    open(&server, &browser).await;
    start(&browser).await;
    let answered = browser.answer_all(mixed_profile).await;
    assert!((15..=30).contains(&answered), "{answered} screens");
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;

    let rows = browser
        .in_widget(0, "return [...root.querySelectorAll('.an-chart-row')].map(r => r.innerText.replace(/\\s+/g, ' ').trim());")
        .await;
    let rows: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    // The skill domains; the situation is no level.
    assert_eq!(rows.len(), 6, "{rows:?}");
    // The mixed profile: alone on devices, not yet on procedures.
    assert!(
        rows.iter().any(|r| r == "Utiliser un appareil Autonome"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r == "Démarches sur internet À découvrir"),
        "{rows:?}"
    );
    // The bars are drawn in SVG, 4 steps per domain.
    let steps = browser
        .in_widget(
            0,
            "return root.querySelectorAll('.an-chart .an-stepbar rect').length;",
        )
        .await;
    assert_eq!(steps, Value::from(24));
    let text = browser.widget_text().await;
    for expected in [
        "Vos points forts",
        "Comparaison avec les chiffres nationaux",
        "C'est une indication, pas un diagnostic.",
        "Ce que je veux apprendre d'abord",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }

    // At most 3 priorities: the others are disabled once 3 are chosen.
    for goal in [
        "Envoyer une pièce jointe",
        "Entrer dans un compte sur internet",
        "Reconnaître une arnaque",
    ] {
        browser.click_text(goal).await;
    }
    let disabled = browser
        .in_widget(0, "return [...root.querySelectorAll('.an-priorities input')].filter(i => i.disabled).length;")
        .await;
    let total = browser
        .in_widget(
            0,
            "return root.querySelectorAll('.an-priorities input').length;",
        )
        .await;
    assert_eq!(disabled.as_u64().unwrap() + 3, total.as_u64().unwrap());
    assert!(browser
        .widget_text()
        .await
        .contains("Vous avez choisi 3 choses"));

    browser.click_text("Voir l'aide qui me correspond").await;
    browser
        .wait_widget("root.querySelector('.an-orientation')", "the orientation")
        .await;
    let text = browser.widget_text().await;
    for expected in [
        "Aide aux démarches administratives",
        "Vous avez choisi : entrer dans un compte sur internet.",
        "Un rendez-vous rien que pour vous",
    ] {
        assert!(
            text.contains(expected),
            "orientation misses {expected:?}:\n{text}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_summary_prints_on_one_a4_page_with_priorities_and_levels() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    open(&server, &browser).await;
    browser
        .in_widget(0, "const i = root.querySelector('#an-first-name'); i.value = 'Samia'; i.dispatchEvent(new Event('input')); return true;")
        .await;
    start(&browser).await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    let priorities = [
        "Envoyer une pièce jointe",
        "Entrer dans un compte sur internet",
        "Reconnaître une arnaque",
    ];
    for goal in priorities {
        browser.click_text(goal).await;
    }
    browser.click_text("Voir mon résumé à imprimer").await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;

    let pdf = browser.print_pdf().await;
    std::fs::write(autonomie_e2e::artifacts_dir().join("summary.pdf"), &pdf).expect("save pdf");
    assert_eq!(pdf_pages(&pdf), 1, "the summary must fit on one page");
    let text = pdf_text(&pdf);
    for expected in priorities.iter().copied().chain([
        "Mon bilan numérique",
        "Prénom : Samia",
        "Autonome",
        "À découvrir",
        "Démarches sur internet",
        "Ma situation",
        "Mes 3 premières étapes",
        "Je le fais sans aide",
        "Je le fais avec de l'aide",
        "Pas encore",
        "Notes du médiateur",
        "Aide aux démarches administratives",
        "Rien n'a été envoyé sur internet.",
    ]) {
        assert!(
            text.contains(expected),
            "the printed page misses {expected:?}:\n{text}"
        );
    }
    // Screen-only controls are not printed.
    assert!(!text.contains("Effacer mes données"));
    assert!(!text.contains("Texte plus grand"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_storage_blocked_the_flow_still_completes_and_says_so() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.block_storage().await;
    open(&server, &browser).await;
    let blocked = browser
        .js(
            "try { localStorage; return false; } catch (e) { return e.name; }",
            vec![],
        )
        .await;
    assert_eq!(blocked.as_str(), Some("SecurityError"));
    let text = browser.widget_text().await;
    assert!(
        text.contains("Cet appareil ne permet pas de garder vos réponses"),
        "{text}"
    );
    start(&browser).await;
    browser.complete_to_summary(mixed_profile).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn corrupt_or_future_stored_data_is_set_aside_and_reported() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    open(&server, &browser).await;
    browser
        .js(
            "localStorage.setItem('autonomie-numerique:default:session', '{not json');\
             localStorage.setItem('autonomie-numerique:default:history', '{\"v\":7,\"data\":[]}');",
            vec![],
        )
        .await;
    browser.client.refresh().await.expect("reload");
    browser.wait_ready().await;
    let text = browser.widget_text().await;
    assert!(
        text.contains("Des données abîmées ont été trouvées"),
        "{text}"
    );
    assert!(
        text.contains("Des données d'une version plus récente ont été trouvées"),
        "{text}"
    );
    // Nothing is lost: the raw values are kept under backup keys.
    let backups = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.includes(':backup:')).map(k => localStorage.getItem(k)).sort();",
            vec![],
        )
        .await;
    assert_eq!(
        backups,
        serde_json::json!(["{\"v\":7,\"data\":[]}", "{not json"])
    );
    // And the widget works.
    start(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn finished_results_keep_their_date_and_forget_removes_every_key() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    open(&server, &browser).await;
    start(&browser).await;
    browser.answer_all(|_, choices| choices[0].clone()).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    browser.client.refresh().await.expect("reload");
    browser.wait_ready().await;
    browser
        .wait_widget(
            "root.querySelector('.an-result')",
            "the result after reload",
        )
        .await;
    let history = browser
        .js("return JSON.parse(localStorage.getItem('autonomie-numerique:default:history')).data.map(r => r.finished_on);", vec![])
        .await;
    let dates = history.as_array().expect("history");
    assert_eq!(dates.len(), 1);
    assert!(
        dates[0]
            .as_str()
            .is_some_and(|d| d.len() == 10 && d.starts_with("20")),
        "{dates:?}"
    );

    browser.click_text("Effacer mes données").await;
    browser.click_text("Oui, tout effacer").await;
    browser
        .wait_widget("root.querySelector('.an-welcome')", "the welcome screen")
        .await;
    let keys = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('autonomie-numerique'));",
            vec![],
        )
        .await;
    assert_eq!(keys, serde_json::json!([]), "keys left after forgetting");
    assert!(browser
        .widget_text()
        .await
        .contains("Vos données sont effacées"));
    browser.close().await;
}
