//! Prepares text the wasm carries: the widget's stylesheet, its parts joined and minified (see
//! `src/mount.rs` and `autonomie_core::build_script::STYLESHEET_PARTS`), the French texts of
//! the main module (`content/i18n/main/fr.json`) and its text keys (see
//! `autonomie_core::build_script::module_texts`).

fn main() {
    autonomie_core::build_script::widget_stylesheet();
    autonomie_core::build_script::module_texts(autonomie_core::i18n::TextModule::Main);
}
