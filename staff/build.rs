//! Compiles in the French texts only this module shows (keys starting with "staff."): the
//! main module leaves them out (see `autonomie_core::i18n::MODULE_KEY_PREFIXES`).

fn main() {
    println!("cargo::rerun-if-changed=../content/i18n/fr.json");
    let french = autonomie_core::i18n::french_subset(|key| key.starts_with("staff."))
        .unwrap_or_else(|e| panic!("{e}"));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let target = std::path::Path::new(&out_dir).join("fr-staff.json");
    std::fs::write(&target, french).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
