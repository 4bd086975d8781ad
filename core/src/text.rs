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
        out.push(lower(base));
    }
    out
}

/// The lower case of the letters people type in this widget's languages: ASCII, Latin-1,
/// œ and Cyrillic; other characters as they are. The standard `char::to_lowercase` would carry
/// Unicode's whole case table into the wasm (about 11 KB) for letters nobody types here.
fn lower(c: char) -> char {
    let shifted = |c: char, by: u32| char::from_u32(c as u32 + by).unwrap_or(c);
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' => shifted(c, 32),
        'Ѐ'..='Џ' => shifted(c, 80),
        'Œ' => 'œ',
        'Ґ' => 'ґ',
        other => other,
    }
}

/// The upper case of those letters (see [`lower`]).
fn upper(c: char) -> char {
    let shifted = |c: char, by: u32| char::from_u32(c as u32 - by).unwrap_or(c);
    match c {
        'a'..='z' | 'à'..='ö' | 'ø'..='þ' | 'а'..='я' => shifted(c, 32),
        'ѐ'..='џ' => shifted(c, 80),
        'œ' => 'Œ',
        'ґ' => 'Ґ',
        other => other,
    }
}

/// The first letter in upper case ("envoyer un e-mail" → "Envoyer un e-mail"), for a step
/// written as a goal and shown as a list item. Arabic has no case: unchanged.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
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
        assert_eq!(fold("ÎLE-DE-FRANCE"), "ile de france");
        assert_eq!(fold("КИЇВ Ґанок"), "київ ґанок");
    }

    #[test]
    fn capitalizes_the_languages_of_the_widget() {
        use super::capitalize;
        assert_eq!(capitalize("envoyer un e-mail"), "Envoyer un e-mail");
        assert_eq!(capitalize("écrire un CV"), "Écrire un CV");
        assert_eq!(capitalize("œuvre"), "Œuvre");
        assert_eq!(capitalize("надіслати лист"), "Надіслати лист");
        assert_eq!(capitalize("їжа"), "Їжа");
        assert_eq!(capitalize("إرسال"), "إرسال");
        assert_eq!(capitalize(""), "");
    }
}
