//! Fetching the widget's own files and partner data, with the failures a person can meet
//! turned into plain outcomes.
//!
//! Every request has a watchdog: when nothing arrives for [`IDLE_TIMEOUT_MS`] (no answer at
//! all, or a body that stops in the middle), the request is aborted and reported as
//! [`FetchError::Timeout`]. The watchdog measures silence rather than total time, so a large
//! file on a slow but working connection still arrives, while a server that never answers is
//! given up on. The body is read chunk by chunk, which also stops a file over the caller's
//! size cap as soon as it goes over.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The widget's own files and their sha384, by absolute address, as the loader hands
    /// them over (see `public/autonomie.js`). Each wasm module keeps its own copy.
    static INTEGRITY: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes the loader's table of hashes (`{ url: "sha384-…" }`); a fetch of one of those files
/// then carries its hash, and the browser refuses a file that does not match.
pub fn set_integrity(table: &JsValue) {
    let Ok(entries) = js_sys::Object::entries(table.unchecked_ref()).dyn_into::<js_sys::Array>()
    else {
        return;
    };
    let pairs = entries
        .iter()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    INTEGRITY.with(|table| *table.borrow_mut() = pairs);
}

/// Adds one file's hash (`sha384-…`) to the table: a national index's manifest lists the
/// hashes of its département files, and the browser then checks each file it fetches.
pub fn add_integrity(url: &str, hash: &str) {
    INTEGRITY.with(|table| {
        let mut table = table.borrow_mut();
        table.retain(|(address, _)| address != url);
        table.push((url.to_string(), hash.to_string()));
    });
}

fn integrity_of(url: &str) -> Option<String> {
    let file = url.split(['?', '#']).next().unwrap_or(url);
    INTEGRITY.with(|table| {
        table
            .borrow()
            .iter()
            .find(|(address, _)| address == file)
            .map(|(_, hash)| hash.clone())
    })
}

/// Longest silence accepted from a server, in milliseconds.
pub const IDLE_TIMEOUT_MS: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Offline, DNS failure, CORS refusal: the request never got an answer.
    Network,
    /// The server stayed silent for [`IDLE_TIMEOUT_MS`] (no answer, or a body that stopped).
    Timeout,
    /// The server answered with an error status (404, 500…).
    Status(u16),
    /// The answer is not of a type we can read (e.g. an HTML error page).
    ContentType(String),
    /// Bigger than the cap set by the caller.
    TooLarge { limit: usize },
    /// Not valid UTF-8 text.
    NotText,
    /// One of the widget's own files arrived changed: it does not match the hash the loader
    /// holds for it, and the browser refused it.
    Integrity,
}

impl FetchError {
    /// Details for the partner's console, in English.
    pub fn detail(&self) -> String {
        match self {
            FetchError::Network => "network error or CORS refusal".into(),
            FetchError::Integrity => {
                "the file does not match its integrity hash; it was not used".into()
            }
            FetchError::Timeout => format!(
                "the server sent nothing for {} s (no answer, or the body stopped)",
                IDLE_TIMEOUT_MS / 1000
            ),
            FetchError::Status(code) => format!("HTTP status {code}"),
            FetchError::ContentType(media) => format!("unexpected content type {media}"),
            FetchError::TooLarge { limit } => format!("file larger than {limit} bytes"),
            FetchError::NotText => "not UTF-8 text".into(),
        }
    }
}

/// GETs a small file (a language file) as UTF-8 text. The whole request, body included,
/// must be over within [`IDLE_TIMEOUT_MS`]: for a few kilobytes, waiting longer means the
/// server is silent. Lighter than [`fetch_bytes`], which the main module does not need.
pub async fn fetch_small_text(
    url: &str,
    accept: &[&str],
    max_bytes: usize,
    retry: bool,
) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let aborter = controller.clone();
    let abort = Closure::once_into_js(move || aborter.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            IDLE_TIMEOUT_MS as i32,
        )
        .ok();
    let result = async {
        let response = request(&window, url, accept, max_bytes, retry, &controller).await?;
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| FetchError::Network)?)
            .await
            .map_err(|_| FetchError::Network)?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        if bytes.length() as usize > max_bytes {
            return Err(FetchError::TooLarge { limit: max_bytes });
        }
        String::from_utf8(bytes.to_vec()).map_err(|_| FetchError::NotText)
    }
    .await;
    let timed_out = controller.signal().aborted();
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    match result {
        Err(_) if timed_out => Err(FetchError::Timeout),
        other => other,
    }
}

/// GETs `url` as UTF-8 text (see [`fetch_bytes`]).
pub async fn fetch_text(
    url: &str,
    accept: &[&str],
    max_bytes: usize,
    retry: bool,
) -> Result<String, FetchError> {
    let bytes = fetch_bytes(url, accept, max_bytes, retry).await?;
    String::from_utf8(bytes).map_err(|_| FetchError::NotText)
}

