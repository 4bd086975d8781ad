//! Prepares text the wasm carries: the widget's stylesheet, minified (see `src/mount.rs`), the
//! French texts of the main module (`content/i18n/main/fr.json`) and its text keys (see
//! `autonomie_core::build_script::module_texts`).

use autonomie_core::build_script::write_to_out_dir;

fn main() {
    const STYLESHEET: &str = "src/ui/widget.css";
    println!("cargo::rerun-if-changed={STYLESHEET}");
    let css = std::fs::read_to_string(STYLESHEET).unwrap_or_else(|e| panic!("{STYLESHEET}: {e}"));
    write_to_out_dir("widget.min.css", &autonomie_core::css::minify(&css));
    autonomie_core::build_script::module_texts(autonomie_core::i18n::TextModule::Main);
}
