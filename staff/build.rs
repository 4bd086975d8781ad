//! Compiles in the French texts only this module shows (keys starting with "staff."): the
//! main module leaves them out (see `autonomie_core::i18n::MODULE_KEY_PREFIXES`).

fn main() {
    autonomie_core::build_script::module_french("staff.", "staff");
}
