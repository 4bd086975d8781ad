//! The hand-off to the mediator: the printed code and QR code reopen the result elsewhere,
//! with no server.

use autonomie_e2e::{mixed_profile, pdf_text_flat, Browser, Server, DESKTOP, PHONE};
use serde_json::Value;

/// Levels as shown in the summary table: "domain level" per row.
const LEVELS: &str = "return [...root.querySelectorAll('.an-sheet .an-levels tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim());";

async fn finish_with_priorities(browser: &Browser) {
    browser.start_assessment("Commencer").await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    for goal in ["Envoyer une pièce jointe", "Reconnaître une arnaque"] {
        browser.click_text(goal).await;
    }
    browser.click_text("Voir mon résumé à imprimer").await;
    browser
        .wait_widget("root.querySelector('.an-sheet .an-qr path')", "the QR code")
        .await;
}

/// Decodes the QR code drawn on the page with rqrr, from a screenshot of the element.
async fn read_qr(browser: &Browser) -> String {
    // As a phone camera would see it: sharper than one screen pixel per module.
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1280, "height": 900, "deviceScaleFactor": 4, "mobile": false }),
        )
        .await;
    let host = browser
        .client
        .find(fantoccini::Locator::Css("autonomie-numerique"))
        .await
        .expect("host");
    let root = host.shadow_root().await.expect("shadow root");
    let qr = root
        .find(fantoccini::Locator::Css(".an-qr"))
        .await
        .expect("QR element");
    let png = qr.screenshot().await.expect("QR screenshot");
    let image = image::load_from_memory(&png).expect("png").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the summary");
    let (_, content) = grids[0].decode().expect("a readable QR code");
    content
}

