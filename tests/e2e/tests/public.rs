//! Public computer mode: nothing about a person survives them, staff see anonymous counts.

use autonomie_e2e::{mixed_profile, Browser, Key, Server, DESKTOP};
use serde_json::Value;

/// Every key the widget left in localStorage and sessionStorage, with its value.
const WIDGET_KEYS: &str = "const out = {};\
    for (const store of [localStorage, sessionStorage]) for (const k of Object.keys(store))\
      if (k.startsWith('autonomie-numerique')) out[(store === localStorage ? 'local ' : 'session ') + k] = store.getItem(k);\
    return out;";

/// Only the computer's own data may remain: anonymous counts, the staff PIN hash, settings.
async fn assert_nothing_personal_left(browser: &Browser, when: &str) {
    let keys = browser.js(WIDGET_KEYS, vec![]).await;
    let keys = keys.as_object().expect("an object");
    for (key, value) in keys {
        let allowed = [
            "local autonomie-numerique:poste:stats",
            "local autonomie-numerique:poste:staff",
            "local autonomie-numerique:poste:device",
        ];
        assert!(
            allowed.contains(&key.as_str()),
            "{when}: {key} was left behind"
        );
        let value = value.as_str().unwrap_or_default();
        for personal in ["sit.", "com.", "first_name", "answers", "Samia"] {
            assert!(
                !value.contains(personal),
                "{when}: {key} holds {personal}: {value}"
            );
        }
    }
}

