//! Screens name texts through the constants each module's `build.rs` generates (`crate::k`),
//! so a misspelt key does not compile. `Key::computed` is for keys built from content at run time; a string
//! literal in it would bring back the unchecked key this rule removes.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn screens_never_name_a_text_key_with_a_literal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["src", "extras/src", "staff/src", "ui/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the screens' sources were not found");
    let literal = files
        .iter()
        .flat_map(|(path, text)| {
            // Unit tests may build keys of their own test catalogs.
            let code = text.split("#[cfg(test)]").next().unwrap_or(text);
            code.lines()
                .enumerate()
                .filter(|(_, line)| line.contains("Key::computed(\""))
                .map(move |(n, line)| format!("{path}:{}: {}", n + 1, line.trim()))
        })
        .collect::<Vec<_>>();
    assert!(
        literal.is_empty(),
        "use the generated constant (k::…) instead:\n{}",
        literal.join("\n")
    );
    let uses = files
        .iter()
        .filter(|(_, text)| text.contains("k::"))
        .count();
    assert!(uses > 10, "the screens no longer use the generated keys");
}
