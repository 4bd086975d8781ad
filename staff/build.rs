//! Compiles in the French texts of this module and of the extras module, whose level, service
//! and national-category names the counts show (the widget sends only its own French), and
//! writes its text keys (see `autonomie_core::build_script::module_texts`).

fn main() {
    autonomie_core::build_script::module_texts(autonomie_core::i18n::TextModule::Staff);
}
