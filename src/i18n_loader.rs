//! Loads a non-French catalog on demand, so French-only visitors never download the others.

use std::cell::RefCell;
use std::collections::BTreeMap;

use autonomie_core::i18n::{Catalog, Lang};

use crate::net::{fetch_small_text, FetchError};

/// Language files are small; anything bigger is not ours.
const MAX_CATALOG_BYTES: usize = 256 * 1024;

thread_local! {
    static CACHE: RefCell<BTreeMap<&'static str, Catalog>> = const { RefCell::new(BTreeMap::new()) };
}

/// The catalog of `lang`; `retry` when the person pressed "Réessayer" (see `net::fetch_bytes`).
pub async fn load(base_url: &str, lang: Lang, retry: bool) -> Result<Catalog, FetchError> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(lang.code()).cloned()) {
        return Ok(hit);
    }
    let url = format!("{base_url}i18n/{}.json", lang.code());
    let json = fetch_small_text(
        &url,
        &["application/json", "text/plain"],
        MAX_CATALOG_BYTES,
        retry,
    )
    .await?;
    let catalog = Catalog::from_json(lang, &json).map_err(|_| FetchError::NotText)?;
    CACHE.with(|c| c.borrow_mut().insert(lang.code(), catalog.clone()));
    Ok(catalog)
}
