//! Embedding in partner pages: isolation, strict CSP, several instances, bad configuration,
//! the iframe mode.

use autonomie_e2e::{
    fixtures_dir, mixed_profile, pdf_pages, pdf_text_flat, Browser, Reply, Server, DESKTOP, PHONE,
};
use serde_json::Value;

/// Size and colour of a few things inside a widget, to compare two pages.
const LOOK: &str = "const h = root.querySelector('h2'); const b = root.querySelector('.an-primary');\
    const r = root.host.getBoundingClientRect();\
    return [getComputedStyle(h).fontSize, getComputedStyle(h).color, getComputedStyle(b).display,\
            getComputedStyle(b).fontSize, getComputedStyle(root.querySelector('.an-root')).fontFamily, r.height > 300];";

#[tokio::test(flavor = "multi_thread")]
async fn hostile_host_css_does_not_change_the_widget() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/plain.html")).await;
    browser.wait_ready().await;
    let reference = browser.in_widget(0, LOOK).await;

    browser.goto(&server.url("/fixtures/hostile.html")).await;
    browser.wait_ready().await;
    let hostile = browser.in_widget(0, LOOK).await;
    assert_eq!(hostile, reference, "the host's CSS leaked into the widget");
    // The host page's own rules did apply to the host page.
    let host_h1 = browser
        .js(
            "return getComputedStyle(document.querySelector('h1')).fontSize;",
            vec![],
        )
        .await;
    assert_eq!(host_h1.as_str(), Some("40px"));
    // And the widget is usable.
    browser.start_assessment("Commencer").await;
    browser.answer("yes").await;
    assert_eq!(browser.current_item().await.as_deref(), Some("sit.phone"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_never_writes_to_the_host_page() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/fixtures/plain.html")).await;
    browser.wait_ready().await;
    let snapshot = "return [document.documentElement.getAttribute('lang'), document.documentElement.getAttribute('dir'),\
         document.documentElement.getAttribute('style'), document.body.getAttribute('style'),\
         document.styleSheets.length, document.adoptedStyleSheets.length, location.href, history.length,\
         document.querySelectorAll('style').length, document.body.children.length];";
    let before = browser.js(snapshot, vec![]).await;
    browser.start_assessment("Commencer").await;
    browser.answer("no").await;
    browser.pick_language("ar").await;
    browser
        .wait_widget("root.querySelector('.an-root').dir === 'rtl'", "Arabic")
        .await;
    let after = browser.js(snapshot, vec![]).await;
    assert_eq!(after, before, "the host page changed");
    assert_eq!(before[0], Value::from("fr"));
    assert_eq!(before[1], Value::Null);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_strict_csp_with_only_the_documented_sources_works_without_violations() {
    let server = Server::start();
    let page = std::fs::read_to_string(fixtures_dir().join("csp.html")).expect("fixture");
    // Exactly what the README documents for a host page serving the widget itself.
    let csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
    server.route(
        "/fixtures/csp.html",
        Reply::html(&page).header("Content-Security-Policy", csp),
    );
    let browser = Browser::launch(DESKTOP).await;
    browser
        .add_init_script(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
        )
        .await;
    browser.goto(&server.url("/fixtures/csp.html")).await;
    browser.wait_ready().await;
    browser.start_assessment("Commencer").await;
    browser.answer("no").await;
    // Switching language fetches a file (connect-src).
    browser.switch_language("en").await;
    let violations = browser.js("return window.__violations;", vec![]).await;
    assert_eq!(violations, serde_json::json!([]), "CSP violations");
    let refused: Vec<String> = browser
        .console()
        .await
        .into_iter()
        .map(|(_, m)| m)
        .filter(|m| m.contains("Content Security Policy") || m.contains("Refused"))
        .collect();
    assert!(refused.is_empty(), "{refused:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_on_one_page_work_independently() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/two.html")).await;
    browser
        .wait_widget_n(0, "root.querySelector('h2')", "the first widget")
        .await;
    browser
        .wait_widget_n(
            1,
            "root.querySelector('.an-root').lang === 'en'",
            "the second widget in English",
        )
        .await;
    let first = browser.widget_text_n(0).await;
    let second = browser.widget_text_n(1).await;
    assert!(
        first.contains("Mairie de Lyon") && first.contains("Commencer"),
        "{first}"
    );
    assert!(
        second.contains("Médiathèque") && second.contains("Start"),
        "{second}"
    );
    let accent = browser
        .in_widget(
            0,
            "return getComputedStyle(root.querySelector('.an-primary')).backgroundColor;",
        )
        .await;
    assert_eq!(accent.as_str(), Some("rgb(124, 45, 18)"));

    // Answering in the first leaves the second on its welcome screen, with its own questions.
    browser.click_text("Commencer").await;
    browser.answer("yes").await;
    assert!(browser.widget_text_n(1).await.contains("Start"));
    browser.in_widget(1, "[...root.querySelectorAll('button')].find(b => b.innerText.includes('Start')).click(); return true;").await;
    browser
        .wait_widget_n(
            1,
            "root.querySelector('form[data-item]')",
            "a question in the second widget",
        )
        .await;
    let second_item = browser
        .in_widget(
            1,
            "return root.querySelector('form[data-item]').dataset.item;",
        )
        .await;
    // Each widget at its own step: the second starts with the situation.
    assert_eq!(second_item.as_str(), Some("sit.reading"));
    assert_eq!(browser.current_item().await.as_deref(), Some("sit.phone"));
    let keys = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.endsWith(':session')).sort();",
            vec![],
        )
        .await;
    assert_eq!(
        keys,
        serde_json::json!([
            "autonomie-numerique:mairie:session",
            "autonomie-numerique:mediatheque:session"
        ])
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_configuration_falls_back_and_explains_itself() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/fixtures/bad-config.html")).await;
    browser.wait_ready().await;
    let text = browser.widget_text().await;
    // Still the French widget, fully usable.
    assert!(text.contains("Commencer"), "{text}");
    // data-debug shows the problems inside the widget, in English for the partner.
    for attribute in [
        "data-lang",
        "data-mode",
        "data-accent",
        "data-logo",
        "data-domains",
        "data-places",
        "data-centre",
        "data-inactivity",
        "data-id",
        "data-partner",
        "data-modules",
        "data-stats",
        "data-offline",
        "data-url",
    ] {
        assert!(
            text.contains(&format!("{attribute}=")),
            "no message for {attribute}:\n{text}"
        );
    }
    let warnings: Vec<String> = browser
        .console()
        .await
        .into_iter()
        .map(|(_, m)| m)
        .filter(|m| m.contains("autonomie-numerique:"))
        .collect();
    assert!(warnings.len() >= 14, "{warnings:?}");
    let logo = browser
        .in_widget(0, "return root.querySelectorAll('img').length;")
        .await;
    assert_eq!(logo, Value::from(0));
    browser.start_assessment("Commencer").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_iframe_mode_is_configured_by_its_url() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/iframe.html")).await;
    browser
        .client
        .enter_frame(0)
        .await
        .expect("enter the iframe");
    browser
        .wait_widget(
            "root.querySelector('.an-root').lang === 'en'",
            "English in the iframe",
        )
        .await;
    let text = browser.widget_text().await;
    assert!(
        text.contains("Test Town") && text.contains("Start"),
        "{text}"
    );
    browser.start_assessment("Start").await;
    let key = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.endsWith(':session'));",
            vec![],
        )
        .await;
    assert_eq!(
        key,
        serde_json::json!(["autonomie-numerique:iframe:session"])
    );
    browser.close().await;
}

