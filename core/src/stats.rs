//! Anonymous activity counts for a public digital space's reports.
//!
//! # What is kept
//! - **Per day**: assessments started and finished, summaries printed. That someone came on a
//!   given day says nothing about them.
//! - **Per month**: how many times each domain level was reached and each national service
//!   recommended. Kept per month, not per day, so that one visitor's result is mixed with the
//!   month's others.
//!
//! Never an answer, a name, or anything that could identify a person.
//!
//! # What is shown
//! The `stats` value sits in the browser's storage, which anyone at the computer can open. The
//! staff view and the CSV export show any count from 1 to 4 as "< 5" ([`shown`]): with one
//! visitor in a month, the month's levels would otherwise be that person's result.
//!
//! The CSV export's columns are documented in the README. It is written by [`crate::csv`]:
//! comma separated, CRLF line ends, and cells safe to open in a spreadsheet
//! ([`csv::spreadsheet_safe`]: a cell starting with `=`, `+`, `-` or `@` is prefixed with `'`
//! so it is never read as a formula).

use std::collections::BTreeMap;

use crate::csv::{self, LineEnd};
use crate::envelope::Stored;
use crate::evaluation::Evaluation;
use crate::json::{self, Json};
use crate::national::Category;
use crate::scoring::Level;
use crate::services::Service;

/// Days kept; older ones are dropped when a new day is recorded.
pub const MAX_DAYS: usize = 800;
/// Months kept (as long as the days).
pub const MAX_MONTHS: usize = 27;
/// Counts below this (but above 0) are shown as "< 5".
pub const MIN_SHOWN: u32 = 5;

/// A count as the staff view and the CSV show it: 1 to 4 become "< 5".
pub fn shown(count: u32) -> String {
    if count > 0 && count < MIN_SHOWN {
        format!("< {MIN_SHOWN}")
    } else {
        count.to_string()
    }
}

/// What happened on one day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayCounts {
    pub started: u32,
    pub finished: u32,
    pub printed: u32,
}

/// Results over one month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthCounts {
    /// Domain id → times each level was reached, in `Level::ALL` order.
    pub levels: BTreeMap<String, [u32; 4]>,
    /// Service id → times recommended.
    pub services: BTreeMap<String, u32>,
    /// National reading category id → times read (when the widget shows the reading).
    pub national: BTreeMap<String, u32>,
}

/// Sums over a period: days for the activity, months for the results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub started: u32,
    pub finished: u32,
    pub printed: u32,
    pub levels: BTreeMap<String, [u32; 4]>,
    pub services: BTreeMap<String, u32>,
    pub national: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityCounts {
    /// ISO date → what happened that day.
    pub days: BTreeMap<String, DayCounts>,
    /// `YYYY-MM` → results of that month.
    pub months: BTreeMap<String, MonthCounts>,
}

/// What happened, for [`ActivityCounts::record`].
pub enum Event<'a> {
    Started,
    Finished(&'a Finished),
    Printed,
}

/// What a finished assessment adds to the counts: its levels, the services recommended and
/// the national reading's category. The screen that computes the evaluation (in the lazily
/// loaded module) hands this to the widget, which keeps the counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Finished {
    /// Skill domain id and the level reached, for domains with a level.
    pub levels: Vec<(String, Level)>,
    /// Service ids, most needed first.
    pub services: Vec<String>,
    pub national: Option<Category>,
}

impl Finished {
    pub fn of(evaluation: &Evaluation) -> Finished {
        Finished {
            levels: evaluation
                .assessment
                .domains
                .iter()
                .filter_map(|d| Some((d.domain.clone(), d.level?)))
                .collect(),
            services: evaluation
                .orientation
                .services
                .iter()
                .map(|advice| advice.service.id().to_string())
                .collect(),
            national: evaluation.national.as_ref().map(|n| n.category),
        }
    }

    /// `{"levels": {"<domain>": 1..4}, "services": [ids], "national": id}`.
    pub fn to_json(&self) -> Json {
        json::object([
            (
                "levels",
                Some(Json::Object(
                    self.levels
                        .iter()
                        .map(|(domain, level)| (domain.clone(), Json::Number(level.step().into())))
                        .collect(),
                )),
            ),
            ("services", Some(json::strings(&self.services))),
            ("national", self.national.map(|c| json::string(c.id()))),
        ])
    }

