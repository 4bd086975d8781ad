//! One headless Chromium session: its window size, its launch with a fresh profile, and the
//! raw ways in: navigation, JavaScript in the page and the Chrome DevTools Protocol.

use std::path::PathBuf;
use std::sync::Mutex;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::driver::{free_port, Driver};

/// Size of the browser window, in CSS pixels.
#[derive(Clone, Copy, Debug)]
pub struct Viewport {
    pub width: u32,
    pub height: u32,
}

pub const PHONE: Viewport = Viewport {
    width: 360,
    height: 740,
};
pub const DESKTOP: Viewport = Viewport {
    width: 1280,
    height: 900,
};

/// One headless Chromium session.
///
/// **Console guard**: every console message of the session is collected (chromedriver keeps
/// the browser's log across navigations), and [`Browser::close`] fails the test if any of them
/// is an error: `console.error`, an uncaught exception or promise rejection, a wasm trap
/// (`RuntimeError`), a panic of the widget, or a resource that failed to load. A test that
/// provokes an error on purpose declares it first with [`Browser::expect_console`]; a declared
/// message that never appears fails the test too. Dropping a `Browser` without `close()` fails
/// the test, so no session escapes the guard.
pub struct Browser {
    pub client: Client,
    /// Every console entry seen so far (level, text).
    pub(crate) log: Mutex<Vec<(String, String)>>,
    /// Texts of the errors this test provokes on purpose.
    pub(crate) expected: Mutex<Vec<String>>,
    pub(crate) closed: std::sync::atomic::AtomicBool,
    _profile: TempDir,
    _driver: Driver,
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A chromedriver command sent as-is: the Chrome DevTools Protocol bridge.
#[derive(Debug)]
struct CdpCommand {
    session: String,
    body: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        _session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", self.session))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Browser {
    pub async fn launch(viewport: Viewport) -> Browser {
        Browser::launch_with(viewport, &[]).await
    }

    /// Starts Chromium with the flags this machine needs (no sandbox as root, no background
    /// networking, which the closed network refuses) and a fresh profile.
    pub async fn launch_with(viewport: Viewport, extra_args: &[&str]) -> Browser {
        let driver = Driver::start();
        let profile = std::env::temp_dir().join(format!(
            "autonomie-e2e-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&profile).expect("profile dir");
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-quic",
            "--lang=fr-FR",
            "--hide-scrollbars",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!(
            "--window-size={},{}",
            viewport.width, viewport.height
        ));
        args.extend(extra_args.iter().map(|s| s.to_string()));
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_string(),
            json!({ "binary": binary, "args": args }),
        );
        capabilities.insert("goog:loggingPrefs".to_string(), json!({ "browser": "ALL" }));
        // Tests run in parallel and each picks a free port: another test's server may take
        // the port chromedriver was about to use. Then start it again on another one.
        let mut driver = driver;
        let mut attempt = 0;
        let client = loop {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{}", driver.port))
                .await
            {
                Ok(client) => break client,
                Err(error) if attempt < 3 => {
                    eprintln!("chromedriver session, attempt {attempt}: {error:?}; again");
                    attempt += 1;
                    driver = Driver::start();
                }
                Err(error) => panic!("chromedriver session: {error:?}"),
            }
        };
        let browser = Browser {
            client,
            log: Mutex::new(Vec::new()),
            expected: Mutex::new(Vec::new()),
            closed: std::sync::atomic::AtomicBool::new(false),
            _profile: TempDir(profile),
            _driver: driver,
        };
        // Headless windows can be smaller than asked; the viewport is what matters.
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": viewport.width, "height": viewport.height, "deviceScaleFactor": 1, "mobile": viewport.width < 600 }),
            )
            .await;
        browser
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Runs a Chrome DevTools Protocol command and returns its result.
    pub async fn cdp(&self, method: &str, params: Value) -> Value {
        let session = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        self.client
            .issue_cmd(CdpCommand {
                session,
                body: json!({ "cmd": method, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {method} failed: {e}"))
    }

    /// Runs JavaScript in the page; `arguments` are available as in WebDriver.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Makes `window.localStorage` throw a SecurityError in every page loaded afterwards, as
    /// blocked third-party storage does.
    pub async fn block_storage(&self) {
        self.add_init_script(
            "Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });\
             Object.defineProperty(window, 'sessionStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
        )
        .await;
    }

    /// Runs `source` at the start of every document loaded afterwards.
    pub async fn add_init_script(&self, source: &str) {
        self.cdp("Page.enable", json!({})).await;
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )
        .await;
    }
}
