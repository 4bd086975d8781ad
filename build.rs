//! Prepares text the wasm carries: the widget's stylesheet, minified (see `src/mount.rs`), and
//! the French texts of the main module, without those only a lazily loaded module shows (see
//! `autonomie_core::i18n::text_module`).

use autonomie_core::build_script::write_to_out_dir;

fn main() {
    const STYLESHEET: &str = "src/ui/widget.css";
    println!("cargo::rerun-if-changed={STYLESHEET}");
    println!("cargo::rerun-if-changed=content/i18n/fr.json");
    let css = std::fs::read_to_string(STYLESHEET).unwrap_or_else(|e| panic!("{STYLESHEET}: {e}"));
    write_to_out_dir("widget.min.css", &autonomie_core::css::minify(&css));
    let french = autonomie_core::i18n::french_subset(autonomie_core::i18n::main_module_key)
        .unwrap_or_else(|e| panic!("{e}"));
    write_to_out_dir("fr-main.json", &french);
}
