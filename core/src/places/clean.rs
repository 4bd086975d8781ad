//! Defensive normalization of values coming from partner files: plain text, safe URLs,
//! phone numbers usable in `tel:` links, e-mail addresses usable in `mailto:` links.

/// Removes control and bidirectional-override characters, turns any whitespace run into one
/// space, reads a fullwidth quote `＂` as `"` and trims. Text stays plain text: the UI escapes it when rendering.
pub fn clean_text(raw: &str) -> String {
    if is_clean(raw) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_invisible_hazard(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        // The national export writes a quote inside a cell as a fullwidth one.
        out.push(if c == FULLWIDTH_QUOTE { '"' } else { c });
    }
    out
}

/// U+FF02, which the national places export writes instead of `"`.
const FULLWIDTH_QUOTE: char = '\u{ff02}';

/// Already what [`clean_text`] would return (the common case, checked without allocating).
fn is_clean(raw: &str) -> bool {
    // One pass: no leading, trailing or double space, no other whitespace, nothing invisible.
    let mut after_space = true;
    for c in raw.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_ascii_graphic() {
            // The common case, decided without the Unicode tables.
            after_space = false;
        } else if c.is_whitespace() || is_invisible_hazard(c) || c == FULLWIDTH_QUOTE {
            return false;
        } else {
            after_space = false;
        }
    }
    raw.is_empty() || !after_space
}

/// Control characters (C0, DEL, C1), bidi overrides and isolates (they can reverse how a name
/// or URL reads), zero-width characters and the BOM.
fn is_invisible_hazard(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Cuts `text` to at most `max_chars` characters, ending with `…` when cut.
/// Returns whether it was cut.
pub fn truncate_chars(text: &mut String, max_chars: usize) -> bool {
    // A string has at least as many bytes as characters.
    if text.len() <= max_chars {
        return false;
    }
    if max_chars == 0 {
        let cut = !text.is_empty();
        text.clear();
        return cut;
    }
    match text.char_indices().nth(max_chars) {
        None => false,
        Some(_) => {
            // Keep max_chars - 1 characters and the ellipsis.
            let end = text
                .char_indices()
                .nth(max_chars - 1)
                .map_or(text.len(), |(i, _)| i);
            text.truncate(end);
            text.push('…');
            true
        }
    }
}

/// Longest URL kept; longer ones are dropped, not cut (a cut URL points elsewhere).
pub const MAX_URL_LEN: usize = 2000;

/// `Some(url)` only for an absolute `http:` or `https:` URL with a host, trimmed, with its
/// scheme lowercased. `None` for `javascript:`, `data:`, `vbscript:`, relative URLs,
/// credentials in the URL (`https://bank.fr@evil.example`), spaces, quotes, angle brackets,
/// backslashes or control characters.
///
/// ```
/// use autonomie_core::places::safe_url;
/// assert_eq!(safe_url(" HTTPS://Exemple.fr/a?b=1 ").as_deref(), Some("https://Exemple.fr/a?b=1"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("www.exemple.fr"), None);
/// ```
pub fn safe_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    if url.len() > MAX_URL_LEN {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let forbidden = |c: char| {
        c.is_whitespace()
            || is_invisible_hazard(c)
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^'
            )
    };
    if rest.chars().any(forbidden) {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if authority.contains('@') {
        return None;
    }
    // An IPv6 literal holds colons itself: the port is what follows its closing bracket.
    let (host, port) = if authority.starts_with('[') {
        let close = authority.find(']')? + 1;
        let port = &authority[close..];
        if !port.is_empty() && !port.starts_with(':') {
            return None;
        }
        (&authority[..close], port.trim_start_matches(':'))
    } else {
        authority.split_once(':').unwrap_or((authority, ""))
    };
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let host_ok = if let Some(ip) = host.strip_prefix('[') {
        ip.len() > 1
            && ip[..ip.len() - 1]
                .chars()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'))
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    if !host_ok {
        return None;
    }
    Some(format!("{scheme}://{rest}"))
}

/// Normalizes a phone number for a `tel:` link: digits with a leading `+` when the country
/// is known. French national numbers (`01 23 45 67 89`) become `+33123456789`, overseas
/// departments get their own code (`0590…` → `+590…`), `00` becomes `+`, and the `(0)` of
/// "+33 (0)1…" is dropped. `None` when it is not a phone number (letters, too few or too many
/// digits).
///
/// ```
/// use autonomie_core::places::normalize_phone;
/// assert_eq!(normalize_phone("01 23 45 67 89").as_deref(), Some("+33123456789"));
/// assert_eq!(normalize_phone("+33 (0)6.12.34.56.78").as_deref(), Some("+33612345678"));
/// assert_eq!(normalize_phone("appelez-nous"), None);
/// ```
pub fn normalize_phone(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw.replace("(0)", "");
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in raw.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => return None,
        }
    }
    if !plus && digits.starts_with("00") {
        plus = true;
        digits.drain(..2);
    }
    if plus {
        // "+330612345678": the national 0 kept after the country code.
        if digits.starts_with("330") && digits.len() == 12 {
            digits.remove(2);
        }
        return (8..=15)
            .contains(&digits.len())
            .then(|| format!("+{digits}"));
    }
    if digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00") {
        let country = overseas_code(&digits).unwrap_or("33");
        return Some(format!("+{country}{}", &digits[1..]));
    }
    None
}

