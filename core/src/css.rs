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
        let css = include_str!("../../src/ui/widget.css");
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

    fn braces_in_comments(css: &str) -> usize {
        css.split("/*")
            .skip(1)
            .map(|rest| rest.split("*/").next().unwrap_or("").matches('{').count())
            .sum()
    }
}
