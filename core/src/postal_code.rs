//! The French postal code and its département: the one rule, used by the widget's settings (`data-centre`), the
//! places search, the postal-code table and the places screen.
//!
//! A postal code is exactly 5 ASCII digits, as written on an envelope (`69100`, `20000`,
//! `97400`). Surrounding spaces are the caller's to trim; anything else (4 digits, a space
//! inside, a letter, non-ASCII digits) is not a postal code and is read as something else
//! (a commune name, a position) by the caller.

/// Whether `text` is a postal code: 5 ASCII digits, nothing more.
pub fn is_postal_code(text: &str) -> bool {
    text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A postal code as a data file writes it: 5 digits, or 4 when a spreadsheet dropped the
/// leading zero (`1000` for `01000`). Gives the code and whether it was padded; `None` for
/// anything else.
pub fn from_file(raw: &str) -> Option<(String, bool)> {
    if is_postal_code(raw) {
        Some((raw.to_string(), false))
    } else if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) {
        Some((format!("0{raw}"), true))
    } else {
        None
    }
}

/// The département of a French postal code, as [`DEPARTEMENTS`](crate::share_code::DEPARTEMENTS) writes it: Corsica's 20xxx
/// split into 2A (20000–20199) and 2B (20200–20699), overseas 97x on 3 digits.
pub fn departement_of(postal_code: &str) -> Option<&'static str> {
    let code = postal_code.trim();
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let wanted = match &code[..2] {
        "20" => {
            if code < "20200" {
                "2A"
            } else {
                "2B"
            }
        }
        "97" => &code[..3],
        two => two,
    };
    crate::share_code::DEPARTEMENTS
        .iter()
        .copied()
        .find(|d| *d == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_ascii_digits_and_nothing_else() {
        for code in ["69100", "20000", "97400", "01000"] {
            assert!(is_postal_code(code), "{code}");
        }
        for not in [
            "",
            "6910",
            "691000",
            "69 10",
            " 69100",
            "6910a",
            "2A004",
            "٦٩١٠٠",
            "６９１００",
        ] {
            assert!(!is_postal_code(not), "{not:?}");
        }
    }

    #[test]
    fn a_file_may_have_lost_the_leading_zero() {
        assert_eq!(from_file("69100"), Some(("69100".into(), false)));
        assert_eq!(from_file("1000"), Some(("01000".into(), true)));
        for not in ["", "100", "1 000", "A1000", "691000"] {
            assert_eq!(from_file(not), None, "{not:?}");
        }
    }
}
