//! Robustness: hostile storage, hostile or broken places data, and a network audit showing the
//! widget fetches only its own files and the configured data.

use std::time::Duration;

use autonomie_e2e::{mixed_profile, Browser, Reply, Server, Stall, DESKTOP, PHONE};
use serde_json::Value;

/// From the result, through the orientation, to the places step (whatever it shows).
async fn open_places_screen(browser: &Browser) {
    browser
        .in_widget(
            0,
            "root.querySelector('.an-result .an-actions .an-primary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-orientation')", "the orientation")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-orientation .an-actions .an-primary').click(); return true;",
        )
        .await;
}

/// From the result, through the orientation, to the places step.
async fn open_places(browser: &Browser) {
    open_places_screen(browser).await;
    browser
        .wait_widget("root.querySelector('.an-places')", "the places step")
        .await;
}

async fn finish(browser: &Browser) {
    browser.start_in_any_language().await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sandboxed_iframe_without_storage_still_completes_the_flow() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/sandboxed.html")).await;
    browser
        .client
        .enter_frame(0)
        .await
        .expect("enter the iframe");
    browser.wait_ready().await;
    let blocked = browser
        .js(
            "try { localStorage.length; return 'open'; } catch (e) { return e.name; }",
            vec![],
        )
        .await;
    assert_eq!(blocked.as_str(), Some("SecurityError"));
    assert!(browser
        .widget_text()
        .await
        .contains("Cet appareil ne permet pas de garder vos réponses"));
    finish(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn full_storage_is_reported_and_the_flow_completes() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    // Another site's data fills the quota before the widget starts.
    browser
        .add_init_script(
            "if (!sessionStorage.getItem('filled')) { sessionStorage.setItem('filled', '1'); let i = 0;\
               for (let size = 1 << 20; size >= 1; size >>= 2) {\
                 const block = 'x'.repeat(size);\
                 try { while (i < 100000) localStorage.setItem('filler-' + i++, block); } catch (e) {} } }",
        )
        .await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    finish(&browser).await;
    assert!(browser
        .widget_text()
        .await
        .contains("Vos réponses n'ont pas pu être enregistrées"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn storage_cleared_by_another_tab_loses_nothing_on_screen() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.click_text("Commencer").await;
    for _ in 0..4 {
        assert!(browser.current_item().await.is_some(), "a question");
        browser.answer_with(mixed_profile).await;
    }
    // Another tab of the same site clears the storage.
    browser
        .js("localStorage.clear(); return true;", vec![])
        .await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    let answers = browser
        .js("return JSON.parse(localStorage.getItem('autonomie-numerique:default:session')).data.answers.length;", vec![])
        .await;
    assert!(
        answers.as_u64().unwrap_or(0) > 20,
        "the whole session is saved again: {answers}"
    );
    browser.close().await;
}

/// Opens the places step on data served at `/data/test-places.csv`.
async fn places_with(server: &Server, reply: Reply) -> Browser {
    server.route("/data/test-places.csv", reply);
    let browser = Browser::launch(DESKTOP).await;
    browser.add_init_script("window.__pwned = false;").await;
    browser
        .goto(&server.url("/index.html?places=/data/test-places.csv&debug&centre=69100"))
        .await;
    browser.wait_ready().await;
    finish(&browser).await;
    open_places(&browser).await;
    browser
}

/// The flow goes on from the places step to the printable summary.
async fn still_usable(browser: &Browser) {
    browser.in_widget(0, "root.querySelector('.an-places .an-actions .an-primary, .an-screen .an-actions .an-primary').click(); return true;").await;
    browser
        .wait_widget("root.querySelector('.an-sheet')", "the summary")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_places_data_is_explained_and_the_flow_goes_on() {
    let server = Server::start();
    let cases: Vec<(Reply, &str)> = vec![
        (
            Reply::new(404, "text/plain", "no"),
            "La liste des lieux est introuvable",
        ),
        (
            Reply::new(200, "text/html", "<html>Erreur</html>"),
            "n'a pas le bon format",
        ),
        (
            Reply::new(
                200,
                "text/csv",
                vec![0x69, 0x64, 0x2c, 0xff, 0xfe, 0x0a, 0xe9],
            ),
            "ne peut pas être lu",
        ),
        (
            Reply::new(200, "text/csv", "nom;ville\nA;B\n"),
            "ne peut pas être lu",
        ),
    ];
    for (reply, message) in cases {
        let status = reply.status;
        let browser = places_with(&server, reply).await;
        if status == 404 {
            browser.expect_console("test-places.csv - Failed to load resource: the server responded with a status of 404");
        }
        browser
            .wait_widget(
                "root.querySelector('.an-places [role=alert]')",
                "the message",
            )
            .await;
        let text = browser.widget_text().await;
        assert!(text.contains(message), "expected {message:?}:\n{text}");
        still_usable(&browser).await;
        browser.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_huge_file_is_refused_and_a_slow_one_shows_progress() {
    let server = Server::start();
    let huge = "id,nom\n".to_string() + &"x".repeat(30 * 1024 * 1024);
    let browser = places_with(&server, Reply::new(200, "text/csv", huge)).await;
    browser
        .wait_widget(
            "root.querySelector('.an-places [role=alert]')",
            "the message",
        )
        .await;
    assert!(browser.widget_text().await.contains("trop gros"));
    // Still responsive.
    let start = std::time::Instant::now();
    browser.in_widget(0, "return 1;").await;
    assert!(start.elapsed() < Duration::from_secs(2));
    browser.close().await;

    let file =
        std::fs::read(autonomie_e2e::dist_dir().join("data/lieux-demo.csv")).expect("demo data");
    let browser = places_with(
        &server,
        Reply::new(200, "text/csv", file).delayed(Duration::from_secs(4)),
    )
    .await;
    let loading = browser
        .in_widget(
            0,
            "return root.querySelector('.an-loading')?.innerText ?? '';",
        )
        .await;
    assert!(
        loading.as_str().is_some_and(|t| t.contains("Chargement")),
        "{loading}"
    );
    browser
        .wait_widget(
            "root.querySelectorAll('.an-place').length > 0",
            "the results after the wait",
        )
        .await;
    browser.close().await;
}

/// Longer than the widget's 10 s of silence and 20 s for a module, with some margin.
const PATIENCE: Duration = Duration::from_secs(45);

#[tokio::test(flavor = "multi_thread")]
async fn places_that_never_arrive_time_out_and_can_be_retried() {
    let server = Server::start();
    let file =
        std::fs::read(autonomie_e2e::dist_dir().join("data/lieux-demo.csv")).expect("demo data");
    // On a partner's page: a server that accepts and never answers, then one that stops in
    // the middle of the body.
    for stall in [Stall::BeforeHeaders, Stall::AfterBytes(1000)] {
        server.route(
            "/data/test-places.csv",
            Reply::new(200, "text/csv", file.clone()).stalled(stall),
        );
        let browser = Browser::launch(DESKTOP).await;
        browser
            .goto(&server.url("/fixtures/places-partner.html"))
            .await;
        browser.wait_ready().await;
        finish(&browser).await;
        open_places(&browser).await;
        assert_times_out_then_retries(&browser, &server, &file, &format!("{stall:?}")).await;
        browser.close().await;
    }
    // On the widget's own page, its service worker gives up first and says so.
    let browser = places_with(
        &server,
        Reply::new(200, "text/csv", file.clone()).stalled(Stall::BeforeHeaders),
    )
    .await;
    browser.expect_console(
        "test-places.csv - Failed to load resource: the server responded with a status of 504",
    );
    assert_times_out_then_retries(&browser, &server, &file, "standalone page").await;
    browser.close().await;
}

/// Waits for the "ne répondent pas" message, lets the server answer, and presses "Réessayer".
async fn assert_times_out_then_retries(
    browser: &Browser,
    server: &Server,
    file: &[u8],
    case: &str,
) {
    browser
        .wait_widget_within(
            0,
            "root.querySelector('.an-places [role=alert] button')",
            "the timeout message",
            PATIENCE,
        )
        .await;
    let text = browser.widget_text().await;
    assert!(text.contains("ne répondent pas"), "{case}:\n{text}");
    server.route(
        "/data/test-places.csv",
        Reply::new(200, "text/csv", file.to_vec()),
    );
    browser
        .in_widget(
            0,
            "root.querySelector('.an-places [role=alert] button').click(); return true;",
        )
        .await;
    browser
        .wait_widget(
            "root.querySelectorAll('.an-place').length > 0",
            "the places after retrying",
        )
        .await;
    still_usable(browser).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_language_file_that_never_arrives_leaves_french_and_a_retry() {
    let server = Server::start();
    let english =
        std::fs::read(autonomie_e2e::dist_dir().join("i18n/main/en.json")).expect("en.json");
    server.route(
        "/i18n/main/en.json",
        Reply::new(200, "application/json", english.clone()).stalled(Stall::BeforeHeaders),
    );
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.pick_language("en").await;
    browser
        .wait_widget_within(
            0,
            "root.querySelector('.an-notices .an-retry')",
            "the language notice",
            PATIENCE,
        )
        .await;
    assert!(browser
        .widget_text()
        .await
        .contains("Cette langue n'a pas pu être chargée"));
    // The flow goes on in French.
    browser.start_assessment("Commencer").await;
    browser.answer("yes").await;
    server.route(
        "/i18n/main/en.json",
        Reply::new(200, "application/json", english),
    );
    browser
        .in_widget(
            0,
            "root.querySelector('.an-notices .an-retry').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-root').lang === 'en'", "English")
        .await;
    assert!(browser.current_item().await.is_some());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_module_that_never_arrives_is_explained_and_can_be_retried() {
    let server = Server::start();
    let module =
        std::fs::read(autonomie_e2e::dist_dir().join("autonomie-extras.js")).expect("module");
    server.route(
        "/autonomie-extras.js",
        Reply::new(200, "text/javascript", module.clone()).stalled(Stall::AfterBytes(100)),
    );
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    // Everything after the last question is in that module: the result explains, and the
    // person can try again without losing an answer.
    browser.start_in_any_language().await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget_within(
            0,
            "root.querySelector('.an-retry')",
            "the module message",
            PATIENCE,
        )
        .await;
    assert!(browser
        .widget_text()
        .await
        .contains("Le résultat n'a pas pu s'afficher"));
    server.route(
        "/autonomie-extras.js",
        Reply::new(200, "text/javascript", module),
    );
    browser
        .in_widget(0, "root.querySelector('.an-retry').click(); return true;")
        .await;
    browser
        .wait_widget("root.querySelector('.an-result .an-chart')", "the result")
        .await;
    open_places_screen(&browser).await;
    browser
        .wait_widget(
            "root.querySelector('.an-places #an-where')",
            "the places screen",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_rows_are_skipped_or_made_harmless() {
    let server = Server::start();
    let hostile = "id,nom,commune,code_postal,adresse,latitude,longitude,telephone,site_web,prise_rdv,fiche_acces_libre,services\n\
        a1,\"<script>window.__pwned = true</script>Mairie\",Villeurbanne,69100,1 rue A,45.77,4.88,0478000000,javascript:window.__pwned=true,\"data:text/html;base64,PHNjcmlwdD4=\",vbscript:x,Aide aux démarches administratives\n\
        a2,\"<img src=x onerror=window.__pwned=true>Médiathèque\",Villeurbanne,69100,2 rue B,45.77,4.89,,https://example.org/ok,,,Aide aux démarches administratives\n\
        a3,Absurde,Villeurbanne,69100,3 rue C,999,-999,,,,,Aide aux démarches administratives\n\
        ,Sans identifiant,Villeurbanne,69100,4 rue D,45.7,4.8,,,,,\n\
        a5,Code postal faux,Villeurbanne,ABCDE,5 rue E,45.7,4.8,,,,,\n";
    let browser = places_with(&server, Reply::new(200, "text/csv; charset=utf-8", hostile)).await;
    browser
        .wait_widget(
            "root.querySelectorAll('.an-place').length > 0",
            "the results",
        )
        .await;
    let names = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('.an-place h3')].map(h => h.textContent);",
        )
        .await;
    let names = names.to_string();
    assert!(
        names.contains("<script>window.__pwned = true</script>Mairie"),
        "markup shown as text: {names}"
    );
    let links = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('.an-place a')].map(a => a.getAttribute('href'));",
        )
        .await;
    for link in links.as_array().unwrap() {
        let link = link.as_str().unwrap_or_default();
        assert!(
            link.starts_with("https://") || link.starts_with("http://") || link.starts_with("tel:"),
            "{link}"
        );
    }
    assert_eq!(
        browser
            .in_widget(
                0,
                "return root.querySelectorAll('.an-place img, .an-place script').length;"
            )
            .await,
        Value::from(0)
    );
    assert_eq!(
        browser.js("return window.__pwned;", vec![]).await,
        Value::Bool(false),
        "nothing hostile ran"
    );
    // The partner sees what was skipped (data-debug), and why.
    let debug = browser
        .in_widget(
            0,
            "return root.querySelector('.an-debug')?.innerText ?? '';",
        )
        .await;
    let debug = debug.as_str().unwrap_or_default();
    assert!(debug.contains("2 rows skipped"), "{debug}");
    still_usable(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_run_fetches_only_the_widget_files_and_the_places_data() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/index.html")).await;
    browser.wait_ready().await;
    // Another language, the places step with a search, the summary with its QR code.
    browser.switch_language("en").await;
    finish(&browser).await;
    open_places(&browser).await;
    browser
        .in_widget(0, "const i = root.querySelector('#an-where'); i.value = '01000'; i.dispatchEvent(new Event('input')); return true;")
        .await;
    browser
        .wait_widget("root.querySelector('.an-count')", "a search answer")
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-places .an-actions .an-primary').click(); return true;",
        )
        .await;
    browser
        .wait_widget("root.querySelector('.an-sheet .an-qr path')", "the summary")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let allowed = [
        "/index.html",
        "/autonomie.js",
        "/autonomie-app.js",
        "/autonomie-app_bg.wasm",
        "/autonomie-extras.js",
        "/autonomie-extras_bg.wasm",
        "/autonomie-staff.js",
        "/autonomie-staff_bg.wasm",
        "/page.css",
        "/sw.js",
        "/i18n/main/en.json",
        "/i18n/main/ar.json",
        "/i18n/main/uk.json",
        "/i18n/extras/en.json",
        "/i18n/extras/ar.json",
        "/i18n/extras/uk.json",
        "/i18n/staff/en.json",
        "/i18n/staff/ar.json",
        "/i18n/staff/uk.json",
        "/data/lieux-demo.csv",
        "/data/codes-postaux.csv",
        "/data/lieux/manifest.json",
    ];
    // The national index's files near 01000 (Bourg-en-Bresse): its own first.
    let mut index_files = Vec::new();
    for request in server.requests() {
        let (method, target) = request.split_once(' ').unwrap_or(("?", &request));
        let path = target.split(['?', '#']).next().unwrap_or("");
        assert_eq!(method, "GET", "the widget sent something: {request}");
        if let Some(file) = path
            .strip_prefix("/data/lieux/")
            .filter(|f| f.ends_with(".csv"))
        {
            index_files.push(file.to_string());
            continue;
        }
        assert!(allowed.contains(&path), "unexpected request {request}");
    }
    assert_eq!(index_files.first().map(String::as_str), Some("01.csv"));
    assert!(index_files.len() <= 3, "{index_files:?}");
    // Nothing went anywhere else either (the page's resource timing sees every origin).
    let origin = server.url("");
    let elsewhere = browser
        .js(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]) && !n.startsWith('data:') && !n.startsWith('blob:'));",
            vec![Value::from(origin)],
        )
        .await;
    assert_eq!(elsewhere, serde_json::json!([]));
    browser.close().await;
}

/// A later step's texts come from their own file (`i18n/extras/<lang>.json`), fetched when the
/// result shows. When it does not come, the result is in French, the person reads why, and the
/// flow goes on to the summary.
#[tokio::test(flavor = "multi_thread")]
async fn a_later_steps_language_file_that_does_not_come_leaves_them_in_french() {
    let server = Server::start();
    server.route(
        "/i18n/extras/en.json",
        Reply::new(404, "text/plain", b"not here".to_vec()),
    );
    let browser = Browser::launch(PHONE).await;
    // The answer is not the shipped file, so the browser refuses it (the widget fetches every
    // shipped file with its hash) and says so.
    browser.expect_console(
        "en.json - Failed to load resource: the server responded with a status of 404",
    );
    browser.expect_console("Fetch API cannot load");
    browser.expect_console("i18n/extras/en.json. SRI's integrity checks failed.");
    browser.expect_console("Failed to find a valid digest in the 'integrity' attribute");
    browser.goto(&server.url("/?lang=en")).await;
    browser
        .wait_widget("root.querySelector('.an-root').lang === 'en'", "English")
        .await;
    finish(&browser).await;
    browser
        .wait_widget(
            "root.querySelector('.an-notices').textContent.includes('This language could not be loaded')",
            "the language notice",
        )
        .await;
    let text = browser.widget_text().await;
    assert!(text.contains("Votre résultat"), "{text}");
    assert!(!text.contains("Your result"), "{text}");
    // The summary prints, in French too.
    browser.open_summary_from_result().await;
    assert!(browser.widget_text().await.contains("Ma situation"));
    browser.close().await;
}

/// The same flow with the file: the result is in English.
#[tokio::test(flavor = "multi_thread")]
async fn a_later_steps_texts_follow_the_chosen_language() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/?lang=en")).await;
    browser
        .wait_widget("root.querySelector('.an-root').lang === 'en'", "English")
        .await;
    finish(&browser).await;
    let text = browser.widget_text().await;
    assert!(text.contains("Your result"), "{text}");
    assert!(!text.contains("could not be loaded"), "{text}");
    browser.close().await;
}
