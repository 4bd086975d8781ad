//! Compiles in the French texts only this module shows: the main module leaves them out
//! (see `autonomie_core::i18n::text_module`).

fn main() {
    autonomie_core::build_script::module_french(
        autonomie_core::i18n::TextModule::Extras,
        "extras",
        &[],
    );
}
