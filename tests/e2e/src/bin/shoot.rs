//! Screenshots of every screen at phone and desktop width, and the printed summary as PDF,
//! taken from the real build. Used for the README and for looking at what we build:
//! `cargo run -p autonomie-e2e --bin shoot -- [output dir]`.

use std::path::PathBuf;

use autonomie_e2e::{mixed_profile, Browser, Server, Viewport, DESKTOP, PHONE};

#[tokio::main]
async fn main() {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| autonomie_e2e::artifacts_dir().join("screens"));
    let lang = std::env::args().nth(2).unwrap_or_else(|| "fr".into());
    std::fs::create_dir_all(&out).expect("output dir");
    let server = Server::start();
    for (name, viewport) in [("phone", PHONE), ("desktop", DESKTOP)] {
        shoot(&server, &out, &format!("{name}-{lang}"), viewport, &lang).await;
    }
    println!("screenshots in {}", out.display());
}

async fn shoot(server: &Server, out: &std::path::Path, name: &str, viewport: Viewport, lang: &str) {
    let browser = Browser::launch(viewport).await;
    browser
        .goto(&server.url(&format!("/index.html?lang={lang}")))
        .await;
    browser
        .wait_widget(
            &format!("root.querySelector('.an-root')?.lang === '{lang}'"),
            "the language",
        )
        .await;
    browser.wait_ready().await;
    browser
        .screenshot_full(&out.join(format!("{name}-1-welcome.png")))
        .await;
    browser
        .in_widget(0, "const i = root.querySelector('#an-first-name'); i.value = 'Samia'; i.dispatchEvent(new Event('input')); return true;")
        .await;
    browser.start_in_any_language().await;
    browser
        .screenshot_full(&out.join(format!("{name}-2-question.png")))
        .await;
    // Answer up to the attachment-icon task to show a group, a mini-task and its feedback.
    browser.answer_until(Some("sit.sms"), mixed_profile).await;
    browser
        .screenshot_full(&out.join(format!("{name}-2b-group.png")))
        .await;
    browser
        .answer_until(Some("com.task_attachment_icon"), mixed_profile)
        .await;
    browser
        .screenshot_full(&out.join(format!("{name}-3-task.png")))
        .await;
    browser
        .in_widget(0, "root.querySelector('input[value=\"choice-0\"]').click(); root.querySelector('.an-validate').click(); return true;")
        .await;
    browser
        .wait_widget("root.querySelector('.an-feedback')", "task feedback")
        .await;
    browser
        .screenshot_full(&out.join(format!("{name}-4-feedback.png")))
        .await;
    browser
        .in_widget(
            0,
            "root.querySelector('.an-feedback .an-primary').click(); return true;",
        )
        .await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result")
        .await;
    browser
        .in_widget(
            0,
            "[...root.querySelectorAll('.an-priorities input')].slice(0, 3).forEach(i => i.click()); return true;",
        )
        .await;
    browser
        .screenshot_full(&out.join(format!("{name}-5-result.png")))
        .await;
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
        .screenshot_full(&out.join(format!("{name}-6-orientation.png")))
        .await;
    browser.choose_a_place_near_villeurbanne().await;
    browser
        .screenshot_full(&out.join(format!("{name}-7-places.png")))
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
    browser
        .screenshot_full(&out.join(format!("{name}-8-summary.png")))
        .await;
    let pdf = browser.print_pdf().await;
    std::fs::write(out.join(format!("{name}-summary.pdf")), &pdf).expect("write pdf");
    println!(
        "{name}: summary prints on {} page(s)",
        autonomie_e2e::pdf_pages(&pdf)
    );
    browser.close().await;
}
