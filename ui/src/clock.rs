//! Dates from the browser clock, in the person's local time.

use autonomie_core::i18n::Lang;

/// Today as YYYY-MM-DD (local time, which is what a person calls "today").
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

pub fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

/// A stored ISO date written out for people, e.g. "22 novembre 2026", in the current language.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(year)), Some(Some(month)), Some(Some(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_string();
    }
    let date = js_sys::Date::new_with_year_month_day(year, month as i32 - 1, day as i32);
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(date.to_locale_date_string(lang.code(), &options))
}