/// GETs `url`. `accept` lists acceptable media types (an empty list accepts any);
/// `max_bytes` caps what is read, checked on the announced length and on the body as it
/// arrives. `retry`: the person pressed "Réessayer"; the browser's HTTP cache is bypassed, as
/// it may still be waiting on the stalled request for the same address.
pub async fn fetch_bytes(
    url: &str,
    accept: &[&str],
    max_bytes: usize,
    retry: bool,
) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let watchdog = Watchdog::start(&window, controller.clone());
    let result = fetch_with(
        &window,
        url,
        accept,
        max_bytes,
        retry,
        &controller,
        &watchdog,
    )
    .await;
    let timed_out = watchdog.stop(&window);
    match result {
        Err(_) if timed_out => Err(FetchError::Timeout),
        other => other,
    }
}

async fn fetch_with(
    window: &web_sys::Window,
    url: &str,
    accept: &[&str],
    max_bytes: usize,
    retry: bool,
    controller: &web_sys::AbortController,
    watchdog: &Watchdog,
) -> Result<Vec<u8>, FetchError> {
    let response = request(window, url, accept, max_bytes, retry, controller).await?;
    watchdog.heard();
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| FetchError::Network)?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        watchdog.heard();
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| FetchError::Network)?;
        let value: js_sys::Uint8Array = value.dyn_into().map_err(|_| FetchError::Network)?;
        if bytes.len() + value.length() as usize > max_bytes {
            controller.abort();
            return Err(FetchError::TooLarge { limit: max_bytes });
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Sends the request and checks the status, content type and announced length.
async fn request(
    window: &web_sys::Window,
    url: &str,
    accept: &[&str],
    max_bytes: usize,
    retry: bool,
    controller: &web_sys::AbortController,
) -> Result<web_sys::Response, FetchError> {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let checked = integrity_of(url);
    if let Some(integrity) = &checked {
        init.set_integrity(integrity);
    }
    if retry {
        init.set_cache(web_sys::RequestCache::NoStore);
    }
    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(response) => response,
        // The browser refuses a checked file for any reason (no network, an error page that is
        // not the file, a changed file) with the same error: ask again, unchecked and never
        // used, to tell which.
        Err(_) if checked.is_some() => {
            let again = web_sys::RequestInit::new();
            again.set_signal(Some(&controller.signal()));
            again.set_cache(web_sys::RequestCache::NoStore);
            let response = JsFuture::from(window.fetch_with_str_and_init(url, &again))
                .await
                .map_err(|_| FetchError::Network)?;
            let response: web_sys::Response =
                response.dyn_into().map_err(|_| FetchError::Network)?;
            return Err(match response.status() {
                408 | 504 => FetchError::Timeout,
                _ if !response.ok() => FetchError::Status(response.status()),
                _ => FetchError::Integrity,
            });
        }
        Err(_) => return Err(FetchError::Network),
    };
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    match response.status() {
        // A proxy or the offline service worker that gave up waiting (`public/sw.js`).
        408 | 504 => return Err(FetchError::Timeout),
        _ if !response.ok() => return Err(FetchError::Status(response.status())),
        _ => {}
    }
    let headers = response.headers();
    if !accept.is_empty() {
        let content_type = headers
            .get("content-type")
            .ok()
            .flatten()
            .unwrap_or_default();
        let media = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !media.is_empty() && !accept.iter().any(|a| *a == media) {
            return Err(FetchError::ContentType(media));
        }
    }
    if let Some(length) = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.trim().parse::<usize>().ok())
    {
        if length > max_bytes {
            return Err(FetchError::TooLarge { limit: max_bytes });
        }
    }
    Ok(response)
}

/// Aborts a request once the server has been silent for [`IDLE_TIMEOUT_MS`].
struct Watchdog {
    last_heard: Rc<Cell<f64>>,
    fired: Rc<Cell<bool>>,
    interval: Option<i32>,
    _tick: Closure<dyn FnMut()>,
}

impl Watchdog {
    fn start(window: &web_sys::Window, controller: web_sys::AbortController) -> Watchdog {
        let last_heard = Rc::new(Cell::new(js_sys::Date::now()));
        let fired = Rc::new(Cell::new(false));
        let (heard, done) = (last_heard.clone(), fired.clone());
        let tick = Closure::<dyn FnMut()>::new(move || {
            if !done.get() && js_sys::Date::now() - heard.get() > f64::from(IDLE_TIMEOUT_MS) {
                done.set(true);
                controller.abort();
            }
        });
        let interval = window
            .set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                500,
            )
            .ok();
        Watchdog {
            last_heard,
            fired,
            interval,
            _tick: tick,
        }
    }

    /// Something arrived: the silence starts again from now.
    fn heard(&self) {
        self.last_heard.set(js_sys::Date::now());
    }

    /// Stops watching; returns whether the request was aborted for silence.
    fn stop(self, window: &web_sys::Window) -> bool {
        if let Some(handle) = self.interval {
            window.clear_interval_with_handle(handle);
        }
        self.fired.get()
    }
}
