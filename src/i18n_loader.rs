//! Loads a non-French catalog on demand, one module's file at a time: the main module's texts
//! when the language is chosen, a lazily loaded module's texts when its screen is shown. A
//! French-only visitor never downloads any; a visitor who never reaches the result never
//! downloads its texts.

use std::cell::RefCell;
use std::collections::BTreeMap;

use autonomie_core::i18n::{Catalog, Lang, TextModule};

use crate::net::{fetch_small_text, FetchError};

/// Language files are small; anything bigger is not ours.
const MAX_CATALOG_BYTES: usize = 256 * 1024;

thread_local! {
    static CACHE: RefCell<BTreeMap<String, Catalog>> = const { RefCell::new(BTreeMap::new()) };
}

/// The texts of `module` in `lang` (`i18n/<module>/<lang>.json`); `retry` when the person
/// pressed "Réessayer" (see `net::fetch_bytes`).
pub async fn load(
    base_url: &str,
    lang: Lang,
    module: TextModule,
    retry: bool,
) -> Result<Catalog, FetchError> {
    let file = module.file(lang);
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&file).cloned()) {
        return Ok(hit);
    }
    let url = format!("{base_url}{file}");
    let json = fetch_small_text(
        &url,
        &["application/json", "text/plain"],
        MAX_CATALOG_BYTES,
        retry,
    )
    .await?;
    let catalog = Catalog::from_json(lang, &json).map_err(|_| FetchError::NotText)?;
    CACHE.with(|c| c.borrow_mut().insert(file, catalog.clone()));
    Ok(catalog)
}
