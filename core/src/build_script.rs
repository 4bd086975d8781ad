//! What the wasm modules' build scripts (`build.rs`) share: they prepare text the wasm carries
//! (minified CSS, each module's French texts). Not used at run time. Build scripts report a
//! problem by panicking, so these do too, with the file in the message.

use std::path::{Path, PathBuf};

/// Writes `text` as `name` in the build script's `OUT_DIR`, for `include_str!`.
pub fn write_to_out_dir(name: &str, text: &str) -> PathBuf {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let target = Path::new(&out_dir).join(name);
    std::fs::write(&target, text).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    target
}

/// Compiles in the French texts `module` shows (see [`crate::i18n::text_module`]) as
/// `fr-<name>.json`, and those of another lazily loaded module whose key starts with one of
/// `also` (the widget does not send those).
pub fn module_french(module: crate::i18n::TextModule, name: &str, also: &[&str]) {
    println!("cargo::rerun-if-changed=../content/i18n/fr.json");
    let french = crate::i18n::french_subset(|key| {
        crate::i18n::text_module(key) == module || also.iter().any(|p| key.starts_with(p))
    })
    .unwrap_or_else(|e| panic!("{e}"));
    write_to_out_dir(&format!("fr-{name}.json"), &french);
}
