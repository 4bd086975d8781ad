//! A small CSS minifier for the widget's stylesheet, run at build time (`build.rs` of the
//! widget): comments and layout whitespace go, quoted strings stay as written. It knows plain
//! rules and at-rule blocks such as `@media`, not CSS nesting, which the widget does not use.

/// Characters around which whitespace never matters in CSS. `:` is one only inside a block of
/// declarations: in a selector, `a :hover` and `a:hover` differ.
fn is_tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    // For each open block, whether it holds declarations (rather than rules, as `@media`).
    let mut blocks: Vec<bool> = Vec::new();
    let mut prelude_start = 0;
    while let Some(c) = chars.next() {
        let in_declarations = blocks.last() == Some(&true);
        if pending_space && in_declarations && out.ends_with(':') {
            pending_space = false;
        }
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                flush_space(&mut out, &mut pending_space, c);
                match c {
                    '{' => blocks.push(!out[prelude_start..].trim_start().starts_with('@')),
                    '}' => {
                        blocks.pop();
                    }
                    _ => {}
                }
                out.push(c);
                if matches!(c, '{' | '}' | ';') {
                    prelude_start = out.len();
                }
            }
        }
    }
    out
}

/// Writes one space before `next` if whitespace came before it and it matters there.
fn flush_space(out: &mut String, pending_space: &mut bool, next: char) {
    if std::mem::take(pending_space) {
        let after_tight = out.chars().next_back().is_none_or(is_tight);
        if !after_tight && !is_tight(next) {
            out.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::minify;
    use crate::build_script::{read_stylesheet, STYLESHEET_PARTS};

    #[test]
    fn drops_comments_and_layout_whitespace() {
        let css = "/* colours */\n.a  >  .b ,\n.c {\n  color: red;\n  margin: 0 auto;\n}\n";
        assert_eq!(minify(css), ".a>.b,.c{color:red;margin:0 auto}");
    }

    #[test]
    fn keeps_what_changes_meaning() {
        // Descendant combinators, spaces inside strings and values, and `calc` operators.
        let css = ".a :hover, .b .c { font-family: \"Segoe  UI\", 'x /* y */'; width: calc(100% - 2rem) }";
        assert_eq!(
            minify(css),
            ".a :hover,.b .c{font-family:\"Segoe  UI\",'x /* y */';width:calc(100% - 2rem)}"
        );
    }

    #[test]
    fn media_queries_and_nested_blocks_survive() {
        let css = "@media (max-width: 30em) {\n  .a :focus { display: none; }\n}\n";
        assert_eq!(
            minify(css),
            "@media (max-width: 30em){.a :focus{display:none}}"
        );
    }

    #[test]
    fn the_widget_stylesheet_keeps_every_rule() {
        let css = &read_stylesheet();
        let small = minify(css);
        assert!(
            small.len() < css.len() * 9 / 10,
            "{} → {}",
            css.len(),
            small.len()
        );
        let braces = |s: &str, b: char| s.chars().filter(|&c| c == b).count();
        assert_eq!(
            braces(&small, '{'),
            braces(css, '{') - braces_in_comments(css)
        );
        assert_eq!(braces(&small, '{'), braces(&small, '}'));
        assert!(!small.contains("/*"));
    }

    /// Each part of the widget's stylesheet holds whole rules (alone, it minifies to what it
    /// adds to the whole), and no declaration is written in two parts: a rule moved beside a
    /// screen's code was not left behind as well.
    #[test]
    fn each_rule_of_the_widget_stylesheet_is_in_one_part() {
        let parts: Vec<String> = STYLESHEET_PARTS
            .iter()
            .map(|part| {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("..")
                    .join(part);
                minify(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{part}: {e}")))
            })
            .collect();
        assert_eq!(parts.concat(), minify(&read_stylesheet()));
        let mut seen: Vec<(String, &str)> = Vec::new();
        for (part, css) in STYLESHEET_PARTS.iter().zip(&parts) {
            for declaration in declarations(css) {
                match seen.iter().find(|(d, _)| *d == declaration) {
                    Some((_, other)) => assert_eq!(other, part, "{declaration}"),
                    None => seen.push((declaration, part)),
                }
            }
        }
        assert!(seen.len() > 500, "{}", seen.len());
    }

    /// Each declaration of minified CSS as `media|selector|property`: `@media print|.an-sheet
    /// h2|font-size`, one per selector of a list.
    fn declarations(css: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut media = "";
        let mut rest = css;
        while let Some(open) = rest.find('{') {
            let prelude = &rest[..open];
            rest = &rest[open + 1..];
            if prelude.starts_with('@') {
                media = prelude;
                continue;
            }
            let close = rest.find('}').expect("a rule is closed");
            for selector in prelude.split(',') {
                for declaration in rest[..close].split(';') {
                    let property = declaration.split(':').next().unwrap_or("");
                    found.push(format!("{media}|{selector}|{property}"));
                }
            }
            rest = &rest[close + 1..];
            while let Some(after) = rest.strip_prefix('}') {
                media = "";
                rest = after;
            }
        }
        found
    }

    fn braces_in_comments(css: &str) -> usize {
        css.split("/*")
            .skip(1)
            .map(|rest| rest.split("*/").next().unwrap_or("").matches('{').count())
            .sum()
    }
}
