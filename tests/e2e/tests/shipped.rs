//! What the release build ships, read from `dist/` without a browser.

use std::path::{Path, PathBuf};

fn shipped_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dist is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            shipped_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A panic names a file and a line; it must never name the build machine's folders (its home,
/// its cargo registry, the checkout). Issue 11: the wasm held 32 such paths.
#[test]
fn no_shipped_file_holds_a_path_of_the_build_machine() {
    let dist = autonomie_e2e::dist_dir();
    assert!(
        dist.join("autonomie.js").is_file(),
        "build first (scripts/test.sh does)"
    );
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let cargo_home = std::env::var("CARGO_HOME").unwrap_or_else(|_| format!("{home}/.cargo"));
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the checkout");
    let needles = [
        format!("{home}/"),
        format!("{cargo_home}/"),
        "/.cargo/registry/".to_string(),
        format!("{}/", checkout.display()),
    ];
    let mut files = Vec::new();
    shipped_files(&dist, &mut files);
    let mut found = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("a shipped file");
        for needle in &needles {
            let count = bytes
                .windows(needle.len())
                .filter(|w| *w == needle.as_bytes())
                .count();
            if count > 0 {
                found.push(format!("{}: {count} × {needle}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "build paths in shipped files:\n{}",
        found.join("\n")
    );
    // The wasm still says where a panic happened, relative to the crate.
    let wasm = std::fs::read(dist.join("autonomie-app_bg.wasm")).expect("the main module");
    let relative = b"/cargo/registry/";
    assert!(
        wasm.windows(relative.len()).any(|w| w == relative),
        "expected remapped dependency paths (/cargo/registry/…) in the main module"
    );
}

/// The main module finds each screen of a lazily loaded module by the name
/// `autonomie_ui::contract::LazyScreen` gives it: each built module exports every one.
#[test]
fn every_lazily_loaded_screen_is_exported_under_its_contract_name() {
    use autonomie_ui::contract::{LazyModule, LazyScreen};
    let dist = autonomie_e2e::dist_dir();
    for module in LazyModule::ALL {
        let file = dist.join(format!("autonomie-{}.js", module.name()));
        let glue = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e} (build first)", file.display()));
        let screens: Vec<LazyScreen> = LazyScreen::ALL
            .into_iter()
            .filter(|s| s.module() == module)
            .collect();
        assert!(!screens.is_empty(), "{module:?} has no screen");
        for screen in screens {
            assert!(
                glue.contains(&format!("export function {}(", screen.export())),
                "{} does not export {} ({screen:?})",
                file.display(),
                screen.export()
            );
        }
    }
}
