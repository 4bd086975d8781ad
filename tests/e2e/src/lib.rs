//! Test harness: serves the built widget (`dist/`) and fixture pages over HTTP on loopback,
//! starts Debian's chromedriver, and drives headless Chromium with fantoccini.
//!
//! Everything a test needs to look inside the widget's shadow root, press keys, print to PDF
//! or talk to the Chrome DevTools Protocol lives here, so the tests read as user stories.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

pub use fantoccini::key::Key;

/// Where the release build is, as produced by `trunk build --release`.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("AUTONOMIE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A reply a test can force for a path, instead of the file on disk.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    pub delay: Duration,
    pub stall: Stall,
}

/// A server that stops answering, for the widget's timeouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stall {
    /// Answers in full.
    Never,
    /// Accepts the connection and never answers.
    BeforeHeaders,
    /// Sends the headers (with the full length) and this many bytes of the body, then nothing,
    /// without closing the connection.
    AfterBytes(usize),
}

/// How long a stalled reply keeps its connection open: longer than any timeout of the widget.
const STALL_FOR: Duration = Duration::from_secs(120);

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_string(),
            body: body.into(),
            headers: Vec::new(),
            delay: Duration::ZERO,
            stall: Stall::Never,
        }
    }

    pub fn html(body: &str) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// Stops answering at `stall` (see [`Stall`]).
    pub fn stalled(mut self, stall: Stall) -> Reply {
        self.stall = stall;
        self
    }
}

type Routes = Arc<Mutex<BTreeMap<String, Reply>>>;

/// How [`Server::start_with`] serves files beyond the tests' defaults.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Brotli-compress what the browser accepts compressed and let it cache, as a production
    /// host does: the benchmark measures what a visitor would download.
    pub production: bool,
    /// More directories, each served under its path prefix (e.g. `/bench/`).
    pub mounts: Vec<(String, PathBuf)>,
}

type Compressed = Arc<Mutex<BTreeMap<String, Arc<Vec<u8>>>>>;

