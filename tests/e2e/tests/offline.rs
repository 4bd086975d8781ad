//! Offline use of the widget's own page: after a first visit it works with no network.

use autonomie_e2e::{mixed_profile, pdf_pages, Browser, Server, DESKTOP};

#[tokio::test(flavor = "multi_thread")]
async fn after_a_first_visit_the_page_works_offline_and_prints() {
    let server = Server::start();
    let url = server.url("/");
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&url).await;
    browser.wait_ready().await;
    // The service worker takes control of the page once it has cached the app.
    browser
        .wait_page(
            "navigator.serviceWorker && navigator.serviceWorker.controller",
            "the service worker",
        )
        .await;
    browser
        .wait_page("caches.keys().then(k => k.length > 0)", "the cache")
        .await;

    // The network is gone: the browser is told so (CDP network emulation) and the server is
    // down for good, so not even the service worker's own requests can reach it.
    browser.cdp("Network.enable", serde_json::json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": true,
                "latency": 0,
                "downloadThroughput": -1,
                "uploadThroughput": -1
            }),
        )
        .await;
    server.shut_down();
    browser.client.refresh().await.expect("reload offline");
    browser.wait_ready().await;
    browser.click_text("Commencer").await;
    browser.answer_all(mixed_profile).await;
    browser
        .wait_widget("root.querySelector('.an-result')", "the result, offline")
        .await;
    browser.click_text("Voir mon résumé à imprimer").await;
    browser
        .wait_widget(
            "root.querySelector('.an-sheet .an-qr path')",
            "the summary with its QR code, offline",
        )
        .await;
    let pdf = browser.print_pdf().await;
    assert_eq!(pdf_pages(&pdf), 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_embedded_widget_registers_no_service_worker_unless_asked() {
    let server = Server::start();
    let browser = Browser::launch(DESKTOP).await;
    browser.goto(&server.url("/fixtures/plain.html")).await;
    browser.wait_ready().await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let registrations = browser
        .js(
            "return navigator.serviceWorker.getRegistrations().then(r => r.length);",
            vec![],
        )
        .await;
    assert_eq!(registrations, serde_json::json!(0));
    browser.close().await;
}