/// Sets a configurator field the way a person does, so the page's listeners run.
const SET_FIELD: &str = "const f = document.querySelector(arguments[0]);\
    if (f.type === 'checkbox') { f.checked = arguments[1]; } else { f.value = arguments[1]; }\
    f.dispatchEvent(new Event(f.type === 'checkbox' || f.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));\
    return true;";

#[tokio::test(flavor = "multi_thread")]
async fn the_configurator_snippet_pasted_in_a_blank_page_shows_the_configured_widget() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/partenaires/")).await;
    browser
        .wait_page(
            "document.getElementById('cfg-snippet').textContent.includes('autonomie.js')",
            "the configurator",
        )
        .await;
    let fields: [(&str, Value); 5] = [
        ("#cfg-lang", Value::from("en")),
        ("#cfg-partner", Value::from("Médiathèque \"Les Tilleuls\"")),
        ("#cfg-accent", Value::from("#7c2d12")),
        (
            "input[data-list='domains'][value='equipement']",
            Value::from(false),
        ),
        (
            "input[data-list='domains'][value='appareil']",
            Value::from(false),
        ),
    ];
    for (selector, value) in fields {
        browser
            .js(SET_FIELD, vec![Value::from(selector), value])
            .await;
    }
    for domain in ["information", "demarches", "securite", "emploi"] {
        let selector = format!("input[data-list='domains'][value='{domain}']");
        browser
            .js(SET_FIELD, vec![Value::from(selector), Value::from(false)])
            .await;
    }
    let snippet = browser
        .js(
            "return document.getElementById('cfg-snippet').textContent;",
            vec![],
        )
        .await;
    let snippet = snippet.as_str().expect("snippet text").to_string();
    for expected in [
        "data-lang=\"en\"",
        "data-partner=\"Médiathèque &quot;Les Tilleuls&quot;\"",
        "data-accent=\"#7c2d12\"",
        "data-domains=\"communication\"",
    ] {
        assert!(snippet.contains(expected), "{expected} missing:\n{snippet}");
    }
    let warnings = browser
        .js(
            "return document.getElementById('cfg-warnings').textContent;",
            vec![],
        )
        .await;
    assert_eq!(warnings, Value::from(""), "a valid choice has no warning");

    // Pasted as is into an empty page of another site.
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Blank</title></head>\
         <body>{snippet}</body></html>"
    );
    server.route("/blank.html", Reply::html(&page));
    browser.goto(&server.url("/blank.html")).await;
    browser.wait_ready().await;
    browser
        .wait_widget(
            "root.textContent.includes('Start')",
            "the widget in English",
        )
        .await;
    let text = browser.widget_text().await;
    assert!(text.contains("Médiathèque \"Les Tilleuls\""), "{text}");
    let accent = browser
        .in_widget(
            0,
            "return getComputedStyle(root.querySelector('.an-primary')).backgroundColor;",
        )
        .await;
    assert_eq!(accent, Value::from("rgb(124, 45, 18)"));
    browser.start_assessment("Start").await;
    let domain = || async {
        browser
            .in_widget(
                0,
                "return root.querySelector('.an-domain').textContent.trim();",
            )
            .await
    };
    // The situation always comes first; then only the chosen theme.
    let mut screens = 0;
    while domain().await == "Your situation" {
        browser.answer_with(autonomie_e2e::mixed_profile).await;
        screens += 1;
        assert!(screens < 15, "the situation does not end");
    }
    assert_eq!(
        domain().await,
        Value::from("Communicating"),
        "only the chosen theme"
    );
    browser.close().await;
}

