//! Rules the screens' sources keep, checked on the sources themselves.
//!
//! Screens name texts through the constants each module's `build.rs` generates (`crate::k`),
//! so a misspelt key does not compile. `Key::computed` is for keys built from content at run
//! time; a string literal in it would bring back the unchecked key this rule removes.
//!
//! Every screen is written in one shape, `h("p").class("an-hint").child(text)`: over Leptos'
//! views in the main module and the staff view (`ui/src/dom.rs`), as escaped HTML in the
//! lazily loaded module (`ui/src/markup.rs`). HTML text reaches the page only from that
//! builder, in `extras/src/page.rs`.

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

/// The sources of the three wasm modules and what they share.
fn screen_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["src", "extras/src", "staff/src", "ui/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the screens' sources were not found");
    files
}

/// The lines of code (not comments, not unit tests) matching `found`, as `path:line: code`.
fn code_lines(files: &[(String, String)], found: impl Fn(&str) -> bool) -> Vec<String> {
    files
        .iter()
        .flat_map(|(path, text)| {
            let code = text.split("#[cfg(test)]").next().unwrap_or(text);
            code.lines()
                .enumerate()
                .filter(|(_, line)| !line.trim_start().starts_with("//") && found(line))
                .map(move |(n, line)| format!("{path}:{}: {}", n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn screens_never_name_a_text_key_with_a_literal() {
    let files = screen_sources();
    // Unit tests may build keys of their own test catalogs.
    let literal = code_lines(&files, |line| line.contains("Key::computed(\""));
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

#[test]
fn every_screen_is_written_in_one_view_shape() {
    let files = screen_sources();
    // The shapes the screens were written in before: the chained HTML writer and the
    // `el(tag, attrs, children)` calls.
    let earlier = code_lines(&files, |line| {
        [
            "Markup",
            ".open_class(",
            ".leaf(",
            ".leaf_class(",
            " el(\"",
            "(el(\"",
            "text_el(",
        ]
        .iter()
        .any(|shape| line.contains(shape))
    });
    assert!(
        earlier.is_empty(),
        "write views with h(\"tag\").class(…).child(…):\n{}",
        earlier.join("\n")
    );
    for dir in ["/src/", "/extras/src/", "/staff/src/"] {
        let builders = code_lines(&files, |line| line.contains("h(\""))
            .into_iter()
            .filter(|line| line.contains(dir) && !line.contains("/ui/src/"))
            .count();
        assert!(builders > 10, "{dir} no longer builds its views with h()");
    }
    // HTML text only from the builder (`Html`, escaped) or nothing at all.
    let html = code_lines(&files, |line| line.contains("inner_html("));
    let unchecked: Vec<&String> = html
        .iter()
        .filter(|line| !(line.contains(".as_str())") || line.contains("inner_html(\"\")")))
        .collect();
    assert!(
        unchecked.is_empty(),
        "HTML put in the page from elsewhere than the builder:\n{}",
        unchecked
            .iter()
            .map(|line| line.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        html.iter()
            .filter(|line| line.contains(".as_str())"))
            .all(|line| line.contains("extras/src/page.rs")),
        "HTML text goes in the page only in extras/src/page.rs:\n{}",
        html.join("\n")
    );
}
