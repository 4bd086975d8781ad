//! Small text helpers shared by the parsers and the search.

/// Lowercases, strips French accents and collapses whitespace, so that "Saint-Étienne",
/// "saint etienne" and "SAINT-ETIENNE" compare equal.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ÿ' | 'Ÿ' => 'y',
            'œ' | 'Œ' => {
                flush_space(&mut out, &mut pending_space);
                out.push_str("oe");
                continue;
            }
            'æ' | 'Æ' => {
                flush_space(&mut out, &mut pending_space);
                out.push_str("ae");
                continue;
            }
            '-' | '\'' | '’' | '_' => ' ',
            other => other,
        };
        if base.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        flush_space(&mut out, &mut pending_space);
        if base.is_ascii() {
            out.push(base.to_ascii_lowercase());
        } else {
            out.extend(base.to_lowercase());
        }
    }
    out
}

fn flush_space(out: &mut String, pending: &mut bool) {
    if *pending {
        out.push(' ');
        *pending = false;
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_and_separators() {
        assert_eq!(fold("Saint-Étienne"), "saint etienne");
        assert_eq!(fold("  SAINT   ETIENNE "), "saint etienne");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }
}