    pub fn from_json(json: &Json) -> Option<Finished> {
        let levels = json
            .get("levels")?
            .as_object()?
            .iter()
            .map(|(domain, step)| {
                let step = usize::try_from(step.as_i64()?).ok()?;
                Some((domain.clone(), *Level::ALL.get(step.checked_sub(1)?)?))
            })
            .collect::<Option<Vec<_>>>()?;
        let national = match json.get("national") {
            None | Some(Json::Null) => None,
            Some(id) => Some(
                Category::ALL
                    .into_iter()
                    .find(|c| Some(c.id()) == id.as_str())?,
            ),
        };
        Some(Finished {
            levels,
            services: json::read_strings(json.get("services"))?,
            national,
        })
    }
}

fn level_index(level: Level) -> usize {
    usize::from(level.step() - 1)
}

/// The month (`YYYY-MM`) of an ISO date.
fn month_of(day: &str) -> String {
    day.chars().take(7).collect()
}

impl Totals {
    fn add_day(&mut self, day: &DayCounts) {
        self.started += day.started;
        self.finished += day.finished;
        self.printed += day.printed;
    }
}

impl MonthCounts {
    fn add(&mut self, other: &MonthCounts) {
        for (domain, counts) in &other.levels {
            let mine = self.levels.entry(domain.clone()).or_default();
            for (a, b) in mine.iter_mut().zip(counts) {
                *a += b;
            }
        }
        for (service, n) in &other.services {
            *self.services.entry(service.clone()).or_default() += n;
        }
        for (category, n) in &other.national {
            *self.national.entry(category.clone()).or_default() += n;
        }
    }
}

/// Drops the oldest keys beyond `max`.
fn keep_latest<V>(map: &mut BTreeMap<String, V>, max: usize) {
    while map.len() > max {
        let Some(oldest) = map.keys().next().cloned() else {
            break;
        };
        map.remove(&oldest);
    }
}

impl ActivityCounts {
    pub fn record(&mut self, day: &str, event: Event<'_>) {
        let counts = self.days.entry(day.to_string()).or_default();
        match event {
            Event::Started => counts.started += 1,
            Event::Printed => counts.printed += 1,
            Event::Finished(finished) => {
                counts.finished += 1;
                let month = self.months.entry(month_of(day)).or_default();
                for (domain, level) in &finished.levels {
                    month.levels.entry(domain.clone()).or_default()[level_index(*level)] += 1;
                }
                for service in &finished.services {
                    *month.services.entry(service.clone()).or_default() += 1;
                }
                if let Some(category) = finished.national {
                    *month.national.entry(category.id().to_string()).or_default() += 1;
                }
            }
        }
        keep_latest(&mut self.days, MAX_DAYS);
        keep_latest(&mut self.months, MAX_MONTHS);
    }

    /// The sums over the days from `from` to `to` included (ISO dates compare as text); levels
    /// and services over the months those days touch.
    pub fn total(&self, from: &str, to: &str) -> Totals {
        let mut sum = Totals::default();
        for (_, counts) in self.days.range(from.to_string()..=to.to_string()) {
            sum.add_day(counts);
        }
        let mut results = MonthCounts::default();
        for (_, counts) in self.months.range(month_of(from)..=month_of(to)) {
            results.add(counts);
        }
        sum.levels = results.levels;
        sum.services = results.services;
        sum.national = results.national;
        sum
    }

    /// One row per month the period touches, with the columns documented in the README:
    /// `month,started,finished,printed`, then `level_<domain>_<1..4>` for each domain, then
    /// `service_<id>` for each of the 9 national services, then `national_<category>` for each
    /// national reading category ([`Category::ALL`]). Counts go through [`shown`].
    pub fn to_csv(&self, from: &str, to: &str, domains: &[&str]) -> String {
        let mut header = vec![
            "month".to_string(),
            "started".into(),
            "finished".into(),
            "printed".into(),
        ];
        for domain in domains {
            for step in 1..=4 {
                header.push(format!("level_{domain}_{step}"));
            }
        }
        for service in Service::ALL {
            header.push(format!("service_{}", service.id()));
        }
        for category in Category::ALL {
            header.push(format!("national_{}", category.id()));
        }
        let mut out = csv_row(&header);
        let months: std::collections::BTreeSet<String> = self
            .days
            .range(from.to_string()..=to.to_string())
            .map(|(day, _)| month_of(day))
            .chain(
                self.months
                    .range(month_of(from)..=month_of(to))
                    .map(|(m, _)| m.clone()),
            )
            .collect();
        for month in months {
            // The month's days within the period, and the month's results.
            let first = if month_of(from) == month {
                from.to_string()
            } else {
                format!("{month}-01")
            };
            let last = if month_of(to) == month {
                to.to_string()
            } else {
                format!("{month}-31")
            };
            let totals = self.total(&first, &last);
            let mut row = vec![
                month,
                shown(totals.started),
                shown(totals.finished),
                shown(totals.printed),
            ];
            for domain in domains {
                let levels = totals.levels.get(*domain).copied().unwrap_or_default();
                row.extend(levels.iter().copied().map(shown));
            }
            for service in Service::ALL {
                row.push(shown(
                    totals.services.get(service.id()).copied().unwrap_or(0),
                ));
            }
            for category in Category::ALL {
                row.push(shown(
                    totals.national.get(category.id()).copied().unwrap_or(0),
                ));
            }
            out.push_str(&csv_row(&row));
        }
        out
    }
}

