//! The national places index shipped with the widget (`data/lieux/`): places anywhere in
//! France with no data work by the partner, the date of the data, the files a search reads,
//! a département file that does not come, and the mediator view finding a place chosen far
//! from the demo town.

use autonomie_e2e::{pdf_pages, Browser, Reply, Server, DESKTOP, PHONE};
use serde_json::Value;

/// Types a postal code and waits for the results of that search (the count line changes).
async fn search(browser: &Browser, postal_code: &str) -> Vec<String> {
    browser
        .in_widget(
            0,
            &format!(
                "root.querySelector('.an-results').innerHTML = ''; const i = root.querySelector('#an-where'); i.value = '{postal_code}'; i.dispatchEvent(new Event('input')); return true;"
            ),
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-results .an-count')", "the results")
        .await;
    browser
        .widget_strings(
            "return [...root.querySelectorAll('.an-place')].map(p => p.innerText.replace(/\\s+/g, ' '));",
        )
        .await
}

/// The département files the page asked for, in order.
fn files_read(server: &Server) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .filter_map(|path| {
            let file = path.split("/data/lieux/").nth(1)?;
            file.strip_suffix(".csv").map(str::to_string)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn brittany_corsica_and_la_reunion_each_show_places_from_the_shipped_index() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.reach_places().await;
    // No data configured: the national index, dated, and no demo notice.
    browser
        .wait_widget("root.querySelector('.an-updated')", "the data's date")
        .await;
    let dated = browser
        .in_widget(0, "return root.querySelector('.an-updated').innerText;")
        .await;
    assert_eq!(
        dated.as_str(),
        Some("Données mises à jour le 1 décembre 2022.")
    );
    let demo = browser
        .in_widget(0, "return !!root.querySelector('.an-demo');")
        .await;
    assert_eq!(demo, Value::Bool(false));
    assert!(files_read(&server).is_empty(), "no file before a search");

    for (postal_code, commune, departement) in [
        ("29200", "BREST", "29"),
        ("20000", "AJACCIO", "2A"),
        ("97400", "SAINT-DENIS", "974"),
    ] {
        let before = files_read(&server).len();
        let places = search(&browser, postal_code).await;
        assert!(!places.is_empty(), "{postal_code}: no place");
        assert!(
            places[..3.min(places.len())]
                .iter()
                .any(|p| p.to_uppercase().contains(commune)),
            "{postal_code}: {places:?}"
        );
        // Places of 2022: each says its information is old.
        assert!(
            places[0].contains("Informations de plus d'un an : appelez avant de venir."),
            "{}",
            places[0]
        );
        let read = files_read(&server)[before..].to_vec();
        assert_eq!(
            read.first().map(String::as_str),
            Some(departement),
            "{read:?}"
        );
        assert!(read.len() <= 3, "{postal_code}: {read:?}");
    }
    // The new filters: open on Saturday keeps only places with Saturday hours.
    let all = search(&browser, "29200").await.len();
    browser
        .in_widget(
            0,
            "const s = root.querySelector('#an-when'); s.value = '5'; s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        )
        .await;
    browser
        .wait_widget(
            &format!("root.querySelectorAll('.an-place').length < {all}"),
            "fewer places open on Saturday",
        )
        .await;
    let saturday = browser
        .widget_strings("return [...root.querySelectorAll('.an-place')].map(p => p.innerText);")
        .await;
    assert!(!saturday.is_empty(), "someone is open on Saturday in Brest");
    browser.assert_accessible("places, national index").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_departement_file_is_explained_and_the_summary_still_prints() {
    let server = Server::start();
    server.route(
        "/data/lieux/29.csv",
        Reply::new(404, "text/plain", "not found"),
    );
    let browser = Browser::launch(PHONE).await;
    // The browser checks the 404 page against the file's hash and reports a failed load;
    // the widget asks again, unchecked, to tell a 404 from a changed file.
    for expected in [
        "29.csv - Failed to load resource: net::ERR_FAILED",
        "29.csv - Failed to load resource: the server responded with a status of 404",
    ] {
        browser.expect_console(expected);
    }
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.reach_places().await;
    search(&browser, "29200").await;
    browser
        .wait_widget(
            "root.querySelector('.an-results [role=alert]')",
            "the message",
        )
        .await;
    let text = browser.widget_text().await;
    assert!(
        text.contains("Les lieux d'une partie de la zone n'ont pas pu être chargés."),
        "{text}"
    );
    browser.click_text("Imprimer mon résumé").await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;
    let pdf = browser.print_pdf().await;
    assert_eq!(pdf_pages(&pdf), 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mediator_view_finds_a_place_chosen_in_corsica() {
    let server = Server::start();
    let person = Browser::launch(DESKTOP).await;
    person.goto(&server.url("/")).await;
    person.wait_ready().await;
    person.reach_places().await;
    let places = search(&person, "20000").await;
    assert!(!places.is_empty());
    let name = person
        .in_widget(0, "return root.querySelector('.an-place h3').innerText;")
        .await;
    let name = name.as_str().unwrap_or_default().to_string();
    person
        .in_widget(
            0,
            "root.querySelector('.an-place .an-choose').click(); return true;",
        )
        .await;
    person.click_text("Imprimer mon résumé").await;
    person
        .wait_widget("root.querySelector('.an-sheet .an-code')", "the summary")
        .await;
    let code = person
        .in_widget(
            0,
            "return root.querySelector('.an-sheet .an-code').innerText;",
        )
        .await;
    let code = code.as_str().unwrap_or_default().to_string();
    person.close().await;

    let mediator = Browser::launch(PHONE).await;
    mediator
        .goto(&server.url(&format!("/index.html#m={code}")))
        .await;
    mediator
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet-place')",
            "the chosen place",
        )
        .await;
    let text = mediator.widget_text().await;
    assert!(text.contains(&name), "{name} not in:\n{text}");
    mediator.close().await;
}