async fn start_as(browser: &Browser, name: &str) {
    browser
        .in_widget(0, &format!("const i = root.querySelector('#an-first-name'); i.value = '{name}'; i.dispatchEvent(new Event('input')); return true;"))
        .await;
    browser.start_assessment("Commencer").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn next_person_and_finishing_after_printing_leave_nothing_behind() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;

    // While someone works, their answers live in the tab only.
    start_as(&browser, "Samia").await;
    browser.answer("yes").await;
    let keys = browser.js(WIDGET_KEYS, vec![]).await;
    assert!(
        keys.get("session autonomie-numerique:poste:session")
            .is_some(),
        "{keys}"
    );
    assert!(
        keys.get("local autonomie-numerique:poste:session")
            .is_none(),
        "{keys}"
    );

    // "Personne suivante", in one click.
    browser.click_text("Personne suivante").await;
    browser
        .wait_widget("root.querySelector('.an-welcome')", "the welcome screen")
        .await;
    assert!(browser
        .widget_text()
        .await
        .contains("prêt pour la personne suivante"));
    assert_nothing_personal_left(&browser, "after Personne suivante").await;

    // A whole run, printed, then confirmed.
    start_as(&browser, "Samia").await;
    browser.complete_to_summary(mixed_profile).await;
    browser.click_text("Imprimer").await;
    browser
        .wait_widget(
            "root.querySelector('.an-printed-check')",
            "the printed check",
        )
        .await;
    browser.click_text("Oui, terminer et tout effacer").await;
    browser
        .wait_widget("root.querySelector('.an-welcome')", "the welcome screen")
        .await;
    assert_nothing_personal_left(&browser, "after printing").await;
    // The tab's history shows nothing of the person either.
    assert_eq!(
        browser
            .in_widget(
                0,
                "return root.querySelectorAll('.an-history-item').length;"
            )
            .await,
        Value::from(0)
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn inactivity_warns_can_be_extended_and_then_wipes() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    start_as(&browser, "Samia").await;
    browser.answer("yes").await;

    // After 20 s without activity: a visible warning with a countdown, focus on its button.
    let patience = std::time::Duration::from_secs(40);
    browser
        .wait_widget_within(
            0,
            "root.querySelector('[role=alertdialog]')",
            "the inactivity warning",
            patience,
        )
        .await;
    let warning = browser
        .in_widget(
            0,
            "return root.querySelector('[role=alertdialog]').innerText;",
        )
        .await;
    let warning = warning.as_str().unwrap_or_default();
    assert!(
        warning.contains("Vous êtes toujours là ?") && warning.contains("Secondes restantes"),
        "{warning}"
    );
    assert!(
        browser.focused().await.contains("Oui, je continue"),
        "{}",
        browser.focused().await
    );
    // One key press keeps everything.
    browser.press(&[Key::Shift]).await;
    browser
        .wait_widget(
            "!root.querySelector('[role=alertdialog]')",
            "the warning to close",
        )
        .await;
    assert_eq!(browser.current_item().await.as_deref(), Some("sit.phone"));
    // Focus goes back where it was.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        browser
            .focused()
            .await
            .contains("Avez-vous un téléphone portable à vous"),
        "{}",
        browser.focused().await
    );

    // Without an answer this time: wiped when the countdown ends (20 s + 60 s).
    browser
        .wait_widget_within(
            0,
            "root.querySelector('[role=alertdialog]')",
            "the second warning",
            patience,
        )
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(75);
    while browser
        .in_widget(0, "return !!root.querySelector('.an-welcome');")
        .await
        != Value::Bool(true)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the countdown never ended"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    assert!(browser.widget_text().await.contains("Personne n'a répondu"));
    assert_nothing_personal_left(&browser, "after the timeout").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_see_anonymous_counts_behind_a_pin_and_export_them() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    start_as(&browser, "Samia").await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    browser.click_text("Voir mon résumé à imprimer").await;
    browser.click_text("Imprimer").await;
    browser.click_text("Oui, terminer et tout effacer").await;

    // First use: staff choose a PIN.
    browser.click_text("Réglages du poste").await;
    browser
        .wait_widget("root.querySelector('#an-pin-new')", "the PIN form")
        .await;
    let set = |id: &str, value: &str| {
        format!("const i = root.querySelector('#{id}'); i.value = '{value}'; i.dispatchEvent(new Event('input')); return true;")
    };
    browser.in_widget(0, &set("an-pin-new", "2468")).await;
    browser.in_widget(0, &set("an-pin-again", "2468")).await;
    browser.click_text("Enregistrer le code").await;
    browser
        .wait_widget("root.querySelector('.an-staff table')", "the counts")
        .await;
    let table = browser
        .in_widget(0, "return root.querySelector('.an-staff table').innerText;")
        .await;
    let table = table.as_str().unwrap_or_default().replace('\t', " ");
    // One visitor: no count can tell that person's result, even to staff.
    for line in [
        "Évaluations commencées < 5",
        "Évaluations terminées < 5",
        "Résumés imprimés < 5",
    ] {
        assert!(table.contains(line), "{line} not in:\n{table}");
    }
    let levels = browser
        .in_widget(
            0,
            "return root.querySelector('.an-staff-levels').innerText;",
        )
        .await;
    let levels = levels.as_str().unwrap_or_default();
    assert!(
        levels.contains("< 5") && !levels.contains("\t1"),
        "{levels}"
    );
    // What anyone can read in the browser's storage: per day, only the activity.
    let stats = browser
        .js(
            "return JSON.parse(localStorage.getItem('autonomie-numerique:poste:stats'));",
            vec![],
        )
        .await;
    assert_eq!(stats["v"], Value::from(2), "{stats}");
    for (day, counts) in stats["data"]["days"].as_object().expect("days") {
        let keys: Vec<&String> = counts.as_object().expect("a day").keys().collect();
        assert_eq!(keys, ["finished", "printed", "started"], "{day}: {counts}");
    }
    assert!(
        stats["data"]["months"]
            .as_object()
            .is_some_and(|m| m.len() == 1),
        "{stats}"
    );
    // The PIN is stored only as a salted hash.
    let stored = browser
        .js(
            "return localStorage.getItem('autonomie-numerique:poste:staff');",
            vec![],
        )
        .await;
    assert!(
        stored
            .as_str()
            .is_some_and(|s| !s.contains("2468") && s.contains("salt")),
        "{stored}"
    );

    // The CSV export, as the download link gives it.
    let csv = browser
        .in_widget(
            0,
            "return fetch(root.querySelector('a.an-export').href).then(r => r.text());",
        )
        .await;
    let csv = csv.as_str().expect("the CSV text");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("month,started,finished,printed,level_appareil_1,")),
        "{csv}"
    );
    let row = lines.next().expect("this month's row");
    let cells: Vec<&str> = row.split(',').collect();
    assert_eq!(cells[0].len(), 7, "YYYY-MM: {row}");
    assert_eq!(
        &cells[1..4],
        ["< 5", "< 5", "< 5"],
        "started, finished, printed: {row}"
    );
    assert!(!cells.contains(&"1"), "no small count in the file: {row}");

    // Closing locks it again; a wrong PIN is refused.
    browser.click_text("Fermer").await;
    browser.click_text("Réglages du poste").await;
    browser
        .wait_widget("root.querySelector('#an-pin')", "the PIN prompt")
        .await;
    browser.in_widget(0, &set("an-pin", "1111")).await;
    browser.click_text("Ouvrir les réglages").await;
    browser
        .wait_widget(
            "root.querySelector('.an-staff [role=alert]').innerText.includes('pas le bon')",
            "the refusal",
        )
        .await;
    browser.in_widget(0, &set("an-pin", "2468")).await;
    browser.click_text("Ouvrir les réglages").await;
    browser
        .wait_widget("root.querySelector('.an-staff table')", "the counts")
        .await;

    // Reset.
    browser.click_text("Remettre les comptages à zéro").await;
    browser.click_text("Oui, remettre à zéro").await;
    browser
        .wait_widget(
            "root.querySelector('.an-staff table').innerText.includes('commencées\\t0')",
            "zero counts",
        )
        .await;
    browser.close().await;
}