/// A line of the export: each cell made [`csv::spreadsheet_safe`], then written by the one CSV
/// writer, comma separated, ending with CRLF.
fn csv_row(cells: &[String]) -> String {
    let mut line = String::new();
    csv::write_record(
        &mut line,
        cells.iter().map(|cell| csv::spreadsheet_safe(cell)),
        ',',
        LineEnd::CrLf,
    );
    line
}

fn number(n: u32) -> Json {
    Json::Number(i64::from(n))
}

fn read_number(json: Option<&Json>) -> Option<u32> {
    match json {
        None => Some(0),
        Some(value) => u32::try_from(value.as_u64()?).ok(),
    }
}

fn levels_to_json(levels: &BTreeMap<String, [u32; 4]>) -> Json {
    Json::Object(
        levels
            .iter()
            .map(|(d, l)| {
                (
                    d.clone(),
                    Json::Array(l.iter().copied().map(number).collect()),
                )
            })
            .collect(),
    )
}

fn services_to_json(services: &BTreeMap<String, u32>) -> Json {
    Json::Object(
        services
            .iter()
            .map(|(s, n)| (s.clone(), number(*n)))
            .collect(),
    )
}

fn levels_from_json(json: Option<&Json>) -> Option<BTreeMap<String, [u32; 4]>> {
    let mut levels = BTreeMap::new();
    if let Some(map) = json {
        for (domain, counts) in map.as_object()? {
            let counts = counts.as_array()?;
            if counts.len() != 4 {
                return None;
            }
            let mut four = [0u32; 4];
            for (slot, value) in four.iter_mut().zip(counts) {
                *slot = read_number(Some(value))?;
            }
            levels.insert(domain.clone(), four);
        }
    }
    Some(levels)
}

fn services_from_json(json: Option<&Json>) -> Option<BTreeMap<String, u32>> {
    let mut services = BTreeMap::new();
    if let Some(map) = json {
        for (service, n) in map.as_object()? {
            services.insert(service.clone(), read_number(Some(n))?);
        }
    }
    Some(services)
}

fn day_from_json(c: &Json) -> Option<DayCounts> {
    c.as_object()?;
    Some(DayCounts {
        started: read_number(c.get("started"))?,
        finished: read_number(c.get("finished"))?,
        printed: read_number(c.get("printed"))?,
    })
}

impl Stored for ActivityCounts {
    /// Version 2: results per month (version 1 kept them per day).
    const VERSION: u32 = 2;

    fn to_json(&self) -> Json {
        let days = Json::Object(
            self.days
                .iter()
                .map(|(day, c)| {
                    (
                        day.clone(),
                        json::object([
                            ("started", Some(number(c.started))),
                            ("finished", Some(number(c.finished))),
                            ("printed", Some(number(c.printed))),
                        ]),
                    )
                })
                .collect(),
        );
        let months = Json::Object(
            self.months
                .iter()
                .map(|(month, c)| {
                    (
                        month.clone(),
                        json::object([
                            ("levels", Some(levels_to_json(&c.levels))),
                            ("services", Some(services_to_json(&c.services))),
                            ("national", Some(services_to_json(&c.national))),
                        ]),
                    )
                })
                .collect(),
        );
        json::object([("days", Some(days)), ("months", Some(months))])
    }

    fn from_json(json: &Json) -> Option<Self> {
        json.as_object()?;
        let mut counts = ActivityCounts::default();
        if let Some(days) = json.get("days") {
            for (day, c) in days.as_object()? {
                counts.days.insert(day.clone(), day_from_json(c)?);
            }
        }
        if let Some(months) = json.get("months") {
            for (month, c) in months.as_object()? {
                c.as_object()?;
                counts.months.insert(
                    month.clone(),
                    MonthCounts {
                        levels: levels_from_json(c.get("levels"))?,
                        services: services_from_json(c.get("services"))?,
                        national: services_from_json(c.get("national"))?,
                    },
                );
            }
        }
        Some(counts)
    }

