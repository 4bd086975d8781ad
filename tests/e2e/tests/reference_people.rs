//! The reference people of `core/tests/fixtures/reference_people.json` in the real page: two of
//! them answer every question by clicking or with the keyboard alone, and every one's printed
//! sheet fits one A4 page in French and in Arabic, with the situation first, no empty heading
//! and no question that was never asked.

use autonomie_core::bank::Bank;
use autonomie_core::envelope::wrap;
use autonomie_core::i18n::Key as TextKey;
use autonomie_core::i18n::{Catalog, Lang};
use autonomie_core::session::{Session, Stage};
use autonomie_e2e::{pdf_pages, Browser, Key, Server, DESKTOP, PHONE};
use serde_json::Value;

#[path = "../../../core/tests/support/people.rs"]
#[allow(dead_code)]
mod people;
use people::{people, Person};

fn person(id: &str) -> Person {
    people()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no reference person {id}"))
}

/// The answer code `person` gives to the question `item`, as its radio button's value.
fn code_for(person: &Person, bank: &Bank, item: &str) -> String {
    let item = bank
        .item(item)
        .unwrap_or_else(|| panic!("unknown item {item}"));
    person.answer_to(item).code()
}

/// Answers every screen as `person` would, by clicking or by keyboard, and returns the
/// questions answered in order.
async fn answer_as(browser: &Browser, person: &Person, bank: &Bank, keyboard: bool) -> Vec<String> {
    let mut asked = Vec::new();
    loop {
        if browser.current_offer().await.is_some() {
            if keyboard {
                browser.tab_to("Continuer").await;
                browser.press(&[Key::Enter]).await;
                browser
                    .wait_widget("!root.querySelector('.an-offer')", "the offer to go")
                    .await;
            } else {
                browser.dismiss_offer().await;
            }
            continue;
        }
        let items = browser.current_items().await;
        if items.is_empty() {
            break;
        }
        let codes: Vec<String> = items.iter().map(|id| code_for(person, bank, id)).collect();
        if keyboard {
            browser.answer_screen_by_keyboard(&codes).await;
        } else {
            browser.answer_screen(&codes).await;
        }
        asked.extend(items);
        assert!(asked.len() <= 40, "{} never finishes", person.id);
    }
    asked
}

/// The chart's rows, "domain level" each.
async fn chart_rows(browser: &Browser) -> Vec<String> {
    browser
        .widget_strings(
            "return [...root.querySelectorAll('.an-chart-row')].map(r => r.innerText.replace(/\\s+/g, ' ').trim());",
        )
        .await
}

/// Through the page, the person is asked exactly what the core asks them, and the result shows
/// the levels the core computes.
async fn through_the_page(id: &str, keyboard: bool) {
    let bank = Bank::builtin();
    let person = person(id);
    let expected = person.play(&bank);
    let catalog = Catalog::french();
    let server = Server::start();
    let browser = Browser::launch(if keyboard { DESKTOP } else { PHONE }).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    if keyboard {
        browser.tab_to("Commencer").await;
        browser.press(&[Key::Enter]).await;
        browser
            .wait_widget(
                "root.querySelector('form[data-item]')",
                "the first question",
            )
            .await;
    } else {
        browser.start_assessment("Commencer").await;
    }
    let asked = answer_as(&browser, &person, &bank, keyboard).await;
    let expected_ids: Vec<String> = expected.answers.iter().map(|a| a.item.clone()).collect();
    assert_eq!(asked, expected_ids, "{id} was asked other questions");
    browser
        .wait_widget("root.querySelector('.an-result .an-chart')", "the result")
        .await;
    let evaluation = person.evaluate(&bank).1;
    let rows = chart_rows(&browser).await;
    for domain in evaluation
        .assessment
        .domains
        .iter()
        .filter(|d| d.level.is_some())
    {
        let name = catalog.text(TextKey::computed(&format!("domain.{}", domain.domain)));
        let level = catalog.text(TextKey::computed(
            domain.level.map_or("level.not_enough", |l| l.i18n_key()),
        ));
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&format!("{name} {level}"))),
            "{id}: {name} {level} not in {rows:?}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reference_person_answers_by_clicking() {
    through_the_page("amadou", false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reference_person_answers_with_the_keyboard_alone() {
    through_the_page("karim", true).await;
}

/// What the sheet shows: the situation block, headings with nothing under them (the notes
/// area aside), and the texts of its lists.
const SHEET: &str = "const sheet = root.querySelector('.an-sheet');\
    const empty = [...sheet.querySelectorAll('h3')].filter(h => {\
      const box = h.closest('section, div'); return !box.classList.contains('an-sheet-notes') && box.innerText.trim() === h.innerText.trim();\
    }).map(h => h.innerText);\
    const items = [...sheet.querySelectorAll('.an-sheet-can li, .an-sheet-unclear p')].map(e => e.innerText.trim());\
    return { situation: sheet.querySelector('.an-sheet-situation')?.innerText ?? '', empty, items };";

#[tokio::test(flavor = "multi_thread")]
async fn every_reference_persons_sheet_fits_one_page_in_french_and_arabic() {
    let bank = Bank::builtin();
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/")).await;
    browser.wait_ready().await;
    for lang in [Lang::Fr, Lang::Ar] {
        let mut catalog = Catalog::french();
        for module in autonomie_core::i18n::TextModule::ALL {
            let own = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../content")
                    .join(module.file(lang)),
            )
            .expect("catalog");
            catalog = Catalog::from_json(lang, &own)
                .expect("catalog parses")
                .over(&catalog);
        }
        for person in people() {
            let mut session: Session = person.play(&bank);
            session.id = format!("ref-{}", person.id);
            session.started_on = "2026-12-01".into();
            session.first_name = "Marie-Christine".into();
            session.stage = Stage::Summary;
            // As if the person had just finished: the widget reopens on the sheet.
            browser
                .js(
                    "localStorage.clear(); localStorage.setItem('autonomie-numerique:default:session', arguments[0]); return true;",
                    vec![Value::from(wrap(&session))],
                )
                .await;
            browser
                .goto(&server.url(&format!("/index.html?lang={}", lang.code())))
                .await;
            browser
                .wait_widget(
                    &format!(
                        "root.querySelector('.an-root').lang === '{}' && root.querySelector('.an-sheet .an-qr')",
                        lang.code()
                    ),
                    "the sheet",
                )
                .await;
            let pdf = browser.print_pdf().await;
            assert_eq!(
                pdf_pages(&pdf),
                1,
                "{} in {}: the sheet must fit one page",
                person.id,
                lang.code()
            );
            let shown = browser.in_widget(0, SHEET).await;
            let situation = shown["situation"].as_str().unwrap_or_default();
            assert!(
                situation.starts_with(&catalog.text(TextKey::computed("summary.situation"))),
                "{}: {situation}",
                person.id
            );
            assert_eq!(shown["empty"], serde_json::json!([]), "{}", person.id);
            // Never-asked questions are not listed.
            let listed: Vec<&str> = shown["items"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for item in bank
                .items
                .iter()
                .filter(|i| !session.answers.iter().any(|a| a.item == i.id))
            {
                let goal = autonomie_core::text::capitalize(
                    &catalog.text(TextKey::computed(&format!("q.{}.goal", item.id))),
                );
                assert!(
                    !listed.iter().any(|l| l.starts_with(&goal)),
                    "{} in {}: {} was never asked but is on the sheet",
                    person.id,
                    lang.code(),
                    item.id
                );
            }
        }
    }
    browser.close().await;
}
