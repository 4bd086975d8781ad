//! The test server: serves the built widget (`dist/`) and the fixture pages over HTTP on
//! loopback, and lets a test force a reply for a path (an error, a delay, a stall) or take the
//! network away.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

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
