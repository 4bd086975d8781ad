//! Import cycles between the modules of one crate, read from its source files.
//!
//! A module is a file (`src/a.rs`, `src/a/b.rs`, `src/a/mod.rs` is `a`); it depends on every
//! module it names through `crate::…`, in a `use` (braces included) or inline. Test modules
//! (everything after the first `#[cfg(test)]` of a file) and comment lines are left out: tests
//! may look anywhere, and docs may link anywhere. A cycle is reported as the modules on it, in
//! order. Code is read as text, not parsed: a `crate::x` inside a string counts too, which errs
//! on the side of reporting.

use std::collections::{BTreeMap, BTreeSet};

/// Module name (`state`, `ui::print`) → the crate modules it uses.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// The module name of a file path relative to `src/` (`ui/mod.rs` → `ui`); `lib.rs` and
/// `main.rs` are the crate root, named `crate`.
pub fn module_of(relative: &str) -> String {
    let path = relative.trim_end_matches(".rs").replace('\\', "/");
    let path = path.strip_suffix("/mod").unwrap_or(&path);
    match path {
        "lib" | "main" => "crate".to_string(),
        other => other.replace('/', "::"),
    }
}

/// Every `crate::a::b::…` path in `source` (before its tests), `use` groups expanded.
pub fn crate_paths(source: &str) -> Vec<String> {
    let before_tests = source.split("#[cfg(test)]").next().unwrap_or(source);
    let code: String = before_tests
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let preceded_by_ident = rest[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if !preceded_by_ident {
            let end = group_end(after);
            expand("", &after[..end], &mut paths);
        }
        rest = after;
    }
    paths
}

/// Where a path starting at `text` ends: after its `{…}` group if it has one.
fn group_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

fn expand(prefix: &str, text: &str, out: &mut Vec<String>) {
    let text = text.trim();
    if let Some(open) = text.find('{') {
        let head = text[..open].trim_end_matches("::");
        let inner = text[open + 1..]
            .strip_suffix('}')
            .unwrap_or(&text[open + 1..]);
        let prefix = join(prefix, head);
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    expand(&prefix, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&prefix, &inner[start..], out);
    } else {
        let item = text.split(" as ").next().unwrap_or("").trim();
        if !item.is_empty() && item != "self" {
            out.push(join(prefix, item));
        } else if item == "self" && !prefix.is_empty() {
            out.push(prefix.to_string());
        }
    }
}

fn join(prefix: &str, item: &str) -> String {
    match (prefix.is_empty(), item.is_empty()) {
        (true, _) => item.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}::{item}"),
    }
}

/// The graph of `files` (path relative to `src/`, source text).
pub fn graph(files: &[(String, String)]) -> Graph {
    let modules: BTreeSet<String> = files.iter().map(|(path, _)| module_of(path)).collect();
    let mut graph = Graph::new();
    for (path, source) in files {
        let module = module_of(path);
        let mut uses = BTreeSet::new();
        for used in crate_paths(source) {
            // The longest prefix of the path that is a module.
            let parts: Vec<&str> = used.split("::").collect();
            let found = (1..=parts.len())
                .rev()
                .map(|n| parts[..n].join("::"))
                .find(|candidate| modules.contains(candidate));
            if let Some(found) = found.filter(|f| *f != module) {
                uses.insert(found);
            }
        }
        graph.insert(module, uses);
    }
    graph
}

/// Every cycle of `graph`, each as the modules on it (first module the smallest name), each
/// reported once.
pub fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
    for start in graph.keys() {
        let mut path = vec![start.clone()];
        walk(graph, start, &mut path, &mut found);
    }
    found.into_iter().collect()
}

fn walk(graph: &Graph, start: &str, path: &mut Vec<String>, found: &mut BTreeSet<Vec<String>>) {
    let Some(last) = path.last().cloned() else {
        return;
    };
    for next in graph.get(&last).into_iter().flatten() {
        if next == start {
            // Only the rotation that starts at its smallest module, so each cycle once.
            if path.iter().all(|m| m.as_str() >= start) {
                found.insert(path.clone());
            }
        } else if !path.contains(next) && next.as_str() > start {
            path.push(next.clone());
            walk(graph, start, path, found);
            path.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(p, s)| (p.to_string(), s.to_string()))
            .collect()
    }

    #[test]
    fn modules_are_named_as_rust_names_them() {
        assert_eq!(module_of("lib.rs"), "crate");
        assert_eq!(module_of("ui/mod.rs"), "ui");
        assert_eq!(module_of("ui/print.rs"), "ui::print");
        assert_eq!(module_of("state.rs"), "state");
    }

    #[test]
    fn use_groups_and_inline_paths_are_read() {
        let paths = crate_paths(
            "use crate::a::{b, c::{d, e as f}, self};\nuse crate::g;\n/// See [`crate::z`].\nfn x() { crate::h::i(); my_crate::j(); }\n#[cfg(test)]\nuse crate::k;",
        );
        assert_eq!(paths, ["a::b", "a::c::d", "a::c::e", "a", "g", "h::i"]);
    }

    #[test]
    fn a_cycle_is_found_and_a_layering_is_not() {
        let layered = graph(&files(&[
            ("lib.rs", "mod a; mod b; mod c;"),
            ("a.rs", "use crate::b::Thing;"),
            ("b.rs", "use crate::c;"),
            ("c.rs", "fn f() {}\n#[cfg(test)]\nmod t { use crate::a; }"),
        ]));
        assert!(cycles(&layered).is_empty(), "{layered:?}");
        let cyclic = graph(&files(&[
            ("a.rs", "use crate::b::Thing;"),
            ("b.rs", "use crate::{c::X, d};"),
            ("c.rs", "fn f() { crate::a::g(); }"),
            ("d.rs", ""),
            ("ui/mod.rs", "use crate::ui::view::V;"),
            ("ui/view.rs", "use crate::ui::Ctx;"),
        ]));
        assert_eq!(
            cycles(&cyclic),
            [vec!["a", "b", "c"], vec!["ui", "ui::view"]]
        );
    }
}
