//! Fetching the widget's own files and partner data, with the failures a person can meet
//! turned into plain outcomes.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Offline, DNS failure, CORS refusal: the request never got an answer.
    Network,
    /// The server answered with an error status (404, 500…).
    Status(u16),
    /// The answer is not of a type we can read (e.g. an HTML error page).
    ContentType(String),
    /// Bigger than the cap set by the caller.
    TooLarge { limit: usize },
    /// Not valid UTF-8 text.
    NotText,
}

/// GETs `url` as text. `accept` lists acceptable media types (an empty list accepts any);
/// `max_bytes` caps what is read, checked on the announced length and on the body.
pub async fn fetch_text(
    url: &str,
    accept: &[&str],
    max_bytes: usize,
) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
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
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if bytes.length() as usize > max_bytes {
        return Err(FetchError::TooLarge { limit: max_bytes });
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| FetchError::NotText)
}