/// Country code of a French overseas national number (10 digits, leading 0), `None` for
/// mainland France.
fn overseas_code(national: &str) -> Option<&'static str> {
    const PREFIXES: [(&str, &str); 12] = [
        ("0590", "590"),
        ("0690", "590"),
        ("0691", "590"),
        ("0594", "594"),
        ("0694", "594"),
        ("0262", "262"),
        ("0269", "262"),
        ("0639", "262"),
        ("0692", "262"),
        ("0693", "262"),
        ("0596", "596"),
        ("0696", "596"),
    ];
    PREFIXES
        .into_iter()
        .find(|(prefix, _)| national.starts_with(prefix))
        .map(|(_, code)| code)
}

/// A normalized number as people write it: `+33123456789` → `01 23 45 67 89`, overseas
/// numbers likewise with their national prefix; other countries unchanged.
pub fn display_phone(normalized: &str) -> String {
    let national = match normalized.strip_prefix("+33") {
        Some(rest) if rest.len() == 9 => format!("0{rest}"),
        _ => {
            let overseas = ["590", "594", "262", "596"]
                .into_iter()
                .find_map(|code| normalized.strip_prefix('+')?.strip_prefix(code));
            match overseas {
                // +590 590 12 34 56 → 0590 12 34 56
                Some(rest) if rest.len() == 9 => format!("0{rest}"),
                _ => return normalized.to_string(),
            }
        }
    };
    let mut out = String::with_capacity(14);
    for (i, c) in national.chars().enumerate() {
        if i > 0 && i % 2 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `Some(address)` for something shaped like an e-mail address (one `@`, a dot in the
/// domain, no spaces or characters that could break a `mailto:` link).
pub fn safe_email(raw: &str) -> Option<String> {
    let email = raw.trim().trim_start_matches("mailto:");
    if email.len() > 254 {
        return None;
    }
    let (local, domain) = email.split_once('@')?;
    let bad = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '@' | '"'
                    | '\''
                    | '<'
                    | '>'
                    | '('
                    | ')'
                    | ','
                    | ';'
                    | ':'
                    | '\\'
                    | '['
                    | ']'
                    | '?'
                    | '&'
                    | '/'
                    | '#'
                    | '%'
            )
    };
    let ok = !local.is_empty()
        && !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !local.chars().any(bad)
        && !domain.chars().any(bad);
    ok.then(|| email.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_loses_controls_and_extra_spaces() {
        assert_eq!(
            clean_text("  a\u{0}b\t\n c\u{202e}d\u{1b}[31m "),
            "ab cd[31m"
        );
        assert_eq!(clean_text("\u{feff}Nom"), "Nom");
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        let mut s = "ééééé".to_string();
        assert!(truncate_chars(&mut s, 3));
        assert_eq!(s, "éé…");
        let mut short = "abc".to_string();
        assert!(!truncate_chars(&mut short, 3));
        assert_eq!(short, "abc");
    }

    #[test]
    fn urls_with_ports_and_ipv6_are_kept() {
        assert!(safe_url("http://exemple.fr:8080/x").is_some());
        assert!(safe_url("http://[::1]:8080/").is_some());
        assert!(safe_url("http://[::1]/").is_some());
        assert!(safe_url("http://exemple.fr:80a/").is_none());
        assert!(safe_url("https://").is_none());
        assert!(safe_url("https:///chemin").is_none());
    }

    #[test]
    fn overseas_numbers_get_their_country_code() {
        assert_eq!(
            normalize_phone("0590 12 34 56").as_deref(),
            Some("+590590123456")
        );
        assert_eq!(
            normalize_phone("0692123456").as_deref(),
            Some("+262692123456")
        );
        assert_eq!(display_phone("+590590123456"), "05 90 12 34 56");
        assert_eq!(display_phone("+33180059880"), "01 80 05 98 80");
        assert_eq!(display_phone("+3225551234"), "+3225551234");
    }
}