/// Static file server for `dist/` (at `/`) and the fixtures (at `/fixtures/`): a minimal
/// HTTP/1.1 server on loopback, one connection per request, so that [`Server::shut_down`] can
/// really take the network away (connections refused, as offline).
pub struct Server {
    pub port: u16,
    routes: Routes,
    requests: Arc<Mutex<Vec<String>>>,
    running: Arc<std::sync::atomic::AtomicBool>,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(ServerOptions::default())
    }

    pub fn start_with(options: ServerOptions) -> Server {
        let dist = dist_dir();
        assert!(
            dist.join("autonomie.js").is_file(),
            "{} has no build: run `trunk build --release --offline` first (scripts/test.sh does)",
            dist.display()
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        let routes: Routes = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (thread_routes, thread_requests, thread_running) =
            (routes.clone(), requests.clone(), running.clone());
        let fixtures = fixtures_dir();
        let options = Arc::new(options);
        let compressed: Compressed = Arc::default();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if !thread_running.load(std::sync::atomic::Ordering::SeqCst) {
                    // Dropping the listener: from now on connections are refused.
                    break;
                }
                let Ok(stream) = stream else { continue };
                let files = Files {
                    dist: dist.clone(),
                    fixtures: fixtures.clone(),
                    options: options.clone(),
                    compressed: compressed.clone(),
                };
                let (routes, requests) = (thread_routes.clone(), thread_requests.clone());
                std::thread::spawn(move || handle(stream, &routes, &requests, &files));
            }
        });
        Server {
            port,
            routes,
            requests,
            running,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Forces the reply for one path (exact match, without query string).
    pub fn route(&self, path: &str, reply: Reply) {
        self.routes
            .lock()
            .expect("routes")
            .insert(path.to_string(), reply);
    }

    /// Every request so far, as "METHOD /path?query".
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("log").clone()
    }

    /// Stops for good: connections are refused from now on, as when the network is gone.
    pub fn shut_down(self) {
        self.running
            .store(false, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop so it sees the flag and closes the listening socket.
        let _ = std::net::TcpStream::connect(("127.0.0.1", self.port));
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// What one connection needs to answer from disk.
struct Files {
    dist: PathBuf,
    fixtures: PathBuf,
    options: Arc<ServerOptions>,
    compressed: Compressed,
}

fn handle(
    mut stream: std::net::TcpStream,
    routes: &Routes,
    requests: &Arc<Mutex<Vec<String>>>,
    files: &Files,
) {
    use std::io::{Read, Write};
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or("GET").to_string();
    let target = words.next().unwrap_or("/").to_string();
    requests
        .lock()
        .expect("log")
        .push(format!("{method} {target}"));
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let forced = routes.lock().expect("routes").get(&path).cloned();
    let mut reply = forced.unwrap_or_else(|| serve_file(files, &path));
    std::thread::sleep(reply.delay);
    if reply.stall == Stall::BeforeHeaders {
        std::thread::sleep(STALL_FOR);
        return;
    }
    let accepts_brotli = head.lines().any(|line| {
        let lower = line.to_ascii_lowercase();
        lower.starts_with("accept-encoding:") && lower.contains("br")
    });
    let cache = if files.options.production {
        "max-age=3600"
    } else {
        "no-store"
    };
    if files.options.production && accepts_brotli && reply.status == 200 {
        reply.body = brotli_cached(&files.compressed, &path, &reply.body)
            .as_ref()
            .clone();
        reply.headers.push(("Content-Encoding".into(), "br".into()));
    }
    let mut response = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nConnection: close\r\nAccess-Control-Allow-Origin: *\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    let _ = stream.write_all(response.as_bytes());
    if let Stall::AfterBytes(sent) = reply.stall {
        let _ = stream.write_all(&reply.body[..sent.min(reply.body.len())]);
        let _ = stream.flush();
        std::thread::sleep(STALL_FOR);
        return;
    }
    let _ = stream.write_all(&reply.body);
    let _ = stream.flush();
}

/// Brotli at the quality the size budget assumes, once per path.
fn brotli_cached(cache: &Compressed, path: &str, body: &[u8]) -> Arc<Vec<u8>> {
    if let Some(done) = cache.lock().expect("cache").get(path) {
        return done.clone();
    }
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).expect("brotli in memory");
    let out = Arc::new(out);
    cache
        .lock()
        .expect("cache")
        .insert(path.to_string(), out.clone());
    out
}

fn serve_file(files: &Files, path: &str) -> Reply {
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return Reply::new(400, "text/plain", "bad path");
    }
    let mounted = files.options.mounts.iter().find_map(|(prefix, dir)| {
        path.strip_prefix(prefix.as_str())
            .map(|rest| dir.join(rest))
    });
    let file = match (mounted, relative.strip_prefix("fixtures/")) {
        (Some(folder), _) if relative.ends_with('/') => folder.join("index.html"),
        (Some(file), _) => file,
        (None, Some(rest)) => files.fixtures.join(rest),
        (None, None) if relative.is_empty() || relative.ends_with('/') => {
            files.dist.join(relative).join("index.html")
        }
        (None, None) => files.dist.join(relative),
    };
    match std::fs::read(&file) {
        Ok(body) => Reply::new(200, mime(&file), body),
        // A page that declares no icon makes the browser ask for one; the widget is not
        // concerned (its own pages declare an empty icon), so no 404 in the console.
        Err(_) if path == "/favicon.ico" => Reply::new(204, "image/x-icon", ""),
        Err(_) => Reply::new(404, "text/plain", "not found"),
    }
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A chromedriver process, stopped on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        let port = free_port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_string());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {binary}: {e} (apt-get install chromium-driver)")
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
    log: Mutex<Vec<(String, String)>>,
    /// Texts of the errors this test provokes on purpose.
    expected: Mutex<Vec<String>>,
    closed: std::sync::atomic::AtomicBool,
    _profile: TempDir,
    _driver: Driver,
}

