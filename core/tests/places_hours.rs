//! OSM opening hours: the subset found in real files, and everything else refused.

use autonomie_core::places::{HoursErrorReason, OpeningHours};

const MO: u8 = 0;
const TU: u8 = 1;
const WE: u8 = 2;
const TH: u8 = 3;
const FR: u8 = 4;
const SA: u8 = 5;
const SU: u8 = 6;

fn hours(text: &str) -> OpeningHours {
    match OpeningHours::parse(text) {
        Ok(hours) => hours,
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

fn at(h: u16, m: u16) -> u16 {
    h * 60 + m
}

/// Each day's text, Monday first.
fn week(text: &str) -> [String; 7] {
    let hours = hours(text);
    [MO, TU, WE, TH, FR, SA, SU].map(|day| hours.day_text(day))
}

#[test]
fn weekday_range_with_two_time_ranges() {
    let h = hours("Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00");
    assert_eq!(h.day_text(MO), "09:00–12:00, 14:00–17:30");
    assert_eq!(h.day_text(FR), "09:00–12:00, 14:00–17:30");
    assert_eq!(h.day_text(SA), "09:00–12:00");
    assert_eq!(h.day_text(SU), "");
    assert_eq!(h.ranges(MO), [(540, 720), (840, 1050)]);
    assert!(h.is_open(MO, at(9, 0)), "start is included");
    assert!(h.is_open(MO, at(11, 59)));
    assert!(!h.is_open(MO, at(12, 0)), "end is excluded");
    assert!(!h.is_open(MO, at(13, 0)));
    assert!(h.is_open(WE, at(17, 29)));
    assert!(!h.is_open(SU, at(10, 0)));
}

#[test]
fn day_lists_and_spaces_after_commas() {
    assert_eq!(
        week("Mo,We,Fr 10:00-12:00"),
        ["10:00–12:00", "", "10:00–12:00", "", "10:00–12:00", "", ""].map(String::from)
    );
    assert_eq!(hours("Tu, Th 08:00-09:00").day_text(TH), "08:00–09:00");
    assert_eq!(hours("Mo-We,Sa 08:00-09:00").ranges(SA), [(480, 540)]);
}

#[test]
fn later_rules_replace_earlier_ones_for_the_same_day() {
    // Real CNFS value: Tuesday has its own afternoon.
    let h = hours("Mo-Fr 09:00-12:00,13:30-17:30; Tu 09:00-12:00,14:30-17:30");
    assert_eq!(h.day_text(MO), "09:00–12:00, 13:30–17:30");
    assert_eq!(h.day_text(TU), "09:00–12:00, 14:30–17:30");
    assert!(!h.is_open(TU, at(14, 0)));
    assert!(h.is_open(MO, at(14, 0)));
}

#[test]
fn off_and_closed_close_a_day() {
    let h = hours("Mo-Fr 08:00-12:00; We off");
    assert_eq!(h.day_text(WE), "");
    assert_eq!(h.day_text(TH), "08:00–12:00");
    assert_eq!(hours("Mo-Sa 10:00-18:00; Sa closed").day_text(SA), "");
    assert!(hours("off").is_always_closed());
    assert!(!hours("Mo 10:00-11:00").is_always_closed());
}

#[test]
fn every_day_forms() {
    let h = hours("24/7");
    for day in 0..7 {
        assert_eq!(h.day_text(day), "00:00–24:00");
        assert!(h.is_open(day, 0) && h.is_open(day, 1439));
    }
    // No weekday selector: every day (real Hinaura value).
    assert_eq!(
        hours("09:00-12:00,14:00-17:30").day_text(SU),
        "09:00–12:00, 14:00–17:30"
    );
    let h = hours("08:30-11:30; Th 08:30-11:30,14:00-16:30");
    assert_eq!(h.day_text(MO), "08:30–11:30");
    assert_eq!(h.day_text(TH), "08:30–11:30, 14:00–16:30");
}

#[test]
fn public_holiday_rules_are_ignored() {
    let h = hours("Mo,We,Fr 14:00-18:00; PH off");
    assert_eq!(h.day_text(MO), "14:00–18:00");
    assert_eq!(
        hours("Mo-Fr 09:00-12:00; PH 10:00-11:00").day_text(TU),
        "09:00–12:00"
    );
    let h = hours("Mo 09:00-10:00; Sa,PH 10:00-12:00");
    assert_eq!(h.day_text(SA), "10:00–12:00");
    assert_eq!(h.day_text(SU), "");
}

#[test]
fn ranges_past_midnight_spill_into_the_next_day() {
    let h = hours("Fr 19:00-02:00");
    assert_eq!(h.day_text(FR), "19:00–24:00");
    assert_eq!(h.day_text(SA), "00:00–02:00");
    assert!(h.is_open(SA, at(1, 30)));
    assert!(!h.is_open(SA, at(2, 0)));
    // Extended-hour notation, and Sunday spilling into Monday.
    let h = hours("Su 22:00-26:00; Mo 09:00-10:00");
    assert_eq!(h.day_text(MO), "00:00–02:00, 09:00–10:00");
    assert_eq!(h.day_text(SU), "22:00–24:00");
}

#[test]
fn week_wrapping_day_ranges() {
    assert_eq!(
        week("Fr-Mo 10:00-11:00"),
        [
            "10:00–11:00",
            "",
            "",
            "",
            "10:00–11:00",
            "10:00–11:00",
            "10:00–11:00"
        ]
        .map(String::from)
    );
}

#[test]
fn overlapping_ranges_are_merged_for_display() {
    let h = hours("Mo 09:00-12:00,11:00-13:00,13:00-14:00");
    assert_eq!(h.day_text(MO), "09:00–14:00");
}

#[test]
fn tolerated_spacing() {
    assert_eq!(
        hours("  Mo-Fr  09:00 - 12:00 , 14:00-15:00 ;; ").day_text(MO),
        "09:00–12:00, 14:00–15:00"
    );
}

#[test]
fn malformed_values_from_real_files_are_errors() {
    for text in [
        "Mo 08:22",
        "Mo 08:30-12:00-14:00",
        "Mo-Fr 9h-12h30,13h30-17h",
        "Mo-Th 10h00-12h30",
        "Tu 18:00-18:00",
        "Mo-Fr 09:00-12:00,",
        "Mo09:00-12:00",
        "Mo-",
        "Mo 25:00-26:00",
        "Mo 09:60-10:00",
        "Mo 9:00-10:00",
        "Mo 10:00-49:00",
        "<b>9h-12h</b>",
    ] {
        assert_eq!(
            OpeningHours::parse(text).err().map(|e| e.reason),
            Some(HoursErrorReason::Malformed),
            "{text:?}"
        );
    }
}

#[test]
fn unsupported_osm_constructs_are_errors() {
    for text in [
        "Jan-Mar Mo 10:00-12:00",
        "Mo-Fr 10:00-12:00; SH off",
        "week 1-20 Mo 10:00-12:00",
        "Mo[1] 10:00-12:00",
        "Mo-Fr open",
        "Mo-Fr",
        "Mo-Fr 10:00+",
        "Mo-Fr 10:00-12:00 || \"sur rendez-vous\"",
        "Mo 10:00-12:00, We 14:00-16:00",
        "sunrise-sunset",
        "Lundi 9h-12h",
    ] {
        let error = OpeningHours::parse(text);
        assert_eq!(
            error.as_ref().err().map(|e| e.reason),
            Some(HoursErrorReason::Unsupported),
            "{text:?}"
        );
    }
}

#[test]
fn empty_values_are_errors() {
    for text in ["", "  ", ";", " ; ; "] {
        assert_eq!(
            OpeningHours::parse(text).err().map(|e| e.reason),
            Some(HoursErrorReason::Empty)
        );
    }
}

#[test]
fn error_offsets_point_into_the_text() {
    let text = "Mo-Fr 09:00-12:00; Sa 9h";
    let error = OpeningHours::parse(text).err();
    assert_eq!(error.map(|e| e.offset), Some(22));
    assert!(error.is_some_and(|e| e.to_string().contains("byte 22")));
}

#[test]
fn weekday_numbers_wrap_and_never_panic() {
    let h = hours("Mo 09:00-10:00");
    assert_eq!(h.day_text(7), h.day_text(MO));
    assert!(!h.is_open(MO, 5000));
}