    /// Version 1 held levels and services per day: they are added up per month, so nothing is
    /// lost and no single day's result stays readable.
    fn from_older(version: u32, json: &Json) -> Option<Self> {
        if version != 1 {
            return None;
        }
        let mut counts = ActivityCounts::default();
        for (day, c) in json.as_object()? {
            counts.days.insert(day.clone(), day_from_json(c)?);
            let month = MonthCounts {
                levels: levels_from_json(c.get("levels"))?,
                services: services_from_json(c.get("services"))?,
                national: BTreeMap::new(),
            };
            counts.months.entry(month_of(day)).or_default().add(&month);
        }
        keep_latest(&mut counts.months, MAX_MONTHS);
        Some(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::bank::{Bank, ItemKind};
    use crate::evaluation::{evaluate, Evaluation};
    use crate::session::play;

    /// A person with a smartphone and internet who cannot do anything yet: every domain
    /// stops at its first item, "à découvrir".
    fn beginner() -> Evaluation {
        let bank = Bank::builtin();
        let session = play(&bank, |item, _| match item.kind {
            ItemKind::Fact => Answer::Yes,
            ItemKind::Choice => Answer::Choice(0),
            ItemKind::Rating => Answer::NotYet,
            ItemKind::Task => Answer::DontKnow,
        });
        evaluate(&bank, &session, &[])
    }

    fn finished_counts() -> ActivityCounts {
        let evaluation = beginner();
        let mut counts = ActivityCounts::default();
        counts.record("2026-11-20", Event::Started);
        counts.record("2026-11-21", Event::Started);
        counts.record("2026-11-21", Event::Finished(&Finished::of(&evaluation)));
        counts.record("2026-11-21", Event::Printed);
        counts
    }

    #[test]
    fn a_finished_summary_round_trips_and_refuses_nonsense() {
        let finished = Finished::of(&beginner());
        assert!(!finished.levels.is_empty());
        let json = finished.to_json();
        assert_eq!(Finished::from_json(&json), Some(finished));
        for bad in [
            r#"{"levels":{"appareil":5},"services":[]}"#,
            r#"{"levels":{"appareil":0},"services":[]}"#,
            r#"{"levels":{},"services":[],"national":"brilliant"}"#,
            r#"{"services":[]}"#,
        ] {
            assert_eq!(
                Finished::from_json(&Json::parse(bad).unwrap()),
                None,
                "{bad}"
            );
        }
    }

    #[test]
    fn counts_add_up_over_a_period() {
        let counts = finished_counts();
        let all = counts.total("2026-11-01", "2026-11-30");
        assert_eq!((all.started, all.finished, all.printed), (2, 1, 1));
        // With no answer every domain that concerns the person is "à découvrir".
        assert_eq!(all.levels.get("communication"), Some(&[1, 0, 0, 0]));
        assert_eq!(all.services.get("demarches"), Some(&1));
        let one_day = counts.total("2026-11-20", "2026-11-20");
        assert_eq!((one_day.started, one_day.finished), (1, 0));
        assert_eq!(counts.total("2026-12-01", "2026-12-31"), Totals::default());
    }

    #[test]
    fn results_are_kept_per_month_never_per_day() {
        let counts = finished_counts();
        let stored = counts.to_json().write();
        assert!(
            stored.contains(r#""months":{"2026-11":{"levels":"#),
            "{stored}"
        );
        // The day of the visit holds only the activity.
        assert!(
            stored.contains(r#""2026-11-21":{"started":1,"finished":1,"printed":1}"#),
            "{stored}"
        );
    }

    #[test]
    fn small_counts_are_shown_as_fewer_than_5() {
        assert_eq!(shown(0), "0");
        for n in 1..=4 {
            assert_eq!(shown(n), "< 5");
        }
        assert_eq!(shown(5), "5");
        assert_eq!(shown(123), "123");
    }

    #[test]
    fn the_csv_has_the_documented_columns() {
        let csv = finished_counts().to_csv("2026-11-01", "2026-11-30", &["communication"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "month,started,finished,printed,level_communication_1,level_communication_2,level_communication_3,level_communication_4,\
             service_demarches,service_outils_quotidien,service_insertion_pro,service_utilisation_securisee,service_parentalite,\
             service_loisirs,service_comprendre_numerique,service_acces_internet_materiel,service_acquisition_materiel,\
             national_not_assessed,national_none,national_limited,national_narrow,national_low,national_basic,national_above_basic"
        );
        assert_eq!(lines.len(), 2);
        // One visitor: nothing in the file tells that person's result.
        assert!(
            lines[1].starts_with("2026-11,< 5,< 5,< 5,< 5,0,0,0,< 5,"),
            "{}",
            lines[1]
        );
        let mut busy = ActivityCounts::default();
        let evaluation = beginner();
        for day in [
            "2026-10-30",
            "2026-11-02",
            "2026-11-03",
            "2026-11-04",
            "2026-11-05",
            "2026-11-06",
        ] {
            busy.record(day, Event::Finished(&Finished::of(&evaluation)));
        }
        let csv = busy.to_csv("2026-10-01", "2026-11-30", &["communication"]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert!(lines[1].starts_with("2026-10,0,< 5,0,< 5,"), "{}", lines[1]);
        assert!(
            lines[2].starts_with("2026-11,0,5,0,5,0,0,0,"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn version_1_counts_are_migrated_to_months() {
        let v1 = r#"{"v":1,"data":{"2026-11-20":{"started":2,"finished":1,"printed":0,"levels":{"communication":[1,0,0,0]},"services":{"demarches":1}},"2026-11-21":{"started":1,"finished":1,"printed":1,"levels":{"communication":[0,0,1,0]},"services":{"demarches":1,"loisirs":1}}}}"#;
        let counts = crate::envelope::unwrap::<ActivityCounts>(v1).expect("migrated");
        assert_eq!(counts.days.len(), 2);
        assert_eq!(counts.days["2026-11-20"].started, 2);
        let month = &counts.months["2026-11"];
        assert_eq!(month.levels["communication"], [1, 0, 1, 0]);
        assert_eq!(month.services["demarches"], 2);
        assert_eq!(month.services["loisirs"], 1);
        // Written back in the new format.
        assert!(crate::envelope::wrap(&counts).starts_with(r#"{"v":2,"#));
    }

    #[test]
    fn cells_that_look_like_formulas_are_neutralised() {
        let row =
            |cells: &[&str]| csv_row(&cells.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert_eq!(
            row(&["=HYPERLINK(\"http://x\")", "+33 1 23", "-1", "@SUM(A1)"]),
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+33 1 23,'-1,'@SUM(A1)\r\n"
        );
        assert_eq!(
            row(&["a,b", "2026-11-21", "< 5"]),
            "\"a,b\",2026-11-21,< 5\r\n"
        );
    }

    #[test]
    fn the_csv_is_written_byte_for_byte() {
        let mut counts = ActivityCounts::default();
        for _ in 0..5 {
            counts.record("2026-11-03", Event::Started);
        }
        counts.record("2026-11-04", Event::Printed);
        let csv = counts.to_csv("2026-11-01", "2026-11-30", &["communication"]);
        let header = "month,started,finished,printed,level_communication_1,level_communication_2,\
             level_communication_3,level_communication_4,service_demarches,service_outils_quotidien,\
             service_insertion_pro,service_utilisation_securisee,service_parentalite,service_loisirs,\
             service_comprendre_numerique,service_acces_internet_materiel,\
             service_acquisition_materiel,national_not_assessed,national_none,national_limited,\
             national_narrow,national_low,national_basic,national_above_basic";
        // Every line ends with CRLF; "< 5" needs no quotes.
        let row = format!("2026-11,5,0,< 5{}", ",0".repeat(4 + 9 + 7));
        assert_eq!(csv, format!("{header}\r\n{row}\r\n"));
    }

    #[test]
    fn stored_counts_round_trip_and_bad_ones_are_refused() {
        let counts = finished_counts();
        let raw = crate::envelope::wrap(&counts);
        assert_eq!(crate::envelope::unwrap::<ActivityCounts>(&raw), Ok(counts));
        for bad in [
            r#"{"v":2,"data":{"days":{"2026-01-01":{"started":-1}}}}"#,
            r#"{"v":2,"data":{"months":{"2026-01":{"levels":{"x":[1,2]}}}}}"#,
            r#"{"v":2,"data":[]}"#,
            r#"{"v":1,"data":{"2026-01-01":{"levels":{"x":[1,2]}}}}"#,
        ] {
            assert!(
                crate::envelope::unwrap::<ActivityCounts>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn old_days_are_dropped() {
        let mut counts = ActivityCounts::default();
        for day in 0..(MAX_DAYS + 5) {
            counts.record(&format!("2020-{:04}", day), Event::Started);
        }
        assert_eq!(counts.days.len(), MAX_DAYS);
        assert!(!counts.days.contains_key("2020-0000"));
    }
}
