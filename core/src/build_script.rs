//! What the wasm modules' build scripts (`build.rs`) share: they prepare text the wasm carries
//! (minified CSS, each module's French texts and text keys). Not used at run time. Build scripts report a
//! problem by panicking, so these do too, with the file in the message.

use std::path::{Path, PathBuf};

/// Writes `text` as `name` in the build script's `OUT_DIR`, for `include_str!`.
pub fn write_to_out_dir(name: &str, text: &str) -> PathBuf {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let target = Path::new(&out_dir).join(name);
    std::fs::write(&target, text).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    target
}

/// Prepares a wasm module's texts: the French of the files it reads except the main module's
/// (`fr-<folder>.json`; the widget sends its own French texts to the module it mounts), see
/// [`crate::i18n::TextModule`], and `keys.rs`, one constant per key of the files it reads
/// (`TextModule::reads`), for `mod k { include!(…) }`: a screen naming a text its module
/// cannot show does not compile.
pub fn module_texts(module: crate::i18n::TextModule) {
    for read in module.reads() {
        println!(
            "cargo::rerun-if-changed={}/content/i18n/{}/fr.json",
            workspace_root().display(),
            read.folder()
        );
    }
    let compiled: Vec<crate::i18n::TextModule> = module
        .reads()
        .iter()
        .copied()
        .filter(|m| *m == module || *m != crate::i18n::TextModule::Main)
        .collect();
    let french = crate::i18n::french_of(&compiled).unwrap_or_else(|e| panic!("{e}"));
    write_to_out_dir(&format!("fr-{}.json", module.folder()), &french);
    let files: Vec<&str> = module.reads().iter().map(|m| m.french_json()).collect();
    let keys = crate::i18n::key_constants(&files).unwrap_or_else(|e| panic!("{e}"));
    write_to_out_dir("keys.rs", &keys);
}

/// The widget's stylesheet, part by part, in the order they are joined (paths from the
/// workspace's folder): the shared rules and most screens', then the rules of the screens that
/// keep their CSS beside their code. The order is the cascade's: a later rule wins a tie.
pub const STYLESHEET_PARTS: [&str; 4] = [
    "src/ui/widget.css",
    "extras/src/places_ui/places.css",
    "extras/src/results/summary/summary.css",
    "staff/src/staff_ui/staff.css",
];

/// The widget's stylesheet as written: its [`STYLESHEET_PARTS`] joined, each after the other.
pub fn read_stylesheet() -> String {
    let mut css = String::new();
    for part in STYLESHEET_PARTS {
        let path = workspace_root().join(part);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        css.push_str(&text);
    }
    css
}

/// Prepares the main module's stylesheet: its parts joined and minified, as `widget.min.css`
/// (see [`crate::css::minify`]).
pub fn widget_stylesheet() {
    for part in STYLESHEET_PARTS {
        println!(
            "cargo::rerun-if-changed={}/{part}",
            workspace_root().display()
        );
    }
    write_to_out_dir("widget.min.css", &crate::css::minify(&read_stylesheet()));
}

/// The workspace's folder (the core crate is one level below it).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}