#[tokio::test(flavor = "multi_thread")]
async fn the_qr_code_on_the_summary_reopens_the_same_result_for_the_mediator() {
    let server = Server::start();
    let person = Browser::launch(DESKTOP).await;
    person.goto(&server.url("/")).await;
    person.wait_ready().await;
    finish_with_priorities(&person).await;
    let levels = person.in_widget(0, LEVELS).await;
    let code = person
        .in_widget(
            0,
            "return root.querySelector('.an-sheet .an-code').innerText;",
        )
        .await;
    let code = code.as_str().expect("a printed code").to_string();
    assert_eq!(code.len(), 58, "{code}");
    assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");

    let url = read_qr(&person).await;
    assert_eq!(url, server.url(&format!("/index.html#m={code}")));
    // The code is printed next to the QR code.
    let pdf = person.print_pdf().await;
    std::fs::write(
        autonomie_e2e::artifacts_dir().join("summary-with-code.pdf"),
        &pdf,
    )
    .expect("save");
    // The code wraps between its groups on paper; read in order, it is whole.
    let printed = pdf_text_flat(&pdf);
    assert!(
        autonomie_e2e::holds_code(&printed, &code),
        "the code is not on paper:\n{printed}"
    );
    person.close().await;

    // Another device: a fresh browser profile with nothing stored.
    let mediator = Browser::launch(PHONE).await;
    mediator.goto(&url).await;
    mediator
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view",
        )
        .await;
    assert_eq!(
        mediator.in_widget(0, LEVELS).await,
        levels,
        "the same levels"
    );
    // The code left the address bar (and the tab's history) once read.
    let address = mediator.js("return location.href;", vec![]).await;
    assert_eq!(address, Value::from(server.url("/index.html")));
    let text = mediator.widget_text().await;
    for expected in [
        "Lecture seule",
        "Envoyer une pièce jointe",
        "Reconnaître une arnaque",
        "Les réponses, une par une",
    ] {
        assert!(text.contains(expected), "missing {expected:?}:\n{text}");
    }
    // Read-only: nothing about the person was stored on the mediator's device.
    let keys = mediator
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('autonomie-numerique'));",
            vec![],
        )
        .await;
    assert_eq!(keys, serde_json::json!([]));
    // Unless the mediator asks.
    mediator
        .click_text("Garder ce résultat sur cet appareil")
        .await;
    mediator
        .wait_widget(
            "root.querySelector('.an-root').innerText.includes('Ce résultat est gardé')",
            "kept",
        )
        .await;
    let history = mediator
        .js("return JSON.parse(localStorage.getItem('autonomie-numerique:default:history')).data.length;", vec![])
        .await;
    assert_eq!(history, Value::from(1));
    mediator.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_typed_code_opens_the_result_and_typing_mistakes_are_explained() {
    let server = Server::start();
    let person = Browser::launch(DESKTOP).await;
    person.goto(&server.url("/")).await;
    person.wait_ready().await;
    finish_with_priorities(&person).await;
    let code = person
        .in_widget(
            0,
            "return root.querySelector('.an-sheet .an-code').innerText;",
        )
        .await;
    let code = code.as_str().expect("code").to_string();
    let levels = person.in_widget(0, LEVELS).await;
    person.close().await;

    let mediator = Browser::launch(PHONE).await;
    mediator.goto(&server.url("/")).await;
    mediator.wait_ready().await;
    mediator.click_text("Je suis médiateur ou médiatrice").await;
    mediator
        .wait_widget("root.querySelector('#an-code')", "the code entry")
        .await;
    let type_code = |text: String| {
        format!(
            "const i = root.querySelector('#an-code'); i.value = {}; i.dispatchEvent(new Event('input'));\
             root.querySelector('.an-open-code').click(); return true;",
            serde_json::json!(text)
        )
    };
    // One wrong symbol: refused, with a message, never another result.
    let mut wrong: Vec<char> = code.chars().collect();
    let last = wrong.len() - 1;
    wrong[last] = if wrong[last] == 'A' { 'B' } else { 'A' };
    mediator
        .in_widget(0, &type_code(wrong.into_iter().collect()))
        .await;
    mediator
        .wait_widget("root.querySelector('#an-code-error')", "the error")
        .await;
    let error = mediator
        .in_widget(0, "return root.querySelector('#an-code-error').innerText;")
        .await;
    assert!(
        error
            .as_str()
            .is_some_and(|e| e.contains("erreur de frappe")),
        "{error}"
    );
    // A confusable letter is named.
    let confusable: String = code
        .chars()
        .enumerate()
        .map(|(i, c)| if i == 1 { 'O' } else { c })
        .collect();
    mediator.in_widget(0, &type_code(confusable)).await;
    mediator
        .wait_widget(
            "root.querySelector('#an-code-error')?.innerText.includes('0, O, 1, I ni L')",
            "the confusable message",
        )
        .await;
    // The right code, typed in lowercase with spaces, opens the result.
    mediator
        .in_widget(0, &type_code(code.to_lowercase().replace('-', " ")))
        .await;
    mediator
        .wait_widget(
            "root.querySelector('.an-mediator .an-sheet')",
            "the mediator view",
        )
        .await;
    assert_eq!(mediator.in_widget(0, LEVELS).await, levels);
    mediator.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_assessment_shows_progress_and_past_results_can_be_deleted() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    browser.click_text("Commencer").await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the first result")
        .await;
    assert!(
        !browser
            .widget_text()
            .await
            .contains("Depuis votre résultat"),
        "no progress on a first result"
    );

    browser.click_text("Refaire le test").await;
    browser
        .wait_widget("root.querySelector('.an-welcome')", "the welcome screen")
        .await;
    assert_eq!(
        browser
            .in_widget(
                0,
                "return root.querySelectorAll('.an-history-item').length;"
            )
            .await,
        Value::from(1)
    );
    browser.click_text("Commencer").await;
    browser.answer_all(|_, choices| choices[0].clone()).await;
    browser
        .wait_widget(
            "root.querySelector('.an-progress-since')",
            "the progress box",
        )
        .await;
    let progress = browser
        .in_widget(
            0,
            "return root.querySelector('.an-progress-since').innerText;",
        )
        .await;
    let progress = progress.as_str().unwrap_or_default();
    assert!(
        progress.contains("Démarches sur internet : À découvrir → Autonome (en progrès)"),
        "{progress}"
    );

    browser.click_text("Refaire le test").await;
    browser
        .wait_widget(
            "root.querySelectorAll('.an-history-item').length === 2",
            "two past results",
        )
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-history-item button').click(); return true;",
        )
        .await;
    browser
        .wait_widget(
            "root.querySelectorAll('.an-history-item').length === 1",
            "one deleted",
        )
        .await;
    let stored = browser
        .js("return JSON.parse(localStorage.getItem('autonomie-numerique:default:history')).data.length;", vec![])
        .await;
    assert_eq!(stored, Value::from(1));
    browser.close().await;
}

