//! Compiles in the French texts only this module shows: the main module leaves them out
//! (see `autonomie_core::i18n::text_module`).

fn main() {
    // The counts name levels, domains' columns, services and national categories: texts the
    // extras module shows too.
    autonomie_core::build_script::module_french(
        autonomie_core::i18n::TextModule::Staff,
        "staff",
        &[
            "level.",
            "service.",
            "national.category.",
            "result.table_domain",
        ],
    );
}
