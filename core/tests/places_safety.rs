//! Safe links, phone numbers, e-mails, inert HTML, and parsers that never panic.

use autonomie_core::places::{
    display_phone, normalize_phone, parse_places, safe_email, safe_url, Gazetteer, OpeningHours,
};
use proptest::prelude::*;

#[test]
fn only_http_and_https_urls_are_safe() {
    for (raw, expected) in [
        ("https://exemple.fr", Some("https://exemple.fr")),
        (
            "http://exemple.fr/a?b=c#d",
            Some("http://exemple.fr/a?b=c#d"),
        ),
        (
            "  HTTPS://Exemple.FR/Chemin  ",
            Some("https://Exemple.FR/Chemin"),
        ),
        ("HtTp://exemple.fr:8080/", Some("http://exemple.fr:8080/")),
        ("https://mairie-évry.fr/", Some("https://mairie-évry.fr/")),
        (
            "https://exemple.fr/%3Cscript%3E",
            Some("https://exemple.fr/%3Cscript%3E"),
        ),
    ] {
        assert_eq!(safe_url(raw).as_deref(), expected, "{raw:?}");
    }
    for raw in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript://exemple.fr/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://exemple.fr",
        "mailto:a@b.fr",
        "//exemple.fr/chemin",
        "/chemin/relatif",
        "exemple.fr",
        "www.exemple.fr",
        "https://",
        "https:// exemple.fr",
        "https://exemple.fr/a b",
        "https://exemple.fr/\"onmouseover=\"alert(1)",
        "https://exemple.fr/<script>",
        "https://exemple.fr\\@evil.example",
        "https://banque.fr@evil.example/",
        "https://user:pass@exemple.fr/",
        "https://exemple.fr\u{202e}rf.live",
        "https://exemple.fr\n/x",
        "https://.exemple.fr",
        "https://-exemple.fr",
        "https://exemple.fr:80a/",
        "http:exemple.fr",
        "",
    ] {
        assert_eq!(safe_url(raw), None, "{raw:?} must be refused");
    }
    let long = format!("https://exemple.fr/{}", "a".repeat(3000));
    assert_eq!(safe_url(&long), None);
}

#[test]
fn phones_become_tel_links_or_nothing() {
    for (raw, expected) in [
        ("+33180059880", "+33180059880"),
        ("01 80 05 98 80", "+33180059880"),
        ("01.80.05.98.80", "+33180059880"),
        ("01-80-05-98-80", "+33180059880"),
        ("0033 1 80 05 98 80", "+33180059880"),
        ("+33 (0)1 80 05 98 80", "+33180059880"),
        ("+330180059880", "+33180059880"),
        ("0596 12 34 56", "+596596123456"),
        ("06 94 12 34 56", "+594694123456"),
        ("+32 2 555 12 34", "+3225551234"),
    ] {
        assert_eq!(normalize_phone(raw).as_deref(), Some(expected), "{raw:?}");
    }
    for raw in [
        "",
        "appelez-nous",
        "01 80 05 98 8O",
        "javascript:alert(1)",
        "3939",
        "018005988",
        "+33 1 80 05 98 80 poste 12",
        "+1234567890123456",
        "01 80 05 98 80 / 06 12 34 56 78",
        "++33180059880",
    ] {
        assert_eq!(normalize_phone(raw), None, "{raw:?} must be refused");
    }
    assert_eq!(display_phone("+33180059880"), "01 80 05 98 80");
    assert_eq!(display_phone("+596596123456"), "05 96 12 34 56");
}

#[test]
fn emails_for_mailto_links() {
    assert_eq!(
        safe_email(" contact@exemple.fr ").as_deref(),
        Some("contact@exemple.fr")
    );
    assert_eq!(
        safe_email("mailto:contact@exemple.fr").as_deref(),
        Some("contact@exemple.fr")
    );
    for raw in [
        "contact",
        "contact@",
        "@exemple.fr",
        "a@b",
        "a@@b.fr",
        "a b@c.fr",
        "a@b.fr?subject=x",
        "a@b.fr>",
        "\"a\"@b.fr",
        "a@.fr",
        "a@b.fr.",
        "a,b@c.fr",
    ] {
        assert_eq!(safe_email(raw), None, "{raw:?}");
    }
}