/// Where each group of the code sits, against the widget's own box (the shadow root hides
/// overflow, so the page's scroll width cannot tell): `[root left, root right, [[left, right,
/// top, lines]…]]`.
const CODE_BOXES: &str = "const box = root.querySelector('.an-root').getBoundingClientRect();\
    const groups = [...root.querySelectorAll('.an-sheet .an-code .an-code-group')];\
    return [box.left, box.right, groups.map(g => { const r = g.getBoundingClientRect(); return [r.left, r.right, r.top, g.getClientRects().length, g.innerText]; })];";

/// Issue 11: on a phone the code was one unbreakable line, cut off at 320 and 390 px (the end
/// in French, the beginning in Arabic). It wraps between groups of 4, never inside one, and
/// reads left to right in Arabic too.
#[tokio::test(flavor = "multi_thread")]
async fn the_share_code_is_fully_visible_and_left_to_right_on_a_phone() {
    let server = Server::start();
    let browser = Browser::launch(PHONE).await;
    for lang in ["fr", "ar"] {
        browser.goto(&server.url(&format!("/?lang={lang}"))).await;
        browser
            .wait_widget(
                &format!("root.querySelector('.an-root').lang === '{lang}'"),
                "the language",
            )
            .await;
        browser.start_in_any_language().await;
        browser.answer_all(mixed_profile).await;
        browser
            .wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        browser
            .in_widget(
                0,
                "root.querySelector('.an-go-summary').click(); return true;",
            )
            .await;
        browser
            .wait_widget("root.querySelector('.an-sheet .an-code')", "the code")
            .await;
        let code = browser
            .in_widget(
                0,
                "return root.querySelector('.an-sheet .an-code').innerText;",
            )
            .await;
        let code = code.as_str().expect("the code").to_string();
        for width in [280, 320, 390] {
            browser
                .cdp(
                    "Emulation.setDeviceMetricsOverride",
                    serde_json::json!({ "width": width, "height": 740, "deviceScaleFactor": 1, "mobile": true }),
                )
                .await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let boxes = browser.in_widget(0, CODE_BOXES).await;
            let (left, right) = (
                boxes[0].as_f64().unwrap_or(0.0),
                boxes[1].as_f64().unwrap_or(0.0),
            );
            let groups = boxes[2].as_array().expect("groups");
            assert!(groups.len() > 8, "{lang} {width}: {boxes}");
            let mut text = String::new();
            let mut previous: Option<(f64, f64)> = None;
            for group in groups {
                let (g_left, g_right, top) = (
                    group[0].as_f64().unwrap_or(-1.0),
                    group[1].as_f64().unwrap_or(-1.0),
                    group[2].as_f64().unwrap_or(-1.0),
                );
                assert!(
                    g_left >= left - 0.5 && g_right <= right + 0.5,
                    "{lang} at {width} px: group {group} outside the widget [{left}, {right}]"
                );
                assert_eq!(
                    group[3],
                    Value::from(1),
                    "{lang} {width}: a group split over lines: {group}"
                );
                // Left to right: on the same line, each group is right of the one before.
                if let Some((p_right, p_top)) = previous {
                    if (top - p_top).abs() < 1.0 {
                        assert!(
                            g_left >= p_right - 0.5,
                            "{lang} {width}: right to left? {boxes}"
                        );
                    } else {
                        assert!(top > p_top, "{lang} {width}: a line above the previous one");
                    }
                }
                previous = Some((g_right, top));
                text.push_str(group[4].as_str().unwrap_or_default());
            }
            assert_eq!(text, code, "{lang} {width}: the groups read as the code");
        }
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": true }),
            )
            .await;
        // Next language: a fresh start.
        browser
            .js("localStorage.clear(); return true;", vec![])
            .await;
    }
    browser.close().await;
}
