//! Finding a mediation place: search by postal code, filters, choosing a place, and the place
//! on the printed summary; and what happens when the data is missing or broken.

use autonomie_e2e::{pdf_pages, pdf_text, Browser, Reply, Server, DESKTOP, PHONE};
use serde_json::Value;

async fn type_where(browser: &Browser, text: &str) {
    browser
        .in_widget(
            0,
            &format!(
                "const i = root.querySelector('#an-where'); i.value = {}; i.dispatchEvent(new Event('input')); return true;",
                serde_json::json!(text)
            ),
        )
        .await;
}

async fn place_names(browser: &Browser) -> Vec<String> {
    browser
        .widget_strings("return [...root.querySelectorAll('.an-place h3')].map(h => h.innerText);")
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn search_by_postal_code_choose_a_place_and_print_it() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/index.html?places=demo")).await;
    browser.wait_ready().await;
    browser.reach_places().await;
    // The demo set, with its notice.
    browser
        .wait_widget("root.querySelector('.an-demo')", "the demo notice")
        .await;

    type_where(&browser, "69100").await;
    browser
        .wait_widget("root.querySelectorAll('.an-place').length > 0", "results")
        .await;
    let names = place_names(&browser).await;
    assert!(
        names
            .iter()
            .any(|n| n.contains("Villeurbanne") || n.contains("La Rayonne")),
        "{names:?}"
    );
    // Each result says how far it is, and its phone is a tel: link.
    let first = browser
        .in_widget(0, "return root.querySelector('.an-place').innerText;")
        .await;
    let first = first.as_str().unwrap_or_default().to_string();
    assert!(first.contains(" km") || first.contains(" m"), "{first}");
    let tel = browser
        .in_widget(
            0,
            "return root.querySelector('.an-place a[href^=\"tel:\"]')?.getAttribute('href');",
        )
        .await;
    assert!(
        tel.as_str().is_some_and(|t| t.starts_with("tel:+33")),
        "{tel}"
    );
    // Only http(s) links.
    let schemes = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('.an-place a')].map(a => a.protocol);",
        )
        .await;
    for scheme in schemes.as_array().unwrap() {
        assert!(
            ["https:", "http:", "tel:"].contains(&scheme.as_str().unwrap()),
            "{scheme}"
        );
    }

    // Choose the first place; it is remembered and printed.
    let chosen_name = names[0].clone();
    browser
        .in_widget(
            0,
            "root.querySelector('.an-place .an-choose').click(); return true;",
        )
        .await;
    browser
        .wait_widget(
            "root.querySelector('.an-place .an-choose').getAttribute('aria-pressed') === 'true'",
            "the choice",
        )
        .await;
    let stored = browser
        .js("return JSON.parse(localStorage.getItem('autonomie-numerique:default:session')).data.chosen_place.name;", vec![])
        .await;
    assert_eq!(stored.as_str(), Some(chosen_name.as_str()));
    browser.click_text("Imprimer mon résumé").await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;
    let pdf = browser.print_pdf().await;
    std::fs::write(
        autonomie_e2e::artifacts_dir().join("summary-with-place.pdf"),
        &pdf,
    )
    .expect("save");
    assert_eq!(pdf_pages(&pdf), 1, "still one page with a place");
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let wanted = chosen_name.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Le lieu choisi"), "{text}");
    assert!(text.contains(&wanted), "{wanted} not printed:\n{text}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_narrow_the_results() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.reach_places().await;
    type_where(&browser, "Villeurbanne").await;
    browser
        .wait_widget("root.querySelectorAll('.an-place').length > 0", "results")
        .await;
    let before = place_names(&browser).await.len();
    browser
        .in_widget(0, "const s = root.querySelector('#an-support'); s.value = 'deficience_visuelle'; s.dispatchEvent(new Event('change')); return true;")
        .await;
    browser
        .wait_widget(
            "!root.querySelector('.an-results [role=status]')?.innerText.includes('cours')",
            "the filtered search",
        )
        .await;
    let after = place_names(&browser).await.len();
    assert!(
        after < before,
        "a rare support should narrow {before} results, got {after}"
    );
    browser.close().await;
}

