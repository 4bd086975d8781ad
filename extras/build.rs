//! Compiles in the French texts of this module (`content/i18n/extras/fr.json`) and writes its
//! text keys (see `autonomie_core::build_script::module_texts`).

fn main() {
    autonomie_core::build_script::module_texts(autonomie_core::i18n::TextModule::Extras);
}