/// The document the widget printed from its frame, as a page (its styles inlined).
const PRINTED_FRAME: &str = "const f = root.querySelector('.an-print-frame'); if (!f) return null;\
    const d = f.contentDocument;\
    const css = [...d.adoptedStyleSheets].map(s => [...s.cssRules].map(r => r.cssText).join('\\n')).join('\\n');\
    return '<!doctype html><html lang=\"' + d.documentElement.lang + '\"><head><meta charset=\"utf-8\"><title>printed</title><style>'\
      + css + '</style></head>' + d.body.outerHTML + '</html>';";

#[tokio::test(flavor = "multi_thread")]
async fn on_a_partner_page_only_the_sheet_is_printed_on_one_page() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/demo/")).await;
    browser.wait_ready().await;
    browser.start_assessment("Commencer").await;
    browser.complete_to_summary(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-sheet .an-qr path')", "the QR code")
        .await;
    let code = browser
        .in_widget(
            0,
            "return root.querySelector('.an-sheet .an-code').innerText;",
        )
        .await;
    let code = code.as_str().expect("a share code").to_string();
    browser.click_text_exact_button("Imprimer").await;
    browser
        .wait_widget("root.querySelector('.an-print-frame')", "the print frame")
        .await;
    let printed = browser.in_widget(0, PRINTED_FRAME).await;
    let printed = printed.as_str().expect("the printed document").to_string();
    // The host page is not in what was printed.
    assert!(!printed.contains("Saint-Exemple"), "{printed}");

    server.route("/printed.html", Reply::html(&printed));
    browser.goto(&server.url("/printed.html")).await;
    let pdf = browser.print_pdf().await;
    std::fs::write(
        autonomie_e2e::artifacts_dir().join("summary-partner-page.pdf"),
        &pdf,
    )
    .expect("save");
    assert_eq!(pdf_pages(&pdf), 1);
    let text = pdf_text_flat(&pdf);
    assert!(text.contains("Mon bilan numérique"), "{text}");
    assert!(
        autonomie_e2e::holds_code(&text, &code),
        "the code is not on paper:\n{text}"
    );
    assert!(
        !text.contains("Imprimer"),
        "buttons are not printed:\n{text}"
    );
    browser.close().await;
}