/// A staff PIN chosen with version 0.2.0 (envelope 1, iterated SHA-256, no scheme): it still
/// opens the settings, and is then stored again with PBKDF2.
#[tokio::test(flavor = "multi_thread")]
async fn a_pin_stored_by_an_older_version_unlocks_and_is_stored_again_with_pbkdf2() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    // "2468", salt 16 × 0x05, 3 rounds: computed with Python's hashlib.
    browser
        .js(
            "localStorage.setItem('autonomie-numerique:poste:staff', JSON.stringify({v: 1, data: {salt: '05050505050505050505050505050505', rounds: 3, hash: 'f01f95f5bb63664fb022a98091088557f8542c3988c3007ab1b48d8b272dc5d1'}})); return true;",
            vec![],
        )
        .await;
    browser.goto(&server.url("/fixtures/public.html")).await;
    browser.wait_ready().await;
    browser.click_text("Réglages du poste").await;
    browser
        .wait_widget("root.querySelector('#an-pin')", "the PIN prompt")
        .await;
    browser
        .in_widget(
            0,
            "const i = root.querySelector('#an-pin'); i.value = '2468'; i.dispatchEvent(new Event('input')); return true;",
        )
        .await;
    browser.click_text("Ouvrir les réglages").await;
    browser
        .wait_widget("root.querySelector('.an-staff table')", "the counts")
        .await;
    let stored = browser
        .js(
            "return JSON.parse(localStorage.getItem('autonomie-numerique:poste:staff'));",
            vec![],
        )
        .await;
    assert_eq!(stored["v"], Value::from(2), "{stored}");
    assert_eq!(
        stored["data"]["scheme"],
        Value::from("pbkdf2-sha256"),
        "{stored}"
    );
    assert_eq!(stored["data"]["rounds"], Value::from(100_000), "{stored}");
    assert_ne!(
        stored["data"]["salt"],
        Value::from("05050505050505050505050505050505"),
        "a fresh salt"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_can_turn_public_mode_on_for_this_computer() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/plain.html")).await;
    browser.wait_ready().await;
    browser.click_text("Réglages du poste").await;
    let set = |id: &str, value: &str| {
        format!("const i = root.querySelector('#{id}'); i.value = '{value}'; i.dispatchEvent(new Event('input')); return true;")
    };
    browser
        .wait_widget("root.querySelector('#an-pin-new')", "the PIN form")
        .await;
    browser.in_widget(0, &set("an-pin-new", "97531")).await;
    browser.in_widget(0, &set("an-pin-again", "97531")).await;
    browser.click_text("Enregistrer le code").await;
    browser
        .wait_widget("root.querySelector('#an-public')", "the switch")
        .await;
    browser
        .in_widget(0, "root.querySelector('#an-public').click(); return true;")
        .await;
    browser.click_text("Fermer").await;
    browser
        .wait_widget(
            "root.querySelector('.an-footer').innerText.includes('Personne suivante')",
            "public mode",
        )
        .await;
    // It stays on after a reload, and the person's answers go to the tab only.
    browser.client.refresh().await.expect("reload");
    browser.wait_ready().await;
    assert!(browser.widget_text().await.contains("Personne suivante"));
    browser.click_text("Commencer").await;
    browser.answer("yes").await;
    let local = browser
        .js(
            "return localStorage.getItem('autonomie-numerique:plain:session');",
            vec![],
        )
        .await;
    assert_eq!(local, Value::Null);
    browser.close().await;
}