#[test]
fn script_in_a_name_survives_as_inert_text() {
    let csv = "id,nom,commune,code_postal,adresse,horaires\n\
               x,\"<script>alert('lieu')</script>\",<b>Lyon</b>,69001,\"<img src=x onerror=alert(1)>\",<i>Mo</i>\n";
    let report = parse_places(csv.as_bytes()).map_err(|e| e.to_string());
    let place = report.as_ref().ok().and_then(|r| r.places.first());
    // Kept verbatim as text: no tag stripped, nothing decoded, nothing executed. The UI sets
    // it as text content, which the browser escapes.
    assert_eq!(
        place.map(|p| p.nom.as_str()),
        Some("<script>alert('lieu')</script>")
    );
    assert_eq!(place.map(|p| p.commune.as_str()), Some("<b>Lyon</b>"));
    assert_eq!(
        place.map(|p| p.adresse.as_str()),
        Some("<img src=x onerror=alert(1)>")
    );
    // The card the places screen shows carries the same text, still as text.
    let card = place.map(|p| autonomie_core::places::PlaceCard::new(p, None, None));
    assert_eq!(
        card.map(|c| c.name),
        Some("<script>alert('lieu')</script>".to_string())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parsing_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(report) = parse_places(&bytes) {
            prop_assert_eq!(report.places.len() + report.skipped.len(), report.rows_read);
        }
        let _ = Gazetteer::parse(&bytes);
        let _ = autonomie_core::places::build_from_communes(&bytes);
    }

    #[test]
    fn parsing_csv_like_text_never_panics(
        text in "(id|nom|commune|code_postal|adresse|latitude|services|[,;\"\\n\\r|éà<>]|[0-9.-]{1,8}|[a-zA-Z ]{0,10}){0,80}"
    ) {
        let with_header = format!("id,nom,commune,code_postal,adresse,latitude,longitude,services\n{text}");
        if let Ok(report) = parse_places(with_header.as_bytes()) {
            // Whatever is kept respects the invariants.
            for place in &report.places {
                prop_assert!(!place.id.is_empty() && !place.nom.is_empty());
                prop_assert!(place.code_postal.len() == 5 && place.code_postal.bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(place.latitude.is_some(), place.longitude.is_some());
                prop_assert!(!place.nom.chars().any(char::is_control));
            }
            prop_assert_eq!(report.places.len() + report.skipped.len(), report.rows_read);
        }
    }

    #[test]
    fn parsing_json_like_text_never_panics(
        text in "[\\[\\]{}:,\" ]{0,3}(\"(id|nom|commune|code_postal|adresse|latitude)\"|[\\[\\]{}:,]|[0-9.e-]{1,6}|\"[a-z<>]{0,6}\"|null|true){0,60}"
    ) {
        if let Ok(report) = parse_places(text.as_bytes()) {
            prop_assert_eq!(report.places.len() + report.skipped.len(), report.rows_read);
            prop_assert_eq!(report.format, autonomie_core::places::FileFormat::Json);
        }
    }

    #[test]
    fn opening_hours_never_panic(text in "(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|off|24/7|[0-9]{1,2}|[:;, \\-+]|h){0,30}") {
        if let Ok(hours) = OpeningHours::parse(&text) {
            for day in 0..7 {
                for (start, end) in hours.ranges(day) {
                    prop_assert!(start < end && end <= 1440);
                }
                let _ = hours.is_open(day, 600);
            }
        }
    }

    #[test]
    fn safe_urls_only_ever_start_with_http(text in "\\PC{0,40}") {
        if let Some(url) = safe_url(&text) {
            prop_assert!(url.starts_with("http://") || url.starts_with("https://"));
            prop_assert!(!url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"'`\\".contains(c)));
        }
        if let Some(phone) = normalize_phone(&text) {
            prop_assert!(phone.starts_with('+') && phone[1..].bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
