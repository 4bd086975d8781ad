//! Opening hours: the subset of the OSM `opening_hours` syntax found in real files.
//!
//! Supported: rules separated by `;`, each with an optional weekday selector (`Mo`, `Mo-Fr`,
//! `Mo,We,Fr`, `Fr-Mo` wrapping over the week) then time ranges (`09:00-12:00,14:00-17:30`)
//! or `off`/`closed`; a rule without weekdays applies to every day; `24/7`; public holiday
//! rules (`PH off`, `PH 10:00-12:00`) are ignored because we do not know the holidays; ranges
//! past midnight (`22:00-02:00` or `22:00-26:00`) spill into the next day.
//! As in OSM, a later rule replaces what earlier rules said about the same day
//! (`Mo-Fr 09:00-17:00; We off` closes Wednesday).
//!
//! Anything else (months, weeks, school holidays, comments, `open`, `+`, `||`, `9h-12h`, a
//! time without end…) is an error: the UI then shows the raw text.

use std::fmt::Write as _;

/// Minutes in a day.
const DAY: u16 = 24 * 60;

/// Weekly opening hours. Days are numbered Monday = 0 … Sunday = 6.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpeningHours {
    /// Per day, ranges that start that day, in minutes from its midnight; `end` may exceed
    /// 1440 for a range that runs past midnight.
    days: [Vec<(u16, u16)>; 7],
}

/// Why a text could not be read; the UI shows the raw text instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursError {
    /// Byte offset in the text where reading stopped.
    pub offset: usize,
    pub reason: HoursErrorReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursErrorReason {
    Empty,
    /// A construct of the OSM syntax that this reader does not handle.
    Unsupported,
    Malformed,
}

impl std::fmt::Display for HoursError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.reason {
            HoursErrorReason::Empty => "empty opening hours",
            HoursErrorReason::Unsupported => "unsupported opening hours syntax",
            HoursErrorReason::Malformed => "malformed opening hours",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

impl OpeningHours {
    /// Reads an OSM `opening_hours` value.
    ///
    /// ```
    /// use autonomie_core::places::OpeningHours;
    /// let hours = OpeningHours::parse("Mo-Fr 09:00-12:00,14:00-17:30; We off").unwrap();
    /// assert_eq!(hours.day_text(0), "09:00–12:00, 14:00–17:30");
    /// assert_eq!(hours.day_text(2), "");
    /// assert!(hours.is_open(0, 10 * 60));
    /// assert!(OpeningHours::parse("9h-12h").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<OpeningHours, HoursError> {
        let mut hours = OpeningHours::default();
        let mut any_rule = false;
        let mut offset = 0;
        for rule in text.split(';') {
            let start = offset + (rule.len() - rule.trim_start().len());
            offset += rule.len() + 1;
            let rule = rule.trim();
            if rule.is_empty() {
                continue;
            }
            any_rule = true;
            let mut parser = RuleParser {
                text: rule,
                pos: 0,
                base: start,
            };
            let parsed = parser.rule()?;
            for (day, selected) in parsed.days.iter().enumerate() {
                if *selected {
                    hours.days[day] = parsed.ranges.clone();
                }
            }
        }
        if !any_rule {
            return Err(HoursError {
                offset: 0,
                reason: HoursErrorReason::Empty,
            });
        }
        Ok(hours)
    }

    /// The ranges open on `weekday` (Monday = 0), in minutes since midnight, sorted and
    /// merged, including what spills over from the day before. `end` is at most 1440.
    pub fn ranges(&self, weekday: u8) -> Vec<(u16, u16)> {
        let day = usize::from(weekday % 7);
        let previous = (day + 6) % 7;
        let mut ranges: Vec<(u16, u16)> = self.days[previous]
            .iter()
            .filter(|&&(_, end)| end > DAY)
            .map(|&(_, end)| (0, end - DAY))
            .collect();
        ranges.extend(
            self.days[day]
                .iter()
                .map(|&(start, end)| (start, end.min(DAY))),
        );
        merge_ranges(ranges)
    }

    /// The day's ranges as text, `09:00–12:00, 14:00–17:30` (en dash); empty when closed.
    pub fn day_text(&self, weekday: u8) -> String {
        let mut out = String::new();
        for (i, (start, end)) in self.ranges(weekday).into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(
                out,
                "{:02}:{:02}–{:02}:{:02}",
                start / 60,
                start % 60,
                end / 60,
                end % 60
            );
        }
        out
    }

    /// Whether the place is open on `weekday` (Monday = 0) at `minute` since midnight.
    pub fn is_open(&self, weekday: u8, minute: u16) -> bool {
        self.ranges(weekday)
            .iter()
            .any(|&(start, end)| start <= minute && minute < end)
    }

    /// Whether no day has any opening.
    pub fn is_always_closed(&self) -> bool {
        (0..7).all(|day| self.ranges(day).is_empty())
    }
}

struct Rule {
    days: [bool; 7],
    ranges: Vec<(u16, u16)>,
}

struct RuleParser<'a> {
    text: &'a str,
    pos: usize,
    /// Offset of `text` in the whole value, for error positions.
    base: usize,
}