/// The places step of a widget showing the demo places, when the demo file is answered with
/// `reply`: the person reads `message`
/// (and not the network one), and the summary still prints, with no place on it. `console`:
/// the browser's own errors this provokes on purpose.
async fn places_file_refused(reply: Reply, console: &[&str], message: &str) {
    let server = Server::start();
    server.route("/data/lieux-demo.csv", reply);
    let browser = Browser::launch(PHONE).await;
    for expected in console {
        browser.expect_console(expected);
    }
    browser.goto(&server.url("/index.html?places=demo")).await;
    browser.wait_ready().await;
    browser.reach_places().await;
    browser
        .wait_widget("root.querySelector('.an-places [role=alert]')", "the error")
        .await;
    let text = browser.widget_text().await;
    assert!(text.contains(message), "{text}");
    assert!(!text.contains("Vérifiez la connexion"), "{text}");
    browser.click_text("Imprimer mon résumé").await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;
    let no_place = browser
        .in_widget(0, "return !!root.querySelector('.an-sheet-place');")
        .await;
    assert_eq!(no_place, Value::Bool(false));
    browser.close().await;
}

/// The shipped file carries its hash, so the browser checks whatever comes back against it.
const SRI_REFUSAL: [&str; 2] = [
    "lieux-demo.csv' with computed SHA-384 integrity",
    "lieux-demo.csv. SRI's integrity checks failed.",
];

#[tokio::test(flavor = "multi_thread")]
async fn missing_places_data_is_explained_and_the_flow_goes_on() {
    // The browser reports the 404 it was served, after checking the error page against the
    // file's hash (the widget then asks again, unchecked, and reads the 404).
    let console = [
        "lieux-demo.csv - Failed to load resource: the server responded with a status of 404",
        SRI_REFUSAL[0],
        SRI_REFUSAL[1],
    ];
    places_file_refused(
        Reply::new(404, "text/plain", "not found"),
        &console,
        "La liste des lieux est introuvable",
    )
    .await;
}

/// The demo places file with one letter changed: the browser refuses it, the person is told
/// and goes on.
#[tokio::test(flavor = "multi_thread")]
async fn a_changed_places_file_is_refused_and_the_flow_goes_on() {
    let mut file =
        std::fs::read(autonomie_e2e::dist_dir().join("data/lieux-demo.csv")).expect("demo data");
    let at = (file.len() / 2..file.len())
        .find(|&i| file[i].is_ascii_lowercase())
        .expect("a letter");
    file[at] = if file[at] == b'e' { b'a' } else { b'e' };
    places_file_refused(
        Reply::new(200, "text/csv; charset=utf-8", file),
        &SRI_REFUSAL,
        "La liste des lieux a été modifiée",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_longest_summary_still_fits_on_one_page() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser
        .in_widget(0, "const i = root.querySelector('#an-first-name'); i.value = 'Marie-Christine-Alexandra'; i.dispatchEvent(new Event('input')); return true;")
        .await;
    browser.start_assessment("Commencer").await;
    // The most a sheet can hold: every situation question answered (a job seeker with a
    // child at school, an urgent procedure, every account), every skill "avec de l'aide" so
    // the longest path is asked, every exercise answered wrong, 3 priorities.
    browser
        .answer_all(|item, choices| {
            let want = match item {
                "sit.reading" | "sit.email" => "choice-1",
                "sit.phone" | "sit.helper" => "choice-0",
                "com.task_attachment_icon" => "choice-0",
                i if i.starts_with("sec.task") => "choice-0",
                i if i.contains(".task") => "choice-1",
                i if i.starts_with("sit.") || i == "job.gate" => "yes",
                _ => "help",
            };
            choices
                .iter()
                .find(|c| *c == want)
                .cloned()
                .unwrap_or_else(|| choices[0].clone())
        })
        .await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    browser
        .in_widget(
            0,
            "[...root.querySelectorAll('.an-priorities input')].slice(0, 3).forEach(i => i.click()); return true;",
        )
        .await;
    browser.click_text("Voir l'aide qui me correspond").await;
    browser.click_text("Trouver un lieu près de chez moi").await;
    browser
        .wait_widget("root.querySelector('.an-places')", "the places screen")
        .await;
    type_where(&browser, "69210").await;
    browser
        .wait_widget("root.querySelectorAll('.an-place').length > 0", "results")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-place .an-choose').click(); return true;",
        )
        .await;
    browser.click_text("Imprimer mon résumé").await;
    browser
        .wait_widget(
            "root.querySelector('.an-sheet-place')",
            "the summary with its place",
        )
        .await;
    let pdf = browser.print_pdf().await;
    std::fs::write(
        autonomie_e2e::artifacts_dir().join("summary-longest.pdf"),
        &pdf,
    )
    .expect("save");
    assert_eq!(
        pdf_pages(&pdf),
        1,
        "the longest summary must fit on one page"
    );
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Faire l'actualisation France Travail"),
        "{text}"
    );
    assert!(text.contains("Mes 3 premières étapes"), "{text}");
    assert!(text.contains("Notes du médiateur"));
    browser.close().await;
}