/// Whether a console entry is an error the guard refuses (see [`Browser`]).
pub fn is_console_error(level: &str, message: &str) -> bool {
    level.eq_ignore_ascii_case("SEVERE")
        || message.contains("RuntimeError")
        || message.contains("panicked")
        || message.contains("internal error")
        || message.contains("Uncaught")
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.closed.load(std::sync::atomic::Ordering::SeqCst) && !std::thread::panicking() {
            panic!("a Browser was dropped without close(): its console was never checked");
        }
    }
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

    /// Runs JavaScript with `root` bound to the shadow root of the `index`-th widget.
    pub async fn in_widget(&self, index: usize, body: &str) -> Value {
        let script = format!(
            "const hosts = document.querySelectorAll('autonomie-numerique, [data-autonomie-numerique]');\
             const host = hosts[{index}]; if (!host || !host.shadowRoot) return null;\
             const root = host.shadowRoot; {body}"
        );
        self.js(&script, vec![]).await
    }

    /// Polls a JavaScript condition (inside the first widget) until it is truthy.
    pub async fn wait_widget(&self, condition: &str, what: &str) {
        self.wait_widget_n(0, condition, what).await;
    }

    pub async fn wait_widget_n(&self, index: usize, condition: &str, what: &str) {
        self.wait_widget_within(index, condition, what, Duration::from_secs(20))
            .await;
    }

    /// Like [`Browser::wait_widget`], with a longer patience for timers.
    pub async fn wait_widget_within(
        &self,
        index: usize,
        condition: &str,
        what: &str,
        patience: Duration,
    ) {
        let deadline = Instant::now() + patience;
        loop {
            let value = self
                .in_widget(index, &format!("return !!({condition});"))
                .await;
            if value == Value::Bool(true) {
                return;
            }
            if Instant::now() > deadline {
                let text = self.widget_text().await;
                panic!("timed out waiting for {what}; widget shows:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls a condition on the page itself.
    pub async fn wait_page(&self, condition: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.js(&format!("return !!({condition});"), vec![]).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Visible text of the first widget.
    pub async fn widget_text(&self) -> String {
        self.widget_text_n(0).await
    }

    pub async fn widget_text_n(&self, index: usize) -> String {
        self.in_widget(
            index,
            "return root.querySelector('.an-root')?.innerText ?? '';",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// From the welcome screen: the whole assessment (mixed answers), the orientation, then
    /// the places step.
    pub async fn reach_places(&self) {
        self.start_assessment("Commencer").await;
        self.answer_all(mixed_profile).await;
        self.wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        self.click_text("Voir l'aide qui me correspond").await;
        self.click_text("Trouver un lieu près de chez moi").await;
        self.wait_widget("root.querySelector('.an-places')", "the places screen")
            .await;
    }

    /// Waits until the widget is mounted and shows its welcome screen or a later one.
    /// From the orientation, opens the places step, searches near 69100 (in the demo data) and
    /// chooses the first place found.
    pub async fn choose_a_place_near_villeurbanne(&self) {
        self.in_widget(
            0,
            "root.querySelector('.an-orientation .an-actions .an-primary').click(); return true;",
        )
        .await;
        self.wait_widget("root.querySelector('.an-places')", "the places")
            .await;
        self.in_widget(0, "const i = root.querySelector('#an-where'); i.value = '69100'; i.dispatchEvent(new Event('input')); return true;")
            .await;
        self.wait_widget(
            "root.querySelectorAll('.an-place').length > 0",
            "places found",
        )
        .await;
        self.in_widget(
            0,
            "root.querySelector('.an-place .an-choose').click(); return true;",
        )
        .await;
    }

    /// Presses the welcome screen's start button, whatever the language, and waits for the
    /// first question.
    /// Picks `lang` in the header's select (without waiting for its texts).
    pub async fn pick_language(&self, lang: &str) {
        self.in_widget(
            0,
            &format!(
                "const s = root.querySelector('#an-lang'); s.value = {}; s.dispatchEvent(new Event('change')); return true;",
                json!(lang)
            ),
        )
        .await;
    }

    /// Picks `lang` in the header's select, as a person does, and waits for its texts.
    pub async fn switch_language(&self, lang: &str) {
        self.pick_language(lang).await;
        self.wait_widget(
            &format!("root.querySelector('.an-root').lang === {}", json!(lang)),
            "the new language",
        )
        .await;
    }

    pub async fn start_in_any_language(&self) {
        self.in_widget(
            0,
            "root.querySelector('form.an-start .an-primary').click(); return true;",
        )
        .await;
        self.wait_widget(
            "root.querySelector('form[data-item]')",
            "the first question",
        )
        .await;
    }

    /// Presses the welcome screen's start button (its text in the widget's language) and
    /// waits for the first question.
    pub async fn start_assessment(&self, button: &str) {
        self.click_text(button).await;
        self.wait_widget(
            "root.querySelector('form[data-item]')",
            "the first question",
        )
        .await;
    }

    pub async fn wait_ready(&self) {
        self.wait_widget("root.querySelector('.an-root h2')", "the widget to mount")
            .await;
    }

    /// Clicks the first button (or label) in the widget whose text contains `text`, waiting
    /// up to 5 s for it (screens after the last question mount once their module is there).
    pub async fn click_text(&self, text: &str) {
        let mut clicked = Value::Bool(false);
        for _ in 0..50 {
            clicked = self
                .in_widget(
                    0,
                    &format!(
                        "const wanted = {};\
                         const el = [...root.querySelectorAll('button, label, a')].find(e => e.innerText.includes(wanted) && !e.disabled);\
                         if (!el) return false; el.click(); return true;",
                        json!(text)
                    ),
                )
                .await;
            if clicked == Value::Bool(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if clicked != Value::Bool(true) {
            let shown = self.widget_text().await;
            panic!("no button or label with text {text:?}; widget shows:\n{shown}");
        }
    }

    /// Presses keys on whatever has focus, as a keyboard would (WebDriver actions, which
    /// unlike "send keys to element" never move focus themselves).
    pub async fn press(&self, keys: &[Key]) {
        self.key_sequence(keys.iter().map(|k| char::from(*k)).collect(), None)
            .await;
    }

    /// Presses a key while holding a modifier, e.g. Shift+Tab.
    pub async fn press_with(&self, modifier: Key, key: Key) {
        self.key_sequence(vec![char::from(key)], Some(char::from(modifier)))
            .await;
    }

    /// Types text into whatever has focus.
    pub async fn type_text(&self, text: &str) {
        self.key_sequence(text.chars().collect(), None).await;
    }

    async fn key_sequence(&self, chars: Vec<char>, modifier: Option<char>) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_string());
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Down { value: m });
        }
        for c in chars {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        if let Some(m) = modifier {
            actions = actions.then(KeyAction::Up { value: m });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("key actions");
    }

    /// Describes the element that has focus, looking through shadow roots:
    /// `tag|type|text or label`.
    pub async fn focused(&self) -> String {
        self.js(
            "let el = document.activeElement;\
             while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;\
             if (!el) return '';\
             const label = el.labels && el.labels[0] ? el.labels[0].innerText : '';\
             return [el.tagName.toLowerCase(), el.type || '', (label || el.innerText || el.value || '').trim()].join('|');",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Prints the page as Chromium's print dialog would, with the page's own @page size.
    pub async fn print_pdf(&self) -> Vec<u8> {
        let result = self
            .cdp(
                "Page.printToPDF",
                json!({ "preferCSSPageSize": true, "printBackground": true }),
            )
            .await;
        let data = result["data"].as_str().expect("PDF data");
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data)
            .expect("base64 PDF")
    }

    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.expect("screenshot");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("screenshot dir");
        }
        std::fs::write(path, png).expect("write screenshot");
    }

    /// A full-page screenshot (beyond the viewport), through CDP.
    pub async fn screenshot_full(&self, path: &Path) {
        let result = self
            .cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )
            .await;
        let data = result["data"].as_str().expect("png data");
        let png = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data)
            .expect("base64 png");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("screenshot dir");
        }
        std::fs::write(path, png).expect("write screenshot");
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

    /// Every browser console message of the session so far (level and text), oldest first.
    pub async fn console(&self) -> Vec<(String, String)> {
        let result = self
            .client
            .issue_cmd(LogCommand)
            .await
            .unwrap_or(Value::Null);
        let fresh: Vec<(String, String)> = result
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        (
                            e["level"].as_str().unwrap_or_default().to_string(),
                            e["message"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut log = self.log.lock().expect("console log");
        log.extend(fresh);
        log.clone()
    }

    /// Declares an error this test provokes on purpose: console errors containing `text` are
    /// allowed, and at least one must appear before [`Browser::close`].
    pub fn expect_console(&self, text: &str) {
        self.expected
            .lock()
            .expect("expected messages")
            .push(text.to_string());
    }

    /// The console errors of the session that no [`Browser::expect_console`] allows, and the
    /// declared messages that never appeared.
    pub async fn console_problems(&self) -> Vec<String> {
        let log = self.console().await;
        let expected = self.expected.lock().expect("expected messages").clone();
        let mut problems: Vec<String> = log
            .iter()
            .filter(|(level, message)| is_console_error(level, message))
            .filter(|(_, message)| !expected.iter().any(|e| message.contains(e.as_str())))
            .map(|(level, message)| format!("{level}: {message}"))
            .collect();
        for wanted in &expected {
            if !log
                .iter()
                .any(|(_, message)| message.contains(wanted.as_str()))
            {
                problems.push(format!("expected console message never appeared: {wanted}"));
            }
        }
        problems
    }

    /// Fails now if the console holds an error (see [`Browser`]); the session goes on.
    pub async fn assert_console_clean(&self) {
        let problems = self.console_problems().await;
        let unexpected: Vec<&String> = problems
            .iter()
            .filter(|p| !p.starts_with("expected console message never appeared"))
            .collect();
        assert!(
            unexpected.is_empty(),
            "console errors during this browser session:\n{}",
            unexpected
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    /// Ends the session, and fails the test if its console holds an error (see [`Browser`]).
    pub async fn close(self) {
        let problems = self.console_problems().await;
        self.closed.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = self.client.clone().close().await;
        assert!(
            problems.is_empty(),
            "console errors during this browser session:\n{}",
            problems.join("\n")
        );
    }
}

/// chromedriver's log endpoint (not in the W3C standard, so fantoccini has no method for it).
#[derive(Debug)]
struct LogCommand;

impl WebDriverCompatibleCommand for LogCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// Text of a PDF in reading order with every run of whitespace turned into one space, for
/// finding a text that may wrap over lines.
pub fn pdf_text_flat(pdf: &[u8]) -> String {
    pdf_text_with(pdf, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of a PDF, through poppler's `pdftotext` (layout kept, so columns stay readable).
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_text_with(pdf, &["-layout"])
}

fn pdf_text_with(pdf: &[u8], options: &[&str]) -> String {
    let path = std::env::temp_dir().join(format!(
        "autonomie-{}-{}.pdf",
        std::process::id(),
        free_port()
    ));
    std::fs::write(&path, pdf).expect("write pdf");
    let output = Command::new("pdftotext")
        .args(options)
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Number of pages of a PDF, through poppler's `pdfinfo`.
/// Whether a printed page's text holds `code`: every group of 4 whole, and its symbols in
/// order. The code wraps between groups on paper, and text extraction drops a dash at the end
/// of a line, as it would a hyphen.
pub fn holds_code(printed: &str, code: &str) -> bool {
    let symbols =
        |text: &str| -> String { text.chars().filter(char::is_ascii_alphanumeric).collect() };
    code.split('-').all(|group| printed.contains(group))
        && symbols(printed).contains(&symbols(code))
}

pub fn pdf_pages(pdf: &[u8]) -> usize {
    let path = std::env::temp_dir().join(format!(
        "autonomie-{}-{}.pdf",
        std::process::id(),
        free_port()
    ));
    std::fs::write(&path, pdf).expect("write pdf");
    let output = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| {
            line.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

/// Where tests write screenshots and PDFs for people to look at.
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    dir
}

/// Driving the self-assessment the way a person does, by clicking.
impl Browser {
    /// The id of the question on screen (the first one of a group), if any.
    pub async fn current_item(&self) -> Option<String> {
        self.in_widget(
            0,
            "return root.querySelector('form[data-item]')?.dataset.item ?? null;",
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// The ids of every question on screen: one, or each question of a group.
    pub async fn current_items(&self) -> Vec<String> {
        self.widget_strings(
            "return [...root.querySelectorAll('form[data-item] fieldset[data-item]')].map(f => f.dataset.item);",
        )
        .await
    }

    /// The texts a script run in the first widget returns as an array.
    pub async fn widget_strings(&self, script: &str) -> Vec<String> {
        self.in_widget(0, script)
            .await
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The answer codes offered by the question on screen (the first of a group), in order.
    pub async fn current_choices(&self) -> Vec<String> {
        self.choices_of(0).await
    }

    /// The answer codes offered by the `row`-th question on screen.
    pub async fn choices_of(&self, row: usize) -> Vec<String> {
        self.widget_strings(&format!(
            "const f = root.querySelectorAll('form[data-item] fieldset[data-item]')[{row}];\
             return f ? [...f.querySelectorAll('input[type=radio]')].map(i => i.value) : [];"
        ))
        .await
    }

    /// A kind offer on screen ("reading" or "not_understood"), if any.
    pub async fn current_offer(&self) -> Option<String> {
        self.in_widget(
            0,
            "return root.querySelector('.an-offer')?.dataset.offer ?? null;",
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    /// "Continuer" on a kind offer, and waits for the question it was hiding.
    pub async fn dismiss_offer(&self) {
        self.in_widget(
            0,
            "root.querySelector('.an-offer .an-offer-continue').click(); return true;",
        )
        .await;
        self.wait_widget("!root.querySelector('.an-offer')", "the offer to go")
            .await;
    }

    /// Picks the answer `code` to every question on screen that offers it (the first answer
    /// to the others) and validates, then continues past an exercise's feedback.
    pub async fn answer(&self, code: &str) {
        self.answer_with(|_, choices| {
            if choices.iter().any(|c| c == code) {
                code.to_string()
            } else {
                choices[0].clone()
            }
        })
        .await;
    }

    /// Answers the screen on show with `pick(item id, offered codes)` for each question.
    pub async fn answer_with(&self, pick: impl Fn(&str, &[String]) -> String) {
        let mut codes = Vec::new();
        for (row, item) in self.current_items().await.iter().enumerate() {
            codes.push(pick(item, &self.choices_of(row).await));
        }
        self.answer_screen(&codes).await;
    }

    /// Picks one answer per question on screen, in order, and validates; then continues past
    /// an exercise's feedback.
    pub async fn answer_screen(&self, codes: &[String]) {
        let item = self.current_item().await.expect("a question on screen");
        let ok = self
            .in_widget(
                0,
                &format!(
                    "const codes = {};\
                     const rows = [...root.querySelectorAll('form[data-item] fieldset[data-item]')];\
                     if (rows.length !== codes.length) return 'rows: ' + rows.length;\
                     for (let i = 0; i < rows.length; i++) {{\
                       const input = rows[i].querySelector('input[value=\"' + codes[i] + '\"]');\
                       if (!input) return rows[i].dataset.item + ' has no answer ' + codes[i];\
                       input.click();\
                     }}\
                     root.querySelector('form[data-item] .an-validate').click(); return true;",
                    json!(codes)
                ),
            )
            .await;
        assert_eq!(ok, Value::Bool(true), "{item}: {ok}");
        self.wait_widget(
            &format!(
                "root.querySelector('form[data-item]')?.dataset.item !== {} ",
                json!(item)
            ),
            "the next screen",
        )
        .await;
        // After a mini-task, its feedback: continue (whatever the language).
        self.in_widget(
            0,
            "const next = root.querySelector('.an-feedback .an-primary'); if (next) next.click(); return true;",
        )
        .await;
    }

    /// Presses Tab until the focused element's description contains `wanted`.
    pub async fn tab_to(&self, wanted: &str) {
        for _ in 0..80 {
            if self.focused().await.contains(wanted) {
                return;
            }
            self.press(&[Key::Tab]).await;
        }
        panic!(
            "Tab never reached {wanted:?}; focus is on {:?}",
            self.focused().await
        );
    }

    /// Answers the screen on show with the keyboard alone: into each question's radio group
    /// with Tab, Space checks the first answer and Down moves to `codes[row]`; then "Valider",
    /// and "Continuer" after an exercise's feedback.
    pub async fn answer_screen_by_keyboard(&self, codes: &[String]) {
        let items = self.current_items().await;
        let first = items.first().cloned().expect("a question on screen");
        for (row, code) in codes.iter().enumerate() {
            let choices = self.choices_of(row).await;
            let wanted = choices
                .iter()
                .position(|c| c == code)
                .unwrap_or_else(|| panic!("{}: no {code} in {choices:?}", items[row]));
            if row > 0 {
                self.press(&[Key::Tab]).await;
            }
            self.tab_to("input|radio").await;
            self.press(&[Key::Space]).await;
            for _ in 0..wanted {
                self.press(&[Key::Down]).await;
            }
            let checked = self
                .in_widget(
                    0,
                    &format!(
                        "return root.querySelectorAll('form[data-item] fieldset[data-item]')[{row}].querySelector('input:checked')?.value ?? null;"
                    ),
                )
                .await;
            assert_eq!(checked.as_str(), Some(code.as_str()), "{}", items[row]);
        }
        self.tab_to("Valider").await;
        self.press(&[Key::Enter]).await;
        self.wait_widget(
            &format!("root.querySelector('form[data-item]')?.dataset.item !== '{first}'"),
            "the next screen",
        )
        .await;
        if self
            .in_widget(0, "return !!root.querySelector('.an-feedback');")
            .await
            == Value::Bool(true)
        {
            self.tab_to("Continuer").await;
            self.press(&[Key::Enter]).await;
        }
    }

    /// Clicks the button whose whole text is `text`.
    pub async fn click_text_exact_button(&self, text: &str) {
        let clicked = self
            .in_widget(
                0,
                &format!(
                    "const el = [...root.querySelectorAll('button')].find(b => b.innerText.trim() === {});\
                     if (!el) return false; el.click(); return true;",
                    json!(text)
                ),
            )
            .await;
        assert_eq!(clicked, Value::Bool(true), "no button {text:?}");
    }

    /// Answers every question with `pick`, then goes from the result to the summary sheet.
    pub async fn complete_to_summary(&self, pick: impl Fn(&str, &[String]) -> String) {
        self.answer_all(pick).await;
        self.wait_widget("root.querySelector('.an-result')", "the result")
            .await;
        self.in_widget(
            0,
            "root.querySelector('.an-result .an-go-summary').click(); return true;",
        )
        .await;
        self.wait_widget("root.querySelector('.an-sheet')", "the summary")
            .await;
    }

    /// Answers every question with `pick(item id, offered codes)` until the result shows, and
    /// goes on after each kind offer. Returns how many screens were answered.
    pub async fn answer_all(&self, pick: impl Fn(&str, &[String]) -> String) -> usize {
        self.answer_until(None, pick).await
    }

    /// Like [`Browser::answer_all`], stopping when the question `stop` is on screen.
    pub async fn answer_until(
        &self,
        stop: Option<&str>,
        pick: impl Fn(&str, &[String]) -> String,
    ) -> usize {
        let mut count = 0;
        loop {
            if stop.is_some() && self.current_item().await.as_deref() == stop {
                break;
            }
            if self.current_offer().await.is_some() {
                self.dismiss_offer().await;
                continue;
            }
            if self.current_items().await.is_empty() {
                break;
            }
            self.answer_with(&pick).await;
            count += 1;
            assert!(count <= 40, "the assessment does not end");
        }
        count
    }
}

/// A person with a smartphone, internet at home, an e-mail address, looking for work, with
/// mixed skills: the profile the screenshots show.
pub fn mixed_profile(item: &str, choices: &[String]) -> String {
    let pick = |code: &str| {
        if choices.iter().any(|c| c == code) {
            code.to_string()
        } else {
            choices[0].clone()
        }
    };
    match item {
        "sit.reading" | "sit.phone" | "sit.email" => pick("choice-0"),
        "sit.helper" => pick("choice-2"),
        "sit.computer" | "sit.tablet" | "sit.urgent" | "sit.children_school" => pick("no"),
        "sit.account_caf" | "sit.account_impots" | "sit.franceconnect" => pick("no"),
        i if i.starts_with("sit.") || i == "job.gate" => pick("yes"),
        "info.task_safe_url" | "sec.task_fake_sms" => pick("choice-0"),
        "com.task_attachment_icon" => pick("choice-1"),
        i if i.contains(".task") => pick("dontknow"),
        i if i.starts_with("dev.") => pick("alone"),
        i if i.starts_with("info.") || i.starts_with("com.") => pick("help"),
        "sec.password" | "sec.scam" => pick("help"),
        _ => pick("notyet"),
    }
}

/// axe-core, from the npm package `scripts/setup.sh` installs.
fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../.tools/npm/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core not found at {} ({e}): run scripts/setup.sh",
            path.display()
        )
    })
}

impl Browser {
    /// Runs axe-core on the whole page (it looks into open shadow roots) and returns its
    /// violations as "rule: selector (help)" lines. WCAG 2.2 A and AA and axe's best practices.
    pub async fn axe_violations(&self) -> Vec<String> {
        let loaded = self
            .js("return typeof window.axe === 'object';", vec![])
            .await;
        if loaded != Value::Bool(true) {
            self.js(&format!("{}\n;return true;", axe_source()), vec![])
                .await;
        }
        let result = self
            .js(
                "return axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v =>\
                   v.id + ': ' + v.nodes.map(n => JSON.stringify(n.target)).join(' ') + ' (' + v.help + ')'));",
                vec![],
            )
            .await;
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails with the list when axe finds anything.
    pub async fn assert_accessible(&self, screen: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe violations on {screen}:\n{}",
            violations.join("\n")
        );
    }
}