impl RuleParser<'_> {
    fn error(&self, reason: HoursErrorReason) -> HoursError {
        HoursError {
            offset: self.base + self.pos,
            reason,
        }
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_spaces(&mut self) {
        while self.rest().starts_with(' ') {
            self.pos += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn weekday(&mut self) -> Option<usize> {
        let day = WEEKDAYS.iter().position(|d| self.rest().starts_with(d))?;
        self.pos += 2;
        Some(day)
    }

    fn rule(&mut self) -> Result<Rule, HoursError> {
        if self.text == "24/7" {
            return Ok(Rule {
                days: [true; 7],
                ranges: vec![(0, DAY)],
            });
        }
        let mut days = [false; 7];
        let mut has_selector = false;
        let mut public_holiday = false;
        // Weekday selector: comma-separated days, day ranges and PH.
        loop {
            if self.eat("PH") {
                public_holiday = true;
            } else if let Some(first) = self.weekday() {
                let mut last = first;
                self.skip_spaces();
                if self.eat("-") {
                    self.skip_spaces();
                    last = self
                        .weekday()
                        .ok_or_else(|| self.error(HoursErrorReason::Malformed))?;
                }
                let mut day = first;
                loop {
                    days[day] = true;
                    if day == last {
                        break;
                    }
                    day = (day + 1) % 7;
                }
            } else {
                break;
            }
            has_selector = true;
            if self.rest().starts_with('[') {
                // Mo[1]: nth weekday of the month.
                return Err(self.error(HoursErrorReason::Unsupported));
            }
            self.skip_spaces();
            if !self.eat(",") {
                break;
            }
            self.skip_spaces();
        }
        if self.rest().starts_with(|c: char| c.is_ascii_alphabetic()) && !self.at_off() {
            // Months, weeks, SH, sunrise, "open", text…
            return Err(self.error(HoursErrorReason::Unsupported));
        }
        if has_selector && !days.contains(&true) && public_holiday {
            // Only public holidays: ignored, but the rest must still be well formed.
            self.skip_spaces();
            self.times_or_off()?;
            return Ok(Rule {
                days,
                ranges: Vec::new(),
            });
        }
        if !has_selector {
            days = [true; 7];
        } else if self.pos < self.text.len() && !self.text[..self.pos].ends_with(' ') {
            // "Mo09:00" or "Mo-Fr:" : the selector must be followed by a space.
            return Err(self.error(HoursErrorReason::Malformed));
        }
        self.skip_spaces();
        let ranges = self.times_or_off()?;
        Ok(Rule { days, ranges })
    }

    fn at_off(&self) -> bool {
        let rest = self.rest();
        rest == "off" || rest == "closed"
    }

    fn times_or_off(&mut self) -> Result<Vec<(u16, u16)>, HoursError> {
        if self.at_off() {
            self.pos = self.text.len();
            return Ok(Vec::new());
        }
        if self.rest().is_empty() {
            // "Mo-Fr" alone means open all day in OSM: too likely a mistake here.
            return Err(self.error(HoursErrorReason::Unsupported));
        }
        let mut ranges = Vec::new();
        loop {
            let start = self.time()?;
            self.skip_spaces();
            if !self.eat("-") {
                // "10:00+" (open end) is OSM; "10:00" alone is not.
                let reason = if self.rest().starts_with('+') {
                    HoursErrorReason::Unsupported
                } else {
                    HoursErrorReason::Malformed
                };
                return Err(self.error(reason));
            }
            self.skip_spaces();
            let mut end = self.time()?;
            if start >= DAY || end == start {
                return Err(self.error(HoursErrorReason::Malformed));
            }
            if end < start {
                end += DAY;
            }
            if end > 2 * DAY {
                return Err(self.error(HoursErrorReason::Malformed));
            }
            ranges.push((start, end));
            self.skip_spaces();
            if self.rest().is_empty() {
                return Ok(ranges);
            }
            if !self.eat(",") {
                let reason = if self.rest().starts_with(['+', '|', '"', '/']) {
                    HoursErrorReason::Unsupported
                } else {
                    HoursErrorReason::Malformed
                };
                return Err(self.error(reason));
            }
            self.skip_spaces();
            if self.rest().starts_with(|c: char| c.is_ascii_alphabetic()) {
                // "Mo 10:00-12:00, We 14:00-16:00": an OSM additional rule.
                return Err(self.error(HoursErrorReason::Unsupported));
            }
        }
    }

    /// `HH:MM`, hours 00–48 (past midnight allowed as an end), minutes 00–59.
    fn time(&mut self) -> Result<u16, HoursError> {
        let bytes = self.rest().as_bytes();
        let well_formed = bytes.len() >= 5
            && bytes[..2].iter().all(u8::is_ascii_digit)
            && bytes[2] == b':'
            && bytes[3..5].iter().all(u8::is_ascii_digit);
        if !well_formed {
            return Err(self.error(HoursErrorReason::Malformed));
        }
        let hours = u16::from(bytes[0] - b'0') * 10 + u16::from(bytes[1] - b'0');
        let minutes = u16::from(bytes[3] - b'0') * 10 + u16::from(bytes[4] - b'0');
        if hours > 48 || minutes > 59 {
            return Err(self.error(HoursErrorReason::Malformed));
        }
        self.pos += 5;
        Ok(hours * 60 + minutes)
    }
}

/// Ranges of minutes sorted, overlapping or touching ones joined.
pub(crate) fn merge_ranges(mut ranges: Vec<(u16, u16)>) -> Vec<(u16, u16)> {
    ranges.sort_unstable();
    let mut merged: Vec<(u16, u16)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}
